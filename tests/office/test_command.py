"""The toolbar command vnd.scrqm:NextFinding, dispatched in a real
LibreOffice the way the toolbar button does: it selects the next finding
after the cursor, again and again, without modifying the document."""
import os
import unittest

from office import Office, props

OXT = os.environ.get("SCRQM_OXT", os.path.join("..", "..", "build", "scrqm.oxt"))
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "addin", "data", "sample", "sample-scr-report.docx")


class NextFindingCommand(unittest.TestCase):
    def test_dispatch_selects_successive_findings(self):
        o = Office(OXT)
        try:
            doc = o.load(SAMPLE, hidden=False)
            controller = doc.getCurrentController()
            frame = controller.getFrame()
            controller.getViewCursor().gotoStart(False)
            helper = o.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", o.ctx)
            seen = []
            for _ in range(3):
                helper.executeDispatch(frame, "vnd.scrqm:NextFinding", "", 0, ())
                selection = controller.getSelection().getByIndex(0)
                seen.append(selection.getString())
            self.assertTrue(all(seen), seen)
            self.assertEqual(len(set(seen)), 3, "each dispatch moves on: %s" % seen)
            # The first identifier in the sample's body is its first date.
            body = doc.getText().getString()
            self.assertLess(body.find(seen[0]), body.find(seen[1]) if seen[1] in body else 10**9)
            self.assertFalse(doc.isModified())
            doc.close(True)
        finally:
            o.close()


if __name__ == "__main__":
    unittest.main()
