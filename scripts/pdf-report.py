#!/usr/bin/env python3
"""Corpus report for the PDF (and DOCX) reader. Standard library only.

For every PDF and DOCX under CORPUS/resumes (and LinkedIn PDFs under
CORPUS/linkedin/pdf) it runs `storyline extract` and prints: time to
extract, characters, roles and bullets found, glued tokens (alphabetic
runs over 25 letters) and, where `pdftotext` is installed, word recall and
precision against pdftotext's text (bag of words, lowercased). Then the
medians, and the extraction time of one typical 2-page resume against
pdftotext on it.

    scripts/pdf-report.py [--bin target/release/storyline] [CORPUS]

CORPUS defaults to ../shared/corpus (from the repository root).
"""

import argparse
import collections
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

WORD = re.compile(r"\w+", re.UNICODE)
GLUED = re.compile(r"[^\W\d_]{26,}", re.UNICODE)
TYPICAL = "VatsaPatel_resume_2page_sketch_quartz.pdf"


def words(text):
    return collections.Counter(w.lower() for w in WORD.findall(text))


def run_extract(binary, path):
    start = time.perf_counter()
    p = subprocess.run([binary, "extract", path], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        return elapsed, None, p.stderr.strip().replace("\n", " ")
    try:
        return elapsed, json.loads(p.stdout), None
    except json.JSONDecodeError as e:
        return elapsed, None, f"bad JSON: {e}"


def pdftotext(path):
    p = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True)
    return p.stdout.decode("utf-8", "replace") if p.returncode == 0 else None


def median_time(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--bin", default="target/release/storyline")
    ap.add_argument("--runs", type=int, default=20, help="timing runs for the ratio")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    have_pdftotext = shutil.which("pdftotext") is not None

    files = []
    for sub in ("resumes/pdf", "resumes/docx", "linkedin/pdf"):
        d = os.path.join(args.corpus, sub)
        if os.path.isdir(d):
            files += sorted(
                os.path.join(d, f)
                for f in os.listdir(d)
                if f.lower().endswith((".pdf", ".docx"))
            )
    if not files:
        sys.exit(f"no PDF or DOCX files under {args.corpus}")

    header = f"{'file':58} {'ms':>6} {'chars':>6} {'roles':>5} {'bull':>5} {'glued':>5} {'recall':>6} {'prec':>6}"
    print(header)
    print("-" * len(header))
    recalls, precisions, times, failures = [], [], [], []
    for path in files:
        name = os.path.relpath(path, args.corpus)
        elapsed, doc, err = run_extract(binary, path)
        times.append(elapsed)
        if doc is None:
            failures.append(name)
            print(f"{name[:58]:58} {elapsed * 1000:6.0f} ERROR {err}")
            continue
        text = doc["text"]
        roles = doc.get("roles", [])
        bullets = sum(len(r["bullets"]) for r in roles + doc.get("projects", []))
        bullets += len(doc.get("loose_bullets", []))
        glued = len(GLUED.findall(text))
        recall = precision = None
        if have_pdftotext and path.lower().endswith(".pdf"):
            ref = pdftotext(path)
            if ref is not None:
                ours, theirs = words(text), words(ref)
                common = sum((ours & theirs).values())
                if sum(theirs.values()):
                    recall = common / sum(theirs.values())
                    recalls.append(recall)
                if sum(ours.values()):
                    precision = common / sum(ours.values())
                    precisions.append(precision)
        fmt = lambda v: f"{v:6.3f}" if v is not None else "     -"
        print(
            f"{name[:58]:58} {elapsed * 1000:6.0f} {len(text):6} {len(roles):5} {bullets:5} {glued:5} {fmt(recall)} {fmt(precision)}"
        )

    print()
    print(f"files: {len(files)}, failed: {len(failures)} {failures if failures else ''}")
    print(f"median extract time: {statistics.median(times) * 1000:.0f} ms")
    if recalls:
        print(f"word recall vs pdftotext: median {statistics.median(recalls):.3f}, min {min(recalls):.3f}")
        print(f"word precision vs pdftotext: median {statistics.median(precisions):.3f}, min {min(precisions):.3f}")

    typical = [f for f in files if os.path.basename(f) == TYPICAL]
    if typical and have_pdftotext:
        f = typical[0]
        ours = median_time([binary, "extract", f], args.runs)
        theirs = median_time(["pdftotext", f, "-"], args.runs)
        print(
            f"typical 2-page resume ({TYPICAL}): storyline extract {ours * 1000:.1f} ms, "
            f"pdftotext {theirs * 1000:.1f} ms, ratio {ours / theirs:.2f}x (median of {args.runs})"
        )


if __name__ == "__main__":
    main()
