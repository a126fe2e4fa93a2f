#!/usr/bin/python3
"""Generate a fictional Serious Case Review (SCR) evaluation corpus for the
scrqm anonymisation check.

    generate.py --out DIR [--seed 7] [--reports 40] [--office-reports 4] [--no-office]

Writes DIR/report-NN.txt (one paragraph per line) and DIR/labels.json with
exact spans of planted identifiers and of hard negatives.  With LibreOffice
available, the first --office-reports reports are also written as .odt and
.docx carrying extra identifiers in a table, a footnote, the page header and
a comment.

Everything is fictional: names and places come from the lists in
corpus_data.py (not from the checker's lexicons), phone numbers are in Ofcom's drama ranges,
NHS numbers start with 999 (never issued), e-mail and web addresses use
example domains.  Same seed -> byte-identical output.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from corpus_data import ALLOW
from corpus_pieces import CATEGORIES, Ctx
from corpus_templates import (EPISODE_TITLES, SECTION_VARIANTS, T_ANALYSIS, T_CONCLUSION,
    T_EPISODE, T_FAMILY, T_FINDINGS, T_FINDINGS_INTRO, T_INTRO, T_METHOD, T_RECS,
    add_auto_negatives, render, template_cats)


# ---------------------------------------------------------------------------
# Report assembly
# ---------------------------------------------------------------------------

class Builder:
    def __init__(self, counts):
        self.counts = counts  # global planted counts (balancing across the corpus)

    def pick(self, ctx, pool, used, local):
        r = ctx.rng
        cands = [t for t in pool if t not in used]
        if not cands:
            cands = list(pool)
        weights = []
        for t in cands:
            w = 0.4
            for c in template_cats(t):
                n = self.counts.get(c, 0) + local.get(c, 0)
                w += 4.0 / (1.0 + n / 4.0)
            weights.append(w)
        t = r.choices(cands, weights=weights, k=1)[0]
        used.add(t)
        return t


def build_report(ctx, counts):
    r = ctx.rng
    b = Builder(counts)
    used = set()
    local = {}
    lines = []  # (text, spans)

    def heading(text):
        m = re.match(r"^(\d+(?:\.\d+)?\.?\s)(.*)$", text)
        spans = []
        if m:
            spans.append((len(m.group(1)), len(text), "negative", "heading"))
        lines.append((text, spans))

    def para(pool, n):
        spans = []
        text = ""
        for _ in range(n):
            t = b.pick(ctx, pool, used, local)
            s, sp = render(ctx, t)
            for (_, _, c, _) in sp:
                if c != "negative":
                    local[c] = local.get(c, 0) + 1
            if text:
                text += " "
            off = len(text)
            text += s
            spans += [(a + off, z + off, c, w) for (a, z, c, w) in sp]
        lines.append((text, spans))

    two = r.random() < 0.35
    lines.append(("Serious Case Review: Child A" + (" and Child B" if two else ""),
                  []))
    lines.append(("Overview report. Lead reviewer: Margaret Hollis",
                  [(len("Overview report. Lead reviewer: "), len("Overview report. Lead reviewer: Margaret Hollis"),
                    "negative", "public lead reviewer (allow-list)")]))
    numbers = iter(range(1, 100))

    def section(key, *paras):
        """The next numbered heading (a variant of `key`) and its paragraphs,
        each (pool, fewest, most sentences); its number."""
        n = next(numbers)
        heading("%d. %s" % (n, r.choice(SECTION_VARIANTS[key])))
        for pool, fewest, most in paras:
            para(pool, r.randint(fewest, most))
        return n

    section("intro", (T_INTRO, 2, 3), (T_INTRO, 2, 3))
    section("method", (T_METHOD, 2, 4))
    section("family", (T_FAMILY, 3, 4), (T_FAMILY, 2, 4))
    sec = section("events")
    neps = r.randint(2, 4)
    for i in range(neps):
        heading("%d.%d %s" % (sec, i + 1, EPISODE_TITLES[i]))
        para(T_EPISODE, r.randint(3, 4))
        if r.random() < 0.7:
            para(T_EPISODE, r.randint(2, 4))
    section("analysis", (T_ANALYSIS, 3, 5), (T_ANALYSIS, 3, 4))
    section("findings")
    para(T_FINDINGS_INTRO, 1)
    for i, t in enumerate(r.sample(T_FINDINGS, r.randint(2, 4))):
        lines.append(render(ctx, t, {"n": i + 1}))
    section("recs")
    for i, t in enumerate(r.sample(T_RECS, r.randint(2, 4))):
        lines.append(render(ctx, t, {"n": i + 1}))
    section("conclusion")
    para(T_CONCLUSION, 2)
    return [(t, add_auto_negatives(t, sp)) for (t, sp) in lines]


def word_count(lines):
    return sum(len(t.split()) for t, _ in lines)


# ---------------------------------------------------------------------------
# Office documents (Flat ODF -> .odt / .docx via LibreOffice)
# ---------------------------------------------------------------------------

def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


T_TABLE_ROWS = [
    ("{D}", "Child A seen at {INST:hospital} by {P:dr}."),
    ("{D}", "Home visit to {ADDR}, {PC}, by Social Worker 2."),
    ("{D}", "Mother called the MASH from {PHONE}."),
    ("{D}", "{N:child_full} started at {INST:nursery}."),
    ("{D}", "Strategy discussion; {P:police} attended."),
    ("{D}", "Father's car ({VRM}) stopped on {PLACE:street}."),
]
T_FOOTNOTE = ["At the time the family lived at {ADDR}, {PLACE:town} {PC}.",
              "Health records list Child A's NHS number as {NHS} and GP as {INST:gp}.",
              "The family's caseworker was {P:plain}, contactable on {PHONE:land}."]
T_HEADER = ["Serious Case Review: Child A ({N:child_full}) - confidential draft",
            "Draft for the panel - {N:family} family - {D}",
            "Confidential: Child A, born {DOB}"]
T_COMMENT = ["Remove {N:mother_full} and the email {EMAIL} before publication?",
             "Check with {P:titled} whether Mother's number {PHONE:mobile} should be removed.",
             "Is {INST:school} too identifying? The case number {REF:case} must go."]


def build_office_parts(ctx):
    """Returns dict where -> list of paragraphs (text, spans)."""
    r = ctx.rng
    header = [render(ctx, r.choice(T_HEADER))]
    table = [("Date", [(0, 4, "negative", "table heading")]), ("Agency contact", [])]
    for d, ev in r.sample(T_TABLE_ROWS, 4):
        table.append(render(ctx, d))
        table.append(render(ctx, ev))
    footnote = [render(ctx, r.choice(T_FOOTNOTE))]
    comment = [render(ctx, r.choice(T_COMMENT))]
    parts = {"header": header, "table": table, "footnote": footnote, "comment": comment}
    return {k: [(t, add_auto_negatives(t, sp)) for (t, sp) in v] for k, v in parts.items()}


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>
  <meta:creation-date>2018-01-01T00:00:00</meta:creation-date>
  <dc:date>2018-01-01T00:00:00</dc:date>
  <dc:language>en-GB</dc:language>
 </office:meta>
 <office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="GB"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-bottom="0.25cm"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
   <style:text-properties fo:font-size="16pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
   <style:text-properties fo:font-size="13pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">
   <style:text-properties fo:font-size="20pt"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Tbl1" style:family="table">
   <style:table-properties style:width="16cm" table:align="margins"/>
  </style:style>
  <style:style style:name="Tbl1.A" style:family="table-column">
   <style:table-column-properties style:column-width="8cm"/>
  </style:style>
  <style:style style:name="Tbl1.Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">%HEADER%</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
"""
FODT_TAIL = """  </office:text>
 </office:body>
</office:document>
"""


