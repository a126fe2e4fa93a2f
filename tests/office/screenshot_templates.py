"""Screenshots of each template inserted at the cursor of a new Writer
document, in a real (not headless) LibreOffice under Xvfb with the built .oxt.

   /usr/bin/python3 tests/office/screenshot_templates.py [--oxt build/scrqm.oxt]
                    [--out docs/images]

Writes template-terms-of-reference.png and template-board-response.png (the
board response pre-filled from the bundled sample), and template-manager.png
(File > New > Templates showing both). Needs Xvfb and
ImageMagick's `import`. A fresh profile is used and deleted afterwards."""
import argparse
import json
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
from com.sun.star.awt import Rectangle

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from office import _Env, named, props, start_office  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SOFFICE = os.environ.get("SCRQM_SOFFICE", "/usr/lib/libreoffice/program/soffice")
WIDTH, HEIGHT = 1400, 1000

# Tip of the day and the "what's new" bar off, so the page is what shows.
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Layout/Window"><prop oor:name="ZoomValue" oor:op="fuse"><value>100</value></prop></item>
</oor:items>
"""


def free_display():
    for n in range(90, 140):
        if not os.path.exists("/tmp/.X11-unix/X%d" % n) and not os.path.exists("/tmp/.X%d-lock" % n):
            return n
    raise RuntimeError("no free X display")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", default=os.path.join(ROOT, "build", "scrqm.oxt"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "images"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="scrqm-shot-")
    display = free_display()
    xvfb = subprocess.Popen(["Xvfb", ":%d" % display, "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT),
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    office = None
    try:
        os.makedirs(os.path.join(tmp, "profile", "user"))
        with open(os.path.join(tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
            f.write(REGISTRY)
        env = dict(os.environ, DISPLAY=":%d" % display, SAL_USE_VCLPLUGIN="gen", HOME=tmp)
        time.sleep(1)
        office, ctx = start_office(os.path.join(tmp, "profile"), "scrqmshot_" + uuid.uuid4().hex,
                                   visible_env=env)
        smgr = ctx.ServiceManager
        ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager").addExtension(
            uno.systemPathToFileUrl(os.path.abspath(a.oxt)), named(SUPPRESS_LICENSE="1"), "user",
            None, _Env())
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        assistant = smgr.createInstanceWithContext("org.scrqm.ReviewAssistant", ctx)
        sample = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.fodt")
        for name, extra in (("terms-of-reference", {}),
                            ("board-response", {"From": sample})):
            doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
            window = doc.getCurrentController().getFrame().getContainerWindow()
            window.setPosSize(0, 0, WIDTH, HEIGHT, 15)
            result = json.loads(assistant.execute(named(
                Action="insert-template", Template=name, Where="cursor", Document=doc, **extra)))
            if "error" in result:
                raise RuntimeError(result["error"])
            # Show the top of the page, or the action table for the response.
            view = doc.getCurrentController().getViewCursor()
            view.gotoStart(False)
            if name == "board-response":
                # From the end upwards, so that the action heading ends up at
                # the top of the window with the pre-filled rows below it.
                view.gotoEnd(False)
                time.sleep(1)
                bookmark = doc.getBookmarks().getByName("scrqm_S_QM16_resp05")
                view.gotoRange(bookmark.getAnchor().getStart(), False)
            time.sleep(3)
            png = os.path.join(a.out, "template-%s.png" % name)
            subprocess.run(["import", "-display", ":%d" % display, "-window", "root", png],
                           check=True)
            print("wrote", png)
            doc.setModified(False)
            doc.close(True)
        # File > New > Templates: the Template Manager is modal, so it is
        # opened from a thread and photographed while it is up; the office is
        # then stopped with the dialog still open.
        doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, WIDTH, HEIGHT, 15)
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

        def open_template_manager():
            try:
                helper.executeDispatch(frame, ".uno:NewDoc", "", 0, ())
            except Exception:
                pass  # the bridge goes down with the office

        threading.Thread(target=open_template_manager, daemon=True).start()
        time.sleep(5)
        png = os.path.join(a.out, "template-manager.png")
        subprocess.run(["import", "-display", ":%d" % display, "-window", "root", png],
                       check=True)
        print("wrote", png)
    finally:
        if office is not None:
            try:
                office.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(office.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.killpg(xvfb.pid, signal.SIGTERM)
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
