"""Special relativity in 1+1 dimensions next to its Euclidean twin.

Pure numpy model for the topic of Su Jianlin's 《相对论、对称和第四维》
(kexue.fm/archives/1602): Minkowski diagrams, Lorentz boosts as hyperbolic
rotations, and the ``ict`` bridge that turns a boost into a rotation by an
imaginary angle.

Conventions
-----------
* Units with c = 1. An *event* is an array whose last axis is ``(t, x)``;
  every function broadcasts over the leading axes and returns float64.
* Boosts are *passive*: ``boost(e, beta)`` gives the coordinates that the
  frame moving at velocity ``+beta`` assigns to the same events,
  ``t' = gamma (t - beta x)``, ``x' = gamma (x - beta t)``.
* Euclidean points have last axis ``(p, q)`` with ``p`` the horizontal axis
  (``(x, y)`` in the Euclidean panel); ``rotate`` turns points
  counter-clockwise (active rotation).
* ict bridge: with ``w = i t``, ``boost_rapidity(e, phi)`` equals
  ``rotate((w, x), i*phi)`` (complex input allowed in ``rotate``); read in
  the ``(x, ict)`` plane it is the axes being rotated by the angle ``i phi``.
* Plot helpers return rest-frame coordinates in the same ``(t, x)`` order,
  so a Minkowski diagram plots column 1 (x) horizontally and column 0 (t)
  vertically. Line sets are arrays of shape ``(n_lines, 2, 2)`` (two
  endpoints each): use ``reshape(-1, 2)`` with pyqtgraph ``connect='pairs'``
  or ``polyline`` with ``connect='finite'``. Lines are clipped to the square
  ``|t|, |x| <= extent`` (Euclidean: ``|p|, |q| <= extent``).

Numerics: boosts are computed in light-cone coordinates ``u = t - x``,
``v = t + x``, which a boost merely rescales (``u' = k u``, ``v' = v / k``
with the Doppler factor ``k = e^phi = sqrt((1 + beta) / (1 - beta))``).
This keeps lightlike events exactly lightlike and stays accurate for
``beta`` within 1e-12 of 1, where ``gamma (t - beta x)`` cancels badly.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = [
    "LIGHTLIKE_TOL",
    "MAX_LINES",
    "BoostedGrid",
    "CalibrationTicks",
    "RotatedGrid",
    "TwinParadox",
    "TwinWorldlines",
    "beta_from_rapidity",
    "boost",
    "boost_rapidity",
    "boosted_grid",
    "calibration_ticks",
    "circle",
    "classify",
    "frame_axes",
    "gamma",
    "hyperbola",
    "interval",
    "length_contraction",
    "polyline",
    "rapidity",
    "rest_frame_beta",
    "rotate",
    "rotated_axes",
    "rotated_grid",
    "simultaneity_lines",
    "time_dilation",
    "twin_paradox",
    "twin_paradox_worldlines",
    "velocity_add",
]

#: Default relative tolerance of ``classify``: an event is lightlike when
#: ``|t^2 - x^2| <= tol * (t^2 + x^2)``, i.e. it lies within about
#: ``tol / 2`` radians of the light cone. 1e-10 is far above float64
#: round-off (~1e-16) and far below anything visible on a diagram.
LIGHTLIKE_TOL = 1e-10

#: Cap on generated lines / ticks per family, so a slider at extreme beta
#: or a tiny spacing gives a clear error instead of exhausting memory.
MAX_LINES = 10_000


# --------------------------------------------------------------------------
# validation


def _first_bad(arr: np.ndarray, bad: np.ndarray) -> object:
    return arr[bad].flat[0]


def _finite(value, name: str, allow_complex: bool = False) -> np.ndarray:
    raw = np.asarray(value)
    if raw.dtype.kind == "c" and allow_complex:
        arr = raw.astype(np.complex128)
    elif raw.dtype.kind in "biuf":
        arr = raw.astype(np.float64)
    elif raw.dtype.kind == "O":
        # Element-wise float() so None is rejected rather than becoming NaN.
        try:
            arr = np.asarray(np.frompyfunc(float, 1, 1)(raw), dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be real numbers, got {value!r}") from None
    else:
        # Complex (imaginary part would be dropped silently), strings, etc.
        raise ValueError(f"{name} must be real numbers, got dtype {raw.dtype}")
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be finite, got {_first_bad(arr, bad)}")
    return arr


def _beta(beta, name: str = "beta") -> np.ndarray:
    arr = _finite(beta, name)
    bad = np.abs(arr) >= 1.0
    if bad.any():
        raise ValueError(f"{name} must satisfy |{name}| < 1, got {_first_bad(arr, bad)}")
    return arr


def _scalar_beta(beta) -> float:
    arr = _beta(beta)
    if arr.ndim:
        raise ValueError(f"beta must be a scalar here, got shape {arr.shape}")
    return float(arr)


def _positive(value, name: str) -> float:
    arr = _finite(value, name)
    if arr.ndim or arr <= 0:
        raise ValueError(f"{name} must be a positive scalar, got {arr}")
    return float(arr)


def _nonnegative(value, name: str) -> np.ndarray:
    arr = _finite(value, name)
    bad = arr < 0
    if bad.any():
        raise ValueError(f"{name} must be >= 0, got {_first_bad(arr, bad)}")
    return arr


def _pairs(value, name: str, allow_complex: bool = False) -> np.ndarray:
    arr = _finite(value, name, allow_complex)
    if arr.ndim == 0 or arr.shape[-1] != 2:
        raise ValueError(f"{name} must have a last axis of length 2, got shape {arr.shape}")
    return arr


def _count(n, name: str, minimum: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {n!r}")
    return int(n)


# --------------------------------------------------------------------------
# kinematics


def gamma(beta):
    """Lorentz factor 1/sqrt(1 - beta^2), accurate as |beta| -> 1."""
    b = _beta(beta)
    # (1-b)(1+b) instead of 1-b*b: 1-b is exact for b in [1/2, 1].
    return 1.0 / np.sqrt((1.0 - b) * (1.0 + b))


def rapidity(beta):
    """Rapidity phi = atanh(beta), the hyperbolic angle of a boost."""
    return np.arctanh(_beta(beta))


def beta_from_rapidity(phi):
    """Velocity tanh(phi); rounds to +-1 for |phi| > ~19 (use rapidities)."""
    return np.tanh(_finite(phi, "phi"))


def _doppler(beta: np.ndarray) -> np.ndarray:
    return np.sqrt((1.0 + beta) / (1.0 - beta))


def _lightcone_boost(events: np.ndarray, k: np.ndarray) -> np.ndarray:
    t, x = events[..., 0], events[..., 1]
    u = (t - x) * k
    v = (t + x) / k
    return np.stack(((u + v) / 2.0, (v - u) / 2.0), axis=-1)


def boost(events, beta):
    """Coordinates (t', x') of ``events`` in the frame moving at ``+beta``."""
    e = _pairs(events, "events")
    return _lightcone_boost(e, _doppler(_beta(beta)))


def boost_rapidity(events, phi):
    """Passive boost by rapidity ``phi``: the rotation by ``i phi`` of (it, x)."""
    e = _pairs(events, "events")
    p = _finite(phi, "phi")
    with np.errstate(over="ignore"):
        k = np.exp(p)
    if np.any(~np.isfinite(k) | (k == 0.0)):
        raise ValueError(f"|phi| must be < 709 so exp(phi) fits in float64, got {phi!r}")
    return _lightcone_boost(e, k)


def interval(events):
    """Invariant interval s^2 = t^2 - x^2 (> 0 timelike, < 0 spacelike)."""
    e = _pairs(events, "events")
    t, x = e[..., 0], e[..., 1]
    # Factored form: exact zero on the light cone, no t^2 - x^2 cancellation.
    return (t - x) * (t + x)


def classify(events, tol: float = LIGHTLIKE_TOL):
    """'timelike' / 'lightlike' / 'spacelike' for each event (str for one event).

    Lightlike means ``|s^2| <= tol * (t^2 + x^2)`` (relative, so independent
    of units; the origin counts as lightlike). The band is not boost
    invariant: a timelike event boosted to gamma ~ 1/sqrt(tol) becomes
    numerically indistinguishable from the light cone.
    """
    e = _pairs(events, "events")
    tol = float(_nonnegative(tol, "tol"))
    # Scale by max(|t|, |x|) so tiny or huge events neither underflow nor
    # overflow when squared; the origin stays 0 and counts as lightlike.
    m = np.max(np.abs(e), axis=-1, keepdims=True)
    t, x = np.moveaxis(e / np.where(m > 0, m, 1.0), -1, 0)
    s2 = (t - x) * (t + x)
    kinds = np.where(
        np.abs(s2) <= tol * (t * t + x * x),
        "lightlike",
        np.where(s2 > 0, "timelike", "spacelike"),
    )
    return str(kinds) if kinds.ndim == 0 else kinds


def velocity_add(u, v):
    """Relativistic velocity composition (u + v) / (1 + u v).

    The result rounds to +-1 when the exact value lies within float64
    spacing of c; compose rapidities instead for such extreme cases.
    """
    a, b = _beta(u, "u"), _beta(v, "v")
    # 1 + uv rewritten as a sum of two non-negative terms, so it stays
    # accurate when u -> +-1 and v -> -+1 (where 1 + uv ~ 1e-12).
    denom = np.where(a >= 0, (1.0 - a) + a * (1.0 + b), (1.0 + a) - a * (1.0 - b))
    return (a + b) / denom


def rotate(points, theta):
    """Rotate points (p, q) counter-clockwise by ``theta`` (complex allowed)."""
    p = _pairs(points, "points", allow_complex=True)
    th = _finite(theta, "theta", allow_complex=True)
    c, s = np.cos(th), np.sin(th)
    a, b = p[..., 0], p[..., 1]
    return np.stack((a * c - b * s, a * s + b * c), axis=-1)


def time_dilation(beta, proper_time):
    """Rest-frame duration gamma * tau of a moving clock's proper time tau."""
    return gamma(beta) * _nonnegative(proper_time, "proper_time")


