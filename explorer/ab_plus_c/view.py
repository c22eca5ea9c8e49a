"""The N = ab + c tab: the cost landscape S(a, b), the sawtooth S(a), the (p, q) and (x, y) pictures of the post's
fast searches, each search animated candidate by candidate, and S*(N) − 2√N over a range of N.

Everything arithmetic stays in exact Python integers (the model); plots get float64 offsets from integer origins,
and every number shown as text is an exact integer with digit grouping, except axis origins and offsets from
EXACT_BELOW on: those are rounded exactly to 1.234×10¹² (their exact digits would not fit a narrow axis).
"""

from __future__ import annotations

import functools
import math
import time
from dataclasses import dataclass
from fractions import Fraction
from math import isqrt
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from explorer import ab_plus_c as ab
from explorer.i18n import QT_TRANSLATE_NOOP, translate
from explorer.params import ParamSpec
from explorer.runner import Job, Runner
from explorer.tab import TopicTab
from explorer.theme import Theme
from widgets.explanation import Explanation
from widgets.play_bar import PlayBar
from widgets.plot_panel import PlotPanel, Style, set_data, set_note, set_range, set_text, set_ticks
from widgets.steady_label import SteadyLabel

# Largest N accepted: up to here the exact sweep takes well under a second (numpy while p² − 4N < 2**100);
# beyond it a pure-Python sweep of ~N^(1/6) columns would hold the worker for minutes.
MAX_N = 10**42
# Searches with more candidates than this are counted (closed forms) but not traced or animated.
TRACE_LIMIT = 200_000
# An animation has at most this many frames (plus an empty first frame); longer traces reveal batches per frame.
MAX_FRAMES = 120
FRAMES_PER_SECOND = 6
SLIDER_MAX = 10_000
# A range of N is evaluated in chunks, with progress and cancellation between them: this many N per vectorised
# chunk (N < 2**53), and exact-sweep chunks sized to take about CHUNK_SECONDS.
VECTOR_CHUNK = 50_000
CHUNK_SECONDS = 0.2
# A range job starts by itself only when cheap: vectorised (N < 2**53) or few exact sweeps of moderate N.
AUTO_EXACT_RANGE = 10_000
AUTO_EXACT_BELOW = 10**24
BAND_POINTS = 2000  # the band's fill is drawn from at most this many bins (a 10⁶-point fill is slow)
LARGE_S = 10**6  # from here on text shows S − S* instead of S
LOG_ABOVE = 1000  # S − S* axes turn symmetric-logarithmic when values exceed this
# The landscape's low edges get this fraction of its width: room for a whole marker, or for a marker and its label.
LAND_PAD = 0.06
LAND_EDGE_PAD = 0.16
OFFSET_FROM = 10_000  # q and y axes become offsets from the optimum's q*, y* from here on (plain ticks stay short)
PLANE_FULL = 293  # the (p, q) heat map shows the post's whole p-window up to this many columns (as the model)
PLANE_HALF = 15  # beyond, a (2·15 + 1)² square around the optimum
# Numbers from here on are shown as 1.234×10¹² (SCIENTIFIC_DIGITS significant digits) in axis labels and offsets:
# exact digits would not fit a narrow plot's axis.
EXACT_BELOW = 10**12
SCIENTIFIC_DIGITS = 4

ALGORITHMS = ("naive", "scan_sqrt", "scan_sqrt_closed", "search_xy", "search_pq_full", "search_pq")
# Texts marked here are translated where shown, in the tab's context "AbcTab" (see explorer.i18n).
ALGORITHM_LABELS = (
    QT_TRANSLATE_NOOP("AbcTab", "naive a = b = ⌊√N⌋"),
    QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1 (as published)"),
    QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1, fixed"),
    QT_TRANSLATE_NOOP("AbcTab", "(x, y) parity split"),
    QT_TRANSLATE_NOOP("AbcTab", "(p, q) whole window"),
    QT_TRANSLATE_NOOP("AbcTab", "(p, q) early stop"),
)
SHORT_LABELS = dict(zip(ALGORITHMS, (
    QT_TRANSLATE_NOOP("AbcTab", "naive"),
    QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1"),
    QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1 fixed"),
    "(x, y)",
    QT_TRANSLATE_NOOP("AbcTab", "(p, q) window"),
    QT_TRANSLATE_NOOP("AbcTab", "(p, q) early stop"),
)))
RANGES = (1_000, 10_000, 100_000, 1_000_000)
PAGES = ("ab", "pq", "range")
PAGE_TITLES = (
    QT_TRANSLATE_NOOP("AbcTab", "(a, b) landscape"),
    QT_TRANSLATE_NOOP("AbcTab", "(p, q) and (x, y)"),
    QT_TRANSLATE_NOOP("AbcTab", "Over N: S* − 2√N and cost"),
)
RACE_METHODS = (
    ("scan_sqrt", QT_TRANSLATE_NOOP("AbcTab", "Algorithm 1 (√N)"), "c1"),
    ("search_xy", QT_TRANSLATE_NOOP("AbcTab", "(x, y) window"), "c3"),
    ("search_pq_full", QT_TRANSLATE_NOOP("AbcTab", "(p, q) window (N^¼)"), "c4"),
    ("search_pq", QT_TRANSLATE_NOOP("AbcTab", "(p, q) early stop"), "c2"),
)
RACE_CURVES = (("sqrt(N)", "√N"), ("N^(1/4)", "N^¼"), ("N^(1/6)", "N^(1/6)"))


def group(n: int) -> str:
    """An exact integer with digit grouping; a long one may break after its commas (a zero-width space), or a
    43-digit N widens the sidebar past the window."""
    text = f"{n:,}"
    return text if len(text) <= _UNBROKEN_DIGITS else text.replace(",", ",\u200b")


_UNBROKEN_DIGITS = 20  # grouped numbers up to this many characters never break


def triple_text(triple: tuple[int, int, int]) -> str:
    a, b, c = triple
    return f"{group(a)} × {group(b)} + {group(c)}"


def cost_text(s: int, s_opt: int) -> str:
    """S for small numbers; S* + k once S has too many digits to compare at a glance."""
    if s_opt < LARGE_S:
        return f"S = {s}" if s == s_opt else f"S = {s} = S* + {group(s - s_opt)}"
    return "S = S*" if s == s_opt else f"S = S* + {group(s - s_opt)}"


SPECS = (
    ParamSpec("N", "bigint", 130, "N",
              QT_TRANSLATE_NOOP("AbcTab", "Any positive integer up to 10⁴², exact: 130, 1_000_003, 10^18, 1e15, "
                                "2**61-1. The slider below covers 1 … 10,000."), minimum=1, maximum=MAX_N),
    ParamSpec("algorithm", "choice", "scan_sqrt", QT_TRANSLATE_NOOP("AbcTab", "animated search"),
              QT_TRANSLATE_NOOP("AbcTab", "The method whose candidates the animation reveals one by one"),
              choices=ALGORITHMS, choice_labels=ALGORITHM_LABELS),
    ParamSpec("window", "int", 12, QT_TRANSLATE_NOOP("AbcTab", "landscape half-width"),
              QT_TRANSLATE_NOOP("AbcTab", "The (a, b) landscape shows a* ± this many columns and b* ± this many rows"),
              minimum=3, maximum=60),
    ParamSpec("levels", "bool", True, QT_TRANSLATE_NOOP("AbcTab", "level curves"),
              QT_TRANSLATE_NOOP("AbcTab", "Draw S = S* and S = S(naive) on the landscape: the hyperbolae "
                                "(a − 1)(b − 1) = N + 1 − S")),
    ParamSpec("range", "choice", 10_000, QT_TRANSLATE_NOOP("AbcTab", "N in range"),
              QT_TRANSLATE_NOOP("AbcTab", "How many consecutive N the 'Over N' page evaluates (centred on N, "
                                "from 1 for small N)"),
              choices=RANGES, choice_labels=("10³", "10⁴", "10⁵", "10⁶")),
)

EXPLANATION = Explanation(
    title=QT_TRANSLATE_NOOP("AbcTab", "N = ab + c"),
    post_title="自然数集中 N = ab + c 时 a + b + c 的最小值",
    post_url="https://kexue.fm/archives/9775",
    body=QT_TRANSLATE_NOOP("AbcTab",
        "<p>Write a natural number as $N = ab + c$ and minimise $S = a + b + c$. With $c = N - ab$,</p>"
        "$$S = N + 1 - (a-1)(b-1)$$"
        "<p>so $(a-1)(b-1)$ must be as large as $ab \\leq N$ allows. The obvious $a = b = \\lfloor\\sqrt{N}\\rfloor$ "
        "is <b>not</b> always best: $130 = 11\\cdot 11 + 9$ costs 31, but $130 = 10\\cdot 13$ costs 23.</p>"
        "<p>For fixed $a$ the best $b$ is $\\lfloor N/a\\rfloor$ (the staircase). <b>Algorithm 1</b> scans "
        "$a \\in (\\sqrt{N/2}, \\sqrt{N}]$, $O(\\sqrt{N})$ candidates; as published it fails at 31 values of N "
        "(162 = 2·9²: the optimum 9·18 sits exactly at $a = \\sqrt{N/2}$).</p>"
        "<p>With $p = a + b$, $q = b - a$ (equal parity) the cost is</p>"
        "$$4S = 4N + 4 + q^2 - (p-2)^2$$"
        "<p>For each $p$ the best $q$ is the least with $q^2 \\geq p^2 - 4N$. The post's window "
        "$p \\leq 2\\sqrt{N} + 2 + \\sqrt{1 + 4\\sqrt{N}}$ has $O(N^{1/4})$ columns; and since $S \\geq p$, the "
        "sweep may <b>stop</b> once $p$ exceeds the best $S$ found: about $N^{1/6}$ columns in practice. "
        "The (x, y) form is the same search with $x = p/2$, $y = q/2$, integer and half-integer lattices.</p>"
        "<p>The optimum lies in the band</p>"
        "$$S^* \\geq \\lceil 2\\sqrt{N}\\,\\rceil$$"  # two lines: one is wider than the narrowest sidebar
        "$$S^* \\leq 2\\sqrt{N} + 2 + \\sqrt{1 + 4\\sqrt{N}}$$"
        "<p>(the lower bound needs N ≥ 4; for N ≤ 3 the best is $0\\cdot 0 + N$). The post's equation (1) is off "
        "by one: $N - (\\sqrt{ab} - 1)^2 + (\\sqrt{a} - \\sqrt{b})^2$ misses a $+1$.</p>"
        "<p>Large N: the plots are windowed around the optimum and their axes are offsets such as "
        "$a - a^*$, with the origin in the axis label (rounded from $10^{12}$ on; the badges above give the "
        "optimum exactly).</p>"
    ),
    what_to_try=(
        QT_TRANSLATE_NOOP("AbcTab", "N = 130: the naive point (11, 11) sits on a lower level curve than the "
                          "optimum (10, 13)."),
        QT_TRANSLATE_NOOP("AbcTab", "Preset 162: Algorithm 1's shaded interval starts just right of a = 9 and "
                          "misses the optimum; its trace ends at S* + 1."),
        QT_TRANSLATE_NOOP("AbcTab", "Preset 2879 with (p, q) early stop: step through 14 columns; the sweep stops "
                          "where p passes S*."),
        QT_TRANSLATE_NOOP("AbcTab", "Drag the N slider: the naive badge flips between ✓ and ✗."),
        QT_TRANSLATE_NOOP("AbcTab", "10¹⁸ + 123456789012 on the (p, q) page: 933 columns instead of 63,249 or "
                          "292 million."),
        QT_TRANSLATE_NOOP("AbcTab", "Over N with 10⁶ values: S* − 2√N stays inside the band; the naive rule "
                          "drifts far above it."),
    ),
)


