#!/usr/bin/env python3
"""How long a document of N comments takes: LibreOffice's own load, its
text-field enumeration (what the reader walks once), and `scrqm check
--checks hidden` end to end, for a .docx and an .odt.

   /usr/bin/python3 tests/bench/bench_comments.py build/scrqm [N ...]   (default 1000 3000)

Prints one line per document and size. A figure, not a test (the hostile
case bound-10000-comments is the test)."""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
sys.path.insert(0, os.path.join(HERE, "..", "hostile"))
import hidden_cases  # noqa: E402


def office_figures(paths):
    import uno
    from office import Office, props
    office = Office(None)
    out = {}
    try:
        for path in paths:
            start = time.monotonic()
            doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                      props(Hidden=True))
            loaded = time.monotonic()
            fields = doc.getTextFields().createEnumeration()
            n = 0
            while fields.hasMoreElements():
                fields.nextElement()
                n += 1
            out[path] = (loaded - start, time.monotonic() - loaded, n)
            doc.close(True)
    finally:
        office.close()
    return out


def main():
    scrqm = os.path.abspath(sys.argv[1])
    sizes = [int(a) for a in sys.argv[2:]] or [1000, 3000]
    work = tempfile.mkdtemp(prefix="scrqm-bench-comments-")
    paths = []
    for n in sizes:
        for kind, make in (("docx", hidden_cases.many_comments_docx),
                           ("odt", hidden_cases.many_comments_odt)):
            paths.append(make(os.path.join(work, "c%d.%s" % (n, kind)), n))
    lo = office_figures(paths)
    env = dict(os.environ, TMPDIR=work, XDG_CACHE_HOME=os.path.join(work, "cache"))
    print("%-12s %10s %12s %12s" % ("document", "LO load", "LO fields", "scrqm check"))
    for path in paths:
        start = time.monotonic()
        subprocess.run([scrqm, "check", "--checks", "hidden", "--format", "json", path],
                       stdout=subprocess.DEVNULL, env=env)
        total = time.monotonic() - start
        load, enum, n = lo[path]
        print("%-12s %8.1f s %10.1f s %10.1f s   (%d comments)" % (
            os.path.basename(path), load, enum, total, n), flush=True)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
