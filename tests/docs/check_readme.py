#!/usr/bin/env python3
"""Checks that README.md stays a page a user reads (issue 13): at most 12 KB,
the quick start its first section, and the quick start exactly two commands
(one shell block, two lines that are not comments). The rest belongs in
docs/ (docs.links checks that the links resolve).

    python3 tests/docs/check_readme.py [--root DIR] [--max-bytes 12288]

Exit status: 0 when it holds, 1 with one line per problem, 2 on a usage error.
Standard library only."""
import argparse
import os
import re
import sys


def problems_of(text, size, max_bytes):
    out = []
    if size > max_bytes:
        out.append("README.md is %d bytes, more than %d: move the detail to docs/"
                   % (size, max_bytes))
    sections = re.findall(r"(?m)^## (.+?)\s*$", text)
    if not sections or sections[0].strip().lower() != "quick start":
        out.append("the first section is %r, not 'Quick start'"
                   % (sections[0] if sections else None))
        return out
    body = re.split(r"(?m)^## ", text.split("\n## Quick start", 1)[1], 1)[0]
    blocks = re.findall(r"(?ms)^```(?:sh|bash|console)?\s*\n(.*?)^```", body)
    if not blocks:
        out.append("the quick start has no command block")
        return out
    commands = [line for line in blocks[0].splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    if len(commands) != 2:
        out.append("the quick start's first block has %d commands, not 2: %s"
                   % (len(commands), commands))
    return out


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Check README.md's size and quick start.")
    ap.add_argument("--root", default=os.path.normpath(os.path.join(here, "..", "..")))
    ap.add_argument("--max-bytes", type=int, default=12 * 1024)
    a = ap.parse_args(argv)
    path = os.path.join(a.root, "README.md")
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.stderr.write("check_readme: %s\n" % e)
        return 2
    problems = problems_of(data.decode("utf-8"), len(data), a.max_bytes)
    for p in problems:
        print("check_readme: " + p)
    if not problems:
        print("check_readme: README.md is %d bytes (at most %d), quick start first, two commands"
              % (len(data), a.max_bytes))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