def length_contraction(beta, proper_length):
    """Rest-frame length L0 / gamma of a rod of proper length L0 moving at beta."""
    b = _beta(beta)
    return _nonnegative(proper_length, "proper_length") * np.sqrt((1.0 - b) * (1.0 + b))


def rest_frame_beta(event_a, event_b, tol: float = LIGHTLIKE_TOL):
    """Velocity dx/dt of the inertial worldline through two timelike-separated events.

    Separations that ``classify(..., tol)`` does not call timelike raise
    ValueError, which also keeps the result strictly inside (-1, 1).
    """
    a = _pairs(event_a, "event_a")
    b = _pairs(event_b, "event_b")
    d = b - a
    kinds = np.asarray(classify(d, tol))
    bad = kinds != "timelike"
    if bad.any():
        s2 = np.asarray(interval(d))[bad].flat[0]
        raise ValueError(
            f"events must be timelike-separated (s^2 = dt^2 - dx^2 > 0), got s^2 = {s2} ({kinds[bad].flat[0]})"
        )
    return d[..., 1] / d[..., 0]


class TwinParadox(NamedTuple):
    """Twin-paradox summary (home frame coordinates, c = 1)."""

    home_time: np.ndarray  # home twin's proper time at reunion, 2 D / beta
    traveller_time: np.ndarray  # traveller's proper time, home_time / gamma
    simultaneity_jump: np.ndarray  # 2 beta D: home time skipped at turnaround
    turnaround: np.ndarray  # turnaround event (t, x) = (D / beta, D)
    home_time_before: np.ndarray  # home clock "now" for the outbound traveller
    home_time_after: np.ndarray  # home clock "now" for the inbound traveller


