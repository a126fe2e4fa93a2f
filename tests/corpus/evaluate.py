#!/usr/bin/python3
"""Run `scrqm check --checks anonymisation` over one or more labelled corpora
and print, per corpus, recall per category, precision, false error findings
and false warnings per 1,000 words and the share of each kind of labelled
negative that is flagged.

    evaluate.py --scrqm PATH --corpus DIR [--corpus DIR ...] [--min-recall 0.0] [--json]

Matching (tests/corpus/README.md, "Scoring"): a planted item is FOUND when a finding in the same
file, place (where) and paragraph overlaps its span by at least one
character; "right category" additionally needs the finding's category to be
the item's (checker "date-of-birth" == corpus "date_of_birth").  A finding is
a true positive when it overlaps a planted item, otherwise a false positive
(overlapping a labelled hard negative, or nothing labelled).  Findings of
anonymisation.jigsaw and anonymisation.pseudonym-* are about combinations,
not spans, and are left out of both recall and precision.

Severity: only `error` and `warning` findings flag something.  `info`
findings (for instance "public: named as report author on the cover") are
counted on their own and are neither true nor false positives; a planted item
that only an info finding covers is missed.  A negative label may list
`accept` categories (an eponymous syndrome is a health condition, not a
name): a finding of such a category that overlaps it and no planted item is
"accepted", neither false nor a flag of that negative.  Negatives are grouped
by their `kind` (published-style corpora) or, without one, by `why`.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import zipfile

EXCLUDED_CHECKS = ("anonymisation.jigsaw", "anonymisation.jigsaw-section")
EXCLUDED_PREFIXES = ("anonymisation.pseudonym-",)
FLAGS = ("error", "warning")   # severities that flag; "info" does not


def norm_cat(c):
    return (c or "").replace("-", "_")


def run_checker(scrqm, files, allow, timeout):
    """Returns ({basename: result object}, {basename: error text})."""
    # The findings' text in clear: the evaluator matches it with the labels.
    cmd = [scrqm, "check", "--checks", "anonymisation", "--format", "json", "--show-identifiers"]
    for a in allow:
        cmd += ["--allow", a]
    cmd += files
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        return {}, {os.path.basename(f): str(e) for f in files}
    out, errs = {}, {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and "file" in obj:
            out[os.path.basename(obj["file"])] = obj
    stderr = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode not in (0, 1, 2):
        stderr = "exit status %d; %s" % (p.returncode, stderr)
    for f in files:
        b = os.path.basename(f)
        if b not in out:
            errs[b] = stderr or "no output (exit status %d)" % p.returncode
    return out, errs


def check_all(scrqm, corpus, files, allow, timeout):
    texts = [f for f in files if f.endswith((".txt", ".md"))]
    others = [f for f in files if f not in texts]
    results, errors = {}, {}
    for batch in (texts, others):
        if not batch:
            continue
        out, errs = run_checker(scrqm, [os.path.join(corpus, f) for f in batch], allow, timeout)
        results.update(out)
        # when only some files failed, each gets one more chance on its own
        # (one bad file can stop a batch); when all failed, that is the answer
        for f in batch:
            if f in errs and not out:
                errors[f] = errs[f]
            elif f in errs:
                o1, e1 = run_checker(scrqm, [os.path.join(corpus, f)], allow, timeout)
                results.update(o1)
                errors.update(e1)
    return results, errors


def loc(item):
    if "line" in item:
        return ("body", item["line"])
    return (item["where"], item["paragraph"])


def fmt_loc(item):
    if "line" in item:
        return "%s:%d" % (item["file"], item["line"])
    return "%s:%s:%d" % (item["file"], item["where"], item["paragraph"])


def count_words(corpus, files):
    """Words of the corpus: white-space separated tokens of each .txt/.md file,
    and of the text nodes of each .odt/.docx (body, tables, notes, headers,
    comments)."""
    n = 0
    for f in files:
        p = os.path.join(corpus, f)
        try:
            if f.endswith((".txt", ".md")):
                with open(p, encoding="utf-8") as fh:
                    n += len(fh.read().split())
            elif f.endswith((".odt", ".docx")):
                with zipfile.ZipFile(p) as z:
                    for name in z.namelist():
                        if name == "content.xml" or re.match(
                                r"word/(document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$", name):
                            xml = z.read(name).decode("utf-8", "replace")
                            xml = re.sub(r"<(?:text:p|text:h|w:p|text:tab|w:tab|text:s|w:br|text:line-break)\b[^>]*>",
                                         " ", xml)
                            n += len(re.sub(r"<[^>]+>", "", xml).split())
        except (OSError, zipfile.BadZipFile):
            pass
    return n


def neg_group(it):
    return it.get("kind") or it.get("why") or "negative"


def evaluate(labels, results, errors, words=0):
    items = labels["items"]
    planted = [i for i in items if i["category"] != "negative"]
    negatives = [i for i in items if i["category"] == "negative"]
    index = collections.defaultdict(list)
    for it in items:
        index[(it["file"],) + loc(it)].append(it)

    found = {}        # id(item) -> set of finding categories that overlap it (error/warning findings)
    found_info = set()  # id(item) of planted items an info finding overlaps
    neg_hit = {}      # id(negative) -> count of error/warning findings that are false and overlap it
    neg_err = set()   # id(negative) an error finding (false) overlaps
    neg_info = set()  # id(negative) an info finding overlaps
    tp = fp = 0
    fp_neg = fp_unlab = 0
    fp_sev = collections.Counter()       # severity -> false positives
    all_sev = collections.Counter()      # severity -> all counted findings
    accepted = 0
    info_findings = 0
    fp_list = []
    by_fcat = collections.defaultdict(lambda: [0, 0, 0])  # findings, tp, fp
    excluded = 0
    for fname, res in sorted(results.items()):
        for f in res.get("findings", []):
            check = f.get("check", "")
            if not check.startswith("anonymisation."):
                continue
            if check in EXCLUDED_CHECKS or check.startswith(EXCLUDED_PREFIXES):
                excluded += 1
                continue
            sev = f.get("severity") or "warning"
            fcat = norm_cat(f.get("category") or check.split(".", 1)[1])
            where = f.get("where") or "body"
            para = f.get("paragraph")
            s = f.get("start")
            e = f.get("end")
            if s is None or e is None:
                s, e = 0, float("inf")
            cands = index.get((fname, where, para), []) if para is not None else []
            over = [it for it in cands if it["start"] < e and s < it["end"]]
            p_over = [it for it in over if it["category"] != "negative"]
            n_over = [it for it in over if it["category"] == "negative"]
            if sev not in FLAGS:
                info_findings += 1
                for it in p_over:
                    found_info.add(id(it))
                for it in n_over:
                    neg_info.add(id(it))
                continue
            all_sev[sev] += 1
            if not p_over and n_over and all(fcat in it.get("accept", ()) for it in n_over):
                accepted += 1
                continue
            by_fcat[fcat][0] += 1
            for it in p_over:
                found.setdefault(id(it), set()).add(fcat)
            if p_over:
                tp += 1
                by_fcat[fcat][1] += 1
            else:
                fp += 1
                fp_sev[sev] += 1
                by_fcat[fcat][2] += 1
                if n_over:
                    fp_neg += 1
                    for it in n_over:
                        neg_hit[id(it)] = neg_hit.get(id(it), 0) + 1
                        if sev == "error":
                            neg_err.add(id(it))
                else:
                    fp_unlab += 1
                text = f.get("text")
                if text is None:
                    text = "?"
                fp_list.append({"text": text, "category": fcat, "severity": sev, "file": fname, "where": where,
                                "paragraph": para, "start": f.get("start"), "end": f.get("end"),
                                "negative": neg_group(n_over[0]) if n_over else None})

    cats = sorted({i["category"] for i in planted})
    per_cat = {}
    for c in cats:
        its = [i for i in planted if i["category"] == c]
        n_found = sum(1 for i in its if id(i) in found)
        n_right = sum(1 for i in its if c in found.get(id(i), ()))
        per_cat[c] = {"planted": len(its), "found": n_found, "recall": n_found / len(its),
                      "found_right_category": n_right, "recall_right_category": n_right / len(its)}
    total = len(planted)
    n_found = sum(1 for i in planted if id(i) in found)
    n_right = sum(1 for i in planted if i["category"] in found.get(id(i), ()))
    info_only = sum(1 for i in planted if id(i) not in found and id(i) in found_info)

    neg_by_why = collections.defaultdict(lambda: [0, 0])
    neg_by_kind = collections.defaultdict(lambda: [0, 0, 0, 0])  # labelled, flagged, error, info
    for it in negatives:
        neg_by_why[it.get("why", neg_group(it))][0] += 1
        if id(it) in neg_hit:
            neg_by_why[it.get("why", neg_group(it))][1] += 1
        k = neg_by_kind[neg_group(it)]
        k[0] += 1
        k[1] += id(it) in neg_hit
        k[2] += id(it) in neg_err
        k[3] += id(it) in neg_info

    fp_counter = collections.Counter((x["text"], x["category"], x["negative"]) for x in fp_list)
    first_loc = {}
    for x in fp_list:
        first_loc.setdefault((x["text"], x["category"], x["negative"]),
                             "%s:%s%s" % (x["file"], "" if x["where"] == "body" else x["where"] + ":", x["paragraph"]))
    top_fp = [{"text": t, "category": c, "count": n, "negative": w, "example": first_loc[(t, c, w)]}
              for (t, c, w), n in sorted(fp_counter.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))[:25]]

    missed_by_cat = collections.OrderedDict((c, [i for i in planted if i["category"] == c and id(i) not in found])
                                            for c in cats)
    missed = []
    k = 0
    while len(missed) < 25 and any(len(v) > k for v in missed_by_cat.values()):
        for c, v in missed_by_cat.items():
            if len(v) > k and len(missed) < 25:
                i = v[k]
                missed.append({"text": i["text"], "category": c, "where": fmt_loc(i)})
        k += 1

    def per_k(n):
        return 1000.0 * n / words if words else 0.0

    return {
        "files_checked": len(results),
        "files_failed": errors,
        "words": words,
        "allow": list(labels.get("allow", [])),
        "planted": total,
        "found": n_found,
        "recall": n_found / total if total else 0.0,
        "found_right_category": n_right,
        "recall_right_category": n_right / total if total else 0.0,
        "planted_info_only": info_only,
        "findings": tp + fp,
        "findings_excluded": excluded,
        "findings_info": info_findings,
        "findings_accepted": accepted,
        "true_positives": tp,
        "false_positives": fp,
        "false_positives_on_negatives": fp_neg,
        "false_positives_unlabelled": fp_unlab,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "errors": all_sev["error"],
        "warnings": all_sev["warning"],
        "false_errors": fp_sev["error"],
        "false_warnings": fp_sev["warning"],
        "per_1000_words": {"false_errors": per_k(fp_sev["error"]), "false_warnings": per_k(fp_sev["warning"]),
                           "errors": per_k(all_sev["error"]), "warnings": per_k(all_sev["warning"]),
                           "info": per_k(info_findings)},
        "negatives": len(negatives),
        "negatives_flagged": len(neg_hit),
        "negatives_flagged_error": len(neg_err),
        "categories": per_cat,
        "finding_categories": {c: {"findings": v[0], "true_positives": v[1], "false_positives": v[2]}
                               for c, v in sorted(by_fcat.items())},
        "negatives_by_why": {w: {"labelled": v[0], "flagged": v[1]} for w, v in sorted(neg_by_why.items())},
        "negatives_by_kind": {w: {"labelled": v[0], "flagged": v[1], "flagged_share": v[1] / v[0],
                                  "error": v[2], "error_share": v[2] / v[0], "info": v[3]}
                              for w, v in sorted(neg_by_kind.items())},
        "top_false_positives": top_fp,
        "false_positive_list": fp_list,
        "missed": missed,
    }


def print_report(m, out=sys.stdout, title=None):
    w = out.write
    if title:
        w("=" * 78 + "\n")
        w("corpus %s: %d files checked, %s words, %d items to report, %d labelled negatives, %s\n" % (
            title, m["files_checked"], "{:,}".format(m["words"]), m["planted"],
            m["negatives"], ("allow list: " + ", ".join(m["allow"])) if m["allow"] else "no allow list"))
        w("=" * 78 + "\n")
    w("files checked: %d" % m["files_checked"])
    if m["files_failed"]:
        w(", could not check %d (their %d labels are left out of every figure below):\n" % (
            len(m["files_failed"]), m.get("items_left_out", 0)))
        for f, e in sorted(m["files_failed"].items()):
            w("  %s: %s\n" % (f, e.splitlines()[-1] if e else "?"))
    else:
        w("\n")
    w("\n%-22s | %7s | %6s | %6s | %s\n" % ("category", "planted", "found", "recall", "found-right-category"))
    w("-" * 22 + "-+-" + "-" * 7 + "-+-" + "-" * 6 + "-+-" + "-" * 6 + "-+-" + "-" * 20 + "\n")
    for c, v in m["categories"].items():
        w("%-22s | %7d | %6d | %5.1f%% | %6d (%5.1f%%)\n" % (
            c, v["planted"], v["found"], 100 * v["recall"], v["found_right_category"],
            100 * v["recall_right_category"]))
    w("-" * 22 + "-+-" + "-" * 7 + "-+-" + "-" * 6 + "-+-" + "-" * 6 + "-+-" + "-" * 20 + "\n")
    w("%-22s | %7d | %6d | %5.1f%% | %6d (%5.1f%%)\n" % (
        "overall", m["planted"], m["found"], 100 * m["recall"], m["found_right_category"],
        100 * m["recall_right_category"]))
    if m["files_failed"]:
        w("(recall with the planted items of the unchecked files counted as missed, as --min-recall uses it: "
          "%.1f%%)\n" % (100 * m["recall_all_files"]))
    if m["planted_info_only"]:
        w("(%d planted items were covered only by info findings, which do not count as found)\n"
          % m["planted_info_only"])
    w("\nprecision: %.1f%% (%d true positives, %d false positives: %d on hard negatives, %d on unlabelled text; "
      "%d jigsaw/pseudonym findings not counted; %d info findings not counted; %d accepted)\n" % (
          100 * m["precision"], m["true_positives"], m["false_positives"],
          m["false_positives_on_negatives"], m["false_positives_unlabelled"], m["findings_excluded"],
          m["findings_info"], m["findings_accepted"]))
    k = m["per_1000_words"]
    w("per 1,000 words: false errors %.2f, false warnings %.2f (all errors %.2f, all warnings %.2f, info %.2f; "
      "%d false errors and %d false warnings in %s words)\n" % (
          k["false_errors"], k["false_warnings"], k["errors"], k["warnings"], k["info"],
          m["false_errors"], m["false_warnings"], "{:,}".format(m["words"])))
    w("hard negatives flagged (a warning or error finding overlaps them): %d of %d, by an error: %d\n" % (
        m["negatives_flagged"], m["negatives"], m["negatives_flagged_error"]))
    if m["negatives_by_kind"]:
        w("\n%-44s | %8s | %14s | %14s | %5s\n" % ("negative kind", "labelled", "flagged", "by an error",
                                                  "info"))
        w("-" * 44 + "-+-" + "-" * 8 + "-+-" + "-" * 14 + "-+-" + "-" * 14 + "-+-" + "-" * 5 + "\n")
        for kind, v in sorted(m["negatives_by_kind"].items(), key=lambda kv: (-kv[1]["labelled"], kv[0])):
            w("%-44s | %8d | %5d (%5.1f%%) | %5d (%5.1f%%) | %5d\n" % (
                kind[:44], v["labelled"], v["flagged"], 100 * v["flagged_share"], v["error"],
                100 * v["error_share"], v["info"]))
    if m["finding_categories"]:
        w("\nfindings by checker category: findings / true / false positives\n")
        for c, v in m["finding_categories"].items():
            w("  %-22s %5d %5d %5d\n" % (c, v["findings"], v["true_positives"], v["false_positives"]))
    w("\ntop false positives (count, category, text, example, hard negative?):\n")
    for x in m["top_false_positives"]:
        w("  %4d  %-20s %-34s %s%s\n" % (x["count"], x["category"], json.dumps(x["text"], ensure_ascii=False),
                                         x["example"], "  [negative: %s]" % x["negative"] if x["negative"] else ""))
    w("\nmissed items (text, category, file:line):\n")
    for x in m["missed"]:
        w("  %-40s %-22s %s\n" % (json.dumps(x["text"], ensure_ascii=False), x["category"], x["where"]))


def evaluate_corpus(scrqm, corpus, timeout):
    with open(os.path.join(corpus, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    files = sorted(set(labels.get("files", [])) | {i["file"] for i in labels["items"]})
    results, errors = check_all(scrqm, corpus, files, labels.get("allow", []), timeout)
    # Files the checker could not read (e.g. .odt/.docx with a build without
    # LibreOffice) are listed, and their labels and words are left out, so
    # that the figures describe what was checked.
    checked = [f for f in files if f in results]
    kept = dict(labels, items=[i for i in labels["items"] if i["file"] in results])
    m = evaluate(kept, results, errors, count_words(corpus, checked))
    m["corpus"] = corpus
    m["items_left_out"] = len(labels["items"]) - len(kept["items"])
    # for --min-recall the planted items of unchecked files count as missed,
    # so that a file the checker cannot read still fails the gate
    n_planted = sum(1 for i in labels["items"] if i["category"] != "negative")
    m["recall_all_files"] = m["found"] / n_planted if n_planted else 0.0
    return m


def main():
    ap = argparse.ArgumentParser(description="Evaluate scrqm's anonymisation check on labelled corpora.")
    ap.add_argument("--scrqm", required=True, help="path to the scrqm executable")
    ap.add_argument("--corpus", required=True, action="append",
                    help="directory with the documents and labels.json; repeat for several corpora "
                         "(one table each)")
    ap.add_argument("--min-recall", type=float, default=0.0,
                    help="exit 1 if overall recall of any corpus is below this (0-1); here the planted items "
                         "of files that could not be checked count as missed")
    ap.add_argument("--json", action="store_true",
                    help="write the metrics as JSON to stdout (one corpus: its metrics object; "
                         "several: {\"corpora\": [...]})")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per checker call")
    ap.add_argument("--all-false", metavar="SEVERITY", choices=("error", "warning"),
                    help="also list every false positive of this severity (tuning only: never on held-out text)")
    args = ap.parse_args()

    ms = [evaluate_corpus(args.scrqm, c, args.timeout) for c in args.corpus]
    if args.json:
        json.dump(ms[0] if len(ms) == 1 else {"corpora": ms}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for k, m in enumerate(ms):
            if k:
                sys.stdout.write("\n")
            print_report(m, title=m["corpus"])
            if args.all_false:
                sys.stdout.write("\nevery false %s (file:paragraph, category, text):\n" % args.all_false)
                for x in m["false_positive_list"]:
                    if x["severity"] == args.all_false:
                        sys.stdout.write("  %s:%s  %-18s %s\n" % (x["file"], x["paragraph"], x["category"],
                                                                json.dumps(x["text"], ensure_ascii=False)))
    if any(not m["files_checked"] for m in ms):
        sys.exit(2)
    sys.exit(1 if any(m["recall_all_files"] < args.min_recall for m in ms) else 0)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
