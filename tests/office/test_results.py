"""The pre-publication check in a real LibreOffice: the toolbar command
vnd.scrqm:CheckAll dispatched through the frame on a .docx loaded visible
(the sidebar exists only then), the results panel read through the sidebar
API (verdict, counts, the findings list), Go to in the body, a table, a
footnote and a header, Fix of a register finding (one undo step), Ignore
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
from office import SAMPLE, OfficeTest, named, props

HERE = os.path.dirname(os.path.abspath(__file__))
DECK = "ScrqmPrepublicationDeck"
PANEL = "ScrqmResultsPanel"
REGISTER = [{"real": "Liam Carter", "pseudonym": "Child A", "kind": "name"}]


def items(dialog):
    return list(dialog.getControl("Findings").getModel().StringItemList)


class PrepublicationCheck(OfficeTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The default case's register (the toolbar command uses it).
        out = json.loads(cls.office.assistant().execute(
            named(Action="register-set", Register=json.dumps(REGISTER),
                  Passphrase="the results test passphrase")))
        assert "error" not in out, out

    def setUp(self):
        super().setUp()
        self.path = self.copy_of(SAMPLE, "report.docx")
        self.tmp = os.path.dirname(self.path)

    def load(self, path):
        # Not hidden (a hidden document has no sidebar), not read-only (a
        # read-only document does not show extension decks).
        doc = self.office.load(path, hidden=False, read_only=False)
        self.docs.append(doc)
        return doc

    def panel(self, doc):
        deck = doc.getCurrentController().getSidebar().getDecks().getByName(DECK)
        self.assertTrue(deck.isActive(), "the command opens the deck")
        # The deck's panels are created after it turns active.
        deadline = time.time() + 10
        while not deck.getPanels().hasByName(PANEL) and time.time() < deadline:
            time.sleep(0.1)
        panel = deck.getPanels().getByName(PANEL)
        if not panel.isExpanded():
            panel.expand(False)
        dialog = panel.getDialog()
        self.assertIsNotNone(dialog)
        return dialog

    def expected(self, doc):
        """Every check through the macro API, for comparison."""
        out = json.loads(self.office.assistant().execute(named(Action="check", Document=doc)))
        self.assertNotIn("error", out, out)
        return out["findings"]

    def select(self, dialog, text, where=None):
        """Selects the first finding row for `text` (and place); returns it."""
        for i, row in enumerate(items(dialog)):
            if row.startswith("    \u201c%s\u201d  " % text) and (where is None or where in row):
                dialog.getControl("Findings").selectItemPos(i, True)
                return row
        self.fail("no row for %r in %s" % (text, items(dialog)))

    def selection(self, doc):
        return doc.getCurrentController().getSelection().getByIndex(0).getString()

    def test_check_goto_fix_ignore_survive_docx(self):
        doc = self.load(self.path)
        self.assertFalse(doc.isModified())
        self.office.dispatch(doc, "vnd.scrqm:CheckAll")
        self.assertFalse(doc.isModified(), "a check never modifies the document")
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
        # Grouped: a header row per check id and severity with its count.
        headers = [r for r in rows if not r.startswith("    ")]
        groups = {}
        for f in findings:
            key = "%s \u00b7 %s" % (f["check"], f["severity"])
            groups[key] = groups.get(key, 0) + 1
        self.assertEqual(sorted(headers), sorted("%s (%d)" % kv for kv in groups.items()))

        # Go to selects the finding's text wherever it lives.
        for text, where in (("12 Elm Grove", "body"), ("Dr Anjali Patel", None),
                            ("999 401 7268", "footnote"),
                            ("CP/2016/0456", "page style")):
            self.select(dialog, text, where)
            self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
            self.assertEqual(self.selection(doc), text, "Go to " + text)
        # A comment's text cannot be selected: Go to selects its anchor and
        # says so; a property is named.
        self.select(dialog, "07700 900461", "comment by")
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertTrue(dialog.getControl("Status").getModel().Label.startswith(
            "In a comment: comment by"))
        self.select(dialog, "SCR-2016-03", "custom:CaseReference")
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(dialog.getControl("Status").getModel().Label,
                         "In the document properties (File > Properties): custom:CaseReference")
        self.assertFalse(doc.isModified(), "Go to does not modify")

        # Fix is enabled from the finding's fix actions: a postcode can be
        # generalised to its area in one click; the detail names the action.
        self.select(dialog, "NM4 7QT")
        self.assertTrue(dialog.getControl("Fix").getModel().Enabled)
        self.assertIn('Fix: Generalise to "NM4"', dialog.getControl("Detail").getModel().Text)
        # A register finding replaces with its pseudonym in one undo step and
        # the panel is re-checked.
        row = self.select(dialog, "Liam")
        self.assertIn("case register", row)
        self.assertTrue(dialog.getControl("Fix").getModel().Enabled)
        before = doc.getText().getString().count("Liam")
        before_child = doc.getText().getString().count("Child A")
        registered = sum(1 for r in items(dialog) if r.startswith("    \u201cLiam\u201d"))
        self.office.dispatch(doc, "vnd.scrqm:Results.Fix")
        self.assertEqual(doc.getText().getString().count("Liam"), before - 1)
        self.assertEqual(doc.getText().getString().count("Child A"),
                         before_child + 1)
        self.assertEqual(doc.getUndoManager().getAllUndoActionTitles()[0],
                         'Replace with "Child A"')
        self.assertEqual(
            sum(1 for r in items(dialog) if r.startswith("    \u201cLiam\u201d")),
            registered - 1, "the panel shows the check after the fix")

        # Ignore the postcode (an error): it leaves the list and the verdict.
        findings = self.expected(doc)
        errors = sum(1 for f in findings if f["severity"] == "error")
        postcode = [f for f in findings if f["text"] == "NM4 7QT"]
        self.assertEqual(len(postcode), 1)
        self.assertEqual(postcode[0]["severity"], "error")
        self.select(dialog, "NM4 7QT")
        self.office.dispatch(doc, "vnd.scrqm:Results.Ignore")
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
        self.office.dispatch(again, "vnd.scrqm:CheckAll")
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
        self.office.dispatch(again, "vnd.scrqm:Results.Recheck")
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
        self.office.dispatch(doc, "vnd.scrqm:CheckAll")
        dialog = self.panel(doc)
        status = dialog.getControl("Status").getModel()
        self.select(dialog, "NM4 7QT", "body \u00b6%d" % 41)
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "NM4 7QT")
        self.assertEqual(status.Label, "")
        self.select(dialog, "Liam Carter", "Agencies A1")
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "Liam Carter")
        self.select(dialog, "Liam Carter", "body \u00b6%d" % 82)
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "Liam Carter")
        # Fix the last paragraph's name (found by its place in the body).
        self.office.dispatch(doc, "vnd.scrqm:Results.Fix")
        self.assertTrue(doc.getText().getString().endswith("Child A started school in 2009."))
        self.assertEqual(doc.getUndoManager().getAllUndoActionTitles()[0],
                         'Replace with "Child A"')

        # A paragraph typed after the check: the findings' places are stale.
        text = doc.getText()
        text.insertString(text.getStart(), "A new first paragraph.\n", False)
        text.insertControlCharacter(text.getStart(), 0, False)  # PARAGRAPH_BREAK
        self.select(dialog, "NM4 7QT")
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(status.Label, "The text has changed since the check: Re-check")
        self.office.dispatch(doc, "vnd.scrqm:Results.Recheck")
        self.select(dialog, "NM4 7QT")
        self.office.dispatch(doc, "vnd.scrqm:Results.GoTo")
        self.assertEqual(self.selection(doc), "NM4 7QT")
        self.assertEqual(status.Label, "")

    def start_check(self, doc, command="vnd.scrqm:CheckAll"):
        """Dispatches CheckAll (or Re-check) in a thread (the dispatch returns
        when the check ends); returns the thread once the panel says it is
        checking."""
        dialog = self.panel(doc)
        errors = []

        def check():
            try:
                self.office.dispatch(doc, command)
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
        self.office.dispatch(doc, ".uno:SidebarDeck." + DECK)
        dialog = self.panel(doc)
        verdict = dialog.getControl("Verdict").getModel()
        summary = dialog.getControl("Summary").getModel()
        self.assertEqual(verdict.Label, "Not checked yet")
        self.assertFalse(dialog.getControl("Cancel").getModel().Enabled)

        # Cancelled from another thread (as a macro would) while reading:
        # no findings, the verdict says so, the document is untouched.
        thread = self.start_check(doc)
        self.office.dispatch(doc, "vnd.scrqm:Results.Cancel")
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
        self.office.dispatch(doc, "vnd.scrqm:CheckAll")
        findings = self.expected(doc)
        errors = sum(1 for f in findings if f["severity"] == "error")
        self.assertEqual(verdict.Label, "Not ready: %d errors" % errors, summary.Text)
        rows = items(dialog)
        self.assertEqual(len([r for r in rows if r.startswith("    ")]), len(findings))

        # Cancelled again, a Re-check this time (it runs on the macro's
        # thread as CheckAll does, so a cancel from another thread reaches
        # it): the previous findings stay, marked as such.
        thread = self.start_check(doc, "vnd.scrqm:Results.Recheck")
        self.office.dispatch(doc, "vnd.scrqm:Results.Cancel")
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
        self.office.dispatch(doc, "vnd.scrqm:CheckAll")
        dialog = self.panel(doc)
        self.assertEqual(dialog.getControl("Verdict").getModel().Label, "Ready to publish")
        self.assertEqual(items(dialog), [])
        self.assertFalse(doc.isModified())


if __name__ == "__main__":
    unittest.main()
