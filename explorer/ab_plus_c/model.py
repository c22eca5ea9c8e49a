"""Minimise a + b + c subject to N = ab + c over the natural numbers.

Pure model for Su Jianlin's 《自然数集中 N = ab + c 时 a + b + c 的最小值》
(kexue.fm/archives/9775): the exact solver, the post's methods with their
traces, and the arrays the tab plots.

Conventions
-----------
* ``N`` is an integer >= 1 (Python or numpy integer; ``bool``, ``float`` and
  ``str`` are rejected with ``TypeError``, ``N <= 0`` with ``ValueError``).
  Everything arithmetic is done in exact Python integers (``math.isqrt``),
  so ``N`` may be far beyond 2**64.
* A triple is ``(a, b, c)`` with ``0 <= a <= b``, ``c = N - ab >= 0`` and
  cost ``S = a + b + c = N + 1 - (a - 1)(b - 1)``; ``S*`` is the minimum.
* ``p = a + b`` and ``q = b - a`` have equal parity and ``ab = (p² - q²)/4``;
  the post's ``(x, y)`` are ``(p/2, q/2)``: integers when a, b have equal
  parity, half-integers otherwise.
* Traces (``SearchResult.candidates``) list ``(a, b)`` pairs in the order a
  method examines them; ``SearchResult.pq`` gives the same as ``(p, q)``.
* Plot helpers return float64 *offsets* from Python-int origins (pyqtgraph
  cannot place 10**18 + 1 next to 10**18).  Origins are 0 (absolute
  coordinates) while ``sqrt(N) < ABSOLUTE_BELOW`` and the optimum otherwise.
  Plotted values are ``S - S*``, computed exactly and converted to float64
  last, so they are exact whenever they are below 2**53.

What the post gets wrong (checked by brute force in the tests)
---------------------------------------------------------------
* Algorithm 1 scans ``a`` in the *open* interval ``(sqrt(N/2), sqrt(N)]``.
  It has no answer at N = 2, 3, 8 (empty interval), misses a = 0 at N = 1,
  and returns S* + 1 at 27 values N = 2k² + t (t <= 3, k <= 38, e.g. 162,
  2888) whose optimum ``(k, 2k, t)`` has a = k <= sqrt(N/2); all listed in
  ``PUBLISHED_FAILURES``.  Closing the interval is not enough (N = 163 =
  2·9² + 1 needs a = 9 < sqrt(81.5)); ``scan_sqrt(closed=True)`` starts at
  ``floor(sqrt(N/2))``.  Beyond ``SCAN_SAFE_FROM`` no failure is possible:
  for a <= sqrt(N/2), ``S >= a + N/a >= 3 sqrt(N/2)``, which exceeds the
  post's upper bound ``2 sqrt(N) + 2 + sqrt(1 + 4 sqrt(N)) >= S*``.
* Equation (1), ``S = N - (sqrt(ab) - 1)² + (sqrt(a) - sqrt(b))²``, is off by
  one: the right-hand side equals ``N - ab + a + b - 1``; it needs ``+ 1``.
* "S decreases as p grows" (from ``4S = 4N + q² + 4 - (p - 2)²``) fails for
  p < 2: p = 0, i.e. (0, 0, N), is optimal for N <= 3, where the post's
  lower bound ``S* >= ceil(2 sqrt(N))`` fails too (the post assumes N > 100).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from functools import lru_cache
from math import isqrt
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from explorer.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "ABSOLUTE_BELOW",
    "ALL_OPTIMA_MAX_N",
    "MAX_TRACE",
    "PUBLISHED_FAILURES",
    "SCAN_SAFE_FROM",
    "ComplexityRace",
    "ExcessRange",
    "Landscape",
    "PQPlane",
    "Preset",
    "Sawtooth",
    "SearchResult",
    "XYLattice",
    "all_optima",
    "complexity_race",
    "excess_over_range",
    "landscape",
    "min_abc",
    "min_sum_range",
    "naive",
    "pq_plane",
    "presets",
    "sawtooth",
    "scan_sqrt",
    "search_pq",
    "search_xy",
    "upper_bound_top",
    "xy_lattice",
]

# Plot coordinates are absolute while isqrt(N) is below this, offsets from the optimum beyond.
ABSOLUTE_BELOW = 10**4
# ``all_optima`` is an O(sqrt N) brute force; larger N are refused.
ALL_OPTIMA_MAX_N = 10**7
# Longest trace a traced method will build (memory: a list of int pairs).
MAX_TRACE = 2_000_000
# Every N where ``scan_sqrt(N, closed=False)`` (Algorithm 1 as published)
# returns no triple or a non-optimal one.  Complete: brute force covers
# N < SCAN_SAFE_FROM and the bound argument in the module docstring the rest.
PUBLISHED_FAILURES = (1, 2, 3, 8, 18, 19, 32, 33, 34, 98, 128, 129, 162, 163, 164, 200, 201, 202,
                      203, 512, 882, 883, 968, 969, 970, 971, 2048, 2049, 2888, 2889, 2890)
# Smallest N from which 3 sqrt(N/2) > 2 sqrt(N) + 2 + sqrt(1 + 4 sqrt(N)) holds for good, so no
# a <= sqrt(N/2) can be optimal and Algorithm 1 as published is exact.
SCAN_SAFE_FROM = 92_456

_U64 = 1 << 64
# Below this D = p² - 4N the float64 root is within 1 of the truth (q < 2**50).
_FLOAT_SAFE_D = 1 << 100
# min_sum_range vectorises while N fits float64 exactly; beyond it loops over min_abc.
_VECTOR_MAX_N = 1 << 53
_RANGE_MAX_LEN = 10**7
_FIRST_CHUNK = 32  # the first candidates are cheaper in plain Python than in numpy
_NUMPY_CHUNK = 1024  # a numpy pass costs ~40 us whatever its size, about 60 Python candidates
_MAX_CHUNK = 1 << 13  # larger temporaries fall out of cache and get slower per element


# ----------------------------------------------------------------------------- input checks


def _check_n(N, name: str = "N") -> int:
    if isinstance(N, (bool, np.bool_)) or not isinstance(N, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {N!r} ({type(N).__name__})")
    N = int(N)
    if N <= 0:
        raise ValueError(f"{name} must be a positive integer, got {N}")
    return N


def _check_range(r, name: str) -> range:
    if not isinstance(r, range) or r.step <= 0 or len(r) == 0:
        raise TypeError(f"{name} must be a non-empty range with a positive step, got {r!r}")
    if r.start < 0:
        raise ValueError(f"{name} must not contain negative values, got {r!r}")
    return r


def _check_trace(count: int, method: str, N: int) -> None:
    if count > MAX_TRACE:
        raise ValueError(f"{method}({N}) would examine {count} candidates (limit {MAX_TRACE}); "
                         "use min_abc for the answer and complexity_race for the count")


# ----------------------------------------------------------------------------- exact kernels


def _ceil_sqrt(n: int) -> int:
    """Least r >= 0 with r² >= n."""
    if n <= 0:
        return 0
    r = isqrt(n)
    return r + (r * r < n)


def _q_min(p: int, N: int) -> int:
    """Least q >= 0 with q ≡ p (mod 2) and (p² - q²)/4 <= N: the best b - a for a + b = p."""
    q = _ceil_sqrt(p * p - 4 * N)
    return q + ((q ^ p) & 1)


def _cost(N: int, p: int, q: int) -> int:
    return N + p - (p * p - q * q) // 4


def _triple(N: int, p: int, q: int) -> tuple[int, int, int]:
    a, b = (p - q) // 2, (p + q) // 2
    return a, b, N - a * b


def _scan_python(N: int, p: int, p_end: int, best: tuple[int, int, int]) -> tuple[int, int, int]:
    """Sweep p over [p, p_end) while p <= best S; best is (S, p, q), ties go to the larger p."""
    n4 = 4 * N
    while p < p_end and p <= best[0]:
        d = p * p - n4
        q = _ceil_sqrt(d)
        q += (q ^ p) & 1
        s = p + (q * q - d) // 4
        if s <= best[0]:
            best = (s, p, q)
        p += 1
    return best


def _wrap64(x: int) -> int:
    """x as a two's-complement int64 (x mod 2**64, signed)."""
    x %= _U64
    return x - _U64 if x >= _U64 >> 1 else x


