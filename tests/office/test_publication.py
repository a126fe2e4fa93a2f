"""The publication copy and the settings in a real LibreOffice.

A .docx with a comment, tracked changes, hidden text, a tag bookmark,
question notes, an ignore list, a custom property and an author: the hidden
check reports scrqm's own data; Action=publication-copy (and `scrqm
publish`) writes a copy in which no part holds "scrqm" or any planted text,
checks it, and leaves the original's bytes and modified flag as they were.
Action=options writes the settings, reads them back, and a check without
Checks runs only the checks the settings name."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

import uno
from office import OXT, OfficeTest, add_comment, named

BUILD = os.environ.get("SCRQM_BUILD_DIR", os.path.dirname(os.path.abspath(OXT)))
# Planted where a reader of the published copy must not find it.
PLANTED = ["Zanzibarcomment", "Quokkadeleted", "Wombathidden", "Ocelotcase", "Jo Bloggsauthor",
           "Tapirnote"]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def parts_with(path, needles):
    """Every (part, needle) of the zip whose text holds a needle, case-insensitively."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            text = z.read(name).decode("utf-8", "replace").lower()
            for needle in needles:
                if needle.lower() in text:
                    found.append((name, needle))
    return found


PLACES = ["body", "frame", "header", "footer", "footnote", "endnote"]


def write_with_hidden(text, place):
    """Appends "Visible<place> " and the hidden "Hidden<place>words" to
    `text`; returns the hidden word."""
    cursor = text.createTextCursor()
    cursor.gotoEnd(False)
    text.insertString(cursor, "Visible%s " % place, False)
    cursor.CharHidden = True
    text.insertString(cursor, "Hidden%swords" % place, False)
    cursor.CharHidden = False
    return "Hidden%swords" % place


def hidden_everywhere(doc):
    """Hidden text in every place of PLACES: the hidden words."""
    text = doc.getText()
    planted = [write_with_hidden(text, "body")]
    frame = doc.createInstance("com.sun.star.text.TextFrame")
    frame.setSize(uno.createUnoStruct("com.sun.star.awt.Size", 6000, 2000))
    text.insertTextContent(text.getEnd(), frame, False)
    planted.append(write_with_hidden(frame.getText(), "frame"))
    style = doc.getStyleFamilies().getByName("PageStyles").getByName("Standard")
    style.HeaderIsOn = True
    style.FooterIsOn = True
    planted.append(write_with_hidden(style.HeaderText, "header"))
    planted.append(write_with_hidden(style.FooterText, "footer"))
    for kind, place in (("Footnote", "footnote"), ("Endnote", "endnote")):
        note = doc.createInstance("com.sun.star.text." + kind)
        text.insertTextContent(text.getEnd(), note, False)
        planted.append(write_with_hidden(note, place))
    return planted


