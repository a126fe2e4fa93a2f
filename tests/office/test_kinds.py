"""Kinds of review in a real LibreOffice. On a Safeguarding Adults Review the
macro API's coverage, the check's report coverage and the sidebar use SCIE's
SAR Quality Markers (sar-qm-2022: 15 markers in three stages) unless a
framework is named (the Framework argument or the document's scrqm_Framework
property); the sidebar names the kind of review. On a report written without
heading styles the Sections panel shows the inferred outline and its "Apply
heading styles" button gives Writer's outline in one undo step. The
terms-of-reference and response templates of an LCSPR and a SAR insert with
their kind's words and tags. On a report of each kind whose headings are
bold Normal text the outline is the styled twin's, and a defect-free report of
each kind gets no structure finding, as .docx and .odt."""
import os
import unittest

from office import OfficeTest, list_items as items, quality_marker_panels, wait_for
import unstyled_reports as reports

STAGES = ["Setting up the review", "Running the review", "Output, action and impact"]


class Kinds(OfficeTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kinds = {kind: reports.save(cls.office, cls.tmp, kind, paragraphs, "styled")
                     for kind, paragraphs in reports.kind_reports().items()}
        cls.kinds_bold = {kind: reports.save(cls.office, cls.tmp, kind + "-bold", paragraphs,
                                             "bold")
                          for kind, paragraphs in reports.kind_reports().items()}
        cls.unstyled = reports.save(cls.office, cls.tmp, "unstyled", reports.fixtures.CLEAN,
                                    "bold")
        cls.sar = cls.kinds["sar-report"][1]  # .docx

    def test_a_sar_is_judged_against_the_sar_quality_markers(self):
        doc = self.load(self.sar)
        coverage = self.call_on(doc, Action="coverage")
        self.assertEqual(coverage["framework"], "sar-qm-2022")
        self.assertEqual(len(coverage["coverage"]), 15)
        # The check's report coverage too.
        checked = self.call_on(doc, Action="check", Checks="structure", Context="1")
        self.assertEqual(checked["framework"], "sar-qm-2022")
        self.assertEqual(checked["kind"]["profile"], "sar-report")
        self.assertEqual(len(checked["coverage"]), 15)
        # A framework named by the request wins.
        named_fw = self.call_on(doc, Action="coverage", Framework="scr-qm-2016")
        self.assertEqual((named_fw["framework"], len(named_fw["coverage"])), ("scr-qm-2016", 18))
        # So does one named by the document's own property.
        doc.getDocumentProperties().getUserDefinedProperties().addProperty(
            "scrqm_Framework", 0, "scr-qm-2016")
        by_property = self.call_on(doc, Action="coverage")
        self.assertEqual((by_property["framework"], len(by_property["coverage"])),
                         ("scr-qm-2016", 18))

    def test_an_scr_keeps_the_scr_quality_markers(self):
        doc = self.load(self.unstyled[0])
        coverage = self.call_on(doc, Action="coverage")
        self.assertEqual((coverage["framework"], len(coverage["coverage"])), ("scr-qm-2016", 18))

    def test_the_sidebar_shows_the_sar_markers_by_stage_and_the_kind(self):
        doc = self.load(self.sar, hidden=False)
        self.office.dispatch(doc, "vnd.scrqm:QualityMarkers")
        markers, sections = quality_marker_panels(self.office, doc)
        rows = items(markers, "Markers")
        self.assertEqual(sum(1 for r in rows if "QM" in r), 15, rows)
        self.assertEqual([r.lstrip("\u2500 ") for r in rows if r.startswith("\u2500")], STAGES)
        self.assertTrue(any("QM15  Action and impact" in r for r in rows), rows)
        kind = markers.getControl("Kind").getModel().Label
        self.assertIn("Safeguarding Adults Review (sar-report)", kind)
        self.assertIn("Safeguarding Adults Review Quality Markers", kind)
        self.assertEqual(len(items(sections, "Marker")), 15)
        # The stored source gives no questions for the first marker: the list
        # is empty and the statement says why (the data's "missing" note).
        self.assertEqual(items(markers, "Questions"), [])
        statement = markers.getControl("Statement").getModel().Text
        self.assertIn("The questions for this marker were not found", statement)

    def test_the_sidebar_offers_the_inferred_outline_and_applies_it(self):
        want = [t for s, t in reports.fixtures.CLEAN if s.startswith("Heading")]
        doc = self.load(self.unstyled[1], hidden=False)
        self.office.dispatch(doc, "vnd.scrqm:QualityMarkers")
        markers, sections = quality_marker_panels(self.office, doc)
        label = sections.getControl("HeadingsLabel").getModel().Label
        self.assertIn("Outline inferred", label)
        rows = items(sections, "Headings")
        self.assertEqual([r.strip().rsplit("  (", 1)[0] for r in rows], want)
        self.assertTrue(all(r.endswith("%)") for r in rows), rows)
        apply = sections.getControl("ApplyHeadings")
        self.assertTrue(apply.getModel().Enabled)
        self.assertEqual(apply.getModel().Label, "Apply heading styles")
        # Tagging waits for the styles.
        self.office.dispatch(doc, "vnd.scrqm:Panel.TagSection")
        self.assertIn("Apply heading styles first", sections.getControl("Status").getModel().Label)
        self.assertFalse(doc.isModified())

        self.office.dispatch(doc, "vnd.scrqm:Panel.ApplyHeadings")
        self.assertEqual(doc.getUndoManager().getAllUndoActionTitles(), ("Apply heading styles",))
        self.assertTrue(wait_for(lambda: items(sections, "Headings") and
                                 "inferred" not in sections.getControl("HeadingsLabel")
                                 .getModel().Label))
        self.assertEqual([r.strip() for r in items(sections, "Headings")], want)
        self.assertFalse(apply.getModel().Enabled)
        self.assertIn("Applied heading styles to %d paragraphs" % len(want),
                      sections.getControl("Status").getModel().Label)
        # Now sections can be tagged.
        sections.getControl("Headings").selectItemPos(want.index("Methodology"), True)
        self.office.dispatch(doc, "vnd.scrqm:Panel.TagSection")
        outline = self.call_on(doc, Action="outline")
        tagged = [s for s in outline["sections"] if s["markers"]]
        self.assertEqual([s["title"] for s in tagged], ["Methodology"])
        # One undo for the tag, one for the styles: the report is as it was.
        doc.getUndoManager().undo()
        doc.getUndoManager().undo()
        self.assertFalse(doc.getUndoManager().isUndoPossible())
        self.office.dispatch(doc, "vnd.scrqm:Panel.Refresh")
        self.assertIn("Outline inferred", sections.getControl("HeadingsLabel").getModel().Label)

    def test_the_lcspr_and_sar_templates_insert(self):
        words = {"lcspr-terms-of-reference": ("rapid review", "lcspr-report"),
                 "lcspr-board-response": ("Child Safeguarding Practice Review Panel",
                                          "lcspr-report"),
                 "sar-terms-of-reference": ("section 44 of the Care Act 2014", "sar-report"),
                 "sar-board-response": ("Schedule 2", "sar-report")}
        for name, (phrase, kind) in words.items():
            with self.subTest(template=name):
                doc = self.office.new_writer()
                self.docs.append(doc)
                result = self.call_on(doc, Action="insert-template", Template=name)
                self.assertEqual(result["template"], name)
                response = name.endswith("board-response")
                title = "Insert board response" if response else "Insert terms of reference"
                self.assertEqual(doc.getUndoManager().getAllUndoActionTitles(), (title,))
                self.assertIn(phrase, doc.getText().getString())
                checked = self.call_on(doc, Action="check", Checks="structure")
                self.assertEqual(checked["kind"]["profile"], kind)
                outline = self.call_on(doc, Action="outline")
                tags = sorted({m for s in outline["sections"] for m in s["markers"]})
                if name == "sar-terms-of-reference":
                    self.assertEqual(tags, ["QM10", "QM11", "QM14", "QM4", "QM6", "QM7", "QM8",
                                            "QM9"])
                elif name == "sar-board-response":
                    self.assertEqual(tags, ["QM15"])
                else:
                    self.assertGreater(len(tags), 1)
                doc.getUndoManager().undo()
                self.assertEqual(doc.getText().getString().strip(), "")

    def test_bold_normal_headings_give_the_styled_outline_for_each_kind(self):
        def outline(path):
            doc = self.load(path)
            return [(s["title"], s["level"], s["paragraph"])
                    for s in self.call_on(doc, Action="outline")["sections"]]

        for kind in self.kinds:
            for styled, bold in zip(self.kinds[kind], self.kinds_bold[kind]):
                with self.subTest(kind=kind, file=os.path.basename(bold)):
                    want = outline(styled)
                    self.assertGreater(len(want), 5, want)
                    self.assertEqual(outline(bold), want)

    def test_a_defect_free_report_of_each_kind_has_no_structure_finding(self):
        for kind in self.kinds:
            for path in self.kinds[kind] + self.kinds_bold[kind]:
                with self.subTest(kind=kind, file=os.path.basename(path)):
                    doc = self.load(path)
                    result = self.call_on(doc, Action="check", Checks="structure")
                    self.assertEqual(result["kind"]["profile"], kind)
                    self.assertEqual([(f["check"], f["message"]) for f in result["findings"]],
                                     [])


if __name__ == "__main__":
    unittest.main()