def _scan_numpy(N: int, p0: int, p_end: int, best: tuple[int, int, int]) -> tuple[int, int, int]:
    """The same sweep over [p0, p_end) in int64 arithmetic; needs (p_end - 1)² - 4N < 2**100.

    D = p² - 4N is kept modulo 2**64 (int64 arrays wrap) and estimated in
    float64 (a few ulp, so the root is off by < 1 while q < 2**50); the
    estimate is corrected with the residual q² - D, exact modulo 2**64
    because its true size is far below 2**63.
    """
    d0, two_p0 = p0 * p0 - 4 * N, 2 * p0
    k = np.arange(p_end - p0, dtype=np.int64)
    d = k * (k + _wrap64(two_p0)) + _wrap64(d0)  # D mod 2**64
    kf = k.astype(np.float64)
    q = np.ceil(np.sqrt(kf * (kf + float(two_p0)) + float(d0))).astype(np.int64)
    while True:
        resid = q * q - d
        up = resid < 0  # q² < D
        down = resid >= 2 * q - 1  # (q - 1)² >= D
        if not (up.any() or down.any()):
            break
        q += up
        q -= down
    q += (q ^ (k + (p0 & 1))) & 1  # parity of p
    s_rel = k + ((q * q - d) >> 2)  # S - p0
    i = len(s_rel) - 1 - int(np.argmin(s_rel[::-1]))  # last minimum: larger p wins ties
    s = p0 + int(s_rel[i])
    return (s, p0 + i, int(q[i])) if s <= best[0] else best


def _sweep(N: int) -> tuple[int, int, int]:
    """(S*, p, q) of the optimal triple with the least c: the early-stopping p-sweep."""
    p1 = isqrt(4 * N)
    q1 = p1 & 1
    best = (_cost(N, p1, q1), p1, q1)
    if N < best[0]:  # only N <= 3: (0, 0, N)
        best = (N, 0, 0)
    p, size = p1 + 1, _FIRST_CHUNK
    while p <= best[0]:
        p_end = min(p + size, best[0] + 1)
        if p == p1 + 1 or (p_end - 1) ** 2 - 4 * N >= _FLOAT_SAFE_D:
            best = _scan_python(N, p, p_end, best)
        else:
            best = _scan_numpy(N, p, p_end, best)
        p, size = p_end, min(max(2 * size, _NUMPY_CHUNK), _MAX_CHUNK)
    return best


# Plot helpers share one search per N; min_abc itself stays uncached so it can be timed.
_optimum = lru_cache(maxsize=64)(_sweep)


