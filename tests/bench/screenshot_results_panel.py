"""Screenshot of the results panel on the bundled sample (not a test): a
real LibreOffice on a virtual X display (Xvfb), a fresh profile with the
tip of the day off, the built extension installed, the pre-publication check
dispatched, then the screen saved as a PNG to look at.

Run: /usr/bin/python3 tests/bench/screenshot_results_panel.py OUT.png [build/scrqm.oxt] [DISPLAY]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
import office  # noqa: E402

OUT = os.path.abspath(sys.argv[1])
OXT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "build", "scrqm.oxt")
DISPLAY = sys.argv[3] if len(sys.argv) > 3 else ":97"
SAMPLE = os.path.join(HERE, "..", "..", "addin", "data", "sample", "sample-scr-report.docx")

TIP_OFF = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def main():
    tmp = tempfile.mkdtemp(prefix="scrqm-shot-")
    os.makedirs(os.path.join(tmp, "profile", "user"))
    with open(os.path.join(tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
        f.write(TIP_OFF)
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    os.environ["DISPLAY"] = DISPLAY
    os.environ["SAL_USE_VCLPLUGIN"] = "gen"
    # The harness starts the office headless: start it on the display instead.
    real_popen = subprocess.Popen

    def gui_popen(args, **kw):
        if args and args[0] == office.SOFFICE:
            args = [a for a in args if a not in ("--headless", "--invisible")]
        return real_popen(args, **kw)

    office.subprocess.Popen = gui_popen
    o = office.Office(OXT, profile_dir=tmp)
    try:
        path = os.path.join(tmp, "sample-scr-report.docx")
        shutil.copy(SAMPLE, path)
        doc = o.load(path, hidden=False, read_only=False)
        frame = doc.getCurrentController().getFrame()
        window = frame.getContainerWindow()
        window.setPosSize(0, 0, 1600, 1000, 15)
        time.sleep(1)
        helper = o.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", o.ctx)
        helper.executeDispatch(frame, "vnd.scrqm:CheckAll", "", 0, ())
        time.sleep(2)
        subprocess.run(["import", "-display", DISPLAY, "-window", "root", OUT], check=True)
        print("saved", OUT)
        doc.close(True)
    finally:
        o.close()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
