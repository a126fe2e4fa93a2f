"""The templates in a real LibreOffice: inserted at the cursor of .odt and
.docx documents (one undo step, styles and tags kept) and opened as new
documents; saved and reloaded as .docx; the board response pre-filled from the
bundled sample; the response and placeholder checks on what was inserted; the
template folder on LibreOffice's template path (File > New > Templates)."""
import json
import os
import re
import unittest
import zipfile

import uno
from office import OfficeTest, named, props

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLE = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report")
TEMPLATES = ("terms-of-reference", "board-response")
UNDO_TITLE = {"terms-of-reference": "Insert terms of reference",
              "board-response": "Insert board response"}


def expected(name):
    """What the template source holds: heading titles, tags, placeholders."""
    with open(os.path.join(ROOT, "templates", name + ".fodt"), encoding="utf-8") as f:
        src = f.read()
    headings = [re.sub(r"<[^>]+>", "", h)
                for h in re.findall(r'<text:h text:style-name="Heading_20_1"[^>]*>(.*?)</text:h>', src)]
    tags = re.findall(r'<text:bookmark-start text:name="(scrqm_S_QM\d+_[0-9a-z]+)"', src)
    placeholders = len(re.findall(r"<text:placeholder ", src))
    return headings, tags, placeholders


def sample_findings():
    """Finding headings of the sample, read from its source, not by scrqm."""
    with open(SAMPLE + ".fodt", encoding="utf-8") as f:
        src = f.read()
    return re.findall(r'<text:h [^>]*>(Finding \d+):', src)


