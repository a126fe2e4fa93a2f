#!/usr/bin/env python3
"""The sidebar's full refresh inside LibreOffice on a ~300-page report: reading
the document through UNO (the part the core benchmark leaves out) plus
sections, suggestions and coverage, timed as Action=coverage. Builds the
report by inserting the bundled sample (7 pages) 43 times. Prints figures.
   SCRQM_OXT=build/scrqm.oxt /usr/bin/python3 tests/bench/bench_sidebar_office.py"""
import os
import shutil
import sys
import tempfile
import time

import uno

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
from office import Office, named, props  # noqa: E402

office = Office(os.environ.get("SCRQM_OXT", os.path.join(ROOT, "build", "scrqm.oxt")))
tmp = tempfile.mkdtemp()
try:
    sample = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx")
    doc = office.load(sample, hidden=True)
    odt = os.path.join(tmp, "sample.odt")
    doc.storeToURL(uno.systemPathToFileUrl(odt), props(FilterName="writer8"))
    doc.close(True)
    doc = office.new_writer()
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
    print("office refresh (UNO read + sections + suggestions + coverage + JSON): %d pages, "
          "median %.0f ms, min %.0f ms" % (pages, times[len(times) // 2], times[0]))
    doc.close(True)
finally:
    office.close()
    shutil.rmtree(tmp, ignore_errors=True)
