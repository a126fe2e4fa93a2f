"""Real input for LibreOffice on a virtual display: Xvfb, a visible office
with the built extension (X11 'gen' plugin, a fresh profile, the tip of the
day off), xdotool keys and clicks, screenshots, and waits that poll until a
deadline instead of sleeping a fixed time. Shared by the office tests that
drive the UI (test_fix_ui, test_register_dialog) and the screenshot scripts.

Run with /usr/bin/python3 (Debian's python3-uno)."""
import os
import shutil
import subprocess
import tempfile
import time

import office

TIP_OFF = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def available():
    """Whether this machine can run a UI test (Xvfb and xdotool)."""
    return bool(shutil.which("Xvfb") and shutil.which("xdotool"))


def xdo(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)


def key(*keys):
    """Presses each key (xdotool names: "ctrl+z", "Return", "Down"), with
    modifiers still held by an earlier call cleared first."""
    for k in keys:
        xdo("key", "--clearmodifiers", k)


def type_text(text, delay_ms=20):
    xdo("type", "--delay", delay_ms, text)


def wait_for(predicate, seconds=20.0, step=0.2):
    """Polls `predicate` until it returns a true value or `seconds` pass:
    the value, or None at the deadline. An exception counts as not yet
    (a widget being rebuilt, a document being reloaded)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        if time.monotonic() >= deadline:
            return None
        time.sleep(step)


def window_ids(title):
    """X windows whose name matches `title`, a regular expression matched
    in any letter case ("^Case register$" for that name exactly); newest
    last."""
    out = subprocess.run(["xdotool", "search", "--name", title], capture_output=True,
                         text=True).stdout
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


def screenshot(path, display=None):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    subprocess.run(["import", "-display", display or os.environ["DISPLAY"], "-window", "root",
                    path], check=True)


def free_display(first=90):
    """A display number no X server holds (its lock file is absent)."""
    for n in range(first, first + 100):
        if not os.path.exists("/tmp/.X%d-lock" % n) and \
                not os.path.exists("/tmp/.X11-unix/X%d" % n):
            return ":%d" % n
    raise RuntimeError("no free X display")


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
    """Xvfb on a free display and a visible office on it, the extension
    installed in a fresh profile. close() stops both (by their own process
    ids) and removes the profile."""

    def __init__(self, oxt, display=None, size=(1600, 1000)):
        self.display = display or free_display()
        self.tmp = tempfile.mkdtemp(prefix="scrqm-xui-")
        os.makedirs(os.path.join(self.tmp, "profile", "user"))
        with open(os.path.join(self.tmp, "profile", "user", "registrymodifications.xcu"),
                  "w") as f:
            f.write(TIP_OFF)
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "%dx%dx24" % size, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.office = None
        os.environ["DISPLAY"] = self.display
        os.environ["SAL_USE_VCLPLUGIN"] = "gen"
        if not wait_for(lambda: os.path.exists("/tmp/.X11-unix/X" + self.display[1:]), 10):
            self.close()
            raise RuntimeError("Xvfb did not start on " + self.display)
        real_popen = subprocess.Popen

        def gui_popen(args, **kw):
            # office.py starts the office headless: start it on the display.
            if args and args[0] == office.SOFFICE:
                args = [a for a in args if a not in ("--headless", "--invisible")]
            return real_popen(args, **kw)

        office.subprocess.Popen = gui_popen
        try:
            self.office = office.Office(oxt, profile_dir=self.tmp)
        except Exception:
            self.close()
            raise
        finally:
            office.subprocess.Popen = real_popen

    def close(self):
        try:
            # A dialog or menu left open by a failure would hold the office.
            for _ in range(3):
                subprocess.run(["xdotool", "key", "Escape"], check=False,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if self.office is not None:
                discard_documents(self.office)
                self.office.close()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def shot(self, path):
        screenshot(path, self.display)


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
