"""Benchmark the exact solver of kexue.fm/archives/9775 against the scan a newcomer would write.

* ``min_abc`` (early-stopping p-sweep) versus the O(sqrt N) loop over every
  a <= sqrt N, at N = 10**6, 10**9, 10**12 and at pi times those (10**6 and
  10**12 are squares, the easiest case for the sweep).  Both are timed in the
  same repetition and the ratio is taken per repetition, so machine load hits
  both sides alike.  Beyond 10**12 only ``min_abc`` runs.
* ``min_sum_range`` throughput over 10**6 consecutive N.

Prints Markdown tables: median and (min-max) over the repetitions.
Run: ``python benchmarks/bench_ab_plus_c.py [--repeats 7]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from math import isqrt
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.ab_plus_c import min_abc, min_sum_range  # noqa: E402

SCAN_NS = [10**6, 314159265 // 100, 10**9, 314159265, 10**12, 314159265358]
SWEEP_ONLY_NS = [10**15, 10**18 + 123456789012, 2**61 - 1, 10**40 + 12345678901234567890]
RANGE_STARTS = [10**6, 10**9, 10**12]
RANGE_LEN = 10**6


def newcomer_scan(N: int) -> tuple[int, int, int]:
    """(S, a, b): try every a <= sqrt N with its best b = N // a, plus a = 0.  O(sqrt N)."""
    best = (N, 0, 0)
    for a in range(1, isqrt(N) + 1):
        b = N // a
        s = a + b + N - a * b
        if s < best[0]:
            best = (s, a, b)
    return best


def per_call(fn, N: int, min_seconds: float = 0.02) -> float:
    """Seconds per call, from a loop long enough to dwarf the timer's resolution."""
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            fn(N)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / calls
        calls *= 4


def fmt_time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def spread(values, fmt) -> str:
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def candidates(N: int) -> int:
    """p values the sweep evaluates: S* - floor(2 sqrt N) + 1."""
    return sum(min_abc(N)) - isqrt(4 * N) + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="repetitions per row (default 7)")
    args = parser.parse_args()

    print(f"Python {sys.version.split()[0]}, {args.repeats} repetitions; median (min–max)\n")
    print("| N | p values | min_abc | O(√N) scan | scan / min_abc |")
    print("|---|---:|---:|---:|---:|")
    seconds_per_a = 0.0
    for N in SCAN_NS:
        assert sum(min_abc(N)) == newcomer_scan(N)[0], N  # same answer before timing
        fast, slow, ratio = [], [], []
        for _ in range(args.repeats):
            f, s = per_call(min_abc, N), per_call(newcomer_scan, N)
            fast.append(f)
            slow.append(s)
            ratio.append(s / f)
        seconds_per_a = statistics.median(slow) / isqrt(N)  # the last (largest) N sets the rate
        print(f"| {N:,} | {candidates(N):,} | {spread(fast, fmt_time)} | {spread(slow, fmt_time)} "
              f"| {spread(ratio, lambda r: f'{r:,.0f}×')} |")
    for N in SWEEP_ONLY_NS:
        fast = [per_call(min_abc, N, 0.2) for _ in range(args.repeats)]
        scan = f"≈ {isqrt(N) * seconds_per_a:.1e} s (extrapolated)"
        print(f"| {N:,} | {candidates(N):,} | {spread(fast, fmt_time)} | {scan} | — |")

    repeats = max(3, args.repeats // 2)
    print(f"\nmin_sum_range over {RANGE_LEN:,} consecutive N, {repeats} repetitions\n")
    print("| N0 | time | N per second |")
    print("|---|---:|---:|")
    for N0 in RANGE_STARTS:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            min_sum_range(N0, N0 + RANGE_LEN)
            times.append(time.perf_counter() - start)
        rates = [RANGE_LEN / t for t in times]
        print(f"| {N0:,} | {spread(times, fmt_time)} | {spread(rates, lambda r: f'{r:,.0f}')} |")


if __name__ == "__main__":
    main()
