#!/usr/bin/python3
"""Build the published-style corpora from their hand-written, marked-up sources.

    build.py [--check]

Sources: src/dev/*.txt and src/heldout/*.txt, one paragraph per line, with
inline labels:

    {{category:text}}   an identifier that MUST be reported
                        (category as in ../README.md: name, date_of_birth, ...)
    [[sub:text]]        text that must NOT be an error; `sub` is one of SUBKINDS
                        below and gives the label's fixed `kind` and its `why`
    #auto sub: A | B    (a whole line) label every further whole-word,
                        case-sensitive occurrence of A and B in this document
                        that is not inside a marked span, as [[sub:...]]
    #...                any other line starting with '#' is a comment

Output: dev/ and heldout/, each with the plain .txt files (markup removed)
and labels.json in the format of ../README.md, plus a "files" list and, on
negatives, "kind" (one of KINDS) and "why".  A negative may carry "accept":
finding categories that are right on it (an eponymous syndrome is a health
condition, not a name), which the evaluator neither counts as false nor as
flagged.  Deterministic: same sources -> byte-identical output.  --check
builds into memory and exits 1 if the committed output differs.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ("dev", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11")

KINDS = ("public-person", "acronym", "pseudonym", "org-contact", "looks-like-name", "agency", "citation")

# sub -> (kind, why, accept)
SUBKINDS = {
    "author": ("public-person", "report author or lead reviewer", ()),
    "chair": ("public-person", "independent chair or board chair", ()),
    "panel": ("public-person", "review panel member", ()),
    "minister": ("public-person", "minister", ()),
    "signatory": ("public-person", "letter signatory or addressee", ()),
    "quoted": ("public-person", "person quoted in an official role", ()),
    "researcher": ("public-person", "researcher named in the text", ()),
    "acronym": ("acronym", "acronym or initialism", ()),
    "redacted": ("acronym", "redaction marker", ()),
    "pseudonym": ("pseudonym", "the review's pseudonym", ()),
    "helpline": ("org-contact", "organisation's helpline or switchboard", ()),
    "office": ("org-contact", "organisation's office address", ()),
    "orgmail": ("org-contact", "organisation's e-mail or web address", ()),
    "eponym": ("looks-like-name", "eponymous condition", ("health", "disability")),
    "heading": ("looks-like-name", "heading or title phrase", ()),
    "furniture": ("looks-like-name", "page furniture", ()),
    "team": ("looks-like-name", "team, operation or programme name", ()),
    "term": ("looks-like-name", "capitalised term", ()),
    "agency": ("agency", "agency, board or partnership", ()),
    "citation": ("citation", "citation of research, guidance or law", ()),
}

CATEGORIES = ("name", "professional_name", "date", "date_of_birth", "age", "address", "postcode",
              "postcode_district", "place", "institution", "phone", "email", "url", "social_handle",
              "nhs_number", "ni_number", "reference_number", "vehicle_registration", "health",
              "disability", "ethnicity", "nationality", "religion", "language", "immigration")

MARK = re.compile(r"\{\{([a-z_]+):(.+?)\}\}|\[\[([a-z-]+):(.+?)\]\]")


def parse_line(src, where):
    """-> (plain text, [(start, end, text, category or None, sub or None)])"""
    out, spans, pos = [], [], 0
    n = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        n += len(src[pos:m.start()])
        if m.group(1):
            cat, text, sub = m.group(1), m.group(2), None
            if cat not in CATEGORIES:
                raise SystemExit("%s: unknown category %r" % (where, cat))
        else:
            cat, text, sub = None, m.group(4), m.group(3)
            if sub not in SUBKINDS:
                raise SystemExit("%s: unknown negative sub-kind %r" % (where, sub))
        spans.append((n, n + len(text), text, cat, sub))
        out.append(text)
        n += len(text)
        pos = m.end()
    out.append(src[pos:])
    plain = "".join(out)
    for tok in ("{{", "}}", "[[", "]]"):
        if tok in plain:
            raise SystemExit("%s: stray %r" % (where, tok))
    return plain, spans


def build_doc(path, name):
    lines, items, autos = [], [], []
    with open(path, encoding="utf-8") as f:
        raw = f.read().split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    for k, src in enumerate(raw):
        where = "%s:%d" % (path, k + 1)
        if src.startswith("#"):
            m = re.match(r"#auto ([a-z-]+):(.*)$", src)
            if m:
                if m.group(1) not in SUBKINDS:
                    raise SystemExit("%s: unknown negative sub-kind %r" % (where, m.group(1)))
                for term in m.group(2).split("|"):
                    if term.strip():
                        autos.append((m.group(1), term.strip()))
            continue
        if not src.strip():
            raise SystemExit("%s: empty line (one paragraph per line, no blank lines)" % where)
        if src != src.strip():
            raise SystemExit("%s: leading or trailing white space" % where)
        plain, spans = parse_line(src, where)
        line = len(lines)
        lines.append(plain)
        taken = [(s, e) for s, e, _, _, _ in spans]
        for sub, term in autos:
            for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", plain):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                spans.append((m.start(), m.end(), term, None, sub))
                taken.append((m.start(), m.end()))
        for s, e, text, cat, sub in sorted(spans):
            assert plain[s:e] == text
            it = {"file": name, "line": line, "start": s, "end": e, "text": text}
            if cat:
                it["category"] = cat
            else:
                kind, why, accept = SUBKINDS[sub]
                it["category"] = "negative"
                it["kind"] = kind
                it["why"] = why
                if accept:
                    it["accept"] = list(accept)
            items.append(it)
    # spans of one line must not overlap
    by_line = {}
    for it in items:
        by_line.setdefault(it["line"], []).append((it["start"], it["end"]))
    for ln, sp in by_line.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if a[1] > b[0]:
                raise SystemExit("%s: overlapping labels on line %d" % (path, ln))
    return "\n".join(lines) + "\n", items


def build_split(split):
    sdir = os.path.join(HERE, "src", split)
    names = sorted(f for f in os.listdir(sdir) if f.endswith(".txt"))
    files, items = {}, []
    for n in names:
        text, its = build_doc(os.path.join(sdir, n), n)
        files[n] = text
        items.extend(its)
    labels = {"corpus": "published-style, hand-written (" + split + ")", "files": names, "items": items}
    files["labels.json"] = json.dumps(labels, ensure_ascii=False, indent=1) + "\n"
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed output")
    args = ap.parse_args()
    differ = False
    for split in SPLITS:
        files = build_split(split)
        odir = os.path.join(HERE, split)
        os.makedirs(odir, exist_ok=True)
        old = {f for f in os.listdir(odir) if f.endswith(".txt") or f == "labels.json"}
        for stale in sorted(old - set(files)):
            differ = True
            if not args.check:
                os.remove(os.path.join(odir, stale))
        for n, text in sorted(files.items()):
            p = os.path.join(odir, n)
            cur = None
            if os.path.exists(p):
                with open(p, encoding="utf-8") as f:
                    cur = f.read()
            if cur != text:
                differ = True
                if not args.check:
                    with open(p, "w", encoding="utf-8", newline="\n") as f:
                        f.write(text)
        items = json.loads(files["labels.json"])["items"]
        neg = [i for i in items if i["category"] == "negative"]
        words = sum(len(t.split()) for n, t in files.items() if n.endswith(".txt"))
        sys.stderr.write("%s: %d documents, %d words, %d labels (%d to report, %d negatives)\n" % (
            split, len(files) - 1, words, len(items), len(items) - len(neg), len(neg)))
    if args.check and differ:
        sys.stderr.write("build.py --check: the committed output differs from the sources\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
