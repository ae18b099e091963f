#!/usr/bin/env python3
"""Suggested edits on the corpus (stdlib only; not part of `cargo test`).

1. Lints every resume of the corpus (all formats) and prints the share of
   findings that carry a suggested edit, and of those with a safe one, in
   all and per rule.
2. Copies every text resume (Markdown, text, LaTeX, JSON) to a temporary
   folder, runs `storyline check --fix` on it twice and checks that the
   second run changes nothing, that a JSON file stays valid JSON and that
   the fixed document reads into the same roles (`storyline extract`).

    python3 scripts/fix-check.py --bin target/eval/storyline [--corpus ../shared/corpus]

Exits 1 when a check fails. Prints no corpus text, only paths and counts.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

TEXT = ("md", "txt", "json", "tex", "xtx")
ALL = TEXT + ("pdf", "docx")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def resumes(corpus, exts):
    out = []
    for root, _, names in sorted(os.walk(os.path.join(corpus, "resumes"))):
        for name in sorted(names):
            if name.rsplit(".", 1)[-1].lower() in exts:
                out.append(os.path.join(root, name))
    return out


def roles(bin_, path):
    code, out, _ = run([bin_, "extract", path])
    if code != 0 or not out.strip():
        return None
    m = json.loads(out)
    return [(r.get("company"), r.get("title"), r.get("start"), r.get("end"), len(r.get("bullets") or []))
            for r in m.get("roles") or []]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    ap.add_argument("--today", default="2026-11")
    args = ap.parse_args()
    bin_ = os.path.abspath(args.bin)

    # 1. The share of findings with a suggestion.
    files = resumes(args.corpus, ALL)
    code, out, err = run([bin_, "check", "--no-config", "--format", "json", "--today", args.today] + files)
    report = json.loads(out)
    total = collections.Counter()
    with_fix = collections.Counter()
    with_safe = collections.Counter()
    for d in report["diagnostics"]:
        total[d["code"]] += 1
        fixes = d.get("fixes") or []
        if fixes:
            with_fix[d["code"]] += 1
        if any(f["class"] == "safe" for f in fixes):
            with_safe[d["code"]] += 1
    n = sum(total.values())
    print(f"== {len(files)} corpus resumes, {n} findings")
    print(f"  with a suggested edit: {sum(with_fix.values())} ({100 * sum(with_fix.values()) / max(n, 1):.1f}%)")
    print(f"  with a safe edit:      {sum(with_safe.values())} ({100 * sum(with_safe.values()) / max(n, 1):.1f}%)")
    for code_ in sorted(total):
        if with_fix[code_]:
            print(f"  {code_}: {with_fix[code_]}/{total[code_]} with an edit, {with_safe[code_]} safe")

    # 2. --fix twice on copies of the text resumes.
    problems = []
    changed = edits = 0
    texts = resumes(args.corpus, TEXT)
    with tempfile.TemporaryDirectory() as tmp:
        for i, src in enumerate(texts):
            rel = os.path.relpath(src, args.corpus)
            d = os.path.join(tmp, str(i))
            os.mkdir(d)
            copy = os.path.join(d, os.path.basename(src))
            shutil.copyfile(src, copy)
            before = roles(bin_, copy)
            if before is None:
                continue  # unreadable: the corpus marks some as malformed
            original = open(copy, "rb").read()
            fix = [bin_, "check", "--fix", "--no-config", "--format", "json", "--today", args.today, copy]
            c1, _, e1 = run(fix)
            once = open(copy, "rb").read()
            c2, _, e2 = run(fix)
            twice = open(copy, "rb").read()
            if once != original:
                changed += 1
                edits += sum(1 for line in e1.splitlines() if line.startswith("fixed ") and " -> " in line)
            if "panicked" in e1 + e2:
                problems.append(f"{rel}: a panic")
            if twice != once:
                problems.append(f"{rel}: the second --fix changed the file")
            if "no safe fix to apply" not in e2:
                problems.append(f"{rel}: the second --fix found more to do")
            if c1 != c2:
                problems.append(f"{rel}: exit {c1} then {c2}")
            if copy.endswith(".json"):
                try:
                    json.loads(once.decode("utf-8"))
                except ValueError as e:
                    problems.append(f"{rel}: not JSON after --fix: {e}")
            after = roles(bin_, copy)
            if after != before:
                problems.append(f"{rel}: roles differ after --fix ({len(before or [])} -> {len(after or [])})")
    print(f"== --fix on {len(texts)} text resumes: {changed} changed, {edits} edits applied")
    for p in problems:
        print("  PROBLEM " + p)
    if not problems:
        print("  idempotent, JSON valid, same roles: all")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