def twin_paradox(beta, distance):
    """Proper times and the turnaround simultaneity jump for a round trip at speed beta."""
    b = _beta(beta)
    if np.any(b <= 0):
        raise ValueError(f"beta must satisfy 0 < beta < 1, got {_first_bad(b, b <= 0)}")
    d = _finite(distance, "distance")
    if np.any(d <= 0):
        raise ValueError(f"distance must be > 0, got {_first_bad(d, d <= 0)}")
    t_turn = d / b
    home = 2.0 * t_turn
    return TwinParadox(
        home_time=home,
        traveller_time=home * np.sqrt((1.0 - b) * (1.0 + b)),
        simultaneity_jump=2.0 * b * d,
        turnaround=np.stack(np.broadcast_arrays(t_turn, d), axis=-1),
        # Simultaneity line t - beta x = const (outbound) or t + beta x =
        # const (inbound) through the turnaround, read off at x = 0.
        home_time_before=t_turn - b * d,
        home_time_after=t_turn + b * d,
    )


# --------------------------------------------------------------------------
# plotting helpers


def _clip_lines(points: np.ndarray, directions: np.ndarray, extent: float) -> np.ndarray:
    """Clip lines p + s d to the square |.| <= extent; NaN rows where missed."""
    p, d = np.broadcast_arrays(points, directions)
    inside = np.abs(p) <= extent
    # A (near-)zero direction component gives +-inf parameters, which the
    # max/min below resolve correctly, so those warnings are expected.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        s1 = (-extent - p) / d
        s2 = (extent - p) / d
    flat = d == 0
    lo = np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(s1, s2))
    hi = np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(s1, s2))
    s = np.stack((lo.max(axis=-1), hi.min(axis=-1)), axis=-1)
    missed = s[..., 0] > s[..., 1]
    s[missed] = 0.0  # placeholder; avoids inf * 0 before NaN-ing the row
    ends = p[..., None, :] + s[..., :, None] * d[..., None, :]
    ends[missed] = np.nan
    return ends


