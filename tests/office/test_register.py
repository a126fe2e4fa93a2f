"""The case register in a real LibreOffice: stored sealed under the case's
passphrase in the profile, registered names found across the document,
"Replace with pseudonym" as one undo step, and after saving as .docx and .odt
neither the saved file (every part) nor the profile holds a registered name
in clear. An office started on a copy of the profile finds nothing without
the passphrase (the register is locked, in one note), a wrong passphrase is
one clear error, and the register file holds no hash of a name."""
import hashlib
import json
import os
import re
import shutil
import tempfile
import unittest
import zipfile

import uno
from office import Office, add_comment, add_row, named, props

OXT = os.environ.get("SCRQM_OXT", os.path.join("..", "..", "build", "scrqm.oxt"))
REGISTER = [
    {"real": "Liam Carter", "pseudonym": "Child A", "kind": "name"},
    {"real": "Zoë Smith-Jones", "pseudonym": "Mother", "kind": "name"},
    {"real": "St Bede's Primary School", "pseudonym": "the primary school", "kind": "school"},
]
# What must not be found in clear after the fix, in any saved part.
SECRETS = [r"Liam", r"Carter", r"Smith[- ]Jones", r"Zo[eë]", r"Bede"]
PASSPHRASE = "a long case-7 passphrase"
LEXICONS = os.path.join(os.path.dirname(__file__), "..", "..", "addin", "data", "lexicons")


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
        add_row(doc, cursor, "Pupil", "L. Carter")
        add_comment(doc, text.getStart(), "Check with Zoë Smith-Jones first")
        doc.getUndoManager().clear()
        doc.setModified(False)
        return doc

    def test_register_find_replace_undo_save(self):
        refused = self.call(Action="register-set", Case="case-7", Register=json.dumps(REGISTER))
        self.assertIn("needs a Passphrase", refused.get("error", ""))
        stored = self.call(Action="register-set", Case="case-7", Register=json.dumps(REGISTER),
                           Passphrase=PASSPHRASE)
        self.assertEqual(stored["entries"], 3)

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
        self.assertIn("Mother, Child A's mother, rang the school.", body)

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

        # The profile: the register file is sealed, and no file of the
        # profile holds a registered name in clear.
        profile = os.path.join(self.office.dir, "profile")
        reg_file = os.path.join(profile, "user", "scrqm", "registers", "case-7.json")
        self.assertTrue(os.path.exists(reg_file))
        with open(reg_file) as f:
            content = f.read()
        self.assertEqual(oct(os.stat(reg_file).st_mode & 0o777), "0o600")
        self.assertTrue(content.startswith('{"scrqm-register":3,"kdf":"argon2id13"'), content[:80])
        # The salt and the sealed box are hex: one may hold "bede" by chance.
        clear = re.sub(r"[0-9a-f]{32,}", "", content)
        for secret in SECRETS:
            self.assertIsNone(re.search(secret, clear, re.I), secret)
        self.assert_no_name_hash(content)
        for root, _, files in os.walk(profile):
            if "uno_packages" in root:
                continue  # the installed extension's own lexicons list common names
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read().decode("utf-8", "replace")
                for phrase in ("Liam Carter", "Smith-Jones", "Bede's Primary"):
                    self.assertNotIn(phrase, data, os.path.join(root, name))

        self.check_on_a_copy_of_the_profile(profile)

        # Forgotten in this session: the same office finds the register locked.
        self.assertEqual(self.call(Action="register-forget", Case="case-7"),
                         {"forgotten": "case-7"})
        doc = self.office.new_writer()
        doc.getText().setString("Liam Carter was seen at St Bede's Primary School.")
        locked = self.call(Action="check", Document=doc, Case="case-7", Checks="anonymisation")
        self.assertEqual([f for f in locked["findings"] if f["category"] == "register"], [])
        self.assertIn('the register of case "case-7" is locked', locked["notes"][0])
        doc.close(True)

        cleared = self.call(Action="register-clear", Case="case-7")
        self.assertTrue(cleared["removed"])
        self.assertFalse(os.path.exists(reg_file))


    def assert_no_name_hash(self, content):
        """No name of our lexicons (nor a registered one), hashed as a register
        used to be (SHA-256, bare or with the file's salt), is in the file."""
        salt = json.loads(content)["salt"]
        names = [e["real"] for e in REGISTER] + ["Liam", "Carter", "Zoë", "Smith-Jones"]
        for lexicon in ("given-names.txt", "surnames.txt"):
            with open(os.path.join(LEXICONS, lexicon), encoding="utf-8") as f:
                names += [l.strip() for l in f if l.strip() and not l.startswith("#")]
        self.assertGreater(len(names), 7000)
        tried = 0
        for name in names:
            for form in {name, name.lower()}:
                for data in (form, salt + "\x1f" + form, salt + form):
                    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()
                    self.assertNotIn(digest[:16], content, name)
                    tried += 1
        self.assertGreater(tried, 20000)

    def assert_no_name_or_hash_in_files(self, profile):
        """No file of a profile (the installed extension's own lexicons
        apart) holds a registered name, nor its unsalted SHA-256 (hex or
        raw), in any case form."""
        digests = []
        for entry in REGISTER:
            for form in {entry["real"], entry["real"].lower(), entry["real"].upper()}:
                d = hashlib.sha256(form.encode("utf-8"))
                digests += [(form, d.hexdigest().encode()), (form, d.digest())]
        seen = 0
        for root, _, files in os.walk(profile):
            if "uno_packages" in root:
                continue
            for name in files:
                path = os.path.join(root, name)
                if not os.path.isfile(path) or os.path.islink(path):
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                seen += 1
                text = data.decode("utf-8", "replace")
                for phrase in ("Liam Carter", "Smith-Jones", "Bede's Primary"):
                    self.assertNotIn(phrase, text, path)
                for form, digest in digests:
                    self.assertNotIn(digest, data, "SHA-256 of %r in %s" % (form, path))
        self.assertGreater(seen, 10)

    def check_on_a_copy_of_the_profile(self, profile):
        """Someone with a copy of the profile and an office of their own:
        its files hold no name nor a bare hash of one, and its office finds
        nothing of the register without the passphrase."""
        copy = tempfile.mkdtemp(prefix="scrqm-copy-")
        try:
            shutil.copytree(profile, os.path.join(copy, "profile"), symlinks=True,
                            ignore=shutil.ignore_patterns(".lock"))
            self.assert_no_name_or_hash_in_files(os.path.join(copy, "profile"))
            other = Office(profile_dir=copy)
            try:
                doc = other.new_writer()
                doc.getText().setString("Liam Carter was seen at St Bede's Primary School.")
                call = lambda **kw: json.loads(other.assistant().execute(named(**kw)))
                locked = call(Action="check", Document=doc, Case="case-7", Checks="anonymisation")
                self.assertEqual(
                    [f["text"] for f in locked["findings"] if f["category"] == "register"], [],
                    "a copy of the profile finds nothing without the passphrase")
                self.assertEqual(len(locked.get("notes", [])), 1, locked.get("notes"))
                self.assertIn('the register of case "case-7" is locked', locked["notes"][0])
                wrong = call(Action="check", Document=doc, Case="case-7", Checks="anonymisation",
                             Passphrase="not the passphrase")
                self.assertIn("wrong passphrase", wrong.get("error", ""), wrong)
                opened = call(Action="check", Document=doc, Case="case-7",
                              Checks="anonymisation", Passphrase=PASSPHRASE)
                self.assertIn("Liam Carter", [f["text"] for f in opened["findings"]
                                              if f["category"] == "register"])
                doc.close(True)
            finally:
                other.close()
        finally:
            shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
