#!/usr/bin/env python3
"""Hostile inputs for scrqm, made at test time (nothing binary is committed):
deep JSON, FIFOs, device links, directories, sockets, files past their
bound (sparse, so they cost no disk), empty documents, and .docx/.odt files
that link to an address instead of embedding (a web bug).

   make_inputs.py DIR [PORT]    writes every input into DIR, to try by hand

run_hostile.py imports the functions."""
import os
import socket
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_IMAGE = R + "/image"


def deep_json(path, depth=200000, opener="["):
    """JSON nested `depth` levels: Boost.PropertyTree recursed once per level."""
    with open(path, "w") as f:
        f.write(opener * depth)
    return path


def fifo(path):
    os.mkfifo(path, 0o600)
    return path


def link(path, target):
    os.symlink(target, path)
    return path


def unix_socket(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    s.close()
    return path


def sparse(path, size, head=b""):
    """A file of `size` bytes that takes no disk: its size is what counts."""
    with open(path, "wb") as f:
        f.write(head)
        f.truncate(size)
    return path


def raw(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def text(path, content):
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    return path


def _zip(path, parts, first=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if first:  # ODF: the mimetype first and stored
            z.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def docx(path, body, relationships=""):
    """A minimal .docx: `body` is the w:body's XML, `relationships` extra
    Relationship elements of the document part."""
    return _zip(path, {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="word/document.xml"/>'
            '</Relationships>' % R,
        "word/_rels/document.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '%s</Relationships>' % relationships,
        "word/document.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="%s" xmlns:r="%s"'
            ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
            ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
            ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
            ' xmlns:v="urn:schemas-microsoft-com:vml"'
            ' xmlns:o="urn:schemas-microsoft-com:office:office">'
            '<w:body>%s</w:body></w:document>' % (W, R, body),
    })


def _para(s):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % s


def _heading(s):
    return ('<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>' % s)


def docx_linked_image(path, url):
    """An image linked (r:link, TargetMode External), not embedded, as
    DrawingML; and the same as a VML image and an INCLUDEPICTURE field."""
    picture = (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/>'
        '<wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
        '<pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        '<a:blip r:link="rIdWeb"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
    vml = ('<w:p><w:r><w:pict><v:shape id="s1" style="width:50pt;height:50pt">'
           '<v:imagedata r:id="rIdVml" o:title="x"/></v:shape></w:pict></w:r></w:p>')
    field = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
             'xml:space="preserve"> INCLUDEPICTURE "%s/field.png" \\d </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' % url)
    body = (_heading("1. Introduction") + _para("The review looked at the work of the agencies.")
            + picture + vml + field + _para("The end."))
    rels = ('<Relationship Id="rIdWeb" Type="%s" Target="%s/docx-drawing.png" '
            'TargetMode="External"/>'
            '<Relationship Id="rIdVml" Type="%s" Target="%s/docx-vml.png" TargetMode="External"/>'
            % (REL_IMAGE, url, REL_IMAGE, url))
    return docx(path, body, rels)


def odt(path, body):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:ooow="http://openoffice.org/2004/writer"')
    return _zip(path, {
        "META-INF/manifest.xml":
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>',
        "content.xml":
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content %s '
            'office:version="1.2"><office:body><office:text>%s</office:text></office:body>'
            '</office:document-content>' % (ns, body),
    }, first=("mimetype", "application/vnd.oasis.opendocument.text"))


def odt_linked(path, url):
    """A linked image and a section whose content comes from an address."""
    body = ('<text:h text:outline-level="1">1. Introduction</text:h>'
            '<text:p>The review looked at the work of the agencies.</text:p>'
            '<text:p><draw:frame draw:name="Logo" svg:width="2cm" svg:height="2cm">'
            '<draw:image xlink:href="%s/odt-image.png" xlink:type="simple" xlink:show="embed" '
            'xlink:actuate="onLoad"/></draw:frame></text:p>'
            '<text:section text:name="Linked"><text:section-source xlink:href="%s/odt-section.odt" '
            'xlink:type="simple"/><text:p>old copy</text:p></text:section>'
            '<text:p>The end.</text:p>' % (url, url))
    return odt(path, body)


AUTHORS = ("Margaret Thornbury", "Eleanor Whitcombe")


def odt_authors(path):
    """A comment and a tracked insertion, each with its author's name."""
    body = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:insertion>'
            '<office:change-info><dc:creator>%s</dc:creator><dc:date>2024-01-01T10:00:00'
            '</dc:date></office:change-info></text:insertion></text:changed-region>'
            '</text:tracked-changes>'
            '<text:h text:outline-level="1">1. Introduction</text:h>'
            '<text:p>The review looked at the work of the agencies.<office:annotation>'
            '<dc:creator>%s</dc:creator><text:p>Please check this paragraph.</text:p>'
            '</office:annotation></text:p>'
            '<text:p>Added <text:change-start text:change-id="ct1"/>new words'
            '<text:change-end text:change-id="ct1"/> here.</text:p>' % AUTHORS)
    return odt(path, body)


def report_text(path):
    return text(path, "1. Introduction\nThe review looked at the work of the agencies.\n")


def main():
    out = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    os.makedirs(out, exist_ok=True)
    url = "http://127.0.0.1:%d" % port
    deep_json(os.path.join(out, "deep-array.json"))
    deep_json(os.path.join(out, "deep-object.json"), 100000, '{"a":')
    docx_linked_image(os.path.join(out, "linked-image.docx"), url)
    odt_linked(os.path.join(out, "linked.odt"), url)
    sparse(os.path.join(out, "huge-register.csv"), 64 << 20)
    text(os.path.join(out, "empty.txt"), "")
    print("wrote %s" % out)


if __name__ == "__main__":
    main()
