"""The pre-publication check in a real LibreOffice: the toolbar command
vnd.scrqm:CheckAll dispatched through the frame on a .docx loaded visible
(the sidebar exists only then), the results panel read through the sidebar
API (verdict, counts, the findings list), Go to in the body, a table, a
footnote and a header, the list grouped by rule name with pages and sections
(5,001 findings, sorted by page, one severity shown), Fix of a register
finding (one undo step), Ignore
remembered in the document as salted hashes that survive .docx, the
check never modifies the document, and a long check is cancelled (the
panel's command from another thread, an edit of the document) and leaves the
document as it was."""
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import unittest
import zipfile

import uno
from office import OfficeTest, named, panel_dialog, props

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "addin", "data", "sample", "sample-scr-report.docx")
DECK = "ScrqmPrepublicationDeck"
PANEL = "ScrqmResultsPanel"
REGISTER = [{"real": "Liam Carter", "pseudonym": "Child A", "kind": "name"}]


def items(dialog):
    return list(dialog.getControl("Findings").getModel().StringItemList)


def rows_of(dialog, text):
    """The finding rows of `text`: "    p. 7 · 4. Family involvement · “text” — …"."""
    return [r for r in items(dialog) if r.startswith("    ") and "\u201c%s\u201d" % text in r]


def page_of(row):
    found = re.match(r"    p\. (\d+) \u00b7 ", row)
    return int(found.group(1)) if found else None


def rule_names():
    """Rule id -> the name the panel groups by, from `scrqm rules`."""
    scrqm = os.path.join(os.environ.get("SCRQM_BUILD_DIR", os.path.join(HERE, "..", "..", "build")),
                         "scrqm")
    out = subprocess.run([scrqm, "rules", "--format", "json"], check=True, capture_output=True,
                         text=True).stdout
    return {r["id"]: r["name"] for r in json.loads(out)}


