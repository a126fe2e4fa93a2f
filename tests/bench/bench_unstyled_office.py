#!/usr/bin/env python3
"""What reading how paragraphs look costs on a long report written without
heading styles: the outline of such a report is inferred from each
paragraph's bold, size and list label (uno/reader_look.cxx), which takes a
walk over every paragraph's text portions that a styled report never pays.

Builds the report fixture's content repeated (bold Normal headings, larger
for level 1) and its styled twin, saves both as .odt, and times in a real
LibreOffice:
- Action=outline (the full read, with the inference for the unstyled one),
- the sidebar's full refresh (Panel.Refresh), whose note gives the
  formatting read alone ("looks=") and the inferred headings.
Prints figures, medians of --runs.
   SCRQM_OXT=build/scrqm.oxt /usr/bin/python3 tests/bench/bench_unstyled_office.py"""
import argparse
import functools
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
from office import QM_DECK as DECK, Office, named, wait_for as poll  # noqa: E402
import unstyled_reports as reports  # noqa: E402

# A long report refreshes slowly; poll often to time it closely.
wait_for = functools.partial(poll, seconds=60.0, step=0.05)


def long_report(copies):
    """The clean report `copies` times, each copy's headings numbered apart
    so that every heading is its own."""
    out = []
    for i in range(copies):
        for style, text in reports.fixtures.CLEAN:
            out.append((style, "%s (part %d)" % (text, i + 1) if style else text))
    return out


def sidebar_refreshes(office, path, runs):
    doc = office.load(path, hidden=False)
    try:
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                       office.ctx)
        frame = doc.getCurrentController().getFrame()
        decks = doc.getCurrentController().getSidebar().getDecks()
        wait_for(lambda: decks.hasByName(DECK) or
                 helper.executeDispatch(frame, "vnd.scrqm:QualityMarkers", "", 0, ()) and False)
        deck = decks.getByName(DECK)
        if not deck.isActive():
            helper.executeDispatch(frame, "vnd.scrqm:QualityMarkers", "", 0, ())
        wait_for(lambda: deck.getPanels().hasByName("ScrqmSectionsPanel"))
        # The panel notes its last refresh on its dialog model's Tag (else
        # the Headings list's).
        dialog = deck.getPanels().getByName("ScrqmSectionsPanel").getDialog()
        headings = dialog.getModel() if dialog.getModel().getPropertySetInfo() \
            .hasPropertyByName("Tag") else dialog.getControl("Headings").getModel()
        notes = []
        for _ in range(runs):
            before = headings.Tag
            helper.executeDispatch(frame, "vnd.scrqm:Panel.Refresh", "", 0, ())
            wait_for(lambda: headings.Tag != before)
            notes.append(dict(re.findall(r"(\w+)=([\d.]+)", headings.Tag)))
        return notes
    finally:
        doc.close(True)


def outline_times(office, path, runs):
    doc = office.load(path)
    try:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = json.loads(office.assistant().execute(named(Action="outline",
                                                                 Document=doc)))
            times.append((time.perf_counter() - start) * 1000)
        return times, len(result["sections"])
    finally:
        doc.close(True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=60)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="scrqm-bench-unstyled-")
    office = Office(os.environ.get("SCRQM_OXT", os.path.join(ROOT, "build", "scrqm.oxt")))
    try:
        content = long_report(args.copies)
        words = sum(len(t.split()) for _, t in content)
        print("report: %d paragraphs, %d words, %d headings" % (
            len(content), words, sum(1 for s, _ in content if s)))
        for look in ("styled", "bold"):
            odt = reports.save(office, tmp, look, content, look)[0]
            times, sections = outline_times(office, odt, args.runs)
            print("%-6s Action=outline: median %.0f ms (min %.0f), %d sections" % (
                look, statistics.median(times), min(times), sections))
            notes = sidebar_refreshes(office, odt, args.runs)
            print("%-6s sidebar full refresh: read median %.0f ms, formatting read (looks) "
                  "median %.0f ms (min %.0f), %s headings inferred" % (
                      look, statistics.median(float(n["read"]) for n in notes),
                      statistics.median(float(n["looks"]) for n in notes),
                      min(float(n["looks"]) for n in notes), notes[-1]["inferred"]))
    finally:
        office.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