# ----------------------------------------------------------------------------- worker-side math (no Qt)


@dataclass(frozen=True, eq=False)
class Trace:
    """One search's candidates as plot arrays (offsets per view) and S − S* in search order.

    ``search`` is None when the method examines more than TRACE_LIMIT candidates; ``count`` is then the exact
    closed-form count and the arrays are empty.
    """

    method: str
    count: int
    search: ab.SearchResult | None
    s_opt: int
    excess: np.ndarray
    best: np.ndarray
    views: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]  # view -> (x, y, inside the view's window)
    exact_best: np.ndarray  # the running best S − S* as exact integers (``best`` is rounded beyond 2⁵³)


def _pair_columns(pairs: list[tuple[int, int]], N: int) -> tuple[Any, Any]:
    """The a and b columns of a candidate list: int64 arrays when every value fits, else object arrays."""
    dtype = np.int64 if N < 2**62 else object
    table = np.array(pairs, dtype=dtype).reshape(-1, 2)
    return table[:, 0], table[:, 1]


def _as_offsets(values, origin: int) -> np.ndarray:
    """values − origin as float64 (exact integer subtraction first)."""
    if values.dtype == object:
        return np.array([float(v - origin) for v in values], dtype=np.float64)
    return (values - np.int64(origin)).astype(np.float64)


