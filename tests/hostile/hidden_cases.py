"""Identifiers in hidden places, a document of many comments and zip bombs that lie, as
hostile cases for run_hostile.py (cases(d, url, Case) adds them).

Each hidden place holds a name or an e-mail address that no reader of the
page sees: a hyperlink's target (mailto: and a path with a name in it; in a
.docx also in a header and in a text box), an
ODT hidden-text field's value and its condition, a hidden-paragraph field's
condition, a .docx custom XML part (customXml/item1.xml), and the authors of
a comment and of a tracked change. Every one must be reported, on .docx and
on .odt where the format has the place.

   hidden_cases.py DIR     writes the inputs into DIR, to try by hand"""
import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_inputs as mk  # noqa: E402

W = mk.W
R = mk.R

# The planted identifiers: each must be the text of a finding.
LINK_EMAIL = "liam.carter@example.org"
LINK_PATH_NAME = "Kelly Hartwell"  # in file:///home/Kelly%20Hartwell/notes/visit.odt
FIELD_VALUE_NAME = "Dorothy Fairbanks"  # an ODT hidden-text field's value
CONDITION_NAME = "Bernard Ashcombe"  # a hidden-text field's condition
PARAGRAPH_CONDITION_NAME = "Winifred Castleton"  # a hidden-paragraph field's condition
CUSTOM_XML_NAME = "Rosalind Pemberton"  # in customXml/item1.xml
HEADER_LINK_NAME = "Ottoline Featherstone"  # a link's path in a .docx header
BOX_LINK_EMAIL = "m.ashdown@example.org"  # a mailto: link in a .docx text box
COMMENT_AUTHOR = "Margaret Thornbury"
CHANGE_AUTHOR = "Eleanor Whitcombe"


def _esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _with_parts(path, extra, content_types, document_rels):
    """Adds parts to a .docx made by make_inputs.docx: rewrites the zip with
    `extra` parts, content-type overrides and document relationships."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    ct = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = ct.replace("</Types>", content_types + "</Types>").encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", document_rels + "</Relationships>").encode()
    parts.update({k: v.encode() if isinstance(v, str) else v for k, v in extra.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _comments_part(comments):
    """word/comments.xml with (id, author, text) comments."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="%s">'
            % W + "".join(
                '<w:comment w:id="%d" w:author="%s" w:date="2024-01-01T10:00:00Z" w:initials="X">'
                '<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:comment>' % (i, _esc(a), _esc(t))
                for i, a, t in comments) + "</w:comments>")


COMMENTS_CT = ('<Override PartName="/word/comments.xml" ContentType="application/vnd.'
               'openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
COMMENTS_REL = ('<Relationship Id="rIdComments" Type="%s/comments" Target="comments.xml"/>' % R)


def _commented(i, text):
    return ('<w:p><w:commentRangeStart w:id="%d"/><w:r><w:t xml:space="preserve">%s</w:t></w:r>'
            '<w:commentRangeEnd w:id="%d"/><w:r><w:commentReference w:id="%d"/></w:r></w:p>'
            % (i, _esc(text), i, i))


def hidden_docx(path):
    """Links to mailto: and to a path with a name, a custom XML part, a
    comment and a tracked insertion with their authors' names."""
    body = (mk._heading("1. Introduction") +
            '<w:p><w:r><w:t xml:space="preserve">Write to </w:t></w:r>'
            '<w:hyperlink r:id="rIdMail"><w:r><w:t>the family</w:t></w:r></w:hyperlink>'
            '<w:r><w:t xml:space="preserve"> or read </w:t></w:r>'
            '<w:hyperlink r:id="rIdFile"><w:r><w:t>the notes</w:t></w:r></w:hyperlink>'
            '<w:r><w:t>.</w:t></w:r></w:p>' +
            _commented(0, "The review looked at the work of the agencies.") +
            '<w:p><w:r><w:t xml:space="preserve">Added </w:t></w:r><w:ins w:id="9" w:author="%s" '
            'w:date="2024-01-01T10:00:00Z"><w:r><w:t>new words</w:t></w:r></w:ins>'
            '<w:r><w:t xml:space="preserve"> here.</w:t></w:r></w:p>' % _esc(CHANGE_AUTHOR) +
            # A text box (VML, as Word writes it for compatibility) with a link.
            '<w:p><w:r><w:pict><v:shape style="width:200pt;height:40pt"><v:textbox>'
            '<w:txbxContent><w:p><w:hyperlink r:id="rIdBox"><w:r><w:t>the carer</w:t></w:r>'
            '</w:hyperlink></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
            '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/></w:sectPr>')
    rels = ('<Relationship Id="rIdMail" Type="%s/hyperlink" Target="mailto:%s" '
            'TargetMode="External"/>'
            '<Relationship Id="rIdFile" Type="%s/hyperlink" Target="file:///home/%s/notes/'
            'visit.odt" TargetMode="External"/>'
            '<Relationship Id="rIdBox" Type="%s/hyperlink" Target="mailto:%s" '
            'TargetMode="External"/>'
            '<Relationship Id="rIdHeader1" Type="%s/header" Target="header1.xml"/>'
            % (R, LINK_EMAIL, R, LINK_PATH_NAME.replace(" ", "%20"), R, BOX_LINK_EMAIL, R))
    mk.docx(path, body, rels)
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<caseData xmlns="urn:example:case"><child>%s</child><ref>SCR-2016-03</ref>'
              '</caseData>' % CUSTOM_XML_NAME)
    props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem '
             'ds:itemID="{6C0AE1B4-3B58-4B47-8F0E-2A8C4AD1B001}" xmlns:ds="http://schemas.'
             'openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/>'
             '</ds:datastoreItem>')
    return _with_parts(path, {
        "word/comments.xml": _comments_part([(0, COMMENT_AUTHOR, "Please check this.")]),
        "customXml/item1.xml": custom,
        "word/header1.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="%s" '
            'xmlns:r="%s"><w:p><w:r><w:t xml:space="preserve">Northmoor review: </w:t></w:r>'
            '<w:hyperlink r:id="rIdHdr"><w:r><w:t>case notes</w:t></w:r></w:hyperlink></w:p>'
            '</w:hdr>' % (W, R),
        "word/_rels/header1.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rIdHdr" Type="%s/hyperlink" Target="file:///home/%s/case.odt" '
            'TargetMode="External"/></Relationships>' % (R, HEADER_LINK_NAME.replace(" ", "%20")),
        "customXml/itemProps1.xml": props,
        "customXml/_rels/item1.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="%s/customXmlProps" Target="itemProps1.xml"/></Relationships>' % R,
    }, COMMENTS_CT + '<Override PartName="/customXml/itemProps1.xml" ContentType="application/'
       'vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
       '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
       'officedocument.wordprocessingml.header+xml"/>',
        COMMENTS_REL + '<Relationship Id="rIdCustom" Type="%s/customXml" '
                       'Target="../customXml/item1.xml"/>' % R)


