"""The outline of reports written without heading styles, in a real
LibreOffice: on generated reports whose headings are bold Normal text, the
inferred outline (titles and levels) equals the styled twin's, on .odt and
.docx; on a report with a typed contents page no contents line is a section
or a finding; the command line's office path prints the same outline."""
import json
import os
import subprocess
import unittest

from office import OfficeTest, named
import unstyled_reports as reports

BUILD = os.environ.get("SCRQM_BUILD_DIR", os.path.join("..", "..", "build"))


class InferredOutline(OfficeTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dir = cls.tmp
        clean = reports.fixtures.CLEAN
        cls.pairs = {}
        for name, paragraphs, look in (("plain", clean, "bold"),
                                       ("numbered", reports.numbered(clean), "bold-same")):
            styled = reports.save(cls.office, cls.dir, name + "-styled", paragraphs, "styled")
            unstyled = reports.save(cls.office, cls.dir, name + "-bold", paragraphs, look)
            cls.pairs[name] = list(zip(styled, unstyled))
        cls.contents = reports.save(cls.office, cls.dir, "contents",
                                    reports.contents_page(clean) + clean, "bold")
        cls.defects = {name: reports.save(cls.office, cls.dir, "defect-" + name, paragraphs, "bold")
                       for name, (paragraphs, _) in reports.planted_defects().items()}

    def outline(self, path, checks=None):
        doc = self.office.load(path)
        try:
            args = dict(Action="check", Document=doc, Checks=checks) if checks else \
                dict(Action="outline", Document=doc)
            result = json.loads(self.office.assistant().execute(named(**args)))
            self.assertNotIn("error", result)
            self.assertFalse(doc.isModified())  # reading infers, it never restyles
            return result
        finally:
            doc.close(True)

    def test_bold_normal_headings_give_the_styled_outline(self):
        for name, files in self.pairs.items():
            for styled, unstyled in files:
                with self.subTest(report=name, file=os.path.basename(unstyled)):
                    want = self.outline(styled)["sections"]
                    got = self.outline(unstyled)["sections"]
                    self.assertGreater(len(want), 10)
                    self.assertEqual([(s["title"], s["level"], s["paragraph"]) for s in got],
                                     [(s["title"], s["level"], s["paragraph"]) for s in want])
                    self.assertTrue(all(not s.get("inferred") for s in want), want)
                    for s in got:
                        self.assertTrue(s["inferred"], s)
                        self.assertGreaterEqual(s["confidence"], 0.5, s)

    def test_no_contents_line_is_a_section_or_a_finding(self):
        clean_titles = [t for s, t in reports.fixtures.CLEAN if s.startswith("Heading")]
        lines = len(reports.contents_page(reports.fixtures.CLEAN))
        for path in self.contents:
            with self.subTest(file=os.path.basename(path)):
                result = self.outline(path, checks="structure")
                self.assertEqual([s["title"] for s in result["sections"]], clean_titles)
                self.assertTrue(all(s["paragraph"] >= lines for s in result["sections"]))
                # The finding the contents page lists is not a second Finding 1.
                self.assertEqual([f for f in result["findings"] if f["paragraph"] < lines], [])
                self.assertEqual([f["check"] for f in result["findings"]
                                  if f["severity"] == "error"], [])

    def test_each_planted_structure_defect_is_reported_on_bold_normal_reports(self):
        for name, (_, rule) in reports.planted_defects().items():
            for path in self.defects[name]:
                with self.subTest(defect=name, file=os.path.basename(path)):
                    found = [f for f in self.outline(path, checks="structure")["findings"]]
                    checks = sorted({f["check"] for f in found})
                    if rule is None:
                        self.assertEqual([f for f in found if f["severity"] == "error"], [])
                        self.assertEqual(checks, [], found)
                    else:
                        # What follows from it may be reported too (a
                        # recommendation citing "Finding 1" that no finding
                        # is now), but the defect itself must be.
                        self.assertIn(rule, checks, found)

    def test_apply_heading_styles_is_one_undo_step(self):
        for styled, unstyled in self.pairs["plain"]:
            with self.subTest(file=os.path.basename(unstyled)):
                want = [(s["title"], s["level"]) for s in self.outline(styled)["sections"]]
                doc = self.office.load(unstyled, read_only=False)
                try:
                    assistant = self.office.assistant()
                    answer = json.loads(assistant.execute(named(
                        Action="apply-heading-styles", Document=doc)))
                    self.assertEqual(answer, {"applied": len(want)})
                    got = json.loads(assistant.execute(named(Action="outline", Document=doc)))
                    self.assertEqual([(s["title"], s["level"], s.get("inferred", False))
                                      for s in got["sections"]],
                                     [(t, lv, False) for t, lv in want])
                    undo = doc.getUndoManager()
                    self.assertEqual(undo.getAllUndoActionTitles(), ("Apply heading styles",))
                    undo.undo()
                    self.assertFalse(undo.isUndoPossible())
                    back = json.loads(assistant.execute(named(Action="outline", Document=doc)))
                    self.assertTrue(all(s["inferred"] for s in back["sections"]))
                    self.assertEqual([(s["title"], s["level"]) for s in back["sections"]], want)
                finally:
                    doc.close(True)

    def test_the_command_line_prints_the_inferred_outline(self):
        scrqm = os.path.join(BUILD, "scrqm")
        styled, unstyled = self.pairs["plain"][1]  # the .docx pair
        got = subprocess.run([scrqm, "outline", "--format", "json", unstyled],
                             capture_output=True, text=True, timeout=300)
        self.assertEqual(got.returncode, 0, got.stderr)
        sections = json.loads(got.stdout)["sections"]
        want = self.outline(styled)["sections"]
        self.assertEqual([(s["title"], s["level"]) for s in sections],
                         [(s["title"], s["level"]) for s in want])
        text = subprocess.run([scrqm, "outline", unstyled], capture_output=True, text=True,
                              timeout=300)
        self.assertIn("inferred", text.stdout)


if __name__ == "__main__":
    unittest.main()
