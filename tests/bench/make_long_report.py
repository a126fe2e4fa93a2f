#!/usr/bin/env python3
"""Writes a long .docx made of the bundled sample's text, repeated: each copy
is one chapter whose headings keep their levels. Default: about 150,000
words, about 300 pages. No office needed (a minimal WordprocessingML
package, headings as outline levels).
--notes N: as real reports have, every N-th body paragraph gets a footnote
in mid-paragraph, the next one a comment over its first words, the next a
comment at its end and the next a page-number field (N >= 4).

   make_long_report.py OUT.docx [--words 150000] [--notes N]"""
import argparse
import os
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(ROOT, "addin", "data", "sample", "sample-scr-report.fodt")
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def sample_paragraphs():
    body = ET.parse(SAMPLE).getroot().find(".//{%s}body/{%s}text" % (OFFICE, OFFICE))
    out = []
    for el in body.iter():
        if el.tag in ("{%s}p" % TEXT, "{%s}h" % TEXT):
            text = " ".join("".join(el.itertext()).split())
            if text:
                level = int(el.get("{%s}outline-level" % TEXT, "1")) if el.tag.endswith("}h") else 0
                out.append((level, text))
    return out


def paragraph(level, text):
    ppr = '<w:pPr><w:outlineLvl w:val="%d"/></w:pPr>' % (level - 1) if level else ""
    run = '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        "<w:rPr><w:b/></w:rPr>" if level else "", escape(text))
    return "<w:p>%s%s</w:p>" % (ppr, run)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run_xml(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def noted(kind, text, n):
    """A body paragraph carrying note or comment `n` (kind: footnote,
    comment-start, comment-end, field)."""
    half = text.find(" ", len(text) // 2)
    a, b = (text, "") if half < 0 else (text[:half], text[half:])
    if kind == "footnote":
        inner = (run_xml(a) + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                 '<w:footnoteReference w:id="%d"/></w:r>' % n + run_xml(b))
    elif kind == "comment-start":
        inner = ('<w:commentRangeStart w:id="%d"/>%s<w:commentRangeEnd w:id="%d"/>'
                 '<w:r><w:commentReference w:id="%d"/></w:r>%s' % (n, run_xml(a), n, n, run_xml(b)))
    elif kind == "comment-end":
        inner = run_xml(text) + '<w:r><w:commentReference w:id="%d"/></w:r>' % n
    else:
        inner = (run_xml(a + " (page ") + '<w:fldSimple w:instr=" PAGE ">%s</w:fldSimple>' %
                 run_xml("1") + run_xml(")" + b))
    return "<w:p>%s</w:p>" % inner


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--words", type=int, default=150000)
    ap.add_argument("--notes", type=int, default=0)
    a = ap.parse_args()
    paras = sample_paragraphs()
    body, words, chapter = [], 0, 0
    footnotes, comments, plain = [], [], 0
    kinds = ("footnote", "comment-start", "comment-end", "field")
    while words < a.words:
        chapter += 1
        body.append(paragraph(1, "Chapter %d" % chapter))
        for level, text in paras:
            kind = kinds[plain % a.notes] if a.notes and plain % a.notes < 4 else None
            if level or not kind:
                body.append(paragraph(min(level + 1, 9) if level else 0, text))
            elif kind == "footnote":
                footnotes.append("Source: case file %d, chapter %d." % (len(footnotes) + 1, chapter))
                body.append(noted(kind, text, len(footnotes)))
            elif kind.startswith("comment"):
                comments.append("Check this with the panel (%d)." % (len(comments) + 1))
                body.append(noted(kind, text, len(comments)))
            else:
                body.append(noted(kind, text, 0))
            plain += not level
            words += len(text.split())
            if words >= a.words:
                break
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document %s><w:body>%s</w:body></w:document>' % (W, "".join(body)))
    parts = {}
    rels = []
    if footnotes:
        parts["word/footnotes.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes %s>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            '<w:continuationSeparator/></w:r></w:p></w:footnote>%s</w:footnotes>' % (
                W, "".join('<w:footnote w:id="%d"><w:p>%s</w:p></w:footnote>' % (i + 1, run_xml(t))
                           for i, t in enumerate(footnotes))))
        rels.append(("footnotes", "application/vnd.openxmlformats-officedocument."
                     "wordprocessingml.footnotes+xml"))
    if comments:
        parts["word/comments.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments %s>%s'
            '</w:comments>' % (W, "".join(
                '<w:comment w:id="%d" w:author="Reviewer" w:date="2024-01-01T00:00:00Z" '
                'w:initials="R"><w:p>%s</w:p></w:comment>' % (i + 1, run_xml(t))
                for i, t in enumerate(comments))))
        rels.append(("comments", "application/vnd.openxmlformats-officedocument."
                     "wordprocessingml.comments+xml"))
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   + "".join('<Override PartName="/word/%s.xml" ContentType="%s"/>' % r for r in rels)
                   + "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   "</Relationships>")
        z.writestr("word/document.xml", doc)
        if rels:
            z.writestr("word/_rels/document.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       + "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s.xml"/>'
                                 % (i + 1, r[0], r[0]) for i, r in enumerate(rels))
                       + "</Relationships>")
        for name, data in parts.items():
            z.writestr(name, data)
    print("%s: %d words, %d chapters, %d paragraphs, %d footnotes, %d comments" % (
        a.out, words, chapter, len(body), len(footnotes), len(comments)))


if __name__ == "__main__":
    main()
