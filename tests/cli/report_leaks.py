#!/usr/bin/env python3
"""The exported report of the bundled sample (HTML and JSON) never holds a
detected identifier or a register value in clear.

   report_leaks.py --scrqm build/scrqm

Runs `scrqm check` on the sample three times: --format json
--show-identifiers gives every finding's text in clear (the oracle), then
--format html and --format json (masked). Every anonymisation finding's text
and every register value is searched in both reports, case-insensitively,
as a plain substring of the raw file and of its HTML-unescaped text. A
jigsaw finding's text (a whole paragraph) must never appear whole either.
jigsaw-section (a section title) and pseudonym-* (a pseudonym) findings are
not identifiers and are left out; identifiers inside them are checked by
their own findings."""
import argparse
import html
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = "addin/data/sample/sample-scr-report.docx"
REGISTER = "tests/fixtures/register/sample-register.json"
ALLOW = "addin/data/sample/sample-scr-report.allow.txt"


def run(scrqm, fmt, extra, tmpdir):
    out = os.path.join(tmpdir, "report." + fmt)
    p = subprocess.run([scrqm, "check", "--format", fmt, "--output", out, "--register", REGISTER,
                        "--allow-file", ALLOW] + extra + [SAMPLE], cwd=ROOT, capture_output=True,
                       text=True, timeout=300, env=dict(os.environ, TMPDIR=tmpdir))
    if p.returncode != 1:
        sys.exit("scrqm exit %d, expected 1 (the sample has errors): %s" % (p.returncode, p.stderr))
    with open(out, encoding="utf-8") as f:
        text = f.read()
    os.remove(out)
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scrqm", required=True)
    scrqm = os.path.abspath(ap.parse_args().scrqm)
    with tempfile.TemporaryDirectory(prefix="scrqm-leaks-") as tmpdir:
        clear = json.loads(run(scrqm, "json", ["--show-identifiers"], tmpdir))
        reports = {"html": run(scrqm, "html", [], tmpdir), "json": run(scrqm, "json", [], tmpdir)}
    findings = [f for f in clear["findings"] if f["check"].startswith("anonymisation.")
                and f["check"] != "anonymisation.jigsaw-section"
                and not f["check"].startswith("anonymisation.pseudonym")]
    with open(os.path.join(ROOT, REGISTER), encoding="utf-8") as f:
        register = [e["real"] for e in json.load(f)["entries"]]
    secrets = sorted({f["text"] for f in findings} | set(register))
    if len(findings) < 20:
        sys.exit("only %d anonymisation findings on the sample: the oracle is broken" % len(findings))
    failures = []
    for name, raw in reports.items():
        texts = [raw.lower(), html.unescape(raw).lower()]
        if name == "json":
            texts.append(json.dumps(json.loads(raw), ensure_ascii=False).lower())
        for secret in secrets:
            if any(secret.lower() in t for t in texts):
                failures.append("%s report holds %r in clear" % (name, secret))
    for f in failures:
        print("FAIL " + f)
    print("%d identifiers and register values checked against the HTML and JSON reports"
          % len(secrets))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
