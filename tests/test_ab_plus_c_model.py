"""Tests for explorer.ab_plus_c.model against brute force and independent exact references.

References used here never call the model: ``brute_table`` enumerates every
pair (a, b); ``reference_best`` sweeps a + b = p using only the definition
"largest a with a(p - a) <= N"; bounds are checked in 50-digit mpmath.
"""

from __future__ import annotations

import ast
import json
import math
import subprocess
import sys
from functools import cache
from math import isqrt
from pathlib import Path

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import explorer.ab_plus_c as abc
from explorer.ab_plus_c import model

mp.mp.dps = 50
ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "explorer" / "ab_plus_c"
FORBIDDEN = ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6")
L = 4000  # every N up to here is checked exhaustively
BIG = 100_000  # brute-force table size for the claims about N < 10**5
HARD_40 = 10**40 + 12345678901234567890  # a "random" N far beyond 2**64 (1.5 million p values)
SETTINGS = settings(max_examples=40, deadline=None, database=None)
MAX_WINDOW = 2_000_000  # reference sweep length cap (HARD_40 needs 1.5 million)


# ----------------------------------------------------------------------------- references


@cache
def brute_table(limit: int):
    """S*(N) and the largest optimal ab, for every N <= limit, from *all* pairs a <= b, ab <= limit.

    A pair (a, b) serves every N >= ab with c = N - ab, so S*(N) = N - max over ab <= N of
    (ab - a - b); (0, 0) contributes 0, every other a = 0 pair less.  The largest ab
    attaining that maximum gives the optimum with the least c.
    """
    h = np.full(limit + 1, -(1 << 60), dtype=np.int64)
    h[0] = 0
    for a in range(1, isqrt(limit) + 1):
        b = np.arange(a, limit // a + 1, dtype=np.int64)
        np.maximum.at(h, a * b, a * b - a - b)
    g = np.maximum.accumulate(h)
    best_ab = np.maximum.accumulate(np.where(h == g, np.arange(limit + 1), -1))
    return np.arange(limit + 1) - g, best_ab


def s_star(N: int) -> int:
    return int(brute_table(BIG)[0][N])


def best_a(N: int, p: int) -> int:
    """Largest a <= p - a with a(p - a) <= N, from the definition (a(p - a) grows with a)."""
    a = min(p // 2, (p - isqrt(max(p * p - 4 * N, 0))) // 2)
    while a > 0 and a * (p - a) > N:
        a -= 1
    while a + 1 <= p - a - 1 and (a + 1) * (p - a - 1) <= N:
        a += 1
    return a


def reference_best(N: int, W: int) -> tuple[int, int, int]:
    """(S, a, b) least over all triples with a + b <= W, ties to the larger a + b.

    Sweeps every p = a + b from floor(2 sqrt N) - 2 to W, plus (0, 0, N).  Smaller p need no
    sweep: there the best ab is floor(p²/4) and N + p - floor(p²/4) does not grow with p >= 1.
    A window beyond MAX_WINDOW fails at once: only a wrong, far too large claim produces one.
    """
    assert W - isqrt(4 * N) <= MAX_WINDOW, f"claimed S = {W} is implausibly far above 2 sqrt({N})"
    best = (N, 0, 0)
    for p in range(max(1, isqrt(4 * N) - 2), W + 1):
        a = best_a(N, p)
        s = N + p - a * (p - a)
        if s <= best[0]:
            best = (s, a, p - a)
    return best


def post_bound(N) -> mp.mpf:
    """The post's upper bound 2 sqrt N + 2 + sqrt(1 + 4 sqrt N), in 50 digits."""
    r = mp.sqrt(mp.mpf(N))
    return 2 * r + 2 + mp.sqrt(1 + 4 * r)


def assert_valid(N: int, triple) -> None:
    a, b, c = triple
    assert all(isinstance(v, int) for v in triple)
    assert 0 <= a <= b and c >= 0 and a * b + c == N, (N, triple)


def published_rule(N: int):
    """Algorithm 1 read off the post: a over (sqrt(N/2), sqrt(N)], b = N // a; None if empty."""
    values = [a + N // a + N % a for a in range(1, N + 1) if 2 * a * a > N and a * a <= N]
    return min(values) if values else None


def log_uniform(digits_lo: int, digits_hi: int):
    """Integers whose number of digits is uniform in [digits_lo, digits_hi] (plain st.integers
    favours small values)."""
    return st.integers(digits_lo, digits_hi).flatmap(lambda d: st.integers(10 ** (d - 1), 10**d - 1))


@st.composite
def near_square_products(draw):
    """N = ab + c with a, b near sqrt N, and W = a + b + c >= S*: a window a sweep can afford."""
    m = draw(log_uniform(4, 30))
    k = draw(st.integers(0, 3000))
    j = draw(st.integers(0, min(m - 1, isqrt(3000 * m))))
    c = draw(st.integers(0, 3000))
    a, b = m - j, m + j + k
    return a * b + c, a + b + c


# ----------------------------------------------------------------------------- package hygiene


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or "")


def test_no_qt_imports_and_no_view_in_the_package():
    sources = [p for p in sorted(PKG.glob("*.py")) if p.name != "view.py"]
    assert {p.name for p in sources} >= {"__init__.py", "model.py"}
    for path in sources:
        for mod in imported_modules(path):
            assert mod.split(".")[0] not in FORBIDDEN, f"{path.name} imports {mod}"
            assert "view" not in mod.lstrip(".").split("."), f"{path.name} imports the view"
    code = ("import sys, json, explorer.ab_plus_c; print(json.dumps(sorted(m for m in sys.modules "
            f"if m.split('.')[0] in {FORBIDDEN!r} or m.endswith('ab_plus_c.view'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert json.loads(out.stdout) == []


def test_public_api_is_re_exported():
    assert abc.min_abc is model.min_abc
    for name in model.__all__:
        assert getattr(abc, name) is getattr(model, name)


# ----------------------------------------------------------------------------- min_abc and all_optima


def test_min_abc_equals_brute_force_for_every_N_up_to_L():
    s_tab, ab_tab = brute_table(BIG)
    for N in range(1, L + 1):
        a, b, c = triple = model.min_abc(N)
        assert_valid(N, triple)
        assert a + b + c == s_tab[N], N
        assert a * b == ab_tab[N], N  # the optimum with the least c


def test_tiny_N_take_a_equal_zero():
    assert [model.min_abc(N) for N in range(1, 7)] == [(0, 0, 1), (0, 0, 2), (0, 0, 3), (2, 2, 0),
                                                       (2, 2, 1), (2, 3, 0)]


def test_all_optima_is_every_optimal_pair():
    for N in range(1, 301):
        triples = [(a, b, N - a * b) for a in range(0, N + 1) for b in range(a, N + 1) if a * b <= N]
        best = min(sum(t) for t in triples)
        assert model.all_optima(N) == sorted(t for t in triples if sum(t) == best), N
    s_tab = brute_table(BIG)[0]
    for N in range(301, L + 1, 7):
        found = model.all_optima(N)
        assert found and all(sum(t) == s_tab[N] and t[0] * t[1] + t[2] == N for t in found)
        assert model.min_abc(N) in found


@settings(max_examples=60, deadline=None, database=None)
@given(log_uniform(1, 27))
def test_random_N_match_an_independent_sweep(N):
    triple = model.min_abc(N)
    assert_valid(N, triple)
    s, a, b = reference_best(N, sum(triple))
    assert triple == (a, b, N - a * b)


@SETTINGS
@given(near_square_products())
def test_large_N_up_to_1e60_match_a_sweep_of_the_provable_window(case):
    N, witness = case  # any valid triple bounds S*, and S >= a + b, so p <= witness suffices
    triple = model.min_abc(N)
    assert_valid(N, triple)
    s, a, b = reference_best(N, witness)
    assert triple == (a, b, N - a * b)


def test_a_random_N_beyond_2_64_checked_in_full():
    triple = model.min_abc(HARD_40)
    assert_valid(HARD_40, triple)
    s, a, b = reference_best(HARD_40, sum(triple))  # ~1.5 million values of p
    assert triple == (a, b, HARD_40 - a * b)
    assert s - isqrt(4 * HARD_40) + 1 > 10**6  # the numpy chunks really ran


@pytest.mark.parametrize("N, expected", [
    (130, (10, 13, 0)), (162, (9, 18, 0)), (2888, (38, 76, 0)), (2915, (53, 55, 0)),
    (12345**2, (12345, 12345, 0)), (10**18, (10**9, 10**9, 0)), (10**40, (10**20, 10**20, 0)),
    (10**18 + 1, (10**9, 10**9, 1)),
])
def test_named_cases(N, expected):
    assert model.min_abc(N) == expected


@pytest.mark.parametrize("N", [10**15, 10**18 + 123456789012, 2**61 - 1, 2**64 + 13, 10**30 + 7])
def test_named_large_cases_against_reference(N):
    triple = model.min_abc(N)
    assert_valid(N, triple)
    s, a, b = reference_best(N, sum(triple))
    assert triple == (a, b, N - a * b)


def test_numpy_kernel_is_exact_up_to_its_2_pow_100_limit():
    # chunks whose p² - 4N ends just below 2**100, where the float root is least accurate
    for N in (10**44 + 7, 3**95 + 1, 2**120 - 1):
        last = isqrt(4 * N + (1 << 100) - 1)  # the last p with p² - 4N < 2**100
        assert last**2 - 4 * N < 1 << 100 <= (last + 1) ** 2 - 4 * N
        p0 = last - 1023
        costs = {p: N + p - best_a(N, p) * (p - best_a(N, p)) for p in range(p0, last + 1)}
        s = min(costs.values())
        p = max(p for p, v in costs.items() if v == s)
        assert model._scan_numpy(N, p0, last + 1, (10**200, 0, 0)) == (s, p, p - 2 * best_a(N, p))


# ----------------------------------------------------------------------------- the post's methods


def test_published_algorithm_fails_exactly_where_brute_force_says():
    s_tab = brute_table(BIG)[0]
    fails = []
    for N in range(1, L + 1):
        result = model.scan_sqrt(N)
        lo_ok = [a for a in range(1, isqrt(N) + 1) if 2 * a * a > N]
        assert [a for a, _ in result.candidates] == lo_ok  # the trace is the published interval
        expected = published_rule(N) if N <= 400 else (min(a + N // a + N % a for a in lo_ok) if lo_ok else None)
        assert result.S == expected, N
        if result.S != s_tab[N]:
            fails.append(N)
    assert fails == [N for N in model.PUBLISHED_FAILURES if N <= L]
    for N in fails[4:]:  # beyond 1, 2, 3, 8: N = 2k² + t, optimum (k, 2k, t), answer off by one
        k = isqrt(N // 2)
        assert N - 2 * k * k <= 3 and (k, 2 * k, N - 2 * k * k) in model.all_optima(N)
        assert model.scan_sqrt(N).S == s_tab[N] + 1
    assert 162 in fails and 2888 in fails
    assert model.scan_sqrt(162).triple == (10, 16, 2) and model.min_abc(162) == (9, 18, 0)
    assert model.scan_sqrt(2888).S == 115 and s_tab[2888] == 114
    assert [N for N in (2, 3, 8) if model.scan_sqrt(N).triple is None] == [2, 3, 8]


def test_published_failures_are_complete_and_the_fix_is_exact_below_the_safe_bound():
    s_tab = brute_table(BIG)[0]
    n = np.arange(1, model.SCAN_SAFE_FROM, dtype=np.int64)
    hi = np.array([isqrt(int(v)) for v in n])
    lo_floor = np.array([max(1, isqrt(int(v) // 2)) for v in n])
    lo_open = np.array([next(a for a in range(isqrt(int(v) // 2), isqrt(int(v)) + 2) if 2 * a * a > v)
                        for v in n])

    def window_min(lo, with_zero):
        best = np.where(with_zero, n, np.iinfo(np.int64).max)
        for t in range(int((hi - lo).max()) + 1):
            a = np.minimum(lo + t, np.maximum(hi, 1))
            s = a + n // a + n % a
            best = np.where(lo + t <= hi, np.minimum(best, s), best)
        return best

    open_fails = n[window_min(lo_open, False) != s_tab[1:model.SCAN_SAFE_FROM]]
    assert tuple(open_fails.tolist()) == model.PUBLISHED_FAILURES
    assert (window_min(lo_floor, True) == s_tab[1:model.SCAN_SAFE_FROM]).all()


def test_safe_bound_makes_small_a_hopeless_from_there_on():
    # for a <= sqrt(N/2): S >= a + N/a >= 3 sqrt(N/2); beyond SCAN_SAFE_FROM that exceeds the
    # post's bound on S*.  g(s) = (3/sqrt 2 - 2) s - 2 - sqrt(1 + 4 s) increases for s > 68.
    def g(N):
        return 3 * mp.sqrt(mp.mpf(N) / 2) - post_bound(N)

    assert g(model.SCAN_SAFE_FROM) > 0 >= g(model.SCAN_SAFE_FROM - 1)
    assert model.SCAN_SAFE_FROM > 68**2
    assert mp.diff(lambda s: (3 / mp.sqrt(2) - 2) * s - mp.sqrt(1 + 4 * s), 68) > 0


def test_closing_the_interval_alone_is_not_enough():
    s_tab = brute_table(BIG)[0]
    fails = []
    for N in range(1, L + 1):  # [sqrt(N/2), sqrt(N)] literally, plus (0, 0, N)
        values = [a + N // a + N % a for a in range(1, isqrt(N) + 1) if 2 * a * a >= N] + [N]
        if min(values) != s_tab[N]:
            fails.append(N)
    assert fails == [19, 33, 34, 129, 163, 164, 201, 202, 203, 883, 969, 970, 971, 2049, 2889, 2890]
    assert all(model.scan_sqrt(N, closed=True).S == s_tab[N] for N in fails)


def test_exact_methods_agree_with_brute_force_and_traces_are_feasible():
    s_tab = brute_table(BIG)[0]
    for N in range(1, L + 1):
        for result in (model.scan_sqrt(N, closed=True), model.search_xy(N), model.search_pq(N),
                       model.search_pq(N, early_stop=False)):
            assert_valid(N, result.triple)
            assert result.S == s_tab[N], (result.method, N)
            assert result.examined == len(result.candidates) >= 1
            assert all(0 <= a <= b and a * b <= N for a, b in result.candidates), (result.method, N)
        assert model.search_pq(N).triple == model.min_abc(N)
    for N in (1, 2, 3, 8, 130):
        assert_valid(N, model.naive(N).triple)
        if model.scan_sqrt(N).triple is not None:
            assert_valid(N, model.scan_sqrt(N).triple)


def test_naive_rule_counterexample_and_worst_case_below_3000():
    s_tab = brute_table(BIG)[0]
    assert model.naive(130).triple == (11, 11, 9) and model.naive(130).S == 31 and s_tab[130] == 23

    def naive_s(N):
        m = isqrt(N)
        return min(2 * m + N - m * m, 2 * m + 1 + N - m * (m + 1) if m * (m + 1) <= N else N * 9)

    gaps = {N: naive_s(N) - s_tab[N] for N in range(1, 3000)}
    assert all(model.naive(N).S == naive_s(N) for N in range(1, 3000, 11))
    assert max(gaps, key=gaps.get) == 2915 == 54**2 - 1 and gaps[2915] == 52


def test_early_stop_counts_and_the_hardest_searches():
    s_tab = brute_table(BIG)[0]
    n = np.arange(BIG + 1)
    p1 = np.array([isqrt(4 * int(v)) for v in n])
    count = np.maximum(1, s_tab - p1 + 1)
    for N in list(range(1, 600)) + [2879, 89743]:
        assert model.search_pq(N).examined == count[N], N
    assert int(np.argmax(count[1:3000])) + 1 == 2879 and count[2879] == 14
    assert int(np.argmax(count[1:BIG])) + 1 == 89743 and count[89743] == 34


def test_pq_trace_is_the_sweep_and_xy_trace_covers_the_window():
    N = 2879
    full = model.search_pq(N, early_stop=False)
    p1 = isqrt(4 * N)
    top = int(mp.floor(post_bound(N)))
    assert [p for p, _ in full.pq] == [p1] + list(range(p1 + 1, top + 1))
    for p, q in full.pq:  # q is the least of p's parity with (p² - q²)/4 <= N
        assert (p - q) % 2 == 0 and (p * p - q * q) <= 4 * N
        assert q < 2 or p * p - (q - 2) ** 2 > 4 * N
    xs = sorted({a + b for a, b in model.search_xy(N).candidates})  # 2x
    lo = mp.sqrt(N) - mp.mpf(1) / 2
    hi = mp.sqrt(N) + mp.mpf(3) / 2 + mp.sqrt(1 + 2 * mp.sqrt(N))
    ms = [m for m in range(isqrt(N) - 2, int(hi) + 2) if lo < m <= hi]
    assert set(range(2 * ms[0] + 1, 2 * ms[-1] + 2)) <= set(xs)


def test_post_equation_1_is_off_by_one():
    for a, b, N in ((10, 13, 130), (3, 7, 40), (9, 18, 162), (41, 70, 2879)):
        S = a + b + N - a * b
        eq1 = N - (mp.sqrt(a * b) - 1) ** 2 + (mp.sqrt(a) - mp.sqrt(b)) ** 2
        assert mp.almosteq(eq1, S - 1, 1e-40)


# ----------------------------------------------------------------------------- bounds


def test_bounds_hold_from_4_and_the_lower_one_fails_below():
    s_tab = brute_table(BIG)[0]
    for N in range(1, L + 1):
        lower = int(mp.ceil(2 * mp.sqrt(N)))
        assert (s_tab[N] >= lower) == (N >= 4), N
        assert s_tab[N] <= post_bound(N), N
        assert model.upper_bound_top(N) == int(mp.floor(post_bound(N)))


@SETTINGS
@given(log_uniform(1, 40))
def test_bounds_and_window_top_for_large_N(N):
    assert model.upper_bound_top(N) == int(mp.floor(post_bound(N)))
    if N <= 10**24:  # min_abc is checked against the reference above in this range
        s = sum(model.min_abc(N))
        assert mp.ceil(2 * mp.sqrt(N)) <= s <= post_bound(N) or N < 4


# ----------------------------------------------------------------------------- S* over ranges


def test_min_sum_range_equals_brute_force():
    s_tab = brute_table(BIG)[0]
    got = model.min_sum_range(1, BIG + 1)
    assert got.dtype == np.int64 and (got == s_tab[1:]).all()
    assert (model.min_sum_range(777, 1777) == s_tab[777:1777]).all()
    assert model.min_sum_range(50, 50).size == 0


@pytest.mark.parametrize("N0, n", [(10**12 - 40, 80), (2**53 - 60, 60), (2**53 - 30, 60),
                                   (2**63 - 5, 10)])
def test_min_sum_range_at_large_N(N0, n):
    got = model.min_sum_range(N0, N0 + n)
    assert len(got) == n
    assert got.dtype == (np.int64 if N0 + n <= 2**63 else object)
    for N, s in zip(range(N0, N0 + n), got):
        assert reference_best(N, int(s))[0] == s, N


def test_excess_over_range():
    s_tab = brute_table(BIG)[0]
    e = model.excess_over_range(1, 3000)
    for i in range(0, 2999, 37):
        N = i + 1
        assert e.excess[i] == pytest.approx(float(s_tab[N] - 2 * mp.sqrt(N)), abs=1e-9)
        assert e.upper[i] == pytest.approx(float(post_bound(N) - 2 * mp.sqrt(N)), abs=1e-9)
        assert e.lower[i] == pytest.approx(float(mp.ceil(2 * mp.sqrt(N)) - 2 * mp.sqrt(N)), abs=1e-9)
    assert (e.naive >= e.excess - 1e-9).all() and (e.excess[3:] <= e.upper[3:]).all()
    assert (e.excess[3:] >= e.lower[3:] - 1e-9).all() and (e.excess[:3] < e.lower[:3]).all()
    big = model.excess_over_range(2**53 + 1, 2**53 + 21)
    for i, N in enumerate(range(2**53 + 1, 2**53 + 21)):
        s = reference_best(N, int(model.min_sum_range(N, N + 1)[0]))[0]
        assert big.excess[i] == pytest.approx(float(s - 2 * mp.sqrt(N)), abs=1e-6)


# ----------------------------------------------------------------------------- plot helpers


def exact_cost(N, a, b):
    return a + b + N - a * b


def test_landscape_small_N_is_exact_and_absolute():
    N, s = 130, 23
    land = model.landscape(N)
    assert (land.a0, land.b0, land.s_opt, land.optimum) == (0, 0, s, (10.0, 13.0))
    for i, a in enumerate(land.a.astype(int)):
        for j, b in enumerate(land.b.astype(int)):
            v = land.excess[i, j]
            assert (math.isnan(v) if a * b > N else v == exact_cost(N, a, b) - s), (a, b)
        assert math.isnan(land.staircase[i]) if a == 0 else land.staircase[i] == N // a
    assert len(land.hyperbola) > 10
    for x, y in land.hyperbola:
        assert x * y == pytest.approx(N, rel=1e-12)
    assert land.sqrt_n[0] == pytest.approx(math.sqrt(N))


def test_landscape_large_N_uses_exact_offsets():
    N = 10**18 + 123456789012
    a_opt, b_opt, c_opt = model.min_abc(N)
    land = model.landscape(N, half_width=20)
    assert (land.a0, land.b0, land.optimum) == (a_opt, b_opt, (0.0, 0.0))
    i, j = list(land.a).index(0.0), list(land.b).index(0.0)
    assert land.excess[i, j] == 0 and np.nanmin(land.excess) == 0
    for di, dj in ((-3, 5), (4, -7), (-20, 20), (7, 2)):
        a, b = a_opt + di, b_opt + dj
        v = land.excess[i + di, j + dj]
        assert (math.isnan(v) if a * b > N else v == exact_cost(N, a, b) - sum((a_opt, b_opt, c_opt)))
    assert land.staircase[i] == 0 and land.staircase[i + 1] == N // (a_opt + 1) - b_opt
    assert land.sqrt_n[0] == pytest.approx(float(mp.sqrt(N) - a_opt), abs=1e-6)
    for x, y in land.hyperbola:
        assert mp.almosteq((a_opt + mp.mpf(x)) * (b_opt + mp.mpf(y)), N, 1e-12)


def test_sawtooth_and_envelopes():
    for N in (130, 2879, 10**15, HARD_40):
        saw = model.sawtooth(N)
        s = sum(model.min_abc(N))
        a_vals = [saw.a0 + int(x) for x in saw.a]
        assert len(a_vals) <= 1001 and min(saw.excess) == 0
        for a, e, lo, up in list(zip(a_vals, saw.excess, saw.lower, saw.upper))[::17]:
            assert e == a + N // a + N % a - s
            assert lo - 1e-6 <= e <= up + 1e-6
        assert saw.sqrt_n == pytest.approx(float(mp.sqrt(N) - saw.a0), abs=1e-6)
        assert saw.sqrt_half == pytest.approx(float(mp.sqrt(mp.mpf(N) / 2) - saw.a0), abs=1e-6)
    saw = model.sawtooth(130)
    assert saw.a0 == 0 and list(saw.a[:2]) == [5.0, 6.0] and saw.excess[list(saw.a).index(10.0)] == 0


def test_pq_plane_small_N_cells_and_column_minima():
    N = 130
    plane = model.pq_plane(N)
    s = 23
    assert plane.p0 == 0 and plane.p_stop == s
    assert plane.p_bound == pytest.approx(float(post_bound(N)))
    assert plane.p_start == pytest.approx(2 * math.sqrt(N))
    for i, p in enumerate(plane.p.astype(int)):
        column = []
        for j, q in enumerate(plane.q.astype(int)):
            ok = (p - q) % 2 == 0 and 0 <= q <= p and p * p - q * q <= 4 * N
            assert plane.parity[i, j] == ((p - q) % 2 == 0)
            v = plane.excess[i, j]
            assert (v == N + p - (p * p - q * q) // 4 - s) if ok else math.isnan(v), (p, q)
        for q in range(p % 2, p + 1, 2):
            if p * p - q * q <= 4 * N:
                column.append((N + p - (p * p - q * q) // 4 - s, q))
                break
        assert (plane.column_min[i], plane.q_min[i]) == column[0]
    for p, q in plane.hyperbola:
        assert p * p - q * q == pytest.approx(4 * N, rel=1e-12)


def test_pq_plane_large_N_columns_match_the_reference():
    N = 10**18 + 123456789012
    plane = model.pq_plane(N)
    s = sum(model.min_abc(N))
    for x, col in list(zip(plane.p, plane.column_min))[::9]:
        p = plane.p0 + int(x)
        a = best_a(N, p)
        assert col == N + p - a * (p - a) - s
    assert np.nanmin(plane.excess) == 0 == min(plane.column_min)
    assert plane.p_bound == pytest.approx(float(post_bound(N) - plane.p0), abs=1e-6)


def test_xy_lattice_candidates():
    for N in (130, 2879, 10**15):
        lat = model.xy_lattice(N)
        s = sum(model.min_abc(N))
        for x, y, e, yh, eh in zip(lat.m, lat.y_int, lat.excess_int, lat.y_half, lat.excess_half):
            m = lat.x0 + int(x)
            if m * m >= N:  # least integer y with (m - y)(m + y) <= N
                y0 = next(t for t in range(isqrt(m * m - N), m + 1) if m * m - t * t <= N)
                assert (y, e) == (y0, exact_cost(N, m - y0, m + y0) - s)
            else:
                assert math.isnan(y) and math.isnan(e)
            t = next(t for t in range(isqrt(max((2 * m + 1) ** 2 - 4 * N, 0)) // 2 - 1, m + 1)
                     if t >= 0 and (m - t) * (m + t + 1) <= N)
            assert (yh, eh) == (t + 0.5, exact_cost(N, m - t, m + t + 1) - s)
        lo = mp.sqrt(N) - mp.mpf(1) / 2 - lat.x0
        assert lat.window[0] == pytest.approx(float(lo), abs=1e-6)
        assert lat.window[1] == pytest.approx(float(lo + 2 + mp.sqrt(1 + 2 * mp.sqrt(N))), abs=1e-6)
        assert min(np.nanmin(lat.excess_int), np.nanmin(lat.excess_half),
                   *(e for _, _, e in lat.step2)) == 0


def test_complexity_race_counts_match_the_traces():
    Ns = list(range(1, 300, 7)) + [2879, 89743, 10**6 + 3, 10**9 + 7]
    race = model.complexity_race(Ns)
    for i, N in enumerate(Ns):
        runs = {"naive": model.naive(N), "search_xy": model.search_xy(N), "search_pq": model.search_pq(N),
                "search_pq_full": model.search_pq(N, early_stop=False)}
        if N < 10**7:
            runs["scan_sqrt"] = model.scan_sqrt(N)
            runs["scan_sqrt_closed"] = model.scan_sqrt(N, closed=True)
        for name, result in runs.items():
            assert race.counts[name][i] == result.examined, (name, N)
    big = model.complexity_race([10**40 + 1, HARD_40])
    scan = big.counts["scan_sqrt"][1]
    assert abs(scan - (mp.sqrt(HARD_40) - mp.sqrt(mp.mpf(HARD_40) / 2))) <= 1
    assert big.counts["search_pq"] == (2, s_minus_p1_plus_1(HARD_40))
    assert big.counts["search_pq"][1] < big.counts["search_pq_full"][1] < scan
    default = model.complexity_race()
    assert len(default.Ns) == 33 and set(default.curves) == {"sqrt(N)", "N^(1/4)", "N^(1/6)"}


def s_minus_p1_plus_1(N):
    return sum(model.min_abc(N)) - isqrt(4 * N) + 1


def test_presets_are_what_their_notes_say():
    presets = model.presets
    Ns = [p.N for p in presets.values()]
    assert all(isinstance(n, int) and n >= 1 and note for n, note in presets.values())
    for required in (130, 162, 2888, 2915, 2879, 89743, 10**15, 10**18, 2**61 - 1):
        assert required in Ns
    assert any(isqrt(n) ** 2 == n and n > 10**6 for n in Ns)
    assert any(n > 2**64 for n in Ns)
    assert 162 in model.PUBLISHED_FAILURES and 2888 in model.PUBLISHED_FAILURES
    assert model.scan_sqrt(163, closed=True).S == sum(model.min_abc(163)) == 28
    race = model.complexity_race([10**15, 10**18 + 123456789012, 2**61 - 1])
    assert race.counts["search_pq"] == (222, 933, 2798)
    assert model.min_abc(10**18 + 123456789012) == (999471483, 1000528920, 652)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", [True, False, 3.0, 2.5, "7", None, np.float64(4), [5]])
def test_non_integers_raise_type_error(bad):
    for fn in (model.min_abc, model.all_optima, model.naive, model.scan_sqrt, model.search_xy,
               model.search_pq, model.landscape, model.sawtooth, model.pq_plane, model.xy_lattice):
        with pytest.raises(TypeError, match="integer"):
            fn(bad)
    with pytest.raises(TypeError):
        model.min_sum_range(bad, 10)


@pytest.mark.parametrize("bad", [0, -1, -(10**30)])
def test_non_positive_raise_value_error(bad):
    for fn in (model.min_abc, model.all_optima, model.naive, model.scan_sqrt, model.search_xy,
               model.search_pq, model.upper_bound_top):
        with pytest.raises(ValueError, match="positive"):
            fn(bad)
    with pytest.raises(ValueError):
        model.complexity_race([5, bad])


def test_numpy_integers_are_accepted():
    assert model.min_abc(np.int64(130)) == (10, 13, 0)
    assert model.min_abc(np.uint8(5)) == (2, 2, 1)


def test_refusals_and_range_checks():
    with pytest.raises(ValueError, match="brute force"):
        model.all_optima(10**7 + 1)
    with pytest.raises(ValueError, match="candidates"):
        model.scan_sqrt(10**20)
    with pytest.raises(ValueError, match="candidates"):
        model.search_pq(10**60 + 7, early_stop=False)
    with pytest.raises(ValueError):
        model.min_sum_range(10, 5)
    with pytest.raises(ValueError):
        model.min_sum_range(1, 10**8)
    with pytest.raises(TypeError):
        model.landscape(130, a_range=(1, 5))
    with pytest.raises(TypeError):
        model.pq_plane(130, p_range=range(5, 5))
    with pytest.raises(ValueError):
        model.landscape(130, b_range=range(-3, 5))
    with pytest.raises(ValueError):
        model.sawtooth(130, range(0, 5))
