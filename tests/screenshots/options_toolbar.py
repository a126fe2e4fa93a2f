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
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
from office import _Env, named, props, start_office  # noqa: E402

SOFFICE = os.environ.get("SCRQM_SOFFICE", "/usr/lib/libreoffice/program/soffice")
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="LastTimeDonateShown" oor:op="fuse"><value>9999999999</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="LastTimeGetInvolvedShown" oor:op="fuse"><value>9999999999</value></prop></item>
</oor:items>
"""


def key(display, *keys):
    subprocess.run(["xdotool", "key", "--delay", "150"] + list(keys), check=True,
                   env=dict(os.environ, DISPLAY=display))
    time.sleep(0.8)


def typed(display, text):
    subprocess.run(["xdotool", "type", "--delay", "60", text], check=True,
                   env=dict(os.environ, DISPLAY=display))
    time.sleep(0.8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", default=os.path.join(ROOT, "build", "scrqm.oxt"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "images"))
    ap.add_argument("--size", default="1400x900")
    args = ap.parse_args()
    width, height = (int(x) for x in args.size.split("x"))

    tmp = tempfile.mkdtemp(prefix="scrqm-shot-")
    display = ":%d" % (90 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "%sx24" % args.size, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    office = None
    try:
        os.makedirs(os.path.join(tmp, "profile", "user"))
        with open(os.path.join(tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
            f.write(REGISTRY)
        env = dict(os.environ, DISPLAY=display, SAL_USE_VCLPLUGIN="gen", HOME=tmp)

        def start():
            return start_office(os.path.join(tmp, "profile"), "scrqmshot_" + uuid.uuid4().hex,
                                visible_env=env)

        time.sleep(1)
        office, ctx = start()
        manager = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        manager.addExtension(uno.systemPathToFileUrl(os.path.abspath(args.oxt)),
                             named(SUPPRESS_LICENSE="1"), "user", None, _Env())
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                         ctx).terminate()
        except Exception:
            pass
        office.wait(timeout=30)
        office, ctx = start()
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        copy = os.path.join(tmp, "sample-scr-report.docx")
        shutil.copy(os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx"), copy)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(copy), "_blank", 0,
                                           props(Hidden=False))
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, width, height, 15)
        time.sleep(3)
        layout = frame.LayoutManager
        name = "private:resource/toolbar/addon_org.scrqm.toolbar"
        element = layout.getElement(name)
        standard = "private:resource/toolbar/standardbar"
        print("toolbar: present=%s docked=%s floating=%s locked=%s pos=%s standard pos=%s" % (
            element is not None, layout.isElementDocked(name), layout.isElementFloating(name),
            layout.isElementLocked(name), layout.getElementPos(name),
            layout.getElementPos(standard)))
        os.makedirs(args.out, exist_ok=True)
        full = os.path.join(tmp, "full.png")
        subprocess.run(["import", "-display", display, "-window", "root", full], check=True)
        toolbar = os.path.join(args.out, "toolbar.png")
        subprocess.run(["convert", full, "-crop", "%dx140+0+0" % width, "+repage", toolbar],
                       check=True)
        print("wrote", toolbar)

        # Tools > Options opened at the extension's page: the dialog's
        # OptionsPageURL is the page's .xdl where the extension is installed.
        # The dispatch is modal: it runs on its own thread until Escape.
        location = ctx.getValueByName(
            "/singletons/com.sun.star.deployment.PackageInformationProvider").getPackageLocation(
                "org.scrqm.extension")
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        def open_options():
            try:
                helper.executeDispatch(frame, ".uno:OptionsTreeDialog", "", 0,
                                       props(OptionsPageURL=location + "/dialogs/options.xdl"))
            except Exception:
                pass  # the office went down with the dialog open

        opener = threading.Thread(target=open_options, daemon=True)
        opener.start()
        time.sleep(4)
        options = os.path.join(args.out, "options.png")
        subprocess.run(["import", "-display", display, "-window", "root", full], check=True)
        # Cropped to the dialog (no window manager: its geometry is its own).
        xenv = dict(os.environ, DISPLAY=display)
        found = subprocess.run(["xdotool", "search", "--name", "^Options"], env=xenv,
                               capture_output=True, text=True).stdout.split()
        crop = []
        if found:
            geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", found[-1]],
                                      env=xenv, capture_output=True, text=True).stdout
            g = dict(line.split("=") for line in geometry.split())
            crop = ["-crop", "%sx%s+%s+%s" % (g["WIDTH"], g["HEIGHT"], g["X"], g["Y"]), "+repage"]
        subprocess.run(["convert", full] + crop + [options], check=True)
        print("wrote", options)
        key(display, "Escape")
        try:
            doc.close(True)
            desktop.terminate()
        except Exception:
            pass
    finally:
        if office is not None:
            try:
                office.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(office.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            office.wait()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
