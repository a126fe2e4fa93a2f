"""Replace everywhere and Allow through the macro API, in a real LibreOffice:
Action=replace finds a name in every form (possessives, capitals, a title,
split across a line break, in a table and a comment), leaves no occurrence,
and one undo restores them all; Register=true adds the pair to the case
register; Action=allow makes a name's findings go, in the document (a salted
key, no clear text) or for the user (surviving into a new document); the
Options page edits that same user allow-list."""
import json
import os
import re
import unittest

from office import EXTENSION_ID, OfficeTest, add_comment, add_row, named

PARAGRAPH_BREAK, LINE_BREAK = 0, 1


class ReplaceAndAllow(OfficeTest):
    def writer(self, paragraphs):
        doc = self.office.new_writer()
        self.docs.append(doc)
        text = doc.getText()
        cursor = text.createTextCursor()
        for i, p in enumerate(paragraphs):
            if i:
                text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            for j, line in enumerate(p.split("\n")):
                if j:
                    text.insertControlCharacter(cursor, LINE_BREAK, False)
                text.insertString(cursor, line, False)
        doc.getUndoManager().clear()
        doc.setModified(False)
        return doc

    def all_text(self, doc):
        parts = [doc.getText().getString()]  # tables' text included
        fields = doc.getTextFields().createEnumeration()
        while fields.hasMoreElements():
            f = fields.nextElement()
            if f.supportsService("com.sun.star.text.TextField.Annotation"):
                parts.append(f.Content)
        return "\n".join(parts)

    def test_replace_every_form_in_one_undo_step(self):
        doc = self.writer([
            "Liam was seen at home. Liam's sister said LIAM\u2019s room was cold.",
            "Master Liam attended; staff called him liam.",
            "The health visitor wrote to Liam\nabout the appointment.",
            "Liamson Road and William are other words.",
        ])
        text = doc.getText()
        table = add_row(doc, text.getEnd(), "Pupil", "Liam (Year 3)")
        add_comment(doc, text.getStart(), "Ask about Liam first")
        doc.getUndoManager().clear()
        before = self.all_text(doc)
        body_before = doc.getText().getString()
        self.assertEqual(len(re.findall(r"\bliam\b", before, re.I)), 8)

        out = self.call_ok(Action="replace", Document=doc, Text="Liam", Pseudonym="Child B",
                           Register="false")
        self.assertEqual(out["found"], 8)
        self.assertEqual(out["replaced"], 8)
        self.assertFalse(out["registered"])
        after = self.all_text(doc)
        self.assertIsNone(re.search(r"\bliam\b", after, re.I), after)
        self.assertIn("Child B's sister said Child B\u2019s room", after)
        self.assertIn("Child B attended", after)  # the title went with the name
        self.assertIn("Liamson Road and William", after)  # other words stay

        undo = doc.getUndoManager()
        self.assertEqual(undo.getAllUndoActionTitles()[0], 'Replace with "Child B"')
        undo.undo()
        self.assertEqual(doc.getText().getString(), body_before, "one undo restores the body")
        self.assertEqual(table.getCellByName("B1").getString(), "Liam (Year 3)")
        self.assertEqual(self.all_text(doc), before, "the comment too")
        undo.redo()
        self.assertIsNone(re.search(r"\bliam\b", doc.getText().getString(), re.I))

    def test_replace_adds_to_the_register(self):
        doc = self.writer(["Kayden Price was seen by the GP."])
        out = self.call_ok(Action="replace", Document=doc, Text="Kayden Price", Pseudonym="Child C",
                           Case="case-replace", Passphrase="replace test passphrase")
        self.assertTrue(out["registered"])
        self.assertEqual(out["replaced"], 1)
        # A later draft that still names him: the register finds it.
        later = self.writer(["Kayden Price moved school."])
        result = self.call_ok(Action="check", Document=later, Case="case-replace",
                              Checks="anonymisation", Passphrase="replace test passphrase")
        reg = [f for f in result["findings"] if f["category"] == "register"]
        self.assertTrue(reg, result["findings"])
        self.assertIn("Child C", json.dumps(reg))

    def test_replace_refuses_bad_input(self):
        doc = self.writer(["Liam was seen."])
        for kw in ({"Text": "Liam", "Pseudonym": ""}, {"Text": "", "Pseudonym": "Child A"},
                   {"Text": "Liam", "Pseudonym": "Child A", "Register": "maybe"}):
            out = json.loads(self.office.assistant().execute(
                named(Action="replace", Document=doc, **kw)))
            self.assertIn("error", out, kw)
        self.assertEqual(doc.getText().getString(), "Liam was seen.")

    def names(self, doc, text):
        result = self.call_ok(Action="check", Document=doc, Checks="anonymisation")
        return [f for f in result["findings"] if text.lower() in f["text"].lower()]

    def test_allow_in_document_and_for_the_user(self):
        line = "Dr Imogen Rathbone met Tyler Quinn at the clinic on 14 June 2021."
        doc = self.writer([line])
        self.assertTrue(self.names(doc, "Rathbone"), "the name is a finding first")
        out = self.call_ok(Action="allow", Document=doc, Text="Imogen Rathbone", Scope="document")
        self.assertTrue(out["added"])
        self.assertEqual(self.names(doc, "Rathbone"), [])
        self.assertTrue(self.names(doc, "Tyler Quinn"), "other names stay")
        # Kept as a salted key: the name is nowhere in the document's properties.
        stored = doc.getDocumentProperties().getUserDefinedProperties().getPropertyValue(
            "scrqm.ignored")
        self.assertNotIn("rathbone", stored.lower())
        # Another document does not know it...
        other = self.writer([line])
        self.assertTrue(self.names(other, "Rathbone"))
        # ... until the user allows it for all documents.
        out = self.call_ok(Action="allow", Text="Imogen Rathbone", Scope="user")
        self.assertTrue(out["added"])
        self.assertEqual(self.names(other, "Rathbone"), [])
        fresh = self.writer(["Imogen Rathbone chaired the panel; Tyler Quinn attended."])
        self.assertEqual(self.names(fresh, "Rathbone"), [])
        self.assertTrue(self.names(fresh, "Tyler Quinn"))
        out = json.loads(self.office.assistant().execute(
            named(Action="allow", Text="Imogen Rathbone", Scope="everyone")))
        self.assertIn("error", out)

    def options_page(self):
        """The Options page (Tools > Options > LibreOffice Writer > Case
        review) as the Options dialog makes it: dialogs/options.xdl in a
        container window, with the extension's handler; "initialize" fills it."""
        provider = self.office.ctx.getValueByName(
            "/singletons/com.sun.star.deployment.PackageInformationProvider")
        location = provider.getPackageLocation(EXTENSION_ID)
        handler = self.office.smgr.createInstanceWithContext("org.scrqm.OptionsHandler",
                                                             self.office.ctx)
        parent = self.writer(["parent"]).getCurrentController().getFrame().getContainerWindow()
        window = self.office.smgr.createInstanceWithContext(
            "com.sun.star.awt.ContainerWindowProvider", self.office.ctx).createContainerWindow(
                location + "/dialogs/options.xdl", "", parent, handler)
        self.assertTrue(handler.callHandlerMethod(window, "initialize", "external_event"))
        return handler, window

    def test_options_page_edits_the_list_allow_for_all_adds_to(self):
        # One list: what "Allow in all my documents" adds shows on the Options
        # page, what the page adds or removes is what every check allows.
        self.call(Action="options", Allow="")
        doc = self.writer(["Tyler Quinn met Amara Eze and Jane Hughes at the clinic."])
        for name in ("Tyler Quinn", "Amara Eze", "Jane Hughes"):
            self.assertTrue(self.names(doc, name), name + " is a finding first")
        self.assertTrue(self.call(Action="allow", Text="Tyler Quinn", Scope="user")["added"])
        handler, window = self.options_page()
        allow = window.getControl("Allow")
        self.assertEqual(allow.getText(), "Tyler Quinn")
        allow.setText("Tyler Quinn\nAmara Eze")
        self.assertTrue(handler.callHandlerMethod(window, "ok", "external_event"))
        self.assertEqual(self.call(Action="options")["settings"]["Allow"],
                         "Tyler Quinn\nAmara Eze")
        self.assertEqual(self.names(doc, "Tyler Quinn"), [])
        self.assertEqual(self.names(doc, "Amara Eze"), [], "the page's name is allowed")
        self.assertTrue(self.names(doc, "Jane Hughes"))
        already = self.call(Action="allow", Text="Dr Amara Eze", Scope="user")
        self.assertFalse(already["added"], "the page's name is on the same list")
        # Removed on the page: reported again.
        allow.setText("Amara Eze")
        handler.callHandlerMethod(window, "ok", "external_event")
        self.assertTrue(self.names(doc, "Tyler Quinn"))
        # An explicit Allow adds to the user's list, never replaces it.
        result = self.call(Action="check", Document=doc, Checks="anonymisation",
                           Allow="Jane Hughes")
        texts = " ".join(f["text"] for f in result["findings"])
        self.assertNotIn("Eze", texts)
        self.assertNotIn("Hughes", texts)
        window.dispose()

        # The file an older scrqm kept for "Allow in all my documents" moves
        # into the same list once, and goes.
        old = os.path.join(self.office.dir, "profile", "user", "scrqm", "allow.txt")
        os.makedirs(os.path.dirname(old), exist_ok=True)
        with open(old, "w", encoding="utf-8") as f:
            f.write("# scrqm: names allowed in all my documents, one a line\nJane Hughes\n")
        self.assertEqual(self.names(doc, "Jane Hughes"), [])
        self.assertFalse(os.path.exists(old))
        self.assertEqual(self.call(Action="options")["settings"]["Allow"],
                         "Amara Eze\nJane Hughes")
        self.call(Action="options", Allow="")
        self.assertTrue(self.names(doc, "Amara Eze"))


if __name__ == "__main__":
    unittest.main()
