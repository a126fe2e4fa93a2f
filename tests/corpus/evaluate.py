#!/usr/bin/python3
"""Run `scrqm check --checks anonymisation` over the generated corpus and
report recall per category and overall precision.

    evaluate.py --scrqm PATH --corpus DIR [--min-recall 0.0] [--json]

Matching (see README.md): a planted item is FOUND when a finding in the same
file, place (where) and paragraph overlaps its span by at least one
character; "right category" additionally needs the finding's category to be
the item's (checker "date-of-birth" == corpus "date_of_birth").  A finding is
a true positive when it overlaps a planted item, otherwise a false positive
(overlapping a labelled hard negative, or nothing labelled).  Findings of
anonymisation.jigsaw and anonymisation.pseudonym-* are about combinations,
not spans, and are left out of both recall and precision.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

EXCLUDED_CHECKS = ("anonymisation.jigsaw", "anonymisation.jigsaw-section")
EXCLUDED_PREFIXES = ("anonymisation.pseudonym-",)


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


def evaluate(labels, results, errors):
    items = labels["items"]
    planted = [i for i in items if i["category"] != "negative"]
    negatives = [i for i in items if i["category"] == "negative"]
    index = collections.defaultdict(list)
    for it in items:
        index[(it["file"],) + loc(it)].append(it)

    found = {}        # id(item) -> set of finding categories that overlap it
    neg_hit = {}      # id(negative) -> count
    tp = fp = 0
    fp_neg = fp_unlab = 0
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
            by_fcat[fcat][0] += 1
            for it in p_over:
                found.setdefault(id(it), set()).add(fcat)
            if p_over:
                tp += 1
                by_fcat[fcat][1] += 1
            else:
                fp += 1
                by_fcat[fcat][2] += 1
                if n_over:
                    fp_neg += 1
                    for it in n_over:
                        neg_hit[id(it)] = neg_hit.get(id(it), 0) + 1
                else:
                    fp_unlab += 1
                text = f.get("text")
                if text is None:
                    text = "?"
                fp_list.append({"text": text, "category": fcat, "file": fname, "where": where,
                                "paragraph": para, "start": f.get("start"), "end": f.get("end"),
                                "negative": n_over[0]["why"] if n_over else None})

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

    neg_by_why = collections.defaultdict(lambda: [0, 0])
    for it in negatives:
        neg_by_why[it["why"]][0] += 1
        if id(it) in neg_hit:
            neg_by_why[it["why"]][1] += 1

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

    return {
        "files_checked": len(results),
        "files_failed": errors,
        "planted": total,
        "found": n_found,
        "recall": n_found / total if total else 0.0,
        "found_right_category": n_right,
        "recall_right_category": n_right / total if total else 0.0,
        "findings": tp + fp,
        "findings_excluded": excluded,
        "true_positives": tp,
        "false_positives": fp,
        "false_positives_on_negatives": fp_neg,
        "false_positives_unlabelled": fp_unlab,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "negatives": len(negatives),
        "negatives_flagged": len(neg_hit),
        "categories": per_cat,
        "finding_categories": {c: {"findings": v[0], "true_positives": v[1], "false_positives": v[2]}
                               for c, v in sorted(by_fcat.items())},
        "negatives_by_why": {w: {"labelled": v[0], "flagged": v[1]} for w, v in sorted(neg_by_why.items())},
        "top_false_positives": top_fp,
        "missed": missed,
    }


def print_report(m, out=sys.stdout):
    w = out.write
    w("files checked: %d" % m["files_checked"])
    if m["files_failed"]:
        w(", could not check %d:\n" % len(m["files_failed"]))
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
    w("\nprecision: %.1f%% (%d true positives, %d false positives: %d on hard negatives, %d on unlabelled text; "
      "%d jigsaw/pseudonym findings not counted)\n" % (
          100 * m["precision"], m["true_positives"], m["false_positives"],
          m["false_positives_on_negatives"], m["false_positives_unlabelled"], m["findings_excluded"]))
    w("hard negatives flagged: %d of %d\n" % (m["negatives_flagged"], m["negatives"]))
    flagged = [(k, v) for k, v in m["negatives_by_why"].items() if v["flagged"]]
    for k, v in sorted(flagged, key=lambda kv: -kv[1]["flagged"]):
        w("  %4d of %4d  %s\n" % (v["flagged"], v["labelled"], k))
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


def main():
    ap = argparse.ArgumentParser(description="Evaluate scrqm's anonymisation check on the corpus.")
    ap.add_argument("--scrqm", required=True, help="path to the scrqm executable")
    ap.add_argument("--corpus", required=True, help="directory with report-*.txt/.odt/.docx and labels.json")
    ap.add_argument("--min-recall", type=float, default=0.0, help="exit 1 if overall recall is below this (0-1)")
    ap.add_argument("--json", action="store_true", help="write the metrics as JSON to stdout")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per checker call")
    args = ap.parse_args()

    with open(os.path.join(args.corpus, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    files = sorted({i["file"] for i in labels["items"]})
    results, errors = check_all(args.scrqm, args.corpus, files, labels.get("allow", []), args.timeout)
    m = evaluate(labels, results, errors)
    if args.json:
        json.dump(m, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_report(m)
    if not results:
        sys.exit(2)
    sys.exit(1 if m["recall"] < args.min_recall else 0)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
