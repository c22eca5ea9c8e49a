"""What the Smooth top-k tab draws, computed without Qt: the scores, memoised τ sweeps and one frame per update.

A τ sweep depends only on (x, k, method), so it is memoised; moving the temperature recomputes only what sits at
the current τ (outputs, threshold curves and bisection, Jacobian), a few milliseconds even at n = 1000.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from itertools import combinations
from typing import Any, NamedTuple

import numpy as np

from explorer.i18n import QT_TRANSLATE_NOOP, translate

from .hard import hard_topk
from .methods import JACOBIAN_METHODS, soft_topk, topk_jacobian
from .roots import bisection_trace, threshold_function, threshold_root
from .simplex import simplex_path, triangle_xy
from .smooth_sum import SmoothTopkSum, smooth_topk_sum
from .sweep import large_tau_asymptote, sweep_with_error
from .threshold import THRESHOLD_METHODS

TAU_MIN, TAU_MAX = 1e-3, 1e3
SWEEP_TAUS = np.logspace(-3, 3, 121)  # 20 points a decade across the slider's range
N_MAX = 1000
K_MAX = 50
SCORE_LIMIT = 1e6  # |x| / τ_min must stay far from float64 overflow in every method
MAX_SHOWN = 16  # bars, components and Jacobian show at most this many entries (ranks around the k-th)
LAMBDA_POINTS = 200
BISECTION_STEPS = 24  # after ~20 halvings the bracket is narrower than a pixel
GUMBEL_SAMPLES = 200  # the same noise for the bars and the sweep, so the current-τ marker sits on the curve
SINKHORN_ITERATIONS = 1000
# GradTopK's exact Jacobian costs O(n²·min(k, n − k)) per τ; above this budget (~50 ms) it is not drawn.
GRAD_JACOBIAN_BUDGET = 2_000_000
# The O(n·k) methods are swept at every other τ once n·min(k, n − k) exceeds this (keeps a sweep under ~0.5 s).
SLOW_SWEEP_BUDGET = 20_000
SLOW_METHODS = ("grad", "iterative", "weighted")
RANGE_TOLERANCE = 1e-9
CONTEXT = "TopkTab"  # the translation context of every text the tab shows, marked here or in its view

# Each variant sits next to what it equals: the post's recursion next to GradTopK, Sinkhorn next to sigmoid.
ORDER = ("grad", "grad_recursive", "sigmoid", "sinkhorn", "laplace", "exp", "clip", "iterative", "weighted", "gumbel")
SHORT_LABELS = {  # English; the view shows them through translate(CONTEXT, …)
    "grad": "GradTopK",
    "grad_recursive": QT_TRANSLATE_NOOP("TopkTab", "post's recursion"),
    "sigmoid": QT_TRANSLATE_NOOP("TopkTab", "sigmoid"),
    "sinkhorn": "Sinkhorn ε = 2τ",
    "laplace": QT_TRANSLATE_NOOP("TopkTab", "Laplace (二者兼之)"),
    "exp": "min(1, eˣ)",
    "clip": QT_TRANSLATE_NOOP("TopkTab", "clip (capped simplex)"),
    "iterative": QT_TRANSLATE_NOOP("TopkTab", "iterative"),
    "weighted": QT_TRANSLATE_NOOP("TopkTab", "weighted"),
    "gumbel": QT_TRANSLATE_NOOP("TopkTab", "Gumbel (200 samples)"),  # GUMBEL_SAMPLES (a literal, for lupdate)
}
DEFAULT_METHODS = ("grad", "sigmoid", "sinkhorn", "laplace", "clip")
MARKER_METHODS = ("sinkhorn",)  # drawn as markers: where it has converged they sit on the sigmoid curve
_OPTIONS = {"sinkhorn": {"iterations": SINKHORN_ITERATIONS}, "gumbel": {"samples": GUMBEL_SAMPLES, "seed": 0}}


def method_options(method: str) -> dict[str, Any]:
    return dict(_OPTIONS.get(method, {}))


def method_label(method: str) -> str:
    """A method's short label in the current language."""
    return translate(CONTEXT, SHORT_LABELS[method])


