#!/usr/bin/env python3
"""The .deb as a user gets it: `cpack -G DEB` in the build folder, the package
extracted with `dpkg-deb -x` into a temporary directory (nothing is installed
on this machine), then from there:

- its control fields: depends on libreoffice-writer;
- the command line runs: `scrqm --version` shows PROJECT_VERSION, the same
  version as the extension's description.xml (unpacked where LibreOffice
  looks for bundled extensions, so every user's Writer has it);
- a check of a .txt finds an identifier, with the data of the installed
  layout (share/scrqm/data): without that data the same check fails, so it
  did not fall back to the source tree;
- `cmake --install --prefix DIR` gives the same layout, and its scrqm checks.

   deb_test.py --build BUILD_DIR --version X.Y.Z"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=600, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--version", required=True)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="scrqm-deb-")
    failures = []

    def expect(ok, what):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures.append(what)

    try:
        out = os.path.join(tmp, "out")
        p = run(["cpack", "-G", "DEB", "-B", out], cwd=a.build)
        debs = glob.glob(os.path.join(out, "*.deb"))
        expect(p.returncode == 0 and len(debs) == 1,
               "cpack -G DEB made one .deb (%s)" % (p.stderr.strip()[-300:] or "ok"))
        if not debs:
            return 1
        deb = debs[0]
        depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
        expect("libreoffice-writer" in depends, "Depends names libreoffice-writer: " + depends.strip())
        version = run(["dpkg-deb", "-f", deb, "Version"]).stdout.strip()
        expect(version == a.version, "package version %s is %s" % (version, a.version))
        root = os.path.join(tmp, "root")
        p = run(["dpkg-deb", "-x", deb, root])
        expect(p.returncode == 0, "dpkg-deb -x")
        scrqm = os.path.join(root, "usr", "bin", "scrqm")
        print("       %s: %.1f MB" % (os.path.basename(deb), os.path.getsize(deb) / 1e6))
        expect(os.access(scrqm, os.X_OK), "usr/bin/scrqm is there")
        p = run([scrqm, "--version"])
        expect(p.returncode == 0 and p.stdout.strip() == "scrqm " + a.version,
               "scrqm --version says %r" % p.stdout.strip())
        ext = os.path.join(root, "usr", "lib", "libreoffice", "share", "extensions", "scrqm")
        desc = os.path.join(ext, "description.xml")
        shown = ""
        if os.path.exists(desc):
            m = re.search(r'<version value="([^"]*)"', open(desc, encoding="utf-8").read())
            shown = m.group(1) if m else ""
        expect(shown == a.version, "the bundled extension's description.xml says %r" % shown)
        for part in ("libscrqm.so", "META-INF/manifest.xml", "data/anonymisation.json"):
            expect(os.path.exists(os.path.join(ext, part)), "the extension has " + part)
        expect(os.path.exists(os.path.join(root, "usr", "share", "scrqm", "scrqm.oxt")),
               "usr/share/scrqm/scrqm.oxt is there for the command line's office")
        report = os.path.join(tmp, "report.txt")
        with open(report, "w", encoding="utf-8") as f:
            f.write("1. Introduction\nThe family lived at 12 Elm Grove, Northmoor NM4 7QT.\n")
        env = {k: v for k, v in os.environ.items() if k != "SCRQM_DATA_DIR"}
        p = run([scrqm, "check", "--checks", "anonymisation", report], env=env, cwd=tmp)
        expect(p.returncode == 1 and "NM4 7QT" in p.stdout,
               "the extracted scrqm checks a .txt and finds the postcode (exit %d)" % p.returncode)
        # Take a file of the installed data away: the same check must now
        # fail naming it, so the data it used was the installed layout's.
        data = os.path.join(root, "usr", "share", "scrqm", "data")
        os.remove(os.path.join(data, "anonymisation.json"))
        p = run([scrqm, "check", "--checks", "anonymisation", report], env=env, cwd=tmp)
        said = (p.stderr.strip().splitlines() or [""])[-1]
        expect(p.returncode == 2 and "share/scrqm/data/anonymisation.json" in said,
               "without share/scrqm/data/anonymisation.json it cannot check (exit %d: %s)"
               % (p.returncode, said))
        # cmake --install into a prefix of one's own: the same layout.
        prefix = os.path.join(tmp, "prefix")
        p = run(["cmake", "--install", a.build, "--prefix", prefix])
        expect(p.returncode == 0, "cmake --install --prefix")
        p = run([os.path.join(prefix, "bin", "scrqm"), "check", "--checks", "anonymisation", report],
                env=env, cwd=tmp)
        expect(p.returncode == 1 and "NM4 7QT" in p.stdout,
               "the installed scrqm checks a .txt (exit %d)" % p.returncode)
        expect(os.path.exists(os.path.join(prefix, "share", "scrqm", "data", "anonymisation.json")),
               "cmake --install put the data in share/scrqm/data")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
