"""The Quality Markers sidebar in a real LibreOffice: a .docx opened NOT
hidden (so the sidebar exists), the deck opened through the extension's own
command, the panels driven through the API (their controls, reached through
the controller's getSidebar(), and the panel commands vnd.scrqm:Panel.*, the
same code the buttons run), a section tagged and a question state set, undo
of the tag in one step, the panels following the document without a refresh,
and the tags and question states found again after saving as .docx and .odt
and reloading. Also the macro API actions tag, suggest, coverage and
question."""
import json
import os
import time
import unittest

import uno
from office import SAMPLE, OfficeTest, list_items as items, named, props, quality_marker_panels
from office import wait_for

SECTION = "6. Parallel processes"
# Cues of QM9 (parallel processes), typed into an introduction.
CUES = " The coroner opened an inquest and the criminal proceedings ran in parallel."


class Sidebar(OfficeTest):
    def setUp(self):
        super().setUp()
        self.path = self.copy_of(SAMPLE, "report.docx")
        self.tmp = os.path.dirname(self.path)

    def section_markers(self, doc, title):
        outline = self.call_on(doc, Action="outline")
        for s in outline["sections"]:
            if s["title"] == title:
                return s["markers"]
        self.fail("no section " + title)

    def test_panels_tag_question_undo_save_reload(self):
        doc = self.load(self.path, hidden=False)
        # The deck, opened by the extension's own command.
        self.office.dispatch(doc, "vnd.scrqm:QualityMarkers")
        markers, sections = quality_marker_panels(self.office, doc)

        # The panels show the document: headings, the 18 markers by cluster,
        # and the sample's best suggestion for the parallel-processes section.
        headings = items(sections, "Headings")
        row = headings.index(SECTION)
        marker_rows = items(markers, "Markers")
        self.assertEqual(sum(1 for r in marker_rows if "QM" in r), 18)
        self.assertEqual(sum(1 for r in marker_rows if r.startswith("\u2500")), 3)
        self.assertIn("\u25d0 QM9  Parallel processes \u2014 suggested", marker_rows)
        self.assertIsNotNone(markers.getControl("Strip").getModel().Graphic)

        # Select the section: its suggestions come with their cues.
        sections.getControl("Headings").selectItemPos(row, True)
        self.assertTrue(items(sections, "Suggestions")[0].startswith("\u2192 QM9  Parallel"))
        self.assertIn("\u201ccoroner\u201d", sections.getControl("Cues").getModel().Text)

        # Tag it to QM9 through the panel: the marker list, then the panel's
        # Tag command.
        undo = doc.getUndoManager()
        before = len(undo.getAllUndoActionTitles())
        sections.getControl("Marker").selectItemPos(8, True)  # QM9
        self.office.dispatch(doc, "vnd.scrqm:Panel.TagSection")
        self.assertEqual(self.section_markers(doc, SECTION), ["QM9"])
        self.assertEqual(len(undo.getAllUndoActionTitles()), before + 1)
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Tag section to QM9")
        self.assertEqual(items(sections, "Headings")[row], SECTION + "  [QM9]")
        self.assertIn("\u2714 QM9  Parallel processes \u2014 tagged (1)", items(markers, "Markers"))

        # Undo removes the tag in one step, and the panel follows by itself.
        undo.undo()
        self.assertEqual(self.section_markers(doc, SECTION), [])
        self.assertTrue(wait_for(lambda: items(sections, "Headings")[row] == SECTION),
                        items(sections, "Headings")[row])
        undo.redo()
        self.assertEqual(self.section_markers(doc, SECTION), ["QM9"])
        self.assertTrue(wait_for(lambda: items(sections, "Headings")[row] == SECTION + "  [QM9]"))

        # A question state with a note, through the Markers panel.
        qm9 = next(i for i, r in enumerate(items(markers, "Markers")) if "QM9 " in r)
        markers.getControl("Markers").selectItemPos(qm9, True)
        self.assertTrue(markers.getControl("Statement").getModel().Text.startswith(
            "Parallel processes: Where there are parallel processes"))
        self.assertEqual(items(markers, "Tagged"), [SECTION])
        markers.getControl("Questions").selectItemPos(2, True)  # question 3: the coroner
        markers.getControl("State").selectItemPos(1, True)  # answered
        markers.getControl("Note").getModel().Text = "Coroner told; see section 6"
        self.office.dispatch(doc, "vnd.scrqm:Panel.SaveQuestion")
        self.assertTrue(items(markers, "Questions")[2].startswith("\u2611 3. Is notification"))
        user = doc.getDocumentProperties().getUserDefinedProperties()
        self.assertEqual(user.getPropertyValue("scrqm_Q_QM9"), "3a:Coroner told\\; see section 6")
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Question 3 of QM9: answered")

        # Save as .docx and .odt, reload both, find tag and question state.
        for ext, flt in ((".docx", "MS Word 2007 XML"), (".odt", "writer8")):
            out = os.path.join(self.tmp, "saved" + ext)
            doc.storeToURL(uno.systemPathToFileUrl(out), props(FilterName=flt))
            again = self.load(out, hidden=True)
            self.assertEqual(self.section_markers(again, SECTION), ["QM9"], ext)
            cov = self.call_on(again, Action="coverage")
            qm9_cov = next(c for c in cov["coverage"] if c["marker"] == "QM9")
            self.assertEqual(qm9_cov["status"], "tagged", ext)
            self.assertEqual(cov["questions"]["QM9"],
                             [{"question": 3, "state": "answered",
                               "note": "Coroner told; see section 6"}], ext)
            # The tag bookmark is not reported as an identifier.
            model = self.call_on(again, Action="model")
            self.assertFalse([p for p in model["paragraphs"]
                              if p["text"].startswith("scrqm_")], ext)

    def refresh_info(self, panel):
        """The sidebar's note of its last read: (count, kind)."""
        model = panel.getModel()
        if not model.getPropertySetInfo().hasPropertyByName("Tag"):
            model = panel.getControl("Headings").getModel()
        tag = model.Tag
        if not tag:
            return (0, "", "")
        count, kind = tag.split()[:2]
        return (int(count), kind, tag)

    def settle(self, panel):
        """Waits until no read has come for 2 s (one a change before may
        still be due), and returns the last note."""
        deadline = time.time() + 60
        info = self.refresh_info(panel)
        quiet = time.time()
        while time.time() < deadline and time.time() - quiet < 2:
            time.sleep(0.1)
            now = self.refresh_info(panel)
            if now != info:
                info, quiet = now, time.time()
        return info

    def wait_refresh(self, panel, after, kind):
        """Waits for a read after note `after`; asserts it was of `kind`."""
        self.assertTrue(wait_for(lambda: self.refresh_info(panel)[0] > after[0], 60),
                        self.refresh_info(panel))
        info = self.refresh_info(panel)
        self.assertEqual(info[1], kind, info)
        return info

    def test_typing_in_body_text_follows_in_place(self):
        # A longer report: the sample and four copies of it.
        doc = self.load(self.path, hidden=False)
        odt = os.path.join(self.tmp, "sample.odt")
        doc.storeToURL(uno.systemPathToFileUrl(odt), props(FilterName="writer8"))
        text = doc.getText()
        for _ in range(4):
            text.createTextCursorByRange(text.getEnd()).insertDocumentFromURL(
                uno.systemPathToFileUrl(odt), ())
        self.office.dispatch(doc, "vnd.scrqm:QualityMarkers")
        markers, sections = quality_marker_panels(self.office, doc)
        self.office.dispatch(doc, "vnd.scrqm:Panel.Refresh")
        headings = items(sections, "Headings")
        intro = [i for i, h in enumerate(headings) if h == "1. Introduction"]
        self.assertEqual(len(intro), 5, headings)
        self.assertEqual(self.refresh_info(sections)[1], "full")

        def snapshot():
            # Every section's suggestions and cues, as the panel shows them.
            shown = []
            for row in range(len(items(sections, "Headings"))):
                sections.getControl("Headings").selectItemPos(row, True)
                shown.append((items(sections, "Suggestions"),
                              sections.getControl("Cues").getModel().Text))
            return (items(sections, "Headings"), items(markers, "Markers"), shown)

        def intro_suggests(copy):
            sections.getControl("Headings").selectItemPos(intro[copy], True)
            return [r.split()[1] for r in items(sections, "Suggestions") if "QM" in r]

        # Typing in body text (the third copy's introduction): a cue of QM9
        # shows up without a full read, and the panels show what a forced
        # full read shows.
        search = doc.createSearchDescriptor()
        search.SearchString = "This review has tried to understand practice"
        hits = doc.findAll(search)
        self.assertEqual(hits.getCount(), 5)
        self.assertNotIn("QM9", intro_suggests(2))
        info = self.settle(sections)
        hit = hits.getByIndex(2)
        hit.getText().insertString(hit.getEnd(), CUES, False)
        info = self.wait_refresh(sections, info, "incremental")
        self.assertIn("QM9", intro_suggests(2))
        self.assertNotIn("QM9", intro_suggests(3))
        typed = snapshot()
        info = self.settle(sections)
        self.office.dispatch(doc, "vnd.scrqm:Panel.Refresh")
        info = self.wait_refresh(sections, info, "full")
        self.assertEqual(snapshot(), typed)

        def shown():
            # What the panels show without selecting: headings with tags,
            # markers with status, the current section's suggestions.
            return (items(sections, "Headings"), items(markers, "Markers"),
                    items(sections, "Suggestions"))

        def changed_in_place(change):
            # A change the panels follow without a full read, showing what
            # a forced full read then shows.
            info = self.settle(sections)
            change()
            info = self.wait_refresh(sections, info, "incremental")
            after = shown()
            info = self.settle(sections)
            self.office.dispatch(doc, "vnd.scrqm:Panel.Refresh")
            self.wait_refresh(sections, info, "full")
            self.assertEqual(shown(), after)
            return after

        # A renamed heading, a paragraph added and removed, a heading typed
        # and removed, a tag and an untag: each followed in place.
        search.SearchRegularExpression = True
        search.SearchString = "^6\\. Parallel processes$"
        hits = doc.findAll(search)
        self.assertEqual(hits.getCount(), 5)
        hit = hits.getByIndex(4)
        after = changed_in_place(
            lambda: hit.getText().insertString(hit.getEnd(), " and inquests", False))
        self.assertEqual(after[0].count(SECTION + " and inquests"), 1)

        search.SearchRegularExpression = False
        search.SearchString = "This review has tried to understand practice"
        hit = doc.findAll(search).getByIndex(3)
        cursor = hit.getText().createTextCursorByRange(hit.getEnd())
        cursor.gotoEndOfParagraph(False)
        from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

        def new_paragraph():
            cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            cursor.getText().insertString(cursor, CUES.strip(), False)
        changed_in_place(new_paragraph)
        self.assertIn("QM9", intro_suggests(3))

        def new_heading():
            cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            cursor.ParaStyleName = "Heading 1"
            cursor.getText().insertString(cursor, "1a. The inquest", False)
        after = changed_in_place(new_heading)
        self.assertEqual(after[0].count("1a. The inquest"), 1)

        row = items(sections, "Headings").index("1a. The inquest")
        after = changed_in_place(
            lambda: self.call_on(doc, Action="tag", Section=str(row), Markers="QM9"))
        self.assertEqual(after[0][row], "1a. The inquest  [QM9]")
        after = changed_in_place(lambda: self.call_on(doc, Action="tag", Section=str(row),
                                                   Markers="QM9", Mode="remove"))
        self.assertEqual(after[0][row], "1a. The inquest")

        # The heading removed (its paragraph joined to the one before).
        def remove_heading():
            search.SearchString = "1a. The inquest"
            hit = doc.findFirst(search)
            c = hit.getText().createTextCursorByRange(hit.getStart())
            c.goLeft(1, False)
            c.gotoRange(hit.getEnd(), True)
            c.setString("")
        after = changed_in_place(remove_heading)
        self.assertNotIn("1a. The inquest", after[0])
        self.assertIn("QM9", intro_suggests(3))

        # A paragraph joined to the one before (its break deleted).
        search.SearchString = "This review has tried to understand practice"
        hit = doc.findAll(search).getByIndex(3)
        cursor = hit.getText().createTextCursorByRange(hit.getEnd())
        cursor.gotoEndOfParagraph(False)

        def join():
            cursor.goRight(1, True)
            cursor.setString("")
        changed_in_place(join)

        # A table is not followed in place: read in full.
        info = self.settle(sections)
        table = doc.createInstance("com.sun.star.text.TextTable")
        table.initialize(2, 2)
        cursor.getText().insertTextContent(cursor, table, False)
        self.wait_refresh(sections, info, "full")

        # Typing again after all that: in place, and still what a full read
        # shows.
        hit = doc.findAll(search).getByIndex(0)
        info = self.settle(sections)
        hit.getText().insertString(hit.getEnd(), " The police investigation ran in parallel.",
                                   False)
        info = self.wait_refresh(sections, info, "incremental")
        typed = snapshot()
        info = self.settle(sections)
        self.office.dispatch(doc, "vnd.scrqm:Panel.Refresh")
        info = self.wait_refresh(sections, info, "full")
        self.assertEqual(snapshot(), typed)

    def test_commands_keys_and_tag_section(self):
        doc = self.load(self.path, hidden=False)
        # "Tag section to marker…" opens the deck (its Sections panel gets the
        # keyboard at the marker list).
        self.office.dispatch(doc, "vnd.scrqm:TagSection")
        quality_marker_panels(self.office, doc)
        # The keys are bound in Writer.
        from com.sun.star.awt import KeyEvent
        from com.sun.star.awt.Key import Q, T
        from com.sun.star.awt.KeyModifier import SHIFT, MOD1, MOD2
        supplier = self.office.smgr.createInstanceWithContext(
            "com.sun.star.ui.ModuleUIConfigurationManagerSupplier", self.office.ctx)
        keys = supplier.getUIConfigurationManager(
            "com.sun.star.text.TextDocument").getShortCutManager()
        for code, command in ((Q, "vnd.scrqm:QualityMarkers"), (T, "vnd.scrqm:TagSection")):
            event = KeyEvent()
            event.KeyCode, event.Modifiers = code, SHIFT | MOD1 | MOD2
            self.assertEqual(keys.getCommandByKeyEvent(event), command)

    def test_macro_api_tag_suggest_coverage(self):
        doc = self.load(self.path, hidden=True)
        undo = doc.getUndoManager()
        out = self.call_on(doc, Action="tag", Section="8. Analysis", Markers="QM13,qm14")
        self.assertEqual(out["section"]["markers"], ["QM13", "QM14"])
        self.assertEqual(out["added"], ["QM13", "QM14"])
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Tag section to QM13, QM14")
        # set: keep QM13 only, in one step; remove: the last one.
        out = self.call_on(doc, Action="tag", Section="8. Analysis", Markers="QM13", Mode="set")
        self.assertEqual(out["section"]["markers"], ["QM13"])
        self.assertEqual(out["removed"], ["QM14"])
        undo.undo()
        self.assertEqual(self.section_markers(doc, "8. Analysis"), ["QM13", "QM14"])
        # By index; adding what is there changes nothing and adds no undo step.
        index = out["section"]["index"]
        n = len(undo.getAllUndoActionTitles())
        out = self.call_on(doc, Action="tag", Section=str(index), Markers="QM13")
        self.assertEqual(out["added"], [])
        self.assertEqual(len(undo.getAllUndoActionTitles()), n)
        out = self.call_on(doc, Action="tag", Section=str(index), Markers="QM13,QM14", Mode="remove")
        self.assertEqual(out["section"]["markers"], [])

        # Passage tag on the selection.
        body = doc.getText()
        para = body.createEnumeration().nextElement()
        doc.getCurrentController().select(para)
        out = self.call_on(doc, Action="tag", Section="selection", Markers="QM5")
        self.assertEqual(len(out["added"]), 1)
        self.assertTrue(out["added"][0].startswith("scrqm_P_QM5_"))
        cov = self.call_on(doc, Action="coverage")
        qm5 = next(c for c in cov["coverage"] if c["marker"] == "QM5")
        self.assertEqual((qm5["status"], qm5["passages"]), ("tagged", 1))

        # Suggestions carry their cues; bad input is a clear error.
        sug = self.call_on(doc, Action="suggest")
        s6 = next(s for s in sug["sections"] if s["title"] == SECTION)
        self.assertEqual(s6["suggestions"][0]["marker"], "QM9")
        self.assertIn("coroner", [c["cue"] for c in s6["suggestions"][0]["cues"]])
        bad = json.loads(self.office.assistant().execute(
            named(Document=doc, Action="tag", Section="Nope", Markers="QM1")))
        self.assertEqual(bad["error"], "no section titled \"Nope\"")
        bad = json.loads(self.office.assistant().execute(
            named(Document=doc, Action="tag", Section="1", Markers="QM19")))
        self.assertEqual(bad["error"], "unknown marker \"QM19\" in scr-qm-2016")
        bad = json.loads(self.office.assistant().execute(
            named(Document=doc, Action="question", Marker="QM9", Question="12",
                  State="answered")))
        self.assertEqual(bad["error"], "Question must be 1..8 for QM9")
        out = self.call_on(doc, Action="question", Marker="QM1", Question="2", State="not-applicable",
                        Note="Referred by the police")
        self.assertEqual(out["stored"], "2n:Referred by the police")
        undo.undo()
        user = doc.getDocumentProperties().getUserDefinedProperties()
        self.assertFalse(user.getPropertySetInfo().hasPropertyByName("scrqm_Q_QM1"))


if __name__ == "__main__":
    unittest.main()