def hidden_odt(path):
    """Links, a hidden-text field (value and condition naming people), a
    hidden-paragraph field, a comment and a tracked insertion."""
    body = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:insertion>'
            '<office:change-info><dc:creator>%s</dc:creator><dc:date>2024-01-01T10:00:00'
            '</dc:date></office:change-info></text:insertion></text:changed-region>'
            '</text:tracked-changes>'
            '<text:h text:outline-level="1">1. Introduction</text:h>'
            '<text:p>Write to <text:a xlink:type="simple" xlink:href="mailto:%s">the family</text:a>'
            ' or read <text:a xlink:type="simple" xlink:href="file:///home/%s/notes/visit.odt">'
            'the notes</text:a>.</text:p>'
            '<text:p>The review began.<text:hidden-text text:condition="ooow:child == &quot;%s&quot;"'
            ' text:string-value="%s lives with her aunt"/></text:p>'
            '<text:p><text:hidden-paragraph text:condition="ooow:carer == &quot;%s&quot;" '
            'text:is-hidden="true"/>A paragraph shown only for one carer.</text:p>'
            '<text:p>The agencies met.<office:annotation><dc:creator>%s</dc:creator>'
            '<text:p>Please check this paragraph.</text:p></office:annotation></text:p>'
            '<text:p>Added <text:change-start text:change-id="ct1"/>new words'
            '<text:change-end text:change-id="ct1"/> here.</text:p>'
            % (CHANGE_AUTHOR, LINK_EMAIL, LINK_PATH_NAME.replace(" ", "%20"), CONDITION_NAME,
               FIELD_VALUE_NAME, PARAGRAPH_CONDITION_NAME, COMMENT_AUTHOR))
    return mk.odt(path, body)


def expected(kind):
    """The identifiers a check of the `kind` document must report."""
    common = [LINK_EMAIL, LINK_PATH_NAME, COMMENT_AUTHOR, CHANGE_AUTHOR]
    if kind == "docx":
        return common + [CUSTOM_XML_NAME, HEADER_LINK_NAME, BOX_LINK_EMAIL]
    return common + [FIELD_VALUE_NAME, CONDITION_NAME, PARAGRAPH_CONDITION_NAME]


def many_comments_docx(path, n=10000):
    """A .docx with `n` comments, one on each of `n` paragraphs, by 20 authors."""
    body = mk._heading("1. Introduction") + "".join(
        _commented(i, "Paragraph %d: the agencies met and shared what they knew." % i)
        for i in range(n))
    mk.docx(path, body)
    authors = ["Reviewer %s" % chr(65 + k) for k in range(20)]
    return _with_parts(path, {"word/comments.xml": _comments_part(
        [(i, authors[i % 20], "Check paragraph %d." % i) for i in range(n)])},
        COMMENTS_CT, COMMENTS_REL)


def under_declared_bomb(path, part, unpacked=1 << 30, declared=4096):
    """A zip bomb whose headers (local and central) declare that its main
    part unpacks to `declared` bytes: it inflates to `unpacked`."""
    import disguise_cases
    disguise_cases.zip_bomb(path, part, unpacked, zip64=False)
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        name = part.encode()
        for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
            at = data.find(sig)
            while at >= 0:
                if data[at + name_at:at + name_at + len(name)] == name:
                    data[at + size_at:at + size_at + 4] = declared.to_bytes(4, "little")
                at = data.find(sig, at + 4)
        f.seek(0)
        f.write(data)
    return path


