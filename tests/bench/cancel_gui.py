"""The results panel's Cancel with real input (not a test; prints what it
saw): a real LibreOffice on a virtual X display (Xvfb), a long generated
report, the check started from the keyboard shortcut in the document
(Ctrl+Alt+Shift+C: it runs on the office's main thread) and cancelled with a
mouse click on the panel's Cancel button (xdotool); then cancelled with Esc
in the document; then started with a click on Re-check (the focus moves to
Cancel) and cancelled with Space; last, Ctrl+W during a check. Screenshots of the running and the
cancelled panel are saved next to OUT_PREFIX.

Run: /usr/bin/python3 tests/bench/cancel_gui.py OUT_PREFIX [build/scrqm.oxt] [DISPLAY] [WORDS]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
sys.path.insert(0, HERE)
import office  # noqa: E402
from screenshot_results_panel import TIP_OFF  # noqa: E402

PREFIX = os.path.abspath(sys.argv[1])
OXT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "build", "scrqm.oxt")
DISPLAY = sys.argv[3] if len(sys.argv) > 3 else ":96"
WORDS = sys.argv[4] if len(sys.argv) > 4 else "600000"
DECK = "ScrqmPrepublicationDeck"


def xdo(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)


def shot(name):
    out = "%s-%s.png" % (PREFIX, name)
    subprocess.run(["import", "-display", DISPLAY, "-window", "root", out], check=True)
    print("saved", out)


def centre(control):
    """The control's centre on the screen (its accessible component)."""
    ctx = control.getPeer().getAccessibleContext()
    p = ctx.getLocationOnScreen()
    s = ctx.getSize()
    return p.X + s.Width // 2, p.Y + s.Height // 2


def settle(verdict):
    """Waits for the check to end (reading the panel waits for the office)."""
    deadline = time.time() + 120
    while verdict.Label == "Checking\u2026" and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)


def main():
    tmp = tempfile.mkdtemp(prefix="scrqm-cancel-")
    os.makedirs(os.path.join(tmp, "profile", "user"))
    with open(os.path.join(tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
        f.write(TIP_OFF)
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    os.environ["DISPLAY"] = DISPLAY
    os.environ["SAL_USE_VCLPLUGIN"] = "gen"
    real_popen = subprocess.Popen

    def gui_popen(args, **kw):
        if args and args[0] == office.SOFFICE:
            args = [a for a in args if a not in ("--headless", "--invisible")]
        return real_popen(args, **kw)

    office.subprocess.Popen = gui_popen
    o = office.Office(OXT, profile_dir=tmp)
    try:
        path = os.path.join(tmp, "long.docx")
        print(subprocess.run([sys.executable, os.path.join(HERE, "make_long_report.py"), path,
                              "--words", WORDS], check=True, capture_output=True,
                             text=True).stdout.strip())
        doc = o.load(path, hidden=False, read_only=False)
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        helper = o.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", o.ctx)
        sidebar = doc.getCurrentController().getSidebar()
        sidebar.setVisible(True)
        deadline = time.time() + 20
        while True:
            deck = sidebar.getDecks().getByName(DECK)
            if not deck.isActive():
                deck.activate(True)
            try:
                panel = deck.getPanels().getByName("ScrqmResultsPanel")
                break
            except Exception:
                if time.time() > deadline:
                    raise SystemExit("the results panel did not open")
                time.sleep(0.5)
        if not panel.isExpanded():
            panel.expand(False)
        time.sleep(1)
        dialog = panel.getDialog()
        verdict = dialog.getControl("Verdict").getModel()
        summary = dialog.getControl("Summary").getModel()
        cancel = centre(dialog.getControl("Cancel"))
        recheck = centre(dialog.getControl("Recheck"))
        print("Cancel at", cancel, "Re-check at", recheck)

        # 1. The shortcut in the document, a click on Cancel.
        xdo("mousemove", 500, 500, "click", 1)
        time.sleep(0.5)
        t0 = time.time()
        xdo("key", "ctrl+alt+shift+c")
        time.sleep(1.0)
        shot("running")
        xdo("mousemove", *cancel, "click", 1)
        clicked = time.time()
        print("verdict after the click:", verdict.Label, "(%.2f s after the shortcut, the "
              "answer came %.2f s after the click)" % (clicked - t0, time.time() - clicked))
        print("summary:", summary.Text.splitlines()[0])
        print("modified:", doc.isModified())
        shot("cancelled")

        # 2. The shortcut in the document, Esc.
        xdo("mousemove", 500, 500, "click", 1)
        time.sleep(0.5)
        xdo("key", "ctrl+alt+shift+c")
        time.sleep(1.0)
        xdo("key", "Escape")
        settle(verdict)
        print("verdict after Esc:", verdict.Label)
        print("summary:", summary.Text.splitlines()[0])
        print("modified:", doc.isModified())

        # 3. Re-check clicked in the panel: the focus moves to Cancel; Space.
        xdo("mousemove", *recheck, "click", 1)
        time.sleep(1.0)
        xdo("key", "space")
        settle(verdict)
        print("verdict after Space:", verdict.Label)
        print("summary:", summary.Text.splitlines()[0])
        print("modified:", doc.isModified())

        # 4. A full check to the end.
        t0 = time.time()
        xdo("mousemove", *recheck, "click", 1)
        while verdict.Label in ("Checking\u2026", "Check cancelled") and time.time() - t0 < 120:
            time.sleep(0.2)
        time.sleep(0.5)
        print("full check: %s in %.1f s; %s" % (verdict.Label, time.time() - t0,
                                                 re.sub(r"\s+", " ", summary.Text)[-90:]))
        print("modified:", doc.isModified())

        # 5. Ctrl+W (close the window) during a check.
        xdo("mousemove", 500, 500, "click", 1)
        time.sleep(0.5)
        xdo("key", "ctrl+alt+shift+c")
        time.sleep(1.0)
        xdo("key", "ctrl+w")
        deadline = time.time() + 30
        closed = False
        while not closed and time.time() < deadline:
            try:
                # The last document's window becomes the Start Center.
                controller = frame.getController()
                closed = controller is None or controller.getModel() != doc
            except Exception:  # disposed
                closed = True
            time.sleep(0.5)
        print("closed by Ctrl+W during the check:", closed)
        shot("closed")
        if not closed:
            print("verdict:", verdict.Label, "|", summary.Text.splitlines()[0])
            doc.close(True)
            doc.close(True)
    finally:
        o.close()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