def _grid_values(bound: float, spacing: float) -> np.ndarray:
    n = int(np.floor(bound / spacing))
    if 2 * n + 1 > MAX_LINES:
        raise ValueError(f"spacing {spacing} too fine: {2 * n + 1} lines per family (max {MAX_LINES})")
    return spacing * np.arange(-n, n + 1, dtype=np.float64)


def _drop_missed(lines: np.ndarray, values: np.ndarray):
    keep = np.isfinite(lines).all(axis=(-2, -1))
    return lines[keep], values[keep]


def polyline(lines):
    """Join line sets (n, m, 2) into one NaN-separated (n*(m+1)-1, 2) array for connect='finite'."""
    arr = np.asarray(lines, dtype=np.float64)
    if arr.ndim != 3 or arr.shape[-1] != 2:
        raise ValueError(f"lines must have shape (n, m, 2), got {arr.shape}")
    n, m, _ = arr.shape
    if n == 0:
        return np.empty((0, 2))
    gap = np.full((n, 1, 2), np.nan)
    return np.concatenate((arr, gap), axis=1).reshape(-1, 2)[:-1]


def frame_axes(beta, extent: float):
    """Moving frame's [t' axis, x' axis] as (2, 2, 2) segments in rest-frame (t, x)."""
    b = _scalar_beta(beta)
    e = _positive(extent, "extent")
    # t' axis is the worldline x = beta t; x' axis is the line t = beta x.
    directions = np.array([[1.0, b], [b, 1.0]])
    return _clip_lines(np.zeros((2, 2)), directions, e)


def simultaneity_lines(beta, times, extent: float):
    """Lines t' = const for each of ``times``: shape times.shape + (2, 2); NaN if outside the square."""
    b = _scalar_beta(beta)
    e = _positive(extent, "extent")
    tau = _finite(times, "times")
    g = float(gamma(b))
    points = np.stack((g * tau, g * b * tau), axis=-1)
    return _clip_lines(points, np.array([b, 1.0]), e)


class BoostedGrid(NamedTuple):
    """Moving frame's coordinate grid in rest-frame (t, x)."""

    t_lines: np.ndarray  # (n, 2, 2) lines of constant t' (simultaneity)
    t_values: np.ndarray  # (n,) the t' of each line
    x_lines: np.ndarray  # (m, 2, 2) lines of constant x' (frame worldlines)
    x_values: np.ndarray  # (m,) the x' of each line


