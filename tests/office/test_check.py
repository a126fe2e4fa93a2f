"""Action=check in a real LibreOffice: the anonymisation check finds the
identifiers planted in the bundled sample wherever they live (body, table,
footnote, comment, header, properties), leaves its hard negatives alone, and
never modifies the document; the command line gives the same findings as the
macro API, byte for byte."""
import json
import os
import re
import subprocess
import unittest

from office import SAMPLE, OfficeTest, named

SAMPLE_DIR = os.path.dirname(SAMPLE)
HERE = os.path.dirname(os.path.abspath(__file__))
REPORT_FIXTURES = os.path.join(HERE, "..", "fixtures", "report")
SCRQM = os.path.join(os.environ.get("SCRQM_BUILD_DIR", os.path.join(HERE, "..", "..", "build")),
                     "scrqm")


def load_json(name):
    with open(os.path.join(SAMPLE_DIR, name)) as f:
        return json.load(f)


def allow_list():
    with open(os.path.join(SAMPLE_DIR, "sample-scr-report.allow.txt")) as f:
        return "\n".join(l.strip() for l in f if l.strip() and not l.startswith("#"))


class CheckInOffice(OfficeTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = cls.office.load(SAMPLE)
        cls.result = cls.call(Action="check", Document=cls.doc, Checks="anonymisation",
                              Allow=allow_list())
        cls.model = cls.call(Action="model", Document=cls.doc)

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        super().tearDownClass()

    def paragraph_text(self, where, index):
        for p in self.model["paragraphs"]:
            if p["where"] == where and p["paragraph"] == index:
                return p["text"]
        return ""

    def findings_covering(self, where, text):
        """Findings in `where` whose span overlaps an occurrence of `text`."""
        hits = []
        for f in self.result["findings"]:
            if f["where"] != where:
                continue
            para = self.paragraph_text(where, f["paragraph"])
            start = para.find(text)
            while start >= 0:
                if f["start"] < start + len(text) and start < f["end"]:
                    hits.append(f)
                start = para.find(text, start + 1)
        return hits

    def test_result_shape(self):
        self.assertNotIn("error", self.result)
        self.assertGreater(self.result["summary"]["errors"], 0)
        for f in self.result["findings"]:
            self.assertTrue(f["check"].startswith("anonymisation."))
            self.assertEqual(f["marker"], "QM14")
            self.assertIn(f["severity"], ("error", "warning", "info"))
            self.assertTrue(f["explanation"])
            para = self.paragraph_text(f["where"], f["paragraph"])
            if f["category"] not in ("jigsaw",):
                self.assertEqual(para[f["start"]:f["end"]], f["text"], f)

    def test_every_planted_identifier_is_found_where_it_lives(self):
        missed = []
        for item in load_json("sample-scr-report.planted.json"):
            if not self.findings_covering(item["where"], item["text"]):
                missed.append((item["category"], item["where"], item["text"]))
        self.assertEqual(missed, [])

    def test_hard_negatives_are_not_flagged(self):
        flagged = []
        for item in load_json("sample-scr-report.negatives.json"):
            for where in ("body", "table", "footnote", "comment", "header", "property"):
                for f in self.findings_covering(where, item["text"]):
                    if f["category"] not in ("jigsaw",) and not f["check"].startswith(
                            "anonymisation.pseudonym"):
                        flagged.append((item["text"], f["check"], f["text"]))
        self.assertEqual(flagged, [])

    def test_check_never_modifies_the_document(self):
        self.assertFalse(self.doc.isModified())
        self.assertFalse(self.doc.getUndoManager().isUndoPossible())

    def test_unknown_check_is_a_json_error(self):
        r = json.loads(self.office.assistant().execute(named(
            Action="check", Document=self.doc, Checks="anonymisation,frobnicate")))
        # The known ids are listed; the list grows as checks are added.
        self.assertRegex(r["error"],
                         r'^unknown check "frobnicate" \(known: anonymisation(, [a-z-]+)*\)$')


    def test_command_line_and_macro_api_give_the_same_findings(self):
        for path in [SAMPLE] + [os.path.join(REPORT_FIXTURES, n) for n in
                                ("hidden.odt", "hidden.docx", "structure.odt", "language.docx")]:
            with self.subTest(file=os.path.basename(path)):
                doc = self.office.load(path)
                try:
                    macro = self.call(Action="check", Document=doc, Context="1")["findings"]
                finally:
                    doc.close(True)
                run = subprocess.run([SCRQM, "check", "--format", "json", "--show-identifiers",
                                      path], capture_output=True, text=True)
                self.assertIn(run.returncode, (0, 1), run.stderr)
                cli = json.loads(run.stdout)["findings"]
                # A page-number field in a footer reads as the page the
                # layout has reached: the visible office's and the command
                # line's headless one differ there, and only there.
                page = re.compile(r"page \d+")
                self.assertEqual(page.sub("page N", json.dumps(cli, sort_keys=True)),
                                 page.sub("page N", json.dumps(macro, sort_keys=True)))


if __name__ == "__main__":
    unittest.main()
