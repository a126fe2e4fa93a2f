"""The case register's passphrase in Writer, as a user meets it: a visible
LibreOffice on a virtual display (Xvfb), keys typed with xdotool. In a new
session the Pre-publication check (Ctrl+Alt+Shift+C) asks for the passphrase
once in a small dialog; given, the register's names are found, and the next
check does not ask again. Declined ("Not now", Escape), the panel says the
register is locked above the counts, and it is not asked again either."""
import json
import os
import time
import unittest

import xui
from office import OXT, named, panel_dialog

DISPLAY = ":%d" % (70 + os.getpid() % 20)
PASSPHRASE = "dialog test passphrase"
REGISTER = [{"real": "Liam Carter", "pseudonym": "Child A", "kind": "name"}]


def xdotool(*args):
    return xui.xdo(*args, check=False)


class PassphraseDialog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.screen = xui.Screen(DISPLAY, prefix="scrqm-dialog-").start()
        try:
            cls.office = cls.screen.office(OXT)
        except Exception:
            cls.screen.stop()
            raise
        out = json.loads(cls.office.assistant().execute(
            named(Action="register-set", Register=json.dumps(REGISTER), Passphrase=PASSPHRASE)))
        assert "error" not in out, out

    @classmethod
    def tearDownClass(cls):
        cls.screen.stop()

    def new_session_with_document(self):
        """A restart: the passphrase given by register-set is forgotten."""
        self.office._stop()
        self.office._start()
        doc = self.office.new_writer(hidden=False)
        # Closed even when the test fails: a modified document left open
        # makes the next restart's terminate() wait on "Save changes?".
        self.addCleanup(self.close_quietly, doc)
        doc.getText().setString("1. Introduction\nLiam Carter was seen at school.")
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        frame.getContainerWindow().setFocus()
        time.sleep(2)
        return doc

    @staticmethod
    def close_quietly(doc):
        try:
            doc.close(True)
        except Exception:
            pass  # already closed by the test

    def check(self, doc, answer):
        """Ctrl+Alt+Shift+C; `answer` the dialog (a passphrase, "" for Not
        now) or expect none (None). Returns (asked, panel items, summary)."""
        # Blank the summary of an earlier check so that only a new result
        # counts (two checks can print the same counts and timings).
        if doc in getattr(self, "checked", []):
            panel_dialog(doc, "ScrqmResultsPanel", seconds=20).getControl("Summary").getModel().Text = ""
        xdotool("key", "--clearmodifiers", "ctrl+alt+shift+c")
        window = xui.window_of("^Case register$", 8 if answer is not None else 4)
        if window and answer is not None:
            # No window manager on Xvfb: focus the dialog and click into its
            # field as a user would.
            xdotool("windowfocus", "--sync", window)
            xdotool("mousemove", "--window", window, "150", "67", "click", "1")
            time.sleep(0.3)
            if answer:
                xdotool("type", "--delay", "20", answer)
                xdotool("key", "Return")
            else:
                xdotool("key", "Escape")
        deadline = time.time() + 60
        summary = None
        while time.time() < deadline:
            try:
                dialog = panel_dialog(doc, "ScrqmResultsPanel", seconds=2)
                summary = dialog.getControl("Summary").getModel().Text
                if "checked in" in summary:
                    self.checked = getattr(self, "checked", []) + [doc]
                    items = list(dialog.getControl("Findings").getModel().StringItemList)
                    return window is not None, items, summary
            except Exception as e:  # the panel is not there yet
                summary = "(no panel: %s)" % e
            time.sleep(0.5)
        self.fail("no check result; dialog %s; summary %r" % (window, summary))

    def test_asked_once_per_session_then_found(self):
        doc = self.new_session_with_document()
        asked, items, summary = self.check(doc, PASSPHRASE)
        self.assertTrue(asked, "the first check of a session asks")
        self.assertTrue(any("case register" in i for i in items), items)
        self.assertNotIn("locked", summary)
        asked, items, summary = self.check(doc, None)
        self.assertFalse(asked, "asked once per session")
        self.assertTrue(any("case register" in i for i in items), items)

    def test_declined_is_locked_and_not_asked_again(self):
        doc = self.new_session_with_document()
        asked, items, summary = self.check(doc, "")
        self.assertTrue(asked)
        self.assertIn('Note: the register of case "default" is locked', summary)
        self.assertFalse(any("case register" in i for i in items), items)
        asked, items, summary = self.check(doc, None)
        self.assertFalse(asked, "not asked again after Not now")
        self.assertIn("is locked", summary)


if __name__ == "__main__":
    unittest.main()
