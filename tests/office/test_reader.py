"""The UNO document reader on real documents: every part of an .odt and a
.docx (body, headings, nested tables, footnote, endnote, comment, headers and
footers of two page styles, text frame, properties) lands in the model with
the right place, once, and the outline has the right sections."""
import json
import os
import unittest

from office import Office, named

OXT = os.environ.get("SCRQM_OXT", os.path.join("..", "..", "build", "scrqm.oxt"))
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "office")

EXPECTED_SECTIONS = [
    # title, level, heading paragraph, end
    ("Alpha", 1, 0, 9),
    ("Alpha one", 2, 3, 9),
    ("Alpha one deep", 3, 5, 9),
    ("Beta", 1, 9, 12),
    ("Beta one", 2, 10, 12),
]

# marker text -> where it must be found (exactly once)
EXPECTED_PLACES = {
    "BODY-1": "body", "BODY-7": "body", "CELL-A1": "table", "CELL-B2": "table",
    "NESTED-1": "table", "NESTED-2": "table", "FOOTNOTE-1": "footnote",
    "ENDNOTE-1": "endnote", "COMMENT-1": "comment", "HEADER-DEFAULT": "header",
    "FOOTER-DEFAULT": "footer", "HEADER-SECOND": "header", "FOOTER-SECOND": "footer",
    "FRAME-1": "frame", "SUBJ-1": "property", "KW-1": "property", "CUSTOMVAL-1": "property",
}


class ReaderOnFixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT)

    @classmethod
    def tearDownClass(cls):
        cls.office.close()

    def read(self, name, action):
        doc = self.office.load(os.path.join(FIXTURES, name), read_only=True)
        try:
            return json.loads(self.office.assistant().execute(
                named(Action=action, Document=doc, File=name)))
        finally:
            doc.close(True)

    def check_outline(self, name):
        r = self.read(name, "outline")
        self.assertEqual(r["file"], name)
        self.assertEqual(r["framework"], "scr-qm-2016")
        got = [(s["title"], s["level"], s["paragraph"], s["end"]) for s in r["sections"]]
        self.assertEqual(got, EXPECTED_SECTIONS)
        for s in r["sections"]:
            self.assertEqual(s["markers"], [])
        self.assertEqual(r["findings"], [])
        self.assertEqual(r["summary"]["sections"], 5)

    def check_model(self, name):
        m = self.read(name, "model")
        paras = m["paragraphs"]
        for marker, where in EXPECTED_PLACES.items():
            hits = [p for p in paras if p["text"].startswith(marker)]
            self.assertEqual([p["where"] for p in hits], [where], "%s in %s" % (marker, name))
        # Indices count per place, in reading order.
        for where in {p["where"] for p in paras}:
            idx = [p["paragraph"] for p in paras if p["where"] == where]
            self.assertEqual(idx, list(range(len(idx))), where)
        # Notes and comments follow the paragraph that anchors them.
        by_text = {p["text"].split(" ")[0]: p for p in paras}
        self.assertEqual(by_text["FOOTNOTE-1"]["anchor"], by_text["BODY-1"]["paragraph"])
        self.assertEqual(by_text["COMMENT-1"]["anchor"], by_text["BODY-2"]["paragraph"])
        self.assertEqual(by_text["ENDNOTE-1"]["anchor"], by_text["BODY-3"]["paragraph"])
        self.assertIn("(in ", by_text["NESTED-1"]["container"], "nested table says so")
        self.assertEqual(by_text["COMMENT-1"]["container"], "comment by Test Author")
        self.assertIn("BODY-5 ΑΒΓ δοκιμή — 测试 — تجربة 🙂",
                      [p["text"] for p in paras])
        self.assertEqual(m["properties"]["title"], "Parts fixture")
        self.assertEqual(m["properties"]["custom:CUSTOM-1"], "CUSTOMVAL-1")
        heading_levels = [(p["text"], p["level"]) for p in paras if p["level"] > 0]
        self.assertEqual(heading_levels, [(t, l) for t, l, _, _ in EXPECTED_SECTIONS])

    def test_odt_outline(self):
        self.check_outline("parts.odt")

    def test_docx_outline(self):
        self.check_outline("parts.docx")

    def test_odt_every_part(self):
        self.check_model("parts.odt")

    def test_docx_every_part(self):
        self.check_model("parts.docx")

    def test_unsaved_document_built_through_the_api(self):
        doc = self.office.new_writer()
        try:
            text = doc.getText()
            cursor = text.createTextCursor()
            for style, line in (("Heading 1", "Scope"), ("Standard", "Body"),
                                ("Heading 2", "Period"), ("Heading 1", "Findings"),
                                ("Heading 1", "   "), ("Standard", "End")):
                cursor.setPropertyValue("ParaStyleName", style)
                text.insertString(cursor, line, False)
                text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
            r = json.loads(self.office.assistant().execute(named(Action="outline", Document=doc)))
            self.assertEqual(r["file"], "Untitled")
            # An empty heading paragraph is not a section.
            self.assertEqual([(s["title"], s["level"], s["end"]) for s in r["sections"]],
                             [("Scope", 1, 3), ("Period", 2, 3), ("Findings", 1, 7)])
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