# ----- input -----
def _bad_scores(template: str, **values: Any) -> ValueError:
    """The messages are shown in the tab: in the current language (English without a translator)."""
    return ValueError(translate(CONTEXT, template).format(**values))


def parse_scores(text: str) -> np.ndarray:
    """``"3, 2, 1, 4"`` -> finite float64 scores, 2 to N_MAX of them; a ValueError names the bad entry."""
    if not text.strip():
        raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "enter the scores as numbers separated by commas, "
                                                       "e.g. 3, 2, 1, 4"))
    values = []
    for index, part in enumerate(text.split(","), start=1):
        item = part.strip()
        if not item:
            raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "entry {index} is empty: separate the numbers by single "
                                                           "commas"), index=index)
        try:
            value = float(item)
        except ValueError:
            raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "entry {index} ({item}) is not a number"), index=index,
                              item=repr(item)) from None
        if not math.isfinite(value):
            raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "entry {index} is {item}: scores must be finite numbers"),
                              index=index, item=item)
        if abs(value) > SCORE_LIMIT:
            raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "entry {index} = {item} is too large: keep every "
                                                           "|x| ≤ 1e6"), index=index, item=item)
        values.append(value)
    if len(values) < 2:
        raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "enter at least two scores: top-k of one number is trivial"))
    if len(values) > N_MAX:
        raise _bad_scores(QT_TRANSLATE_NOOP("TopkTab", "{count} scores: at most {most} (use the random input for "
                                                       "large n)"), count=len(values), most=N_MAX)
    return np.array(values)


def format_scores(x) -> str:
    return ", ".join(f"{float(v):g}" for v in x)


def random_scores(n: int, seed: int) -> np.ndarray:
    """Standard normal scores rounded to 3 decimals (n = 10, seed = 0 is the model's "random" preset)."""
    return np.round(np.random.default_rng(seed).standard_normal(n), 3)


def scores_of(params: dict[str, Any]) -> np.ndarray:
    if params["source"] == "random":
        return random_scores(params["n"], params["seed"])
    return parse_scores(params["x"])


# ----- memoised τ sweeps -----
class Sweep(NamedTuple):
    taus: np.ndarray
    values: np.ndarray  # (T, n): ST_k(x/τ) per τ
    error: np.ndarray  # (T,): ‖ST_k(x/τ) − hard‖₁


class _Memo:
    """A small thread-safe LRU memo that can say whether it holds a key (progress is reported for new work only)."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._items

    def get(self, key):
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_SWEEPS = _Memo(48)
_SUMS = _Memo(8)


def _read_only(array: np.ndarray) -> np.ndarray:
    """Memoised arrays are shared by every frame: nobody may write to them."""
    array = np.asarray(array, dtype=np.float64)
    array.setflags(write=False)
    return array


def sweep_taus(n: int, k: int, method: str) -> np.ndarray:
    if method in MARKER_METHODS:
        return SWEEP_TAUS[::4]
    if method in SLOW_METHODS and n * min(k, n - k) > SLOW_SWEEP_BUDGET:
        return SWEEP_TAUS[::2]
    return SWEEP_TAUS


def memo_key(x: np.ndarray) -> bytes:
    """The scores as a memo key: their float64 bytes, one object however long x is (a tuple of floats would hold n,
    and a memo bounded by entry count would then hold any amount)."""
    return np.ascontiguousarray(x, dtype=np.float64).tobytes()


def method_sweep(scores: np.ndarray, k: int, method: str) -> Sweep:
    """ST_k(x/τ) over the sweep grid and its distance to the hard mask; memoised on (x, k, method)."""
    key = (memo_key(scores), k, method)
    sweep = _SWEEPS.get(key)
    if sweep is None:
        taus = sweep_taus(len(scores), k, method)
        values, error = sweep_with_error(scores, k, taus, method, **method_options(method))
        sweep = Sweep(_read_only(taus), _read_only(values), _read_only(error))
        _SWEEPS.put(key, sweep)
    return sweep


def sum_sweep(scores: np.ndarray, k: int) -> SmoothTopkSum:
    """GradTopK's smooth top-k sum over the sweep grid; memoised on (x, k)."""
    key = (memo_key(scores), k)
    result = _SUMS.get(key)
    if result is None:
        raw = smooth_topk_sum(scores, k, SWEEP_TAUS)
        result = SmoothTopkSum(_read_only(raw.value), raw.hard, _read_only(raw.upper))
        _SUMS.put(key, result)
    return result


