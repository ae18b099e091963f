#!/usr/bin/env python3
"""Corpus evaluation for storyline (stdlib only).

For every Markdown, text and JSON resume in the corpus, and for each resume
of the bulk CSV (written out as text files in a temporary folder), runs
`storyline extract` and `storyline check --format json`, then prints:
roles and bullets found per document, how often each rule fired, and every
exit status that breaks the contract (2 or a crash on a readable file).
With --check, exits 1 when anything breaks the contract.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

# Files the corpus marks as malformed: storyline must reject them (exit 2).
EXPECTED_ERRORS = {"resumes/json/nonstandard/bsdpunk_res_invalid.json"}


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


EXTS = ("md", "txt", "json", "docx", "tex", "xtx", "pdf")


def corpus_files(corpus):
    out = []
    for sub in ("resumes", "linkedin/pdf"):
        for root, _, names in sorted(os.walk(os.path.join(corpus, sub))):
            for name in sorted(names):
                if name.rsplit(".", 1)[-1].lower() in EXTS:
                    out.append(os.path.join(root, name))
    # LinkedIn data exports are folders.
    d = os.path.join(corpus, "linkedin")
    if os.path.isdir(d):
        out += [os.path.join(d, n) for n in sorted(os.listdir(d)) if "_export_" in n]
    return out


# The same people's resume and LinkedIn data (PROVENANCE.md): every C
# finding on these pairs is printed for judging by hand.
PAIRS = [
    ("resumes/md/pmarmaroli_portfolio_cv.md", "linkedin/pmarmaroli_export_2024"),
    ("resumes/txt/bsdpunk_FullResume_zwsp.txt", "linkedin/bsdpunk_export_2018"),
    ("resumes/pdf/bsdpunk_FullResume_quartz_zwsp.pdf", "linkedin/bsdpunk_export_2021"),
    ("resumes/pdf/Feynman10_cv_msword.pdf", "linkedin/Feynman10_export_2024"),
    ("resumes/pdf/VatsaPatel_resume_sketch_quartz.pdf", "linkedin/pdf/VatsaPatel_linkedin_save-to-pdf_2020.pdf"),
    ("resumes/pdf/agentmcmillan_resume_2023-02_word_quartz.pdf", "linkedin/pdf/agentmcmillan_linkedin_save-to-pdf_2023.pdf"),
    ("resumes/pdf/SukhdeepSingh1612_googledocs.pdf", "linkedin/pdf/SukhdeepSingh1612_linkedin_save-to-pdf_2025.pdf"),
]


def cross_checks(args):
    print("\n== cross-channel pairs (C rules)")
    for resume, profile in PAIRS:
        r, p = os.path.join(args.corpus, resume), os.path.join(args.corpus, profile)
        if not (os.path.exists(r) and os.path.exists(p)):
            continue
        code, out, err = run([args.bin, "check", "--no-config", "--format", "json", "--today", args.today,
                              "--select", "C,L", r, "--profile", p])
        print(f"  {resume} x {profile}: exit {code}")
        if not out.strip():
            print("    " + err.strip()[:200])
            continue
        for d in json.loads(out)["diagnostics"]:
            print(f"    {d['code']} {os.path.basename(d['path'])}:{d['line']}: {d['message'][:150]}")


def bulk_files(corpus, tmp, limit):
    path = os.path.join(corpus, "bulk", "UpdatedResumeDataSet.csv")
    if not os.path.exists(path):
        return []
    out = []
    # The data set is not valid UTF-8 (cp1252 bytes replaced by '?'): decode
    # leniently, as a user saving these as UTF-8 text would.
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if limit and i >= limit:
                break
            p = os.path.join(tmp, f"bulk_{i:04d}.txt")
            with open(p, "w", encoding="utf-8") as g:
                g.write(row["Resume"])
            out.append(p)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--bulk-limit", type=int, default=0)
    ap.add_argument("--today", default="2026-11")
    ap.add_argument("--show", help="print every finding of this rule code")
    args = ap.parse_args()

    problems = []
    fired = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        sets = [("corpus", corpus_files(args.corpus)), ("bulk", bulk_files(args.corpus, tmp, args.bulk_limit))]
        for label, files in sets:
            print(f"\n== {label}: {len(files)} files")
            docs_with_roles = 0
            total_roles = total_bullets = 0
            # One extract and one check call per set: per-file processes
            # would measure process start-up, not storyline.
            models = {}
            for start in range(0, len(files), 200):
                chunk = files[start:start + 200]
                # Repeating a path forces JSON Lines even for a one-file chunk.
                code, out, err = run([args.bin, "extract"] + chunk + [chunk[0]])
                for line in out.splitlines():
                    m = json.loads(line)
                    models[m["path"]] = m
                for e in err.splitlines():
                    path = e.removeprefix("error: ").split(": ", 1)[0]
                    rel = os.path.relpath(path, args.corpus) if label == "corpus" else os.path.basename(path)
                    if rel not in EXPECTED_ERRORS:
                        problems.append(f"{rel}: extract failed: {e[:200]}")
                    elif label == "corpus":
                        print(f"  {rel}: not read, as expected ({e[:140]})")
            readable = [p for p in files if p in models]
            code, out, err = run([args.bin, "check", "--format", "json", "--today", args.today] + readable)
            if code not in (0, 1):
                problems.append(f"{label}: check exit {code}: {err.strip()[:300]}")
            report = json.loads(out) if out.strip() else {"diagnostics": [], "errors": []}
            for e in report["errors"]:
                problems.append(f"{e['path']}: check error: {e['message']}")
            per_file = collections.Counter(d["path"] for d in report["diagnostics"])
            for d in report["diagnostics"]:
                fired[d["code"]] += 1
                if args.show and d["code"] == args.show:
                    print(f"    {d['path']}:{d['line']}: {d['message']}")
            for p in readable:
                model = models[p]
                rel = os.path.relpath(p, args.corpus) if label == "corpus" else os.path.basename(p)
                roles = model["roles"]
                bullets = sum(len(r["bullets"]) for r in roles)
                loose = len(model.get("loose_bullets", []))
                total_roles += len(roles)
                total_bullets += bullets
                docs_with_roles += bool(roles and bullets)
                if label == "corpus":
                    print(f"  {rel}: {len(roles)} roles, {bullets} bullets, {loose} loose, "
                          f"{per_file[p]} findings; headline={model['headline']!r}")
            for rel in EXPECTED_ERRORS:
                p = os.path.join(args.corpus, rel)
                if label == "corpus" and os.path.exists(p):
                    code, out, err = run([args.bin, "check", p])
                    if code != 2:
                        problems.append(f"{rel}: expected exit 2 for malformed input, got {code}")
            n = max(len(files), 1)
            print(f"  -> {docs_with_roles}/{len(files)} documents with roles and bullets; "
                  f"{total_roles} roles, {total_bullets} bullets ({total_bullets / n:.1f} per document)")
    cross_checks(args)
    print("\n== findings by rule")
    for code, count in sorted(fired.items()):
        print(f"  {code}: {count}")
    if problems:
        print("\n== contract problems")
        for p in problems:
            print("  " + p)
    if args.check and problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
