#!/usr/bin/env python3
"""Interleaved timing of whole commands, to compare two builds on a noisy
machine: the commands alternate run by run, so drift hits them alike.

    bench/ab.py N cmdA args -- cmdB args [-- cmdC args ...]

Runs each command N times (after 10 warm-up rounds), output to /dev/null,
and prints the median, the 25th percentile and the mean, in milliseconds.
"""
import os
import shutil
import statistics
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands: list[list[str]] = [[]]
    for arg in sys.argv[2:]:
        if arg == "--":
            commands.append([])
        else:
            commands[-1].append(arg)
    for c in commands:
        path = shutil.which(c[0])
        if path is None:
            sys.exit(f"ab.py: no such command: {c[0]}")
        c[0] = path
    devnull = os.open(os.devnull, os.O_WRONLY)
    quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]

    def run(c: list[str]) -> float:
        start = time.perf_counter()
        pid = os.posix_spawn(c[0], c, os.environ, file_actions=quiet)
        os.waitpid(pid, 0)
        return (time.perf_counter() - start) * 1e3

    for _ in range(10):
        for c in commands:
            run(c)
    times: list[list[float]] = [[] for _ in commands]
    for i in range(runs):
        # Alternate the order too, so neither always runs first.
        order = range(len(commands)) if i % 2 == 0 else reversed(range(len(commands)))
        for k in order:
            times[k].append(run(commands[k]))
    for c, t in zip(commands, times):
        t.sort()
        print(
            f"median {statistics.median(t):7.3f}  p25 {t[len(t) // 4]:7.3f}  "
            f"mean {statistics.mean(t):7.3f}  {' '.join(c)[:70]}"
        )


if __name__ == "__main__":
    main()
