#!/usr/bin/env python3
"""Robustness run: storyline check on mutated copies of the shared corpus.

Every input of ../shared/corpus (resumes of every format, LinkedIn export
folders, PDFs) gets N mutated copies (truncation at a random offset, byte
flips, a splice of two inputs; seeded RNG). Each copy, and the original,
is checked in its own process:

    storyline check --no-config --format json FILE

with a timeout, and counted: panics (stderr says "panicked", exit code
101, or a signal), hangs (the timeout), exit codes 0/1/2 (others apart)
and the peak memory of the run (`/usr/bin/time -f %M` when present, which
counts the PDF extraction child too; else getrusage(RUSAGE_CHILDREN)).

A LinkedIn export folder is mutated as a copy of the folder whose
Positions.csv is mutated. Failing inputs are kept in --keep.

    scripts/robustness.py --bin target/release/storyline [-n 20] [--check]

`--check` exits 1 on any panic, hang or run over --max-mb.
"""

import argparse
import concurrent.futures as cf
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

SUPPORTED = {"md", "markdown", "mdown", "txt", "text", "json", "docx", "tex", "xtx", "pdf", "zip"}
GNU_TIME = "/usr/bin/time"


def find_inputs(corpus):
    """(kind, path, is_folder) for every input of the corpus."""
    out = []
    for root, dirs, files in os.walk(corpus):
        if "Positions.csv" in files:
            out.append(("linkedin", root, True))
            dirs[:] = []
            continue
        for f in sorted(files):
            ext = f.rsplit(".", 1)[-1].lower() if "." in f else ""
            if ext in SUPPORTED:
                out.append((ext, os.path.join(root, f), False))
        dirs.sort()
    return sorted(out)


