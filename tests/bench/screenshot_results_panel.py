"""Screenshot of the results panel on the bundled sample (not a test): a
real LibreOffice on a virtual X display (Xvfb), a fresh profile with the
tip of the day off, the built extension installed, the pre-publication check
dispatched, then the screen saved as a PNG to look at.

Run: /usr/bin/python3 tests/bench/screenshot_results_panel.py OUT.png [build/scrqm.oxt] [DISPLAY]
"""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
import xui  # noqa: E402
from office import SAMPLE  # noqa: E402
from xui import TIP_OFF  # noqa: E402,F401  (tests/office/test_fix_ui.py reads it here)



def main():
    out = os.path.abspath(sys.argv[1])
    oxt = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "build", "scrqm.oxt")
    display = sys.argv[3] if len(sys.argv) > 3 else None  # a free one
    with xui.Screen(display, prefix="scrqm-shot-") as screen:
        o = screen.office(oxt)
        doc, frame = screen.show(o, SAMPLE)
        time.sleep(1)
        o.dispatch(frame, "vnd.scrqm:CheckAll")
        time.sleep(2)
        print("saved", screen.shot(out))
        doc.close(True)


if __name__ == "__main__":
    main()