def boosted_grid(beta, extent: float, spacing: float = 1.0) -> BoostedGrid:
    """Grid lines t' = k*spacing and x' = k*spacing of the frame moving at beta, clipped to the square."""
    b = _scalar_beta(beta)
    e = _positive(extent, "extent")
    h = _positive(spacing, "spacing")
    g = float(gamma(b))
    # Largest t' (or x') on the square, at a corner: gamma (1 + |beta|) E.
    values = _grid_values(e * float(_doppler(np.abs(b))), h)
    t_pts = np.stack((g * values, g * b * values), axis=-1)
    x_pts = t_pts[:, ::-1]
    t_lines, t_vals = _drop_missed(_clip_lines(t_pts, np.array([b, 1.0]), e), values)
    x_lines, x_vals = _drop_missed(_clip_lines(x_pts, np.array([1.0, b]), e), values)
    return BoostedGrid(t_lines, t_vals, x_lines, x_vals)


class CalibrationTicks(NamedTuple):
    """Unit ticks of the moving frame (on the hyperbolae t^2 - x^2 = +-k^2)."""

    k: np.ndarray  # (2n+1,) tick labels -n..n
    t_axis: np.ndarray  # (2n+1, 2) events t' = k, x' = 0
    x_axis: np.ndarray  # (2n+1, 2) events t' = 0, x' = k


def calibration_ticks(beta, n: int = 5) -> CalibrationTicks:
    """Rest-frame positions of the moving frame's unit ticks -n..n on both axes."""
    b = _scalar_beta(beta)
    n = _count(n, "n", 1)
    g = float(gamma(b))
    k = np.arange(-n, n + 1, dtype=np.float64)
    t_axis = np.stack((g * k, g * b * k), axis=-1)
    return CalibrationTicks(k, t_axis, t_axis[:, ::-1].copy())


def hyperbola(s2, extent: float, n: int = 201):
    """Both branches (2, n, 2) of t^2 - x^2 = s2 inside the square, uniform in rapidity.

    s2 > 0: future / past branches; s2 < 0: right / left branches;
    s2 == 0: the light-cone lines t = x and t = -x. Returns shape (2, 0, 2)
    when the curve misses the square (sqrt|s2| > extent).
    """
    s = float(_finite(s2, "s2"))
    e = _positive(extent, "extent")
    n = _count(n, "n", 2)
    if s == 0.0:
        r = np.linspace(-e, e, n)
        return np.stack((np.stack((r, r), -1), np.stack((r, -r), -1)))
    a = np.sqrt(abs(s))
    if a > e:
        return np.empty((2, 0, 2))
    phi = np.linspace(-1.0, 1.0, n) * np.arccosh(e / a)
    ch, sh = a * np.cosh(phi), a * np.sinh(phi)
    branch = np.stack((ch, sh), -1) if s > 0 else np.stack((sh, ch), -1)
    return np.stack((branch, -branch))


class TwinWorldlines(NamedTuple):
    """Plot arrays for the twin paradox, rest (home) frame (t, x)."""

    home: np.ndarray  # (2, 2) home worldline (0,0) -> (T,0)
    traveller: np.ndarray  # (3, 2) out, turnaround, back
    home_ticks: np.ndarray  # (nh, 2) home clock ticks
    home_tick_times: np.ndarray  # (nh,) their proper times
    traveller_ticks: np.ndarray  # (nt, 2) traveller clock ticks
    traveller_tick_times: np.ndarray  # (nt,) their proper times
    tick_simultaneity: np.ndarray  # (nt, 2, 2) tick -> home worldline, traveller's "now"
    turnaround_lines: np.ndarray  # (2, 2, 2) [just before, just after] turnaround


def _tick_times(total: float, tick: float, who: str) -> np.ndarray:
    # Slack so a total that is a whole number of ticks up to round-off
    # (e.g. 5.999999999999999) still gets its final tick.
    n = int(np.floor(total / tick * (1.0 + 1e-12)))
    if n + 1 > MAX_LINES:
        raise ValueError(f"tick {tick} too small: {n + 1} {who} ticks (max {MAX_LINES})")
    return np.minimum(tick * np.arange(n + 1, dtype=np.float64), total)


