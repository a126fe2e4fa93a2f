#!/usr/bin/env python3
"""Golden tests for the scrqm command line: output, stderr and exit code of
each case, compared with tests/cli/golden/<case>.golden.

   run_golden.py --scrqm build/scrqm            run every case
   run_golden.py --scrqm build/scrqm --update   rewrite the golden files
   run_golden.py --scrqm build/scrqm --only NAME

Office cases also assert that no LibreOffice process and no temporary
profile is left behind."""
import argparse
import difflib
import glob
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN = os.path.join(ROOT, "tests", "cli", "golden")
SAMPLE = "addin/data/sample/sample-scr-report.docx"
BROKEN = "tests/fixtures/broken/"
REPORT = "tests/fixtures/report/"
TAGGED = "tests/fixtures/office/"

# name, arguments, extra environment
CASES = [
    ("help", ["--help"], {}),
    ("no-command", [], {}),
    ("version", ["--version"], {}),
    ("markers-text", ["markers"], {}),
    ("markers-json", ["markers", "--format", "json"], {}),
    ("unknown-framework", ["markers", "--framework", "nope"], {}),
    ("markers-sar-json", ["markers", "--framework", "sar-qm-2022", "--format", "json"], {}),
    ("markers-sar-text", ["markers", "--framework", "sar-qm-2022"], {}),
    ("outline-md-text", ["outline", "tests/fixtures/text/report.md"], {}),
    ("outline-md-json", ["outline", "--format=json", "tests/fixtures/text/report.md"], {}),
    ("outline-txt-text", ["outline", "tests/fixtures/text/report.txt"], {}),
    ("outline-two-files-json", ["outline", "--format", "json", "tests/fixtures/text/report.txt",
                                "tests/fixtures/text/report.md"], {}),
    ("outline-no-file", ["outline"], {}),
    ("bad-format", ["outline", "--format", "xml", "x.md"], {}),
    ("unknown-option", ["outline", "--frobnicate", "x.md"], {}),
    ("unknown-command", ["frobnicate"], {}),
    ("missing-file", ["outline", "tests/fixtures/text/nope.txt"], {}),
    ("unsupported-type", ["outline", "README.pdf"], {}),
    ("empty-docx", ["outline", BROKEN + "empty.docx"], {}),
    ("not-a-docx", ["outline", BROKEN + "not-a-document.docx"], {}),
    ("some-good-some-bad", ["outline", "tests/fixtures/text/report.md",
                            "tests/fixtures/text/nope.md"], {}),
    ("check-clean-txt", ["check", "tests/fixtures/text/clean.txt"], {}),
    ("check-txt-text", ["check", "--checks", "anonymisation", "tests/fixtures/text/identifiers.txt"], {}),
    ("check-txt-json", ["check", "--format", "json", "tests/fixtures/text/identifiers.txt"], {}),
    ("check-allow-deny", ["check", "--allow", "Liam Carter", "--deny", "Elm", "tests/fixtures/text/identifiers.txt"], {}),
    # A published-style cover and panel list: its public parties are info,
    # each with its reason, never errors; --deny makes one an error again.
    ("check-public-parties", ["check", "--checks", "anonymisation",
                              "tests/corpus/published/dev/d08-sar-josh-cover-panel.txt"], {}),
    ("check-public-parties-deny", ["check", "--checks", "anonymisation", "--deny", "Michael Tennant",
                                   "tests/corpus/published/dev/d08-sar-josh-cover-panel.txt"], {}),
    ("check-register-csv", ["check", "--register", "tests/fixtures/register/sample-register.csv",
                            "tests/fixtures/text/identifiers.txt"], {}),
    ("check-register-missing", ["check", "--register", "nope.csv", "tests/fixtures/text/clean.txt"], {}),
    ("check-unknown-check", ["check", "--checks", "frobnicate", "tests/fixtures/text/clean.txt"], {}),
    ("check-missing-file", ["check", "tests/fixtures/text/clean.txt", "nope.txt"], {}),
    ("check-hidden-txt", ["check", "--checks", "hidden", "tests/fixtures/text/clean.txt"], {}),
    ("check-unknown-profile", ["check", "--profile", "nope", "tests/fixtures/text/clean.txt"], {}),
    ("check-structure-language-md", ["check", "--checks", "structure,language",
                                     "tests/fixtures/text/report.md"], {}),
    # Kinds of review: detected from the cover, or chosen with --profile.
    ("check-kind-sar-md", ["check", "--checks", "structure",
                           "tests/fixtures/text/sar-report.md"], {}),
    ("check-kind-lcspr-json", ["check", "--checks", "structure", "--format", "json",
                               "tests/fixtures/text/lcspr-report.md"], {}),
    ("check-kind-profile-override", ["check", "--checks", "structure", "--profile", "scr-report",
                                     "tests/fixtures/text/lcspr-report.md"], {}),
    # Reports: masked JSON and HTML, exit codes with them, options.
    ("check-txt-html", ["check", "--format", "html", "tests/fixtures/text/identifiers.txt"], {}),
    ("check-clean-html", ["check", "--format=html", "tests/fixtures/text/clean.txt"], {}),
    ("check-html-missing-file", ["check", "--format", "html", "tests/fixtures/text/clean.txt",
                                 "nope.txt"], {}),
    ("check-json-show-identifiers", ["check", "--format", "json", "--show-identifiers",
                                     "tests/fixtures/text/identifiers.txt"], {}),
    ("check-json-register-two-files", ["check", "--format", "json", "--register",
                                       "tests/fixtures/register/sample-register.csv",
                                       "tests/fixtures/text/identifiers.txt",
                                       "tests/fixtures/text/clean.txt"], {}),
    ("check-txt-jobs-progress", ["check", "--jobs", "2", "--progress", "tests/fixtures/text/clean.txt",
                                 "tests/fixtures/text/identifiers.txt", "nope.md",
                                 "tests/fixtures/text/report.md"], {}),
    ("bad-jobs", ["check", "--jobs", "0", "tests/fixtures/text/clean.txt"], {}),
    ("html-not-for-outline", ["outline", "--format", "html", "tests/fixtures/text/report.md"], {}),
    ("show-identifiers-not-for-html", ["check", "--format", "html", "--show-identifiers",
                                       "tests/fixtures/text/clean.txt"], {}),
    # Office cases: a real headless LibreOffice is started.
    ("office-report-structure-odt", ["check", "--checks", "structure", REPORT + "structure.odt"], {}),
    ("office-report-language-docx", ["check", "--checks", "language", REPORT + "language.docx"], {}),
    ("office-report-hidden-docx", ["check", "--checks", "hidden", REPORT + "hidden.docx"], {}),
    ("office-report-hidden-odt-json", ["check", "--checks", "hidden", "--format", "json",
                                      REPORT + "hidden.odt"], {}),
    ("office-report-clean", ["check", "--checks", "structure,language,hidden", REPORT + "clean.odt",
                             REPORT + "clean.docx"], {}),
    ("office-report-board-profile", ["check", "--checks", "structure", "--profile",
                                     REPORT + "board-profile.json", REPORT + "structure.odt"], {}),
    ("office-sample-report-checks", ["check", "--checks", "structure,language,hidden", SAMPLE], {}),
    ("office-check-sample", ["check", "--allow-file", "addin/data/sample/sample-scr-report.allow.txt",
                             SAMPLE], {}),
    ("office-check-register-json", ["check", "--register", "tests/fixtures/register/sample-register.json",
                                    "--allow-file", "addin/data/sample/sample-scr-report.allow.txt",
                                    "--format", "json", SAMPLE], {}),
    ("office-sample-text", ["outline", SAMPLE], {}),
    ("office-sample-json", ["outline", "--format", "json", SAMPLE], {}),
    ("office-corrupted-docx", ["outline", BROKEN + "corrupted.docx"], {}),
    ("office-truncated-docx", ["outline", BROKEN + "truncated.docx"], {}),
    ("office-password-odt", ["outline", BROKEN + "password.odt"], {}),
    ("office-password-doc", ["outline", BROKEN + "password.doc"], {}),
    ("office-mixed-batch", ["outline", BROKEN + "corrupted.docx", "tests/fixtures/text/report.md",
                            SAMPLE], {}),
    ("office-missing", ["outline", SAMPLE], {"SCRQM_SOFFICE": "/nonexistent/soffice"}),
    # Templates: {out} is a fresh directory; the golden lists the files written there.
    ("template-unknown-name", ["template", "minutes", "-o", "{out}/x.odt"], {}),
    ("template-no-output", ["template", "board-response"], {}),
    ("template-bad-output", ["template", "board-response", "-o", "{out}/x.pdf"], {}),
    ("office-template-tor-odt", ["template", "terms-of-reference", "-o", "{out}/tor.odt"], {}),
    ("office-template-response-from-sample", ["template", "board-response", "--from", SAMPLE,
                                              "-o", "{out}/response.docx"], {}),
    ("office-template-response-json", ["template", "board-response", "--format", "json",
                                       "--from", "addin/data/sample/sample-scr-report.fodt",
                                       "-o", "{out}/response.odt"], {}),
    ("office-template-from-missing", ["template", "board-response", "--from", "nope.docx",
                                      "-o", "{out}/response.odt"], {}),
    ("office-template-from-text", ["template", "board-response", "--from",
                                   "tests/fixtures/text/report.md", "-o", "{out}/response.odt"], {}),
    # Tags, suggestions and coverage (tests/fixtures/office/make_tagged.py).
    ("coverage-md-text", ["coverage", "tests/fixtures/text/report.md"], {}),
    ("coverage-no-file", ["coverage"], {}),
    ("office-coverage-sample", ["coverage", SAMPLE], {}),
    ("office-outline-tagged-docx", ["outline", TAGGED + "tagged.docx"], {}),
    ("office-coverage-tagged-odt", ["coverage", TAGGED + "tagged.odt"], {}),
    ("office-coverage-tagged-json", ["coverage", "--format", "json", TAGGED + "tagged.docx"], {}),
    ("office-check-sample-html", ["check", "--format", "html", "--register",
                                  "tests/fixtures/register/sample-register.json",
                                  "--allow-file", "addin/data/sample/sample-scr-report.allow.txt",
                                  SAMPLE], {}),
    # Batch: two offices; output in the order given, one stderr line per bad file.
    ("office-batch-jobs2", ["check", "--jobs", "2", "--progress", "--allow-file",
                            "addin/data/sample/sample-scr-report.allow.txt", SAMPLE,
                            BROKEN + "corrupted.docx", "tests/fixtures/text/report.md",
                            "tests/fixtures/office/parts.fodt", BROKEN + "password.odt", SAMPLE], {}),
    ("office-batch-jobs2-json", ["check", "--jobs", "2", "--format", "json", "--allow-file",
                                 "addin/data/sample/sample-scr-report.allow.txt",
                                 "tests/fixtures/office/parts.fodt", BROKEN + "truncated.docx",
                                 SAMPLE], {}),
]


