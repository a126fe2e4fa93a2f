"""Benchmark (prints figures; not a test): the pre-publication check in
Writer. Generates (1) the 300-page report of make_long_report.py (the bundled
sample's text repeated, ~150,000 words, 851 headings), (1b) the same with
footnotes, comments and page-number fields (make_long_report.py --notes 20:
199 footnotes, 398 comments, 200 fields), (2) a 300-page report
of plain paragraphs with a few identifiers per page and (3) a document with
5,000 findings, opens each in a
headless LibreOffice with the built extension, dispatches vnd.scrqm:CheckAll
and prints the wall time of the command, the check time the panel reports
(read the document + every check), the time to find the findings' pages
(once per check, Writer's layout) and the time to list the findings, with
the load average before each document (the machine is shared).

Run: /usr/bin/python3 tests/bench/bench_results_panel.py [build/scrqm.oxt]
"""
import os
import re
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
from office import Office  # noqa: E402
import unohelper  # noqa: E402
from com.sun.star.awt import XCallback  # noqa: E402

OXT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "build", "scrqm.oxt")

FILLER = ("The panel considered how agencies shared information about the child and whether "
          "the risks were understood by the professionals involved at each stage of the review. ")


def fodt(paragraphs):
    body = "".join("<text:p>%s</text:p>\n" % escape(p) for p in paragraphs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:body><office:text>\n%s</office:text></office:body></office:document>\n' % body)


def report_300_pages():
    # 3,000 paragraphs of ~50 words: ~150,000 words, ~300 pages; every tenth
    # paragraph carries an identifier.
    out = []
    for i in range(3000):
        p = FILLER * 2
        if i % 10 == 0:
            p += "The family moved to 12 Elm Grove, NM4 7QT in %d." % (2000 + i % 20)
        out.append(p)
    return out


def many_findings(n=5000):
    # Two e-mail addresses and a postcode per paragraph.
    out = []
    for i in range((n + 2) // 3):
        out.append("Contact worker%d@example.org or carer%d@example.net at NM%d 7QT about the "
                   "plan." % (i, i, i % 9 + 1))
    return out


class MainThreadDispatch(unohelper.Base, XCallback):
    """Runs the command on the office's main thread, as a toolbar click does.

    A call from the test process runs on a bridge thread that must take the
    office's global lock for every document call, and the main thread takes
    it back in between: that is many times slower than a click. awt
    AsyncCallback calls notify() from the main thread, and URP runs the
    dispatch made inside notify() on that same thread."""

    def __init__(self, helper, frame, command):
        self.helper, self.frame, self.command = helper, frame, command
        self.wall = None

    def notify(self, data):
        t0 = time.perf_counter()
        self.helper.executeDispatch(self.frame, self.command, "", 0, ())
        self.wall = time.perf_counter() - t0


def dispatch_on_main_thread(office, helper, frame, command):
    job = MainThreadDispatch(helper, frame, command)
    office.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback",
                                          office.ctx).addCallback(job, None)
    deadline = time.time() + 300
    while job.wall is None and time.time() < deadline:
        time.sleep(0.01)
    return job.wall


def run(office, path, label):
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    doc = office.load(path, hidden=False, read_only=False)
    frame = doc.getCurrentController().getFrame()
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                   office.ctx)
    words = len(doc.getText().getString().split())
    pages = doc.getCurrentController().PageCount
    for attempt in range(2):  # the first run also loads the check data
        wall = dispatch_on_main_thread(office, helper, frame, "vnd.scrqm:CheckAll")
        deck = doc.getCurrentController().getSidebar().getDecks().getByName(
            "ScrqmPrepublicationDeck")
        dialog = deck.getPanels().getByName("ScrqmResultsPanel").getDialog()
        summary = dialog.getControl("Summary").getModel().Text
        rows = len(dialog.getControl("Findings").getModel().StringItemList)
        checked = re.search(r"checked in ([0-9.]+ s \(reading [0-9.]+) s\)", summary).group(1)
        listed = re.search(r"listed in ([0-9.]+) s", summary).group(1)
        paged = re.search(r"pages in ([0-9.]+) s", summary).group(1)
        shown = re.search(r"(\d+) findings? shown", summary).group(1)
        print("%-22s run %d: %d words, %d pages, %s findings (%d rows); command %.3f s, ("
              "read+check %s s), pages %s s, list %s s; modified=%s" %
              (label, attempt + 1, words, pages, shown, rows, wall, checked, paged, listed,
               doc.isModified()))
    doc.close(True)


def main():
    tmp = tempfile.mkdtemp(prefix="scrqm-bench-results-")
    big = os.path.join(tmp, "report-300-pages.fodt")
    many = os.path.join(tmp, "findings-5000.fodt")
    with open(big, "w", encoding="utf-8") as f:
        f.write(fodt(report_300_pages()))
    with open(many, "w", encoding="utf-8") as f:
        f.write(fodt(many_findings()))
    long_docx = os.path.join(tmp, "long-report.docx")
    subprocess.run([sys.executable, os.path.join(HERE, "make_long_report.py"), long_docx],
                   check=True, stdout=subprocess.DEVNULL)
    noted_docx = os.path.join(tmp, "long-report-notes.docx")
    subprocess.run([sys.executable, os.path.join(HERE, "make_long_report.py"), noted_docx,
                    "--notes", "20"], check=True, stdout=subprocess.DEVNULL)
    office = Office(OXT)
    try:
        run(office, long_docx, "make_long_report.py")
        run(office, noted_docx, "... --notes 20")
        run(office, big, "300-page report")
        run(office, many, "5,000 findings")
    finally:
        office.close()


if __name__ == "__main__":
    main()
