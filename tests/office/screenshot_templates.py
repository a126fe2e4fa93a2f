"""Screenshots of each template inserted at the cursor of a new Writer
document, in a real (not headless) LibreOffice under Xvfb with the built .oxt.

   /usr/bin/python3 tests/office/screenshot_templates.py [--oxt build/scrqm.oxt] [--size 1400x1000]
                    [--out docs/images] [--size 1400x1000]

Writes template-terms-of-reference.png and template-board-response.png (the
board response pre-filled from the bundled sample), and template-manager.png
(File > New > Templates showing both). Needs Xvfb and
ImageMagick's `import`. A fresh profile is used and deleted afterwards."""
import json
import os
import signal
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import xui  # noqa: E402
from office import ROOT, named  # noqa: E402

# The page at 100 %, whatever the window's size.
SETTINGS = xui.registry(
    xui.setting("/org.openoffice.Office.Writer/Layout/Window", "ZoomValue", "100"))


def shoot(screen, o, a):
    os.makedirs(a.out, exist_ok=True)
    width, height = screen.width, screen.height
    desktop, assistant = o.desktop, o.assistant()
    sample = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.fodt")
    for name, extra in (("terms-of-reference", {}),
                        ("board-response", {"From": sample})):
        doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        window = doc.getCurrentController().getFrame().getContainerWindow()
        window.setPosSize(0, 0, width, height, 15)
        result = json.loads(assistant.execute(named(
            Action="insert-template", Template=name, Where="cursor", Document=doc, **extra)))
        if "error" in result:
            raise RuntimeError(result["error"])
        # Show the top of the page, or the action table for the response.
        view = doc.getCurrentController().getViewCursor()
        view.gotoStart(False)
        if name == "board-response":
            # From the end upwards, so that the action heading ends up at
            # the top of the window with the pre-filled rows below it.
            view.gotoEnd(False)
            time.sleep(1)
            bookmark = doc.getBookmarks().getByName("scrqm_S_QM16_resp05")
            view.gotoRange(bookmark.getAnchor().getStart(), False)
        time.sleep(3)
        print("wrote", screen.shot(os.path.join(a.out, "template-%s.png" % name)))
        doc.setModified(False)
        doc.close(True)
    # File > New > Templates: the Template Manager is modal, so it is
    # opened from a thread and photographed while it is up.
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
    frame = doc.getCurrentController().getFrame()
    frame.getContainerWindow().setPosSize(0, 0, width, height, 15)

    def open_template_manager():
        try:
            o.dispatch(frame, ".uno:NewDoc")
        except Exception:
            pass  # the bridge goes down with the office

    threading.Thread(target=open_template_manager, daemon=True).start()
    time.sleep(5)
    print("wrote", screen.shot(os.path.join(a.out, "template-manager.png")))
    # The office is stopped with the dialog still open: asked to
    # terminate, it would wait for the dialog.
    os.killpg(o.proc.pid, signal.SIGKILL)


if __name__ == "__main__":
    xui.screenshot(shoot, "docs/images", "1400x1000", SETTINGS)