def office_processes(tmpdir):
    """soffice processes whose profile lives in tmpdir."""
    out = subprocess.run(["pgrep", "-af", "soffice"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if tmpdir in line]


def run_case(scrqm, name, args, env_extra, tmpdir):
    env = dict(os.environ, TMPDIR=tmpdir, LC_ALL="C.UTF-8", **env_extra)
    env.pop("SCRQM_DATA_DIR", None)
    with tempfile.TemporaryDirectory(prefix="scrqm-golden-out-") as out:
        run_args = [a.replace("{out}", out) for a in args]
        p = subprocess.run([scrqm] + run_args, cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=180)
        written = sorted(os.listdir(out))
        shown = " ".join(["scrqm"] + args)
        got = "$ %s\n[exit %d]\n--- stdout\n%s--- stderr\n%s" % (
            shown, p.returncode, p.stdout.replace(out, "{out}"), p.stderr.replace(out, "{out}"))
        if any("{out}" in a for a in args):
            got += "--- files written\n" + "".join("%s\n" % f for f in written)
    return got


def check_clean(tmpdir, name):
    # A killed process finishes the system call it is in: give the offices a
    # moment to be gone before calling anything left a leak.
    deadline = time.time() + 5
    while (office_processes(tmpdir) or os.listdir(tmpdir)) and time.time() < deadline:
        time.sleep(0.1)
    left = office_processes(tmpdir)
    files = os.listdir(tmpdir)
    problems = []
    if left:
        problems.append("%s: LibreOffice left running: %s" % (name, left))
    if files:
        problems.append("%s: temporary files left: %s" % (name, files))
    return problems


def interrupt_case(scrqm, tmpdir, jobs):
    """Ctrl-C while the offices are starting (--jobs 1: one office; --jobs 2:
    once both run): exit 130, nothing left behind."""
    env = dict(os.environ, TMPDIR=tmpdir)
    # Enough files that the run outlasts the polling below on a loaded
    # machine (two took under a second, and the offices were missed).
    p = subprocess.Popen([scrqm, "check", "--jobs", str(jobs)] + [SAMPLE] * 12, cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    name = "interrupt --jobs %d" % jobs
    deadline = time.time() + 60

    def profiles():
        return len([d for d in os.listdir(tmpdir) if d.startswith("scrqm-")])

    while (profiles() < jobs or not office_processes(tmpdir)) and time.time() < deadline \
            and p.poll() is None:
        time.sleep(0.05)
    if not office_processes(tmpdir) or profiles() < jobs:
        # SIGTERM, not SIGKILL: a killed scrqm cannot stop its offices, and
        # they would write into tmpdir while it is being removed.
        p.terminate()
        out, err = p.communicate()
        return ["%s: the offices were not seen running (%d profiles, exit %s, stderr %r)"
                % (name, profiles(), p.returncode, err[-300:])]
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    problems = []
    if p.returncode != 130:
        problems.append("%s: exit %d, expected 130 (stderr: %s)" % (name, p.returncode, err))
    if "interrupted" not in err:
        problems.append("%s: no message on stderr: %r" % (name, err))
    time.sleep(0.5)
    return problems + check_clean(tmpdir, name)


def template_case(scrqm):
    """The cached profile template is shared, never written: a running
    session's profile hard-links the unpacked extension's files and copies
    the rest; a profile kept for debugging (SCRQM_KEEP_PROFILE) is all
    copies; and sessions, one whose office writes its profile as it stops
    among them, leave the template as it was."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="scrqm-golden-") as tmp:
        cache, tmpdir = os.path.join(tmp, "cache"), os.path.join(tmp, "t")
        os.mkdir(tmpdir)
        env = dict(os.environ, TMPDIR=tmpdir, XDG_CACHE_HOME=cache)

        def run(extra, files=1):
            p = subprocess.run([scrqm, "check"] + [SAMPLE] * files, cwd=ROOT,
                               env=dict(env, **extra), capture_output=True, text=True, timeout=180)
            if p.returncode not in (0, 1):
                problems.append("template: scrqm check failed (exit %d): %s"
                                % (p.returncode, p.stderr[-300:]))

        def snapshot(root):
            files = {}
            for d, _, names in os.walk(root):
                for n in names:
                    path = os.path.join(d, n)
                    with open(path, "rb") as f:
                        files[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
            return files

        def shared(profile, rel):
            mine = os.path.join(profile, rel)
            return os.path.exists(mine) and \
                os.stat(mine).st_ino == os.stat(os.path.join(template, rel)).st_ino

        run({})  # builds the template
        templates = glob.glob(os.path.join(cache, "scrqm", "profile-*/"))
        if len(templates) != 1:
            return problems + ["template: expected one template, found %r" % templates]
        template = templates[0]
        before = snapshot(template)
        if not any(rel.endswith(".oxt/libscrqm.so") for rel in before):
            problems.append("template: no unpacked extension in %s" % template)

        # A live session, looked at once soffice.bin runs (the copy is done
        # before the office starts; soffice.bin comes after the launcher).
        p = subprocess.Popen([scrqm, "check"] + [SAMPLE] * 12, cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        running = False
        while not running and p.poll() is None and time.time() < deadline:
            running = any("soffice.bin" in line for line in office_processes(tmpdir))
            time.sleep(0.01)
        live = glob.glob(os.path.join(tmpdir, "scrqm-*", "profile"))
        if len(live) != 1 or not running:
            problems.append("template: no running session seen (%r, exit %s)" % (live, p.poll()))
        else:
            linked = copied = 0
            for rel in before:
                if not os.path.exists(os.path.join(live[0], rel)):
                    continue
                in_extension = any(part.endswith(".oxt") for part in rel.split("/")[:-1])
                if shared(live[0], rel) != in_extension:
                    problems.append("template: %s is %s" % (
                        rel, "the template's own file" if not in_extension else "a copy, not a link"))
                linked += in_extension
                copied += not in_extension
            if linked == 0 or copied == 0:
                problems.append("template: %d files linked and %d copied" % (linked, copied))
        p.communicate(timeout=180)

        run({"SCRQM_KEEP_PROFILE": "1"})  # the office writes its profile as it stops
        kept = glob.glob(os.path.join(tmpdir, "scrqm-*", "profile"))
        if len(kept) != 1:
            problems.append("template: expected one kept profile, found %r" % kept)
        else:
            links = [rel for rel in before if shared(kept[0], rel)]
            if links:
                problems.append("template: a kept profile links %s" % links[:5])
        after = snapshot(template)
        if after != before:
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            problems.append("template: changed by a session: %s" % changed[:10])
        shutil.rmtree(tmpdir, ignore_errors=True)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scrqm", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--no-office", action="store_true", help="skip cases that need LibreOffice")
    a = ap.parse_args()
    scrqm = os.path.abspath(a.scrqm)
    failures = []
    for name, args, env in CASES:
        if a.only and name != a.only:
            continue
        if a.no_office and name.startswith("office-"):
            continue
        with tempfile.TemporaryDirectory(prefix="scrqm-golden-") as tmpdir:
            got = run_case(scrqm, name, args, env, tmpdir)
            failures += check_clean(tmpdir, name)
        path = os.path.join(GOLDEN, name + ".golden")
        if a.update:
            with open(path, "w") as f:
                f.write(got)
            continue
        want = open(path).read() if os.path.exists(path) else "(no golden file)\n"
        if got != want:
            diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                "golden/" + name, "actual"))
            failures.append("%s differs:\n%s" % (name, diff))
        else:
            print("ok  %s" % name)
    if not a.no_office and not a.only and not a.update:
        for jobs in (1, 2):
            # A fast machine can finish before the offices are seen: retry.
            for _ in range(3):
                # A leak is reported by check_clean, not as a failed removal.
                with tempfile.TemporaryDirectory(prefix="scrqm-golden-",
                                                 ignore_cleanup_errors=True) as tmpdir:
                    problems = interrupt_case(scrqm, tmpdir, jobs)
                if not any("were not seen running" in x for x in problems):
                    break
            failures += problems
            if not problems:
                print("ok  interrupt --jobs %d" % jobs)
        problems = template_case(scrqm)
        failures += problems
        if not problems:
            print("ok  template linked, copied, never written")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
