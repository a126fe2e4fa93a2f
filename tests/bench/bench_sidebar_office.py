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
import unohelper
from com.sun.star.awt import XCallback

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
from office import Office, named, props  # noqa: E402



class OnMainThread(unohelper.Base, XCallback):
    """Runs the refresh on the office's main thread, where the sidebar runs
    it: a call from this process runs on a bridge thread that has to take
    the office's global lock for each document call, which is slower."""

    def __init__(self, run):
        self.run, self.ms = run, None

    def notify(self, data):
        start = time.perf_counter()
        self.run()
        self.ms = (time.perf_counter() - start) * 1000


def on_main_thread(office, run):
    job = OnMainThread(run)
    office.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback",
                                          office.ctx).addCallback(job, None)
    deadline = time.time() + 300
    while job.ms is None and time.time() < deadline:
        time.sleep(0.01)
    return job.ms


print("load average: %.2f %.2f %.2f" % os.getloadavg())
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
    print("office refresh (UNO read + sections + suggestions + coverage + JSON), from this "
          "process: %d pages, median %.0f ms, min %.0f ms" % (pages, times[len(times) // 2],
                                                                times[0]))
    for read in ("lean", "lean-enumeration"):
        times = sorted(on_main_thread(office, lambda: a.execute(
            named(Document=doc, Action="model", Read=read))) for _ in range(3))
        print("lean read only, %s, on the main thread: median %.0f ms, min %.0f ms" % (
            read, times[1], times[0]))
    times = sorted(on_main_thread(office, lambda: a.execute(
        named(Document=doc, Action="coverage"))) for _ in range(5))
    print("office refresh on the main thread (as the sidebar runs it): median %.0f ms, "
          "min %.0f ms" % (times[len(times) // 2], times[0]))
    doc.close(True)
finally:
    office.close()
    shutil.rmtree(tmp, ignore_errors=True)
