"""The case register's passphrase in Writer, as a user meets it: a visible
LibreOffice on a virtual display (Xvfb), keys typed with xdotool. In a new
session the Pre-publication check (Ctrl+Alt+Shift+C) asks for the passphrase
once in a small dialog; given, the register's names are found, and the next
check does not ask again. Declined ("Not now", Escape), the panel says the
register is locked above the counts, and it is not asked again either."""
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import office
from office import Office, named

HERE = os.path.dirname(os.path.abspath(__file__))
OXT = os.environ.get("SCRQM_OXT", os.path.join(HERE, "..", "..", "build", "scrqm.oxt"))
DISPLAY = ":%d" % (70 + os.getpid() % 20)
PASSPHRASE = "dialog test passphrase"
REGISTER = [{"real": "Liam Carter", "pseudonym": "Child A", "kind": "name"}]
TIP_OFF = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def xdotool(*args):
    return subprocess.run(["xdotool"] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=dict(os.environ))


def dialog_window(seconds):
    """The passphrase dialog's window id, or None after `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = xdotool("search", "--name", "^Case register$").stdout.split()
        if found:
            return found[-1]
        time.sleep(0.3)
    return None


class PassphraseDialog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="scrqm-dialog-")
        os.makedirs(os.path.join(cls.tmp, "profile", "user"))
        with open(os.path.join(cls.tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
            f.write(TIP_OFF)
        cls.xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        cls.env = {k: os.environ.get(k) for k in ("DISPLAY", "SAL_USE_VCLPLUGIN")}
        os.environ["DISPLAY"] = DISPLAY
        os.environ["SAL_USE_VCLPLUGIN"] = "gen"
        cls.real_popen = office.subprocess.Popen

        def gui_popen(args, **kw):
            if args and args[0] == office.SOFFICE:
                args = [a for a in args if a not in ("--headless", "--invisible")]
            return cls.real_popen(args, **kw)

        office.subprocess.Popen = gui_popen
        cls.office = Office(OXT, profile_dir=cls.tmp)
        out = json.loads(cls.office.assistant().execute(
            named(Action="register-set", Register=json.dumps(REGISTER), Passphrase=PASSPHRASE)))
        assert "error" not in out, out

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        office.subprocess.Popen = cls.real_popen
        cls.xvfb.terminate()
        cls.xvfb.wait()
        for k, v in cls.env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def new_session_with_document(self):
        """A restart: the passphrase given by register-set is forgotten."""
        self.office._stop()
        self.office._start()
        doc = self.office.new_writer(hidden=False)
        doc.getText().setString("1. Introduction\nLiam Carter was seen at school.")
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1600, 1000, 15)
        frame.getContainerWindow().setFocus()
        time.sleep(2)
        return doc

    def check(self, doc, answer):
        """Ctrl+Alt+Shift+C; `answer` the dialog (a passphrase, "" for Not
        now) or expect none (None). Returns (asked, panel items, summary)."""
        before = getattr(self, "last_summary", "")
        xdotool("key", "--clearmodifiers", "ctrl+alt+shift+c")
        window = dialog_window(8 if answer is not None else 4)
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
        while time.time() < deadline:
            try:
                deck = doc.getCurrentController().getSidebar().getDecks().getByName(
                    "ScrqmPrepublicationDeck")
                dialog = deck.getPanels().getByName("ScrqmResultsPanel").getDialog()
                summary = dialog.getControl("Summary").getModel().Text
                if "checked in" in summary and summary != before:
                    self.last_summary = summary
                    items = list(dialog.getControl("Findings").getModel().StringItemList)
                    return window is not None, items, summary
            except Exception:
                pass
            time.sleep(0.5)
        self.fail("no check result; dialog %s" % window)

    def test_asked_once_per_session_then_found(self):
        doc = self.new_session_with_document()
        asked, items, summary = self.check(doc, PASSPHRASE)
        self.assertTrue(asked, "the first check of a session asks")
        self.assertTrue(any("case register" in i for i in items), items)
        self.assertNotIn("locked", summary)
        asked, items, summary = self.check(doc, None)
        self.assertFalse(asked, "asked once per session")
        self.assertTrue(any("case register" in i for i in items), items)
        doc.close(True)

    def test_declined_is_locked_and_not_asked_again(self):
        doc = self.new_session_with_document()
        asked, items, summary = self.check(doc, "")
        self.assertTrue(asked)
        self.assertIn('Note: the register of case "default" is locked', summary)
        self.assertFalse(any("case register" in i for i in items), items)
        asked, items, summary = self.check(doc, None)
        self.assertFalse(asked, "not asked again after Not now")
        self.assertIn("is locked", summary)
        doc.close(True)


if __name__ == "__main__":
    unittest.main()
