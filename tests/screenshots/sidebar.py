#!/usr/bin/env python3
"""Regenerates docs/images/sidebar.png: the Quality Markers deck on the bundled
sample report, in a real LibreOffice under Xvfb (X11 'gen' plugin, fresh
profile, tip of the day off). Run with Debian's python3-uno:

   /usr/bin/python3 tests/screenshots/sidebar.py [--oxt build/scrqm.oxt] [--out docs/images/sidebar.png]

It tags three sections of a copy of the sample (the original is not touched),
answers a question of QM12, puts the cursor in "6. Parallel processes" through
the Sections panel, selects QM12 in the Markers panel,
and takes the screenshot with ImageMagick's `import -window root`."""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
import xui  # noqa: E402
from office import SAMPLE, named  # noqa: E402


def shoot(screen, o, args):
    doc, frame = screen.show(o, SAMPLE)
    assistant = o.assistant()
    for section, markers in (("4. Family involvement", "QM12,QM4"),
                             ("5. Practitioner involvement", "QM11"),
                             ("8. Analysis", "QM13")):
        assistant.execute(named(Document=doc, Action="tag", Section=section, Markers=markers))
    assistant.execute(named(Document=doc, Action="question", Marker="QM12", Question="1",
                            State="answered", Note="Mother and grandmother met"))
    o.dispatch(frame, "vnd.scrqm:QualityMarkers")
    time.sleep(1)
    deck = doc.getCurrentController().getSidebar().getDecks().getByName(
        "ScrqmQualityMarkersDeck")
    # The cursor to "6. Parallel processes" through the Sections panel;
    # the panel then follows the cursor.
    sections = deck.getPanels().getByName("ScrqmSectionsPanel").getDialog()
    headings = list(sections.getControl("Headings").getModel().StringItemList)
    sections.getControl("Headings").selectItemPos(headings.index("6. Parallel processes"), True)
    o.dispatch(frame, "vnd.scrqm:Panel.GotoHeading")
    markers = deck.getPanels().getByName("ScrqmMarkersPanel").getDialog()
    rows = list(markers.getControl("Markers").getModel().StringItemList)
    markers.getControl("Markers").selectItemPos(
        next(i for i, r in enumerate(rows) if "QM12 " in r), True)
    time.sleep(2)  # the debounced refresh
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    print("wrote", screen.shot(args.out))
    doc.close(True)


if __name__ == "__main__":
    xui.screenshot(shoot, "docs/images/sidebar.png", "1600x1000")
