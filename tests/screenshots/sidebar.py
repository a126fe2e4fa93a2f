#!/usr/bin/env python3
"""Regenerates docs/images/sidebar.png: the Quality Markers deck on the bundled
sample report, in a real LibreOffice under Xvfb (X11 'gen' plugin, fresh
profile, tip of the day off). Run with Debian's python3-uno:

   /usr/bin/python3 tests/screenshots/sidebar.py [--oxt build/scrqm.oxt] [--out docs/images/sidebar.png]

It tags three sections of a copy of the sample (the original is not touched),
answers a question of QM12, puts the cursor in "6. Parallel processes" through
the Sections panel, selects QM12 in the Markers panel,
and takes the screenshot with ImageMagick's `import -window root`.

--scene sar (docs/images/sidebar-sar.png): a generated Safeguarding Adults
Review: the kind of review and the 15 SAR Quality Markers by stage.
--scene unstyled (docs/images/sidebar-inferred-outline.png): a generated report
whose headings are bold Normal text: the inferred outline and the "Apply
heading styles" button (the Markers panel collapsed)."""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "office"))
from office import _Env, named, props, start_office  # noqa: E402
import unstyled_reports as reports  # noqa: E402

SOFFICE = os.environ.get("SCRQM_SOFFICE", "/usr/lib/libreoffice/program/soffice")
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="LastTimeDonateShown" oor:op="fuse"><value>9999999999</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="LastTimeGetInvolvedShown" oor:op="fuse"><value>9999999999</value></prop></item>
</oor:items>
"""


def shoot_generated(args, smgr, ctx, display, width, height):
    """A generated report of the scene's kind in a new window, the deck open."""
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                       props(Hidden=False))
    if args.scene == "sar":
        reports.write(doc, reports.kind_reports()["sar-report"], "styled")
    else:
        reports.write(doc, reports.fixtures.CLEAN, "bold")
    doc.setModified(False)
    frame = doc.getCurrentController().getFrame()
    frame.getContainerWindow().setPosSize(0, 0, width, height, 15)
    helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    helper.executeDispatch(frame, "vnd.scrqm:QualityMarkers", "", 0, ())
    time.sleep(1)
    panels = doc.getCurrentController().getSidebar().getDecks().getByName(
        "ScrqmQualityMarkersDeck").getPanels()
    if args.scene == "sar":
        markers = panels.getByName("ScrqmMarkersPanel").getDialog()
        rows = list(markers.getControl("Markers").getModel().StringItemList)
        markers.getControl("Markers").selectItemPos(
            next(i for i, r in enumerate(rows) if "QM11 " in r), True)
    else:
        panels.getByName("ScrqmMarkersPanel").collapse()
        sections = panels.getByName("ScrqmSectionsPanel")
        sections.expand(False)
    time.sleep(2)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    subprocess.run(["import", "-display", display, "-window", "root", args.out], check=True)
    print("wrote", args.out)
    try:
        doc.close(True)
        desktop.terminate()
    except Exception:
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", default=os.path.join(ROOT, "build", "scrqm.oxt"))
    ap.add_argument("--scene", choices=("sample", "sar", "unstyled"), default="sample")
    ap.add_argument("--out")
    ap.add_argument("--size", default="1600x1000")
    args = ap.parse_args()
    if not args.out:
        args.out = os.path.join(ROOT, "docs", "images", {
            "sample": "sidebar.png", "sar": "sidebar-sar.png",
            "unstyled": "sidebar-inferred-outline.png"}[args.scene])
    width, height = (int(x) for x in args.size.split("x"))

    tmp = tempfile.mkdtemp(prefix="scrqm-shot-")
    display = ":%d" % (90 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "%sx24" % args.size, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    office = None
    try:
        os.makedirs(os.path.join(tmp, "profile", "user"))
        with open(os.path.join(tmp, "profile", "user", "registrymodifications.xcu"), "w") as f:
            f.write(REGISTRY)
        env = dict(os.environ, DISPLAY=display, SAL_USE_VCLPLUGIN="gen", HOME=tmp)
        def start():
            return start_office(os.path.join(tmp, "profile"), "scrqmshot_" + uuid.uuid4().hex,
                                visible_env=env)

        time.sleep(1)
        office, ctx = start()
        manager = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        manager.addExtension(uno.systemPathToFileUrl(os.path.abspath(args.oxt)),
                             named(SUPPRESS_LICENSE="1"), "user", None, _Env())
        # Restart, as LibreOffice asks after an install: until then the
        # extension's component runs in a helper process.
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                         ctx).terminate()
        except Exception:
            pass
        office.wait(timeout=30)
        office, ctx = start()
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        if args.scene != "sample":
            shoot_generated(args, smgr, ctx, display, width, height)
            return
        copy = os.path.join(tmp, "sample-scr-report.docx")
        shutil.copy(os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx"), copy)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(copy), "_blank", 0,
                                           props(Hidden=False))
        frame = doc.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, width, height, 15)
        assistant = smgr.createInstanceWithContext("org.scrqm.ReviewAssistant", ctx)
        for section, markers in (("4. Family involvement", "QM12,QM4"),
                                 ("5. Practitioner involvement", "QM11"),
                                 ("8. Analysis", "QM13")):
            assistant.execute(named(Document=doc, Action="tag", Section=section, Markers=markers))
        assistant.execute(named(Document=doc, Action="question", Marker="QM12", Question="1",
                                State="answered", Note="Mother and grandmother met"))
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        helper.executeDispatch(frame, "vnd.scrqm:QualityMarkers", "", 0, ())
        time.sleep(1)
        deck = doc.getCurrentController().getSidebar().getDecks().getByName(
            "ScrqmQualityMarkersDeck")
        # The cursor to "6. Parallel processes" through the Sections panel;
        # the panel then follows the cursor.
        sections = deck.getPanels().getByName("ScrqmSectionsPanel").getDialog()
        headings = list(sections.getControl("Headings").getModel().StringItemList)
        sections.getControl("Headings").selectItemPos(headings.index("6. Parallel processes"), True)
        helper.executeDispatch(frame, "vnd.scrqm:Panel.GotoHeading", "", 0, ())
        markers = deck.getPanels().getByName("ScrqmMarkersPanel").getDialog()
        rows = list(markers.getControl("Markers").getModel().StringItemList)
        markers.getControl("Markers").selectItemPos(
            next(i for i, r in enumerate(rows) if "QM12 " in r), True)
        time.sleep(2)  # the debounced refresh
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        subprocess.run(["import", "-display", display, "-window", "root", args.out], check=True)
        print("wrote", args.out)
        try:
            doc.close(True)
            desktop.terminate()
        except Exception:
            pass
    finally:
        if office is not None:
            try:
                office.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(office.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            office.wait()
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
