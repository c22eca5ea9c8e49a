"""Peer constructions the post compares against (all on scaled scores v = x / τ)."""

import numpy as np
from scipy.special import expit, log_expit, logsumexp

from ._logspace import log_cumsum_exp
from .hard import hard_mask


def _leave_one_out_lse(u):
    """log Σ_{j≠i} e^{u_j} for every i, from prefix and suffix sums (no subtraction)."""
    pad = np.full(u.shape[:-1] + (1,), -np.inf)
    before = np.concatenate([pad, log_cumsum_exp(u)[..., :-1]], axis=-1)
    after = np.concatenate([log_cumsum_exp(u[..., ::-1])[..., ::-1][..., 1:], pad], axis=-1)
    return np.logaddexp(before, after)


def iterative(v, k):
    """Iterative soft-k-max: p⁽ʲ⁾ = softmax(u⁽ʲ⁾), u⁽ʲ⁺¹⁾ = u⁽ʲ⁾ + log(1 − p⁽ʲ⁾), output Σ_{j≤k} p⁽ʲ⁾.

    Each round removes the picked mass multiplicatively.  Sums to k and keeps order (weights
    a(Z − a) stay ordered because Z > a + b for n ≥ 3), but an entry already picked keeps weight
    e^{u}(1 − p) ≈ the mass of everything else and is picked again: v = [3, 1, 0], k = 2 gives
    1.33 > 1.  log(1 − p) is a leave-one-out log-sum-exp, so large spreads stay exact.
    """
    u = v.copy()
    out = np.zeros_like(v)
    for j in range(k):
        lse = logsumexp(u, axis=-1, keepdims=True)
        out += np.exp(u - lse)
        if j + 1 < k:
            u = u + _leave_one_out_lse(u) - lse
    return out


def _signed_difference(log_a, sign_a, log_b, sign_b):
    """(log|c|, sign c) for c = sign_a·e^{log_a} − sign_b·e^{log_b}."""
    top = np.maximum(log_a, log_b)
    with np.errstate(invalid="ignore"):
        value = sign_a * np.exp(log_a - top) - sign_b * np.exp(log_b - top)
    value = np.where(np.isfinite(top), value, 0.0)
    with np.errstate(divide="ignore"):
        return top + np.log(np.abs(value)), np.sign(value)


def weighted(v, k):
    """Capacity-weighted successive softmax (the Stack Exchange form the post refutes):
    each round takes a softmax weighted by the remaining capacity c = 1 − y, then y += p.

    Each round adds exactly 1, so Σ = k, but c goes negative once an entry is over-picked:
    outputs leave [0, 1] and lose order (v = [3, 2, 1, 4], k = 3).  c is kept as
    (log|c|, sign) so large spreads are represented exactly rather than rounded away.
    """
    log_c = np.zeros_like(v)
    sign_c = np.ones_like(v)
    out = np.zeros_like(v)
    for j in range(k):
        a = v + log_c
        log_w, sign_w = logsumexp(a, b=sign_c, axis=-1, keepdims=True, return_sign=True)
        log_p = a - log_w
        sign_p = sign_c * sign_w
        out += sign_p * np.exp(log_p)
        if j + 1 == k:
            break
        if j == 0:
            # 1 − softmax(v) as a leave-one-out ratio: exact even when softmax rounds to 1.
            log_c = _leave_one_out_lse(v) - log_w
        else:
            log_c, sign_c = _signed_difference(log_c, sign_c, log_p, sign_p)
    return out


def _log_mass(z):
    """log Σ σ(z) over the last axis; the log-space path only for rows whose plain sum underflows."""
    total = expit(z).sum(axis=-1)
    with np.errstate(divide="ignore"):
        out = np.log(total)
    low = total < 1e-280
    if low.any():
        terms = log_expit(z[low])
        top = terms.max(axis=-1)
        out[low] = top + np.log(np.exp(terms - top[:, None]).sum(axis=-1))
    return out


def sinkhorn(v, k, eps, iterations):
    """Entropic OT of the n scores to two anchors, 1 (top, mass k) and 0 (rest, mass n − k).

    Cost (v_i − anchor)², regularisation eps, row sums 1.  Dropping the per-row constant v_i²
    leaves cost 1 − 2v_i for 'top' and 0 for 'rest', so after a row update the plan's top
    column is σ(a_i + δ) with a = (2v − 1)/eps and δ = g_top − g_rest.  The column update
    g_top = log k − lse(f + a), g_rest = log(n − k) − lse(f) then reads exactly
        δ ← δ + log(k / S) − log((n − k) / (n − S)),   S = Σ σ(a + δ),  n − S = Σ σ(−a − δ),
    evaluated in log space.  Starting from g = 0 (δ = 0), the output after `iterations`
    rounds is σ(a + δ).  The fixed point is the sigmoid threshold at temperature eps/2, so
    eps = 2 reproduces the sigmoid method; for sharp scores convergence is slow and Σ ≠ k
    until it converges.
    """
    n = v.shape[-1]
    if k == n:
        return np.ones_like(v)  # the 'rest' anchor has no mass: everything goes to 'top'
    a = ((2.0 * v - 1.0) / eps).reshape(-1, n)
    delta = np.zeros(a.shape[0])
    target = np.log(k) - np.log(n - k)
    live = np.arange(a.shape[0])
    tiny = 4 * np.finfo(np.float64).eps
    for _ in range(iterations):
        z = a[live] + delta[live, None]
        step = target - _log_mass(z) + _log_mass(-z)
        delta[live] += step
        # Rows whose update is at rounding level are at the fixed point; stop iterating them.
        live = live[np.abs(step) > tiny * np.maximum(1.0, np.abs(delta[live]))]
        if live.size == 0:
            break
    return expit(a + delta[:, None]).reshape(v.shape)


def gumbel(v, k, seed, samples):
    """Perturbed top-k: mean of hard_topk(v + G) over `samples` Gumbel draws.

    Equals P(i among the first k draws of Plackett–Luce sampling without replacement).
    One noise matrix (samples × n) is shared by every batch row — common random numbers,
    so a τ sweep is a smooth curve rather than independent noise at each τ.
    """
    rng = np.random.default_rng(seed)
    n = v.shape[-1]
    rows = v.reshape(-1, n)
    counts = np.zeros_like(rows)
    chunk = max(1, (1 << 21) // rows.size)  # bound memory to ~2M entries per pass
    for start in range(0, samples, chunk):
        noise = rng.gumbel(size=(min(chunk, samples - start), 1, n))
        counts += hard_mask(rows[None] + noise, k).sum(axis=0)
    return (counts / samples).reshape(v.shape)
