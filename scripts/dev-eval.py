#!/usr/bin/env python3
"""Runs the three dev-set scorers of ../shared/eval, and the level agreement
with the team's coach reading of the corpus (scripts/level-agreement.py),
against a built binary and checks each figure against its floor in
eval/floors.json.

    python3 scripts/dev-eval.py [--bin target/release/storyline] [--eval ../shared/eval] [--check]

Without --check it prints the figures; with it, it also exits 1 when a figure
is below its floor (or above its ceiling), naming each one.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def figures(output):
    """The last line of key=value pairs a scorer prints, as a dict of numbers."""
    found = {}
    for line in output.splitlines():
        pairs = re.findall(r"(\w+)=([0-9.]+)(?:/[0-9]+)?", line)
        if len(pairs) >= 2 and "=" in line and not line.startswith(" "):
            found = {k: float(v) for k, v in pairs}
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/storyline"))
    ap.add_argument("--eval", default=str(ROOT.parent / "shared/eval"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", help="structure, bullets, pairs or levels")
    args = ap.parse_args()
    ev = Path(args.eval)
    floors = json.loads((ROOT / "eval/floors.json").read_text())
    runs = {
        "structure": [str(ev / "score_structure.py"), args.bin, "--show", "0"],
        "bullets": [str(ev / "score_bullets.py"), args.bin],
        "pairs": [str(ev / "score_pairs.py"), args.bin, "--extra-arg=--no-config", "--jobs", "2", "--show", "0"],
        "levels": [str(ROOT / "scripts/level-agreement.py"), "--bin", args.bin, "--corpus", str(ev.parent / "corpus")],
    }
    failures = []
    for name, cmd in runs.items():
        if args.only and name != args.only:
            continue
        proc = subprocess.run([sys.executable] + cmd, capture_output=True, text=True, cwd=ROOT)
        got = figures(proc.stdout)
        print(f"{name}: " + " ".join(f"{k}={v:g}" for k, v in got.items()))
        if not got:
            failures.append(f"{name}: the scorer printed no figures (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
            continue
        for key, floor in floors[name].get("min", {}).items():
            if key not in got:
                failures.append(f"{name}: {key} missing from the scorer's output")
            elif got[key] + 1e-9 < floor:
                failures.append(f"{name}: {key}={got[key]:g} is below its floor {floor:g}")
        for key, ceil in floors[name].get("max", {}).items():
            if key not in got:
                failures.append(f"{name}: {key} missing from the scorer's output")
            elif got[key] - 1e-9 > ceil:
                failures.append(f"{name}: {key}={got[key]:g} is above its ceiling {ceil:g}")
    for f in failures:
        print("FLOOR " + f)
    if args.check and failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
