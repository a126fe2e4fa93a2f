"""Kinds of review in a real LibreOffice. On a Safeguarding Adults Review the
macro API's coverage, the check's report coverage and the sidebar use SCIE's
SAR Quality Markers (sar-qm-2022: 15 markers in three stages) unless a
framework is named (the Framework argument or the document's scrqm_Framework
property); the sidebar names the kind of review. On a report written without
heading styles the Sections panel shows the inferred outline and its "Apply
heading styles" button gives Writer's outline in one undo step. The
terms-of-reference and response templates of an LCSPR and a SAR insert with
their kind's words and tags. A defect-free report of each kind gets no
structure finding, as .docx and .odt."""
import json
import os
import shutil
import tempfile
import time
import unittest

from office import Office, named
import unstyled_reports as reports

OXT = os.environ.get("SCRQM_OXT", os.path.join("..", "..", "build", "scrqm.oxt"))
DECK = "ScrqmQualityMarkersDeck"
STAGES = ["Setting up the review", "Running the review", "Output, action and impact"]


def items(dialog, name):
    return list(dialog.getControl(name).getModel().StringItemList)


def wait_for(predicate, seconds=10.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


class Kinds(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="scrqm-kinds-")
        cls.office = Office(OXT)
        cls.kinds = {kind: reports.save(cls.office, cls.dir, kind, paragraphs, "styled")
                     for kind, paragraphs in reports.kind_reports().items()}
        cls.kinds_bold = {kind: reports.save(cls.office, cls.dir, kind + "-bold", paragraphs,
                                             "bold")
                          for kind, paragraphs in reports.kind_reports().items()}
        cls.unstyled = reports.save(cls.office, cls.dir, "unstyled", reports.fixtures.CLEAN,
                                    "bold")
        cls.sar = cls.kinds["sar-report"][1]  # .docx

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def setUp(self):
        self.docs = []

    def tearDown(self):
        for d in self.docs:
            try:
                d.close(True)
            except Exception:
                pass

    def load(self, path, hidden=True):
        doc = self.office.load(path, hidden=hidden, read_only=False)
        self.docs.append(doc)
        return doc

    def call(self, doc, **kw):
        out = json.loads(self.office.assistant().execute(named(Document=doc, **kw)))
        self.assertNotIn("error", out, out)
        return out

    def dispatch(self, doc, command):
        helper = self.office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                            self.office.ctx)
        helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())

    def panels(self, doc):
        decks = doc.getCurrentController().getSidebar().getDecks()
        self.assertTrue(wait_for(lambda: decks.hasByName(DECK) or
                                 self.dispatch(doc, "vnd.scrqm:QualityMarkers")),
                        decks.getElementNames())
        deck = decks.getByName(DECK)
        if not deck.isActive():
            self.dispatch(doc, "vnd.scrqm:QualityMarkers")
        out = {}
        for name in ("ScrqmMarkersPanel", "ScrqmSectionsPanel"):
            self.assertTrue(wait_for(lambda: deck.getPanels().hasByName(name)),
                            deck.getPanels().getElementNames())
            panel = deck.getPanels().getByName(name)
            if not panel.isExpanded():
                panel.expand(False)
            out[name] = panel.getDialog()
        return out["ScrqmMarkersPanel"], out["ScrqmSectionsPanel"]

    def test_a_sar_is_judged_against_the_sar_quality_markers(self):
        doc = self.load(self.sar)
        coverage = self.call(doc, Action="coverage")
        self.assertEqual(coverage["framework"], "sar-qm-2022")
        self.assertEqual(len(coverage["coverage"]), 15)
        # The check's report coverage too.
        checked = self.call(doc, Action="check", Checks="structure", Context="1")
        self.assertEqual(checked["framework"], "sar-qm-2022")
        self.assertEqual(checked["kind"]["profile"], "sar-report")
        self.assertEqual(len(checked["coverage"]), 15)
        # A framework named by the request wins.
        named_fw = self.call(doc, Action="coverage", Framework="scr-qm-2016")
        self.assertEqual((named_fw["framework"], len(named_fw["coverage"])), ("scr-qm-2016", 18))
        # So does one named by the document's own property.
        doc.getDocumentProperties().getUserDefinedProperties().addProperty(
            "scrqm_Framework", 0, "scr-qm-2016")
        by_property = self.call(doc, Action="coverage")
        self.assertEqual((by_property["framework"], len(by_property["coverage"])),
                         ("scr-qm-2016", 18))

    def test_an_scr_keeps_the_scr_quality_markers(self):
        doc = self.load(self.unstyled[0])
        coverage = self.call(doc, Action="coverage")
        self.assertEqual((coverage["framework"], len(coverage["coverage"])), ("scr-qm-2016", 18))

    def test_the_sidebar_shows_the_sar_markers_by_stage_and_the_kind(self):
        doc = self.load(self.sar, hidden=False)
        self.dispatch(doc, "vnd.scrqm:QualityMarkers")
        markers, sections = self.panels(doc)
        rows = items(markers, "Markers")
        self.assertEqual(sum(1 for r in rows if "QM" in r), 15, rows)
        self.assertEqual([r.lstrip("\u2500 ") for r in rows if r.startswith("\u2500")], STAGES)
        self.assertTrue(any("QM15  Action and impact" in r for r in rows), rows)
        kind = markers.getControl("Kind").getModel().Label
        self.assertIn("Safeguarding Adults Review (sar-report)", kind)
        self.assertIn("Safeguarding Adults Review Quality Markers", kind)
        self.assertEqual(len(items(sections, "Marker")), 15)
        # Questions are split by audience; the first marker's are shown.
        self.assertGreater(len(items(markers, "Questions")), 0)

    def test_the_sidebar_offers_the_inferred_outline_and_applies_it(self):
        want = [t for s, t in reports.fixtures.CLEAN if s.startswith("Heading")]
        doc = self.load(self.unstyled[1], hidden=False)
        self.dispatch(doc, "vnd.scrqm:QualityMarkers")
        markers, sections = self.panels(doc)
        label = sections.getControl("HeadingsLabel").getModel().Label
        self.assertIn("Outline inferred", label)
        rows = items(sections, "Headings")
        self.assertEqual([r.strip().rsplit("  (", 1)[0] for r in rows], want)
        self.assertTrue(all(r.endswith("%)") for r in rows), rows)
        apply = sections.getControl("ApplyHeadings")
        self.assertTrue(apply.getModel().Enabled)
        self.assertEqual(apply.getModel().Label, "Apply heading styles")
        # Tagging waits for the styles.
        self.dispatch(doc, "vnd.scrqm:Panel.TagSection")
        self.assertIn("Apply heading styles first", sections.getControl("Status").getModel().Label)
        self.assertFalse(doc.isModified())

        self.dispatch(doc, "vnd.scrqm:Panel.ApplyHeadings")
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
        self.dispatch(doc, "vnd.scrqm:Panel.TagSection")
        outline = self.call(doc, Action="outline")
        tagged = [s for s in outline["sections"] if s["markers"]]
        self.assertEqual([s["title"] for s in tagged], ["Methodology"])
        # One undo for the tag, one for the styles: the report is as it was.
        doc.getUndoManager().undo()
        doc.getUndoManager().undo()
        self.assertFalse(doc.getUndoManager().isUndoPossible())
        self.dispatch(doc, "vnd.scrqm:Panel.Refresh")
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
                result = self.call(doc, Action="insert-template", Template=name)
                self.assertEqual(result["template"], name)
                response = name.endswith("board-response")
                title = "Insert board response" if response else "Insert terms of reference"
                self.assertEqual(doc.getUndoManager().getAllUndoActionTitles(), (title,))
                self.assertIn(phrase, doc.getText().getString())
                checked = self.call(doc, Action="check", Checks="structure")
                self.assertEqual(checked["kind"]["profile"], kind)
                outline = self.call(doc, Action="outline")
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

    def test_a_defect_free_report_of_each_kind_has_no_structure_finding(self):
        for kind in self.kinds:
            for path in self.kinds[kind] + self.kinds_bold[kind]:
                with self.subTest(kind=kind, file=os.path.basename(path)):
                    doc = self.load(path)
                    result = self.call(doc, Action="check", Checks="structure")
                    self.assertEqual(result["kind"]["profile"], kind)
                    self.assertEqual([(f["check"], f["message"]) for f in result["findings"]],
                                     [])


if __name__ == "__main__":
    unittest.main()
