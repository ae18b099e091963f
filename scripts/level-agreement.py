#!/usr/bin/env python3
"""Compares the level storyline evidences for each corpus document with the
team's coach reading in eval/coach-levels.json.

    python3 scripts/level-agreement.py [--bin target/release/storyline] [--corpus ../shared/corpus] [--show]

A document agrees when storyline's level is the coach's or one the coach
could equally defend ('also_ok'); "unknown" agrees only with "unknown". A
document storyline could not read counts as a disagreement. The last line
is key=value figures (dev-eval.py reads it).
"""
import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def level_of(binary, corpus, rel):
    path = corpus / rel
    cmd = [binary, "check", "--no-config", "--format", "json", "--track", "software-engineer"]
    if rel.startswith("linkedin/") and path.is_dir():
        cmd += ["--profile", str(path)]
    cmd.append(str(path))
    proc = subprocess.run(cmd, capture_output=True, text=True)
    try:
        docs = json.loads(proc.stdout)["documents"]
    except (ValueError, KeyError):
        return "error", proc.stderr.strip()[-120:]
    if not docs:
        return "error", "no document read"
    d = docs[0]
    return d.get("inferred") or "unknown", d.get("inferred_basis") or d.get("unknown_because") or ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/storyline"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus"))
    ap.add_argument("--show", action="store_true", help="print every document, disagreements marked")
    args = ap.parse_args()
    labels = json.loads((ROOT / "eval/coach-levels.json").read_text())["documents"]
    corpus = Path(args.corpus)
    with ThreadPoolExecutor(2) as pool:
        got = dict(zip(labels, pool.map(lambda r: level_of(args.bin, corpus, r), labels)))
    agree = strict = 0
    for rel, want in labels.items():
        level, basis = got[rel]
        ok = level == want["level"] or level in want.get("also_ok", [])
        agree += ok
        strict += level == want["level"]
        if args.show or not ok:
            mark = "  " if ok else "XX"
            print(f"{mark} {rel[:58]:58} coach {want['level']:9} storyline {level:9} {basis[:110]}")
    n = len(labels)
    print(f"levels: docs={n} agree={agree / n:.2f} strict={strict / n:.2f}")


if __name__ == "__main__":
    sys.exit(main())
