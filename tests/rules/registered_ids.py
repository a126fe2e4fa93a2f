#!/usr/bin/python3
"""Every finding any check produces has a registered rule id.

Runs `scrqm check --format json` (all checks, with the sample's case register
so that register findings occur) on the bundled sample, every readable test
fixture and a generated long report, and asserts that each finding's `check`
is listed by `scrqm rules --format json`, that the finding's category is its
rule's, and that every fix kind it carries is one its rule offers.

    registered_ids.py --scrqm build/scrqm [--no-office]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scrqm", required=True)
    ap.add_argument("--no-office", action="store_true")
    a = ap.parse_args()
    rules = {r["id"]: r for r in json.loads(subprocess.check_output([a.scrqm, "rules", "--format", "json"]))}
    files = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/text/*")))
    files += sorted(glob.glob(os.path.join(ROOT, "tests/corpus/generated/report-*.txt")))[:5]
    files += sorted(glob.glob(os.path.join(ROOT, "tests/corpus/published/*/*.txt")))[:10]
    tmp = tempfile.mkdtemp(prefix="scrqm-ids-")
    if not a.no_office:
        files.append(os.path.join(ROOT, "addin/data/sample/sample-scr-report.docx"))
        for d in ("office", "report"):
            files += sorted(f for f in glob.glob(os.path.join(ROOT, "tests/fixtures", d, "*"))
                            if f.endswith((".docx", ".odt", ".fodt")))
        long_report = os.path.join(tmp, "long.docx")
        subprocess.check_call([sys.executable, os.path.join(ROOT, "tests/bench/make_long_report.py"),
                               long_report, "--words", "20000", "--notes", "8"])
        files.append(long_report)
    register = os.path.join(ROOT, "tests/fixtures/register/sample-register.json")
    p = subprocess.run([a.scrqm, "check", "--format", "json", "--register", register] + files,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    results = [json.loads(l) for l in p.stdout.decode().splitlines() if l.startswith("{")]
    bad, seen, count = [], set(), 0
    for r in results:
        for f in r.get("findings", []):
            count += 1
            rule = rules.get(f["check"])
            if rule is None:
                bad.append("%s: unregistered rule %s" % (r["file"], f["check"]))
                continue
            seen.add(f["check"])
            if f["category"] != rule["category"]:
                bad.append("%s: %s has category %s, its rule %s" % (r["file"], f["check"], f["category"], rule["category"]))
            for fix in f.get("fixes", []):
                if fix["kind"] not in rule["fixes"]:
                    bad.append("%s: %s offers %s, not among its rule's fixes" % (r["file"], f["check"], fix["kind"]))
    if len(results) < len(files) // 2 or count < 100:
        bad.append("only %d of %d files checked, %d findings (exit %d): %s"
                   % (len(results), len(files), count, p.returncode, p.stderr.decode()[-500:]))
    for b in bad:
        print(b)
    print("registered_ids: %d findings of %d rules in %d files" % (count, len(seen), len(results)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
