"""The threshold equation F(λ) = Σ_i f((x_i − λ)/τ) = k in raw-score units, for plotting."""

import numpy as np

from . import _validate, threshold

_MAX_ENTRIES = 1 << 22  # λ-grid evaluation is chunked so L·n stays bounded


def _prepare(x, k, tau, method):
    x = _validate.vector(x)
    k = _validate.k_value(k, x.shape[0])
    tau = _validate.positive(tau, "tau")
    _validate.choice(method, threshold.THRESHOLD_METHODS)
    return x, k, tau


def threshold_function(x, k, tau, method, lambdas):
    """F(λ) = Σ_i f((x_i − λ)/τ) on a grid of λ (same shape as lambdas).

    k is only validated (1 ≤ k ≤ n) so every threshold helper shares one signature;
    the root is where this curve crosses the level k.
    """
    x, k, tau = _prepare(x, k, tau, method)
    lam = _validate.scores(np.atleast_1d(lambdas), "lambdas")
    flat = lam.ravel()
    with np.errstate(over="ignore"):  # ±inf is fine: every profile saturates
        out = threshold.function_values(_validate.scaled(x, tau), flat / tau, method)
    if out is None:
        out = np.empty_like(flat)
        step = max(1, _MAX_ENTRIES // x.shape[0])
        for start in range(0, flat.shape[0], step):
            block = flat[start : start + step]
            with np.errstate(over="ignore"):
                z = (x[None, :] - block[:, None]) / tau
            out[start : start + step] = threshold.profile(method, z).sum(axis=1)
    return out.reshape(np.shape(lambdas))


def threshold_root(x, k, tau=1.0, method="sigmoid"):
    """λ* with Σ f((x_i − λ*)/τ) = k (−inf for sigmoid/laplace at k = n; largest root for exp/clip)."""
    x, k, tau = _prepare(x, k, tau, method)
    return float(tau * threshold.solve(_validate.scaled(x, tau), k, method))


def bisection_trace(x, k, tau=1.0, method="sigmoid", steps=40):
    """Brackets (lo, hi, mid) of plain bisection on F(λ) = k, for an animation.

    Starts from a bracket guaranteed by F's bounds (see threshold.bracket); needs k < n.
    """
    x, k, tau = _prepare(x, k, tau, method)
    steps = _validate.count(steps, "steps")
    if k == x.shape[0]:
        raise ValueError("bisection needs k < n: with k = n the threshold runs off to −inf")
    v = _validate.scaled(x, tau)
    lo, hi = (float(tau * e) for e in threshold.bracket(v, k, method))
    trace = []
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        trace.append((lo, hi, mid))
        if threshold.profile(method, (x - mid) / tau).sum() >= k:
            lo = mid  # F is non-increasing: still at or above k, so the root is to the right
        else:
            hi = mid
    return trace
