#!/usr/bin/env python3
"""Regenerates docs/images/sidebar.png: the Quality Markers deck on the bundled
sample report, in a real LibreOffice under Xvfb (X11 'gen' plugin, fresh
profile, tip of the day off). Run with Debian's python3-uno:

   /usr/bin/python3 tests/screenshots/sidebar.py [--oxt build/scrqm.oxt] [--scene sample|sar|unstyled] [--out PNG]

--scene sample (docs/images/sidebar.png): it tags three sections of a copy of
the sample (the original is not touched), answers a question of QM12, puts the
cursor in "6. Parallel processes" through the Sections panel and selects QM12
in the Markers panel.
--scene sar (docs/images/sidebar-sar.png): a generated Safeguarding Adults
Review: the kind of review and the 15 SAR Quality Markers by stage.
--scene unstyled (docs/images/sidebar-inferred-outline.png): a generated report
whose headings are bold Normal text: the inferred outline and the "Apply
heading styles" button (the Markers panel collapsed).
The screenshot is ImageMagick's `import -window root`."""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
import unstyled_reports as reports  # noqa: E402
import xui  # noqa: E402
from office import SAMPLE, named  # noqa: E402

SCENES = {"sample": "docs/images/sidebar.png", "sar": "docs/images/sidebar-sar.png",
          "unstyled": "docs/images/sidebar-inferred-outline.png"}


def sample_deck(o, doc, frame):
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
    select_marker(deck, "QM12 ")


def select_marker(deck, prefix):
    markers = deck.getPanels().getByName("ScrqmMarkersPanel").getDialog()
    rows = list(markers.getControl("Markers").getModel().StringItemList)
    markers.getControl("Markers").selectItemPos(
        next(i for i, r in enumerate(rows) if prefix in r), True)


def generated_deck(screen, o, scene):
    """A generated report of the scene's kind in a new window, the deck open."""
    doc = o.new_writer(hidden=False)
    if scene == "sar":
        reports.write(doc, reports.kind_reports()["sar-report"], "styled")
    else:
        reports.write(doc, reports.fixtures.CLEAN, "bold")
    doc.setModified(False)
    frame = doc.getCurrentController().getFrame()
    frame.getContainerWindow().setPosSize(0, 0, screen.width, screen.height, 15)
    o.dispatch(frame, "vnd.scrqm:QualityMarkers")
    time.sleep(1)
    deck = doc.getCurrentController().getSidebar().getDecks().getByName(
        "ScrqmQualityMarkersDeck")
    panels = deck.getPanels()
    if scene == "sar":
        select_marker(deck, "QM11 ")
    else:
        panels.getByName("ScrqmMarkersPanel").collapse()
        panels.getByName("ScrqmSectionsPanel").expand(False)
    return doc


def shoot(screen, o, args):
    if args.scene == "sample":
        doc, frame = screen.show(o, SAMPLE)
        sample_deck(o, doc, frame)
    else:
        doc = generated_deck(screen, o, args.scene)
    time.sleep(2)  # the debounced refresh
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    print("wrote", screen.shot(args.out))
    doc.close(True)


if __name__ == "__main__":
    xui.screenshot(shoot, SCENES["sample"], "1600x1000", scenes=SCENES)
