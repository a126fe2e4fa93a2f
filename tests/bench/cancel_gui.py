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
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
import xui  # noqa: E402
from xui import centre, xdo  # noqa: E402

PREFIX = os.path.abspath(sys.argv[1])
OXT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "build", "scrqm.oxt")
DISPLAY = sys.argv[3] if len(sys.argv) > 3 else None  # a free one
WORDS = sys.argv[4] if len(sys.argv) > 4 else "600000"
DECK = "ScrqmPrepublicationDeck"


def settle(verdict):
    """Waits for the check to end (reading the panel waits for the office)."""
    deadline = time.time() + 120
    while verdict.Label == "Checking\u2026" and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)


def run(screen):
    def shot(name):
        print("saved", screen.shot("%s-%s.png" % (PREFIX, name)))

    o = screen.office(OXT)
    path = os.path.join(screen.dir, "long.docx")
    print(subprocess.run([sys.executable, os.path.join(HERE, "make_long_report.py"), path,
                          "--words", WORDS], check=True, capture_output=True,
                         text=True).stdout.strip())
    doc, frame = screen.show(o, path)
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

    def check_from_document():
        """A click into the text, then the shortcut: the check is running."""
        xdo("mousemove", 500, 500, "click", 1)
        time.sleep(0.5)
        sent = time.time()
        xdo("key", "ctrl+alt+shift+c")
        time.sleep(1.0)
        return sent

    def state(after, note=""):
        print("verdict after %s:" % after, verdict.Label, note)
        print("summary:", summary.Text.splitlines()[0])
        print("modified:", doc.isModified())

    # 1. The shortcut in the document, a click on Cancel.
    t0 = check_from_document()
    shot("running")
    xdo("mousemove", *cancel, "click", 1)
    clicked = time.time()
    verdict.Label  # waits for the office's answer
    state("the click", "(%.2f s after the shortcut, the answer came %.2f s after the click)"
          % (clicked - t0, time.time() - clicked))
    shot("cancelled")

    # 2. The shortcut in the document, Esc.
    check_from_document()
    xdo("key", "Escape")
    settle(verdict)
    state("Esc")

    # 3. Re-check clicked in the panel: the focus moves to Cancel; Space.
    xdo("mousemove", *recheck, "click", 1)
    time.sleep(1.0)
    xdo("key", "space")
    settle(verdict)
    state("Space")

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
    check_from_document()
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


def main():
    with xui.Screen(DISPLAY, prefix="scrqm-cancel-") as screen:
        run(screen)


if __name__ == "__main__":
    main()
