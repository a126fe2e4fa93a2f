"""The crash cases of the hostile suite through the macro API, in a real
LibreOffice with the extension installed: each call answers with an
{"error": ...} and the office survives (the next call works, the bridge is
not disposed, the user's unsaved document is still there). And loading a
report for a board response (From=...) fetches nothing it links to, even in
an office whose own setting allows it, and leaves that setting as it was.

Run from tests/hostile with Debian's /usr/bin/python3 (ctest: hostile.macro-api)."""
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
sys.path.insert(0, HERE)

import make_inputs as mk  # noqa: E402
from office import Office, named, props  # noqa: E402
from run_hostile import Listener  # noqa: E402

OXT = os.environ.get("SCRQM_OXT", os.path.join(HERE, "..", "..", "build", "scrqm.oxt"))


class MacroApiSurvives(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT)
        cls.tmp = tempfile.mkdtemp(prefix="scrqm-hostile-api-")
        cls.listener = Listener()

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def call(self, **kw):
        return json.loads(self.office.assistant().execute(named(**kw)))

    def assert_alive(self, doc):
        self.assertEqual(self.office.proc.poll(), None, "LibreOffice died")
        self.assertEqual(len(self.call(Action="catalogue")["markers"]), 18)
        self.assertIn("unsaved work", doc.getText().getString())

    def unsaved_document(self):
        doc = self.office.new_writer()
        doc.getText().setString("The user's unsaved work.")
        return doc

    def test_deep_json_is_an_error_not_a_dead_office(self):
        doc = self.unsaved_document()
        for deep in ("[" * 200000, '{"a":' * 100000, '{"entries":' + "[" * 100000):
            answer = self.call(Action="register-set", Case="hostile", Register=deep,
                               Passphrase="hostile passphrase")
            self.assertIn("nested more than 64 levels deep", answer.get("error", ""))
            answer = self.call(Action="check", Document=doc, Register=deep)
            self.assertIn("nested more than 64 levels deep", answer.get("error", ""))
            self.assert_alive(doc)
        doc.close(True)

    def test_register_passphrase_and_strict_reading_are_errors_not_a_dead_office(self):
        doc = self.unsaved_document()
        reg = "real,pseudonym\nLiam Carter,Child A\n"
        for kw, says in (
                (dict(Register=reg, Passphrase="short"), "passphrase is too short"),
                (dict(Register=reg, Passphrase="x" * 5000), "passphrase is too long"),
                (dict(Register="real;pseudonym\nLiam;A\nKelly\n", Passphrase="long enough!"),
                 "1 line rejected, nothing used: line 3"),
                (dict(Register="Liam Carter,Child A\n", Passphrase="long enough!"),
                 "a CSV register starts with a header"),
                (dict(Register=" \n", Passphrase="long enough!"), "empty")):
            answer = self.call(Action="register-set", Case="hostile", **kw)
            self.assertIn(says, answer.get("error", ""), kw)
            self.assert_alive(doc)
        # A sealed register given to check, damaged or nested deep.
        for sealed, says in (('{"scrqm-register":2,"kdf":"argon2id13","ops":99}',
                              "damaged sealed register"),
                             ('{"scrqm-register":' + "[" * 100000, "nested more than 64")):
            answer = self.call(Action="check", Document=doc, Register=sealed,
                               Passphrase="long enough!")
            self.assertIn(says, answer.get("error", ""))
            self.assert_alive(doc)
        doc.close(True)

    def test_profile_that_is_not_a_file_is_an_error_not_a_hang(self):
        doc = self.unsaved_document()
        fifo = mk.fifo(os.path.join(self.tmp, "profile.json"))
        deep = mk.deep_json(os.path.join(self.tmp, "deep.json"), 100000, '{"a":')
        for profile, says in ((fifo, "is a named pipe (FIFO), not a structure profile"),
                              ("/dev/zero", "is a device, not a structure profile"),
                              (self.tmp, "is a directory, not a structure profile"),
                              (deep, "nested more than 64 levels deep")):
            answer = self.call(Action="check", Document=doc, Checks="structure", Profile=profile)
            self.assertIn(says, answer.get("error", ""), profile)
            self.assert_alive(doc)
        doc.close(True)

    def test_every_not_a_file_and_past_the_bound_as_profile_is_an_error(self):
        """The CLI suite's other classes, through the macro API: a socket,
        /dev/urandom and a file past its bound as Profile; a register's
        text past its bound."""
        doc = self.unsaved_document()
        sock = mk.unix_socket(os.path.join(self.tmp, "profile.sock"))
        huge = mk.sparse(os.path.join(self.tmp, "huge.json"), 8 << 20, b"{")
        for profile, says in ((sock, "is a socket, not a structure profile"),
                              ("/dev/urandom", "is a device, not a structure profile"),
                              (huge, "too large for a structure profile")):
            answer = self.call(Action="check", Document=doc, Checks="structure", Profile=profile)
            self.assertIn(says, answer.get("error", ""), profile)
            self.assert_alive(doc)
        big = "real,pseudonym\n" + "Liam Carter,Child A\n" * (1 << 20)  # 20 MB
        for action in ("register-set", "check"):
            answer = self.call(Action=action, Document=doc, Case="hostile", Register=big,
                               Passphrase="hostile passphrase")
            self.assertIn("too large", answer.get("error", ""), action)
            self.assert_alive(doc)
        doc.close(True)

    def test_report_that_is_not_a_document_is_refused_before_the_office_opens_it(self):
        """From= (a board response pre-filled from a report) is loaded in the
        user's office: a FIFO would hang it, a zip bomb exhaust it."""
        import disguise_cases
        import hidden_cases
        doc = self.unsaved_document()
        fifo = mk.fifo(os.path.join(self.tmp, "report.docx"))
        bomb = disguise_cases.zip_bomb(os.path.join(self.tmp, "bomb.docx"), "word/document.xml")
        lie = hidden_cases.under_declared_bomb(os.path.join(self.tmp, "lie.odt"), "content.xml")
        zero = mk.link(os.path.join(self.tmp, "zero.docx"), "/dev/zero")
        # Not the name test_board_response_... writes in the class's folder.
        out = os.path.join(self.tmp, "refused-response.odt")
        for report, says in ((fifo, "is a named pipe (FIFO)"), (zero, "is a device"),
                             (bomb, "unpacks to 1024 MB"),
                             (lie, "unpacks to more than 512 MB though its directory says")):
            answer = self.call(Action="insert-template", Template="board-response", Where="new",
                               From=report, Output=out, Hidden="true")
            self.assertIn(says, answer.get("error", ""), report)
            self.assertFalse(os.path.exists(out), (report, answer))
            self.assert_alive(doc)
        doc.close(True)

    def block_setting(self):
        provider = self.office.smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.office.ctx)
        node = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.Common/Security/Scripting"))
        return node.getByName("BlockUntrustedRefererLinks")

    def test_board_response_from_a_linked_report_fetches_nothing(self):
        # The user's office allows links (LibreOffice's default).
        self.assertFalse(self.block_setting())
        report = mk.docx_linked_image(os.path.join(self.tmp, "linked.docx"), self.listener.url)
        out = os.path.join(self.tmp, "response.odt")
        self.listener.take()
        answer = self.call(Action="insert-template", Template="board-response", Where="new",
                           From=report, Output=out, Hidden="true")
        self.assertNotIn("error", answer)
        self.assertTrue(os.path.exists(out))
        self.assertEqual(self.listener.take(), [])
        self.assertFalse(self.block_setting(), "the user's setting was not restored")


if __name__ == "__main__":
    unittest.main()
