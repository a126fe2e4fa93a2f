"""The case register dialog as a user drives it: a real LibreOffice on a
virtual display, real input only (xdotool keys and clicks). The API builds
the report, finds the panel's button on screen, and reads the outcome (the
dialog's texts through accessibility, the document's text); it performs no
action.

Open it from the results panel's "Case register..." button; add two pairs
(the case's passphrase asked once), change the second one's pseudonym
("Add or change" on the same identifier), delete it, then "Replace
everything from the register": only the pair left is replaced, every form of
it, and one Ctrl+Z after closing the dialog restores the whole document.

SCRQM_SHOTS=DIR keeps a screenshot of the dialog (register-dialog.png)."""
import os
import sys
import time
import unittest

import xui
from xui import key, wait_for

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("SCRQM_BUILD_DIR", os.path.join(HERE, "..", "..", "build"))
OXT = os.environ.get("SCRQM_OXT", os.path.join(BUILD, "scrqm.oxt"))
SHOTS = os.environ.get("SCRQM_SHOTS")
DECK, PANEL = "ScrqmPrepublicationDeck", "ScrqmResultsPanel"
TITLE = "Case register"

REPORT = [
    "Serious Case Review: Child A",
    "Liam Carter was seen by the health visitor.",
    "Liam's mother took LIAM to the GP; Amara Eze, his aunt, was told.",
]


@unittest.skipUnless(xui.available(), "needs Xvfb and xdotool (setup.sh installs them)")
class RegisterDialogByKeyboard(unittest.TestCase):
    def setUp(self):
        self.session = xui.Session(OXT, os.environ.get("SCRQM_TEST_DISPLAY"))
        self.office = self.session.office

    def tearDown(self):
        self.session.close()

    def step(self, what):
        sys.stderr.write("  step: %s\n" % what)
        sys.stderr.flush()

    def body(self):
        return self.doc.getText().getString()

    def dialog_texts(self):
        window = xui.top_window(self.office, TITLE)
        return xui.accessible_texts(window) if window is not None else []

    def wait_dialog_says(self, text, seconds=20):
        said = wait_for(lambda: any(text in t for t in self.dialog_texts()), seconds)
        if not said and SHOTS:
            self.session.shot(os.path.join(SHOTS, "register-failed.png"))
        self.assertTrue(said, "the dialog does not say %r: %r" % (text, self.dialog_texts()))

    def focus_dialog(self):
        # The dialog and the passphrase question share the title; the
        # dialog is the first one (xdotool lists the newest last).
        found = wait_for(lambda: xui.window_ids(TITLE), 15)
        self.assertTrue(found, "no %r window" % TITLE)
        xui.xdo("windowfocus", found[0])
        time.sleep(0.3)

    def pair(self, button, real, pseudonym=None):
        """Alt+R to the real identifier, Alt+P to the pseudonym, then the
        button's mnemonic."""
        key("alt+r", "ctrl+a")
        xui.type_text(real)
        if pseudonym is not None:
            key("alt+p", "ctrl+a")
            xui.type_text(pseudonym)
        key(button)

    def test_add_change_delete_and_replace_everything(self):
        self.doc = self.office.new_writer(hidden=False)
        text = self.doc.getText()
        cursor = text.createTextCursor()
        for i, p in enumerate(REPORT):
            if i:
                text.insertControlCharacter(cursor, 0, False)
            text.insertString(cursor, p, False)
        self.doc.getUndoManager().clear()
        self.doc.setModified(False)
        original = self.body()
        frame = self.doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        time.sleep(1)

        self.step("open the panel and the dialog")
        # The check opens the panel (Ctrl+Alt+Shift+C in the document).
        window = frame.getComponentWindow()
        x, y, w, h = xui.screen_rect(window)
        xui.xdo("mousemove", x + 60, y + h - 60, "click", 1)
        key("ctrl+alt+shift+c")

        def button():
            deck = self.doc.getCurrentController().getSidebar().getDecks().getByName(DECK)
            return deck.getPanels().getByName(PANEL).getDialog().getControl("Register")

        self.assertTrue(wait_for(lambda: button().getModel().Enabled, 60), "the panel's button")
        time.sleep(0.5)
        xui.click(button())
        self.assertTrue(xui.focus_window(TITLE), "the register dialog")
        self.wait_dialog_says("salted hashes")

        self.step("add a pair")
        self.pair("alt+a", "Liam Carter", "Child B")
        # The case register is sealed: its passphrase is asked once.
        self.assertTrue(wait_for(lambda: len(xui.window_ids(TITLE)) > 1, 15),
                        "the passphrase question")
        xui.focus_window(TITLE)
        xui.type_text("register dialog passphrase")
        key("Return")
        self.assertTrue(wait_for(lambda: len(xui.window_ids(TITLE)) == 1, 15))
        self.focus_dialog()
        self.wait_dialog_says("Added to the register")
        self.wait_dialog_says("Liam Carter \u2192 Child B")

        self.step("add a second pair, change it, delete it")
        self.pair("alt+a", "Amara Eze", "Adult 1")
        self.wait_dialog_says("Amara Eze \u2192 Adult 1")
        self.pair("alt+a", "Amara Eze", "Adult 2")
        self.wait_dialog_says("Amara Eze \u2192 Adult 2")
        self.pair("alt+d", "Amara Eze")
        self.wait_dialog_says("Amara Eze deleted")
        self.wait_dialog_says("Deleted from the register")
        if SHOTS:
            self.session.shot(os.path.join(SHOTS, "register-dialog.png"))

        self.step("replace everything from the register")
        key("alt+e")
        self.wait_dialog_says("Replaced ")
        body = self.body()
        self.assertNotIn("Liam", body)
        self.assertNotIn("LIAM", body)
        self.assertIn("Child B was seen", body)
        self.assertIn("Child B's mother", body)
        # Deleted from the register: left as it was.
        self.assertIn("Amara Eze", body)
        self.assertNotIn("Adult", body)

        self.step("close, then one undo")
        key("Escape")
        self.assertTrue(xui.gone(TITLE), "the dialog closed")
        xui.xdo("mousemove", x + 60, y + h - 60, "click", 1)
        key("ctrl+z")
        self.assertTrue(wait_for(lambda: self.body() == original, 10),
                        "one Undo restores it: %r" % self.body())
        self.doc.close(True)


if __name__ == "__main__":
    unittest.main()
