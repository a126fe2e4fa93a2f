"""The .oxt in a real LibreOffice: what the Extension Manager shows, lazy
loading, clean removal, and the macro API's catalogue and error answers."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from office import EXTENSION_ID, OXT, SAMPLE, SOFFICE, Office, OfficeTest, named
import uno

HERE = os.path.dirname(os.path.abspath(__file__))


class ExtensionLifecycle(unittest.TestCase):
    def test_manager_shows_metadata_and_removal_is_clean(self):
        o = Office(OXT)
        try:
            ours = [p for p in o.deployed() if p.Identifier.Value == EXTENSION_ID]
            self.assertEqual(len(ours), 1)
            p = ours[0]
            self.assertRegex(p.getVersion(), r"^\d+\.\d+\.\d+$")
            self.assertEqual(p.getDisplayName(), "scrqm: Serious Case Review quality markers")
            self.assertIn("Quality Markers", p.getDescription())
            self.assertEqual(p.getPublisherInfo().First, "The scrqm project")
            self.assertTrue(p.getIcon(False), "the extension has an icon")
            self.assertIsNotNone(o.assistant())

            o.remove()
            self.assertEqual([p for p in o.deployed() if p.Identifier.Value == EXTENSION_ID], [])
            self.assertIsNone(o.assistant(), "the service is gone after removal")
        finally:
            o.close()

    def test_nothing_loads_until_asked(self):
        profile = tempfile.mkdtemp(prefix="scrqm-lazy-")
        try:
            first = Office(OXT, profile_dir=profile)
            first.close()
            # A new start on the same profile: nothing of scrqm is loaded at
            # start-up. (Opening a Writer document loads the library so that
            # the protocol handler can answer the menu and toolbar command
            # state; that runs no check.)
            o = Office(profile_dir=profile)
            try:
                ours = lambda: [l for l in o.loaded_libraries() if l.endswith("libscrqm.so")]
                self.assertEqual(ours(), [], "libscrqm.so loaded at start-up")
                doc = o.load(SAMPLE)
                answer = json.loads(o.assistant().execute(named(Action="outline", Document=doc)))
                self.assertGreater(len(answer["sections"]), 5)
                self.assertTrue(ours(), "loaded once asked")
                doc.close(True)
            finally:
                o.close()
        finally:
            import shutil
            shutil.rmtree(profile, ignore_errors=True)


class MacroApi(OfficeTest):
    def test_catalogue(self):
        cat = self.call(Action="catalogue")
        self.assertEqual(cat["framework"]["id"], "scr-qm-2016")
        self.assertEqual([m["id"] for m in cat["markers"]], ["QM%d" % i for i in range(1, 19)])
        self.assertEqual(len(cat["markers"][12]["questions"]), 11)
        self.assertEqual(sum(len(m["questions"]) for m in cat["markers"]), 107)

    def test_errors_are_json_not_exceptions(self):
        self.assertIn("missing Action", self.call()["error"])
        self.assertIn("unknown Action", self.call(Action="frobnicate")["error"])
        self.assertIn("not a document model", self.call(Action="outline", Document="x")["error"])
        self.assertEqual(self.call(Action="catalogue", Framework="nope")["error"],
                         'unknown framework "nope" (available: sar-qm-2022, scr-qm-2016)')
        self.assertIn("not a document model",
                      self.call(Action="outline", Document=self.office.desktop)["error"])

    def test_current_document_is_the_default(self):
        doc = self.office.load(SAMPLE, hidden=False)
        try:
            answer = self.call(Action="outline")
            self.assertEqual(answer["sections"][0]["title"], "1. Introduction")
        finally:
            doc.close(True)

    def test_outline_does_not_modify_the_document(self):
        doc = self.office.load(SAMPLE)
        try:
            self.call(Action="outline", Document=doc)
            self.call(Action="model", Document=doc)
            self.assertFalse(doc.isModified())
            self.assertFalse(doc.getUndoManager().isUndoPossible())
        finally:
            doc.close(True)


class MacroApiBasicExample(unittest.TestCase):
    """Runs the macro API's Basic example (docs/macro-api.md#examples, the
    function in tests/office/example_outline.bas) in the office's own Basic,
    called through the script provider."""

    def test_basic_function_returns_the_outline(self):
        o = Office(OXT)
        try:
            with open(os.path.join(HERE, "example_outline.bas")) as f:
                source = f.read()
            libs = o.smgr.createInstanceWithContext(
                "com.sun.star.script.ApplicationScriptLibraryContainer", o.ctx)
            if not libs.hasByName("Standard"):
                libs.createLibrary("Standard")
            libs.loadLibrary("Standard")
            lib = libs.getByName("Standard")
            lib.insertByName("ScrqmExample", source)
            doc = o.load(SAMPLE)
            try:
                factory = o.smgr.createInstanceWithContext(
                    "com.sun.star.script.provider.MasterScriptProviderFactory", o.ctx)
                provider = factory.createScriptProvider("")
                script = provider.getScript("vnd.sun.star.script:Standard.ScrqmExample.ScrqmCall"
                                            "?language=Basic&location=application")
                result, _, _ = script.invoke(("outline", doc), (), ())
                answer = json.loads(result)
                self.assertEqual(answer["sections"][0]["title"], "1. Introduction")
                self.assertEqual(answer["summary"]["sections"], len(answer["sections"]))
            finally:
                doc.close(True)
        finally:
            o.close()


class MacroApiPythonExample(unittest.TestCase):
    """Runs tests/office/example_outline.py, the script docs/macro-api.md
    shows, the way a new user would: against an office listening on a socket."""

    def test_example_prints_the_outline(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        profile = tempfile.mkdtemp(prefix="scrqm-example-")
        # Install the extension as a user would: into this profile, then start.
        Office(OXT, profile_dir=profile).close()
        proc = subprocess.Popen(
            [SOFFICE, "--headless", "--norestore", "--nologo",
             "--accept=socket,host=127.0.0.1,port=%d;urp;" % port,
             "-env:UserInstallation=" + uno.systemPathToFileUrl(profile) + "/profile"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            out = None
            for _ in range(100):
                r = subprocess.run([sys.executable, os.path.join(HERE, "example_outline.py"),
                                    os.path.abspath(SAMPLE), str(port)],
                                   capture_output=True, text=True)
                if r.returncode == 0:
                    out = r.stdout
                    break
                time.sleep(0.2)
            self.assertIsNotNone(out, r.stderr)
            self.assertIn("  1. Introduction\n", out)
            self.assertIn("    Finding 1:", out)
        finally:
            import os as _os
            import signal
            import shutil
            try:
                _os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