def min_abc(N) -> tuple[int, int, int]:
    """An optimal ``(a, b, c)``: ``a <= b``, ``ab + c = N``, ``a + b + c`` minimal.

    Returns the optimum with the least ``c`` (largest ``a + b``), which is
    unique; ``(0, 0, N)`` for N <= 3.  Exact for every N >= 1.

    Proof sketch (p = a + b, q = b - a, ab = (p² - q²)/4):
      1. For fixed p, ``S = N + p - ab``, and ``ab <= N`` iff ``q² >= p² - 4N``,
         so the best triple with sum p takes the least such q of p's parity.
      2. For p <= p1 = floor(2 sqrt N), that q is p mod 2 and
         ``S(p) = N + p - floor(p²/4)`` is non-increasing for p >= 1, so p1
         beats every 1 <= p < p1; p = 0 is the triple (0, 0, N).
      3. For p > p1, ``S(p) = p + c >= p``: once p exceeds the best S found, no
         larger p can reach it, so sweeping p = p1 + 1, ... up to the best is exact.
    It evaluates ``S* - p1 + 1`` sums: fewer than ``4 + sqrt(1 + 4 sqrt N)``
    by the post's bound, empirically about N^(1/6) (933 at N = 10**18 + 123456789012).  After the first 32
    candidates the sweep runs in numpy chunks (exact, see ``_scan_numpy``)
    while ``p² - 4N < 2**100``, i.e. for N up to about 10**40.
    """
    N = _check_n(N)
    _, p, q = _sweep(N)
    return _triple(N, p, q)


def all_optima(N) -> list[tuple[int, int, int]]:
    """Every optimal triple with ``a <= b``, sorted by a, by brute force over a (N <= 10**7 only).

    For a >= 2, S = N + a + b(1 - a) falls as b grows, so only b = floor(N/a)
    can be optimal; a = 1 costs N + 1 > N >= S*; a = 0 costs N + b, so only
    (0, 0, N); and a <= b forces a <= sqrt(N).  That leaves O(sqrt N) triples.
    """
    N = _check_n(N)
    if N > ALL_OPTIMA_MAX_N:
        raise ValueError(f"all_optima is a brute force; N = {N} exceeds {ALL_OPTIMA_MAX_N}")
    a = np.arange(1, isqrt(N) + 1, dtype=np.int64)
    b = N // a
    s = a + b + (N - a * b)
    best = min(int(s.min()), N)
    found = [(0, 0, N)] if N == best else []
    return found + [(int(x), int(y), N - int(x) * int(y)) for x, y in zip(a[s == best], b[s == best])]


def upper_bound_top(N) -> int:
    """floor(2 sqrt(N) + 2 + sqrt(1 + 4 sqrt(N))): the last p of the post's window, exactly.

    With u = p - 2, p is inside iff u <= 2 sqrt N or, squaring twice,
    ``(u² + 4N - 1)² <= 16 (u + 1)² N``; the float guess is fixed up by that test.
    """
    N = _check_n(N)

    def inside(p: int) -> bool:
        u = p - 2
        return u <= 0 or u * u <= 4 * N or (u * u + 4 * N - 1) ** 2 <= 16 * (u + 1) ** 2 * N

    r = isqrt(N)
    p = 2 * r + 2 + isqrt(1 + 4 * r)
    while inside(p + 1):
        p += 1
    while not inside(p):
        p -= 1
    return p


def _xy_window(N: int) -> tuple[int, int]:
    """Integers m in (sqrt(N) - 1/2, sqrt(N) + 3/2 + sqrt(1 + 2 sqrt N)]: the post's x-scan."""
    def inside(m: int) -> bool:  # u = 2m - 3; u <= 2 sqrt N, or (u² + 4N - 4)² <= 16 (u + 2)² N
        u = 2 * m - 3
        return u <= 0 or u * u <= 4 * N or (u * u + 4 * N - 4) ** 2 <= 16 * (u + 2) ** 2 * N

    lo = (isqrt(4 * N) - 1) // 2 + 1  # floor(sqrt(N) - 1/2) + 1
    r = isqrt(N)
    hi = r + 1 + isqrt(1 + 2 * r)
    while inside(hi + 1):
        hi += 1
    while not inside(hi):
        hi -= 1
    return lo, hi


# ----------------------------------------------------------------------------- the post's methods


@dataclass(frozen=True, eq=False)
class SearchResult:
    """A method's answer (None if it has none) and the (a, b) candidates it examined, in order."""

    method: str
    N: int
    triple: tuple[int, int, int] | None
    candidates: list[tuple[int, int]]
    examined: int

    @property
    def S(self) -> int | None:
        return None if self.triple is None else sum(self.triple)

    @property
    def pq(self) -> list[tuple[int, int]]:
        """The candidates as (p, q) = (a + b, b - a); halve them for the post's (x, y)."""
        return [(a + b, b - a) for a, b in self.candidates]


def _result(method: str, N: int, candidates: list, fallback: bool) -> SearchResult:
    """First candidate of least S; with fallback, (0, 0, N) when it is strictly better (N <= 3)."""
    triple = None
    if candidates:
        a, b = min(candidates, key=lambda ab: ab[0] + ab[1] + N - ab[0] * ab[1])
        triple = (a, b, N - a * b)
    if fallback and (triple is None or N < sum(triple)):
        triple = (0, 0, N)
    return SearchResult(method, N, triple, candidates, len(candidates))


