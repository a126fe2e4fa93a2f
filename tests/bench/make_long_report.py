#!/usr/bin/env python3
"""Writes a long .docx made of the bundled sample's text, repeated: each copy
is one chapter whose headings keep their levels. Default: about 150,000
words, about 300 pages. No office needed (a minimal WordprocessingML
package, headings as outline levels).

   make_long_report.py OUT.docx [--words 150000]"""
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--words", type=int, default=150000)
    a = ap.parse_args()
    paras = sample_paragraphs()
    body, words, chapter = [], 0, 0
    while words < a.words:
        chapter += 1
        body.append(paragraph(1, "Chapter %d" % chapter))
        for level, text in paras:
            body.append(paragraph(min(level + 1, 9) if level else 0, text))
            words += len(text.split())
            if words >= a.words:
                break
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>%s</w:body></w:document>" % "".join(body))
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   "</Relationships>")
        z.writestr("word/document.xml", doc)
    print("%s: %d words, %d chapters, %d paragraphs" % (a.out, words, chapter, len(body)))


if __name__ == "__main__":
    main()
