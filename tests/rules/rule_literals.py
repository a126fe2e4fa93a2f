#!/usr/bin/python3
"""No rule id is written as a string literal outside the registry files.

Rule ids ("anonymisation.postcode") live in addin/src/checks/<family>/rules.cxx
(and rules.hxx) only; code names a rule by its handle, data files by id. This
scans the product's C++ (addin/, uno/) for a string literal that is a rule id
or a family prefix ("structure." + ...), outside comments. Exit 1 naming each.
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FAMILIES = "anonymisation|hidden|language|response|structure|template"
LITERAL = re.compile(r'"(?:%s)\.[a-z0-9-]*"' % FAMILIES)
REGISTRY = re.compile(r"addin/src/checks/[a-z]+/rules\.(cxx|hxx)$")


def code_without_comments(text):
    # Drops // and /* */ comments but keeps string literals (and line numbers).
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * text.count("\n", i, end))
            i = end
        elif text[i] in "\"'":  # a string or character literal, kept whole
            j = i + 1
            while j < n and text[j] != text[i]:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def main():
    bad = []
    scanned = 0
    for top in ("addin", "uno"):
        for d, _, files in os.walk(os.path.join(ROOT, top)):
            for f in files:
                if not f.endswith((".cxx", ".hxx")):
                    continue
                path = os.path.join(d, f)
                rel = os.path.relpath(path, ROOT)
                scanned += 1
                if REGISTRY.search(rel):
                    continue
                code = code_without_comments(open(path, encoding="utf-8").read())
                for no, line in enumerate(code.splitlines(), 1):
                    for m in LITERAL.finditer(line):
                        if not m.group(0).endswith('.hxx"'):  # an #include
                            bad.append("%s:%d: %s" % (rel, no, m.group(0)))
    # Every rule a family defines is in its list macro (which declares and
    # registers it), and every listed rule is defined.
    for d in sorted(os.listdir(os.path.join(ROOT, "addin/src/checks"))):
        base = os.path.join(ROOT, "addin/src/checks", d)
        if not os.path.exists(os.path.join(base, "rules.hxx")):
            continue
        header = open(os.path.join(base, "rules.hxx")).read()
        macro = re.search(r"#define SCRQM_\w+_RULES\(X\)((?:.*\\\n)*.*)", header)
        listed = set(re.findall(r"X\((\w+)\)", macro.group(1) if macro else ""))
        defined = set(re.findall(r"^const Rule (\w+)\s*\{", open(os.path.join(base, "rules.cxx")).read(), re.M))
        for handle in sorted(defined - listed):
            bad.append("addin/src/checks/%s/rules.cxx: %s is defined but not listed (registered)" % (d, handle))
        for handle in sorted(listed - defined):
            bad.append("addin/src/checks/%s/rules.hxx: %s is listed but not defined" % (d, handle))
        if not listed:
            bad.append("addin/src/checks/%s/rules.hxx: no SCRQM_..._RULES list" % d)
    if scanned < 20:
        print("rule_literals: only %d files scanned; wrong root %s?" % (scanned, ROOT))
        return 1
    for b in bad:
        print("rule id literal outside the registry: " + b)
    if not bad:
        print("rule_literals: no rule id literal in %d files outside the registry" % scanned)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