class Templates(OfficeTest):
    def base_document(self, ext):
        """A saved .odt or .docx with one paragraph of the user's own text,
        reopened for editing with the cursor at its end."""
        doc = self.office.new_writer()
        text = doc.getText()
        text.insertString(text.createTextCursor(), "Our own opening paragraph.", False)
        path = os.path.join(self.tmp, "base-%s.%s" % (len(os.listdir(self.tmp)), ext))
        doc.storeToURL(uno.systemPathToFileUrl(path),
                       props(FilterName="writer8" if ext == "odt" else "MS Word 2007 XML"))
        doc.close(True)
        doc = self.office.load(path, read_only=False)
        doc.getCurrentController().getViewCursor().gotoEnd(False)
        return doc

    def outline(self, doc):
        paras, e = [], doc.getText().createEnumeration()
        while e.hasMoreElements():
            p = e.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph"):
                paras.append(p)
        return [p.getString() for p in paras if p.OutlineLevel == 1 and p.getString()], paras

    def tags(self, doc):
        return sorted(n for n in doc.getBookmarks().getElementNames() if n.startswith("scrqm_"))

    def placeholders(self, doc):
        found = self.call_ok(Action="check", Document=doc, Checks="template")["findings"]
        return [f for f in found if f["check"] == "template.placeholder"]

    def assert_template(self, doc, name, where):
        headings, tags, n_placeholders = expected(name)
        got, _ = self.outline(doc)
        self.assertEqual(got, headings, where)
        # Tags may carry a suffix when LibreOffice renames a duplicate.
        names = self.tags(doc)
        for tag in tags:
            self.assertTrue(any(n.startswith(tag) for n in names), "%s: %s missing" % (where, tag))
        self.assertEqual(len(self.placeholders(doc)), n_placeholders, where)
        # The heading carries the tag: the bookmark starts in the heading paragraph.
        bookmark = doc.getBookmarks().getByName(tags[0])
        para = bookmark.getAnchor().getText().createTextCursorByRange(bookmark.getAnchor())
        para.gotoStartOfParagraph(False)
        para.gotoEndOfParagraph(True)
        self.assertEqual(para.getString(), headings[0], where)

    @staticmethod
    def languages(doc):
        """(text, (language, country)) of every paragraph, in tables too: the
        language of its last piece of text (the template's first paragraph
        may follow the user's text in the paragraph it was inserted into)."""
        out = []

        def walk(enum):
            while enum.hasMoreElements():
                p = enum.nextElement()
                if p.supportsService("com.sun.star.text.Paragraph"):
                    loc = p.CharLocale
                    portions = p.createEnumeration()
                    while portions.hasMoreElements():
                        portion = portions.nextElement()
                        if portion.getString():
                            loc = portion.CharLocale
                    out.append((p.getString(), (loc.Language, loc.Country)))
                elif p.supportsService("com.sun.star.text.TextTable"):
                    for n in p.getCellNames():
                        walk(p.getCellByName(n).createEnumeration())
        walk(doc.getText().createEnumeration())
        return out

    def test_insert_at_cursor_in_odt_and_docx_one_undo_step(self):
        for ext in ("odt", "docx"):
            for name in TEMPLATES:
                where = "%s into .%s" % (name, ext)
                doc = self.base_document(ext)
                undo = doc.getUndoManager()
                undo.clear()
                before = doc.getText().getString()
                result = self.call_ok(Action="insert-template", Template=name, Where="cursor",
                                      Document=doc)
                self.assertEqual(result["where"], "cursor")
                self.assertTrue(doc.getText().getString().startswith("Our own opening paragraph."))
                self.assert_template(doc, name, where)
                # The template's text is English (UK), whatever the document's
                # own default language (a new document here is English (USA)).
                own = set(before.replace("\r\n", "\n").split("\n"))
                wrong = [(t, loc) for t, loc in self.languages(doc)
                         if t.strip() and t not in own and loc != ("en", "GB")]
                self.assertEqual(wrong, [], where)
                # Styles came with the template.
                chars = doc.getStyleFamilies().getByName("CharacterStyles")
                self.assertTrue(chars.hasByName("Placeholder"), where)
                paras = doc.getStyleFamilies().getByName("ParagraphStyles")
                self.assertTrue(paras.hasByName("scrqm Guidance"), where)
                # One undo step removes the whole insertion.
                self.assertEqual(undo.getAllUndoActionTitles(), (UNDO_TITLE[name],), where)
                undo.undo()
                self.assertEqual(doc.getText().getString(), before, where)
                self.assertEqual(self.tags(doc), [], where)
                self.assertEqual(len(self.placeholders(doc)), 0, where)
                undo.redo()
                self.assert_template(doc, name, where + " after redo")
                # Saved and reloaded as .docx: headings, tags and placeholders kept.
                out = os.path.join(self.tmp, "%s-cursor-%s.docx" % (name, ext))
                doc.storeToURL(uno.systemPathToFileUrl(out), props(FilterName="MS Word 2007 XML"))
                doc.close(True)
                # Word sees the placeholders as its own: content controls
                # showing their placeholder text.
                with zipfile.ZipFile(out) as z:
                    body = z.read("word/document.xml").decode("utf-8")
                self.assertEqual(body.count("<w:showingPlcHdr/>"), expected(name)[2], where)
                again = self.office.load(out)
                self.assert_template(again, name, where + ", reloaded from .docx")
                again.close(True)

    def test_new_document_from_each_template(self):
        desktop = self.office.desktop
        for name in TEMPLATES:
            for ext in ("odt", "docx"):
                out = os.path.join(self.tmp, "%s-new.%s" % (name, ext))
                result = self.call_ok(Action="insert-template", Template=name, Where="new",
                                      Output=out)
                self.assertEqual(result["output"], out)
                doc = self.office.load(out)
                self.assert_template(doc, name, "new " + out)
                doc.close(True)
            # Without Output the new document stays open (untitled, from the template).
            count = len(list(_components(desktop)))
            self.call_ok(Action="insert-template", Template=name, Where="new", Hidden=True)
            opened = [c for c in _components(desktop) if c.getURL() == ""]
            self.assertEqual(len(list(_components(desktop))), count + 1)
            doc = opened[-1]
            self.assert_template(doc, name, "new untitled " + name)
            self.assertTrue(doc.getDocumentProperties().TemplateURL.endswith(name + ".ott"))
            doc.close(True)

    def test_response_prefilled_from_the_sample(self):
        findings = sample_findings()
        self.assertEqual(len(findings), 4)  # the sample's own count, from its source
        for source in (SAMPLE + ".fodt", SAMPLE + ".docx"):
            out = os.path.join(self.tmp, "prefilled-%s.odt" % os.path.basename(source)[-4:])
            result = self.call_ok(Action="insert-template", Template="board-response", Where="new",
                                  From=source, Output=out)
            self.assertEqual(result["findings"], len(findings), source)
            doc = self.office.load(out)
            table = _action_table(doc)
            rows = [table.getCellByName("A%d" % r).getString()
                    for r in range(2, table.getRows().getCount() + 1)]
            finding_rows = [r for r in rows if r.startswith("Finding ")]
            self.assertEqual([r.split(":")[0] for r in finding_rows], findings, source)
            self.assertEqual(len(rows), result["rows"])
            self.assertIn("Missed health appointments", finding_rows[0])
            # Every row keeps placeholders for the action, agency, date and measure.
            for r in range(2, table.getRows().getCount() + 1):
                self.assertTrue(table.getCellByName("C%d" % r).getString().startswith("<"), r)
            doc.close(True)

    def test_prefilled_at_the_cursor_of_the_report_is_one_undo_step(self):
        # The report itself is the source when no From is given.
        src = os.path.join(self.tmp, "report-copy.odt")
        report = self.office.load(SAMPLE + ".fodt")
        report.storeToURL(uno.systemPathToFileUrl(src), props(FilterName="writer8"))
        report.close(True)
        doc = self.office.load(src, read_only=False)
        doc.getCurrentController().getViewCursor().gotoEnd(False)
        undo = doc.getUndoManager()
        undo.clear()
        tables = len(doc.getTextTables().getElementNames())
        result = self.call_ok(Action="insert-template", Template="board-response", Document=doc)
        self.assertEqual(result["findings"], len(sample_findings()))
        self.assertEqual(len(doc.getTextTables().getElementNames()), tables + 1)
        self.assertEqual(undo.getAllUndoActionTitles(), ("Insert board response",))
        undo.undo()
        self.assertEqual(len(doc.getTextTables().getElementNames()), tables)
        doc.close(True)

    def test_checks_on_an_inserted_response(self):
        doc = self.base_document("odt")
        self.call_ok(Action="insert-template", Template="board-response", Document=doc)
        doc.setModified(False)
        found = self.call_ok(Action="check", Document=doc, Checks="response,template")["findings"]
        rules = {f["check"] for f in found}
        for rule in ("time-scheduled", "acceptance", "priorities", "actions", "monitoring",
                     "national"):
            self.assertIn("response." + rule, rules)
        self.assertTrue(all(f["marker"] == "QM16" for f in found
                            if f["check"].startswith("response.")))
        self.assertFalse(doc.isModified())  # checks never modify the document
        doc.close(True)

    def test_bad_arguments_are_errors_not_exceptions(self):
        a = self.office.assistant()
        for kw in ({"Template": "minutes"}, {"Template": "board-response", "Where": "side"},
                   {"Template": "board-response", "Where": "new", "Output": "/tmp/x.pdf"},
                   {"Template": "board-response", "Where": "new", "From": "/nonexistent.docx"}):
            result = json.loads(a.execute(named(Action="insert-template", **kw)))
            self.assertIn("error", result, kw)

    def test_template_folder_is_on_the_template_path(self):
        paths = self.office.smgr.createInstanceWithContext(
            "com.sun.star.util.PathSettings", self.office.ctx).Template.split(";")
        ours = [p for p in paths if "scrqm.oxt/templates" in p]
        self.assertEqual(len(ours), 1, paths)
        expander = self.office.ctx.getValueByName(
            "/singletons/com.sun.star.util.theMacroExpander")
        url = ours[0].replace("vnd.sun.star.expand:", "")
        folder = uno.fileUrlToSystemPath(expander.expandMacros(url))
        for name in TEMPLATES:
            self.assertTrue(os.path.isfile(os.path.join(folder, "scrqm", name + ".ott")), folder)


def _components(desktop):
    e = desktop.getComponents().createEnumeration()
    while e.hasMoreElements():
        yield e.nextElement()


def _action_table(doc):
    tables = doc.getTextTables()
    for name in tables.getElementNames():
        t = tables.getByName(name)
        if t.getCellByName("A1").getString() == "Finding or recommendation":
            return t
    raise AssertionError("no action table")


if __name__ == "__main__":
    unittest.main()
