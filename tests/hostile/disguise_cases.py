"""Identifiers in disguise and the bounds of a long line, as hostile cases
for run_hostile.py (cases(d, url, Case) adds them to its list).

Each disguise line holds one identifier written so that a plain match misses
it (a zero-width space inside a name, a no-break space inside a postcode,
Arabic-Indic digits, ...). The same lines are checked as .txt, .docx and
.odt; every identifier must be reported, whole, with the text as written
(the disguise included) at its place in the line."""
import json
import os
import re
import zipfile

import make_inputs as mk

W = mk.W

# (line, identifier as written in it): the finding's text must be exactly it.
DISGUISES = [
    ("Liam Car\u200Bter was seen at home.", "Liam Car\u200Bter"),  # zero-width space
    ("Liam Car\u200Cter was seen at home.", "Liam Car\u200Cter"),  # zero-width non-joiner
    ("Liam Car\u200Dter was seen at home.", "Liam Car\u200Dter"),  # zero-width joiner
    ("Liam Car\u2060ter was seen at home.", "Liam Car\u2060ter"),  # word joiner
    ("Liam Car\uFEFFter was seen at home.", "Liam Car\uFEFFter"),  # BOM
    ("Liam Car\u200Eter was seen at home.", "Liam Car\u200Eter"),  # left-to-right mark
    ("Liam Car\u00ADter was seen at home.", "Liam Car\u00ADter"),  # soft hyphen
    ("Li\u202Eam\u202C Carter was seen at home.", "Li\u202Eam\u202C Carter"),  # override
    ("The family lived at NM4\u00A07QT until May.", "NM4\u00A07QT"),
    ("The family lived at NM4\u202F7QT until May.", "NM4\u202F7QT"),
    ("The family lived at NM4\u20097QT until May.", "NM4\u20097QT"),
    ("The family lived at nm4 7qt until May.", "nm4 7qt"),  # lower case
    ("Her NHS number is 943\u2009476\u20095919.", "943\u2009476\u20095919"),
    ("Her NHS number is \uFF19\uFF14\uFF13\uFF14\uFF17\uFF16\uFF15\uFF19\uFF11\uFF19.",
     "\uFF19\uFF14\uFF13\uFF14\uFF17\uFF16\uFF15\uFF19\uFF11\uFF19"),  # fullwidth digits
    ("Her NHS number is \u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669.",
     "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669"),  # Arabic-Indic digits
    ("Mother wrote from liam.carter\u200B@example.org last week.",
     "liam.carter\u200B@example.org"),
    ("Mother wrote from liam.carter\uFF20example.org last week.",
     "liam.carter\uFF20example.org"),  # fullwidth at sign
    ("Her mobile is 07700\u2011900123.", "07700\u2011900123"),  # non-breaking hyphen
    ("Liam was born on 14\u00A0June\u00A02013 in Leeds.", "14\u00A0June\u00A02013"),
    ("Mr C\u0430rter attended the meeting.", "Mr C\u0430rter"),  # Cyrillic a
]

# What Word writes for a soft and a non-breaking hyphen: elements, not characters.
DOCX_ONLY = [
    ('The family lived at NM4 7<w:softHyphen/>QT until May.', "NM4 7\u00AD" "QT"),
    ('Her mobile is 07700<w:noBreakHyphen/>900123.', "07700\u2011900123"),
]


def _esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")


def _docx_para(line):
    """A paragraph whose <w:softHyphen/> and <w:noBreakHyphen/> are runs of their own."""
    runs = "".join(
        ("<w:r>%s</w:r>" % part) if part.startswith("<w:") else
        '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % _esc(part)
        for part in re.split(r"(<w:\w+/>)", line) if part)
    return "<w:p>%s</w:p>" % runs


def disguise_docx(path):
    body = mk._heading("1. Introduction") + "".join(
        _docx_para(line) for line, _ in DISGUISES + DOCX_ONLY)
    return mk.docx(path, body)