class PrepublicationCheck(OfficeTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The default case's register (the toolbar command uses it).
        out = cls.call(Action="register-set", Register=json.dumps(REGISTER),
                       Passphrase="the results test passphrase")
        assert "error" not in out, out

    def setUp(self):
        super().setUp()
        self.path = os.path.join(self.tmp, "report.docx")
        shutil.copy(SAMPLE, self.path)

    def load(self, path):
        # Not hidden (a hidden document has no sidebar), not read-only (a
        # read-only document does not show extension decks).
        return super().load(path, hidden=False)

    def dispatch(self, doc, command):
        self.office.dispatch(doc, command)

    def panel(self, doc):
        deck = doc.getCurrentController().getSidebar().getDecks().getByName(DECK)
        self.assertTrue(deck.isActive(), "the command opens the deck")
        # The deck's panels are created after it turns active.
        return panel_dialog(doc, PANEL, DECK, seconds=10)

    def expected(self, doc):
        """Every check through the macro API, for comparison."""
        out = json.loads(self.office.assistant().execute(named(Action="check", Document=doc)))
        self.assertNotIn("error", out, out)
        return out["findings"]

    def select(self, dialog, text, where=None, unless=None):
        """Selects the first finding row for `text` (with `where` in it, and
        not `unless`); returns it."""
        for i, row in enumerate(items(dialog)):
            if (row.startswith("    ") and "\u201c%s\u201d" % text in row
                    and (where is None or where in row) and (unless is None or unless not in row)):
                dialog.getControl("Findings").selectItemPos(i, True)
                return row
        self.fail("no row for %r in %s" % (text, items(dialog)))

    def view_page(self, doc):
        return doc.getCurrentController().getViewCursor().getPage()

    def selection(self, doc):
        return doc.getCurrentController().getSelection().getByIndex(0).getString()

    def test_check_goto_fix_ignore_survive_docx(self):
        doc = self.load(self.path)
        self.assertFalse(doc.isModified())
        # The user's place, inside the sample's first table: the page walk
        # moves the view cursor through tables (a sidebar context change each
        # time, unless the controllers are locked) and puts it back.
        cell = doc.getTextTables().getByIndex(0).getCellByName("A1")
        doc.getCurrentController().select(cell.getText().getStart())
        before = doc.getCurrentController().getViewCursor()
        before = (before.getPage(), before.getText().getString())
        self.dispatch(doc, "vnd.scrqm:CheckAll")
        self.assertFalse(doc.isModified(), "a check never modifies the document")
        after = doc.getCurrentController().getViewCursor()
        self.assertEqual((after.getPage(), after.getText().getString()), before,
                         "the cursor is back where the user left it")
        self.assertEqual(len(doc.getUndoManager().getAllUndoActionTitles()), 0)
        dialog = self.panel(doc)

        # Verdict and counts agree with the macro API's check of every check.
        findings = self.expected(doc)
        errors = sum(1 for f in findings if f["severity"] == "error")
        self.assertGreater(errors, 1)
        verdict = dialog.getControl("Verdict").getModel().Label
        self.assertEqual(verdict, "Not ready: %d errors" % errors)
        summary = dialog.getControl("Summary").getModel().Text
        self.assertIn("anonymisation: %d errors" % errors, summary)
        self.assertIn("%d findings shown, 0 ignored" % len(findings), summary)
        rows = items(dialog)
        finding_rows = [r for r in rows if r.startswith("    ")]
        self.assertEqual(len(finding_rows), len(findings), "every finding, no cap")
        # Grouped: a header row per rule name with its count.
        headers = [r for r in rows if not r.startswith("    ")]
        names = rule_names()
        groups = {}
        for f in findings:
            groups[names[f["check"]]] = groups.get(names[f["check"]], 0) + 1
        self.assertIn("Identifiers from the case register", groups)
        self.assertEqual(sorted(headers), sorted("%s (%d)" % kv for kv in groups.items()))
        # Rows say their page and section; headers, footers and properties
        # have no page.
        paged = [r for r in finding_rows if page_of(r)]
        self.assertGreater(len(paged), len(finding_rows) // 2, finding_rows)
        pages = doc.getCurrentController().PageCount
        self.assertTrue(all(1 <= page_of(r) <= pages for r in paged))
        self.assertFalse(any(page_of(r) for r in finding_rows if "page style" in r))

        # Go to selects the finding's text wherever it lives, on the page
        # its row names.
        for text, where in (("12 Elm Grove", "p. "), ("Dr Anjali Patel", None),
                            ("999 401 7268", "footnote"),
                            ("CP/2016/0456", "page style")):
            row = self.select(dialog, text, where)
            self.dispatch(doc, "vnd.scrqm:Results.GoTo")
            self.assertEqual(self.selection(doc), text, "Go to " + text)
            if page_of(row) and where != "footnote":
                self.assertEqual(self.view_page(doc), page_of(row), row)
        # A comment's text cannot be selected: Go to selects its anchor and
        # says so; a property is named.
        self.select(dialog, "07700 900461", "comment by")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertTrue(dialog.getControl("Status").getModel().Label.startswith(
            "In a comment: comment by"))
        self.select(dialog, "SCR-2016-03", "custom:CaseReference")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(dialog.getControl("Status").getModel().Label,
                         "In the document properties (File > Properties): custom:CaseReference")
        self.assertFalse(doc.isModified(), "Go to does not modify")

        # Fix is enabled from the finding's fix actions: a postcode can be
        # generalised to its area in one click; the detail names the action.
        self.select(dialog, "NM4 7QT")
        self.assertTrue(dialog.getControl("Fix").getModel().Enabled)
        detail = dialog.getControl("Detail").getModel().Text
        self.assertIn('Fixes: Generalise to "NM4"', detail)
        self.assertTrue(detail.startswith("Full postcodes: "), detail)  # the rule, then why
        # A register finding replaces with its pseudonym in one undo step and
        # the panel is re-checked.
        row = self.select(dialog, "Liam")
        self.assertIn("case register", row)
        self.assertTrue(dialog.getControl("Fix").getModel().Enabled)
        before = doc.getText().getString().count("Liam")
        before_child = doc.getText().getString().count("Child A")
        registered = len(rows_of(dialog, "Liam"))
        self.dispatch(doc, "vnd.scrqm:Results.Fix")
        self.assertEqual(doc.getText().getString().count("Liam"), before - 1)
        self.assertEqual(doc.getText().getString().count("Child A"),
                         before_child + 1)
        self.assertEqual(doc.getUndoManager().getAllUndoActionTitles()[0],
                         'Replace with "Child A"')
        self.assertEqual(len(rows_of(dialog, "Liam")), registered - 1,
                         "the panel shows the check after the fix")

        # Ignore the postcode (an error): it leaves the list and the verdict.
        findings = self.expected(doc)
        errors = sum(1 for f in findings if f["severity"] == "error")
        postcode = [f for f in findings if f["text"] == "NM4 7QT"]
        self.assertEqual(len(postcode), 1)
        self.assertEqual(postcode[0]["severity"], "error")
        self.select(dialog, "NM4 7QT")
        self.dispatch(doc, "vnd.scrqm:Results.Ignore")
        self.assertNotIn("NM4 7QT", "\n".join(items(dialog)))
        self.assertEqual(dialog.getControl("Verdict").getModel().Label,
                         "Not ready: %d errors" % (errors - 1))
        self.assertIn("1 ignored", dialog.getControl("Summary").getModel().Text)
        stored = doc.getDocumentProperties().getUserDefinedProperties().getPropertyValue(
            "scrqm.ignored")
        self.assertRegex(stored, r"^scrqm-ignore 1 [0-9a-f]{32} [0-9a-f]{64}$")

        # Saved as .docx and reloaded: still ignored; the property holds no
        # clear text.
        out = os.path.join(self.tmp, "saved.docx")
        doc.storeToURL(uno.systemPathToFileUrl(out), props(FilterName="MS Word 2007 XML"))
        with zipfile.ZipFile(out) as z:
            custom = z.read("docProps/custom.xml").decode("utf-8")
        self.assertIn("scrqm.ignored", custom)
        self.assertIn(stored, custom)
        for secret in ("NM4", "7QT", "postcode"):
            self.assertNotIn(secret, stored)
        doc.close(True)
        self.docs.remove(doc)

        again = self.load(out)
        self.dispatch(again, "vnd.scrqm:CheckAll")
        self.assertFalse(again.isModified(), "a check never modifies the document")
        dialog = self.panel(again)
        self.assertNotIn("NM4 7QT", "\n".join(items(dialog)))
        self.assertIn("1 ignored", dialog.getControl("Summary").getModel().Text)
        # Saving changed other findings (the last author is a property): the
        # verdict is the macro API's count (which knows nothing of ignores)
        # less the postcode.
        findings = self.expected(again)
        self.assertIn(("NM4 7QT", "error"), [(f["text"], f["severity"]) for f in findings])
        errors = sum(1 for f in findings if f["severity"] == "error")
        self.assertEqual(dialog.getControl("Verdict").getModel().Label,
                         "Not ready: %d errors" % (errors - 1))
        # Re-check keeps it ignored; the document properties are not
        # reported as findings (the hashes are scrqm's own).
        self.dispatch(again, "vnd.scrqm:Results.Recheck")
        self.assertNotIn("NM4 7QT", "\n".join(items(dialog)))
        self.assertNotIn("scrqm.ignored", "\n".join(items(dialog)))

    def test_fast_read_goto_fix_and_changed_document(self):
        # Plain paragraphs and a table: the check reads the body through the
        # fast cursor walk, without the paragraphs' objects; Go to and Fix
        # read them on first use.
        filler = "The panel considered how agencies shared information about the family. "
        body = "".join("<text:p>%s</text:p>" % (filler * 3) for _ in range(40))
        path = os.path.join(self.tmp, "plain.fodt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(
                '<?xml version="1.0" encoding="UTF-8"?><office:document '
                'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
                '<office:body><office:text>%s'
                '<text:p>The family moved to 12 Elm Grove, NM4 7QT in 2004.</text:p>'
                '<table:table table:name="Agencies"><table:table-column/>'
                '<table:table-row><table:table-cell><text:p>Health visitor saw Liam Carter.'
                '</text:p></table:table-cell></table:table-row></table:table>'
                '%s<text:p>Liam Carter started school in 2009.</text:p>'
                '</office:text></office:body></office:document>' % (body, body))
        doc = self.load(path)
        self.dispatch(doc, "vnd.scrqm:CheckAll")
        dialog = self.panel(doc)
        status = dialog.getControl("Status").getModel()
        self.select(dialog, "NM4 7QT", "p. ")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "NM4 7QT")
        self.assertEqual(status.Label, "")
        self.select(dialog, "Liam Carter", "Agencies A1")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "Liam Carter")
        self.select(dialog, "Liam Carter", "p. ", unless="Agencies")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "Liam Carter")
        # Fix the last paragraph's name (found by its place in the body).
        self.dispatch(doc, "vnd.scrqm:Results.Fix")
        self.assertTrue(doc.getText().getString().endswith("Child A started school in 2009."))
        self.assertEqual(doc.getUndoManager().getAllUndoActionTitles()[0],
                         'Replace with "Child A"')

        # A paragraph typed after the check: the findings' places are stale.
        text = doc.getText()
        text.insertString(text.getStart(), "A new first paragraph.\n", False)
        text.insertControlCharacter(text.getStart(), 0, False)  # PARAGRAPH_BREAK
        self.select(dialog, "NM4 7QT")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(status.Label, "The text has changed since the check: Re-check")
        self.dispatch(doc, "vnd.scrqm:Results.Recheck")
        self.select(dialog, "NM4 7QT")
        self.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "NM4 7QT")
        self.assertEqual(status.Label, "")

    def test_five_thousand_findings_grouped_with_pages(self):
        # 1,667 paragraphs with two e-mail addresses and a postcode each
        # (5,001 findings, about 60 pages), a heading every 100 paragraphs.
        parts = []
        for i in range(1667):
            if i % 100 == 0:
                parts.append('<text:h text:outline-level="1">%d. Section %d</text:h>'
                             % (i // 100 + 1, i // 100 + 1))
            parts.append("<text:p>Contact worker%d@example.org or carer%d@example.net at "
                         "NM%d 7QT about the plan.</text:p>" % (i, i, i % 9 + 1))
        path = os.path.join(self.tmp, "many.fodt")
        with open(path, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?><office:document '
                    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                    'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
                    '<office:body><office:text>%s</office:text></office:body></office:document>'
                    % "".join(parts))
        doc = self.load(path)
        started = time.time()
        self.dispatch(doc, "vnd.scrqm:CheckAll")
        seconds = time.time() - started
        self.assertFalse(doc.isModified(), "finding the pages does not modify the document")
        self.assertEqual(len(doc.getUndoManager().getAllUndoActionTitles()), 0)
        dialog = self.panel(doc)
        summary = dialog.getControl("Summary").getModel().Text
        sys.stderr.write("\n  5,001 findings: CheckAll %.2f s; %s\n"
                         % (seconds, re.search(r"pages in .*", summary).group(0)))
        findings = self.expected(doc)
        self.assertGreaterEqual(len(findings), 5000)
        rows = items(dialog)
        finding_rows = [r for r in rows if r.startswith("    ")]
        self.assertEqual(len(finding_rows), len(findings), "every finding, no cap")
        # Groups by rule name, each with the count of its rows.
        names = rule_names()
        expected = {}
        for f in findings:
            expected[names[f["check"]]] = expected.get(names[f["check"]], 0) + 1
        groups, header = {}, None
        for r in rows:
            if r.startswith("    "):
                groups[header] += 1
            else:
                header = r
                groups[header] = 0
        self.assertEqual(groups, {"%s (%d)" % (name, n): n for name, n in expected.items()})
        # Every row has its page and section, in page order within a group.
        pattern = re.compile(r"    p\. (\d+) \u00b7 (\d+)\. Section \2 \u00b7 \u201c")
        self.assertTrue(all(pattern.match(r) for r in finding_rows),
                        [r for r in finding_rows if not pattern.match(r)][:3])
        page_count = doc.getCurrentController().PageCount
        self.assertGreater(page_count, 20)
        pages = [page_of(r) for r in finding_rows]
        self.assertEqual((min(pages), max(pages)), (1, page_count))
        start = 0
        for n in groups.values():
            self.assertEqual(pages[start:start + n], sorted(pages[start:start + n]))
            start += n
        # The page a row names is where Go to lands: first, middle, last.
        for text in ("worker0@example.org", "carer800@example.net", "NM3 7QT",
                     "worker1666@example.org"):
            row = self.select(dialog, text)
            self.dispatch(doc, "vnd.scrqm:Results.GoTo")
            self.assertEqual(self.selection(doc), text)
            self.assertEqual(self.view_page(doc), page_of(row), row)

        # Sort by page: a group per page, every row still there.
        dialog.getControl("Sort").selectItemPos(1, True)
        rows = items(dialog)
        headers = [r for r in rows if not r.startswith("    ")]
        self.assertEqual(headers[0].split(" (")[0], "Page 1")
        self.assertEqual(len(headers), page_count)
        self.assertEqual(len(rows) - len(headers), len(findings))
        # Show one severity: the errors only, as many as the check has.
        dialog.getControl("Show").selectItemPos(1, True)
        errors = sum(1 for f in findings if f["severity"] == "error")
        self.assertEqual(len([r for r in items(dialog) if r.startswith("    ")]), errors)
        dialog.getControl("Show").selectItemPos(0, True)
        dialog.getControl("Sort").selectItemPos(0, True)
        self.assertEqual(len([r for r in items(dialog) if r.startswith("    ")]), len(findings))
        self.assertFalse(doc.isModified())

    def start_check(self, doc, command="vnd.scrqm:CheckAll"):
        """Dispatches CheckAll (or Re-check) in a thread (the dispatch returns
        when the check ends); returns the thread once the panel says it is
        checking."""
        dialog = self.panel(doc)
        errors = []

        def check():
            try:
                self.dispatch(doc, command)
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

        thread = threading.Thread(target=check)
        thread.errors = errors
        thread.start()
        deadline = time.time() + 60
        while dialog.getControl("Verdict").getModel().Label != "Checking\u2026":
            self.assertTrue(thread.is_alive(), "the check ended before it was seen running")
            self.assertLess(time.time(), deadline)
            time.sleep(0.01)
        self.assertTrue(dialog.getControl("Cancel").getModel().Enabled)
        self.assertFalse(dialog.getControl("Recheck").getModel().Enabled)
        return thread

    def wait(self, thread):
        thread.join(120)
        self.assertFalse(thread.is_alive(), "the check stops")
        self.assertEqual(thread.errors, [])

    def test_cancel_long_check(self):
        path = os.path.join(self.tmp, "long.docx")
        made = subprocess.run([sys.executable, os.path.join(HERE, "..", "bench",
                                                            "make_long_report.py"), path, "--words", "300000"],
                              check=True, capture_output=True, text=True).stdout
        paragraphs = int(re.search(r"(\d+) paragraphs", made).group(1))
        doc = self.load(path)
        # The deck open before the first check: the panel shows its progress.
        self.office.smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", self.office.ctx).executeDispatch(
                doc.getCurrentController().getFrame(), ".uno:SidebarDeck." + DECK, "", 0, ())
        dialog = self.panel(doc)
        verdict = dialog.getControl("Verdict").getModel()
        summary = dialog.getControl("Summary").getModel()
        self.assertEqual(verdict.Label, "Not checked yet")
        self.assertFalse(dialog.getControl("Cancel").getModel().Enabled)

        # Cancelled from another thread (as a macro would) while reading:
        # no findings, the verdict says so, the document is untouched.
        thread = self.start_check(doc)
        self.dispatch(doc, "vnd.scrqm:Results.Cancel")
        self.wait(thread)
        self.assertEqual(verdict.Label, "Check cancelled")
        self.assertIn("Check cancelled: cancelled by the user", summary.Text)
        # Stopped early: inside the read, or after it before a check ran
        # (the read of 300,000 words can end before the cancel arrives).
        read = int(re.search(r"after (\d+) paragraphs", summary.Text).group(1))
        # A cancel that lands as the last paragraph is read still stops the
        # read: "after N paragraphs, while reading" with N the whole count.
        self.assertTrue(read < paragraphs or re.search(r"before the \w[\w -]* check", summary.Text)
                        or (read == paragraphs and "while reading" in summary.Text),
                        "the check stopped early: " + summary.Text)
        self.assertEqual(items(dialog), [])
        self.assertFalse(dialog.getControl("Cancel").getModel().Enabled)
        self.assertTrue(dialog.getControl("Recheck").getModel().Enabled)
        self.assertFalse(doc.isModified())
        self.assertEqual(len(doc.getUndoManager().getAllUndoActionTitles()), 0)

        # A full check afterwards works and agrees with the macro API.
        self.dispatch(doc, "vnd.scrqm:CheckAll")
        findings = self.expected(doc)
        errors = sum(1 for f in findings if f["severity"] == "error")
        self.assertEqual(verdict.Label, "Not ready: %d errors" % errors, summary.Text)
        rows = items(dialog)
        self.assertEqual(len([r for r in rows if r.startswith("    ")]), len(findings))

        # Cancelled again, a Re-check this time (it runs on the macro's
        # thread as CheckAll does, so a cancel from another thread reaches
        # it): the previous findings stay, marked as such.
        thread = self.start_check(doc, "vnd.scrqm:Results.Recheck")
        self.dispatch(doc, "vnd.scrqm:Results.Cancel")
        self.wait(thread)
        self.assertEqual(verdict.Label, "Check cancelled")
        self.assertIn("Previous check: Not ready: %d errors" % errors, summary.Text)
        self.assertEqual(items(dialog), rows)
        self.assertFalse(doc.isModified())

        # An edit during the check cancels it; the edit is kept.
        thread = self.start_check(doc)
        text = doc.getText()
        text.insertString(text.getEnd(), "Typed during the check.", False)
        self.wait(thread)
        self.assertEqual(verdict.Label, "Check cancelled")
        self.assertIn("the document was edited during the check", summary.Text)
        self.assertTrue(doc.getText().getString().endswith("Typed during the check."))

        # A close during the check: vetoed, the check stops, then the
        # window closes (the closer gave up ownership).
        thread = self.start_check(doc)
        frame = doc.getCurrentController().getFrame()
        with self.assertRaises(Exception):
            frame.close(True)
        self.wait(thread)
        def closed():
            try:
                return frame.getController() is None
            except Exception:  # disposed
                return True

        deadline = time.time() + 30
        while not closed() and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(closed(), "closed after the check stopped")
        self.docs.remove(doc)

    def test_clean_document_is_ready_to_publish(self):
        # The report checks' clean fixture: every check finds nothing in it.
        path = os.path.join(self.tmp, "clean.docx")
        shutil.copy(os.path.join(HERE, "..", "fixtures", "report", "clean.docx"), path)
        doc = self.load(path)
        self.dispatch(doc, "vnd.scrqm:CheckAll")
        dialog = self.panel(doc)
        self.assertEqual(dialog.getControl("Verdict").getModel().Label, "Ready to publish")
        self.assertEqual(items(dialog), [])
        self.assertFalse(doc.isModified())


if __name__ == "__main__":
    unittest.main()
