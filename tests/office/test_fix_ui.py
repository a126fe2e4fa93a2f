"""The results panel's fixes as a user applies them, end to end: a real
LibreOffice on a virtual display (Xvfb, X11 'gen' plugin, a fresh profile),
driven only by real input (xdotool keys and clicks). The API builds the
report, finds where the widgets are on screen through accessibility and
reads the outcome; it never performs an action.

On a generated report with planted names, a date, a postcode, a comment and
a tracked change: run the check (Ctrl+Alt+Shift+C), replace a name
everywhere (Fix > Replace with pseudonym..., the dialog), allow the lead
reviewer's name in all my documents, generalise the date and the postcode,
delete the comment, accept the tracked changes; after each change to the
document Ctrl+Z restores it and Ctrl+Y applies it again. Then Save
publication copy... (the panel's button, the file dialog, the message box):
the copy, checked by the command line with the user's allow-list, is "Ready
to publish", and no planted identifier and no "scrqm" is in any part of it.

SCRQM_SHOTS=DIR keeps screenshots of the panel, its Fix menu and the Replace
dialog there (docs/images/ has the ones the user guide shows)."""
import json
import os
import re
import subprocess
import sys
import time
import unittest
import zipfile

import uno
import unohelper
from com.sun.star.beans import XPropertyChangeListener

import xui
from office import panel_dialog
from xui import key, wait_for

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("SCRQM_BUILD_DIR", os.path.join(HERE, "..", "..", "build"))
OXT = os.environ.get("SCRQM_OXT", os.path.join(BUILD, "scrqm.oxt"))
SCRQM = os.environ.get("SCRQM_CLI", os.path.join(BUILD, "scrqm"))
DISPLAY = os.environ.get("SCRQM_TEST_DISPLAY")
SHOTS = os.environ.get("SCRQM_SHOTS")
DECK, PANEL = "ScrqmPrepublicationDeck", "ScrqmResultsPanel"
PARAGRAPH_BREAK = 0
RUNNING = "Cancel (or Esc in the document)"  # the panel's summary while a check runs

REPORT = [
    "Serious Case Review: Child A",
    "Imogen Rathbone chaired the first panel meeting.",
    "Liam Carter was seen by the health visitor on 14 June 2021.",
    "Liam's mother said LIAM was unwell; the family lived at NM4 7QT.",
    "Imogen Rathbone met the practitioners in 2022.",
]
COMMENT = "Check the date with Liam's school"
INSERTED = " The GP was told on 3 March 2020."
# What must not be in any part of the publication copy.
PLANTED = ["Liam", "Carter", "14 June", "NM4 7QT", "7QT", "3 March", "Check the date", "scrqm"]


class Seen(unohelper.Base, XPropertyChangeListener):
    """Every value a control model's property took (a check sets the
    panel's summary to RUNNING, then to its counts)."""

    def __init__(self):
        self.values = []

    def propertyChange(self, event):
        self.values.append(event.NewValue)

    def disposing(self, source):
        pass


