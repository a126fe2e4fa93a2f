#!/usr/bin/env python3
"""Regenerates docs/images/toolbar.png (Writer's top docking area with the
"Case review" toolbar where the extension's WriterWindowState.xcu docks it, in
a fresh profile) and docs/images/options.png (Tools > Options > LibreOffice
Writer > Case review), in a real LibreOffice under Xvfb (X11 'gen' plugin).
The Options dialog is opened and walked with real keys (xdotool). Run with
Debian's python3-uno:

   /usr/bin/python3 tests/screenshots/options_toolbar.py [--oxt build/scrqm.oxt] [--out docs/images]

It also prints the toolbar's docked state as the frame's layout manager
reports it (docked, floating, where)."""
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
import xui  # noqa: E402
from office import SAMPLE, props  # noqa: E402


def shoot(screen, o, args):
    out = args.out
    doc, frame = screen.show(o, SAMPLE)
    time.sleep(3)
    layout = frame.LayoutManager
    name = "private:resource/toolbar/addon_org.scrqm.toolbar"
    element = layout.getElement(name)
    standard = "private:resource/toolbar/standardbar"
    print("toolbar: present=%s docked=%s floating=%s locked=%s pos=%s standard pos=%s" % (
        element is not None, layout.isElementDocked(name), layout.isElementFloating(name),
        layout.isElementLocked(name), layout.getElementPos(name),
        layout.getElementPos(standard)))
    os.makedirs(out, exist_ok=True)
    full = screen.shot(os.path.join(screen.dir, "full.png"))
    toolbar = os.path.join(out, "toolbar.png")
    subprocess.run(["convert", full, "-crop", "%dx140+0+0" % screen.width, "+repage", toolbar],
                   check=True)
    print("wrote", toolbar)

    # Tools > Options opened at the extension's page: the dialog's
    # OptionsPageURL is the page's .xdl where the extension is installed.
    # The dispatch is modal: it runs on its own thread until Escape.
    location = o.ctx.getValueByName(
        "/singletons/com.sun.star.deployment.PackageInformationProvider").getPackageLocation(
            "org.scrqm.extension")

    def open_options():
        try:
            o.dispatch(frame, ".uno:OptionsTreeDialog",
                       props(OptionsPageURL=location + "/dialogs/options.xdl"))
        except Exception:
            pass  # the office went down with the dialog open

    opener = threading.Thread(target=open_options, daemon=True)
    opener.start()
    time.sleep(4)
    options = os.path.join(out, "options.png")
    screen.shot(full)
    # Cropped to the dialog (no window manager: its geometry is its own).
    found = xui.window_of("^Options")
    crop = []
    if found:
        geometry = xui.xdo("getwindowgeometry", "--shell", found, check=False)
        g = dict(line.split("=") for line in geometry.split())
        crop = ["-crop", "%sx%s+%s+%s" % (g["WIDTH"], g["HEIGHT"], g["X"], g["Y"]), "+repage"]
    subprocess.run(["convert", full] + crop + [options], check=True)
    print("wrote", options)
    xui.keys("Escape")
    try:
        doc.close(True)
    except Exception:
        pass

if __name__ == "__main__":
    xui.screenshot(shoot, "docs/images", "1400x900")