def disguise_odt(path):
    body = '<text:h text:outline-level="1">1. Introduction</text:h>' + "".join(
        "<text:p>%s</text:p>" % _esc(line) for line, _ in DISGUISES)
    return mk.odt(path, body)


def disguise_txt(path):
    return mk.text(path, "1. Introduction\n" + "".join(line + "\n" for line, _ in DISGUISES))


def expected(kind):
    return DISGUISES + (DOCX_ONLY if kind == "docx" else [])


def findings(run):
    out = []
    for line in run.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            out += json.loads(line).get("findings", [])
    return out


def every_identifier_found(kind):
    """A check for Case: each disguised identifier is a finding whose text is
    exactly the identifier as written and whose span is where it stands."""
    def check(run):
        problems = []
        found = findings(run)
        for line, ident in expected(kind):
            start = line.find(ident) if "<w:" not in line else None
            hits = [f for f in found if f.get("text") == ident and
                    (start is None or (f.get("start"), f.get("end")) == (start, start + len(ident)))]
            if not hits:
                near = [f.get("text") for f in found
                        if f.get("text") and (f["text"] in ident or ident in f["text"])]
                problems.append("not reported whole: %r (found %r)" % (ident, near))
        return problems
    return check


def long_word(path, size=2 << 20):
    """A 2 MB "word" on each side of a name: the context stays within 60
    code points."""
    return mk.text(path, "1. Introduction\n" + "x" * size + " Liam Carter " + "y" * size +
                   "\nLiam Carter" + "z" * 16 + "\n")


