"""The toolbar command vnd.scrqm:NextFinding, dispatched in a real
LibreOffice the way the toolbar button does: it selects the next finding
after the cursor, again and again, without modifying the document."""
import unittest

from office import OXT, SAMPLE, Office


class NextFindingCommand(unittest.TestCase):
    def test_dispatch_selects_successive_findings(self):
        o = Office(OXT)
        try:
            doc = o.load(SAMPLE, hidden=False)
            controller = doc.getCurrentController()
            frame = controller.getFrame()
            controller.getViewCursor().gotoStart(False)
            seen = []
            for _ in range(3):
                o.dispatch(frame, "vnd.scrqm:NextFinding")
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