def twin_paradox_worldlines(beta, distance, tick: float = 1.0) -> TwinWorldlines:
    """Worldlines, proper-time ticks every ``tick`` and simultaneity lines of the twin paradox."""
    b = _scalar_beta(beta)
    d = _positive(distance, "distance")
    h = _positive(tick, "tick")
    summary = twin_paradox(b, d)
    total = float(summary.home_time)
    t_turn = float(summary.turnaround[0])
    home = np.array([[0.0, 0.0], [total, 0.0]])
    traveller = np.array([[0.0, 0.0], [t_turn, d], [total, 0.0]])

    home_times = _tick_times(total, h, "home")
    home_ticks = np.stack((home_times, np.zeros_like(home_times)), axis=-1)

    trav_times = _tick_times(float(summary.traveller_time), h, "traveller")
    t = np.minimum(float(gamma(b)) * trav_times, total)
    outbound = t <= t_turn
    x = b * np.where(outbound, t, total - t)
    trav_ticks = np.stack((t, x), axis=-1)
    # Traveller's "now" at each tick: the line t -+ beta x = const, at x = 0.
    home_now = np.where(outbound, t - b * x, t + b * x)
    sim = np.stack((trav_ticks, np.stack((home_now, np.zeros_like(t)), -1)), axis=1)

    turn = np.array([t_turn, d])
    before = [[float(summary.home_time_before), 0.0], turn]
    after = [[float(summary.home_time_after), 0.0], turn]
    return TwinWorldlines(
        home=home,
        traveller=traveller,
        home_ticks=home_ticks,
        home_tick_times=home_times,
        traveller_ticks=trav_ticks,
        traveller_tick_times=trav_times,
        tick_simultaneity=sim,
        turnaround_lines=np.array([before, after]),
    )


# --------------------------------------------------------------------------
# Euclidean twin (points (x, y), x horizontal)


def rotated_axes(theta, extent: float):
    """Axes [x', y'] of a frame rotated counter-clockwise by theta, as (2, 2, 2) segments."""
    th = float(_finite(theta, "theta"))
    e = _positive(extent, "extent")
    c, s = np.cos(th), np.sin(th)
    return _clip_lines(np.zeros((2, 2)), np.array([[c, s], [-s, c]]), e)


class RotatedGrid(NamedTuple):
    """Rotated frame's coordinate grid in the fixed (x, y) plane."""

    x_lines: np.ndarray  # (n, 2, 2) lines of constant x'
    x_values: np.ndarray  # (n,) the x' of each line
    y_lines: np.ndarray  # (m, 2, 2) lines of constant y'
    y_values: np.ndarray  # (m,) the y' of each line


def rotated_grid(theta, extent: float, spacing: float = 1.0) -> RotatedGrid:
    """Grid lines x' = k*spacing and y' = k*spacing of a frame rotated by theta, clipped to the square."""
    th = float(_finite(theta, "theta"))
    e = _positive(extent, "extent")
    h = _positive(spacing, "spacing")
    ex = np.array([np.cos(th), np.sin(th)])
    ey = np.array([-ex[1], ex[0]])
    # Largest x' (or y') on the square, at a corner: E (|cos| + |sin|).
    values = _grid_values(e * (abs(ex[0]) + abs(ex[1])), h)
    x_lines, x_vals = _drop_missed(_clip_lines(values[:, None] * ex, ey, e), values)
    y_lines, y_vals = _drop_missed(_clip_lines(values[:, None] * ey, ex, e), values)
    return RotatedGrid(x_lines, x_vals, y_lines, y_vals)


def circle(radius, n: int = 201):
    """Closed polyline (n, 2) of the circle x^2 + y^2 = radius^2 (Euclidean twin of ``hyperbola``)."""
    r = float(_nonnegative(radius, "radius"))
    n = _count(n, "n", 3)
    a = np.linspace(0.0, 2.0 * np.pi, n)
    return np.stack((r * np.cos(a), r * np.sin(a)), axis=-1)
