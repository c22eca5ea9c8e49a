"""Threshold top-k: ST_k(v)_i = f(v_i − ν) with the threshold ν solving F(ν) = Σ_i f(v_i − ν) = k.

Profiles f (increasing, 0 → 1):
  sigmoid  σ(z)                                   root found by safeguarded Newton
  exp      min(1, e^z)                            closed form after sorting
  laplace  1 − e^{−z}/2 (z ≥ 0), e^{z}/2 (z < 0)  the post's 二者兼之, closed form after sorting
  clip     min(1, max(0, z))                      Euclidean projection onto the capped simplex
Everything is in units of v = x / τ; callers convert λ = τ·ν.
"""

import numpy as np
from scipy.special import expit, logit

from ._logspace import log_cumsum_exp

THRESHOLD_METHODS = ("sigmoid", "exp", "laplace", "clip")

_EPS = np.finfo(np.float64).eps
_WARM_START_MIN_N = 1 << 16
_WARM_START_SAMPLE = 1 << 12
_MAX_NEWTON = 200


def profile(method, z):
    """f(z) for a threshold method."""
    if method == "sigmoid":
        return expit(z)
    if method == "exp":
        return np.exp(np.minimum(z, 0.0))
    if method == "laplace":
        half_tail = 0.5 * np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 - half_tail, half_tail)
    return np.clip(z, 0.0, 1.0)


def profile_slope(method, z):
    """f'(z); at the kinks of exp and clip the one-sided value 0 is used."""
    if method == "sigmoid":
        return expit(z) * expit(-z)
    if method == "exp":
        return np.where(z < 0, np.exp(np.minimum(z, 0.0)), 0.0)
    if method == "laplace":
        return 0.5 * np.exp(-np.abs(z))
    return ((z > 0) & (z < 1)).astype(np.float64)


def profile_quantile(method, q):
    """f^{-1}(q) for 0 < q < 1."""
    if method == "sigmoid":
        return logit(q)
    if method == "exp":
        return np.log(q)
    if method == "laplace":
        return np.log(2 * q) if q < 0.5 else -np.log(2 * (1 - q))
    return q


def bracket(v, k, method):
    """(lo, hi) with F(lo) ≥ k ≥ F(hi); needs k < n.

    F(ν) ≥ (k+1)·f(s_{k+1} − ν) and F(ν) ≤ (k−1) + (n−k+1)·f(s_k − ν), where s_j is the
    j-th largest entry; solving each bound for equality with k gives the ends.
    """
    n = v.shape[-1]
    part = np.partition(v, (n - k - 1, n - k), axis=-1)
    lo = part[..., n - k - 1] - profile_quantile(method, k / (k + 1))
    hi = part[..., n - k] - profile_quantile(method, 1 / (n - k + 1))
    return np.minimum(lo, hi), np.maximum(lo, hi)