# ----- one frame -----
class Check(NamedTuple):
    """Su's three properties, checked on the outputs at the current τ."""

    total: float
    low: float
    high: float
    order: str  # "strict", "weak" (equal outputs for different scores, e.g. saturated), "lost", "n/a" (NaN)
    finite: bool
    error: float  # ‖ST − hard‖₁


class Components(NamedTuple):
    method: str  # drawn as lines
    marker_method: str | None  # drawn as markers on top (Sinkhorn over sigmoid)
    taus: np.ndarray
    values: np.ndarray  # (T, shown)
    asymptote: np.ndarray  # (T, shown), NaN where it has left the plot
    now: np.ndarray  # (shown,) at the current τ
    marker_taus: np.ndarray
    marker_values: np.ndarray  # (T', shown)
    y_range: tuple[float, float]


class ThresholdView(NamedTuple):
    method: str  # the one bisected
    lambdas: np.ndarray
    curves: dict[str, np.ndarray]  # F(λ) per threshold method
    roots: dict[str, float]
    trace: np.ndarray  # (steps, 3): lo, hi, mid; empty when k = n
    mid_values: np.ndarray  # F at each mid
    y_top: float


class SumView(NamedTuple):
    taus: np.ndarray
    value: np.ndarray
    hard: float
    upper: np.ndarray
    now: float
    y_range: tuple[float, float]


class JacobianView(NamedTuple):
    method: str
    matrix: np.ndarray | None  # (shown, shown)
    note: str


class SimplexView(NamedTuple):
    polygon: np.ndarray  # capped simplex, closed polyline
    simplex: np.ndarray  # uncapped simplex, closed polyline
    vertices: np.ndarray  # (V, 3) the k-hot vectors at the polygon's corners
    hard_xy: np.ndarray
    centre_xy: np.ndarray  # the τ → ∞ limit k/n
    paths: dict[str, np.ndarray]  # (T, 2) per method, NaN rows where the method gave NaN
    now: dict[str, np.ndarray]


@dataclass(frozen=True)
class Frame:
    x: np.ndarray
    k: int
    k_requested: int
    tau: float
    hard: np.ndarray
    shown: np.ndarray  # indices of the entries drawn in the bars, components and Jacobian
    shown_note: str  # how they were chosen when n > MAX_SHOWN
    methods: tuple[str, ...]
    outputs: dict[str, np.ndarray]  # at the current τ
    checks: dict[str, Check]
    sweeps: dict[str, Sweep]
    components: Components
    threshold: ThresholdView
    smooth_sum: SumView
    jacobian: JacobianView
    simplex: SimplexView | None

    @property
    def n(self) -> int:
        return len(self.x)


