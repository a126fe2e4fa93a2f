#!/usr/bin/env python3
"""Regenerates docs/images/results-panel-list.png: the results panel on the
bundled sample with the list by kind (rule names with counts, rows with page
and section), the Sort and Show lists, a name finding selected with its
detail (why, the fixes) and its Fix menu open. A real LibreOffice under Xvfb
(X11 'gen' plugin, a fresh profile); the row is chosen and the menu opened
with real input (xdotool), and the keyboard's way through the panel is
walked and printed (Tab and Shift+Tab between the findings, Show and Sort).

   /usr/bin/python3 tests/screenshots/results_list.py [--oxt build/scrqm.oxt] [--out docs/images]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))
import office  # noqa: E402
from screenshot_results_panel import TIP_OFF  # noqa: E402

DECK, PANEL = "ScrqmPrepublicationDeck", "ScrqmResultsPanel"


def xdo(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)
    time.sleep(0.4)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", default=os.path.join(ROOT, "build", "scrqm.oxt"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "images"))
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="scrqm-shot-")
    os.makedirs(os.path.join(tmp, "profile", "user"))
    with open(os.path.join(tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
        f.write(TIP_OFF)
    display = ":%d" % (150 + os.getpid() % 50)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    os.environ["DISPLAY"] = display
    os.environ["SAL_USE_VCLPLUGIN"] = "gen"
    real_popen = subprocess.Popen

    def gui_popen(argv, **kw):
        if argv and argv[0] == office.SOFFICE:
            argv = [a for a in argv if a not in ("--headless", "--invisible")]
        return real_popen(argv, **kw)

    office.subprocess.Popen = gui_popen
    o = None
    try:
        o = office.Office(os.path.abspath(args.oxt), profile_dir=tmp)
        office.subprocess.Popen = real_popen
        path = os.path.join(tmp, "sample-scr-report.docx")
        shutil.copy(os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx"), path)
        doc = o.load(path, hidden=False, read_only=False)
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        time.sleep(2)
        o.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", o.ctx) \
            .executeDispatch(frame, "vnd.scrqm:CheckAll", "", 0, ())
        # The deck's panels are created after it turns active.
        deck = doc.getCurrentController().getSidebar().getDecks().getByName(DECK)
        deadline = time.time() + 20
        while not deck.getPanels().hasByName(PANEL):
            panels = deck.getPanels()
            if time.time() > deadline:
                subprocess.run(["import", "-display", display, "-window", "root",
                                os.path.join(args.out, "results-panel-list-failed.png")])
                raise RuntimeError("no results panel in the deck (active %s): %s"
                                   % (deck.isActive(), panels.getElementNames()))
            time.sleep(0.2)
        time.sleep(1)
        dialog = deck.getPanels().getByName(PANEL).getDialog()

        def at(name, dy=None):
            acc = dialog.getControl(name).getPeer().getAccessibleContext()
            p, s = acc.getLocationOnScreen(), acc.getSize()
            return p.X + s.Width // 2, p.Y + (s.Height // 2 if dy is None else dy)

        def focused():
            return [n for n in ("Sort", "Show", "Findings", "GoTo", "Summary", "Cancel")
                    if dialog.getControl(n).getPeer().hasFocus()]

        rows = list(dialog.getControl("Findings").getModel().StringItemList)
        target = next(i for i, r in enumerate(rows)
                      if r.startswith("    ") and "Dr Anjali Patel" in r)
        # The list by keyboard: a click on it, Home, then Down to the row.
        x, y = at("Findings", dy=6)
        xdo("mousemove", x, y, "click", 1)
        xdo("key", "Home")
        for _ in range(target):
            subprocess.run(["xdotool", "key", "Down"], check=True)
        time.sleep(0.5)
        print("selected row %d: %s" % (dialog.getControl("Findings").getSelectedItemPos(),
                                       rows[target]))
        walk = []
        for keys in (["shift+Tab"], ["shift+Tab"], ["Tab"], ["Tab"]):
            xdo("key", *keys)
            walk.append("%s -> %s" % (keys[0], ",".join(focused())))
        print("keyboard:", "; ".join(walk))
        print("detail:", dialog.getControl("Detail").getModel().Text.replace("\n", " | "))
        # The Fix menu, opened with a click.
        x, y = at("Fix")
        xdo("mousemove", x, y, "click", 1)
        time.sleep(1)
        full = os.path.join(tmp, "full.png")
        subprocess.run(["import", "-display", display, "-window", "root", full], check=True)
        acc = dialog.getPeer().getAccessibleContext()
        left = max(0, acc.getLocationOnScreen().X - 320)
        os.makedirs(args.out, exist_ok=True)
        out = os.path.join(args.out, "results-panel-list.png")
        subprocess.run(["convert", full, "-crop", "%dx%d+%d+%d" % (1600 - left, 1000 - 60, left, 60),
                        "+repage", out], check=True)
        print("wrote", out)
        xdo("key", "Escape")
        doc.close(True)
    finally:
        office.subprocess.Popen = real_popen
        if o is not None:
            o.close()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
