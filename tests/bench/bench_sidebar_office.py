#!/usr/bin/env python3
"""The sidebar's refresh inside LibreOffice on a ~300-page report: reading the
document through UNO (the part the core benchmark leaves out) plus sections,
suggestions and coverage, timed as Action=coverage; then the Quality Markers
panels themselves, as they refresh: a full refresh (Panel.Refresh) and the
refresh after a character typed into a body paragraph (incremental), both
timed inside the office by the sidebar (read = document to state, total =
with the panels filled), and the refresh after structural changes: a
paragraph added or joined, a heading renamed, a section tagged and untagged. Builds the report by inserting the bundled sample
(7 pages) 43 times. Prints figures.
   SCRQM_OXT=build/scrqm.oxt /usr/bin/python3 tests/bench/bench_sidebar_office.py"""
import json
import os
import shutil
import sys
import tempfile
import time

import uno

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
from office import Office, named, props  # noqa: E402



DECK = "ScrqmQualityMarkersDeck"
# A sentence of the sample's body text (not a heading, not in a table).
BODY_TEXT = "This review has tried to understand practice from the inside"


def panels(office, doc):
    """Opens the deck and waits for its Sections panel."""
    office.dispatch(doc, "vnd.scrqm:QualityMarkers")
    decks = doc.getCurrentController().getSidebar().getDecks()
    deadline = time.time() + 120
    while not decks.hasByName(DECK) and time.time() < deadline:
        time.sleep(0.2)
        office.dispatch(doc, "vnd.scrqm:QualityMarkers")
    deck = decks.getByName(DECK)
    if not deck.isActive():
        office.dispatch(doc, "vnd.scrqm:QualityMarkers")
    panel = deck.getPanels().getByName("ScrqmSectionsPanel")
    if not panel.isExpanded():
        panel.expand(False)
    global SECTIONS
    SECTIONS = panel.getDialog()


def refresh_info(doc):
    """The sidebar's note of its last refresh: (count, kind, read ms, total ms)."""
    tag = SECTIONS.getModel().Tag if SECTIONS.getModel().getPropertySetInfo().hasPropertyByName(
        "Tag") else SECTIONS.getControl("Headings").getModel().Tag
    if not tag:
        return (0, "", 0.0, 0.0)
    count, kind, *times = tag.split()
    times = [float(t.split("=")[1]) for t in times]
    return (int(count), kind) + tuple(times)


def report(what, infos, kind):
    kinds = sorted(set(i[1] for i in infos))
    reads = sorted(i[2] for i in infos)
    totals = sorted(i[3] for i in infos)
    print("%s: %d runs (%s), read median %.1f ms min %.1f ms; with the panels median %.1f ms "
          "min %.1f ms" % (what, len(infos), ",".join(kinds), reads[len(reads) // 2], reads[0],
                           totals[len(totals) // 2], totals[0]))
    if kind == "incremental":
        parts = [sorted(i[4 + k] for i in infos) for k in range(4)]
        print("  of which (medians): body text %.1f ms, outline names %.1f ms, bookmark names "
              "%.1f ms, recompute %.1f ms" % tuple(p[len(p) // 2] for p in parts))
    if kinds != [kind]:
        print("  NOTE: expected every run to be %s; runs: %s" % (
            kind, ", ".join("%d:%s" % (n, i[1]) for n, i in enumerate(infos))))


print("load average: %.2f %.2f %.2f" % os.getloadavg())
office = Office(os.environ.get("SCRQM_OXT", os.path.join(ROOT, "build", "scrqm.oxt")))
tmp = tempfile.mkdtemp()
try:
    sample = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx")
    doc = office.load(sample, hidden=True)
    odt = os.path.join(tmp, "sample.odt")
    doc.storeToURL(uno.systemPathToFileUrl(odt), props(FilterName="writer8"))
    doc.close(True)
    doc = office.new_writer(hidden=False)
    text = doc.getText()
    for _ in range(43):
        text.createTextCursorByRange(text.getEnd()).insertDocumentFromURL(
            uno.systemPathToFileUrl(odt), ())
    pages = doc.getCurrentController().PageCount
    a = office.assistant()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        a.execute(named(Document=doc, Action="coverage"))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print("office refresh (UNO read + sections + suggestions + coverage + JSON), from this "
          "process: %d pages, median %.0f ms, min %.0f ms" % (pages, times[len(times) // 2],
                                                                times[0]))
    for read in ("lean", "lean-enumeration"):
        times = sorted(1000 * office.on_main_thread(lambda: a.execute(
            named(Document=doc, Action="model", Read=read))) for _ in range(3))
        print("lean read only, %s, on the main thread: median %.0f ms, min %.0f ms" % (
            read, times[1], times[0]))
    times = sorted(1000 * office.on_main_thread(lambda: a.execute(
        named(Document=doc, Action="coverage"))) for _ in range(5))
    print("office refresh on the main thread (as the sidebar runs it): median %.0f ms, "
          "min %.0f ms" % (times[len(times) // 2], times[0]))
    # Before the deck opens: a macro's read is followed by a refresh.
    middle = len(json.loads(a.execute(named(Document=doc, Action="outline")))["sections"]) // 2
    panels(office, doc)
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    full = []
    for _ in range(5):
        office.dispatch(doc, "vnd.scrqm:Panel.Refresh")
        full.append(refresh_info(doc))
    report("panels, full refresh (Panel.Refresh)", full, "full")
    # A plain body paragraph in the middle of the report: a character
    # typed at its end, then the pause the sidebar waits for.
    search = doc.createSearchDescriptor()
    search.SearchString = BODY_TEXT
    hits = doc.findAll(search)
    target = hits.getByIndex(hits.getCount() // 2)
    def measure(what, change, runs=7):
        """`change` made `runs` times, each followed by the sidebar's
        refresh after the pause."""
        infos = []
        for i in range(runs):
            before = refresh_info(doc)
            change(i)
            deadline = time.time() + 60
            info = refresh_info(doc)
            while info[0] == before[0] and time.time() < deadline:
                time.sleep(0.05)
                info = refresh_info(doc)
            infos.append(info)
        report("panels, refresh after " + what, infos, "incremental")

    measure("typing a character in body text",
            lambda i: target.getText().insertString(target.getEnd(), "x", False))
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
    cursor = target.getText().createTextCursorByRange(target.getEnd())

    def enter(i):
        cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.getText().insertString(cursor, "A new paragraph %d." % i, False)
    measure("Enter and a new paragraph's text in body text", enter)

    def join(i):
        c = cursor.getText().createTextCursorByRange(cursor)
        c.gotoStartOfParagraph(False)
        c.goLeft(1, True)
        c.setString("")
    measure("deleting a paragraph break (two paragraphs joined)", join)
    search.SearchString = "Parallel processes"
    headings = doc.findAll(search)
    heading = headings.getByIndex(headings.getCount() // 2)
    measure("typing a character in a heading",
            lambda i: heading.getText().insertString(heading.getEnd(), "s", False))
    measure("tagging and untagging a section (Action=tag)",
            lambda i: a.execute(named(Document=doc, Action="tag", Section=str(middle),
                                      Markers="QM9", Mode="add" if i % 2 == 0 else "remove")),
            runs=6)
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    doc.close(True)
finally:
    office.close()
    shutil.rmtree(tmp, ignore_errors=True)
