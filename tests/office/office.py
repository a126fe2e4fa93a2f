"""A real LibreOffice for the tests: a throw-away profile, the built .oxt
installed into it through the office's own ExtensionManager, and a UNO
connection. Run with /usr/bin/python3 (Debian's python3-uno)."""

import atexit
import contextlib
import faulthandler
import json
import os
import re
import sys
import threading
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import uuid

import uno
import unohelper
from com.sun.star.awt import XCallback
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler
from com.sun.star.beans import PropertyValue, NamedValue

SOFFICE = os.environ.get("SCRQM_SOFFICE", "/usr/lib/libreoffice/program/soffice")
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# ctest names the build's .oxt; by hand, build/ of this checkout.
OXT = os.environ.get("SCRQM_OXT", os.path.join(ROOT, "build", "scrqm.oxt"))
SAMPLE = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx")

# Every office a test started, closed at exit even when a test's setUpClass
# failed (unittest then skips tearDownClass).
_LIVE = []


@atexit.register
def _close_all():
    for office in list(_LIVE):
        office.close()


def _office_threads(pid):
    """The office's main thread and its threads in scrqm code, from gdb: a
    hang's cause, printed where CI shows it."""
    try:
        out = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt 30"],
                             capture_output=True, text=True, timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        return "gdb: %s\n" % e
    build = os.environ.get("SCRQM_BUILD_DIR")
    if build and os.path.isdir(build):
        # Every thread, for a closer look than CI's output gives.
        with open(os.path.join(build, "watchdog-%d.txt" % pid), "w") as f:
            f.write(out)
    keep = []
    for block in re.split(r"\n(?=Thread \d+ )", out):
        if block.startswith("Thread 1 ") or "scrqm" in block or "Tracker" in block:
            keep.append(block.strip())
    return "\n\n".join(keep) + "\n"


