"""The report checks in a real LibreOffice: structure, language and hidden
find exactly what tests/fixtures/report/expected.json lists in each fixture
(.odt and .docx), nothing in the clean report, and never modify the document;
each hidden-data fix is one undo step (or says it cannot be undone)."""
import json
import os
import unittest

from office import OfficeTest, named, props

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "report")
CHECKS = "structure,language,hidden"


def expected(name, ext):
    with open(os.path.join(FIXTURES, "expected.json")) as f:
        entry = json.load(f)["fixtures"][name]
    return entry.get("both", entry.get(ext))


def key(f):
    return [f["check"], f["where"], f["paragraph"], f["start"], f["end"]]


class ReportChecks(OfficeTest):
    def check(self, doc, checks=CHECKS):
        result = json.loads(self.office.assistant().execute(named(
            Action="check", Document=doc, Checks=checks)))
        self.assertNotIn("error", result)
        return result

    def test_each_fixture_gives_exactly_what_is_planted(self):
        for name in ("clean", "structure", "language", "hidden"):
            for ext in ("odt", "docx"):
                with self.subTest(fixture=name, format=ext):
                    doc = self.office.load(os.path.join(FIXTURES, name + "." + ext))
                    try:
                        result = self.check(doc)
                        got = sorted(key(f) for f in result["findings"])
                        self.assertEqual(got, sorted(expected(name, ext)))
                        for f in result["findings"]:
                            self.assertTrue(f["explanation"], f)
                            self.assertTrue(f["marker"].startswith("QM"), f)
                        # Checks read only: the document is not modified.
                        self.assertFalse(doc.isModified())
                    finally:
                        doc.close(True)

    def test_clean_report_has_nothing_for_any_check(self):
        doc = self.office.load(os.path.join(FIXTURES, "clean.docx"))
        try:
            self.assertEqual(self.check(doc, "structure,language,hidden")["findings"], [])
        finally:
            doc.close(True)

    def test_a_board_profile_is_named_with_profile(self):
        doc = self.office.load(os.path.join(FIXTURES, "structure.odt"))
        try:
            result = json.loads(self.office.assistant().execute(named(
                Action="check", Document=doc, Checks="structure",
                Profile=os.path.join(FIXTURES, "board-profile.json"))))
            missing = [f for f in result["findings"] if f["check"] == "structure.missing-section"]
            self.assertEqual([(f["marker"], f["message"]) for f in missing],
                             [("QM16", "No section for The board's response")])
            unknown = json.loads(self.office.assistant().execute(named(
                Action="check", Document=doc, Checks="structure", Profile="nope")))
            self.assertIn("available: dhr-overview, lcspr-report, sar-report, scr-report", unknown["error"])
        finally:
            doc.close(True)

    def test_sample_lists_findings_of_all_three_checks(self):
        sample = os.path.join(HERE, "..", "..", "addin", "data", "sample",
                              "sample-scr-report.docx")
        doc = self.office.load(sample)
        try:
            checks = {f["check"].split(".")[0] for f in self.check(doc)["findings"]}
            self.assertEqual(checks, {"structure", "language", "hidden"})
            self.assertFalse(doc.isModified())
        finally:
            doc.close(True)