def _inside(x: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return (x >= lo) & (x <= hi)


def _trace(method: str, count: int, search: ab.SearchResult | None, N: int, s_opt: int, frames: dict,
           q0: int) -> Trace:
    """Candidates as offsets in every view's coordinates; q (and y = q/2) relative to q0."""
    if search is None or not search.candidates:
        empty = np.zeros(0)
        return Trace(method, count, search, s_opt, empty, empty,
                     {k: (empty, empty, empty.astype(bool)) for k in frames}, empty.astype(np.int64))
    a, b = _pair_columns(search.candidates, N)
    s_minus = a + b + (N - a * b) - s_opt
    excess = _as_offsets(s_minus, 0)
    land, saw, plane, columns, lattice = (frames[k] for k in ("ab", "saw", "pq", "col", "xy"))
    views = {}
    x, y = _as_offsets(a, land.a0), _as_offsets(b, land.b0)
    views["ab"] = (x, y, _inside(x, land.a[0], land.a[-1]) & _inside(y, land.b[0], land.b[-1]))
    x = _as_offsets(a, saw.a0)
    views["saw"] = (x, excess, _inside(x, saw.a[0], saw.a[-1]))
    p, q = a + b, b - a
    x, y = _as_offsets(p, plane.p0), _as_offsets(q, q0)
    views["pq"] = (x, y, _inside(x, plane.p[0], plane.p[-1]) & _inside(y, plane.q[0] - q0, plane.q[-1] - q0))
    x = _as_offsets(p, columns.p0)
    views["col"] = (x, excess, _inside(x, columns.p[0], columns.p[-1]))
    x, y = _as_offsets(p, 2 * lattice.x0) / 2, _as_offsets(q, q0) / 2
    views["xy"] = (x, y, _inside(x, lattice.m[0] - 0.5, lattice.m[-1] + 1.0))
    return Trace(method, count, search, s_opt, excess, np.minimum.accumulate(excess), views,
                 np.minimum.accumulate(s_minus))


def _run_search(method: str, N: int) -> ab.SearchResult:
    if method == "naive":
        return ab.naive(N)
    if method in ("scan_sqrt", "scan_sqrt_closed"):
        return ab.scan_sqrt(N, closed=method == "scan_sqrt_closed")
    if method == "search_xy":
        return ab.search_xy(N)
    return ab.search_pq(N, early_stop=method == "search_pq")


def _column_range(N: int, s_opt: int, p_opt: int) -> range:
    """p values for the column-minimum plot: the post's whole window when small, else p1 … S* (the early-stop
    sweep) when that is affordable, else the model's window around the optimum."""
    p1, top = isqrt(4 * N), ab.upper_bound_top(N)
    if top - p1 <= 400:
        return range(max(0, p1 - 4), top + 3)
    if s_opt - p1 <= 4000:
        return range(max(0, p1 - 4), s_opt + 3 + (s_opt - p1) // 10)
    return _around(p_opt, 100)


def _around(centre: int, half: int) -> range:
    return range(max(0, centre - half), centre + half + 1)


def level_curve(N: int, s: int, a_range: np.ndarray, b_range: np.ndarray, a0: int, b0: int,
                samples: int = 256) -> np.ndarray:
    """Points (a − a0, b − b0) of (a − 1)(b − 1) = N + 1 − s over the window, exact until the final division.

    a runs over a rational grid a = num/den; then b − b0 = ((1 − b0)(num − den) + K den)/(num − den).
    """
    k = N + 1 - s
    a_lo, a_hi = a0 + round(a_range[0]), a0 + round(a_range[-1])
    b_lo, b_hi = b_range[0] - 0.5, b_range[-1] + 0.5
    if k == 0:  # (a − 1)(b − 1) = 0, the lines a = 1 and b = 1 (N = 2's naive S), NaN between them
        lines = []
        if a_lo <= 1 <= a_hi:
            lines += [(1 - a0, b_lo), (1 - a0, b_hi), (np.nan, np.nan)]
        if b_lo <= 1 - b0 <= b_hi:
            lines += [(a_lo - a0, 1 - b0), (a_hi - a0, 1 - b0)]
        return np.array(lines, dtype=np.float64).reshape(-1, 2)
    if k < 0 or a_hi <= 1:
        return np.empty((0, 2))
    a_lo = max(a_lo, 1)
    points = []
    for i in range(samples + 1):
        num, den = a_lo * samples + (a_hi - a_lo) * i, samples
        if num <= den:  # a <= 1: the curve is at infinity
            continue
        y = ((1 - b0) * (num - den) + k * den) / (num - den)
        if b_lo <= y <= b_hi:
            points.append(((num - a0 * den) / den, y))
    return np.array(points, dtype=np.float64).reshape(-1, 2)


def _pq_edge(N: int, plane: ab.PQPlane, q0: int) -> np.ndarray:
    """The feasibility edge q² = p² − 4N in the plane's window as (p − p0, q − q0).

    Sampled in p (the model's curve) and in q at quarter steps, p = √(q² + 4N) split into an exact integer root
    and a small fraction: near the optimum of a large N the edge is nearly vertical, so p-samples miss it."""
    q_lo, q_hi = plane.q[0], plane.q[-1]
    points = [(x, y - q0) for x, y in plane.hyperbola if q_lo - 1 <= y <= q_hi + 1]
    for k in range(4 * max(0, int(q_lo) - 1), 4 * (int(q_hi) + 1) + 1):
        n = k * k + 64 * N  # (4p)² = 16(q² + 4N) for q = k/4
        root = isqrt(n)
        offset = ((root - 4 * plane.p0) + (n - root * root) / (math.sqrt(n) + root)) / 4  # p − p0
        if plane.p[0] - 1 <= offset <= plane.p[-1] + 1:
            points.append((offset, k / 4 - q0))
    points.sort()
    return np.array(points, dtype=np.float64).reshape(-1, 2)


@functools.cache
def _default_race() -> ab.ComplexityRace:
    return ab.complexity_race()


def optima_from_sweep(N: int, s_opt: int, sweep: ab.SearchResult) -> list[tuple[int, int, int]]:
    """Every optimal triple of N >= 6, from the early-stopping (p, q) sweep: an optimum has p1 <= a + b <= S*
    (S(p) falls strictly up to p1, and S >= p) and the least q of its column (S grows with q)."""
    return sorted({(a, b, N - a * b) for a, b in sweep.candidates if a + b + N - a * b == s_opt})


def _all_optima(N: int, s_opt: int, optimum: tuple[int, int, int], counts: dict,
                sweep: ab.SearchResult | None) -> list[tuple[int, int, int]]:
    """Every optimal triple: brute force for small N, else from the sweep when it is short enough to run
    (``sweep``: already run), else the one min_abc found."""
    if N <= ab.ALL_OPTIMA_MAX_N:
        return ab.all_optima(N)
    if counts["search_pq"] <= TRACE_LIMIT:
        return optima_from_sweep(N, s_opt, sweep or ab.search_pq(N))
    return [optimum]


def compute_view(params: dict[str, Any], job: Job) -> dict[str, Any]:
    """Everything the plots and badges need for one N (the range over N is a separate, longer job)."""
    N, method = params["N"], params["algorithm"]
    land = ab.landscape(N, half_width=params["window"])
    # Origins are 0 (small N) or the optimum itself, so the optimum's offsets are small exact integers.
    a_opt, b_opt = land.a0 + round(land.optimum[0]), land.b0 + round(land.optimum[1])
    s_opt = land.s_opt
    optimum = (a_opt, b_opt, N - a_opt * b_opt)
    job.check()
    saw = ab.sawtooth(N)
    p_opt, q_opt = a_opt + b_opt, b_opt - a_opt
    if ab.upper_bound_top(N) - isqrt(4 * N) <= PLANE_FULL:
        plane = ab.pq_plane(N)
    else:  # the hyperbola is nearly vertical at this zoom: a small square shows the lattice and the edge
        plane = ab.pq_plane(N, _around(p_opt, PLANE_HALF), _around(q_opt, PLANE_HALF))
    q0 = q_opt if q_opt >= OFFSET_FROM else 0
    pq_edge = _pq_edge(N, plane, q0)
    columns = ab.pq_plane(N, p_range=_column_range(N, s_opt, a_opt + b_opt), q_range=range(0, 1))
    lattice = ab.xy_lattice(N)
    counts = {k: v[0] for k, v in ab.complexity_race([N]).counts.items()}
    job.check()

    naive = ab.naive(N)
    published = ab.scan_sqrt(N) if counts["scan_sqrt"] <= TRACE_LIMIT else None
    count = counts[method]
    if count > TRACE_LIMIT:
        search = None
    elif method == "scan_sqrt" and published is not None:
        search = published
    else:
        search = _run_search(method, N)
    job.check()
    frames = {"ab": land, "saw": saw, "pq": plane, "col": columns, "xy": lattice}
    trace = _trace(method, count, search, N, s_opt, frames, q0)
    optima = _all_optima(N, s_opt, optimum, counts, search if method == "search_pq" else None)

    levels = []
    if params["levels"]:
        levels.append(level_curve(N, s_opt, land.a, land.b, land.a0, land.b0))
        if naive.S != s_opt:
            levels.append(level_curve(N, naive.S, land.a, land.b, land.a0, land.b0))
    race = _default_race()
    return {
        "N": N, "method": method, "s_opt": s_opt, "optimum": optimum, "optima": optima, "naive": naive,
        "published": published, "published_ok": N not in ab.PUBLISHED_FAILURES, "counts": counts,
        "landscape": land, "sawtooth": saw, "plane": plane, "columns": columns, "lattice": lattice,
        "trace": trace, "levels": levels, "race": race, "q0": q0, "pq_edge": pq_edge,
    }


def range_window(N: int, size: int) -> tuple[int, int]:
    """The half-open range of ``size`` consecutive N centred on N (starting at 1 for small N)."""
    start = max(1, N - size // 2)
    return start, start + size


def range_is_cheap(start: int, stop: int) -> bool:
    """Vectorised (N < 2**53: ~0.5 s per 10⁶ N) or few exact sweeps of moderate N (~3 s)."""
    return stop - 1 <= 2**53 or (stop - start <= AUTO_EXACT_RANGE and stop < AUTO_EXACT_BELOW)


def compute_range(N: int, size: int, job: Job) -> dict[str, Any]:
    """S*(N) − 2√N and the naive rule's excess over ``size`` consecutive N, in chunks (progress, cancel)."""
    start, stop = range_window(N, size)
    vectorised = stop - 1 <= 2**53
    chunk = VECTOR_CHUNK if vectorised else 1
    parts = []
    began = time.monotonic()
    lo = start
    while lo < stop:
        job.check()
        hi = min(lo + chunk, stop)
        parts.append(ab.excess_over_range(lo, hi))
        lo = hi
        done = hi - start
        elapsed = time.monotonic() - began
        if not vectorised:  # one exact sweep per N, 30 µs to 1 s each: chunks of about CHUNK_SECONDS
            chunk = max(1, min(VECTOR_CHUNK, int(CHUNK_SECONDS * done / max(elapsed, 1e-6))))
        left = elapsed * (size - done) / done
        eta = f", ~{left:.0f} s" if left >= 2 else ""
        # Numbers and symbols only: the worker does not translate (translators may change while it runs).
        job.progress(done / size, f"S*(N): {group(done)} / {group(size)}{eta}")
    excess = np.concatenate([p.excess for p in parts])
    naive_excess = np.rint(np.concatenate([p.naive for p in parts]) - excess)  # both share t and frac: exact ints
    lower = np.concatenate([p.lower for p in parts])
    upper = np.concatenate([p.upper for p in parts])
    origin = 0 if stop <= 10**7 else N  # absolute N while float64 and the axis can show it
    x = np.arange(size, dtype=np.float64) + float(start - origin)
    bins = max(1, -(-size // BAND_POINTS))
    usable = size - size % bins
    band_x = x[:usable].reshape(-1, bins).mean(axis=1)
    band_low = lower[:usable].reshape(-1, bins).min(axis=1)
    band_high = upper[:usable].reshape(-1, bins).max(axis=1)
    tail = slice(max(0, 4 - start), None)  # the lower bound holds from N = 4 on
    band_check = excess[tail]
    worst = int(np.argmax(naive_excess))
    highest = int(np.argmax(excess))
    return {
        "N": N, "start": start, "stop": stop, "origin": origin, "x": x, "excess": excess,
        "naive_excess": naive_excess, "lower": lower, "upper": upper,
        "band": (band_x, band_low, band_high),
        "inside": bool(np.all(band_check >= lower[tail] - 1e-9) and np.all(band_check <= upper[tail] + 1e-9)),
        "naive_wrong": float(np.mean(naive_excess > 0)), "naive_worst": (start + worst, int(naive_excess[worst])),
        "highest": (start + highest, float(excess[highest])),
    }


# ----------------------------------------------------------------------------- the tab


class AbcTab(TopicTab):
    topic_id = "abc"
    specs = SPECS
    # Frame 0 is before the first step; past the end of a search's trace, its last frame is shown.
    view_specs = (ParamSpec("page", "choice", PAGES[0], choices=PAGES),
                  ParamSpec("frame", "int", 0, minimum=0, maximum=ab.MAX_TRACE))
    explanation = EXPLANATION

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        self._result: dict[str, Any] | None = None
        self._range_result: dict[str, Any] | None = None
        self._range_key: tuple[int, int] | None = None  # the window last requested
        self._range_state = "idle"  # idle, running, cancelled, waiting (too costly to start alone)
        self._page = 0
        self._wanted_frame: int | None = None
        self._drawn_pages: set[int] = set()  # pages showing the latest result
        self._heat_maps: list[tuple[pg.ImageItem, pg.ColorBarItem]] = []
        self._badge_kinds: dict[QLabel, str] = {}
        self._log_axes: dict[pg.PlotItem, bool] = {}  # cost axes currently on a symmetric-log scale
        self._land_labels: tuple | None = None  # the landscape's two point labels, placed again on resize
        self.range_runner: Runner | None = None
        super().__init__(theme, parent)
        # Its own runner: moving N must not cancel a long range, and a range must not delay the plots of N.
        self.range_runner = self.add_runner("abc-range")
        self.range_runner.result.connect(self._on_range_result)
        self.range_runner.failed.connect(self._on_range_failed)
        self.range_runner.progress.connect(self._on_range_progress)
        self.range_runner.busy_changed.connect(self._on_range_busy)

    # ----- building -----
    def build_controls(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("small N")))
        self.n_slider = QSlider(Qt.Orientation.Horizontal)
        self.n_slider.setRange(1, SLIDER_MAX)
        self.n_slider.setPageStep(100)
        self.n_slider.setToolTip(self.tr("N from 1 to {maximum}; arrows step by 1. Larger N: type it above.")
                                 .format(maximum=group(SLIDER_MAX)))
        self.n_slider.setObjectName("n_slider")
        self.n_slider.valueChanged.connect(self._on_slider)
        row.addWidget(self.n_slider, 1)
        layout.addLayout(row)
        self.presets = QComboBox()
        self.presets.setObjectName("presets")
        self.presets.addItem(self.tr("Presets…"))
        for name in ab.presets:  # keyed by name: a QVariant cannot hold N beyond 64 bits
            self.presets.addItem(self.tr(name), name)
        self.presets.setToolTip(self.tr("Interesting N from the post and the model's checks"))
        self.presets.activated.connect(self._on_preset)
        layout.addWidget(self.presets)
        self.preset_note = SteadyLabel(word_wrap=True, rich=False)
        self.preset_note.setObjectName("preset_note")
        layout.addWidget(self.preset_note)

        group_box = QGroupBox(self.tr("Over N (a longer job)"))
        inner = QVBoxLayout(group_box)
        self.range_progress = QProgressBar()
        self.range_progress.setRange(0, 1000)
        self.range_progress.setTextVisible(False)
        self.range_progress.setMaximumHeight(10)
        buttons = QHBoxLayout()
        self.range_button = QPushButton(self.tr("Compute"))
        self.range_button.setToolTip(self.tr("Evaluate S*(N) for the whole range now"))
        self.range_button.clicked.connect(self.start_range)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the range computation"))
        self.cancel_button.clicked.connect(self.cancel_range)
        buttons.addWidget(self.range_button)
        buttons.addWidget(self.cancel_button)
        self.range_status = QLabel(self.tr("Open the 'Over N' page to evaluate the range."))
        self.range_status.setWordWrap(True)
        self.range_status.setObjectName("range_status")
        self.range_status.setMinimumHeight(3 * self.range_status.fontMetrics().lineSpacing())
        inner.addWidget(self.range_progress)
        inner.addLayout(buttons)
        inner.addWidget(self.range_status)
        layout.addWidget(group_box)
        return box

    def build_plots(self) -> QWidget:
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(self._build_badges())
        self.page_bar = QTabBar()
        self.page_bar.setDocumentMode(True)
        self.page_bar.setExpanding(False)
        for title in PAGE_TITLES:
            self.page_bar.addTab(self.tr(title))
        self.page_bar.currentChanged.connect(self._on_page)
        layout.addWidget(self.page_bar)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_ab_page())
        self.stack.addWidget(self._build_pq_page())
        self.stack.addWidget(self._build_range_page())
        self._panel_of = {plot: panel for panel in (self.ab_panel, self.pq_panel, self.range_panel)
                          for plot in panel.plots()}
        for panel in (self.ab_panel, self.pq_panel, self.range_panel):
            for plot in panel.plots():
                for side in ("left", "bottom", "top", "right"):
                    # Grid lines at major and minor ticks only: the third level costs ~20 ms per redraw.
                    plot.getAxis(side).setStyle(maxTickLevel=1)
        layout.addWidget(self.stack, 1)
        self.play_bar = PlayBar(FRAMES_PER_SECOND, counts_from=0)  # frame 0: before the first step
        self.play_bar.frame_changed.connect(self._on_frame)
        self.play_caption = SteadyLabel(rich=False)
        self.play_caption.setObjectName("play_caption")
        bottom = QHBoxLayout()
        bottom.addWidget(self.play_caption)
        bottom.addWidget(self.play_bar, 1)
        layout.addLayout(bottom)
        self.on_theme(self.theme)
        return area

    def _build_badges(self) -> QVBoxLayout:
        self.optimum_badge = SteadyLabel(rich=False)
        self.naive_badge = SteadyLabel(rich=False)
        self.published_badge = SteadyLabel(rich=False)
        self.search_badge = SteadyLabel(rich=False)
        self.counts_label = SteadyLabel(word_wrap=True, rich=False)
        self.counts_label.setToolTip(self.tr("Candidates each method examines for this N, exactly (closed forms)"))
        for name, badge in (("optimum_badge", self.optimum_badge), ("naive_badge", self.naive_badge),
                            ("published_badge", self.published_badge), ("search_badge", self.search_badge),
                            ("counts_label", self.counts_label)):
            badge.setObjectName(name)
            badge.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.naive_badge.setToolTip(self.tr("Is the naive rule a = b = ⌊√N⌋ (or b = a + 1 when that fits) optimal?"))
        self.published_badge.setToolTip(self.tr("Is Algorithm 1 with the post's open interval (√(N/2), √N] optimal?"))
        self.search_badge.setToolTip(self.tr("The animated search's answer"))
        # Two by two, each badge wrapping inside its half: the exact triples of a 40-digit N are long.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for index, badge in enumerate((self.optimum_badge, self.naive_badge, self.published_badge,
                                       self.search_badge)):
            badge.setWordWrap(True)
            badge.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(badge, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(grid)
        column.addWidget(self.counts_label)
        return column

    def _heat(self, panel: PlotPanel, plot: pg.PlotItem) -> tuple[pg.ImageItem, pg.ColorBarItem]:
        image = panel.image(plot)
        bar = pg.ColorBarItem(values=(0, 1), colorMap=_cost_colormap(self.theme), interactive=False, width=10,
                              colorMapMenu=False)
        bar.setImageItem(image, insert_in=plot)
        bar.axis.setWidth(None)
        self._heat_maps.append((image, bar))
        return image, bar

    def _build_ab_page(self) -> PlotPanel:
        panel = self.ab_panel = PlotPanel(self.theme)
        plot = self.land_plot = panel.add_plot(0, 0, self.tr("Cost S − S* on the (a, b) grid"), "a", "b", rowspan=2,
                                               equal_aspect=True, legend="below")
        plot.showGrid(x=False, y=False)
        self.land_image, self.land_bar = self._heat(panel, plot)
        self.land_hyperbola = panel.curve(plot, Style("foreground", 1.6), "ab = N")
        self.land_stairs = panel.curve(plot, Style("muted", 1.0), "b = ⌊N/a⌋", symbol="s", symbolSize=4)
        self.land_level_opt = panel.curve(plot, Style("c2", 1.6, dash=True), self.tr("S = S* level"))
        self.land_level_naive = panel.curve(plot, Style("c1", 1.6, dash=True), self.tr("S = S(naive) level"))
        self.land_candidates = panel.scatter(plot, Style("background", symbol_color="c0"), size=9,
                                             name=self.tr("candidates"))
        self.land_latest = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=15,
                                         label="latest candidate")
        self.land_naive = panel.scatter(plot, Style("c1", symbol_color="foreground"), size=14, symbol="o",
                                        name=self.tr("naive ⌊√N⌋"))
        self.land_optima = panel.scatter(plot, Style("c2", symbol_color="foreground"), size=20, symbol="star",
                                         name=self.tr("optimum"))
        self.land_naive_text = panel.text(plot, "c1", anchor=(1.0, 0.0))
        self.land_opt_text = panel.text(plot, "foreground", anchor=(0.0, 1.0))
        self.land_note = panel.text(plot, "muted", anchor=(0, 1))
        plot.getViewBox().sigResized.connect(self._place_land_labels)  # the labels' offsets are in pixels
        plot.getViewBox().sigRangeChanged.connect(self._place_land_labels)

        plot = self.saw_plot = panel.add_plot(0, 1, self.tr("S(a) − S*, b = ⌊N/a⌋ (shaded: Algorithm 1)"), "a",
                                              "S − S*", legend="below")
        plot.showAxis("top")
        self.saw_band_top = panel.curve(plot, Style("c0", 0), label="Algorithm 1 window, top")
        self.saw_band_bottom = panel.curve(plot, Style("c0", 0), label="Algorithm 1 window, bottom")
        self.saw_band = panel.fill_between(plot, self.saw_band_top, self.saw_band_bottom,
                                           Style("c0", fill="c0", fill_alpha=28))
        self.saw_upper = panel.curve(plot, Style("muted", 1.0, dash=True), self.tr("envelopes"))
        self.saw_lower = panel.curve(plot, Style("muted", 1.0, dash=True), label="lower envelope")
        self.saw_curve = panel.curve(plot, Style("foreground", 1.0), "S(a)", symbol="o", symbolSize=5)
        self.saw_candidates = panel.scatter(plot, Style("background", symbol_color="c0"), size=9, label="candidates")
        self.saw_latest = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=14, label="latest candidate")
        self.saw_naive = panel.scatter(plot, Style("c1", symbol_color="foreground"), size=12, label="naive")
        self.saw_optima = panel.scatter(plot, Style("c2", symbol_color="foreground"), size=18, symbol="star",
                                        label="optima")
        self.saw_lines = [panel.line(plot, 0.0, 90, Style("c0", 1.2, dash=True)) for _ in range(2)]
        self.saw_note = panel.text(plot, "muted", anchor=(0, 0))

        self.ab_trace = self._build_trace(panel, 1, 1)
        panel.ci.layout.setColumnStretchFactor(0, 5)
        panel.ci.layout.setColumnStretchFactor(1, 4)
        return panel

    def _build_trace(self, panel: PlotPanel, row: int, col: int) -> dict[str, Any]:
        plot = panel.add_plot(row, col, self.tr("Search trace"), self.tr("candidate #"), "S − S*",
                              legend=(-6, 6))
        items = {"plot": plot}
        items["values"] = panel.curve(plot, Style("c0", 1.0), self.tr("each candidate"), symbol="o", symbolSize=6)
        items["best"] = panel.curve(plot, Style("c2", 2.2), self.tr("best so far"))
        items["zero"] = panel.line(plot, 0.0, 0, Style("muted", 1.0, dash=True))
        return items

    def _build_pq_page(self) -> PlotPanel:
        panel = self.pq_panel = PlotPanel(self.theme)
        plot = self.pq_plot = panel.add_plot(0, 0, self.tr("S − S* on the (p, q) lattice"), "p", "q",
                                             legend="below")
        plot.showGrid(x=False, y=False)
        self.pq_image, self.pq_bar = self._heat(panel, plot)
        self.pq_hyperbola = panel.curve(plot, Style("foreground", 1.6), "q² = p² − 4N")
        self.pq_qmin = panel.scatter(plot, Style("foreground"), size=5, symbol="s", name=self.tr("best q per p"))
        self.pq_candidates = panel.scatter(plot, Style("background", symbol_color="c0"), size=9, label="candidates")
        self.pq_latest = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=15, label="latest candidate")
        self.pq_naive = panel.scatter(plot, Style("c1", symbol_color="foreground"), size=12, label="naive")
        self.pq_optima = panel.scatter(plot, Style("c2", symbol_color="foreground"), size=18, symbol="star",
                                       label="optima")
        plot.showAxis("top")
        self.pq_lines = _marker_lines(panel, plot)
        self.pq_note = panel.text(plot, "muted", anchor=(0, 0))

        plot = self.col_plot = panel.add_plot(0, 1, self.tr("Best S per column p"), "p", "S − S*",
                                              legend="below")
        self.col_floor = panel.curve(plot, Style("c2", 1.2), "S ≥ p")
        self.col_even = panel.scatter(plot, Style("muted"), size=6, name=self.tr("p even (x integer)"))
        self.col_odd = panel.scatter(plot, Style("muted"), size=7, symbol="t", name=self.tr("p odd"))
        self.col_candidates = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=10, symbol="o",
                                            label="best S per examined column")
        self.col_latest = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=15, label="latest column")
        self.col_optima = panel.scatter(plot, Style("c2", symbol_color="foreground"), size=18, symbol="star",
                                        label="optima")
        plot.showAxis("top")
        self.col_lines = _marker_lines(panel, plot)
        self.col_note = panel.text(plot, "muted", anchor=(0, 0))

        plot = self.xy_plot = panel.add_plot(1, 0, self.tr("(x, y) lattices: a = x − y, b = x + y"), "x", "y",
                                             legend="below")
        self.xy_hyperbola = panel.curve(plot, Style("foreground", 1.4), "y² = x² − N")
        self.xy_window_edges = [panel.curve(plot, Style("c4", 0), label=f"window, {edge}")
                                for edge in ("top", "bottom")]
        panel.fill_between(plot, *self.xy_window_edges, Style("c4", fill="c4", fill_alpha=25))
        self.xy_int = panel.scatter(plot, Style("muted"), size=6, name=self.tr("x integer"))
        self.xy_half = panel.scatter(plot, Style("muted"), size=7, symbol="t", name=self.tr("x half-integer"))
        self.xy_step2 = panel.scatter(plot, Style("background", symbol_color="foreground"), size=10, symbol="d",
                                      name=self.tr("step 2 points"))
        self.xy_candidates = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=10, label="candidates")
        self.xy_latest = panel.scatter(plot, Style("c0", symbol_color="foreground"), size=15, label="latest candidate")
        self.xy_optimum = panel.scatter(plot, Style("c2", symbol_color="foreground"), size=18, symbol="star",
                                         label="optimum")
        self.xy_note = panel.text(plot, "muted", anchor=(0, 0))

        self.pq_trace = self._build_trace(panel, 1, 1)
        return panel

    def _build_range_page(self) -> PlotPanel:
        panel = self.range_panel = PlotPanel(self.theme)
        plot = self.range_plot = panel.add_plot(0, 0, self.tr("S*(N) − 2√N over a range of N"), "N", "S* − 2√N",
                                                colspan=2, legend=(-6, 6))
        self.band_low = panel.curve(plot, Style("c4", 1.0), label="lower bound ⌈2√N⌉")
        self.band_high = panel.curve(plot, Style("c4", 1.0), self.tr("bounds ⌈2√N⌉ and 2 + √(1 + 4√N)"))
        self.band = panel.fill_between(plot, self.band_high, self.band_low, Style("c4", fill="c4", fill_alpha=40))
        self.range_curve = panel.curve(plot, Style("c0", 1.0), "S* − 2√N")
        self.range_now = panel.line(plot, 0.0, 90, Style("foreground", 1.0, dash=True))
        self.range_text = panel.text(plot, "foreground", anchor=(0, 0))
        plot = self.naive_plot = panel.add_plot(1, 0, self.tr("Naive rule's excess S(naive) − S*"), "N",
                                                "S(naive) − S*")
        self.naive_curve = panel.curve(plot, Style("c1", 1.0), label="naive excess")
        self.naive_now = panel.line(plot, 0.0, 90, Style("foreground", 1.0, dash=True))
        self.naive_text = panel.text(plot, "foreground", anchor=(0, 0))
        for curve in (self.range_curve, self.naive_curve, self.band_low, self.band_high):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)

        plot = self.race_plot = panel.add_plot(1, 1, self.tr("Candidates examined: the race"), "N",
                                               self.tr("candidates", "axis: how many"), log_x=True, log_y=True,
                                               legend=(6, 6))
        self.race_refs = [panel.curve(plot, Style("muted", 1.0, dash=True), label=name) for name, _ in RACE_CURVES]
        self.race_ref_texts = [panel.text(plot, "muted", anchor=(1, 1)) for _ in RACE_CURVES]
        self.race_curves = {key: panel.curve(plot, Style(role, 2.0), self.tr(label), symbol="o", symbolSize=5)
                            for key, label, role in RACE_METHODS}
        self.race_now = {key: panel.scatter(plot, Style(role, symbol_color="foreground"), size=12, symbol="star",
                                       label=f"{key} at this N")
                         for key, _, role in RACE_METHODS}
        self.race_line = panel.line(plot, 0.0, 90, Style("foreground", 1.0, dash=True))
        self.range_busy = panel.text(self.range_plot, "muted", anchor=(0.5, 0.5))
        # The plot gets its range after the note is first placed (the page is still hidden then): follow it.
        self.range_plot.getViewBox().sigRangeChanged.connect(self._centre_range_busy)
        return panel

    # ----- computing (worker thread) -----
    @staticmethod
    def compute(params: dict[str, Any], job: Job) -> dict[str, Any]:
        return compute_view(params, job)

    # ----- drawing (GUI thread) -----
    def show_result(self, r: dict[str, Any]) -> None:
        self._result = r
        self._drawn_pages = set()
        self._show_badges(r)
        self._show_page()
        self._reset_frames()

    def _show_page(self) -> None:
        """Draw the visible page from the latest result; hidden pages wait until they are shown."""
        r = self._result
        if r is None or self._page in self._drawn_pages:
            return
        self._drawn_pages.add(self._page)
        if self._page == 0:
            self._show_landscape(r)
            self._show_sawtooth(r)
            self._show_trace_axes(self.ab_trace, r["trace"])
        elif self._page == 1:
            self._show_plane(r)
            self._show_columns(r)
            self._show_lattice(r)
            self._show_trace_axes(self.pq_trace, r["trace"])
        else:
            self._show_race_now(r)
            self._place_range_marker()

    def _show_badges(self, r: dict[str, Any]) -> None:
        N, s_opt, optimum, optima = r["N"], r["s_opt"], r["optimum"], r["optima"]
        more = "  " + self.tr("({count} optima)").format(count=len(optima)) if len(optima) > 1 else ""
        self._badge(self.optimum_badge, "accent",
                    f"N = {group(N)} = {triple_text(optimum)}  →  <b>S* = {group(s_opt)}</b>{more}")
        naive = r["naive"]
        ok = naive.S == s_opt
        self._badge(self.naive_badge, "good" if ok else "bad",
                    self.tr("naive ⌊√N⌋: {triple}, {cost}  {verdict}").format(
                        triple=triple_text(naive.triple), cost=cost_text(naive.S, s_opt), verdict=self._optimal(ok)))
        published = r["published"]
        if published is None:  # too long to run: the model's list of failures is complete
            ok = r["published_ok"]
            text = self.tr("Algorithm 1 as published: {verdict} (every N ≥ {safe} is)").format(
                verdict=self._optimal(ok), safe=group(ab.SCAN_SAFE_FROM))
            kind = "good" if ok else "bad"
        elif published.triple is None:
            text, kind = self.tr("Algorithm 1 as published: ✗ no answer, (√(N/2), √N] holds no integer"), "bad"
        else:
            ok = published.S == s_opt
            text = self.tr("Algorithm 1 as published: {triple}, {cost}  {verdict}").format(
                triple=triple_text(published.triple), cost=cost_text(published.S, s_opt), verdict=self._optimal(ok))
            kind = "good" if ok else "bad"
        self._badge(self.published_badge, kind, text)
        trace = r["trace"]
        label = self.tr(SHORT_LABELS[trace.method])
        if trace.search is None:
            text, kind = self.tr("{method}: {count} candidates, too many to animate (limit {limit})").format(
                method=label, count=group(trace.count), limit=group(TRACE_LIMIT)), "neutral"
        elif trace.search.triple is None:
            text, kind = self.tr("{method}: ✗ no answer").format(method=label), "bad"
        else:
            ok = trace.search.S == s_opt
            text = f"{label}: {cost_text(trace.search.S, s_opt)} {'✓' if ok else '✗'}"
            kind = "good" if ok else "bad"
        self._badge(self.search_badge, kind, text)
        accent = self.theme.accent
        chips = []
        for key in ALGORITHMS:
            chip = f"{self.tr(SHORT_LABELS[key])} <b>{group(r['counts'][key])}</b>"
            chips.append(f"<span style='color:{accent}'>[{chip}]</span>" if key == trace.method else chip)
        self.counts_label.setText(self.tr("Candidates examined: {counts}").format(counts=" · ".join(chips)))

    def _optimal(self, ok: bool) -> str:
        return self.tr("✓ optimal") if ok else self.tr("✗ not optimal")

    def _labels(self, plot: pg.PlotItem, x_label: str | None = None, y_label: str | None = None,
                title: str | None = None) -> None:
        self._panel_of[plot].set_labels(plot, title, x_label, y_label)

    def _badge(self, label: SteadyLabel, kind: str, text: str) -> None:
        label.setText(text)  # a SteadyLabel: an unchanged text costs nothing
        if self._badge_kinds.get(label) != kind:  # a new style sheet re-polishes the label: only on change
            self._badge_kinds[label] = kind
            label.setStyleSheet(self._badge_style(kind))

    def _badge_style(self, kind: str) -> str:
        theme = self.theme
        colours = {"good": theme.series[2], "bad": theme.warning, "accent": theme.accent, "neutral": theme.muted}
        colour = colours[kind]
        return (f"QLabel {{ border: 2px solid {colour}; border-radius: 5px; padding: 2px 7px; "
                f"color: {theme.foreground}; background: {theme.surface}; }}")

    def _show_landscape(self, r: dict[str, Any]) -> None:
        land = r["landscape"]
        plot = self.land_plot
        self._labels(plot, _offset_label("a", "a*", land.a0), _offset_label("b", "b*", land.b0))
        a, b = land.a, land.b
        _set_heat(self.land_image, self.land_bar, land.excess.T, QRectF(a[0] - 0.5, b[0] - 0.5, len(a), len(b)))
        # The low edges get room for a whole marker, and for its label where the optimum sits on one: that of
        # N ≤ 3 is (0, 0), in the corner, with the naive point (1, 1) up and right of it.
        ox, oy = land.optimum
        on_edge = ox <= a[0] or oy <= b[0]
        pad = max(2.0 if on_edge else 1.0, (LAND_EDGE_PAD if on_edge else LAND_PAD) * max(a[-1] - a[0], b[-1] - b[0]))
        x_range, y_range = (a[0] - pad, a[-1] + 0.5), (b[0] - pad, b[-1] + 0.5)
        set_range(plot, x_range, y_range, padding=0.0)
        hyper = land.hyperbola
        set_data(self.land_hyperbola, hyper[:, 0], hyper[:, 1])
        stairs = land.staircase
        keep = np.isfinite(stairs) & (stairs >= b[0] - 0.5) & (stairs <= b[-1] + 0.5)
        set_data(self.land_stairs, a[keep], stairs[keep])
        levels = r["levels"] + [np.empty((0, 2))] * (2 - len(r["levels"]))
        for item, points in zip((self.land_level_opt, self.land_level_naive), levels):
            set_data(item, points[:, 0], points[:, 1], connect="finite")
        naive = r["naive"].triple
        nx, ny = float(naive[0] - land.a0), float(naive[1] - land.b0)
        set_data(self.land_naive, x=[nx], y=[ny])
        xs = [float(t[0] - land.a0) for t in r["optima"]]
        ys = [float(t[1] - land.b0) for t in r["optima"]]
        set_data(self.land_optima, x=xs, y=ys)
        s_opt = r["s_opt"]
        naive_s = r["naive"].S
        naive_text = self.tr("naive: {cost}").format(cost=cost_text(naive_s, s_opt)) if naive_s != s_opt else ""
        # First on the side with more room: at the window's edge (N = 2) it covered both markers.
        naive_side = -1 if nx - a[0] >= a[-1] - nx else 1
        opt_text = f"S* = {group(s_opt)}" if s_opt < LARGE_S else "S*"
        self._land_labels = ((self.land_opt_text, opt_text, land.optimum, self.land_optima),
                             (self.land_naive_text, naive_text, (nx, ny), self.land_naive), naive_side)
        self._place_land_labels()
        notes = [self.tr("some optima lie outside the window")] if _any_outside(xs, ys, a, b) else []
        if _any_outside([nx], [ny], a, b):
            notes.append(self.tr("naive point off the window:\n({x}, {y})").format(
                x=f"{naive[0] - land.a0:+,}", y=f"{naive[1] - land.b0:+,}"))
        set_note(self.land_note, "\n".join(notes), x_range[0], y_range[0])

    @Slot()
    def _place_land_labels(self) -> None:
        """Name the optimum and the naive point a few pixels off their markers, at the first pair of corners where
        neither text leaves the view (it would slide in), covers the other or covers a marker. Offsets in data
        units failed at N = 1 with 121 columns: the texts overlapped and covered the markers."""
        if self._land_labels is None:
            return
        *labels, naive_side = self._land_labels
        view = self.land_plot.getViewBox()
        for item, text, (x, y), _marker in labels:
            set_note(item, text, x, y)
        area = view.sceneBoundingRect()
        if area.width() < 1 or area.height() < 1:  # not laid out yet: placed again when resized
            return
        spots = []  # per label, in scene pixels: (marker centre, gap to the text, marker square, text size)
        for item, text, (x, y), marker in labels:
            centre = view.mapViewToScene(QPointF(x, y))
            radius = marker.opts["size"] / 2
            square = QRectF(centre.x() - 0.7 * radius, centre.y() - 0.7 * radius, 1.4 * radius, 1.4 * radius)
            size = item.textItem.mapRectToScene(item.textItem.boundingRect()).size() if text else None
            spots.append((centre, 0.75 * radius + 2.0, square, size))

        def rect(spot, corner: tuple[int, int]) -> QRectF | None:
            centre, gap, _square, size = spot
            if size is None:
                return None
            (right, up), (width, height) = corner, (size.width(), size.height())
            x = centre.x() + gap if right > 0 else centre.x() - gap - width
            y = centre.y() - gap - height if up > 0 else centre.y() + gap
            return QRectF(x, y, width, height)

        def faults(corners) -> int:
            rects = [rect(spot, corner) for spot, corner in zip(spots, corners)]
            squares = [spot[2] for spot in spots]
            shown = [r for r in rects if r is not None]
            return (sum(not area.contains(r) for r in shown)
                    + sum(r.intersects(square) for r in shown for square in squares)
                    + (len(shown) == 2 and shown[0].intersects(shown[1])))

        opt_corners = ((1, 1), (-1, 1), (1, -1), (-1, -1))
        naive_corners = ((naive_side, -1), (naive_side, 1), (-naive_side, -1), (-naive_side, 1))
        best = min(((o, n) for o in opt_corners for n in naive_corners), key=faults)
        for (item, text, _point, _marker), spot, corner in zip(labels, spots, best):
            placed = rect(spot, corner)
            if placed is None:
                continue
            right, up = corner
            anchor = (0.0 if right > 0 else 1.0, 1.0 if up > 0 else 0.0)
            if tuple(item.anchor) != anchor:
                item.setAnchor(anchor)
            point = view.mapSceneToView(QPointF(placed.left() if right > 0 else placed.right(),
                                                placed.bottom() if up > 0 else placed.top()))
            set_note(item, text, point.x(), point.y())

    def _show_sawtooth(self, r: dict[str, Any]) -> None:
        saw = r["sawtooth"]
        plot = self.saw_plot
        a = saw.a
        log, y_range = _cost_axis(plot, float(np.max(saw.excess)), float(np.min(saw.lower)))
        self._log_axes[plot] = log
        self._labels(plot, _offset_label("a", "a*", saw.a0), _cost_label(log))
        self.saw_curve.setSymbol("o" if len(a) <= 300 else None)
        set_data(self.saw_curve, a, _symlog(saw.excess, log))
        set_data(self.saw_lower, a, _symlog(saw.lower, log))
        set_data(self.saw_upper, a, _symlog(saw.upper, log))
        x_range = (a[0] - 0.5, a[-1] + 0.5)
        set_range(plot, x_range, y_range, padding=0.0)
        _integer_ticks(plot.getAxis("bottom"), x_range)
        lo, hi = max(saw.sqrt_half, x_range[0] - 1), min(saw.sqrt_n, x_range[1] + 1)
        set_data(self.saw_band_top, [lo, hi], [2 * y_range[1]] * 2)
        set_data(self.saw_band_bottom, [lo, hi], [2 * y_range[0] - 1] * 2)
        outside = _mark(plot, self.saw_lines, ((saw.sqrt_half, "√(N/2)"), (saw.sqrt_n, "√N")), x_range)
        naive = r["naive"]
        naive_x = float(naive.triple[0] - saw.a0)
        if not x_range[0] <= naive_x <= x_range[1]:
            outside.append(self.tr("naive a: {offset}").format(offset=_signed(naive_x))
                           + (" →" if naive_x > x_range[1] else ""))
        set_note(self.saw_note, "\n".join(outside), x_range[0], y_range[1])
        set_data(self.saw_naive, x=[naive_x], y=_symlog([float(naive.S - r["s_opt"])], log))
        xs = [float(t[0] - saw.a0) for t in r["optima"] if t[0] > 0]
        set_data(self.saw_optima, x=xs, y=[0.0] * len(xs))

    def _show_plane(self, r: dict[str, Any]) -> None:
        plane, q0 = r["plane"], r["q0"]
        plot = self.pq_plot
        self._labels(plot, _offset_label("p", "p*", plane.p0), _offset_label("q", "q*", q0))
        p, q = plane.p, plane.q - q0
        _set_heat(self.pq_image, self.pq_bar, plane.excess.T, QRectF(p[0] - 0.5, q[0] - 0.5, len(p), len(q)))
        x_range = (p[0] - 0.5, p[-1] + 0.5)
        set_range(plot, x_range, (q[0] - 1.0, q[-1] + 0.5), padding=0.0)
        hyper = r["pq_edge"]
        set_data(self.pq_hyperbola, hyper[:, 0], hyper[:, 1])
        q_min = plane.q_min - q0
        inside = (q_min >= q[0]) & (q_min <= q[-1])
        set_data(self.pq_qmin, x=p[inside], y=q_min[inside])
        outside = _mark(plot, self.pq_lines, _p_marks(plane), x_range)
        a, b, _ = r["naive"].triple
        set_data(self.pq_naive, x=[float(a + b - plane.p0)], y=[float(b - a - q0)])
        set_data(self.pq_optima, x=[float(t[0] + t[1] - plane.p0) for t in r["optima"]],
                 y=[float(t[1] - t[0] - q0) for t in r["optima"]])
        note = "\n".join([self.tr("zoomed on the optimum"), *outside]) if outside else ""
        set_note(self.pq_note, note, x_range[0], q[-1] + 0.5)

    def _show_columns(self, r: dict[str, Any]) -> None:
        columns = r["columns"]
        plot = self.col_plot
        p, col_min = columns.p, columns.column_min
        x_range = (p[0] - 0.5, p[-1] + 0.5)
        after_start = p >= columns.p_start - 1
        highest = float(np.max(col_min[after_start])) if after_start.any() else float(np.max(col_min))
        stop = columns.p_stop
        log, y_range = _cost_axis(plot, highest, x_range[0] - stop)
        self._log_axes[plot] = log
        self._labels(plot, _offset_label("p", "p*", columns.p0), _cost_label(log))
        parity = (np.rint(p).astype(np.int64) + (columns.p0 & 1)) & 1
        set_data(self.col_even, x=p[parity == 0], y=_symlog(col_min[parity == 0], log))
        set_data(self.col_odd, x=p[parity == 1], y=_symlog(col_min[parity == 1], log))
        set_range(plot, x_range, y_range, padding=0.0)
        floor_x = np.linspace(x_range[0], x_range[1], 400 if log else 2)  # S ≥ p: a line, curved on a log axis
        set_data(self.col_floor, floor_x, _symlog(floor_x - stop, log))
        set_data(self.col_optima, x=[float(t[0] + t[1] - columns.p0) for t in r["optima"]],
                 y=[0.0] * len(r["optima"]))
        outside = _mark(plot, self.col_lines, _p_marks(columns), x_range)
        set_note(self.col_note, "\n".join(outside), x_range[0], y_range[1])

    def _show_lattice(self, r: dict[str, Any]) -> None:
        lattice = r["lattice"]
        y0 = r["q0"] / 2  # y = q/2: the same origin as the (p, q) plane
        plot = self.xy_plot
        self._labels(plot, _offset_label("x", "x₀", lattice.x0), _offset_label("y", "y*", Fraction(r["q0"], 2)))
        m = lattice.m
        finite = np.isfinite(lattice.y_int)
        y_int, y_half = lattice.y_int[finite] - y0, lattice.y_half - y0
        set_data(self.xy_int, x=m[finite], y=y_int)
        set_data(self.xy_half, x=m + 0.5, y=y_half)
        set_data(self.xy_step2, x=[s[0] for s in lattice.step2], y=[s[1] - y0 for s in lattice.step2])
        ox, oy = lattice.optimum
        set_data(self.xy_optimum, x=[ox], y=[oy - y0])
        ys = np.concatenate([y_half, y_int, [oy - y0]])
        y_lo, y_hi = float(np.min(ys)), float(np.max(ys))
        pad = max(1.0, 0.08 * (y_hi - y_lo))
        x_range = (m[0] - 0.75, m[-1] + 1.25)
        y_range = (y_lo - pad, y_hi + 2 * pad)
        set_range(plot, x_range, y_range, padding=0.0)
        hyper = lattice.hyperbola
        set_data(self.xy_hyperbola, hyper[:, 0], hyper[:, 1] - y0)
        lo, hi = max(lattice.window[0], x_range[0]), min(lattice.window[1], x_range[1])
        for curve, y in zip(self.xy_window_edges, (y_range[1] + pad, y_range[0] - pad)):
            set_data(curve, [lo, hi], [y, y])
        set_note(self.xy_note, self.tr("shaded: the post's x-window"), x_range[0], y_range[1])

    def _show_race_now(self, r: dict[str, Any]) -> None:
        race = r["race"]
        x = np.array([float(n) for n in race.Ns])
        for (key, label), curve, text in zip(RACE_CURVES, self.race_refs, self.race_ref_texts):
            set_data(curve, x, race.curves[key])
            set_text(text, label, math.log10(x[-3]), math.log10(float(race.curves[key][-3])))
        n = float(r["N"])
        self.race_line.setPos(math.log10(n))
        for key, item in self.race_now.items():
            count = r["counts"][key]
            set_data(item, x=[math.log10(n)] if count else [], y=[math.log10(count)] if count else [])
        highest = max(float(race.Ns[-1]), n)
        top = max(float(race.curves["sqrt(N)"][-1]), float(r["counts"]["scan_sqrt"]) or 1.0)
        set_range(self.race_plot, (1.8, math.log10(highest) + 0.3), (-0.2, math.log10(top) + 0.5),
                  padding=0.0)

    def _show_trace_axes(self, items: dict[str, Any], trace: Trace) -> None:
        plot = items["plot"]
        count = len(trace.excess)
        items["values"].setSymbol("o" if count <= 300 else None)
        log, y_range = _cost_axis(plot, float(np.max(trace.excess)) if count else 1.0)
        self._log_axes[plot] = log
        self._labels(plot, self.tr("candidate #"), _cost_label(log))
        margin = max(0.5, 0.03 * count)  # half a candidate is under a pixel at 300 candidates: the last marker was cut
        set_range(plot, (1 - margin, max(count, 1) + margin), y_range, padding=0.0)
        set_ticks(plot.getAxis("bottom"), spacing=(1, 1) if count <= 12 else None)  # whole candidates, not 1.5
        size = 10 if count <= 150 else 7 if count <= 1500 else 5  # thousands of big rings would hide the lattice
        for item in self._page_candidates():
            if item.opts["size"] != size:  # setSize re-renders every spot, even to the same size
                item.setSize(size)

    # ----- frames (GUI thread: slicing precomputed arrays) -----
    def _page_candidates(self) -> tuple[pg.ScatterPlotItem, ...]:
        if self._page == 0:
            return self.land_candidates, self.saw_candidates
        return self.pq_candidates, self.col_candidates, self.xy_candidates

    def _frame_count(self) -> int:
        if self._page == 2:
            return len(_default_race().Ns) if self._result is not None else 1
        if self._result is None:
            return 1
        return min(len(self._result["trace"].excess), MAX_FRAMES) + 1

    def _reset_frames(self) -> None:
        """After a new result or page: new frame count; show everything unless playing or a frame was asked for.
        A frame asked for (apply_view_state) waits for the result of the parameters set with it."""
        count = self._frame_count()
        self.play_bar.set_frame_count(count)
        wanted = self._wanted_frame
        if not self.runner.busy:
            self._wanted_frame = None
        if wanted is not None and 0 <= wanted < count and not self.runner.busy:
            self.play_bar.set_frame(wanted)
        elif not self.play_bar.is_playing:
            self.play_bar.set_frame(count - 1)
            if wanted is not None and not self.runner.busy:
                # How many frames a search has depends on N: a scene file's frame cannot be checked up front.
                self._show_error(self.tr("The scene's frame {frame} is past the end of this search (frames 0 to "
                                         "{last}): the last is shown.").format(frame=wanted, last=count - 1))
        self._draw_frame()

    @Slot(int)
    def _on_frame(self, _frame: int) -> None:
        self._draw_frame()

    def revealed(self) -> int:
        """How many candidates of the animated search the current frame shows."""
        if self._result is None:
            return 0
        count = len(self._result["trace"].excess)
        frames = self._frame_count() - 1
        return 0 if frames <= 0 else -(-self.play_bar.frame * count // frames)

    def _draw_frame(self) -> None:
        r = self._result
        if r is None:
            return
        if self._page == 2:
            self._draw_race_frame(r)
            return
        trace, n = r["trace"], self.revealed()
        if self._page == 0:
            pairs = ((self.land_candidates, self.land_latest, "ab"), (self.saw_candidates, self.saw_latest, "saw"))
            traces = (self.ab_trace,)
        else:
            pairs = ((self.pq_candidates, self.pq_latest, "pq"), (self.col_candidates, self.col_latest, "col"),
                     (self.xy_candidates, self.xy_latest, "xy"))
            traces = (self.pq_trace,)
        log = {"saw": self._log_axes.get(self.saw_plot, False), "col": self._log_axes.get(self.col_plot, False)}
        for item, latest, view in pairs:
            x, y, inside = trace.views[view]
            shown = inside[:n]
            y_shown = _symlog(y[:n][shown], log.get(view, False))
            set_data(item, x=x[:n][shown], y=y_shown)
            if n and inside[n - 1]:
                set_data(latest, x=x[n - 1:n], y=_symlog(y[n - 1:n], log.get(view, False)))
            else:
                set_data(latest, x=[], y=[])
        for items in traces:
            index = np.arange(1, n + 1, dtype=np.float64)
            on = self._log_axes.get(items["plot"], False)
            set_data(items["values"], index, _symlog(trace.excess[:n], on))
            set_data(items["best"], index, _symlog(trace.best[:n], on))
            self._labels(items["plot"], title=self.tr("Search trace: {verdict}").format(
                verdict=self._verdict(trace, n)))
        self.play_caption.setText(f"{self.tr(SHORT_LABELS[trace.method])}: {group(n)} / {group(len(trace.excess))}")

    def _verdict(self, trace: Trace, n: int) -> str:
        if trace.search is None:
            # In a plot's title: from EXACT_BELOW on, rounded (as axis origins are), or it runs past its plot.
            count = group(trace.count) if trace.count < EXACT_BELOW else f"≈ {_scientific(trace.count)}"
            return self.tr("{count} candidates: not traced").format(count=count)
        if len(trace.excess) == 0:
            return self.tr("no candidates to examine")
        if n == 0:
            return self.tr("press Play or Step")
        best = int(trace.exact_best[n - 1])
        state = self.tr("found S*") if best == 0 else self.tr("best S* + {excess}").format(excess=group(best))
        if n == len(trace.excess) and best > 0:
            if trace.search.triple == (0, 0, trace.search.N):
                # N <= 3: the answer (0, 0, N) is no (a, b) candidate, and it is S* (a ✗ here read as a failure).
                state = self.tr("S* at a = b = 0, past the candidates")
            else:
                state += " ✗"  # the search ended without the optimum
        return self.tr("{shown} / {total}, {state}").format(shown=group(n), total=group(len(trace.excess)),
                                                            state=state)

    def _draw_race_frame(self, r: dict[str, Any]) -> None:
        race = r["race"]
        upto = self.play_bar.frame + 1
        x = np.array([float(n) for n in race.Ns[:upto]])
        for key, curve in self.race_curves.items():
            counts = np.array(race.counts[key][:upto], dtype=np.float64)
            counts[counts <= 0] = np.nan
            set_data(curve, x, counts, connect="finite")
        last = race.Ns[upto - 1]
        self.play_caption.setText(self.tr("race up to N ≈ 10^{exponent}").format(exponent=f"{math.log10(last):.1f}"))

    # ----- the range job -----
    def _sync_range_job(self, force: bool = False) -> None:
        """On the 'Over N' page, evaluate the range around N unless it was already requested (computed, running
        or cancelled); a costly range waits for Compute. ``force``: Compute was pressed."""
        if self.range_runner is None or (self._page != 2 and not force):
            return
        key = range_window(self._values["N"], self._values["range"])
        if key == self._range_key and not force:
            return
        self._range_key = key
        start, stop = key
        if not force and not range_is_cheap(start, stop):
            self.range_runner.cancel()
            self._range_state = "waiting"
            self._show_range_status(self.tr("{count} exact sweeps near N = {n} take a while: press Compute (Cancel "
                                            "stops it).").format(count=group(stop - start), n=group(self._values["N"])))
            return
        self._range_state = "running"
        self.range_progress.setValue(0)
        self._show_range_status(self.tr("Evaluating {count} values of N …").format(count=group(stop - start)))
        self.range_runner.submit(compute_range, self._values["N"], self._values["range"])

    @Slot()
    def start_range(self) -> None:
        self._sync_range_job(force=True)

    @Slot()
    def cancel_range(self) -> None:
        if self.range_runner is not None and self.range_runner.busy:
            self.range_runner.cancel()
            self._range_state = "cancelled"
            self._show_range_status(self.tr("Cancelled: press Compute to evaluate the range."))

    @Slot(int, object)
    def _on_range_result(self, _generation: int, r: dict[str, Any]) -> None:
        self._range_result, self._range_state = r, "idle"
        self.range_progress.setValue(1000)
        self._show_range_status(self.tr("Done: {count} values of N.").format(count=group(r["stop"] - r["start"])))
        origin = r["origin"]
        x_label = ("N" if origin == 0 else f"N − {group(origin)}" if origin < EXACT_BELOW
                   else _offset_label("N", "N₀", origin))
        x = r["x"]
        set_data(self.range_curve, x, r["excess"])
        band_x, band_low, band_high = r["band"]
        set_data(self.band_low, band_x, band_low)
        set_data(self.band_high, band_x, band_high)
        self._place_range_marker()
        # The post's upper bound grows like 2 N^¼ while S* − 2√N stays far lower for large N: show the data.
        highest_bound, highest_value = float(np.max(band_high)), float(np.max(r["excess"]))
        top = min(highest_bound, 1.5 * highest_value) * 1.15 + 0.5
        self._labels(self.range_plot, x_label, "S* − 2√N")
        set_range(self.range_plot, (x[0], x[-1]), (-0.06 * top, top), padding=0.0)
        high_n, high = r["highest"]
        inside = self.tr("inside the band") if r["inside"] else self.tr("OUTSIDE the band somewhere")
        low = self.tr(" for N ≥ 4") if r["start"] < 4 else ""
        cut = (self.tr("; upper bound up to {bound}, off the top").format(bound=f"{highest_bound:,.0f}")
               if highest_bound > top else "")
        summary = self.tr("S* − 2√N {inside}{low}{cut}\nlargest {value} at N = {n}").format(
            inside=inside, low=low, cut=cut, value=f"{high:.2f}", n=group(high_n))
        set_text(self.range_text, summary, x[0], top)
        naive = r["naive_excess"]
        log, y_range = _cost_axis(self.naive_plot, float(np.max(naive)))
        self._labels(self.naive_plot, x_label, _cost_label(log).replace("S − S*", "S(naive) − S*"))
        set_data(self.naive_curve, x, _symlog(naive, log))
        set_range(self.naive_plot, (x[0], x[-1]), y_range, padding=0.0)
        worst_n, worst = r["naive_worst"]
        summary = self.tr("not optimal for {percent}% of these N\nworst S* + {excess} at N = {n}").format(
            percent=f"{100 * r['naive_wrong']:.1f}", excess=group(worst), n=group(worst_n))
        set_text(self.naive_text, summary, x[0], y_range[1])
        self.range_busy.setVisible(False)

    def _place_range_marker(self) -> None:
        """The current N on the range plots (N can move inside an unchanged range)."""
        r = self._range_result
        if r is None:
            return
        inside = r["start"] <= self._values["N"] < r["stop"]
        now = float(self._values["N"] - r["origin"]) if inside else 0.0
        for line in (self.range_now, self.naive_now):
            line.setPos(now)
            line.setVisible(inside)

    @Slot(int, str)
    def _on_range_failed(self, _generation: int, message: str) -> None:
        self._range_state = "idle"
        self._show_range_status(self.tr("Range failed: {message}").format(message=message))

    @Slot(float, str)
    def _on_range_progress(self, fraction: float, message: str) -> None:
        self.range_progress.setValue(round(1000 * fraction))
        self._show_range_status(message)

    def _show_range_status(self, text: str) -> None:
        self.range_status.setText(text)
        busy = self._range_state in ("running", "waiting", "cancelled") and self._range_result is None
        set_text(self.range_busy, text if busy else "", 0.0, 0.0)
        self.range_busy.setVisible(busy)
        self._centre_range_busy()
        self.cancel_button.setEnabled(self._range_state == "running")

    @Slot()
    def _centre_range_busy(self) -> None:
        if self.range_busy.isVisible():
            x_range, y_range = self.range_plot.viewRange()
            self.range_busy.setPos(sum(x_range) / 2, sum(y_range) / 2)

    @Slot(bool)
    def _on_range_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)

    # ----- controls kept in step with N -----
    def request_update(self) -> None:
        super().request_update()
        self._sync_controls()
        self._sync_range_job()

    def _sync_controls(self) -> None:
        N = self._values["N"]
        self.n_slider.blockSignals(True)
        self.n_slider.setValue(min(N, SLIDER_MAX))
        self.n_slider.blockSignals(False)
        names = [name for name, preset in ab.presets.items() if preset.N == N]
        self.presets.setCurrentIndex(self.presets.findData(names[0]) if names else 0)
        if names:
            self.preset_note.setText(self.tr(ab.presets[names[0]].note))
        else:
            self.preset_note.setText("" if N <= SLIDER_MAX else self.tr("N = {n} is beyond the slider.").format(
                n=group(N)))

    @Slot(int)
    def _on_slider(self, value: int) -> None:
        if value != self._values["N"]:
            self.set_params({"N": value})

    @Slot(int)
    def _on_preset(self, index: int) -> None:
        preset = ab.presets.get(self.presets.itemData(index))
        if preset is not None:
            self.set_params({"N": preset.N})

    @Slot(int)
    def _on_page(self, index: int) -> None:
        self._page = index
        self.stack.setCurrentIndex(index)
        if self.play_bar.is_playing:
            self.play_bar.pause()
        self._show_page()
        self._reset_frames()
        self._sync_range_job()

    # ----- state, theme, life cycle -----
    def view_state(self) -> dict[str, Any]:
        return {"page": PAGES[self._page], "frame": self.play_bar.frame}

    def apply_view_state(self, view: dict[str, Any]) -> None:
        page = view.get("page", PAGES[0]) if isinstance(view, dict) else PAGES[0]
        frame = view.get("frame") if isinstance(view, dict) else None
        valid = isinstance(frame, int) and not isinstance(frame, bool) and frame >= 0
        self._wanted_frame = frame if valid else None
        self._show_error(self.panel.refusal)  # a new frame ends the message about the last one
        index = PAGES.index(page) if page in PAGES else 0
        if index != self.page_bar.currentIndex():
            self.page_bar.setCurrentIndex(index)  # resets the frames, using the wanted frame
        else:
            self._reset_frames()

    def on_theme(self, theme: Theme) -> None:
        for image, bar in self._heat_maps:
            colormap = _cost_colormap(theme)
            image.setColorMap(colormap)
            bar.setColorMap(colormap)
            bar.axis.setPen(pg.mkPen(theme.muted))
            bar.axis.setTextPen(pg.mkPen(theme.foreground))
            bar.axis.setLabel("S − S*", color=theme.foreground)
        for label, kind in self._badge_kinds.items():
            label.setStyleSheet(self._badge_style(kind))
        self._place_land_labels()  # new fonts, new text sizes
        if self._result is not None:
            self._show_badges(self._result)


