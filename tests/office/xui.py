"""A visible LibreOffice for the tests (test_fix_ui, test_register_dialog),
benchmarks and screenshot scripts that drive it as a user does: a virtual X
display (Xvfb), a fresh profile with the first-run bars off, the office on
that display with the X11 'gen' plugin, real input (xdotool) and screenshots
(ImageMagick's `import`).

    with xui.Screen(size=(1600, 1000)) as screen:
        o = screen.office(OXT)
        ...
        xui.xdo("key", "ctrl+alt+shift+c")
        screen.shot("out.png")

Run with /usr/bin/python3 (Debian's python3-uno), like office.py."""
import argparse
import os
import shutil
import subprocess
import tempfile
import time

import office


def setting(path, name, value):
    """One item of a profile's registrymodifications.xcu."""
    return ('<item oor:path="%s"><prop oor:name="%s" oor:op="fuse"><value>%s</value></prop></item>'
            % (path, name, value))


# The tip of the day and the first-run page would cover the window a test
# reads or photographs.
QUIET = (setting("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "false"),
         setting("/org.openoffice.Office.Common/Misc", "FirstRun", "false"))
# The donate and get-involved bars, off for the screenshots in the docs (the
# tests run with them as a user's fresh profile has them).
NO_INFOBARS = (setting("/org.openoffice.Setup/Product", "LastTimeDonateShown", "9999999999"),
               setting("/org.openoffice.Setup/Product", "LastTimeGetInvolvedShown", "9999999999"))


def registry(*items):
    """A registrymodifications.xcu with QUIET and `items`."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
            ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            + "".join(item + "\n" for item in QUIET + items) + "</oor:items>\n")


TIP_OFF = registry()


def write_profile(directory, settings=TIP_OFF):
    """A fresh profile in directory/profile holding only `settings`."""
    user = os.path.join(directory, "profile", "user")
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
        f.write(settings)


def free_display(first=90):
    """A display number no X server holds (neither socket nor lock file)."""
    for n in range(first, first + 100):
        if not os.path.exists("/tmp/.X11-unix/X%d" % n) and not os.path.exists("/tmp/.X%d-lock" % n):
            return ":%d" % n
    raise RuntimeError("no free X display")


def visible_office(oxt, profile_dir, display, **env):
    """office.Office started on `display` instead of headless (the X11 'gen'
    plugin, so that xdotool's input and accessibility's positions are
    X's). os.environ gets the display too: xdotool and `import` read it.
    `env`: more variables for the office only (HOME=... keeps it off the
    user's files)."""
    os.environ["DISPLAY"] = display
    os.environ["SAL_USE_VCLPLUGIN"] = "gen"
    return office.Office(oxt, profile_dir=profile_dir, visible_env=dict(os.environ, **env))


class Screen:
    """An Xvfb display and a fresh profile folder; offices started with
    office() are closed, the display stopped, the folder removed and
    DISPLAY restored by stop() (or leaving the `with`)."""

    def __init__(self, display=None, size=(1600, 1000), settings=TIP_OFF, prefix="scrqm-xui-"):
        self.display = display or free_display()
        self.width, self.height = size
        self.settings, self.prefix = settings, prefix
        self.offices, self.xvfb, self.dir = [], None, None

    def start(self):
        self.dir = tempfile.mkdtemp(prefix=self.prefix)
        write_profile(self.dir, self.settings)
        self.saved_env = {k: os.environ.get(k) for k in ("DISPLAY", "SAL_USE_VCLPLUGIN")}
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "%dx%dx24" % (self.width, self.height),
             "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        # Up when its socket is there; an office started earlier finds no display.
        socket = "/tmp/.X11-unix/X%s" % self.display.lstrip(":")
        deadline = time.time() + 10
        while not os.path.exists(socket) and time.time() < deadline and self.xvfb.poll() is None:
            time.sleep(0.1)
        time.sleep(0.2)
        return self

    def office(self, oxt, **env):
        """The office on this display and profile, the .oxt installed (see
        visible_office)."""
        o = visible_office(oxt, self.dir, self.display, **env)
        self.offices.append(o)
        return o

    def show(self, o, source):
        """`source` (copied into this screen's folder unless it is there)
        opened for editing in office `o`, its window filling the screen;
        (document, frame)."""
        path = os.path.join(self.dir, os.path.basename(source))
        if os.path.abspath(source) != path:
            shutil.copy(source, path)
        doc = o.load(path, hidden=False, read_only=False)
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, self.width, self.height, 15)
        return doc, frame

    def shot(self, path):
        """The whole screen as a PNG."""
        subprocess.run(["import", "-display", self.display, "-window", "root", path], check=True)
        return path

    def stop(self):
        try:
            for o in self.offices:
                o.close()
        finally:
            if self.xvfb is not None:
                self.xvfb.terminate()
                self.xvfb.wait()
            for k, v in getattr(self, "saved_env", {}).items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            if self.dir:
                shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def screenshot(shoot, out, size, settings=registry(*NO_INFOBARS), scenes=None):
    """A screenshot script's main: its options --oxt (default
    build/scrqm.oxt), --out (default `out`, under the checkout) and --size
    WIDTHxHEIGHT (default `size`); then shoot(screen, office, options) with
    the .oxt installed in an office on a screen of that size. With `scenes`
    ({name: default out}) also --scene, whose default out replaces `out`."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", default=os.path.join(office.ROOT, "build", "scrqm.oxt"))
    ap.add_argument("--out")
    ap.add_argument("--size", default=size)
    if scenes:
        ap.add_argument("--scene", choices=sorted(scenes), default=next(iter(scenes)))
    args = ap.parse_args()
    if not args.out:
        args.out = os.path.join(office.ROOT, scenes[args.scene] if scenes else out)
    width, height = (int(x) for x in args.size.split("x"))
    with Screen(size=(width, height), settings=settings, prefix="scrqm-shot-") as screen:
        # HOME in the throw-away folder: nothing of the user's is read or written.
        shoot(screen, screen.office(args.oxt, HOME=screen.dir), args)


def xdo(*args, check=True):
    """xdotool on os.environ's display; its output. With check=False a
    failure (a search that finds nothing) gives what it printed."""
    return subprocess.run(["xdotool"] + [str(a) for a in args], check=check,
                          stdout=subprocess.PIPE, text=True,
                          stderr=None if check else subprocess.DEVNULL).stdout


def keys(*names, pause=0.8):
    """Keys typed one after the other, then a pause for the office to draw."""
    xdo("key", "--delay", "150", *names)
    time.sleep(pause)


def typed(text, pause=0.8):
    xdo("type", "--delay", "60", text)
    time.sleep(pause)


def centre(control):
    """A control's centre on the screen (its accessible component)."""
    ctx = control.getPeer().getAccessibleContext()
    p = ctx.getLocationOnScreen()
    s = ctx.getSize()
    return p.X + s.Width // 2, p.Y + s.Height // 2


def window_of(name, seconds=0.0):
    """The id of the last X window whose name matches `name` (a regular
    expression), or None after `seconds`."""
    deadline = time.time() + seconds
    while True:
        found = xdo("search", "--name", name, check=False).split()
        if found or time.time() >= deadline:
            return found[-1] if found else None
        time.sleep(0.3)


def wait_for(predicate, seconds=20.0, step=0.25):
    """predicate()'s first true value within `seconds` (an exception counts
    as not yet: the office may be between states), else None."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(step)
    return None


def available():
    """Whether this machine can run a UI test (Xvfb and xdotool)."""
    return bool(shutil.which("Xvfb") and shutil.which("xdotool"))


def key(*keys):
    """Presses each key (xdotool names: "ctrl+z", "Return", "Down"), with
    modifiers still held by an earlier call cleared first."""
    for k in keys:
        xdo("key", "--clearmodifiers", k)


def type_text(text, delay_ms=20):
    xdo("type", "--delay", delay_ms, text)


def window_ids(title):
    """X windows whose name matches `title`, a regular expression matched
    in any letter case ("^Case register$" for that name exactly); newest
    last. Mapped windows only: LibreOffice can keep a closed dialog's
    window, unmapped, under its title."""
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                         capture_output=True, text=True).stdout
    return out.split()


def focus_window(title, seconds=15.0):
    """Waits for a window named `title` and gives it the keyboard focus, as
    a click on it would (Xvfb has no window manager, so a new dialog does not
    take the focus by itself). Returns its id, or None at the deadline."""
    found = wait_for(lambda: window_ids(title), seconds)
    if not found:
        return None
    xdo("windowfocus", found[-1])
    # The focus is asynchronous: wait until X reports it.
    wait_for(lambda: subprocess.run(["xdotool", "getwindowfocus"], capture_output=True,
                                    text=True).stdout.strip() == found[-1], 3, 0.05)
    return found[-1]


def gone(title, seconds=15.0):
    """Waits until no window is named `title`."""
    return wait_for(lambda: not window_ids(title), seconds) is not None


def screen_rect(accessible_owner):
    """(x, y, width, height) on screen of a control or window, through its
    accessible context (a UNO control's peer or an awt window)."""
    peer = accessible_owner.getPeer() if hasattr(accessible_owner, "getPeer") else accessible_owner
    acc = peer.getAccessibleContext()
    at, size = acc.getLocationOnScreen(), acc.getSize()
    return at.X, at.Y, size.Width, size.Height


def click(accessible_owner, dx=None, dy=None, button=1):
    """A real click on a control (its centre, or dx/dy from its top left)."""
    x, y, w, h = screen_rect(accessible_owner)
    xdo("mousemove", x + (w // 2 if dx is None else dx), y + (h // 2 if dy is None else dy),
        "click", button)


def discard_documents(office_):
    """Closes every open document without saving: a modified one left by a
    failed test would otherwise stop the office's terminate() on its "Save
    changes?" question."""
    try:
        e = office_.desktop.getComponents().createEnumeration()
        docs = []
        while e.hasMoreElements():
            docs.append(e.nextElement())
        for doc in docs:
            try:
                doc.setModified(False)
                doc.close(True)
            except Exception:
                pass
    except Exception:
        pass  # the office is gone already


class Session:
    """A Screen with one visible office, the extension installed in the
    screen's fresh profile: what the UI tests drive. close() stops both and
    removes the profile."""

    def __init__(self, oxt, display=None, size=(1600, 1000)):
        self.screen = Screen(display, size).start()
        self.display, self.tmp = self.screen.display, self.screen.dir
        try:
            self.office = self.screen.office(oxt)
        except Exception:
            self.screen.stop()
            raise

    def close(self):
        try:
            # A dialog or menu left open by a failure would hold the office.
            for _ in range(3):
                xdo("key", "Escape", check=False)
            discard_documents(self.office)
        finally:
            self.screen.stop()

    def shot(self, path):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        return self.screen.shot(path)


def accessible_texts(window):
    """Every name and text shown in a window, read through its
    accessibility tree (labels, fields, list entries, buttons), in tree
    order: what a screen reader would read, for asserting a dialog's state
    without touching it."""
    out = []

    def walk(ctx, depth):
        if ctx is None or depth > 12:
            return
        name = ctx.getAccessibleName()
        if name:
            out.append(name)
        try:
            text = ctx.getText()  # XAccessibleText (fields, labels)
            if text and text != name:
                out.append(text)
        except AttributeError:
            pass
        for i in range(min(ctx.getAccessibleChildCount(), 500)):
            child = ctx.getAccessibleChild(i)
            walk(child.getAccessibleContext() if child else None, depth + 1)

    walk(window.getAccessibleContext(), 0)
    return out


def top_window(office_, title):
    """The office's top window (a dialog, a message box) titled `title`
    (its accessible name), or None."""
    toolkit = office_.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office_.ctx)
    for i in range(toolkit.getTopWindowCount()):
        w = toolkit.getTopWindow(i)
        try:
            if w.getAccessibleContext().getAccessibleName() == title:
                return w
        except Exception:
            continue
    return None
