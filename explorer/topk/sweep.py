"""Temperature sweeps: ST_k(x/τ) over a τ grid, distance to the hard mask, large-τ asymptotes."""

import numpy as np

from . import _validate
from .hard import hard_mask
from .methods import METHODS, check_options, scaled_topk

# Outputs in [0, 1] summing to k exactly, whatever the input: a distribution over k-subsets (grad, gumbel's
# average of k-hot samples) or a threshold solved for Σ = k.
EXACT_SUM_METHODS = ("grad", "sigmoid", "exp", "laplace", "clip", "gumbel")


def _prepare(x, k, taus, method, options):
    x = _validate.vector(x)
    k = _validate.k_value(k, x.shape[0])
    t = _validate.taus(taus)
    _validate.choice(method, METHODS)
    return x, k, t, _validate.scaled_grid(x, t), check_options(method, options)


def tau_sweep(x, k, taus, method="sigmoid", **options):
    """ST_k(x / τ) for each τ: array (len(taus), n), one batched call."""
    _, k, _, v, options = _prepare(x, k, taus, method, options)
    return scaled_topk(v, k, method, options)


def error_to_hard(x, k, taus, method="sigmoid", norm="l1", **options):
    """Distance ‖ST_k(x/τ) − hard_topk(x, k)‖ per τ, norm 'l1' (see :func:`sweep_with_error`) or 'max' (measured
    directly, so a kept entry's shortfall below ~1e-16 is not resolved)."""
    _validate.choice(norm, ("l1", "max"), "norm")
    if norm == "l1":
        return sweep_with_error(x, k, taus, method, **options)[1]
    x, k, _, v, options = _prepare(x, k, taus, method, options)
    return np.abs(scaled_topk(v, k, method, options) - hard_mask(x, k)).max(axis=1)


def sweep_with_error(x, k, taus, method="sigmoid", **options):
    """ST_k(x / τ) per τ, array (len(taus), n), and its L1 distance to hard_topk(x, k) per τ.

    For the methods whose outputs lie in [0, 1] and sum to k by construction, the kept entries' shortfall
    Σ_kept (1 − y) equals the dropped entries' mass Σ_dropped y, so the distance is twice that mass, every term
    to full precision. Summed directly, 1 minus a number near 1 is rounding noise below ~1e-16, and the small-τ
    error came out halved. The other methods, whose sums and ranges are in question, are measured directly.
    """
    x, k, _, v, options = _prepare(x, k, taus, method, options)
    values = scaled_topk(v, k, method, options)
    hard = hard_mask(x, k)
    if method in EXACT_SUM_METHODS:
        return values, 2.0 * np.where(hard > 0, 0.0, values).sum(axis=-1)
    return values, np.abs(values - hard).sum(axis=-1)


def _harmonic(m):
    return float(np.sum(1.0 / np.arange(1, m + 1)))


def large_tau_slope(n, k, method="sigmoid", **options):
    """c in ST_k(x/τ)_i ≈ k/n + c·(x_i − mean x)/τ as τ → ∞ (the Jacobian at equal scores).

    Threshold methods: c = f'(f⁻¹(k/n)); grad: Var − Cov of uniform k-subsets = k(n−k)/(n(n−1));
    iterative/weighted: linearised rounds; gumbel: Plackett–Luce, (1 − k/n)(H_n − H_{n−k})·n/(n−1).
    """
    n = _validate.count(n, "n")
    k = _validate.k_value(k, n)
    _validate.choice(method, METHODS)
    options = check_options(method, options)
    if n == 1:
        return 0.0
    q = k / n
    if method in ("grad", "grad_recursive"):
        return k * (n - k) / (n * (n - 1))
    if method == "sigmoid":
        return q * (1 - q)
    if method == "exp":
        return q if k < n else 0.0
    if method == "laplace":
        return min(q, 1 - q)
    if method == "clip":
        return 1.0 if k < n else 0.0
    if method == "sinkhorn":
        return 2 * q * (1 - q) / options["eps"]
    if method == "gumbel":
        return (1 - q) * (_harmonic(n) - _harmonic(n - k)) * n / (n - 1)
    if method == "iterative":
        # Each round shrinks the centred perturbation by (n−2)/(n−1) and contributes 1/n of it.
        r = (n - 2) / (n - 1)
        return (n - 1) * (1 - r**k) / n
    # weighted: round j sees capacity c_j = 1 − (j−1)/n; dlog w = dv + dc/c, dp = dlog w / n, dc −= dp.
    slope, dc = 0.0, 0.0
    for j in range(1, k + 1):
        dp = (1 + dc / (1 - (j - 1) / n)) / n
        slope += dp
        dc -= dp
    return slope


def large_tau_asymptote(x, k, taus, method="sigmoid", **options):
    """k/n + c·(x − mean x)/τ per τ: array (len(taus), n)."""
    x = _validate.vector(x)
    t = _validate.taus(taus)
    c = large_tau_slope(x.shape[0], k, method, **options)
    return k / x.shape[0] + c * (x - x.mean())[None, :] / t[:, None]