def write_fodt(path, lines, parts, table_after, footnote_at, comment_at):
    out = [FODT_HEAD.replace("%HEADER%", xesc(parts["header"][0][0]))]
    cells = parts["table"]
    for i, (t, _) in enumerate(lines):
        m = re.match(r"^\d+(\.\d+)?\.?\s", t)
        tail = ""
        if i == footnote_at:
            tail = ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                    '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                    % xesc(parts["footnote"][0][0]))
        if i == comment_at:
            tail += ('<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2018-01-01T12:00:00</dc:date>'
                     '<text:p>%s</text:p></office:annotation>' % xesc(parts["comment"][0][0]))
        if i == 0:
            out.append('   <text:p text:style-name="Title">%s%s</text:p>\n' % (xesc(t), tail))
        elif m and len(t) < 80:
            lvl = 2 if m.group(1) else 1
            out.append('   <text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s%s</text:h>\n'
                       % (lvl, lvl, xesc(t), tail))
        else:
            out.append('   <text:p text:style-name="Text_20_body">%s%s</text:p>\n' % (xesc(t), tail))
        if i == table_after:
            out.append('   <table:table table:name="Table1" table:style-name="Tbl1">\n'
                       '    <table:table-column table:style-name="Tbl1.A" table:number-columns-repeated="2"/>\n')
            for k in range(0, len(cells), 2):
                out.append("    <table:table-row>\n")
                for c in cells[k:k + 2]:
                    out.append('     <table:table-cell table:style-name="Tbl1.Cell" office:value-type="string">'
                               '<text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>\n' % xesc(c[0]))
                out.append("    </table:table-row>\n")
            out.append("   </table:table>\n")
    out.append(FODT_TAIL)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(out))


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
NORMALISE = [
    (re.compile(rb"<meta:creation-date>[^<]*</meta:creation-date>"), b"<meta:creation-date>2018-01-01T00:00:00</meta:creation-date>"),
    (re.compile(rb"<dc:date>[^<]*</dc:date>"), b"<dc:date>2018-01-01T00:00:00</dc:date>"),
    (re.compile(rb"<meta:editing-duration>[^<]*</meta:editing-duration>"), b"<meta:editing-duration>PT0S</meta:editing-duration>"),
    (re.compile(rb"<meta:generator>[^<]*</meta:generator>"), b"<meta:generator>scrqm corpus generator</meta:generator>"),
    (re.compile(rb' officeooo:(?:paragraph-)?rsid="[0-9a-fA-F]*"'), b""),
    (re.compile(rb'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)'), rb"\g<1>2018-01-01T00:00:00Z\g<3>"),
    (re.compile(rb"<TotalTime>[^<]*</TotalTime>"), b"<TotalTime>0</TotalTime>"),
    (re.compile(rb"<Application>[^<]*</Application>"), b"<Application>scrqm corpus generator</Application>"),
    (re.compile(rb' w:rsid\w*="[0-9A-Fa-f]*"'), b""),
    (re.compile(rb"<w:rsids>.*?</w:rsids>", re.S), b""),
    (re.compile(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+'), rb"\g<1>0"),
    (re.compile(rb'w:date="[^"]*"'), b'w:date="2018-01-01T12:00:00Z"'),
]


def normalise_zip(path):
    """Make a converted .odt/.docx byte-reproducible: fixed timestamps, no rsids."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for info, data in entries:
            if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                for rx, rep in NORMALISE:
                    data = rx.sub(rep, data)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, data)
    os.replace(tmp, path)


def convert(fodts, outdir, fmt):
    prof = tempfile.mkdtemp(prefix="corpusprof-%d-" % os.getpid(), dir="/tmp")
    try:
        cmd = ["soffice", "--headless", "--norestore",
               "-env:UserInstallation=file://" + prof, "--convert-to", fmt, "--outdir", outdir] + fodts
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


# ---------------------------------------------------------------------------

def items_for(fname, lineno, text, spans, where=None):
    items = []
    for (s, e, c, w) in spans:
        it = {"file": fname}
        if where is None:
            it["line"] = lineno
        else:
            it["where"] = where
            it["paragraph"] = lineno
        it.update({"start": s, "end": e, "text": text[s:e], "category": c})
        if c == "negative":
            it["why"] = w
        items.append(it)
    return items


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reports", type=int, default=40)
    ap.add_argument("--office-reports", type=int, default=4)
    ap.add_argument("--no-office", action="store_true", help="skip the .odt/.docx part")
    args = ap.parse_args()

    # template count sanity
    all_t = (T_INTRO + T_METHOD + T_FAMILY + T_EPISODE + T_ANALYSIS + T_FINDINGS_INTRO + T_FINDINGS
             + T_RECS + T_CONCLUSION)
    assert len(set(all_t)) == len(all_t) and len(all_t) >= 80, len(all_t)

    os.makedirs(args.out, exist_ok=True)
    for f in sorted(os.listdir(args.out)):
        if re.match(r"report-\d+\.(txt|odt|docx)$", f) or f == "labels.json":
            os.remove(os.path.join(args.out, f))

    master = random.Random(args.seed)
    counts = {}
    items = []
    reports = []
    for idx in range(1, args.reports + 1):
        rseed = master.randrange(1 << 30)
        for attempt in range(50):
            ctx = Ctx(random.Random(rseed * 100 + attempt), idx)
            lines = build_report(ctx, counts)
            if 600 <= word_count(lines) <= 1200:
                break
        else:
            raise SystemExit("could not build report %d within 600-1200 words" % idx)
        for _, sp in lines:
            for (_, _, c, _) in sp:
                if c != "negative":
                    counts[c] = counts.get(c, 0) + 1
        fname = "report-%02d.txt" % idx
        with open(os.path.join(args.out, fname), "w", encoding="utf-8", newline="\n") as f:
            for t, _ in lines:
                assert "\n" not in t and "\r" not in t
                f.write(t + "\n")
        for n, (t, sp) in enumerate(lines):
            items += items_for(fname, n, t, sp)
        reports.append((idx, ctx, lines))

    office_done = False
    if not args.no_office and args.office_reports > 0:
        if shutil.which("soffice") is None:
            print("warning: soffice not found; .odt/.docx part skipped", file=sys.stderr)
        else:
            tmpd = tempfile.mkdtemp(prefix="corpusfodt-", dir="/tmp")
            try:
                fodts = []
                office_items = []
                for idx, ctx, lines in reports[:args.office_reports]:
                    orng = random.Random(args.seed * 7919 + idx)
                    octx = Ctx(orng, idx)
                    # keep the report's cast so the extra parts match the body
                    for k in ("year", "child_sex", "child", "sibling", "family", "mother", "father",
                              "father_surname", "partner", "gm", "town", "pron"):
                        setattr(octx, k, getattr(ctx, k))
                    parts = build_office_parts(octx)
                    heads = [i for i, (t, _) in enumerate(lines) if re.match(r"^\d+\.\d+ ", t)]
                    body = [i for i, (t, _) in enumerate(lines) if len(t) > 120]
                    table_after = heads[0] + 1 if heads else len(lines) // 2
                    footnote_at = body[1]
                    comment_at = body[len(body) // 2]
                    base = "report-%02d" % idx
                    fp = os.path.join(tmpd, base + ".fodt")
                    write_fodt(fp, lines, parts, table_after, footnote_at, comment_at)
                    fodts.append(fp)
                    for ext in ("odt", "docx"):
                        fname = base + "." + ext
                        for n, (t, sp) in enumerate(lines):
                            office_items += items_for(fname, n, t, sp, "body")
                        for where in ("header", "table", "footnote", "comment"):
                            for n, (t, sp) in enumerate(parts[where]):
                                office_items += items_for(fname, n, t, sp, where)
                for fmt in ("odt", "docx"):
                    convert(fodts, tmpd, fmt)
                for fp in fodts:
                    base = os.path.basename(fp)[:-5]
                    for ext in ("odt", "docx"):
                        src = os.path.join(tmpd, base + "." + ext)
                        if not os.path.exists(src):
                            raise SystemExit("conversion failed: " + src)
                        dst = os.path.join(args.out, base + "." + ext)
                        shutil.move(src, dst)
                        normalise_zip(dst)
                items += office_items
                office_done = True
            finally:
                shutil.rmtree(tmpd, ignore_errors=True)

    # verify every label against the written text
    cache = {}
    for it in items:
        if "line" in it:
            if it["file"] not in cache:
                with open(os.path.join(args.out, it["file"]), encoding="utf-8") as f:
                    cache[it["file"]] = f.read().split("\n")
            line = cache[it["file"]][it["line"]]
            assert line[it["start"]:it["end"]] == it["text"], it
        assert it["text"] and it["text"] == it["text"].strip(), it

    planted = [i for i in items if i["category"] != "negative" and "line" in i]
    negs = [i for i in items if i["category"] == "negative" and "line" in i]
    per = {c: 0 for c in CATEGORIES}
    for i in planted:
        per[i["category"]] += 1

    with open(os.path.join(args.out, "labels.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write('{"allow": %s,\n "items": [\n' % json.dumps(ALLOW, ensure_ascii=False))
        f.write(",\n".join("  " + json.dumps(it, ensure_ascii=False) for it in items))
        f.write("\n]}\n")

    words = sum(word_count(l) for _, _, l in reports)
    print("%d reports, %d words (%d-%d per report), %d planted, %d negatives (txt); office: %s"
          % (len(reports), words, min(word_count(l) for _, _, l in reports),
             max(word_count(l) for _, _, l in reports), len(planted), len(negs),
             "%d reports as .odt+.docx" % args.office_reports if office_done else "skipped"))
    for c in CATEGORIES:
        print("  %-22s %4d" % (c, per[c]))
    low = [c for c, n in per.items() if n < 25]
    assert not low, "categories under 25: %s" % low
    assert len(negs) >= len(planted), (len(negs), len(planted))


if __name__ == "__main__":
    main()