def phone_line(path, size=2 << 20):
    """One 2 MB line of phone-like numbers."""
    numbers = " ".join("0207 946 %04d" % (i % 10000) for i in range(size // 14))
    return mk.text(path, "1. Introduction\n" + numbers + "\n")


def contexts_bounded(run):
    problems = []
    for f in findings(run):
        for side in ("context_before", "context_after"):
            text = (f.get(side) or "").replace("\u2026 ", "").replace(" \u2026", "")
            if len(text) > 60:
                problems.append("%s of %d code points" % (side, len(text)))
    return problems[:3]


def zip_bomb(path, part, unpacked=1 << 30, zip64=True):
    """A .docx or .odt whose main part inflates to `unpacked` bytes (1 GB of
    spaces, about 1 MB on disk): written in chunks, never held in memory."""
    odt = path.endswith(".odt")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        if odt:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                       compress_type=zipfile.ZIP_STORED)
        else:
            z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(part, "w", force_zip64=zip64) as f:
            chunk = b" " * (16 << 20)
            for _ in range(unpacked // len(chunk)):
                f.write(chunk)
    return path


def ole_file(path, stream):
    """An OLE compound file's signature and a directory entry's name
    (UTF-16): enough for scrqm to tell a Word 97 file from an encrypted one."""
    with open(path, "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + stream.encode("utf-16-le"))
    return path


def cases(d, url, Case):
    p = lambda name: os.path.join(d, name)  # noqa: E731
    json_args = ["check", "--checks", "anonymisation", "--format", "json", "--show-identifiers"]
    c = []
    c.append(Case("disguise-txt", json_args + [p("d.txt")], 1, r"^$",
                  setup=lambda: disguise_txt(p("d.txt")), check=every_identifier_found("txt")))
    for kind, make in (("docx", disguise_docx), ("odt", disguise_odt)):
        c.append(Case("disguise-" + kind, json_args + [p("d." + kind)], 1, r"^$", office=True,
                      setup=lambda m=make, k=kind: m(p("d." + k)),
                      check=every_identifier_found(kind)))
    # Names in other scripts: a register entry matches where the name stands
    # apart (Arabic between isolates; Chinese before a fullwidth comma), not
    # inside unspaced Chinese (documented); an entry typed with a no-break
    # space matches the name written with a space.
    def register_setup():
        mk.text(p("reg.csv"), "real,pseudonym\n\u0645\u062D\u0645\u062F \u0639\u0644\u064A,"
                "Child A\n\u738B\u5C0F\u660E,Child B\nLiam\u00A0Carter,Child C\n")
        mk.text(p("m.txt"), "1. Introduction\nThe father, \u2067\u0645\u062D\u0645\u062F "
                "\u0639\u0644\u064A\u2069, attended.\n\u738B\u5C0F\u660E\uFF0C\u53BB\u4E86"
                "\u5B66\u6821\u3002\nLiam Carter was there.\n")

    def register_found(run):
        texts = [f.get("text") for f in findings(run) if f.get("check") == "anonymisation.register"]
        want = ["\u0645\u062D\u0645\u062F \u0639\u0644\u064A", "\u738B\u5C0F\u660E",
                "Liam Carter"]
        return [] if texts == want else ["register findings %r, expected %r" % (texts, want)]
    c.append(Case("disguise-register-scripts", json_args + ["--register", p("reg.csv"), p("m.txt")],
                  1, r"^$", setup=register_setup, check=register_found))
    # Hidden places: a bookmark named First_Last is read as the name.
    def bookmark_docx():
        body = (mk._heading("1. Introduction") +
                '<w:p><w:bookmarkStart w:id="7" w:name="Liam_Carter"/><w:r><w:t>The review '
                'began.</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>')
        return mk.docx(p("b.docx"), body)

    def bookmark_found(run):
        hits = [f for f in findings(run) if f.get("text") == "Liam Carter"]
        return [] if hits else ["the bookmark name Liam_Carter is not reported"]
    c.append(Case("hidden-bookmark-name", json_args + [p("b.docx")], 1, r"^$", office=True,
                  setup=bookmark_docx, check=bookmark_found))
    c.append(Case("bound-long-word-context", json_args + [p("w.txt")], 1, r"^$",
                  setup=lambda: long_word(p("w.txt")), check=contexts_bounded))
    # 140,000 findings: checked in seconds; their 84 MB of JSON passes the
    # output bound, said in one line, and no file is left half written.
    c.append(Case("bound-phone-line", ["check", "--checks", "anonymisation", "--format", "json",
                                       "-o", p("out.json"), p("phones.txt")], 2,
                  r"^scrqm: the output would be larger than 64 MB \(the limit\); check fewer "
                  r"files, or fewer checks with --checks\n$",
                  setup=lambda: phone_line(p("phones.txt")), budget=(30, 600),
                  check=lambda r: ["output written"] if os.path.exists(p("out.json")) else []))
    no_office = lambda r: ["an office was started"] if r.dirs else []  # noqa: E731
    for kind, part in (("docx", "word/document.xml"), ("odt", "content.xml")):
        c.append(Case("zip-bomb-" + kind, ["check", p("bomb." + kind)], 2,
                      r"^scrqm: .*bomb\.%s: unpacks to 1024 MB \(the limit is 512 MB\); it is "
                      r"not a document scrqm will open\n$" % kind,
                      setup=lambda k=kind, q=part: zip_bomb(p("bomb." + k), q), check=no_office,
                      budget=(20, 200)))
    # Misnamed files get advice, not "password-protected" or "corrupted".
    c.append(Case("word97-named-docx", ["check", p("old.docx")], 2,
                  r"^scrqm: .*old\.docx: a Word 97-2003 document \(\.doc\) named \.docx; rename "
                  r"it to \.doc", setup=lambda: ole_file(p("old.docx"), "WordDocument"),
                  check=no_office))
    c.append(Case("rtf-named-doc", ["check", p("r.doc")], 2,
                  r"^scrqm: .*r\.doc: an RTF document named \.doc; rename it to \.rtf",
                  setup=lambda: mk.text(p("r.doc"), "{\\rtf1\\ansi Liam Carter}"),
                  check=no_office))
    c.append(Case("html-named-doc", ["check", p("w.doc")], 2,
                  r"^scrqm: .*w\.doc: a web page \(HTML\) named \.doc; open it in Word or "
                  r"LibreOffice and save it as \.docx or \.odt\n$",
                  setup=lambda: mk.text(p("w.doc"), "<html><body>Liam Carter</body></html>"),
                  check=no_office))
    return c
