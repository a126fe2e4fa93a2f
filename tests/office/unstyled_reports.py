"""Reports as real ones are often written: headings as bold Normal text
(optionally larger, optionally numbered) instead of heading styles, and a
typed contents page. Generated at test time from the report fixtures'
content (tests/fixtures/report/make_report_fixtures.py), each with its styled
twin, and saved through the office as .odt and .docx."""
import os
import sys

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixtures", "report"))
import make_report_fixtures as fixtures  # noqa: E402
from office import props  # noqa: E402

BOLD, NORMAL = 150.0, 100.0
FILTERS = {"odt": "writer8", "docx": "MS Word 2007 XML"}
SIZES = {"Heading 1": 15.0, "Heading 2": 13.0}


def numbered(paragraphs):
    """Numbers the headings in the text ("3. Methodology", "8.1 Finding 1")."""
    out, h1, h2 = [], 0, 0
    for style, text in paragraphs:
        if style == "Heading 1":
            h1, h2 = h1 + 1, 0
            text = "%d. %s" % (h1, text)
        elif style == "Heading 2":
            h2 += 1
            text = "%d.%d %s" % (h1, h2, text)
        out.append((style, text))
    return out


def write(doc, paragraphs, look):
    """look: "styled" (heading styles), "bold" (bold Normal, larger for
    level 1) or "bold-same" (bold Normal at the body's size)."""
    text = doc.getText()
    cursor = text.createTextCursor()
    for i, (style, content) in enumerate(paragraphs):
        heading = style.startswith("Heading")
        if look == "styled":
            cursor.ParaStyleName = style or "Standard"
        else:
            cursor.ParaStyleName = "Standard"
        cursor.CharWeight = BOLD if heading and look != "styled" else NORMAL
        if look == "bold" and heading:
            cursor.CharHeight = SIZES[style]
        elif look != "styled":
            cursor.CharHeight = 12.0
        text.insertString(cursor, content, False)
        if i + 1 < len(paragraphs):
            text.insertControlCharacter(cursor, fixtures.PARAGRAPH_BREAK, False)


def save(office, directory, name, paragraphs, look):
    """Writes `name`.odt and `name`.docx; returns their paths."""
    doc = office.new_writer()
    try:
        write(doc, paragraphs, look)
        fixtures.clear_properties(doc)
        paths = []
        for ext, flt in FILTERS.items():
            path = os.path.join(directory, "%s.%s" % (name, ext))
            doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=flt))
            paths.append(path)
        return paths
    finally:
        doc.close(True)


def contents_page(paragraphs):
    """A title and a typed contents page in the three shapes real reports
    have, listing the report's level-1 headings and its first finding."""
    titles = [t for s, t in paragraphs if s == "Heading 1"]
    lines = [("", "Serious Case Review: Child B"), ("", "Contents")]
    for i, t in enumerate(titles):
        if i % 3 == 0:
            lines.append(("", "%s %s %d" % (t, "." * 20, i + 3)))
        elif i % 3 == 1:
            lines.append(("", "%sPage %d" % (t, i + 3)))
        else:
            lines.append(("", "%s %d-1 \u2013 %d-6 Page %d" % (t, i + 1, i + 1, i + 3)))
    finding = next(t for s, t in paragraphs if s == "Heading 2")
    lines.append(("", "%s\t%d" % (finding, 12)))
    return lines


def planted_defects():
    """name -> (paragraphs, the one structure rule it must give; None: none)."""
    f = fixtures
    order = f.INTRO + f.FAMILY + f.PRACTITIONERS + f.BACKGROUND + f.ANALYSIS + f.METHOD + \
        f.FINDINGS + f.RECOMMENDATIONS + f.GLOSSARY
    unnumbered_findings = [(s, t.split(": ", 1)[1] if t.startswith("Finding ") else t)
                           for s, t in f.FINDINGS]
    unnumbered_recs = [(s, t.split(": ", 1)[1] if t.startswith("Recommendation ") else t)
                       for s, t in f.RECOMMENDATIONS]
    tor = [(s, t + " The full terms of reference are in Appendix 2." if s == "" else t)
           for s, t in f.INTRO]
    rest = f.METHOD + f.FAMILY + f.PRACTITIONERS + f.BACKGROUND + f.ANALYSIS
    return {
        "none": (f.CLEAN, None),
        "missing-section": (f.INTRO + f.FAMILY + f.PRACTITIONERS + f.BACKGROUND + f.ANALYSIS +
                            f.FINDINGS + f.RECOMMENDATIONS + f.GLOSSARY,
                            "structure.missing-section"),
        "misordered-section": (order, "structure.section-order"),
        "unnumbered-findings": (f.INTRO + rest + unnumbered_findings + f.RECOMMENDATIONS +
                                f.GLOSSARY, "structure.findings-unidentified"),
        "unnumbered-recommendations": (f.INTRO + rest + f.FINDINGS + unnumbered_recs +
                                       f.GLOSSARY, "structure.recommendations-unnumbered"),
        "missing-appendix": (tor + rest + f.FINDINGS + f.RECOMMENDATIONS + f.GLOSSARY,
                             "structure.appendix-missing"),
    }


def kind_reports():
    """profile -> the defect-free report of each kind of review (styled
    headings): the cover names the kind, and each uses its kind's words for
    the sections and items ("Considerations for the safeguarding partners"
    numbered "1.", "Consideration 1:", the DHR's review panel and equality
    and diversity)."""
    f = fixtures
    findings = f.FINDINGS
    recs = [(s, t.replace("Recommendation ", "Consideration ")) for s, t in f.RECOMMENDATIONS]
    recs[0] = ("Heading 1", "Considerations for the Board")
    considerations = [("Heading 1", "Considerations for the safeguarding partners")] + \
        [(s, t.split(": ", 1)[1].replace("The Board", "The safeguarding partners")
          .replace("the Board", "the safeguarding partners"))
         for s, t in f.RECOMMENDATIONS[1:]]
    considerations = [(s, "%d. %s" % (i, t) if s == "" else t)
                      for i, (s, t) in enumerate(considerations)]
    body = f.METHOD + f.FAMILY + f.PRACTITIONERS + f.BACKGROUND + f.ANALYSIS
    dhr = f.METHOD + [
        ("Heading 1", "The review panel"),
        ("", "The panel met five times. Its members came from the police, health, housing, "
             "adult social care and a specialist domestic abuse service."),
        ("Heading 1", "Contact with family and friends"),
        ("", "The chair wrote to the victim's sister and met her twice; her account shaped "
             "the analysis."),
        ("Heading 1", "Equality and diversity"),
        ("", "The panel considered each of the protected characteristics and found that the "
             "victim's disability affected how services responded to her."),
    ] + f.BACKGROUND + f.ANALYSIS
    return {
        "lcspr-report": [("", "Local Child Safeguarding Practice Review: Child B")] + f.INTRO +
        body + findings + considerations + f.GLOSSARY,
        "sar-report": [("", "Safeguarding Adults Review: Adult B")] + f.INTRO + body +
        findings + recs + f.GLOSSARY,
        "dhr-overview": [("", "Domestic Homicide Review: overview report")] + f.INTRO + dhr +
        findings + f.RECOMMENDATIONS + f.GLOSSARY,
    }