def many_comments_odt(path, n=10000):
    """The same as an .odt: to tell LibreOffice's .docx import from the rest."""
    body = '<text:h text:outline-level="1">1. Introduction</text:h>' + "".join(
        '<text:p>Paragraph %d: the agencies met and shared what they knew.<office:annotation>'
        '<dc:creator>Reviewer %s</dc:creator><text:p>Check paragraph %d.</text:p>'
        '</office:annotation></text:p>' % (i, chr(65 + i % 20), i) for i in range(n))
    return mk.odt(path, body)


def findings(run):
    out = []
    for line in run.stdout.splitlines():
        if line.strip().startswith("{"):
            out += json.loads(line).get("findings", [])
    return out


def reported(ident, found):
    """Whether the findings report `ident`: one finding's text holds it (a
    hidden-data item quotes the whole place), or the findings on one
    paragraph cover each of its words. The name detector reads "Margaret
    Thornbury" as a first name and a place, in the body as here: both are
    masked, which is what reading the hidden place must give."""
    if any(ident in (f.get("text") or "") for f in found):
        return True
    places = {}
    for f in found:
        places.setdefault((f.get("where"), f.get("paragraph")), []).append(f.get("text") or "")
    return any(all(any(w in t.split() for t in texts) for w in ident.split())
               for texts in places.values())


def every_hidden_identifier_found(kind):
    def check(run):
        found = findings(run)
        problems = ["not reported: %r" % ident for ident in expected(kind)
                    if not reported(ident, found)]
        checks = {f.get("check") for f in found}
        for rule in ("hidden.link-target",) + (("hidden.custom-xml",) if kind == "docx" else ()):
            if rule not in checks:
                problems.append("no %s finding" % rule)
        return problems
    return check


def comment_count(n):
    def check(run):
        got = sum(1 for f in findings(run) if f.get("check") == "hidden.comment")
        return [] if got == n else ["%d hidden.comment findings, expected %d" % (got, n)]
    return check


def cases(d, url, Case):
    p = lambda name: os.path.join(d, name)  # noqa: E731
    args = ["check", "--checks", "anonymisation,hidden", "--format", "json",
            "--show-identifiers"]
    c = []
    for kind, make in (("docx", hidden_docx), ("odt", hidden_odt)):
        c.append(Case("hidden-places-" + kind, args + [p("h." + kind)], 1, r"^$", office=True,
                      setup=lambda m=make, k=kind: m(p("h." + k)),
                      check=every_hidden_identifier_found(kind)))
    # Many comments: the hidden check no longer searches every paragraph for
    # each comment. What remains is LibreOffice's (its .docx import and one
    # UNO object per comment, tests/bench/bench_comments.py): 2,000 comments
    # keep the case within a budget on a shared machine.
    c.append(Case("bound-2000-comments", ["check", "--checks", "hidden", "--format", "json",
                                          p("comments.docx")], 0, r"^$", office=True,
                  setup=lambda: many_comments_docx(p("comments.docx"), 2000), budget=(180, 2000),
                  check=comment_count(2000)))
    # 10,000 comments took LibreOffice's import minutes: refused before any
    # office starts, from the comments counted while the zip is inflated.
    for kind, make in (("docx", many_comments_docx), ("odt", many_comments_odt)):
        c.append(Case("bound-10000-comments-" + kind, ["check", p("many." + kind)], 2,
                      r"^scrqm: .*many\.%s: holds 10000 comments \(the limit is 3000; LibreOffice "
                      r"takes minutes to open that many\); a report ready to publish holds none: "
                      r"delete them \(in Writer, a comment's menu has Delete All Comments\) and "
                      r"check it again\n$" % kind,
                      setup=lambda m=make, k=kind: m(p("many." + k), 10000),
                      check=lambda r: ["an office was started"] if r.dirs else [],
                      budget=(20, 200)))
    # Zip bombs that lie: headers declare 4 KB, the data inflate to 1 GB.
    for kind, part in (("docx", "word/document.xml"), ("odt", "content.xml")):
        c.append(Case("zip-bomb-under-declared-" + kind, ["check", p("lie." + kind)], 2,
                      r"^scrqm: .*lie\.%s: unpacks to more than 512 MB though its directory says "
                      r"5 KB \(the limit is 512 MB\); it is not a document scrqm will open\n$"
                      % kind, setup=lambda k=kind, q=part: under_declared_bomb(p("lie." + k), q),
                      check=lambda r: ["an office was started"] if r.dirs else [],
                      budget=(20, 200)))
    return c


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    hidden_docx(os.path.join(out, "hidden.docx"))
    hidden_odt(os.path.join(out, "hidden.odt"))
    many_comments_docx(os.path.join(out, "comments.docx"))
    print("wrote %s" % out)


if __name__ == "__main__":
    main()