class HiddenFixes(OfficeTest):
    """Each fix on a fresh copy of hidden.odt and hidden.docx, never saved."""

    def fix(self, doc, fix, **extra):
        return json.loads(self.office.assistant().execute(named(
            Action="fix", Document=doc, Fix=fix, **extra)))

    def hidden_kinds(self, doc):
        result = json.loads(self.office.assistant().execute(named(
            Action="check", Document=doc, Checks="hidden")))
        return [f["check"] for f in result["findings"]]

    def each_format(self):
        for ext in ("odt", "docx"):
            doc = self.office.load(os.path.join(FIXTURES, "hidden." + ext), read_only=False)
            try:
                yield ext, doc
            finally:
                doc.close(True)

    def one_undo_step(self, doc, action, title):
        undo = doc.getUndoManager()
        before = len(undo.getAllUndoActionTitles())
        result = action()
        titles = undo.getAllUndoActionTitles()
        self.assertEqual(len(titles), before + 1, titles)
        self.assertEqual(titles[0], title)
        return result

    def comments(self, doc):
        fields = doc.getTextFields().createEnumeration()
        n = 0
        while fields.hasMoreElements():
            n += fields.nextElement().supportsService("com.sun.star.text.textfield.Annotation")
        return n

    def redlines(self, doc):
        e = doc.getRedlines().createEnumeration()
        n = 0
        while e.hasMoreElements():
            e.nextElement()
            n += 1
        return n

    def test_delete_comments_is_one_undo_step(self):
        for ext, doc in self.each_format():
            with self.subTest(format=ext):
                self.assertEqual(self.comments(doc), 1)
                result = self.one_undo_step(doc, lambda: self.fix(doc, "delete-comments"),
                                            "scrqm: delete comments")
                self.assertEqual(result, {"fix": "delete-comments", "removed": 1, "undo": True})
                self.assertEqual(self.comments(doc), 0)
                self.assertNotIn("hidden.comment", self.hidden_kinds(doc))
                doc.getUndoManager().undo()
                self.assertEqual(self.comments(doc), 1)
                self.assertIn("hidden.comment", self.hidden_kinds(doc))

    def test_accept_and_reject_changes_are_one_undo_step_each(self):
        for ext, doc in self.each_format():
            for fix, title in (("accept-changes", "scrqm: accept tracked changes"),
                               ("reject-changes", "scrqm: reject tracked changes")):
                with self.subTest(format=ext, fix=fix):
                    self.assertEqual(self.redlines(doc), 1)
                    result = self.one_undo_step(doc, lambda: self.fix(doc, fix), title)
                    self.assertEqual(result["settled"], 1)
                    self.assertEqual(self.redlines(doc), 0)
                    text = doc.getText().getString()
                    self.assertEqual("It also asked about housing." in text,
                                     fix == "accept-changes")
                    self.assertNotIn("hidden.tracked-change", self.hidden_kinds(doc))
                    doc.getUndoManager().undo()
                    self.assertEqual(self.redlines(doc), 1)
                    self.assertIn("It also asked about housing.", doc.getText().getString())

    def test_clear_property_is_explicit_and_says_it_cannot_be_undone(self):
        for ext, doc in self.each_format():
            with self.subTest(format=ext):
                missing = self.fix(doc, "clear-property")
                self.assertIn("Property=NAME", missing["error"])
                self.assertIn("error", self.fix(doc, "clear-property", Property="nope"))
                result = self.fix(doc, "clear-property", Property="author")
                self.assertEqual(result["undo"], False)
                self.assertEqual(doc.getDocumentProperties().Author, "")
                result = self.fix(doc, "clear-property", Property="custom:CaseReference")
                self.assertEqual(result["property"], "custom:CaseReference")
                kinds = self.hidden_kinds(doc)
                self.assertNotIn("hidden.custom-property", kinds)
                self.assertEqual(kinds.count("hidden.property"), 3)  # title, subject, keywords

    def test_unknown_fix_lists_the_hidden_fixes(self):
        for ext, doc in self.each_format():
            error = self.fix(doc, "frobnicate")["error"]
            self.assertIn("delete-comments", error)
            self.assertIn("remove-personal-info-on-save", error)
            break

    def test_remove_personal_info_on_save_sets_the_office_option(self):
        for ext, doc in self.each_format():
            self.assertIn("hidden.personal-info-setting", self.hidden_kinds(doc))
            result = self.fix(doc, "remove-personal-info-on-save")
            self.assertEqual(result["undo"], False)
            self.assertNotIn("hidden.personal-info-setting", self.hidden_kinds(doc))
            self.assertFalse(doc.isModified())  # an office option, not a document change
            config = self.office.smgr.createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", self.office.ctx)
            node = config.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationAccess",
                props(nodepath="/org.openoffice.Office.Common/Security/Scripting"))
            self.assertTrue(node.getByName("RemovePersonalInfoOnSaving"))
            break


if __name__ == "__main__":
    unittest.main()
