"""The UNO document reader on real documents: every part of an .odt and a
.docx (body, headings, nested tables, footnote, endnote, comment, headers and
footers of two page styles, text frame, properties) lands in the model with
the right place, once, and the outline has the right sections."""
import json
import os
import subprocess
import sys
import unittest

from office import OfficeTest, named

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


class ReaderOnFixtures(OfficeTest):
    def read(self, name, action):
        with self.office.loaded(os.path.join(FIXTURES, name), read_only=True) as doc:
            return self.call(Action=action, Document=doc, File=name)

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


ROOT = os.path.join(HERE, "..", "..")


class FastReadsGiveTheFullModel(OfficeTest):
    """The fast ways of reading the body (Read=outline: no call per paragraph;
    Read=cursor: one cursor) must give exactly the model of the full walk, or
    not be taken. Action=model with Read=... says which way was used, so
    that a fast path that stops being taken is seen, not silently passed."""

    def models(self, doc):
        a = self.office.assistant()
        out = {}
        for read in ("full", "cursor", "outline", "auto"):
            r = json.loads(a.execute(named(Action="model", Document=doc, File="f", Read=read)))
            out[read] = (r["read"], r["model"], r["tags"], r["questions"], r["hidden"])
        self.assertEqual(out["full"][0], "full")
        for read in ("cursor", "outline", "auto"):
            self.assertEqual(out[read][1:], out["full"][1:], "Read=%s (%s)" % (read, out[read][0]))
        self.tags = out["full"][2]
        self.hidden = out["full"][4]
        return {k: v[0] for k, v in out.items()}, out["full"][1]

    def models_of(self, path):
        with self.office.loaded(path, read_only=True) as doc:
            return self.models(doc)

    def lean(self, doc):
        a = self.office.assistant()
        out = {}
        for read in ("lean-enumeration", "lean"):
            r = json.loads(a.execute(named(Action="model", Document=doc, File="f", Read=read)))
            out[read] = (r["read"], {"model": r["model"], "tags": r["tags"],
                                     "questions": r["questions"]})
        self.assertEqual(out["lean-enumeration"][0], "enumeration")
        self.assertEqual(out["lean"][1], out["lean-enumeration"][1], "lean (%s)" % out["lean"][0])
        return out["lean"][0], out["lean"][1]

    def lean_of(self, path):
        with self.office.loaded(path, read_only=True) as doc:
            return self.lean(doc)

    def test_lean_read_for_the_sidebar(self):
        for name in ("parts.odt", "parts.docx", "parts.fodt"):
            self.lean_of(os.path.join(FIXTURES, name))
        # Tags, a table and a footnote: still no call per paragraph.
        for name in ("tagged.odt", "tagged.docx"):
            used, model = self.lean_of(os.path.join(FIXTURES, name))
            self.assertEqual(used, "outline", name)
            self.assertGreaterEqual(len(model["tags"]), 6, name)
        used, _ = self.lean_of(os.path.join(ROOT, "addin", "data", "sample",
                                            "sample-scr-report.docx"))
        self.assertEqual(used, "outline")
        doc = self.build(self.ROWS, table=[["Introduction", "cell"], ["Findings", ""]])
        try:
            self.assertEqual(self.lean(doc)[0], "outline")
        finally:
            doc.close(True)

    def test_fixtures_and_sample(self):
        for name in ("parts.odt", "parts.docx", "parts.fodt", "tagged.odt", "tagged.docx"):
            self.models_of(os.path.join(FIXTURES, name))
        # A footnote and a comment in the body, a page-number field in the
        # footer: no call per paragraph.
        used, model = self.models_of(os.path.join(ROOT, "addin", "data", "sample",
                                                  "sample-scr-report.docx"))
        self.assertEqual(used["auto"], "outline")
        self.assertEqual(used["outline"], "outline")
        self.assertEqual(sorted({p["where"] for p in model["paragraphs"]}),
                         ["body", "comment", "footer", "footnote", "header", "property", "table"])
        # parts.* have tables, notes and frames: never the outline way.
        self.assertEqual(self.models_of(os.path.join(FIXTURES, "parts.odt"))[0]["outline"], "full")

    def test_long_report_reads_by_outline(self):
        path = os.path.join(self.tmp, "long.docx")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "bench", "make_long_report.py"),
                        path, "--words", "30000"], check=True, stdout=subprocess.DEVNULL)
        used, model = self.models_of(path)
        self.assertEqual(used["outline"], "outline")
        self.assertEqual(used["auto"], "outline")
        self.assertEqual(used["cursor"], "cursor")
        levels = [p["level"] for p in model["paragraphs"] if p["where"] == "body"]
        self.assertGreater(sum(1 for l in levels if l), 100)
        self.assertEqual(set(levels), {0, 1, 2, 3})

    def test_long_report_with_notes_and_comments_reads_by_outline(self):
        path = os.path.join(self.tmp, "long-notes.docx")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "bench", "make_long_report.py"),
                        path, "--words", "20000", "--notes", "8"], check=True,
                       stdout=subprocess.DEVNULL)
        used, model = self.models_of(path)
        self.assertEqual(used["auto"], "outline")
        wheres = [p["where"] for p in model["paragraphs"]]
        self.assertGreater(wheres.count("footnote"), 20)
        self.assertGreater(wheres.count("comment"), 40)

    def paragraphs(self, doc):
        out = []
        e = doc.getText().createEnumeration()
        while e.hasMoreElements():
            p = e.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph"):
                out.append(p)
        return out

    def insert(self, doc, paragraph, offset, kind, content="", span=0):
        """Inserts a footnote, endnote, comment (over `span` characters) or
        field (page, date, reference to the bookmark "ref") into `paragraph`
        at `offset` (None: its end)."""
        text = paragraph.getText()
        c = text.createTextCursorByRange(paragraph.getStart())
        if offset is None:
            c.gotoEndOfParagraph(False)
        else:
            c.goRight(offset, False)
        if span:
            c.goRight(span, True)
        if kind in ("footnote", "endnote"):
            obj = doc.createInstance("com.sun.star.text.%s" % kind.capitalize())
            text.insertTextContent(c, obj, False)
            obj.setString(content)
        elif kind == "comment":
            obj = doc.createInstance("com.sun.star.text.textfield.Annotation")
            obj.Author = "Test Author"
            obj.Content = content
            text.insertTextContent(c, obj, bool(span))
        elif kind == "page":
            obj = doc.createInstance("com.sun.star.text.textfield.PageNumber")
            obj.NumberingType = 4  # ARABIC
            obj.SubType = 1  # CURRENT
            text.insertTextContent(c, obj, False)
        elif kind == "date":
            obj = doc.createInstance("com.sun.star.text.textfield.DateTime")
            obj.IsDate = True
            obj.IsFixed = True
            text.insertTextContent(c, obj, False)
        elif kind == "reference":
            obj = doc.createInstance("com.sun.star.text.textfield.GetReference")
            obj.ReferenceFieldSource = 2  # BOOKMARK
            obj.ReferenceFieldPart = 2  # TEXT
            obj.SourceName = "ref"
            text.insertTextContent(c, obj, False)
        elif kind == "author":
            obj = doc.createInstance("com.sun.star.text.textfield.Author")
            obj.IsFixed = True
            obj.Content = "Jane Smith"
            text.insertTextContent(c, obj, False)
        return obj

    def noted(self, heading_extra=None, author_in=None, in_note=None):
        """ROWS and a table, with notes, comments and fields in body paragraphs
        (and in the table); `heading_extra`: also one of those in a heading;
        `author_in`: an author field in the "body" or the "header"; `in_note`:
        a "comment", an "author" field or "hidden" text in the first footnote."""
        doc = self.build(self.ROWS, header="Header", table=[["Introduction", "cell"],
                                                            ["Findings", ""]])
        text = doc.getText()
        paras = self.paragraphs(doc)
        # Find the inserts by their place in ROWS before any moves them.
        p1, p2, p6, p10, last = paras[1], paras[2], paras[6], paras[10], paras[-1]
        bm = doc.createInstance("com.sun.star.text.Bookmark")
        bm.setName("ref")
        c = text.createTextCursorByRange(p1.getStart())
        c.gotoEndOfParagraph(True)
        text.insertTextContent(c, bm, True)
        note = self.insert(doc, p1, 3, "footnote", "Note one, mid-paragraph")
        self.insert(doc, p1, None, "footnote", "Note two, at the end")
        self.insert(doc, p1, 2, "comment", "Comment over two letters", span=2)
        self.insert(doc, p2, 0, "comment", "Comment at the start")
        self.insert(doc, p2, None, "comment", "Comment at the end\nof two lines")
        self.insert(doc, p2, 5, "endnote", "Endnote one")
        self.insert(doc, p6, 4, "page")
        self.insert(doc, p6, 0, "date")
        self.insert(doc, p6, None, "reference")
        self.insert(doc, p10, 1, "footnote", "Note in the last heading's section")
        self.insert(doc, last, None, "comment", "After the table")
        self.insert(doc, last, 2, "footnote", "Note after the table")
        cell = doc.getTextTables().getByIndex(0).getCellByName("B1")
        cpara = cell.createEnumeration().nextElement()
        self.insert(doc, cpara, 1, "footnote", "Note in a cell")
        self.insert(doc, cpara, 0, "comment", "Comment in a cell")
        if heading_extra:
            self.insert(doc, paras[3], 2, heading_extra, "In a heading")
        if author_in == "body":
            self.insert(doc, p2, 3, "author")
        elif author_in == "header":
            header = doc.getStyleFamilies().getByName("PageStyles").getByName(
                "Standard").HeaderText
            self.insert(doc, header.createEnumeration().nextElement(), 1, "author")
        inner = note.createEnumeration().nextElement()
        if in_note in ("comment", "author"):
            self.insert(doc, inner, 5, in_note, "Comment in a note")
        elif in_note == "hidden":
            c = note.createTextCursorByRange(inner.getStart())
            c.goRight(4, True)
            c.CharHidden = True
        doc.getTextFields().refresh()
        return doc

    def test_notes_comments_and_fields_read_by_outline(self):
        for extra in (None, "header"):
            doc = self.noted(author_in=extra)
            try:
                used, model = self.models(doc)
                self.assertEqual(used["outline"], "outline", extra)
                self.assertEqual(used["auto"], "outline", extra)
                # Fields that only show text no longer send the cursor walk
                # (the command line's way) to the full walk.
                self.assertEqual(used["cursor"], "cursor", extra)
                wheres = [(p["where"], p["anchor"]) for p in model["paragraphs"]
                          if p["where"] != "body"]
                # Reading order: each after the paragraph that anchors it.
                self.assertEqual(
                    [w for w in wheres if w[0] in ("footnote", "endnote", "comment")][:6],
                    [("comment", 1), ("footnote", 1), ("footnote", 1), ("comment", 2),
                     ("endnote", 2), ("comment", 2)])
                texts = [p["text"] for p in model["paragraphs"]]
                self.assertIn("Note in a cell", texts)
                self.assertIn("Note after the table", texts)
            finally:
                doc.close(True)

    def test_notes_and_fields_in_headings_and_author_fields(self):
        # Writer's outline names a heading with a note mark or a field
        # without them: the outline read gives up (the cursor walk reads it);
        # a comment shows nothing in the text.
        for extra in ("footnote", "endnote", "page", "date", "reference", "comment"):
            doc = self.noted(heading_extra=extra)
            try:
                used, model = self.models(doc)
                way = "outline" if extra == "comment" else "cursor"
                self.assertEqual(used["auto"], way, extra)
                heading = [p["text"] for p in model["paragraphs"] if p["level"]][1]
                self.assertEqual(heading == "Findings", extra == "comment", heading)
            finally:
                doc.close(True)
        # What a note's portions carry: the notes are walked portion by
        # portion (Writer's hidden-text search does not look into notes).
        for in_note in ("comment", "author", "hidden"):
            doc = self.noted(in_note=in_note)
            try:
                used, model = self.models(doc)
                kinds = [h["kind"] for h in self.hidden]
                self.assertEqual(used["auto"], "outline", in_note)
                self.assertIn({"comment": "comment", "author": "field",
                               "hidden": "hidden-text"}[in_note], kinds, in_note)
            finally:
                doc.close(True)
        # An author field in the body is recorded by the portion walk.
        doc = self.noted(author_in="body")
        try:
            used, _ = self.models(doc)
            self.assertEqual(used["outline"], "full")
            self.assertEqual(used["auto"], "full")
        finally:
            doc.close(True)

    def build(self, rows, header=None, table=None):
        """A new document from (style, text, direct outline level or None); text may
        hold a line break as \n."""
        doc = self.office.new_writer()
        text = doc.getText()
        cursor = text.createTextCursor()
        for i, (style, line, level) in enumerate(rows):
            if i:
                text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
            cursor.setPropertyValue("ParaStyleName", style)
            cursor.setPropertyValue("OutlineLevel", level if level is not None else
                                    {"Heading 1": 1, "Heading 2": 2}.get(style, 0))
            for j, part in enumerate(line.split("\n")):
                if j:
                    text.insertControlCharacter(cursor, 1, False)  # LINE_BREAK
                text.insertString(cursor, part, False)
        if table is not None:
            # At the end of the text; Writer adds an empty paragraph after it.
            t = doc.createInstance("com.sun.star.text.TextTable")
            t.initialize(len(table), len(table[0]))
            text.insertTextContent(text.getEnd(), t, False)
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    cell = t.getCellByName("%s%d" % ("ABCD"[c], r + 1))
                    if isinstance(value, str):
                        cell.setString(value)
                    else:
                        cell.setValue(value)  # a number: the cell-by-cell read
            text.insertString(text.getEnd(), "After the table", False)
        if header is not None:
            style = doc.getStyleFamilies().getByName("PageStyles").getByName("Standard")
            style.HeaderIsOn = True
            style.HeaderText.setString(header)
        return doc

    def check_built(self, rows, header=None, table=None):
        doc = self.build(rows, header, table)
        try:
            return self.models(doc)
        finally:
            doc.close(True)

    ROWS = [("Heading 1", "Introduction", None), ("Standard", "Findings", None),
            ("Standard", "Introduction", None), ("Heading 2", "Findings", None),
            ("Standard", "A direct heading", 3), ("Heading 1", "   ", None),
            ("Standard", "Text \\E with \\Q regex (marks)?", None),
            ("Heading 2", "Text \\E with \\Q regex (marks)?", None), ("Standard", "", None),
            ("Heading 1", "Ünïcödé — 测试 🙂", None), ("Standard", "End", None)]

    def test_headings_by_style_and_direct_with_look_alike_paragraphs(self):
        used, model = self.check_built(self.ROWS)
        self.assertEqual(used["auto"], "outline")
        got = [(p["text"], p["level"]) for p in model["paragraphs"] if p["level"]]
        self.assertEqual(got, [("Introduction", 1), ("Findings", 2), ("A direct heading", 3),
                               ("Text \\E with \\Q regex (marks)?", 2),
                               ("Ünïcödé — 测试 🙂", 1)])

    def test_table_placed_by_its_cells(self):
        # A cell that reads like a heading is no section.
        used, model = self.check_built(self.ROWS, table=[["Introduction", "cell"],
                                                         ["Findings", ""]])
        self.assertEqual(used["auto"], "outline")
        cells = [p["text"] for p in model["paragraphs"] if p["where"] == "table"]
        self.assertEqual(cells, ["Introduction", "cell", "Findings", ""])
        used, model = self.check_built(self.ROWS, table=[["Introduction", 42.5]])
        self.assertEqual(used["auto"], "outline")
        self.assertEqual([p["text"] for p in model["paragraphs"] if p["where"] == "table"],
                         ["Introduction", "42.5"])
        # Cells whose lines also stand in the same section: not sure where.
        rows = self.ROWS + [("Standard", "End", None)]
        used, _ = self.check_built(rows, table=[["End"]])
        self.assertEqual(used["outline"], "full")

    def test_tags_from_bookmarks(self):
        doc = self.build(self.ROWS, header="Header", table=[["Introduction", "cell"],
                                                            ["Findings", ""]])
        try:
            text = doc.getText()
            paras = []
            e = text.createEnumeration()
            while e.hasMoreElements():
                p = e.nextElement()
                if p.supportsService("com.sun.star.text.Paragraph"):
                    paras.append(p)

            def mark(name, where, start, end=None):
                bm = doc.createInstance("com.sun.star.text.Bookmark")
                bm.setName(name)
                c = where.getText().createTextCursorByRange(start)
                if end is not None:
                    c.gotoRange(end, True)
                where.getText().insertTextContent(c, bm, end is not None)

            mark("scrqm_S_QM6_1", text, paras[0].getStart(), paras[0].getEnd())
            mark("scrqm_P_QM5_2", text, paras[2].getStart(), paras[4].getEnd())
            mark("scrqm_S_QM9_3", text, paras[7].getStart())
            mark("scrqm_P_QM5_4", text, paras[7].getStart(), paras[7].getEnd())
            cell = doc.getTextTables().getByIndex(0).getCellByName("B1")
            mark("scrqm_P_QM12_5", cell, cell.getStart(), cell.getEnd())
            mark("Jane Smith", text, paras[1].getStart(), paras[1].getEnd())
            header = doc.getStyleFamilies().getByName("PageStyles").getByName(
                "Standard").HeaderText
            mark("scrqm_S_QM4_6", header, header.getStart(), header.getEnd())
            used, model = self.models(doc)
            self.assertEqual(used["auto"], "outline")
            self.assertEqual([(t["bookmark"], t["paragraph"], t["last"]) for t in self.tags],
                             [("scrqm_S_QM6_1", 0, 0), ("scrqm_P_QM5_2", 2, 4),
                              ("scrqm_P_QM5_4", 7, 7), ("scrqm_S_QM9_3", 7, 7),
                              ("scrqm_P_QM12_5", 10, 10)])
            self.assertIn("Jane Smith", [p["text"] for p in model["paragraphs"]])
            lean = self.lean(doc)
            self.assertEqual(lean[0], "outline")
        finally:
            doc.close(True)

    def test_line_break_and_header_fall_back(self):
        rows = list(self.ROWS)
        rows[1] = ("Standard", "two\nlines", None)
        used, _ = self.check_built(rows)
        self.assertEqual(used["outline"], "full")
        self.assertEqual(used["auto"], "full")
        # An empty heading is in Writer's outline but cannot be searched for.
        rows = list(self.ROWS)
        rows[5] = ("Heading 1", "", None)
        used, _ = self.check_built(rows)
        self.assertEqual(used["outline"], "full")
        self.assertEqual(used["auto"], "cursor")
        # A header paragraph that looks like a heading: no outline way.
        used, _ = self.check_built(self.ROWS, header="Introduction")
        self.assertEqual(used["outline"], "full")


if __name__ == "__main__":
    unittest.main()