class Publication(OfficeTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fixture = os.path.join(cls.tmp, "report.docx")
        cls.build_fixture(cls.fixture)

    @classmethod
    def build_fixture(cls, path):
        doc = cls.office.new_writer()
        text = doc.getText()
        cursor = text.createTextCursor()
        cursor.ParaStyleName = "Heading 1"
        text.insertString(cursor, "Introduction", False)
        text.insertControlCharacter(cursor, 0, False)
        cursor.ParaStyleName = "Default Paragraph Style"
        text.insertString(cursor, "The review looked at how agencies worked together. ", False)
        cursor.CharHidden = True
        text.insertString(cursor, "Wombathidden remark. ", False)
        cursor.CharHidden = False
        text.insertString(cursor, "It closes with its recommendations.", False)
        text.insertControlCharacter(cursor, 0, False)
        text.insertString(cursor, "A second paragraph about practice.", False)
        # A comment, and a tag bookmark around the first paragraph.
        add_comment(doc, text.getStart(), "Zanzibarcomment: check this")
        mark = doc.createInstance("com.sun.star.text.Bookmark")
        mark.setName("scrqm_S_QM14_1")
        start = text.createTextCursor()
        start.gotoStart(False)
        start.gotoEndOfParagraph(True)
        text.insertTextContent(start, mark, True)
        # Tracked changes: a deletion of text written before, and an insertion.
        end = text.createTextCursor()
        end.gotoEnd(False)
        text.insertString(end, " Quokkadeleted", False)
        doc.RecordChanges = True
        gone = text.createTextCursor()
        gone.gotoEnd(False)
        gone.goLeft(len(" Quokkadeleted"), True)
        gone.setString("")
        end.gotoEnd(False)
        text.insertString(end, " An added clause.", False)
        doc.RecordChanges = False
        # Properties: personal, custom, and scrqm's own (notes, ignore list).
        dp = doc.getDocumentProperties()
        dp.Author = "Jo Bloggsauthor"
        user = dp.getUserDefinedProperties()
        user.addProperty("CaseNumber", 128, "Ocelotcase-77")
        user.addProperty("scrqm.ignored", 128, "scrqm-ignore 1 0123456789abcdef")
        result = json.loads(cls.office.assistant().execute(named(
            Action="question", Document=doc, Marker="QM4", Question=1, State="answered",
            Note="Tapirnote")))
        assert "error" not in result, result
        doc.storeToURL(uno.systemPathToFileUrl(path),
                       (uno.createUnoStruct("com.sun.star.beans.PropertyValue",
                                            "FilterName", 0, "MS Word 2007 XML", 0),))
        doc.close(True)

    def open_fixture(self):
        """The original, open and editable, as a user has it."""
        doc = self.office.load(self.fixture, hidden=True, read_only=False)
        self.assertFalse(doc.isModified())
        return doc

    def test_fixture_holds_what_is_planted(self):
        found = {n for _, n in parts_with(self.fixture, PLANTED + ["scrqm"])}
        self.assertEqual(found, set(PLANTED + ["scrqm"]))

    def test_hidden_check_reports_scrqm_data(self):
        doc = self.open_fixture()
        try:
            result = self.call(Action="check", Document=doc, Checks="hidden")
            own = [f for f in result["findings"] if f["check"] == "hidden.scrqm-data"]
            texts = " | ".join(f["message"] for f in own)
            self.assertEqual(len(own), 3, texts)  # tags, question notes, ignore list
            self.assertIn("bookmark", texts)
            self.assertIn("QM4", texts)
            self.assertIn("ignore list", texts)
            self.assertFalse(doc.isModified())
        finally:
            doc.close(True)

    def assert_clean(self, path):
        self.assertEqual(parts_with(path, PLANTED + ["scrqm"]), [])

    def test_publication_copy_docx(self):
        before = sha256(self.fixture)
        doc = self.open_fixture()
        try:
            out = os.path.join(self.tmp, "copy.docx")
            result = self.call(Action="publication-copy", Document=doc, Output=out)
            self.assertNotIn("error", result, result)
            cleaned = result["publication"]["cleaned"]
            self.assertEqual(result["publication"]["format"], "docx")
            self.assertEqual(result["publication"]["from"], "file")
            self.assertGreaterEqual(cleaned["comments"], 1)
            self.assertGreaterEqual(cleaned["changes_accepted"], 2)
            self.assertGreaterEqual(cleaned["hidden_text"], 1)
            self.assertGreaterEqual(cleaned["scrqm_bookmarks"], 1)
            self.assertGreaterEqual(cleaned["user_properties"], 3)
            self.assertGreaterEqual(cleaned["properties"], 1)
            self.assert_clean(out)
            kinds = {f["check"] for f in result["findings"]}
            for gone in ("hidden.comment", "hidden.tracked-change", "hidden.hidden-text",
                         "hidden.scrqm-data", "hidden.custom-property"):
                self.assertNotIn(gone, kinds)
            print("verdict of the copy:", result["verdict"]["text"], sorted(kinds))
            self.assertEqual(result["verdict"]["ready"], result["verdict"]["errors"] == 0)
            # The original: the same bytes, not modified, its comment and
            # changes still there.
            self.assertFalse(doc.isModified())
            self.assertEqual(sha256(self.fixture), before)
            self.assertTrue(doc.getRedlines().createEnumeration().hasMoreElements())
            fields = doc.getTextFields().createEnumeration()
            comments = 0
            while fields.hasMoreElements():
                if fields.nextElement().supportsService("com.sun.star.text.textfield.Annotation"):
                    comments += 1
            self.assertEqual(comments, 1)
            self.assertIn("scrqm_S_QM14_1", doc.getBookmarks().getElementNames())
        finally:
            doc.close(True)

    def test_publication_copy_of_a_modified_document(self):
        before = sha256(self.fixture)
        doc = self.open_fixture()
        try:
            text = doc.getText()
            text.insertString(text.getEnd(), " Addedlater sentence.", False)
            self.assertTrue(doc.isModified())
            out = os.path.join(self.tmp, "copy.odt")
            result = self.call(Action="publication-copy", Document=doc, Output=out, Format="odt")
            self.assertNotIn("error", result, result)
            self.assertEqual(result["publication"]["from"], "open document")
            self.assert_clean(out)
            with zipfile.ZipFile(out) as z:
                self.assertIn("Addedlater", z.read("content.xml").decode())
            self.assertTrue(doc.isModified(), "the document stays modified")
            self.assertEqual(doc.getURL(), uno.systemPathToFileUrl(self.fixture))
            self.assertEqual(sha256(self.fixture), before)
        finally:
            doc.close(True)

    def test_hidden_text_outside_the_body(self):
        """Hidden characters in a text frame, a header, a footer, a
        footnote and an endnote go with the body's: none of the words is in
        any part of the .docx or .odt copy; the visible text around them
        stays."""
        doc = self.office.new_writer()
        try:
            planted = hidden_everywhere(doc)
            for fmt in ("docx", "odt"):
                out = os.path.join(self.tmp, "hidden-places." + fmt)
                result = self.call(Action="publication-copy", Document=doc, Output=out)
                self.assertNotIn("error", result, result)
                self.assertEqual(result["publication"]["cleaned"]["hidden_text"], len(planted),
                                 fmt)
                self.assertEqual(parts_with(out, planted), [], fmt)
                kept = {n for _, n in parts_with(out, ["Visible" + p for p in PLACES])}
                self.assertEqual(kept, {"Visible" + p for p in PLACES}, fmt)
        finally:
            doc.close(True)

    def test_refusals(self):
        doc = self.open_fixture()
        try:
            keep = self.call(Action="publication-copy", Document=doc,
                             Output=os.path.join(self.tmp, "kept.docx"), Changes="keep")
            self.assertIn("tracked change", keep["error"])
            self.assertFalse(os.path.exists(os.path.join(self.tmp, "kept.docx")))
            for output, fmt, says in (("x.txt", "", ".docx, .odt or .pdf"),
                                      ("x.docx", "pdf", "ends in .docx"),
                                      ("", "", "missing Output")):
                r = self.call(Action="publication-copy", Document=doc,
                              Output=os.path.join(self.tmp, output) if output else "",
                              Format=fmt)
                self.assertIn(says, r["error"])
            itself = self.call(Action="publication-copy", Document=doc, Output=self.fixture)
            self.assertIn("the document itself", itself["error"])
            self.assertFalse(doc.isModified())
        finally:
            doc.close(True)

    def test_pdf(self):
        doc = self.open_fixture()
        try:
            out = os.path.join(self.tmp, "copy.pdf")
            result = self.call(Action="publication-copy", Document=doc, Output=out)
            self.assertNotIn("error", result, result)
            with open(out, "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")
            self.assertFalse(doc.isModified())
        finally:
            doc.close(True)

    def test_cli_publish(self):
        scrqm = os.path.join(BUILD, "scrqm")
        if not os.path.exists(scrqm):
            self.fail("no scrqm in %s: build the scrqm target" % BUILD)
        before = sha256(self.fixture)
        out = os.path.join(self.tmp, "cli-copy.docx")
        run = subprocess.run([scrqm, "publish", self.fixture, "-o", out],
                             capture_output=True, text=True, timeout=300)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        self.assertEqual(run.stderr, "")
        self.assertIn("wrote " + out, run.stdout)
        self.assertIn("verdict of the copy: ", run.stdout)
        print(run.stdout)
        self.assert_clean(out)
        self.assertEqual(sha256(self.fixture), before)
        bad = subprocess.run([scrqm, "publish", self.fixture, "-o", out, "--keep-changes"],
                             capture_output=True, text=True, timeout=300)
        self.assertEqual(bad.returncode, 2)
        self.assertEqual(len(bad.stderr.splitlines()), 1, bad.stderr)
        self.assertIn("tracked change", bad.stderr)
        usage = subprocess.run([scrqm, "publish", self.fixture, "-o", "x.txt"],
                               capture_output=True, text=True, timeout=60)
        self.assertEqual(usage.returncode, 2)
        self.assertIn("OUT.docx", usage.stderr)


class Options(OfficeTest):
    def test_write_read_and_honour(self):
        empty = self.call(Action="options")["settings"]
        self.assertEqual(set(empty), {"Checks", "Profile", "Framework", "Allow", "Deny", "Named",
                                      "RegisterFolder"})
        self.assertEqual(empty["Checks"], "")
        written = self.call(Action="options", Checks="hidden", Allow="Amara Eze\nJane Hughes")
        self.assertEqual(written["written"], 2)
        back = self.call(Action="options")["settings"]
        self.assertEqual(back["Checks"], "hidden")
        self.assertEqual(back["Allow"], "Amara Eze\nJane Hughes")

        doc = self.office.new_writer()
        text = doc.getText()
        text.insertString(text.getEnd(), "Liam Carter, 14 Elm Road, LS1 4AB.", False)
        comment = doc.createInstance("com.sun.star.text.TextField.Annotation")
        comment.Content = "a note"
        text.insertTextContent(text.getStart(), comment, False)
        only_hidden = self.call(Action="check", Document=doc)
        checks = {f["check"].split(".")[0] for f in only_hidden["findings"]}
        self.assertEqual(checks, {"hidden"})
        # An explicit Checks wins over the setting.
        anon = self.call(Action="check", Document=doc, Checks="anonymisation")
        self.assertIn("anonymisation", {f["check"].split(".")[0] for f in anon["findings"]})
        self.call(Action="options", Checks="", Allow="")
        every = self.call(Action="check", Document=doc)
        self.assertIn("anonymisation", {f["check"].split(".")[0] for f in every["findings"]})
        doc.close(True)

    def test_bad_settings(self):
        self.assertIn("unknown check", self.call(Action="options", Checks="nosuch")["error"])
        self.assertEqual(self.call(Action="options")["settings"]["Checks"], "")

    def test_register_folder_and_delete(self):
        folder = tempfile.mkdtemp(prefix="scrqm-registers-")
        try:
            self.call(Action="options", RegisterFolder=folder)
            stored = self.call(Action="register-set", Case="c1", Passphrase="publication test",
                               Register='[{"real":"Liam Carter","pseudonym":"Child A"}]')
            self.assertEqual(stored["entries"], 1, stored)
            self.assertEqual(os.listdir(folder), ["c1.json"])
            deleted = self.call(Action="options", DeleteRegisters="true")
            self.assertEqual(deleted["registers_deleted"], 1)
            self.assertEqual(os.listdir(folder), [])
        finally:
            self.call(Action="options", RegisterFolder="")
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