def mutate(rng, data, others):
    """One mutation of `data`: (name, bytes)."""
    kind = rng.choice(["truncate", "flip", "splice"])
    if not data:
        return "empty", data
    if kind == "truncate":
        return "truncate", data[: rng.randrange(len(data))]
    if kind == "flip":
        b = bytearray(data)
        for _ in range(rng.randint(1, max(1, len(b) // 200))):
            i = rng.randrange(len(b))
            b[i] = rng.randrange(256) if rng.random() < 0.5 else b[i] ^ (1 << rng.randrange(8))
        return "flip", bytes(b)
    other = rng.choice(others)
    return "splice", data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]


def run_one(binary, path, timeout, cwd):
    """(rc, signal, hung, panicked, peak_kb, seconds, stderr tail)."""
    memfile = os.path.join(cwd, f"mem-{os.getpid()}-{time.monotonic_ns()}")
    cmd = [binary, "check", "--no-config", "--format", "json", path]
    use_time = os.access(GNU_TIME, os.X_OK)
    if use_time:
        cmd = [GNU_TIME, "-f", "%M", "-o", memfile] + cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, start_new_session=True)
    hung = False
    try:
        _, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        hung = True
        os.killpg(p.pid, signal.SIGKILL)
        _, err = p.communicate()
    secs = time.monotonic() - t0
    rc = p.returncode
    err = err.decode("utf-8", "replace")
    sig = None
    peak = None
    if use_time:
        try:
            text = open(memfile).read()
            os.unlink(memfile)
        except OSError:
            text = ""
        for line in text.splitlines():
            if "terminated by signal" in line:
                sig = int(line.rsplit(" ", 1)[-1])
            elif line.strip().isdigit():
                peak = int(line.strip())
    else:
        # A high-water mark over all children: exact only when it grows.
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = after if after > before else None
    if rc is not None and rc < 0:
        sig = -rc
    panicked = "panicked" in err or rc == 101 or (sig is not None and not hung)
    return rc, sig, hung, panicked, peak, secs, err[-400:]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "storyline"))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("-n", type=int, default=20, help="mutants per input (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--max-mb", type=float, default=200.0, help="peak memory limit per run")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", default=None, help="folder for failing inputs (default: a temp dir)")
    ap.add_argument("--check", action="store_true", help="exit 1 on any panic, hang or over-memory")
    args = ap.parse_args()

    binary = os.path.abspath(args.bin)
    inputs = find_inputs(args.corpus)
    if not inputs:
        sys.exit(f"no inputs under {args.corpus}")
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="storyline-robust-")
    keep = args.keep or os.path.join(work, "failing")
    os.makedirs(keep, exist_ok=True)

    def read_data(kind, path, folder):
        return open(os.path.join(path, "Positions.csv") if folder else path, "rb").read()

    datas = [read_data(*i) for i in inputs]
    jobs = []  # (kind, label, path)
    for idx, ((kind, path, folder), data) in enumerate(zip(inputs, datas)):
        name = os.path.basename(path.rstrip("/"))
        for m in range(args.n + 1):
            if m == 0:
                jobs.append((kind, "original", path, f"{name}"))
                continue
            how, mutated = mutate(rng, data, datas)
            d = os.path.join(work, f"{idx:03d}-{m:03d}")
            os.makedirs(d)
            if folder:
                dest = os.path.join(d, name)
                shutil.copytree(path, dest)
                os.chmod(dest, 0o755)
                pos = os.path.join(dest, "Positions.csv")
                os.chmod(pos, 0o644)
                open(pos, "wb").write(mutated)
            else:
                dest = os.path.join(d, name)
                open(dest, "wb").write(mutated)
            jobs.append((kind, how, dest, f"{name} #{m} {how}"))

    print(f"{len(inputs)} inputs, {args.n} mutants each: {len(jobs)} runs, {args.jobs} at a time", flush=True)
    t0 = time.monotonic()
    rows = defaultdict(Counter)
    peaks = defaultdict(int)
    failures = []
    worst = []
    with cf.ThreadPoolExecutor(args.jobs) as pool:
        futs = {pool.submit(run_one, binary, p, args.timeout, work): (k, how, p, label)
                for k, how, p, label in jobs}
        for n, fut in enumerate(cf.as_completed(futs), 1):
            kind, how, path, label = futs[fut]
            rc, sig, hung, panicked, peak, secs, err = fut.result()
            r = rows[kind]
            r["runs"] += 1
            if hung:
                r["hang"] += 1
            elif panicked:
                r["panic"] += 1
            elif rc in (0, 1, 2):
                r[f"exit{rc}"] += 1
            else:
                r["other"] += 1
            over = peak is not None and peak / 1024 > args.max_mb
            if over:
                r["overmem"] += 1
            if peak is not None:
                peaks[kind] = max(peaks[kind], peak)
                worst.append((peak, label))
            r["secs"] += secs
            if hung or panicked or over or rc not in (0, 1, 2):
                why = "hang" if hung else "panic" if panicked else "over-memory" if over else f"exit {rc}"
                failures.append((why, label, path, sig, peak, err))
                dest = os.path.join(keep, os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path))
                if os.path.isdir(path):
                    shutil.copytree(path, dest, dirs_exist_ok=True)
                else:
                    shutil.copy(path, dest)
            if n % 200 == 0:
                print(f"  {n}/{len(jobs)} runs, {time.monotonic() - t0:.0f} s", flush=True)

    cols = ["runs", "exit0", "exit1", "exit2", "other", "panic", "hang", "overmem"]
    print()
    print(f"{'kind':<10}" + "".join(f"{c:>8}" for c in cols) + f"{'peak MB':>9}{'mean s':>8}")
    total = Counter()
    for kind in sorted(rows):
        r = rows[kind]
        total.update(r)
        print(f"{kind:<10}" + "".join(f"{r[c]:>8}" for c in cols)
              + f"{peaks[kind] / 1024:>9.1f}{r['secs'] / r['runs']:>8.2f}")
    print(f"{'total':<10}" + "".join(f"{total[c]:>8}" for c in cols)
          + f"{max(peaks.values(), default=0) / 1024:>9.1f}{total['secs'] / max(1, total['runs']):>8.2f}")
    print(f"\nwall time {time.monotonic() - t0:.0f} s; seed {args.seed}; memory by "
          + ("/usr/bin/time %M" if os.access(GNU_TIME, os.X_OK) else "getrusage(RUSAGE_CHILDREN)"))
    worst.sort(reverse=True)
    print("highest peaks: " + "; ".join(f"{p / 1024:.0f} MB {l}" for p, l in worst[:3]))
    for why, label, path, sig, peak, err in failures[:30]:
        print(f"\n{why.upper()}: {label} (signal {sig}, peak {peak} KB)\n  {path}\n  {err.strip()[-300:]}")
    if failures:
        print(f"\n{len(failures)} failing inputs kept in {keep}")
    bad = total["panic"] + total["hang"] + total["overmem"]
    if not failures:
        shutil.rmtree(work, ignore_errors=True)
    if args.check and bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
