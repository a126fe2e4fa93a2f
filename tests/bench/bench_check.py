#!/usr/bin/env python3
"""Benchmarks of `scrqm check` on office documents (prints figures; not a test).

  (a) a generated 300-page .docx (about 150,000 words of the sample's text):
      `scrqm check` against `soffice --headless --convert-to txt` of the same
      file, each starting its own office, as the user runs them. soffice gets a
      fresh profile each time; scrqm copies its cached profile template (the
      extension installed once per .oxt). The one run that builds that cache
      is printed apart. Target: scrqm <= 1.2x soffice.
  (b) a batch of 50 reports (copies of the bundled 7-page sample) with --jobs 2
      against --jobs 1. Target: >= 1.7x faster.
  (c) the same with 50 reports of 20 to 60 pages, the length of real SCRs: with
      files as small as (b)'s, the offices' start dominates both runs.

   /usr/bin/python3 tests/bench/bench_check.py --scrqm build/scrqm [--runs 3] [--only a|b|c]

Each figure is the median of --runs runs. The machine's load is printed too,
before each run as well: other processes compete for the same cores. The
benchmark keeps scrqm's profile cache in its own temporary directory."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.docx")
ALLOW = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.allow.txt")


def timed(cmd, env=None):
    t = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.monotonic() - t
    if p.returncode not in (0, 1):
        sys.exit("%s failed (exit %d): %s" % (cmd[0], p.returncode, p.stderr.decode()[-500:]))
    return elapsed


def soffice_path():
    return os.environ.get("SCRQM_SOFFICE") or "/usr/lib/libreoffice/program/soffice"


def load():
    return "%.2f" % os.getloadavg()[0]


def scrqm_env(tmp):
    return dict(os.environ, TMPDIR=tmp, XDG_CACHE_HOME=os.path.join(tmp, "cache"))


def bench_long(scrqm, runs, tmp):
    docx = os.path.join(tmp, "long-report.docx")
    made = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "bench", "make_long_report.py"),
                           docx, "--words", "150000"], check=True, capture_output=True, text=True)
    paragraphs = int(re.search(r"(\d+) paragraphs", made.stdout).group(1))
    size = os.path.getsize(docx)
    conv, check, loads = [], [], []
    cold = None
    if not os.path.isdir(os.path.join(tmp, "cache", "scrqm")):
        cold = timed([scrqm, "check", docx], env=scrqm_env(tmp))
    for i in range(runs):
        profile = os.path.join(tmp, "profile-%d" % i)
        out = os.path.join(tmp, "txt-%d" % i)
        loads.append(load())
        conv.append(timed([soffice_path(), "--headless", "--norestore", "--nolockcheck",
                           "-env:UserInstallation=file://" + profile, "--convert-to", "txt",
                           "--outdir", out, docx]))
        shutil.rmtree(profile, ignore_errors=True)
        check.append(timed([scrqm, "check", docx], env=scrqm_env(tmp)))
    words = 0
    with open(os.path.join(tmp, "txt-0", "long-report.txt"), encoding="utf-8", errors="replace") as f:
        words = len(f.read().split())
    c, s = statistics.median(conv), statistics.median(check)
    print("(a) 300-page report: %d words, %d paragraphs, %d KB .docx, %d runs (median)"
          % (words, paragraphs, size // 1024, runs))
    print("    soffice --convert-to txt  %6.2f s   (runs: %s)" % (c, ", ".join("%.2f" % x for x in conv)))
    print("    scrqm check               %6.2f s   (runs: %s)" % (s, ", ".join("%.2f" % x for x in check)))
    print("    ratio                     %6.2fx  (target <= 1.2x)" % (s / c))
    print("    load average before each run: %s" % ", ".join(loads))
    if cold is not None:
        print("    scrqm check, first run    %6.2f s   (builds the profile cache; once per .oxt)"
              % cold)


def make_batch(tmp, count, realistic):
    """The sample copied `count` times, or (realistic) `count` reports of
    20 to 60 pages (10,000 to 30,000 words), the length of published SCRs."""
    files = []
    for i in range(count):
        path = os.path.join(tmp, "%s-%02d.docx" % ("long" if realistic else "report", i))
        if realistic:
            words = 10000 + (i * 7919) % 20001
            subprocess.run([sys.executable, os.path.join(ROOT, "tests", "bench", "make_long_report.py"),
                            path, "--words", str(words)], check=True, capture_output=True)
        else:
            shutil.copyfile(SAMPLE, path)
        files.append(path)
    return files


def bench_batch(scrqm, runs, tmp, count=50, realistic=False):
    files = make_batch(tmp, count, realistic)
    times = {1: [], 2: []}
    loads = []
    if not os.path.isdir(os.path.join(tmp, "cache", "scrqm")):
        timed([scrqm, "check", files[0]], env=scrqm_env(tmp))  # builds the profile cache
    for _ in range(runs):
        for jobs in (1, 2):
            loads.append(load())
            times[jobs].append(timed([scrqm, "check", "--jobs", str(jobs), "--allow-file", ALLOW]
                                     + files, env=scrqm_env(tmp)))
    one, two = statistics.median(times[1]), statistics.median(times[2])
    if realistic:
        print("(c) batch of %d reports of 20 to 60 pages (10,000 to 30,000 words), %d runs (median)"
              % (count, runs))
    else:
        print("(b) batch of %d reports (the sample, %d paragraphs each), %d runs (median)"
              % (count, 112, runs))
    print("    --jobs 1                  %6.2f s   (runs: %s)" % (one, ", ".join("%.2f" % x for x in times[1])))
    print("    --jobs 2                  %6.2f s   (runs: %s)" % (two, ", ".join("%.2f" % x for x in times[2])))
    print("    speed-up                  %6.2fx  (target >= 1.7x)" % (one / two))
    print("    load average before each run: %s" % ", ".join(loads))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scrqm", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=["a", "b", "c"])
    a = ap.parse_args()
    scrqm = os.path.abspath(a.scrqm)
    print("machine: %d cores, load average before: %s" % (os.cpu_count(),
          " ".join("%.2f" % x for x in os.getloadavg())))
    with tempfile.TemporaryDirectory(prefix="scrqm-bench-") as tmp:
        if a.only in (None, "a"):
            bench_long(scrqm, a.runs, tmp)
        if a.only in (None, "b"):
            bench_batch(scrqm, a.runs, tmp)
        if a.only in (None, "c"):
            bench_batch(scrqm, a.runs, tmp, realistic=True)
    print("load average after: %s" % " ".join("%.2f" % x for x in os.getloadavg()))


if __name__ == "__main__":
    main()
