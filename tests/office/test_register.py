"""The case register in a real LibreOffice: stored as salted hashes in the
profile, registered names found across the document, "Replace with
pseudonym" as one undo step, and after saving as .docx and .odt neither the
saved file (every part) nor the profile holds a registered name in clear."""
import json
import os
import re
import tempfile
import unittest
import zipfile

import uno
from office import Office, named, props

OXT = os.environ.get("SCRQM_OXT", os.path.join("..", "..", "build", "scrqm.oxt"))
REGISTER = [
    {"real": "Liam Carter", "pseudonym": "Child A", "kind": "name"},
    {"real": "Zoë Smith-Jones", "pseudonym": "Mother", "kind": "name"},
    {"real": "St Bede's Primary School", "pseudonym": "the primary school", "kind": "school"},
]
# What must not be found in clear after the fix, in any saved part.
SECRETS = [r"Liam", r"Carter", r"Smith[- ]Jones", r"Zo[eë]", r"Bede"]


class CaseRegister(unittest.TestCase):
    def setUp(self):
        self.office = Office(OXT)
        self.tmp = tempfile.mkdtemp(prefix="scrqm-register-")

    def tearDown(self):
        self.office.close()
        import shutil
        shutil.rmtree(self.tmp, ignore_errors=True)

    def call(self, **kw):
        return json.loads(self.office.assistant().execute(named(**kw)))

    def build_document(self):
        doc = self.office.new_writer()
        text = doc.getText()
        cursor = text.createTextCursor()
        text.insertString(cursor, "Liam Carter was seen at St Bede's Primary School.", False)
        text.insertControlCharacter(cursor, 0, False)
        text.insertString(cursor, "ZOE SMITH JONES, Liam's mother, rang the school.", False)
        text.insertControlCharacter(cursor, 0, False)
        table = doc.createInstance("com.sun.star.text.TextTable")
        table.initialize(1, 2)
        text.insertTextContent(cursor, table, False)
        table.getCellByName("A1").setString("Pupil")
        table.getCellByName("B1").setString("L. Carter")
        comment = doc.createInstance("com.sun.star.text.TextField.Annotation")
        comment.Content = "Check with Zoë Smith-Jones first"
        comment.Author = "Reviewer"
        text.insertTextContent(text.getStart(), comment, False)
        doc.getUndoManager().clear()
        doc.setModified(False)
        return doc

    def test_register_find_replace_undo_save(self):
        stored = self.call(Action="register-set", Case="case-7", Register=json.dumps(REGISTER))
        self.assertGreater(stored["forms"], 3)

        doc = self.build_document()
        result = self.call(Action="check", Document=doc, Case="case-7", Checks="anonymisation")
        reg = [(f["where"], f["text"]) for f in result["findings"] if f["category"] == "register"]
        self.assertIn(("body", "Liam Carter"), reg)
        self.assertIn(("body", "St Bede's Primary School"), reg)
        self.assertIn(("body", "ZOE SMITH JONES"), reg)
        self.assertIn(("body", "Liam's"), reg)
        self.assertIn(("table", "L. Carter"), reg)
        self.assertIn(("comment", "Zoë Smith-Jones"), reg)
        self.assertFalse(doc.isModified(), "a check never modifies the document")

        fixed = self.call(Action="fix", Fix="replace-with-pseudonyms", Document=doc, Case="case-7")
        self.assertEqual(fixed["replaced"], len(reg))
        body = doc.getText().getString()
        self.assertIn("Child A was seen at the primary school.", body)
        self.assertIn("Mother, Child A mother, rang the school.", body)

        undo = doc.getUndoManager()
        self.assertEqual(undo.getAllUndoActionTitles()[0], "Replace with pseudonyms")
        undo.undo()
        self.assertIn("Liam Carter was seen at St Bede's Primary School.", doc.getText().getString())
        self.assertEqual(doc.getText().getString().count("Child A"), 0, "one undo reverts it all")
        undo.redo()
        self.assertIn("Child A was seen", doc.getText().getString())

        for ext, flt in (("docx", "MS Word 2007 XML"), ("odt", "writer8")):
            path = os.path.join(self.tmp, "fixed." + ext)
            doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=flt))
            with zipfile.ZipFile(path) as z:
                for part in z.namelist():
                    data = z.read(part).decode("utf-8", "replace")
                    for secret in SECRETS:
                        self.assertIsNone(re.search(secret, data, re.I),
                                          "%s in %s of the saved .%s" % (secret, part, ext))
        doc.close(True)

        # The profile: the register file holds hashes only, and no file of
        # the profile holds a registered name in clear.
        profile = os.path.join(self.office.dir, "profile")
        reg_file = os.path.join(profile, "user", "scrqm", "registers", "case-7.json")
        self.assertTrue(os.path.exists(reg_file))
        with open(reg_file) as f:
            content = f.read()
        self.assertEqual(oct(os.stat(reg_file).st_mode & 0o777), "0o600")
        # Salts and hashes are hex: one may hold "bede" by chance.
        hashes = re.findall(r"[0-9a-f]{32,}", content)
        self.assertTrue(hashes, "the register keeps salted hashes")
        clear = re.sub(r"[0-9a-f]{32,}", "", content)
        for secret in SECRETS:
            self.assertIsNone(re.search(secret, clear, re.I), secret)
        for root, _, files in os.walk(profile):
            if "uno_packages" in root:
                continue  # the installed extension's own lexicons list common names
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read().decode("utf-8", "replace")
                for phrase in ("Liam Carter", "Smith-Jones", "Bede's Primary"):
                    self.assertNotIn(phrase, data, os.path.join(root, name))

        cleared = self.call(Action="register-clear", Case="case-7")
        self.assertTrue(cleared["removed"])
        self.assertFalse(os.path.exists(reg_file))


if __name__ == "__main__":
    unittest.main()
