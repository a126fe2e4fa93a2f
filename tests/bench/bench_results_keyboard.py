"""Benchmark (prints figures; not a test): the pre-publication check as a
user runs it, with the shortcut Ctrl+Alt+Shift+C typed into a real
LibreOffice on a virtual display (Xvfb), so that the check runs on the
office's main thread. Prints the in-office check time the panel reports for
a generated 300-page report.

Run: /usr/bin/python3 tests/bench/bench_results_keyboard.py [build/scrqm.oxt] [DISPLAY]
"""
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
sys.path.insert(0, HERE)
import xui  # noqa: E402
from bench_results_panel import fodt, report_300_pages  # noqa: E402
from office import panel_dialog  # noqa: E402

OXT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "build", "scrqm.oxt")
DISPLAY = sys.argv[2] if len(sys.argv) > 2 else None  # a free one


def main():
    with xui.Screen(DISPLAY, prefix="scrqm-kbd-") as screen:
        path = os.path.join(screen.dir, "report-300-pages.fodt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(fodt(report_300_pages()))
        o = screen.office(OXT)
        doc, frame = screen.show(o, path)
        frame.getContainerWindow().setFocus()
        time.sleep(2)
        for run in (1, 2, 3):
            xui.xdo("key", "--clearmodifiers", "ctrl+alt+shift+c")
            deadline = time.time() + 120
            summary = ""
            while time.time() < deadline:
                try:
                    dialog = panel_dialog(doc, "ScrqmResultsPanel")
                    summary = dialog.getControl("Summary").getModel().Text
                    if "checked in" in summary and summary != getattr(main, "last", ""):
                        break
                except Exception:
                    pass
                time.sleep(1.0)  # polling less often keeps the bridge quiet
            main.last = summary
            m = re.search(r"(\d+) findings? shown.*checked in ([0-9.]+) s \(reading ([0-9.]+) s\)"
                          r", listed in ([0-9.]+) s", summary, re.S)
            if not m:
                print("run %d: no result (%r)" % (run, summary))
                continue
            print("300-page report, keyboard run %d: %s findings; check %s s (reading %s s), "
                  "list %s s; modified=%s" % (run, m.group(1), m.group(2), m.group(3),
                                              m.group(4), doc.isModified()))
            time.sleep(1)
        doc.close(True)


if __name__ == "__main__":
    main()