def _watchdog():
    """A test still running near ctest's limit is hung: print where Python
    and the office are, then kill the offices so the blocked call fails and
    the run ends with that report instead of a bare timeout."""
    sys.stderr.write("\n=== watchdog: test still running after %s s ===\n" % _WATCHDOG_S)
    faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    for office in list(_LIVE):
        for pid in office.office_pids():
            try:
                with open("/proc/%d/comm" % pid) as f:
                    if f.read().strip() != "soffice.bin":
                        continue
            except OSError:
                continue
            sys.stderr.write("--- soffice.bin %d ---\n%s" % (pid, _office_threads(pid)))
    sys.stderr.flush()
    for office in list(_LIVE):
        try:
            os.killpg(office.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# Set by ctest below its own limit; benchmarks run as long as they need.
_WATCHDOG_S = float(os.environ.get("SCRQM_TEST_WATCHDOG", "0"))
if _WATCHDOG_S > 0:
    _timer = threading.Timer(_WATCHDOG_S, _watchdog)
    _timer.daemon = True
    _timer.start()

EXTENSION_ID = "org.scrqm.extension"


_panel_dialogs = []  # (document, deck, panel, dialog): each fetched once


def panel_dialog(doc, panel, deck="ScrqmPrepublicationDeck", seconds=0.0):
    """The dialog (its controls) of a sidebar panel of a visible document.
    The sidebar makes a deck's panels a moment after the command that opens
    it has returned: `seconds` waits that long for the panel.

    Fetched once per panel and kept: the sidebar answers by name only for
    the panels that match its current context, and under Xvfb that answer
    changes from one call to the next (for LibreOffice's own decks too);
    XPanel.getDialog() of a panel its deck does not hold dereferences a null
    panel (LibreOffice 7.4, sfx2 UnoPanel.cxx) and takes the office down.
    So the panel is fetched only from the deck on show, once it lists it,
    and never again while its controls live."""
    for entry in list(_panel_dialogs):
        if entry[0] == doc and entry[1] == deck and entry[2] == panel:
            try:
                if entry[3].getControls():
                    return entry[3]
            except Exception:
                pass  # disposed with its panel: fetched again below
            _panel_dialogs.remove(entry)
    deadline = time.time() + seconds
    while True:
        shown = doc.getCurrentController().getSidebar().getDecks().getByName(deck)
        if shown.isActive() and shown.getPanels().hasByName(panel):
            dialog = shown.getPanels().getByName(panel).getDialog()
            _panel_dialogs.append((doc, deck, panel, dialog))
            return dialog
        if time.time() >= deadline:
            raise AssertionError("no panel %s in %s" % (panel, deck))
        time.sleep(0.05)


QM_DECK = "ScrqmQualityMarkersDeck"


def wait_for(predicate, seconds=10.0, step=0.1):
    """Polls predicate() until it holds or `seconds` have passed (the panels
    refresh after a pause in editing, debounced): its last answer."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def list_items(dialog, name):
    """The rows of the list box `name` in a panel's dialog."""
    return list(dialog.getControl(name).getModel().StringItemList)


def quality_marker_panels(office, doc):
    """The Markers and Sections panels' dialogs of a visible document, the
    Quality Markers deck opened through the extension's own command. The
    sidebar builds its deck list for the frame once the window is up, and a
    deck's panels after it turns active: both are waited for."""
    decks = doc.getCurrentController().getSidebar().getDecks()
    if not wait_for(lambda: decks.hasByName(QM_DECK) or
                    office.dispatch(doc, "vnd.scrqm:QualityMarkers")):
        raise AssertionError("no Quality Markers deck: %s" % (decks.getElementNames(),))
    deck = decks.getByName(QM_DECK)
    if not deck.isActive():
        office.dispatch(doc, "vnd.scrqm:QualityMarkers")
    if not deck.isActive():
        raise AssertionError("the Quality Markers deck did not open")
    dialogs = []
    for name in ("ScrqmMarkersPanel", "ScrqmSectionsPanel"):
        if not wait_for(lambda: deck.getPanels().hasByName(name)):
            raise AssertionError("no %s: %s" % (name, deck.getPanels().getElementNames()))
        panel = deck.getPanels().getByName(name)
        if not panel.isExpanded():
            panel.expand(False)
        dialog = panel.getDialog()
        if dialog is None:
            raise AssertionError("%s has no dialog" % name)
        dialogs.append(dialog)
    return tuple(dialogs)


def _pairs(kind, kw):
    out = []
    for k, v in kw.items():
        p = kind()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def add_comment(doc, where, content, author="Reviewer"):
    """A comment (annotation field) at `where`."""
    comment = doc.createInstance("com.sun.star.text.TextField.Annotation")
    comment.Content, comment.Author = content, author
    doc.getText().insertTextContent(where, comment, False)
    return comment


def add_row(doc, where, *cells):
    """A table of one row holding `cells`, at `where`."""
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(1, len(cells))
    doc.getText().insertTextContent(where, table, False)
    for i, value in enumerate(cells):
        table.getCellByName("%s1" % chr(ord("A") + i)).setString(value)
    return table


def props(**kw):
    """PropertyValues (loadComponentFromURL, dispatch arguments)."""
    return _pairs(PropertyValue, kw)


def named(**kw):
    """NamedValues (the macro API's arguments)."""
    return _pairs(NamedValue, kw)


class _Env(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """Approves the licence of an unattended install."""

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        for c in request.getContinuations():
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                c.select()
                return

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


def start_office(profile_dir, pipe, visible_env=None):
    """Starts soffice on profile_dir, accepting on the named pipe, and
    connects to it: (process, component context). Headless unless
    visible_env (the environment of a visible office, for screenshots) is
    given. The process has its own session, so os.killpg stops it whole;
    it is stopped here if it never answers."""
    args = [SOFFICE] + ([] if visible_env else ["--headless", "--invisible"]) + [
        "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--nofirststartwizard",
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile_dir)]
    proc = subprocess.Popen(args, env=visible_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return proc, resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if proc.poll() is not None or time.time() > deadline:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.1)


class _OnMainThread(unohelper.Base, XCallback):
    def __init__(self, run):
        self.run, self.seconds = run, None

    def notify(self, data):
        start = time.perf_counter()
        self.run()
        self.seconds = time.perf_counter() - start


class Office:
    def __init__(self, oxt=None, profile_dir=None, restart=True, visible_env=None):
        """profile_dir: reuse a profile (to restart an office); else a new one.
        visible_env: the environment of an office on a display (xui.py),
        else headless.
        oxt: installed through the office's ExtensionManager; then, with
        `restart`, the office restarts on the same profile, as LibreOffice
        asks a user to. Until then it runs the extension's native component
        in a helper process (uno.bin) and every call crosses a process
        boundary: slower, and not what users run."""
        self.own_dir = profile_dir is None
        self.visible_env = visible_env
        self.dir = profile_dir or tempfile.mkdtemp(prefix="scrqm-test-")
        _LIVE.append(self)
        self._start()
        if oxt:
            self.install(oxt)
            if restart:
                self._record_version_seen()
                self._stop()
                self._start()

    def _start(self):
        self.pipe = "scrqmtest_" + uuid.uuid4().hex
        try:
            self.proc, self.ctx = start_office(os.path.join(self.dir, "profile"), self.pipe,
                                                self.visible_env)
        except RuntimeError:
            self.close()
            raise
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def _record_version_seen(self):
        """Until a profile has seen this LibreOffice version, every start runs
        LibreOffice's graphics self-tests (about 0.7 s of CPU here); a
        user's office runs them once per upgrade."""
        provider = self.smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        product = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            props(nodepath="/org.openoffice.Setup/Product"))
        product.replaceByName("ooSetupLastVersion", product.getByName("ooSetupVersion"))
        product.commitChanges()

    def _stop(self):
        try:
            if getattr(self, "desktop", None) is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
        self.desktop = None
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def extension_manager(self):
        return self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")

    def install(self, oxt):
        return self.extension_manager().addExtension(
            uno.systemPathToFileUrl(os.path.abspath(oxt)), named(SUPPRESS_LICENSE="1"), "user",
            None, _Env())

    def deployed(self):
        return [p for p in self.extension_manager().getDeployedExtensions("user", None, _Env())
                if p is not None]

    def remove(self, identifier=EXTENSION_ID, filename="scrqm.oxt"):
        self.extension_manager().removeExtension(identifier, filename, "user", None, _Env())

    def assistant(self):
        return self.smgr.createInstanceWithContext("org.scrqm.ReviewAssistant", self.ctx)

    def load(self, path, hidden=True, read_only=True):
        """Read-only by default: tests running in parallel open the same files."""
        return self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
            props(Hidden=hidden, ReadOnly=read_only))

    def dispatch(self, target, url, args=()):
        """A command on a frame (or a document's frame), the way a menu or
        toolbar runs it."""
        if hasattr(target, "getCurrentController"):
            target = target.getCurrentController().getFrame()
        helper = self.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)
        helper.executeDispatch(target, url, "", 0, args)

    def on_main_thread(self, run, timeout=300):
        """Calls run() on the office's main thread, where a toolbar click or
        the sidebar runs; the seconds it took. A call from this process runs
        on a bridge thread that takes the office's global lock for every
        document call and gives it back in between: many times slower. awt's
        AsyncCallback calls notify() on the main thread, and URP runs the
        calls made inside notify() on that same thread."""
        job = _OnMainThread(run)
        self.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback",
                                            self.ctx).addCallback(job, None)
        deadline = time.time() + timeout
        while job.seconds is None and time.time() < deadline:
            time.sleep(0.01)
        return job.seconds

    @contextlib.contextmanager
    def loaded(self, path, **kw):
        """load(path, **kw) for a `with`, closed at its end."""
        doc = self.load(path, **kw)
        try:
            yield doc
        finally:
            doc.close(True)

    def new_writer(self, hidden=True):
        return self.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                 props(Hidden=hidden))

    def close(self):
        if self in _LIVE:
            _LIVE.remove(self)
        elif getattr(self, "_closed", False):
            return
        self._closed = True
        if getattr(self, "proc", None) is not None:
            self._stop()
        if self.own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def office_pids(self):
        """The office's processes (oosplash and soffice.bin)."""
        out = subprocess.run(["pgrep", "-f", self.pipe], capture_output=True, text=True).stdout
        return [int(x) for x in out.split()]

    def loaded_libraries(self):
        libs = set()
        for pid in self.office_pids():
            try:
                with open("/proc/%d/maps" % pid) as f:
                    libs.update(line.split()[-1] for line in f if "/" in line)
            except OSError:
                pass
        return libs