# ----------------------------------------------------------------------------- helpers


def _cost_colormap(theme: Theme) -> pg.ColorMap:
    """A slate ramp whose costly end fades towards the background: the valley of near-optimal cells stands out,
    coloured markers on top stay readable, and the costliest cell is still distinct from the infeasible region
    (NaN), where the background shows through. Dark theme: the same ramp reversed."""
    deep, middle, pale = (38, 52, 79), (110, 132, 165), (226, 231, 238)
    if theme.name == "dark":
        return pg.ColorMap([0.0, 0.35, 1.0], [pale, middle, (44, 54, 72)])
    return pg.ColorMap([0.0, 0.35, 1.0], [deep, middle, pale])


def _set_heat(image: pg.ImageItem, bar: pg.ColorBarItem, excess: np.ndarray, rect: QRectF) -> None:
    """Show S − S* on a log scale (cells differ from 1 to 10¹⁰ for large N); NaN cells stay transparent."""
    finite = excess[np.isfinite(excess)]
    top = max(float(finite.max()) if finite.size else 1.0, 10.0)
    level = math.log10(1.0 + top)
    with np.errstate(invalid="ignore"):
        data = np.log10(1.0 + excess)
    image.setImage(data, autoLevels=False, levels=(0.0, level))
    image.setRect(rect)
    bar.setLevels((0.0, level))
    ticks = [(0.0, "0")]
    for exponent in range(0 if level < 2.5 else 1, int(level) + 1):  # a "1" would crowd the "0"
        ticks.append((math.log10(1.0 + 10**exponent), _power(exponent)))
    step = max(1, -(-len(ticks) // 7))
    set_ticks(bar.axis, [ticks[::step]])


def _symlog(y, on: bool) -> np.ndarray:
    """sign(y) log10(1 + |y|) when ``on`` (S − S* spans 0 … 10¹⁰ for large N), else y."""
    y = np.asarray(y, dtype=np.float64)
    return np.sign(y) * np.log10(1.0 + np.abs(y)) if on else y


def _power(exponent: int) -> str:
    return f"{10**exponent:,}" if exponent < 4 else "10" + str(exponent).translate(_SUPERSCRIPTS)


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _cost_axis(plot: pg.PlotItem, highest: float, lowest: float = 0.0) -> tuple[bool, tuple[float, float]]:
    """An S − S* axis: linear for small values, symmetric-log above LOG_ABOVE with ticks in S − S* units.
    Returns (log scale?, y range with headroom for legends and notes)."""
    axis = plot.getAxis("left")
    if highest <= LOG_ABOVE:
        set_ticks(axis)
        top = _headroom(highest)
        return False, (min(-0.06 * top, 1.15 * lowest), top)
    top = math.log10(1.0 + highest) * 1.5 + 0.3
    bottom = min(-0.06 * top, 1.15 * float(_symlog(lowest, True)))
    exponents = range(1, int(top) + 1)  # 1 would crowd 0 on a scale spanning many decades
    step = max(1, -(-len(exponents) // 6))
    ticks = [(0.0, "0")] + [(math.log10(1.0 + 10**k), _power(k)) for k in exponents[step - 1::step]]
    if bottom <= -1.0:  # one tick for the negative side (the lower envelope, S ≥ p): its order of magnitude
        deepest = int(-bottom)
        ticks.append((-math.log10(1.0 + 10**deepest), "−" + _power(deepest)))
    set_ticks(axis, [ticks])
    return True, (bottom, top)


def _cost_label(log: bool) -> str:
    return translate("AbcTab", "S − S*  (log scale)") if log else "S − S*"


def _headroom(highest: float) -> float:
    """Top of a y range with room above the data for a legend and notes."""
    return max(highest, 1.0) * 1.45 + 0.5


def _marker_lines(panel: PlotPanel, plot: pg.PlotItem) -> list[pg.InfiniteLine]:
    """Vertical lines at 2√N, the early stop p = S* and the post's bound, in that order."""
    return [panel.line(plot, 0.0, 90, style) for style in
            (Style("muted", 1.2, dash=True), Style("c2", 1.6, dash=True), Style("c4", 1.6, dash=True))]


def _p_marks(plane: ab.PQPlane) -> tuple[tuple[float, str], ...]:
    return ((plane.p_start, "2√N"), (plane.p_stop, translate("AbcTab", "stop: S*")),
            (plane.p_bound, translate("AbcTab", "bound")))


def _mark(plot: pg.PlotItem, lines: list[pg.InfiniteLine], marks, x_range) -> list[str]:
    """Place vertical lines and name them on the top axis; return notes for those outside the x range."""
    ticks, outside = [], []
    close = 0.07 * (x_range[1] - x_range[0])  # labels nearer than this would overlap: name both at the first
    for line, (pos, name) in sorted(zip(lines, marks), key=lambda pair: pair[1][0]):
        line.setPos(pos)
        if not x_range[0] <= pos <= x_range[1]:
            outside.append(f"{name}: {_signed(pos)} →" if pos > x_range[1] else f"← {name}: {_signed(pos)}")
        elif ticks and pos - ticks[-1][0] < close:
            ticks[-1] = (ticks[-1][0], f"{ticks[-1][1]}, {name}")
        else:
            ticks.append((pos, name))
    set_ticks(plot.getAxis("top"), [ticks])
    return outside


def _offset_label(name: str, origin_name: str, origin: int | Fraction) -> str:
    return name if origin == 0 else f"{name} − {origin_name}   ({_origin_value(origin_name, origin)})"


def _origin_value(origin_name: str, origin: int | Fraction) -> str:
    """'a* = 999,471,483', or 'a* ≈ 1.000×10²¹' from EXACT_BELOW on: a narrow plot's axis cut the exact digits of
    10²¹ off after 10¹⁸ (the badges give the optimum exactly)."""
    if abs(origin) < EXACT_BELOW:
        whole = math.floor(origin)
        return f"{origin_name} = {group(whole)}{'.5' if origin != whole else ''}"
    return f"{origin_name} ≈ {_scientific(origin)}"


def _scientific(value: int | float | Fraction) -> str:
    """A nonzero value rounded to SCIENTIFIC_DIGITS significant digits, as 1.234×10¹⁵; exact rounding of the integer
    (or of the float's exact value), so the digits shown are the true leading digits."""
    exact = abs(Fraction(value))
    exponent = len(str(math.floor(exact))) - 1 if exact >= 1 else -len(str(math.floor(1 / exact)))
    mantissa = round(exact / Fraction(10) ** (exponent - SCIENTIFIC_DIGITS + 1))
    if mantissa == 10**SCIENTIFIC_DIGITS:  # 9.9996×10²⁰ rounds up to 1.000×10²¹
        mantissa, exponent = mantissa // 10, exponent + 1
    digits = str(mantissa)
    return f"{'-' if value < 0 else ''}{digits[0]}.{digits[1:]}×10{str(exponent).translate(_SUPERSCRIPTS)}"


def _integer_ticks(axis: pg.AxisItem, x_range) -> None:
    """a is an integer: a short range gets a tick at each one (automatic ticks put some at halves)."""
    set_ticks(axis, spacing=(1, 1) if x_range[1] - x_range[0] <= 12 else None)


def _signed(offset: float) -> str:
    """An offset of a marked line from the plot's origin; from EXACT_BELOW on in the axis labels' format (a float's
    digits run out past 10¹⁵: −2.9·10²⁰ printed in full ended in invented digits)."""
    if abs(offset) < EXACT_BELOW:
        return f"{offset:+,.1f}"
    return ("+" if offset > 0 else "") + _scientific(offset)


def _any_outside(xs: list[float], ys: list[float], a: np.ndarray, b: np.ndarray) -> bool:
    return any(not (a[0] <= x <= a[-1] and b[0] <= y <= b[-1]) for x, y in zip(xs, ys))