@unittest.skipUnless(xui.available(), "needs Xvfb and xdotool (setup.sh installs them)")
class FixesByMouseAndKeyboard(unittest.TestCase):
    def setUp(self):
        self.session = xui.Session(OXT, DISPLAY)
        self.office = self.session.office
        self.tmp = self.session.tmp

    def tearDown(self):
        self.session.close()

    # ---- the report and the screen

    def build_report(self):
        doc = self.office.new_writer(hidden=False)
        text = doc.getText()
        cursor = text.createTextCursor()
        for i, p in enumerate(REPORT):
            if i:
                text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, p, False)
        comment = doc.createInstance("com.sun.star.text.TextField.Annotation")
        comment.Content = COMMENT
        comment.Author = "Reviewer"
        text.insertTextContent(text.getStart(), comment, False)
        # A tracked change: text inserted while changes are recorded.
        doc.RecordChanges = True
        text.insertString(text.getEnd(), INSERTED, False)
        doc.RecordChanges = False
        doc.getUndoManager().clear()
        doc.setModified(False)
        return doc

    def shot(self, name):
        if SHOTS:
            self.session.shot(os.path.join(SHOTS, name))

    def dialog(self):
        return panel_dialog(self.doc, PANEL, DECK, seconds=10)

    def control(self, name):
        return self.dialog().getControl(name)

    def click(self, control, dx=None, dy=None):
        xui.click(control, dx, dy)
        time.sleep(0.2)

    def rows(self):
        return list(self.control("Findings").getModel().StringItemList)

    def status(self):
        return self.control("Status").getModel().Label

    def body(self):
        return self.doc.getText().getString()

    def summary(self):
        try:
            return self.control("Summary").getModel().Text
        except Exception:
            return ""

    def focus_document(self):
        """A click on the grey background beside the page: the document
        takes the keyboard and neither the text, the cursor nor a ruler
        (a click there sets a tab stop) is touched."""
        window = self.doc.getCurrentController().getFrame().getComponentWindow()
        x, y, w, h = xui.screen_rect(window)
        xui.xdo("mousemove", x + 60, y + h - 60, "click", 1)
        time.sleep(0.2)

    def check_by_keyboard(self):
        """Ctrl+Alt+Shift+C in the document, then waits until the panel has
        shown this check running and then its counts. The summary's text
        alone cannot tell: a check of an unchanged document can end with the
        same counts and times as the one before, so every value the summary
        takes is recorded. A key lost to a window still taking the focus is
        pressed again."""
        # The deck opened first (as its tab on the sidebar would), so that
        # the summary can be watched from before the check starts.
        decks = self.doc.getCurrentController().getSidebar().getDecks()
        if not decks.getByName(DECK).isActive():  # the command toggles it
            self.office.dispatch(self.doc, ".uno:SidebarDeck." + DECK)
        model = self.control("Summary").getModel()
        seen = Seen()
        model.addPropertyChangeListener("Text", seen)
        try:
            for _ in range(3):
                self.focus_document()
                key("ctrl+alt+shift+c")
                if wait_for(lambda: any(RUNNING in str(v) for v in seen.values), 10, 0.05):
                    break
            done = wait_for(lambda: any(RUNNING in str(v) for v in seen.values) and
                            "checked in" in self.summary(), 60)
        finally:
            model.removePropertyChangeListener("Text", seen)
        self.assertTrue(done, "the check did not run: %r" % self.summary())

    def select_row(self, *words):
        """Selects the first finding row holding all `words` with the keyboard
        (a click on the list, then Home and Down)."""
        rows = self.rows()
        matches = [i for i, r in enumerate(rows) if all(w in r for w in words)]
        self.assertTrue(matches, "no row with %r in %r" % (words, rows))
        self.click(self.control("Findings"), dy=6)
        key("Home")
        for _ in range(matches[0]):
            key("Down")
        self.assertTrue(wait_for(
            lambda: self.control("Findings").getSelectedItemPos() == matches[0], 5),
            "row %d not selected" % matches[0])
        return rows[matches[0]]

    def step(self, what):
        sys.stderr.write("  step: %s\n" % what)
        sys.stderr.flush()

    def fix_menu(self, item, label, shot=None):
        """Fix (a click), then the menu's `item`-th entry, `label`, with the
        keyboard: Down to it, Enter. The entries are scrqm::fix_choices in
        its order (replace_test.cxx pins it); the status line each fix
        writes is asserted after, so a wrong entry cannot pass unseen."""
        self.assertTrue(wait_for(lambda: self.control("Fix").getModel().Enabled, 5),
                        "Fix is enabled")
        self.step("  Fix > %s" % label)
        self.click(self.control("Fix"))
        # The menu is modal: give it the time to be drawn before the keys.
        time.sleep(0.6)
        if shot:
            self.shot(shot)
        for _ in range(item + 1):
            key("Down")
        key("Return")

    def fix(self, row, item, label, status):
        """The fix `label` (the menu's `item`-th entry) on the first row
        holding `row`, and the status line it must write."""
        self.select_row(row)
        self.fix_menu(item, label)
        self.wait_status(status)

    def wait_status(self, text, seconds=30):
        if not wait_for(lambda: text in self.status(), seconds):
            self.shot("failed.png")
            self.step("status %r, rows %r" % (self.status(), self.rows()))
            self.fail(self.status())

    def undo_redo(self, fixed, original):
        """Ctrl+Z restores `original`, Ctrl+Y brings the fix back, then the
        check runs again (the panel's findings are of the fixed text)."""
        self.focus_document()
        key("ctrl+z")
        self.assertTrue(wait_for(original, 10), "Undo restores it")
        key("ctrl+y")
        self.assertTrue(wait_for(fixed, 10), "Redo applies it again")
        self.check_by_keyboard()

    def comments(self):
        out = 0
        e = self.doc.getTextFields().createEnumeration()
        while e.hasMoreElements():
            if e.nextElement().supportsService("com.sun.star.text.TextField.Annotation"):
                out += 1
        return out

    def changes(self):
        return self.doc.getRedlines().getCount()

    # ---- the test

    def test_fixes_by_mouse_and_keyboard(self):
        self.doc = self.build_report()
        frame = self.doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        time.sleep(2)
        self.check_by_keyboard()
        self.shot("fix-panel.png")

        self.step("replace")
        self.select_row("\u201cLiam Carter")
        self.fix_menu(0, "Replace with pseudonym\u2026", shot="fix-menu.png")
        # Without a window manager a new window does not take the keyboard:
        # give it the focus (as a click on it would), then Enter presses
        # "Replace all", the default button.
        self.assertTrue(xui.focus_window("Replace with pseudonym"), "the Replace dialog")
        time.sleep(0.5)
        self.shot("replace-dialog.png")
        key("Return")
        # The case register is sealed: its passphrase is asked once per
        # session (the masked field has the focus; Enter presses Open).
        self.assertTrue(xui.focus_window("Case register"), "the passphrase dialog")
        xui.type_text("fix ui passphrase")
        key("Return")
        self.wait_status("Replaced")
        body = self.body()
        self.assertNotIn("Liam", body)
        self.assertNotIn("LIAM", body)
        self.assertIn("Child B's mother", body)
        self.undo_redo(lambda: "Liam" not in self.body(),
                       lambda: self.body().count("Liam") + self.body().count("LIAM") == 3)

        self.step("allow")
        # The lead reviewer's own name, flagged on every page: allowed in all
        # of the user's documents (the allow-list in the profile). The
        # document is not changed: nothing to undo.
        text_before = self.body()
        self.fix("Rathbone", 2, "Allow in all my documents", "Allowed in all your documents")
        self.assertTrue(wait_for(lambda: not any("Rathbone" in r for r in self.rows()), 30),
                        self.rows())
        self.assertEqual(self.body(), text_before)
        # The user's allow-list is the Options page's Allow setting.
        o = self.session.office
        provider = o.smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", o.ctx)
        settings = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (uno.createUnoStruct("com.sun.star.beans.PropertyValue", "nodepath", 0,
                                 "/org.scrqm.Settings/Review", 0),))
        self.assertIn("Imogen Rathbone", settings.getByName("Allow").splitlines())
        # The command line reads the same list from a file (--allow-file).
        allow_list = os.path.join(self.tmp, "allow.txt")
        with open(allow_list, "w") as f:
            f.write(settings.getByName("Allow") + "\n")

        self.step("generalise the date")
        self.fix("14 June 2021", 0, "Generalise", "Generalise")
        self.assertIn("in June 2021.", self.body())
        self.undo_redo(lambda: "in June 2021." in self.body(),
                       lambda: "on 14 June 2021." in self.body())

        self.step("generalise the postcode")
        self.fix("NM4 7QT", 0, "Generalise", "Generalise")
        self.assertNotIn("7QT", self.body())
        self.undo_redo(lambda: "7QT" not in self.body(), lambda: "NM4 7QT" in self.body())

        self.step("delete the comment")
        self.fix("Check the date", 0, "Delete this comment", "Deleted the comment")
        self.assertEqual(self.comments(), 0)
        self.undo_redo(lambda: self.comments() == 0, lambda: self.comments() == 1)

        self.step("accept the tracked changes")
        self.fix("The GP was told", 0, "Accept all tracked changes", "Accepted the tracked changes")
        self.assertEqual(self.changes(), 0)
        self.undo_redo(lambda: self.changes() == 0, lambda: self.changes() > 0)
        # The inserted sentence stays, its date is a finding of its own.
        self.fix("3 March 2020", 0, "Generalise", "Generalise")
        self.assertIn("told in March 2020.", self.body())
        self.undo_redo(lambda: "in March 2020." in self.body(),
                       lambda: "on 3 March 2020." in self.body())

        self.step("publication copy")
        self.assertTrue(wait_for(lambda: self.control("Verdict").getModel().Label ==
                                 "Ready to publish", 10),
                        "%s %r" % (self.control("Verdict").getModel().Label, self.rows()))
        out = os.path.join(self.tmp, "published")
        self.click(self.control("PublicationCopy"))
        self.assertTrue(xui.focus_window("Save publication copy"), "the file dialog")
        time.sleep(0.5)
        # The file name field has the focus, holding the proposed name.
        key("ctrl+a")
        xui.type_text(out)
        key("Return")
        # xdotool's names are patterns matched in any case: anchored, so that
        # the closing "Save publication copy" dialog does not match.
        self.assertTrue(xui.focus_window("^Publication copy$", 60), "the copy's message box")
        time.sleep(0.5)
        self.shot("publication-copy.png")
        # Without a window manager a key can go to the window that had the
        # focus before the box came up: the box is focused again and the key
        # pressed again, as a user would click into it.
        for _ in range(3):
            key("Return")
            if xui.gone("^Publication copy$", 5):
                break
            xui.focus_window("^Publication copy$", 5)
        self.assertTrue(xui.gone("^Publication copy$"), "the message box closed")
        copy = out + ".docx"
        self.assertTrue(os.path.isfile(copy), os.listdir(self.tmp))
        self.assertIn("June 2021", self.body(), "the document itself stays as it was")

        run = subprocess.run([SCRQM, "check", "--allow-file", allow_list, copy],
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertIn("Ready to publish", verdict_of(SCRQM, allow_list, copy))
        self.assertEqual(parts_holding(copy, PLANTED), {})
        self.doc.close(True)


def verdict_of(scrqm, allow_list, path):
    """The command line's verdict of `path` (its JSON)."""
    run = subprocess.run([scrqm, "check", "--format", "json", "--allow-file", allow_list, path],
                         capture_output=True, text=True)
    return json.loads(run.stdout)["verdict"]["text"]


def parts_holding(path, words):
    """{part: [words]} for every part of the zip holding one of `words`,
    compared case-insensitively in the raw bytes and in the text with the
    markup taken out (Word may split a word across runs)."""
    found = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            raw = z.read(name).decode("utf-8", "replace")
            plain = re.sub(r"<[^>]*>", "", raw)
            hits = [w for w in words if w.lower() in raw.lower() or w.lower() in plain.lower()]
            if hits:
                found[name] = hits
    return found


if __name__ == "__main__":
    unittest.main()