class OfficeTest(unittest.TestCase):
    """A test class with one office (the .oxt installed) for all its tests
    and a folder for their files, both gone after the last test; the
    documents a test keeps in self.docs are closed after it."""

    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT)
        cls.tmp = tempfile.mkdtemp(prefix="scrqm-test-")

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.docs = []

    def tearDown(self):
        for d in self.docs:
            try:
                d.close(True)
            except Exception:
                pass  # closed by the test, or gone with a failure

    @classmethod
    def call(cls, **kw):
        """The macro API's answer, parsed."""
        return json.loads(cls.office.assistant().execute(named(**kw)))

    def call_ok(self, **kw):
        """The macro API's answer, which must not be an error."""
        out = self.call(**kw)
        self.assertNotIn("error", out, out)
        return out

    def load(self, path, hidden=True):
        """`path` opened for editing, closed after the test."""
        doc = self.office.load(path, hidden=hidden, read_only=False)
        self.docs.append(doc)
        return doc

    def call_on(self, doc, **kw):
        """The macro API's answer for `doc`, which must not be an error."""
        return self.call_ok(Document=doc, **kw)

    def copy_of(self, source=SAMPLE, name=None):
        """A copy of `source` (named `name`) in a folder of its own, to edit
        and save."""
        path = os.path.join(tempfile.mkdtemp(dir=self.tmp), name or os.path.basename(source))
        shutil.copy(source, path)
        return path