def shown_entries(x: np.ndarray, k: int) -> tuple[np.ndarray, str]:
    """All entries in input order, or for large n the MAX_SHOWN ranks around the k-th place."""
    n = len(x)
    if n <= MAX_SHOWN:
        return np.arange(n), ""
    ranked = np.argsort(-x, kind="stable")
    start = min(max(k - MAX_SHOWN // 2, 0), n - MAX_SHOWN)
    note = translate("TopkTab", "ranks {first}–{last} of {n}, largest first")
    return ranked[start : start + MAX_SHOWN], note.format(first=start + 1, last=start + MAX_SHOWN, n=n)


def order_status(x: np.ndarray, y: np.ndarray) -> str:
    """Whether x_i > x_j implies y_i > y_j ("strict"), only y_i ≥ y_j ("weak"), or neither ("lost")."""
    if not np.isfinite(y).all():
        return "n/a"
    values, group = np.unique(x, return_inverse=True)
    low = np.full(len(values), np.inf)
    high = np.full(len(values), -np.inf)
    np.minimum.at(low, group, y)
    np.maximum.at(high, group, y)
    if (low[1:] > high[:-1]).all():
        return "strict"
    if (low[1:] >= high[:-1]).all():
        return "weak"
    return "lost"


def check(x: np.ndarray, y: np.ndarray, hard: np.ndarray) -> Check:
    finite = bool(np.isfinite(y).all())
    return Check(
        total=float(np.sum(y)),
        low=float(np.nanmin(y)) if not np.isnan(y).all() else math.nan,
        high=float(np.nanmax(y)) if not np.isnan(y).all() else math.nan,
        order=order_status(x, y),
        finite=finite,
        error=float(np.abs(y - hard).sum()),
    )


def _focus_pair(focus: str) -> tuple[str, str | None]:
    """Sinkhorn at ε = 2τ converges to the sigmoid threshold: either one shows both, sigmoid as lines."""
    if focus in ("sigmoid", "sinkhorn"):
        return "sigmoid", "sinkhorn"
    return focus, None


def _bisection_method(focus: str, methods: tuple[str, ...]) -> str:
    if focus in THRESHOLD_METHODS:
        return focus
    return next((m for m in methods if m in THRESHOLD_METHODS), "sigmoid")


def _jacobian_method(focus: str, methods: tuple[str, ...]) -> str:
    if focus in JACOBIAN_METHODS:
        return focus
    return next((m for m in methods if m in JACOBIAN_METHODS), "grad")


def _components(x, k, tau, shown, line, marker, sweeps, outputs) -> Components:
    sweep = sweeps[line]
    values = np.asarray(sweep.values)[:, shown]
    with np.errstate(invalid="ignore"):
        asymptote = large_tau_asymptote(x, k, sweep.taus, line)[:, shown]
        asymptote[(asymptote < -0.05) | (asymptote > 1.05)] = np.nan  # far from k/n it no longer applies
    if marker is None:
        marker_taus, marker_values = np.zeros(0), np.zeros((0, len(shown)))
    else:
        marker_taus, marker_values = sweeps[marker].taus, np.asarray(sweeps[marker].values)[:, shown]
    drawn = np.concatenate([values.ravel(), marker_values.ravel(), outputs[line][shown]])
    finite = drawn[np.isfinite(drawn)]
    low = min(0.0, float(finite.min())) if finite.size else 0.0
    high = max(1.0, float(finite.max())) if finite.size else 1.0
    return Components(line, marker, sweep.taus, values, asymptote, outputs[line][shown], marker_taus, marker_values,
                      (low, high))


def _threshold(x, k, tau, method, methods) -> ThresholdView:
    n = len(x)
    trace = np.array(bisection_trace(x, k, tau, method, BISECTION_STEPS)) if k < n else np.zeros((0, 3))
    y_top = float(min(n, max(2 * k, k + 2)))
    # λ from where F is about y_top (the score of that rank) to past the largest score: the part in view.
    ranked = np.sort(x)[::-1]
    low, high = ranked[min(n, math.ceil(y_top)) - 1] - 4 * tau, ranked[0] + 4 * tau
    if len(trace):
        low, high = min(low, trace[0, 0]), max(high, trace[0, 1])  # the first bracket is in view
    pad = 0.04 * (high - low)
    lambdas = np.linspace(low - pad, high + pad, LAMBDA_POINTS)
    drawn = [m for m in ORDER if m in THRESHOLD_METHODS and (m in methods or m == method)]
    curves = {m: threshold_function(x, k, tau, m, lambdas) for m in drawn}
    roots = {m: threshold_root(x, k, tau, m) for m in drawn}
    mid_values = threshold_function(x, k, tau, method, trace[:, 2]) if len(trace) else np.zeros(0)
    return ThresholdView(method, lambdas, curves, roots, trace, mid_values, y_top)


def _smooth_sum(x, k, tau) -> SumView:
    sweep = sum_sweep(x, k)
    now = float(smooth_topk_sum(x, k, [tau]).value[0])
    # The band's upper edge leaves the view where τ·log C(n, k) passes k·spread: the interesting small-τ part.
    span = max(k * float(x.max() - x.min()), 1.0)
    return SumView(SWEEP_TAUS, sweep.value, sweep.hard, sweep.upper, now,
                   (sweep.hard - 0.08 * span, sweep.hard + span))


def _jacobian(x, k, tau, method, shown) -> JacobianView:
    n = len(x)
    if method == "grad" and n * n * min(k, n - k) > GRAD_JACOBIAN_BUDGET:
        note = translate("TopkTab", "GradTopK's Jacobian costs O(n²k) per τ: not drawn at n = {n}, k = {k}.\n"
                                    "Choose a threshold method as focus to see its Jacobian.")
        return JacobianView(method, None, note.format(n=n, k=k))
    return JacobianView(method, topk_jacobian(x, k, tau, method, entries=shown), "")


def _closed(points: np.ndarray) -> np.ndarray:
    return np.concatenate([points, points[:1]])


def _path_xy(values: np.ndarray) -> np.ndarray:
    xy = np.full((len(values), 2), np.nan)
    finite = np.isfinite(values).all(axis=1)
    if finite.any():
        xy[finite] = triangle_xy(values[finite])
    return xy


def _simplex(x, k, methods, sweeps, outputs) -> SimplexView:
    geometry = simplex_path(x, k, [1.0], "clip")  # only its polygons: clip at one τ costs nothing
    # The polygon's corners are the k-hot vectors, in simplex_path's order (combinations of the 3 indices).
    hot = np.array([[1.0 if i in s else 0.0 for i in range(3)] for s in combinations(range(3), k)])
    paths = {m: _path_xy(np.asarray(sweeps[m].values)) for m in methods}
    now = {m: _path_xy(outputs[m][None, :])[0] for m in methods}
    return SimplexView(_closed(geometry.polygon), _closed(geometry.simplex), hot, geometry.hard_xy,
                       triangle_xy(np.full(3, k / 3.0)), paths, now)


def compute_frame(params: dict[str, Any], job) -> Frame:
    """Everything the tab draws for one set of parameters. ``job``: a runner Job (check/progress)."""
    x = scores_of(params)
    n = len(x)
    k = min(params["k"], n)
    tau = params["tau"]
    methods = tuple(m for m in ORDER if m in params["methods"])
    line, marker = _focus_pair(params["focus"])
    key = memo_key(x)
    hard = hard_topk(x, k)
    shown, shown_note = shown_entries(x, k)

    curve_methods = [m for m in ORDER if m in methods or m in (line, marker)]
    new = [m for m in curve_methods if (key, k, m) not in _SWEEPS]
    sweeps = {}
    for method in curve_methods:
        if method in new:
            message = translate("TopkTab", "τ sweep: {method}").format(method=method_label(method))
            job.progress(new.index(method) / len(new), message)
        else:
            job.check()
        sweeps[method] = method_sweep(x, k, method)

    outputs = {m: soft_topk(x, k, tau, m, **method_options(m)) for m in curve_methods}
    checks = {m: check(x, outputs[m], hard) for m in methods}
    job.check()
    components = _components(x, k, tau, shown, line, marker, sweeps, outputs)
    threshold = _threshold(x, k, tau, _bisection_method(params["focus"], methods), methods)
    job.check()
    smooth_sum = _smooth_sum(x, k, tau)
    jacobian = _jacobian(x, k, tau, _jacobian_method(params["focus"], methods), shown)
    simplex = _simplex(x, k, methods, sweeps, outputs) if n == 3 else None
    return Frame(x, k, params["k"], tau, hard, shown, shown_note, methods, outputs, checks, sweeps, components,
                 threshold, smooth_sum, jacobian, simplex)