def _solve_sigmoid(v, k):
    lo, hi = bracket(v, k, "sigmoid")
    n = v.shape[-1]
    nu = 0.5 * (lo + hi)
    if n >= _WARM_START_MIN_N:
        # Solve on an evenly strided sample first (k scaled to its size): Newton on all n entries then starts
        # close to the root and needs two or three passes instead of six or seven. The bracket keeps it safe.
        sample = v[..., :: n // _WARM_START_SAMPLE]
        nu = _newton_sigmoid(sample, k * sample.shape[-1] / n, lo, hi, nu)
    return _newton_sigmoid(v, k, lo, hi, nu)


def _newton_sigmoid(v, k, lo, hi, nu):
    """Safeguarded Newton for Σ σ(v − ν) = k (k may be fractional) from ``nu`` inside [lo, hi]."""
    previous = np.full(nu.shape, np.inf)
    for _ in range(_MAX_NEWTON):
        # F(ν) − k as (#above ν − k) + the mass below ν − the shortfall from 1 above it: each tail term keeps its
        # own digits. Summing the outputs instead cancels once the tails are below 1e-16, and then any ν in a wide
        # interval looks like a root, which misplaces the tails by several per cent at small τ.
        tail = v - nu[..., None]
        above = tail >= 0
        np.abs(tail, out=tail)
        np.negative(tail, out=tail)
        expit(tail, out=tail)  # σ(z) below ν, 1 − σ(z) above it (in place: n can be 10⁶)
        tail_sum = tail.sum(axis=-1)
        excess = above.sum(axis=-1) - k + tail_sum - 2.0 * np.sum(tail, axis=-1, where=above)
        slope = tail_sum - np.einsum("...i,...i->...", tail, tail)  # Σ σ(z)σ(−z) = −F'(ν)
        lo = np.where(excess > 0, nu, lo)
        hi = np.where(excess < 0, nu, hi)
        with np.errstate(divide="ignore", invalid="ignore"):
            newton = nu + excess / slope
        tol = 4 * _EPS * np.maximum(1.0, np.abs(nu))
        done = (excess == 0) | (np.abs(newton - nu) <= tol) | (hi - lo <= tol)
        # Bisect when Newton leaves the bracket or failed to halve the residual last time.
        trusted = (slope > 0) & (newton >= lo) & (newton <= hi) & (np.abs(excess) <= 0.5 * previous)
        step = np.where(trusted, newton, 0.5 * (lo + hi))
        nu = np.where(done, np.clip(np.where(np.isfinite(newton), newton, nu), lo, hi), step)
        previous = np.abs(excess)
        if done.all():
            break
    return nu


def _suffix_lse(s):
    """R[..., j] = log Σ_{i ≥ j} e^{s_i} for j = 0..n (R[..., n] = −inf)."""
    r = log_cumsum_exp(s[..., ::-1])[..., ::-1]
    return np.concatenate([r, np.full(s.shape[:-1] + (1,), -np.inf)], axis=-1)


def _prefix_lse(s):
    """L[..., j] = log Σ_{i < j} e^{s_i} for j = 0..n (L[..., 0] = −inf)."""
    r = log_cumsum_exp(s)
    return np.concatenate([np.full(s.shape[:-1] + (1,), -np.inf), r], axis=-1)


def _above_count(knot_values, k):
    """Number of sorted entries strictly above the root: F is non-decreasing along the
    descending sort, and entry j lies above ν exactly when F(s_j) < k."""
    return (knot_values < k).sum(axis=-1, keepdims=True)


def _solve_exp(v, k):
    s = -np.sort(-v, axis=-1)
    n = s.shape[-1]
    tail = _suffix_lse(s)
    j = np.arange(n)
    # F(s_j) = (j + 1) + e^{−s_j} Σ_{i>j} e^{s_i}; the exponent is ≤ log n, so no overflow.
    m = _above_count(j + 1 + np.exp(tail[..., 1:] - s), k)
    # m entries sit at 1, the rest give e^{s_i − ν}: m + e^{−ν}·B_m = k (m ≤ k − 1 always).
    return (np.take_along_axis(tail, m, axis=-1) - np.log(k - m))[..., 0]


def _solve_laplace(v, k):
    s = -np.sort(-v, axis=-1)
    n = s.shape[-1]
    head = _prefix_lse(-s)  # log Σ_{i<j} e^{−s_i}
    tail = _suffix_lse(s)  # log Σ_{i≥j} e^{s_i}
    j = np.arange(n)
    knot_values = j + 0.5 - 0.5 * np.exp(s + head[..., :-1]) + 0.5 * np.exp(tail[..., 1:] - s)
    m = _above_count(knot_values, k)
    log_a = np.take_along_axis(head, m, axis=-1)[..., 0]
    log_b = np.take_along_axis(tail, m, axis=-1)[..., 0]
    d = (m[..., 0] - k).astype(np.float64)
    # m − (A/2)u + (B/2)/u = k with u = e^ν:  A u² − 2 d u − B = 0.  Each branch avoids
    # cancellation, and A·B = Σ_{i≤m<j} e^{s_j − s_i} ≤ m(n − m) cannot overflow.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        root = np.sqrt(d * d + np.exp(log_a + log_b))
        upper = np.log(d + root) - log_a  # d > 0
        lower = log_b - np.log(root - d)  # d < 0
        balanced = 0.5 * (log_b - log_a)  # d = 0: u² = B/A
    return np.where(d > 0, upper, np.where(d < 0, lower, balanced))


def _clip_knots(v):
    """The knots of the clip threshold function, descending (each entry becomes active at v_i and saturates at
    v_i − 1 as ν walks down), the number of active entries just below each, and F at each knot."""
    n = v.shape[-1]
    knots = np.concatenate([v, v - 1.0], axis=-1)
    kinds = np.concatenate([np.ones(n), -np.ones(n)])
    order = np.argsort(-knots, axis=-1, kind="stable")
    ks = np.take_along_axis(knots, order, axis=-1)
    active = np.cumsum(kinds[order], axis=-1)
    # F grows by (#active)·(gap) between knots: a sum of non-negative terms, no cancellation.
    f_at = np.concatenate(
        [np.zeros(v.shape[:-1] + (1,)), np.cumsum(active[..., :-1] * (ks[..., :-1] - ks[..., 1:]), axis=-1)],
        axis=-1,
    )
    return ks, active, f_at


def _solve_clip(v, k):
    n = v.shape[-1]
    ks, active, f_at = _clip_knots(v)
    # Last knot with F < k.  The cumsum may land a hair below k on a flat stretch (all entries
    # saturated), which would select a segment with no active entry; a rounding-level margin avoids it.
    margin = 8 * _EPS * n
    t = _above_count(f_at, k - margin) - 1
    f_t = np.take_along_axis(f_at, t, axis=-1)
    return (np.take_along_axis(ks, t, axis=-1) - (k - f_t) / np.take_along_axis(active, t, axis=-1))[..., 0]


_SOLVERS = {"sigmoid": _solve_sigmoid, "exp": _solve_exp, "laplace": _solve_laplace, "clip": _solve_clip}


def solve(v, k, method):
    """Threshold ν over the last axis of v.

    For k = n there is no finite root for sigmoid/laplace (ν = −inf, all outputs 1); for exp
    and clip, whose F is flat at its ends, the largest root is returned.
    """
    if k == v.shape[-1] and method in ("sigmoid", "laplace"):
        return np.full(v.shape[:-1], -np.inf)
    return _SOLVERS[method](v, k)


def function_values(v, nu, method):
    """F(ν) = Σ_i f(v_i − ν) for a vector v at every ν of a 1-D array, in O((n + m)·log n) from the sorted scores:
    F is a count plus exponential tails (exp, laplace) or piecewise linear between knots (clip). Sigmoid has no such
    form: None, and the caller evaluates it on a grid."""
    if method == "sigmoid":
        return None
    if method == "clip":
        ks, _, f_at = _clip_knots(v)
        return np.interp(nu, ks[::-1], f_at[::-1], left=float(v.shape[-1]), right=0.0)
    s = np.sort(v)
    n = s.shape[-1]
    below = np.searchsorted(s, nu, side="left")  # entries with v_i < ν, where f(v_i − ν) is an exponential tail
    # Each exponent is at most log n: the sums are of e^{±(v_i − ν)} on the side where that is ≤ 1. An empty side
    # is skipped, not computed as e^{−inf + inf}, so ν = ±inf works.
    count = (n - below).astype(np.float64)
    with np.errstate(invalid="ignore"):  # the skipped side's exponent is inf − inf at ν = ±inf
        rising = np.exp(_prefix_lse(s)[below] - nu, where=below > 0, out=np.zeros(nu.shape))  # Σ_{v_i<ν} e^{v_i−ν}
        if method == "exp":
            return count + rising
        falling = np.exp(nu + _suffix_lse(-s)[below], where=below < n, out=np.zeros(nu.shape))  # Σ_{v_i≥ν} e^{ν−v_i}
    return count - 0.5 * falling + 0.5 * rising


def threshold_topk(v, k, method):
    """ST_k(v) = f(v − ν)."""
    return profile(method, v - solve(v, k, method)[..., None])


def threshold_jacobian(v, k, method, rows=None):
    """d f(v − ν(v)) / dv = diag(w) − w wᵀ / Σw with w = f'(v − ν) (implicit function theorem); the block of the
    entries ``rows`` (all by default)."""
    w = profile_slope(method, v - solve(v, k, method))
    total = w.sum()
    sub = w if rows is None else w[np.asarray(rows)]
    if total == 0:
        return np.zeros((sub.shape[0], sub.shape[0]))
    return np.diag(sub) - np.outer(sub, sub / total)  # w wᵀ itself underflows once w < 1e-154 (small τ)