def _scan_bounds(N: int, closed: bool) -> tuple[int, int]:
    if closed:
        return max(1, isqrt(N // 2)), isqrt(N)
    lo = isqrt(N // 2)
    while 2 * lo * lo <= N:  # the open end: first a with a² > N/2
        lo += 1
    return lo, isqrt(N)


def naive(N) -> SearchResult:
    """The post's first guess: a = b = floor(sqrt N), or a = floor(sqrt N), b = a + 1 if ab <= N."""
    N = _check_n(N)
    m = isqrt(N)
    candidates = [(m, m)] + ([(m, m + 1)] if m * (m + 1) <= N else [])
    return _result("naive", N, candidates, fallback=False)


def scan_sqrt(N, closed: bool = False) -> SearchResult:
    """Algorithm 1: a over (sqrt(N/2), sqrt(N)], b = floor(N/a), least S; O(sqrt N).

    ``closed=False`` is the post verbatim: no triple where the interval holds
    no integer (N = 2, 3, 8), wrong at the other ``PUBLISHED_FAILURES``.
    ``closed=True`` is the fix: a from floor(sqrt(N/2)) (merely closing the
    interval still misses N = 19, 33, 163, ...) plus the triple (0, 0, N) for
    N <= 3; exact for all N (brute force below ``SCAN_SAFE_FROM``, the bound
    argument above it).  Refuses N whose scan exceeds ``MAX_TRACE``.
    """
    N = _check_n(N)
    lo, hi = _scan_bounds(N, closed)
    _check_trace(hi - lo + 1, "scan_sqrt", N)
    candidates = [(a, N // a) for a in range(lo, hi + 1)]
    return _result("scan_sqrt_closed" if closed else "scan_sqrt", N, candidates, fallback=closed)


def search_xy(N) -> SearchResult:
    """The post's parity-split (x, y) algorithm, O(N^(1/4)) candidates.

    a = x - y, b = x + y with x, y both integers (a, b of equal parity) or
    both half-integers.  Steps: a square N returns (sqrt N, sqrt N, 0); else
    take (x, y) = (floor sqrt N, 0) and (floor(sqrt(N) - 1/2) + 1/2, 1/2);
    then for each integer m in (sqrt(N) - 1/2, sqrt(N) + 3/2 + sqrt(1 + 2 sqrt N)]
    try x = m with the least y (skipped when m² < N: it would repeat step 2)
    and x = m + 1/2 with the least half-integer y.  Adds (0, 0, N), which the
    post's N > 100 leaves out and which wins for N <= 3.
    """
    N = _check_n(N)
    r = isqrt(N)
    if r * r == N:
        return _result("search_xy", N, [(r, r)], fallback=True)
    lo, hi = _xy_window(N)
    _check_trace(2 * (hi - lo) + 4, "search_xy", N)
    candidates = [(r, r), (lo - 1, lo)]
    for m in range(lo, hi + 1):
        if m * m >= N:
            y = _ceil_sqrt(m * m - N)
            candidates.append((m - y, m + y))
        y = _ceil_sqrt((2 * m + 1) ** 2 - 4 * N) // 2  # ceil(sqrt((m + 1/2)² - N) - 1/2)
        candidates.append((m - y, m + y + 1))
    return _result("search_xy", N, candidates, fallback=True)


def search_pq(N, early_stop: bool = True) -> SearchResult:
    """The post's (p, q) = (a + b, b - a) algorithm: p1 = floor(2 sqrt N), then p = p1 + 1, ...

    ``early_stop=False`` scans the post's whole window up to
    ``upper_bound_top(N)`` (a square N returns at once, as in the post).
    ``early_stop=True`` stops once p exceeds the best S (S >= p beyond p1),
    examining ``max(1, S* - p1 + 1)`` values of p.  Ties go to the larger p
    (least c, as ``min_abc``); (0, 0, N) is added for N <= 3.
    """
    N = _check_n(N)
    name = "search_pq" if early_stop else "search_pq_full"
    p1 = isqrt(4 * N)
    q1 = p1 & 1
    candidates = [_triple(N, p1, q1)[:2]]
    if p1 * p1 == 4 * N:
        return _result(name, N, candidates, fallback=True)
    top = upper_bound_top(N)
    _check_trace((_optimum(N)[0] if early_stop else top) - p1 + 1, "search_pq", N)
    best = (_cost(N, p1, q1), p1, q1)
    if N < best[0]:  # only N <= 3: (0, 0, N)
        best = (N, 0, 0)
    p = p1 + 1
    while p <= (best[0] if early_stop else top):
        q = _q_min(p, N)
        candidates.append(_triple(N, p, q)[:2])
        if _cost(N, p, q) <= best[0]:
            best = (_cost(N, p, q), p, q)
        p += 1
    return SearchResult(name, N, _triple(N, best[1], best[2]), candidates, len(candidates))


# ----------------------------------------------------------------------------- S* over a range of N


def _isqrt_vec(x: np.ndarray) -> np.ndarray:
    """floor(sqrt(x)) for int64 0 <= x < 2**62: float root, then exact integer correction."""
    r = np.sqrt(x.astype(np.float64)).astype(np.int64)
    while True:
        high = r * r > x
        low = (r + 1) * (r + 1) <= x
        if not (high.any() or low.any()):
            return r
        r = r - high + low


def _min_sum_vec(n: np.ndarray) -> np.ndarray:
    """S*(N) for int64 N <= 2**53: the same sweep run for all N at once (int64 stays exact:
    4N < 2**56 and p² < 2**56)."""
    n4 = 4 * n
    p = _isqrt_vec(n4)
    best = np.minimum(n + p - (p * p - (p & 1)) // 4, n)
    idx = np.arange(n.size)
    p = p + 1
    live = p < best
    idx, p, n4 = idx[live], p[live], n4[live]
    while idx.size:
        d = p * p - n4
        q = _isqrt_vec(d)
        q += q * q < d
        q += (q ^ p) & 1
        best[idx] = np.minimum(best[idx], p + (q * q - d) // 4)
        p += 1
        live = p < best[idx]
        idx, p, n4 = idx[live], p[live], n4[live]
    return best


def min_sum_range(N0, N1) -> np.ndarray:
    """S*(N) for N in the half-open range [N0, N1).

    Vectorised over N in int64 while N1 - 1 <= 2**53 (every intermediate is
    an exact integer below 2**56; roots are float estimates corrected exactly),
    otherwise one exact ``min_abc`` sweep per N.  int64 result while N1 <= 2**63,
    object (Python ints) beyond.  At most 10**7 values.
    """
    N0, N1 = _check_n(N0, "N0"), _check_n(N1, "N1")
    if N1 < N0 or N1 - N0 > _RANGE_MAX_LEN:
        raise ValueError(f"need N0 <= N1 <= N0 + {_RANGE_MAX_LEN}, got N0={N0}, N1={N1}")
    if N1 - 1 <= _VECTOR_MAX_N:
        return _min_sum_vec(np.arange(N0, N1, dtype=np.int64))
    values = [_sweep(n)[0] for n in range(N0, N1)]
    return np.array(values, dtype=np.int64 if N1 <= 1 << 63 else object)


# ----------------------------------------------------------------------------- plot helpers


def _origin(N: int, value: int) -> int:
    return 0 if isqrt(N) < ABSOLUTE_BELOW else value


def _root_offset(n: int, origin: int, div: int = 1) -> float:
    """sqrt(n)/div - origin in float64 without cancellation: isqrt plus a small fraction."""
    t = isqrt(n)
    rest = n - t * t
    if rest:
        root = math.sqrt(n) if n.bit_length() < 1000 else float(t)
        return (float(t - div * origin) + rest / (root + t)) / div
    return float(t - div * origin) / div


def _optimum_triple(N: int) -> tuple[int, int, int, int]:
    s, p, q = _optimum(N)
    return (*_triple(N, p, q), s)


def _window(centre: int, half: int) -> range:
    return range(max(0, centre - half), centre + half + 1)


@dataclass(frozen=True, eq=False)
class Landscape:
    """S - S* on an (a, b) grid: ``excess[i, j]`` at a = a0 + a[i], b = b0 + b[j]; NaN where ab > N.

    ``staircase[i]`` is floor(N/a) - b0 (NaN at a = 0), ``hyperbola`` is an
    (n, 2) array of (a - a0, b - b0) on ab = N inside the window, ``optimum``
    the offsets of ``min_abc(N)``, ``sqrt_n`` the offset of sqrt(N) (a = b = sqrt N).
    """

    N: int
    a0: int
    b0: int
    s_opt: int
    a: np.ndarray
    b: np.ndarray
    excess: np.ndarray
    staircase: np.ndarray
    hyperbola: np.ndarray
    optimum: tuple[float, float]
    sqrt_n: tuple[float, float]


def landscape(N, a_range: range | None = None, b_range: range | None = None,
              half_width: int = 30) -> Landscape:
    """The cost landscape around the optimum (default: ``half_width`` either side of it)."""
    N = _check_n(N)
    a_opt, b_opt, _, s_opt = _optimum_triple(N)
    a_range = _check_range(_window(a_opt, half_width) if a_range is None else a_range, "a_range")
    b_range = _check_range(_window(b_opt, half_width) if b_range is None else b_range, "b_range")
    a0, b0 = _origin(N, a_opt), _origin(N, b_opt)
    nb, step = len(b_range), b_range.step
    j = np.arange(nb, dtype=np.float64)
    excess = np.full((len(a_range), nb), np.nan)
    staircase = np.full(len(a_range), np.nan)
    for i, a in enumerate(a_range):
        if a == 0:  # S = N + b, every b feasible
            excess[i] = float(N + b_range.start - s_opt) + step * j
            continue
        top = N // a
        staircase[i] = float(top - b0)
        last = min((top - b_range.start) // step, nb - 1)  # last feasible column (exact)
        if last < 0:
            continue
        # S(a, b) = S(a, top) + (top - b)(a - 1): two non-negative terms, no cancellation
        s_top = a + top + N - a * top - s_opt
        excess[i, :last + 1] = float(s_top) + (float(top - b_range.start) - step * j[:last + 1]) * float(a - 1)
    return Landscape(
        N, a0, b0, s_opt,
        np.array([float(a - a0) for a in a_range]), np.array([float(b - b0) for b in b_range]),
        excess, staircase, _hyperbola_ab(N, a_range, b_range, a0, b0),
        (float(a_opt - a0), float(b_opt - b0)), (_root_offset(N, a0), _root_offset(N, b0)))


def _hyperbola_ab(N: int, a_range: range, b_range: range, a0: int, b0: int, samples: int = 256) -> np.ndarray:
    """Points of ab = N with a sampled on a rational grid over the window, b clipped to it."""
    lo, hi = max(a_range[0], 1), a_range[-1]
    if hi < lo:
        return np.empty((0, 2))
    pts = []
    for i in range(samples + 1):
        num, den = lo * samples + (hi - lo) * i, samples  # a = num / den exactly
        b_num = N * den - b0 * num  # (b - b0) = b_num / num
        if b_range[0] * num <= N * den <= b_range[-1] * num:
            pts.append(((num - a0 * den) / den, b_num / num))
    return np.array(pts, dtype=np.float64).reshape(-1, 2)


@dataclass(frozen=True, eq=False)
class Sawtooth:
    """S(a) = a + floor(N/a) + N mod a (the best b for each a) minus S*, with the post's envelopes.

    ``lower`` is a + N/a - S* (reached when a | N), ``upper`` is
    2a + N/a - 1 - S* (approached as {N/a} -> 1); ``sqrt_half`` and ``sqrt_n``
    are the offsets of sqrt(N/2) and sqrt(N), the ends of Algorithm 1's scan.
    """

    N: int
    a0: int
    s_opt: int
    a: np.ndarray
    excess: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    sqrt_half: float
    sqrt_n: float


def sawtooth(N, a_values: range | None = None) -> Sawtooth:
    """S(a) over a_values (a >= 1).  Default: Algorithm 1's whole interval with a margin when it
    spans at most 2000 values, else 1001 values centred on the optimal a."""
    N = _check_n(N)
    a_opt, _, _, s_opt = _optimum_triple(N)
    if a_values is None:
        lo, hi = isqrt(N // 2), isqrt(N)
        pad = max(3, (hi - lo) // 10)
        a_values = range(max(1, lo - pad), hi + pad + 1) if hi - lo <= 2000 else _window(a_opt, 500)
    a_values = _check_range(a_values, "a_values")
    if a_values.start == 0:
        raise ValueError("a_values must start at 1 or later: S(a) needs floor(N/a)")
    a0 = _origin(N, a_opt)
    exc, low, up = [], [], []
    for a in a_values:
        exc.append(float(a + N // a + N % a - s_opt))
        low.append((a * a + N - s_opt * a) / a)  # exact rational, rounded once
        up.append((2 * a * a - a + N - s_opt * a) / a)
    return Sawtooth(N, a0, s_opt, np.array([float(a - a0) for a in a_values]), np.array(exc),
                    np.array(low), np.array(up), _root_offset(2 * N, a0, 2), _root_offset(N, a0))


@dataclass(frozen=True, eq=False)
class PQPlane:
    """S - S* on the (p, q) plane: ``excess[i, j]`` at p = p0 + p[i], q = q[j] (q absolute).

    NaN off the lattice (p, q of different parity: ``parity`` is the
    checkerboard), for q > p and where (p² - q²)/4 > N.  ``q_min[i]`` and
    ``column_min[i]`` are each column's best q and its S - S* (the sweep's
    candidates); ``hyperbola`` holds (p - p0, sqrt(p² - 4N)), the feasibility
    edge.  Vertical lines: ``p_start`` = 2 sqrt N, ``p_stop`` = S* (the early
    stop: beyond it S >= p > S*) and ``p_bound`` = 2 sqrt N + 2 + sqrt(1 + 4 sqrt N),
    the end of the post's window.
    """

    N: int
    p0: int
    s_opt: int
    p: np.ndarray
    q: np.ndarray
    excess: np.ndarray
    parity: np.ndarray
    q_min: np.ndarray
    column_min: np.ndarray
    hyperbola: np.ndarray
    p_start: float
    p_stop: float
    p_bound: float
    optimum: tuple[float, float]


def pq_plane(N, p_range: range | None = None, q_range: range | None = None) -> PQPlane:
    """The (p, q) picture.  Default p: floor(2 sqrt N) - 4 to the post's bound + 2 if that is at
    most 300 columns, else 201 columns centred on the optimal p; default q: 0 up to the largest
    column minimum if that is at most 400 rows, else 201 rows centred on the optimal q."""
    N = _check_n(N)
    a_opt, b_opt, _, s_opt = _optimum_triple(N)
    p_opt, q_opt = a_opt + b_opt, b_opt - a_opt
    p1, top = isqrt(4 * N), upper_bound_top(N)
    if p_range is None:
        p_range = range(max(0, p1 - 4), top + 3) if top + 7 - p1 <= 300 else _window(p_opt, 100)
    p_range = _check_range(p_range, "p_range")
    q_mins = [_q_min(p, N) for p in p_range]
    if q_range is None:
        q_range = range(0, max(q_mins) + 3) if max(q_mins) <= 400 else _window(q_opt, 100)
    q_range = _check_range(q_range, "q_range")
    p0 = _origin(N, p_opt)
    nq, qs = len(q_range), q_range.step
    j = np.arange(nq)
    excess = np.full((len(p_range), nq), np.nan)
    parity = np.zeros((len(p_range), nq), dtype=bool)
    for i, p in enumerate(p_range):
        parity[i] = ((p - q_range.start) & 1) == ((j * qs) & 1)
        d = p * p - 4 * N
        qa = _ceil_sqrt(d)  # least q of either parity with q² >= d
        # 4(S - S*) = 4(p - S*) + (qa² - d) + (q - qa)(q + qa), each term exact then rounded once
        first = -(-(qa - q_range.start) // qs)  # first row with q >= qa
        last = min((p - q_range.start) // qs, nq - 1)  # last row with q <= p
        if first > last or last < 0:
            continue
        rows = np.arange(max(first, 0), last + 1)
        dq = float(q_range.start - qa) + qs * rows.astype(np.float64)
        val = (float(4 * (p - s_opt) + qa * qa - d) + dq * (dq + 2.0 * qa)) / 4.0
        excess[i, rows] = np.where(parity[i, rows], val, np.nan)
    column_min = [float(_cost(N, p, q) - s_opt) for p, q in zip(p_range, q_mins)]
    two_root = _root_offset(4 * N, p0)  # 2 sqrt(N) - p0
    return PQPlane(
        N, p0, s_opt, np.array([float(p - p0) for p in p_range]),
        np.array([float(q) for q in q_range]), excess, parity, np.array(q_mins, dtype=np.float64),
        np.array(column_min), _hyperbola_pq(N, p_range, p0), two_root, float(s_opt - p0),
        two_root + 2.0 + math.sqrt(1.0 + 2.0 * (two_root + p0)), (float(p_opt - p0), float(q_opt)))


def _hyperbola_pq(N: int, p_range: range, p0: int, samples: int = 256) -> np.ndarray:
    """(p - p0, sqrt(p² - 4N)) for p on a rational grid over the window, p >= 2 sqrt N."""
    lo, hi = p_range[0], p_range[-1]
    pts = []
    for i in range(samples + 1):
        num = lo * samples + (hi - lo) * i  # p = num / samples
        d = num * num - 4 * N * samples * samples  # (p² - 4N) samples²
        if d >= 0:
            pts.append(((num - p0 * samples) / samples, _root_offset(d, 0) / samples))
    return np.array(pts, dtype=np.float64).reshape(-1, 2)


@dataclass(frozen=True, eq=False)
class XYLattice:
    """The post's (x, y) scan: for each integer m, the candidates x = m and x = m + 1/2.

    ``m`` holds m - x0.  ``y_int``/``excess_int``: least integer y with
    m² - y² <= N and its S - S* (NaN where m² < N: that column is step 2's
    (floor sqrt N, 0)); ``y_half``/``excess_half``: least half-integer y for
    x = m + 1/2.  ``step2`` holds step 2's two points as (x - x0, y, S - S*).
    ``window`` is (sqrt(N) - 1/2, sqrt(N) + 3/2 + sqrt(1 + 2 sqrt N)) minus x0,
    ``hyperbola`` (x - x0, sqrt(x² - N)) and ``optimum`` (x* - x0, y*).
    """

    N: int
    x0: int
    s_opt: int
    m: np.ndarray
    y_int: np.ndarray
    excess_int: np.ndarray
    y_half: np.ndarray
    excess_half: np.ndarray
    step2: tuple[tuple[float, float, float], tuple[float, float, float]]
    window: tuple[float, float]
    hyperbola: np.ndarray
    optimum: tuple[float, float]


def xy_lattice(N, m_range: range | None = None) -> XYLattice:
    """Candidates of ``search_xy`` per x.  Default m: the post's window if it has at most 400
    integers, else 201 centred on the optimal x."""
    N = _check_n(N)
    a_opt, b_opt, _, s_opt = _optimum_triple(N)
    lo, hi = _xy_window(N)
    if m_range is None:
        m_range = range(lo, hi + 1) if hi - lo < 400 else _window((a_opt + b_opt) // 2, 100)
    m_range = _check_range(m_range, "m_range")
    x0 = _origin(N, (a_opt + b_opt) // 2)
    y_int, e_int, y_half, e_half = [], [], [], []
    for m in m_range:
        if m * m >= N:
            y = _ceil_sqrt(m * m - N)
            y_int.append(float(y))
            e_int.append(float(2 * m + N - m * m + y * y - s_opt))
        else:
            y_int.append(math.nan)
            e_int.append(math.nan)
        y = _ceil_sqrt((2 * m + 1) ** 2 - 4 * N) // 2
        a, b = m - y, m + y + 1
        y_half.append(y + 0.5)
        e_half.append(float(a + b + N - a * b - s_opt))
    r, x = isqrt(N), lo - 1
    step2 = ((float(r - x0), 0.0, float(2 * r + N - r * r - s_opt)),
             (float(x - x0) + 0.5, 0.5, float(2 * x + 1 + N - x * (x + 1) - s_opt)))
    root = _root_offset(N, x0)
    window = (root - 0.5, root + 1.5 + math.sqrt(1.0 + 2.0 * (root + x0)))
    pts = []
    for i in range(257):  # x = m_lo + (m_hi - m_lo) i / 256, y = sqrt(x² - N)
        num = m_range[0] * 256 + (m_range[-1] - m_range[0]) * i
        d = num * num - N * 256 * 256
        if d >= 0:
            pts.append(((num - 256 * x0) / 256, _root_offset(d, 0) / 256))
    return XYLattice(N, x0, s_opt, np.array([float(m - x0) for m in m_range]), np.array(y_int),
                     np.array(e_int), np.array(y_half), np.array(e_half), step2, window,
                     np.array(pts, dtype=np.float64).reshape(-1, 2),
                     ((a_opt + b_opt - 2 * x0) / 2, (b_opt - a_opt) / 2))


@dataclass(frozen=True, eq=False)
class ExcessRange:
    """Over N = N0 + n: S*(N) - 2 sqrt N (``excess``), the naive rule's (``naive``) and the band
    ``lower`` = ceil(2 sqrt N) - 2 sqrt N (valid for N >= 4) to ``upper`` = 2 + sqrt(1 + 4 sqrt N)."""

    N0: int
    n: np.ndarray
    excess: np.ndarray
    naive: np.ndarray
    lower: np.ndarray
    upper: np.ndarray


def excess_over_range(N0, N1) -> ExcessRange:
    """``ExcessRange`` for N in [N0, N1) (half-open, as ``min_sum_range``).

    2 sqrt N is split as t + frac with t = floor(2 sqrt N) exact and
    frac = (4N - t²) / (2 sqrt N + t), so differences of large numbers are
    taken in integers and only small ones in float64.
    """
    s = min_sum_range(N0, N1)
    N0, N1 = int(N0), int(N1)
    if N1 - 1 <= _VECTOR_MAX_N:
        n = np.arange(N0, N1, dtype=np.int64)
        t = _isqrt_vec(4 * n)
        frac = (4 * n - t * t) / (np.sqrt(4.0 * n) + t)
        m = _isqrt_vec(n)
        naive_s = np.where(m * (m + 1) <= n, 2 * m + 1 + n - m * (m + 1), 2 * m + n - m * m)
    else:
        values = range(N0, N1)
        t = np.array([isqrt(4 * v) for v in values], dtype=object)
        frac = np.array([_root_offset(4 * v, isqrt(4 * v)) for v in values])
        naive_s = np.array([naive(v).S for v in values], dtype=object)
    return ExcessRange(N0, np.arange(N1 - N0, dtype=np.float64),
                       (s - t).astype(np.float64) - frac, (naive_s - t).astype(np.float64) - frac,
                       np.where(frac > 0, 1.0 - frac, 0.0),
                       2.0 + np.sqrt(1.0 + 2.0 * (t.astype(np.float64) + frac)))


@dataclass(frozen=True, eq=False)
class ComplexityRace:
    """Candidates each method examines, exactly (``counts[method][i]`` for ``Ns[i]``), with the
    reference curves sqrt(N), N^(1/4) and N^(1/6) (the typical early-stop count) as float64."""

    Ns: tuple[int, ...]
    counts: dict[str, tuple[int, ...]]
    curves: dict[str, np.ndarray]


def _count_xy(N: int) -> int:
    r = isqrt(N)
    if r * r == N:
        return 1
    lo, hi = _xy_window(N)
    return 2 + 2 * (hi - lo + 1) - (lo * lo < N)


def complexity_race(Ns=None) -> ComplexityRace:
    """Exact candidate counts of every method, from closed forms (no trace is built), so N may be
    huge: the scan's count is just a number.  Default Ns: 10**2 ... 10**18 in half decades, plus 1."""
    Ns = tuple(_check_n(n) for n in (Ns if Ns is not None else
                                      [isqrt(10**e) + 1 for e in range(4, 37)]))
    counts: dict[str, list[int]] = {k: [] for k in
                                    ("naive", "scan_sqrt", "scan_sqrt_closed", "search_xy",
                                     "search_pq_full", "search_pq")}
    for N in Ns:
        m, p1 = isqrt(N), isqrt(4 * N)
        square = m * m == N
        counts["naive"].append(1 + (m * (m + 1) <= N))
        for key, closed in (("scan_sqrt", False), ("scan_sqrt_closed", True)):
            lo, hi = _scan_bounds(N, closed)
            counts[key].append(max(0, hi - lo + 1))
        counts["search_xy"].append(_count_xy(N))
        counts["search_pq_full"].append(1 if square else upper_bound_top(N) - p1 + 1)
        counts["search_pq"].append(max(1, _optimum(N)[0] - p1 + 1))
    x = np.array([float(n) for n in Ns])
    return ComplexityRace(Ns, {k: tuple(v) for k, v in counts.items()},
                          {"sqrt(N)": np.sqrt(x), "N^(1/4)": x ** 0.25, "N^(1/6)": x ** (1 / 6)})


# ----------------------------------------------------------------------------- presets


class Preset(NamedTuple):
    N: int
    note: str


# Name -> (N, one-line note), in menu order. Names with words and every note are marked for the tab's translation
# (context "AbcTab"); the untranslated name stays the key.
presets = MappingProxyType({
    QT_TRANSLATE_NOOP("AbcTab", "130: naive fails"): Preset(
        130, QT_TRANSLATE_NOOP("AbcTab", "a = b = 11 gives S = 31; the optimum 10·13 + 0 gives 23.")),
    "162 = 2·9²": Preset(
        162, QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1's open interval (9, 12.7] skips a = 9: (9, 18, 0), S = 27.")),
    "163 = 2·9² + 1": Preset(
        163, QT_TRANSLATE_NOOP("AbcTab", "Even the closed interval [9.03, 12.8] misses the optimum (9, 18, 1).")),
    "2888 = 2·38²": Preset(
        2888, QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1 skips a = 38 = sqrt(N/2): (38, 76, 0), S = 114.")),
    "2915 = 54² - 1": Preset(
        2915, QT_TRANSLATE_NOOP("AbcTab", "The naive rule's worst below 3000: 53·55 + 0 beats 53·54 + 53 by 52.")),
    QT_TRANSLATE_NOOP("AbcTab", "2879: hardest < 3000"): Preset(
        2879, QT_TRANSLATE_NOOP("AbcTab", "Most p values examined by the early-stopping sweep below 3000 (14).")),
    QT_TRANSLATE_NOOP("AbcTab", "89743: hardest < 10⁵"): Preset(
        89743, QT_TRANSLATE_NOOP("AbcTab", "Most p values examined below 10⁵ (34).")),
    QT_TRANSLATE_NOOP("AbcTab", "12345² (square)"): Preset(
        12345**2, QT_TRANSLATE_NOOP("AbcTab", "A square: a = b = sqrt N, c = 0 meets the lower bound 2 sqrt N.")),
    "10¹⁵": Preset(
        10**15, QT_TRANSLATE_NOOP("AbcTab", "A scan over every a <= sqrt N tries 3.2·10⁷ values; the p-sweep 222.")),
    "10¹⁸": Preset(10**18, QT_TRANSLATE_NOOP("AbcTab", "A square again: the sweep stops at once.")),
    "10¹⁸ + 123456789012": Preset(
        10**18 + 123456789012,
        QT_TRANSLATE_NOOP("AbcTab", "A typical N near 10¹⁸: 933 p values; 999471483·1000528920 + 652.")),
    "2⁶¹ - 1": Preset(
        2**61 - 1, QT_TRANSLATE_NOOP("AbcTab", "A Mersenne prime: no near-square ab equals N; 2798 p values.")),
    "10⁴⁰ + 12345678901234567890": Preset(
        10**40 + 12345678901234567890,
        QT_TRANSLATE_NOOP("AbcTab", "Far beyond 2⁶⁴, still exact: 1.5 million p values in numpy.")),
})
