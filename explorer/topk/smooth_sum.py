"""GradTopK's smooth top-k sum τ·log Z_k(x/τ) and its guaranteed band."""

from typing import NamedTuple

import numpy as np
from scipy.special import gammaln

from . import _validate, grad


class SmoothTopkSum(NamedTuple):
    value: np.ndarray  # τ·log Z_k(x/τ) per τ
    hard: float  # the exact top-k sum
    upper: np.ndarray  # hard + τ·log C(n, k): value never exceeds this


def smooth_topk_sum(x, k, taus):
    """τ·log Σ_{|S|=k} exp(x_S/τ) for each τ, with the band hard ≤ value ≤ hard + τ·log C(n,k).

    Its gradient in x is soft_topk(x, k, τ, 'grad').  The bounds hold because the largest
    of the C(n,k) terms is exp(hard/τ).
    """
    x = _validate.vector(x)
    n = x.shape[0]
    k = _validate.k_value(k, n)
    t = _validate.taus(taus)
    v = _validate.scaled_grid(x, t)
    hard = float(np.sort(x)[n - k :].sum())
    log_binom = gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)
    return SmoothTopkSum(t * grad.log_partition(v, k), hard, hard + t * log_binom)
