"""Smooth top-k benchmarks (kexue.fm/archives/10373), measured side by side in one run.

* ``soft_topk`` "sigmoid" and "laplace" at n = 10**6 against the post's reference approach: bisection on the
  threshold λ until the bracket is narrower than 1e-4, in numpy (each step evaluates Σ f(x − λ) over all n).
  The table also gives how far each result's sum is from k: the reference stops at 1e-4 in λ, not at machine
  precision.
* ``soft_topk`` "grad" (log-space dynamic program) at n = 10**4, k = 100 against the post's recursion as published
  ("grad_recursive"), which is also O(nk).

Run: ``python benchmarks/bench_topk.py [--repeats 7]``. Prints a Markdown table: median (min–max).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.special import expit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.topk import soft_topk  # noqa: E402


def laplace_profile(z: np.ndarray) -> np.ndarray:
    """The post's 二者兼之 profile: 1 − e^(−z)/2 for z ≥ 0, e^z/2 below."""
    half = 0.5 * np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 - half, half)


PROFILES = {"sigmoid": expit, "laplace": laplace_profile}


def reference_bisection(x: np.ndarray, k: int, profile, tolerance: float = 1e-4) -> np.ndarray:
    """The post's approach: bisect λ in [min x − 50, max x + 50] until the bracket is below ``tolerance``."""
    lo, hi = x.min() - 50.0, x.max() + 50.0
    while hi - lo > tolerance:
        mid = 0.5 * (lo + hi)
        if profile(x - mid).sum() > k:
            lo = mid
        else:
            hi = mid
    return profile(x - 0.5 * (lo + hi))


def timed(function) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def row(label: str, ours: list[float], baseline: list[float], ours_error: float, baseline_error: float) -> str:
    def summary(samples: list[float]) -> str:
        return f"{statistics.median(samples) * 1000:.1f} ms ({min(samples) * 1000:.1f}–{max(samples) * 1000:.1f})"

    ratios = [b / o for o, b in zip(ours, baseline)]
    return (
        f"| {label} | {summary(ours)} | {summary(baseline)} | {statistics.median(ratios):.1f}× "
        f"| {ours_error:.1e} | {baseline_error:.1e} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    rows = [
        "| case | soft_topk: median (min–max) | baseline: median (min–max) | speed-up | \\|Σ − k\\| ours "
        "| \\|Σ − k\\| baseline |",
        "|---|---|---|---|---|---|",
    ]
    x = rng.standard_normal(10**6) * 3
    k = 1000
    for method, profile in PROFILES.items():
        ours, base = [], []
        for _ in range(args.repeats):
            t_ours, y_ours = timed(lambda method=method: soft_topk(x, k, 1.0, method))
            t_base, y_base = timed(lambda profile=profile: reference_bisection(x, k, profile))
            ours.append(t_ours)
            base.append(t_base)
        label = f'"{method}", n = 10⁶, k = {k} vs bisection to 1e-4'
        rows.append(row(label, ours, base, abs(y_ours.sum() - k), abs(y_base.sum() - k)))

    x = rng.standard_normal(10**4)
    k = 100
    ours, base = [], []
    for _ in range(args.repeats):
        t_ours, y_ours = timed(lambda: soft_topk(x, k, 1.0, "grad"))
        t_base, y_base = timed(lambda: soft_topk(x, k, 1.0, "grad_recursive"))
        ours.append(t_ours)
        base.append(t_base)
    label = '"grad", n = 10⁴, k = 100 vs the post\'s recursion'
    rows.append(row(label, ours, base, abs(y_ours.sum() - k), abs(y_base.sum() - k)))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
