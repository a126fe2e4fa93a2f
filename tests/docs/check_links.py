#!/usr/bin/env python3
"""Checks the relative links of the project's Markdown documentation.

Scans README.md, CHANGES.md and docs/*.md (or the files given) for Markdown
links and images, [text](target) and ![alt](target), and for reference
definitions, [label]: target. For every target that is not a URL (http:,
https:, mailto: ...) it checks that the file or directory exists, relative to
the document that links to it. For an #anchor into a Markdown file (or into
the same document) it checks that the file has a heading with that
GitHub-style slug, or an explicit <a name="..."> / id="..." anchor.

Links inside fenced code blocks and inline code are ignored.

Exit status: 0 when every link resolves, 1 when one does not (each broken link
is printed as FILE:LINE: target: reason), 2 on a usage error.

    python3 tests/docs/check_links.py
    python3 tests/docs/check_links.py --allow-missing docs/rules.md
    python3 tests/docs/check_links.py --root /path/to/repo docs/cli.md

--allow-missing PATH (repeatable, relative to the root) accepts links to PATH
while it does not exist yet, for a generated document; anchors into it are not
checked then. Standard library only.
"""
import argparse
import glob
import os
import re
import sys
import urllib.parse

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
ATX = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# [text](target "title") or ![alt](target); the text may hold one level of
# brackets, e.g. [![badge](img)](link) or [a [b] c](x).
LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]"
    r"\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HTML_ANCHOR = re.compile(r"""<a\s[^>]*?(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
HTML_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.I)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def strip_inline_code(line):
    """Replaces inline code spans with spaces (same length, so columns stay)."""
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


def markdown_lines(text):
    """Yields (line number, line, in_code) for each line of a Markdown text."""
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            yield number, line, True
            continue
        if fence is not None:
            if m and m.group(1).startswith(fence):
                fence = None
            yield number, line, True
            continue
        yield number, line, False


def slug(heading):
    """GitHub's anchor for a heading's text: markup dropped, lower case,
    everything but letters, digits, '_', '-' and spaces removed, spaces made
    hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links, images -> text
    text = re.sub(r"<[^>]+>", "", text)  # HTML tags
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors_of(path, cache={}):
    """The set of anchors a Markdown file defines."""
    if path in cache:
        return cache[path]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found, seen = set(), {}
    previous = None
    for _, line, in_code in markdown_lines(text):
        if in_code:
            previous = None
            continue
        heading = None
        m = ATX.match(line)
        if m:
            heading = m.group(2)
        elif previous and previous.strip() and SETEXT.match(line) and not ATX.match(previous):
            # "Title\n=====" or "Title\n-----" (not a list item or a table rule)
            if not re.match(r"^\s*([-*+]\s|\|)", previous):
                heading = previous.strip()
        if heading is not None:
            base = slug(heading)
            n = seen.get(base, 0)
            found.add(base if n == 0 else "%s-%d" % (base, n))
            seen[base] = n + 1
        for a in HTML_ANCHOR.findall(line) + HTML_ID.findall(line):
            found.add(a)
        previous = line
    cache[path] = found
    return found


def links_of(text):
    """Yields (line number, target) for each link outside code."""
    for number, line, in_code in markdown_lines(text):
        if in_code:
            continue
        line = strip_inline_code(line)
        for m in LINK.finditer(line):
            yield number, m.group(1)
        m = REFDEF.match(line)
        if m:
            yield number, m.group(1)


def check_file(doc, root, allow_missing):
    """Returns the problems of one document's links, as printable lines."""
    problems = []
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    shown = os.path.relpath(doc, root)
    for number, raw in links_of(text):
        target = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
        if not target or SCHEME.match(target) or target.startswith("//"):
            continue  # a URL (http:, https:, mailto: ...), not a local file
        path_part, _, anchor = target.partition("#")
        path_part = urllib.parse.unquote(path_part.split("?", 1)[0])
        anchor = urllib.parse.unquote(anchor)
        if path_part:
            if path_part.startswith("/"):
                resolved = os.path.normpath(os.path.join(root, path_part.lstrip("/")))
            else:
                resolved = os.path.normpath(os.path.join(os.path.dirname(doc), path_part))
        else:
            resolved = doc  # "#anchor": this document
        where = "%s:%d: %s" % (shown, number, raw)
        if not os.path.exists(resolved):
            if os.path.relpath(resolved, root) in allow_missing:
                continue
            problems.append("%s: no such file %s" % (where, os.path.relpath(resolved, root)))
            continue
        if anchor and resolved.endswith(".md") and os.path.isfile(resolved):
            if anchor not in anchors_of(resolved) and anchor.lower() not in anchors_of(resolved):
                problems.append("%s: no heading #%s in %s"
                                % (where, anchor, os.path.relpath(resolved, root)))
    return problems


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Check the relative links of the Markdown docs.")
    ap.add_argument("files", nargs="*",
                    help="documents to check (default: README.md, CHANGES.md, docs/*.md)")
    ap.add_argument("--root", default=os.path.normpath(os.path.join(here, "..", "..")),
                    help="the repository root (default: two levels above this script)")
    ap.add_argument("--allow-missing", action="append", default=[], metavar="PATH",
                    help="accept links to PATH (relative to the root) while it does not exist")
    a = ap.parse_args(argv)
    root = os.path.abspath(a.root)
    allow_missing = {os.path.normpath(p) for p in a.allow_missing}
    if a.files:
        docs = [os.path.abspath(p) for p in a.files]
    else:
        docs = [os.path.join(root, "README.md"), os.path.join(root, "CHANGES.md")]
        docs += sorted(glob.glob(os.path.join(root, "docs", "*.md")))
        docs = [d for d in docs if os.path.isfile(d)]
    missing = [d for d in docs if not os.path.isfile(d)]
    if missing:
        sys.stderr.write("check_links: no such document: %s\n" % ", ".join(missing))
        return 2
    problems = []
    for doc in docs:
        problems += check_file(doc, root, allow_missing)
    for p in problems:
        print(p)
    if problems:
        print("check_links: %d broken link(s) in %d document(s)" % (len(problems), len(docs)))
        return 1
    print("check_links: every relative link in %d document(s) resolves" % len(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
