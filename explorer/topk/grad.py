"""GradTopK: ST_k(v) = ∇ log Z_k(v), Z_k = e_k(exp v), the sum of exp(v_S) over all k-subsets S.

Entry i is P(i ∈ S) when S is drawn with probability ∝ exp(Σ_{j∈S} v_j).  Everything here
runs in log space with only additions (logaddexp), so huge spreads neither overflow nor cancel.
"""

import numpy as np
from scipy.special import softmax

from ._logspace import log_cumsum_exp

_DP_BUDGET = 1 << 24  # floats held by the prefix/suffix tables at once (128 MB)


def prefix_log_esp(v, kmax):
    """Log elementary symmetric polynomials of exp(v) over prefixes.

    Returns a list ``cols`` with ``cols[j][..., i - j] = log e_j(exp(v[..., :i]))`` for the
    prefix lengths i = j..n (shorter prefixes have e_j = 0 and are simply not stored,
    which keeps -inf out of every array).  Uses e_j(prefix i) = Σ_{t≤i} e^{v_t} e_{j-1}(prefix t-1),
    a cumulative log-sum-exp per j: O(n·kmax).
    """
    n = v.shape[-1]
    cols = [np.zeros(v.shape[:-1] + (n + 1,))]
    for j in range(1, kmax + 1):
        terms = v[..., j - 1 :] + cols[-1][..., : n - j + 1]
        cols.append(log_cumsum_exp(terms))
    return cols


def _last_log_esp(v, m):
    """log e_m(exp v) over the last axis, keeping one DP column at a time (O(n) memory)."""
    n = v.shape[-1]
    col = np.zeros(v.shape[:-1] + (n + 1,))
    for j in range(1, m + 1):
        col = log_cumsum_exp(v[..., j - 1 :] + col[..., : n - j + 1])
    return col[..., -1]


def log_partition(v, k):
    """log Z_k(v) = log e_k(exp v) over the last axis, in O(n·min(k, n − k)) time."""
    n = v.shape[-1]
    if 2 * k <= n:
        return _last_log_esp(v, k)
    # e_k(e^v) = e^{Σv}·e_{n−k}(e^{−v}): each k-subset pairs with its complement.
    return v.sum(axis=-1) + _last_log_esp(-v, n - k)


def _log_esp_without_each(v, m, pre):
    """log e_m(exp v without entry i) for every i, given prefix columns pre[0..m] of v.

    j of the m entries come before i and m − j after it, so i = j + t for t = 0..n−m−1;
    the bands are merged with logaddexp only.
    """
    n = v.shape[-1]
    suf = prefix_log_esp(v[..., ::-1], m)
    width = n - m
    out = np.full(v.shape, -np.inf)
    for j in range(m + 1):
        band = pre[j][..., :width] + suf[m - j][..., :width][..., ::-1]
        out[..., j : j + width] = np.logaddexp(out[..., j : j + width], band)
    return out


def grad_topk(v, k):
    """P(i ∈ S) in log space with no subtraction anywhere, O(n·min(k, n − k)) time and memory.

    k ≤ n/2:  P(i ∈ S) = e^{v_i} e_{k−1}(v without i) / e_k(v).
    k > n/2:  P(i ∈ S) = P(i ∉ S^c), S^c an (n−k)-subset weighted by e^{−v}:
              e_{n−k}(−v without i) / e_{n−k}(−v) — the complement, still without subtracting.
    Batches are processed in row chunks so the DP tables stay within ~_DP_BUDGET floats.
    """
    n = v.shape[-1]
    if k == n:
        return np.ones_like(v)
    rows = v.reshape(-1, n)
    per_row = 2 * n * (min(k, n - k) + 2)
    chunk = max(1, _DP_BUDGET // per_row)
    out = np.concatenate([_grad_rows(rows[s : s + chunk], k) for s in range(0, rows.shape[0], chunk)])
    return out.reshape(v.shape)


def _grad_rows(v, k):
    n = v.shape[-1]
    if 2 * k <= n:
        pre = prefix_log_esp(v, k)
        log_p = v + _log_esp_without_each(v, k - 1, pre) - pre[k][..., -1:]
    else:
        pre = prefix_log_esp(-v, n - k)
        log_p = _log_esp_without_each(-v, n - k, pre) - pre[n - k][..., -1:]
    # Log-space rounding can overshoot 1 by an ulp.
    return np.minimum(np.exp(log_p), 1.0)


def grad_recursive(v, k):
    """The post's recursion as published: ST_1 = softmax(v), ST_j = j·softmax(v + log(1 − ST_{j-1})).

    Mathematically equal to grad_topk, but every step subtracts 1 − ST_{j-1}: rounding errors are
    amplified step after step (≈1e-6 by k = 8 even for |v| ≤ 4), and once an entry rounds to 1
    the result is simply wrong (v = [0, 50], k = 2 gives [2, 0] instead of [1, 1]).
    Kept to show that failure.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        st = softmax(v, axis=-1)
        for j in range(2, k + 1):
            st = j * softmax(v + np.log(1.0 - st), axis=-1)
    return st


def grad_jacobian(v, k, rows=None):
    """Hessian of log Z_k at a 1-D v: the covariance of the inclusion indicators, for the entries ``rows``
    (all by default), shape (len(rows), len(rows)).

    Pairwise P(i, j ∈ S) = p_i · P(j ∈ S | i ∈ S), and given i ∈ S the rest is a
    (k-1)-subset of the other items with the same weights: ST_{k-1}(v without i).
    """
    n = v.shape[0]
    rows = np.arange(n) if rows is None else np.asarray(rows)
    p = grad_topk(v, k)
    slots = np.arange(n - 1)
    others = slots + (slots >= rows[:, None])  # row a: every index but rows[a], in order
    # conditional[a, j]: P(j ∈ S | rows[a] ∈ S), with j ranging over all n (the diagonal is filled below)
    conditional = np.zeros((len(rows), n))
    if k > 1:
        np.put_along_axis(conditional, others, grad_topk(v[others], k - 1), axis=1)
    sub_p = p[rows]
    jac = sub_p[:, None] * conditional[:, rows] - np.outer(sub_p, sub_p)
    # Var = P(i ∈ S)·P(i ∉ S), the second factor as the complement's own inclusion probability: 1 − p rounds to 0
    # once p is within an ulp of 1 (x = [0, 50], k = 1 lost σ(−50)² there, and the row no longer summed to 0).
    outside = grad_topk(-v, n - k)[rows] if k < n else np.zeros(len(rows))
    jac[np.diag_indices(len(rows))] = sub_p * outside
    return jac
