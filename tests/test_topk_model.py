"""Tests for explorer.topk against independent references: subset enumeration, mpmath roots,
closed forms, plain-formula re-implementations, and central finite differences."""

import itertools
import math
import pathlib
import subprocess
import sys
import time

import mpmath as mp
import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from scipy.special import expit, logsumexp, softmax

import explorer.topk as T

FAST = settings(max_examples=50, deadline=None)
DETERMINISTIC = [m for m in T.METHODS if m != "gumbel"]
STABLE = [m for m in DETERMINISTIC if m != "grad_recursive"]  # the post's recursion loses digits as k grows
SIGMA = lambda z: 1.0 / (1.0 + math.exp(-z))  # noqa: E731


# ---------------------------------------------------------------- independent references


def mp_inclusion(x, k, tau=1.0, dps=40):
    """(P(i ∈ S), P(i ∉ S)) for P(S) ∝ exp(Σ_S x / τ), each by enumerating all k-subsets in mpmath (neither is 1
    minus the other, so both keep their digits when one is tiny)."""
    with mp.workdps(dps):
        xs = [mp.mpf(float(a)) / mp.mpf(tau) for a in x]
        weights = {s: mp.exp(mp.fsum(xs[i] for i in s)) for s in itertools.combinations(range(len(xs)), k)}
        z = mp.fsum(weights.values())
        inside = [mp.fsum(w for s, w in weights.items() if i in s) / z for i in range(len(xs))]
        outside = [mp.fsum(w for s, w in weights.items() if i not in s) / z for i in range(len(xs))]
        return inside, outside


def brute_grad(x, k, tau=1.0, dps=40):
    """P(i ∈ S) for P(S) ∝ exp(Σ_S x / τ), by enumerating all k-subsets in mpmath."""
    return np.array([float(a) for a in mp_inclusion(x, k, tau, dps)[0]])


def brute_cov(x, k, tau=1.0):
    """Covariance of the inclusion indicators under P(S) ∝ exp(Σ_S x / τ), by enumeration."""
    n = len(x)
    subsets = list(itertools.combinations(range(n), k))
    logw = np.array([sum(x[i] for i in s) / tau for s in subsets])
    prob = np.exp(logw - logsumexp(logw))
    ind = np.zeros((len(subsets), n))
    for r, s in enumerate(subsets):
        ind[r, list(s)] = 1.0
    mean = prob @ ind
    return (ind * prob[:, None]).T @ ind - np.outer(mean, mean)


def mp_profile(method, z):
    if method == "sigmoid":
        return 1 / (1 + mp.exp(-z))
    if method == "exp":
        return mp.exp(z) if z < 0 else mp.mpf(1)
    if method == "laplace":
        return 1 - mp.exp(-z) / 2 if z >= 0 else mp.exp(z) / 2
    return min(max(z, mp.mpf(0)), mp.mpf(1))


def mp_root(x, k, tau, method, steps=120):
    """Largest λ with Σ f((x_i − λ)/τ) ≥ k, by mpmath bisection; also returns F'(λ)."""
    with mp.workdps(40):
        xs = [mp.mpf(float(a)) for a in x]
        t = mp.mpf(tau)
        F = lambda lam: mp.fsum(mp_profile(method, (a - lam) / t) for a in xs)  # noqa: E731
        lo, hi = min(xs) - 80 * t - 1, max(xs) + 80 * t + 1
        for _ in range(steps):
            mid = (lo + hi) / 2
            if F(mid) >= k:
                lo = mid
            else:
                hi = mid
        slope = abs(F(lo + mp.mpf(10) ** -15) - F(lo - mp.mpf(10) ** -15)) / (2 * mp.mpf(10) ** -15)
        return float(lo), float(slope)


def sinkhorn_converged(x, k, tau, iterations=20000):
    """Whether sinkhorn (eps = 2) is at its fixed point after `iterations` rounds.

    Its update δ ← δ + log(k/S) − log((n−k)/(n−S)) contracts with rate ρ = 1 − S'(1/k + 1/(n−k)),
    S' = Σ y(1 − y) at the sigmoid solution y; sharp inputs make ρ → 1 (Sinkhorn's known slowness).
    """
    n = len(x)
    if k == n:
        return True
    y = T.soft_topk(x, k, tau, "sigmoid")
    rate = 1 - (y * (1 - y)).sum() * (1 / k + 1 / (n - k))
    return abs(rate) ** iterations * 100 < 1e-12


def fd_jacobian(fn, x, h=1e-5):
    x = np.asarray(x, float)
    cols = []
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h
        cols.append((fn(x + e) - fn(x - e)) / (2 * h))
    return np.array(cols).T


def naive_iterative(v, k):
    """Successive softmax straight from its definition (fine for moderate v)."""
    u, out = np.array(v, float), 0.0
    for j in range(k):
        p = softmax(u)
        out = out + p
        if j + 1 < k:
            u = u + np.log(1 - p)
    return out


def naive_weighted(v, k):
    """Capacity-weighted softmax straight from its definition."""
    y = np.zeros(len(v))
    for _ in range(k):
        w = np.exp(np.asarray(v, float)) * (1 - y)
        y = y + w / w.sum()
    return y


def matrix_sinkhorn(v, k, eps, iterations):
    """Textbook log-domain Sinkhorn on the full n×2 squared-distance cost to anchors (1, 0)."""
    v = np.asarray(v, float)
    n = v.size
    cost = np.stack([(v - 1.0) ** 2, v**2], axis=1)
    log_b = np.log([k, n - k])
    f, g = np.zeros(n), np.zeros(2)
    for _ in range(iterations):
        f = -eps * logsumexp((g[None, :] - cost) / eps, axis=1)
        g = eps * log_b - eps * logsumexp((f[:, None] - cost) / eps, axis=0)
    f = -eps * logsumexp((g[None, :] - cost) / eps, axis=1)
    return np.exp((f + g[0] - cost[:, 0]) / eps)


def plackett_luce_inclusion(v, k):
    """P(i among the first k draws without replacement, draw ∝ e^v), by enumerating sequences."""
    w = np.exp(np.asarray(v, float))
    n = w.size
    incl = np.zeros(n)
    for seq in itertools.permutations(range(n), k):
        p, left = 1.0, w.sum()
        for i in seq:
            p *= w[i] / left
            left -= w[i]
        incl[list(seq)] += p
    return incl


def linear_grad_reference(x, k):
    """P(i ∈ S) = e^{x_i} e_{k-1}(x without i) / e_k(x) with plain linear-space e_j (moderate x)."""
    w = np.exp(np.asarray(x, float))
    n = w.size
    e_all = np.zeros(k + 1)
    e_all[0] = 1.0
    e_wo = np.zeros((n, k + 1))
    e_wo[:, 0] = 1.0
    for t in range(n):
        e_all[1:] = e_all[1:] + w[t] * e_all[:-1]
        keep = np.arange(n) != t
        e_wo[keep, 1:] = e_wo[keep, 1:] + w[t] * e_wo[keep, :-1]
    return w * e_wo[:, k - 1] / e_all[k]


# ---------------------------------------------------------------- strategies


@st.composite
def scores_k(draw, max_n=8, lo=-5.0, hi=5.0, min_n=1):
    n = draw(st.integers(min_n, max_n))
    x = draw(st.lists(st.floats(lo, hi, allow_nan=False), min_size=n, max_size=n))
    return np.array(x), draw(st.integers(1, n))


taus = st.floats(0.3, 5.0)


# ---------------------------------------------------------------- package hygiene


def test_import_loads_neither_torch_nor_qt_nor_view():
    code = (
        "import sys, explorer.topk\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'PySide6', 'pyqtgraph', 'PyQt5', 'PyQt6')"
        " or m == 'explorer.topk.view']\n"
        "assert not bad, bad\n"
        "from explorer.topk import soft_topk\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=pathlib.Path(__file__).resolve().parents[1])


def test_no_qt_import_in_sources():
    pkg = pathlib.Path(T.__file__).parent
    for path in pkg.glob("*.py"):
        if path.name == "view.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("PySide", "PyQt", "pyqtgraph", "QtCore", "QtWidgets"):
            assert needle not in text, f"{path.name} mentions {needle}"


def test_registry_is_consistent():
    assert isinstance(T.METHODS, tuple) and len(set(T.METHODS)) == len(T.METHODS)
    assert set(T.METHOD_LABELS) == set(T.METHODS) == set(T.PROPERTIES)
    assert set(T.JACOBIAN_METHODS) >= {"grad", "sigmoid", "exp", "laplace", "clip"}
    assert set(T.THRESHOLD_METHODS) == {"sigmoid", "exp", "laplace", "clip"}


# ---------------------------------------------------------------- hard top-k


def test_hard_topk_post_example():
    np.testing.assert_array_equal(T.hard_topk([3, 2, 1, 4], 2), [1, 0, 0, 1])


@FAST
@given(st.lists(st.integers(0, 3), min_size=1, max_size=9), st.data())
def test_hard_topk_ties_lower_index_wins(xs, data):
    k = data.draw(st.integers(1, len(xs)))
    expect = np.zeros(len(xs))
    expect[sorted(range(len(xs)), key=lambda i: (-xs[i], i))[:k]] = 1
    got = T.hard_topk(xs, k)
    np.testing.assert_array_equal(got, expect)
    assert got.sum() == k


def test_hard_topk_batches_over_last_axis():
    x = np.array([[[3, 2, 1, 4], [1, 1, 1, 1]], [[0, 5, 5, 5], [9, 8, 7, 6]]], float)
    np.testing.assert_array_equal(T.hard_topk(x, 2), [[[1, 0, 0, 1], [1, 1, 0, 0]], [[0, 1, 1, 0], [1, 1, 0, 0]]])


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: T.soft_topk([1, 2, 3], 0), "1 <= k <= n"),
        (lambda: T.soft_topk([1, 2, 3], 4), "1 <= k <= n"),
        (lambda: T.soft_topk([1, 2, 3], 2.0), "k must be an integer"),
        (lambda: T.soft_topk([1, 2, 3], True), "k must be an integer"),
        (lambda: T.soft_topk([1, 2, 3], 1, tau=0), "tau must be > 0"),
        (lambda: T.soft_topk([1, 2, 3], 1, tau=-1.0), "tau must be > 0"),
        (lambda: T.soft_topk([1, 2, 3], 1, tau=float("inf")), "tau must be finite"),
        (lambda: T.soft_topk([1, 2, 3], 1, tau=float("nan")), "tau must be finite"),
        (lambda: T.soft_topk([1, 2, 3], 1, tau="1"), "tau must be a real number"),
        (lambda: T.soft_topk([1, float("nan"), 3], 1), "NaN"),
        (lambda: T.soft_topk([1, float("inf"), 3], 1), "finite"),
        (lambda: T.soft_topk([], 1), "empty"),
        (lambda: T.soft_topk(3.0, 1), "scalar"),
        (lambda: T.soft_topk([1, 2, 3], 1, method="softmax"), "unknown method"),
        (lambda: T.soft_topk([1, 2, 3], 1, method="sigmoid", eps=1.0), "unknown option"),
        (lambda: T.soft_topk([1, 2, 3], 1, method="sinkhorn", eps=0.0), "eps must be > 0"),
        (lambda: T.soft_topk([1, 2, 3], 1, method="gumbel", samples=0), "samples must be >= 1"),
        (lambda: T.soft_topk([1e300, 2, 3], 1, tau=1e-300), "overflows"),
        (lambda: T.hard_topk([[1, 2], [3, float("nan")]], 1), "NaN"),
        (lambda: T.topk_jacobian([1, 2, 3], 1, method="iterative"), "no exact Jacobian"),
        (lambda: T.topk_jacobian([[1, 2, 3]], 1), "1-D"),
        (lambda: T.tau_sweep([1, 2, 3], 1, [1.0, 0.0]), "taus must all be > 0"),
        (lambda: T.error_to_hard([1, 2, 3], 1, [1.0], norm="l2"), "unknown norm"),
        (lambda: T.threshold_root([1, 2, 3], 1, method="grad"), "unknown method"),
        (lambda: T.bisection_trace([1, 2, 3], 3), "k < n"),
        (lambda: T.simplex_path([1, 2, 3, 4], 1, [1.0]), "exactly 3"),
        (lambda: T.smooth_topk_sum([1, 2, 3], 5, [1.0]), "1 <= k <= n"),
    ],
)
def test_bad_input_raises_value_error_saying_what(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- the post's example


def test_post_example_grad_against_enumeration_and_closed_forms():
    x = [3.0, 2.0, 1.0, 4.0]
    got = T.soft_topk(x, 2, 1.0, "grad")
    np.testing.assert_allclose(got, brute_grad(x, 2), atol=1e-15)
    # Z_2 factors as e^3 (e²+e+1)(e²+1): the entry of 4 is exactly σ(2), the entry of 1 is σ(−2).
    assert got[3] == pytest.approx(SIGMA(2.0), abs=1e-15)
    assert got[2] == pytest.approx(SIGMA(-2.0), abs=1e-15)
    # The entry of 3 is NOT σ(−2) (a claim in the issue): it is e(e³+e+1)/((e²+e+1)(e²+1)).
    e = math.e
    assert got[0] == pytest.approx(e * (e**3 + e + 1) / ((e**2 + e + 1) * (e**2 + 1)), abs=1e-15)
    assert abs(got[0] - SIGMA(-2.0)) > 0.5


def test_post_example_sigmoid_threshold():
    x = [3.0, 2.0, 1.0, 4.0]
    expect = [SIGMA(0.5), SIGMA(-0.5), SIGMA(-1.5), SIGMA(1.5)]
    np.testing.assert_allclose(T.soft_topk(x, 2, 1.0, "sigmoid"), expect, atol=1e-15)
    assert T.threshold_root(x, 2, 1.0, "sigmoid") == pytest.approx(2.5, abs=1e-14)


# ---------------------------------------------------------------- GradTopK


@FAST
@given(scores_k(), taus)
def test_grad_matches_subset_enumeration(xk, tau):
    x, k = xk
    np.testing.assert_allclose(T.soft_topk(x, k, tau, "grad"), brute_grad(x, k, tau), atol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_grad_exact_at_huge_spreads(seed):
    x = np.random.default_rng(seed).standard_normal(8) * 30
    for k in (1, 3, 5, 8):
        np.testing.assert_allclose(T.soft_topk(x, k, 0.5, "grad"), brute_grad(x, k, 0.5), atol=1e-12)


def test_grad_matches_linear_space_reference_at_n_200():
    x = np.random.default_rng(5).uniform(-2, 2, 200)
    np.testing.assert_allclose(T.soft_topk(x, 20, 1.0, "grad"), linear_grad_reference(x, 20), rtol=1e-11, atol=1e-14)


def test_recursion_preset_breaks_post_recursion_but_not_dp():
    x, k, _ = T.PRESETS["recursion_breaks"]
    truth = brute_grad(x, k)
    np.testing.assert_allclose(truth, [1.0, 1.0], atol=1e-15)
    np.testing.assert_allclose(T.soft_topk(x, k, 1.0, "grad"), truth, atol=1e-15)
    broken = T.soft_topk(x, k, 1.0, "grad_recursive")
    assert not (np.all(np.isfinite(broken)) and np.allclose(broken, truth, atol=1e-3))
    np.testing.assert_allclose(broken, [2.0, 0.0])  # what float64 actually produces


@FAST
@given(scores_k(lo=-3, hi=3))
def test_post_recursion_agrees_with_enumeration_for_small_k(xk):
    x, k = xk
    assume(2 * k <= len(x))
    np.testing.assert_allclose(T.soft_topk(x, k, 1.0, "grad_recursive"), brute_grad(x, k), atol=1e-10)


def test_post_recursion_error_grows_with_k():
    # Each step subtracts 1 − ST_{j-1}; the rounding error is amplified step by step.
    x = np.array([0.0] * 7 + [4.0])
    errors = [np.abs(T.soft_topk(x, k, 1.0, "grad_recursive") - brute_grad(x, k)).max() for k in range(1, 9)]
    assert errors[0] < 1e-15 and errors[-1] > 1e-7
    assert np.abs(T.soft_topk(x, 8, 1.0, "grad") - 1).max() < 1e-15


@FAST
@given(scores_k(max_n=7), taus)
def test_grad_jacobian_is_covariance_and_finite_difference(xk, tau):
    x, k = xk
    jac = T.topk_jacobian(x, k, tau, "grad")
    np.testing.assert_allclose(jac, brute_cov(x, k, tau) / tau, atol=1e-11)
    np.testing.assert_allclose(jac, fd_jacobian(lambda z: T.soft_topk(z, k, tau, "grad"), x), atol=1e-7)


def mp_cov_diagonal(x, k, tau=1.0):
    """Var of each inclusion indicator, P(i ∈ S)·P(i ∉ S), by enumeration in mpmath: exact where 1 − p is tiny."""
    return np.array([float(a * b) for a, b in zip(*mp_inclusion(x, k, tau, dps=60))])


@pytest.mark.parametrize("x, k", [([0.0, 50.0], 1), ([0.0, 50.0, 49.0], 2), ([3.0, -40.0, 2.5, 60.0], 3)])
def test_grad_jacobian_diagonal_keeps_its_digits_when_an_entry_is_nearly_certain(x, k):
    """1 − p rounds to 0 once p is within an ulp of 1: the variance p(1 − p) came out 0 where it is σ(−50)-small,
    and that row of the Jacobian no longer summed to 0."""
    jac = T.topk_jacobian(np.array(x), k, 1.0, "grad")
    np.testing.assert_allclose(np.diag(jac), mp_cov_diagonal(x, k), rtol=1e-9)
    assert np.all(np.abs(jac.sum(axis=1)) <= 1e-9 * np.abs(jac).max())  # rows sum to 0 (shift invariance)


@FAST
@given(st.lists(st.floats(-6, 6), min_size=1, max_size=9), taus)
def test_grad_with_k1_is_softmax(x, tau):
    np.testing.assert_allclose(T.soft_topk(x, 1, tau, "grad"), softmax(np.array(x) / tau), atol=1e-14)


# ---------------------------------------------------------------- threshold methods


@settings(max_examples=40, deadline=None)
@given(scores_k(max_n=6, min_n=2), taus, st.sampled_from(T.THRESHOLD_METHODS))
def test_threshold_root_and_outputs_match_mpmath(xk, tau, method):
    x, k = xk
    assume(k < len(x))
    lam_ref, slope = mp_root(x, k, tau, method)
    with mp.workdps(40):
        y_ref = [float(mp_profile(method, (mp.mpf(float(a)) - mp.mpf(lam_ref)) / mp.mpf(tau))) for a in x]
    np.testing.assert_allclose(T.soft_topk(x, k, tau, method), y_ref, atol=1e-11)
    # λ itself is only determined to ~eps/F'(λ); compare where the root is well conditioned.
    if slope > 1e-3:
        assert T.threshold_root(x, k, tau, method) == pytest.approx(lam_ref, abs=1e-10 * (1 + abs(lam_ref)))


def test_clip_is_the_euclidean_projection():
    rng = np.random.default_rng(3)
    for _ in range(30):
        n = rng.integers(2, 9)
        k = int(rng.integers(1, n + 1))
        v = rng.normal(size=n) * 2
        y = T.soft_topk(v, k, 1.0, "clip")
        # Variational inequality: (v − y)·(z − y) ≤ 0 for every z in the capped simplex;
        # the k-hot vectors are its vertices, so checking them suffices.
        for s in itertools.combinations(range(n), k):
            z = np.zeros(n)
            z[list(s)] = 1
            assert (v - y) @ (z - y) <= 1e-12


@pytest.mark.parametrize("method", ["sigmoid", "exp", "laplace", "clip"])
@settings(max_examples=25, deadline=None)
@given(xk=scores_k(max_n=7, lo=-3, hi=3), tau=taus)
def test_threshold_jacobian_matches_finite_differences(method, xk, tau):
    x, k = xk
    lam = T.threshold_root(x, k, tau, method)
    z = (x - lam) / tau
    if method in ("exp", "clip"):  # piecewise: keep the finite-difference stencil off the kinks
        assume(np.all(np.abs(z) > 1e-3) and np.all(np.abs(z - 1) > 1e-3))
    jac = T.topk_jacobian(x, k, tau, method)
    np.testing.assert_allclose(jac, jac.T, atol=1e-14)
    np.testing.assert_allclose(jac.sum(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(jac, fd_jacobian(lambda v: T.soft_topk(v, k, tau, method), x, 1e-6), atol=1e-6)


def test_exp_and_laplace_closed_forms_have_no_cancellation():
    x = np.array([0.0, 1000.0, -1000.0, 3.0])
    for k in (1, 2, 3):
        for method in ("exp", "laplace", "sigmoid", "clip"):
            y = T.soft_topk(x, k, 1.0, method)
            assert np.all(np.isfinite(y)) and y.sum() == pytest.approx(k, abs=1e-12)
    # laplace, k = 1: 1000 sits above λ, the rest below; λ = 500 balances 1 − e^{−500}/2 + ... = 1.
    assert T.threshold_root([0.0, 1000.0], 1, 1.0, "laplace") == pytest.approx(500.0, abs=1e-9)


# ---------------------------------------------------------------- the three properties


def _strictly_ordered_pairs(x, gap=1e-3):
    return [(i, j) for i in range(len(x)) for j in range(len(x)) if x[i] > x[j] + gap]


@FAST
@given(scores_k(), taus, st.sampled_from(T.METHODS))
def test_claimed_properties_hold(xk, tau, method):
    x, k = xk
    opts = {"iterations": 20000} if method == "sinkhorn" else {}
    y = T.soft_topk(x, k, tau, method, **opts)
    claims = T.PROPERTIES[method]
    if claims["range"] == "yes":
        assert np.all(y >= 0) and np.all(y <= 1)
    if claims["sum"] == "yes" or (claims["sum"] == "approx" and sinkhorn_converged(x, k, tau)):
        assert y.sum() == pytest.approx(k, abs=1e-9)
    for i, j in _strictly_ordered_pairs(x):
        assert y[i] >= y[j] - 1e-14 or claims["order"] in ("no", "approx")
        # Strict: unless k = n (all ones) or both values sit within rounding of the same bound.
        saturated = y[j] > 1 - 1e-12 or y[i] < 1e-12
        assert y[i] > y[j] or saturated or k == len(x) or claims["order"] != "strict"


def test_failed_claims_have_counterexamples():
    x, k, _ = T.PRESETS["iterative_exceeds_one"]
    y = T.soft_topk(x, k, 1.0, "iterative")
    np.testing.assert_allclose(y, naive_iterative(x, k), atol=1e-14)
    assert y.max() > 1.3 and T.PROPERTIES["iterative"]["range"] == "no"

    x, k, _ = T.PRESETS["weighted_loses_order"]
    y = T.soft_topk(x, k, 1.0, "weighted")
    np.testing.assert_allclose(y, naive_weighted(x, k), atol=1e-14)
    assert y[0] > 1.28  # x = 3 gets 1.29
    assert x[3] > x[1] and y[3] < y[1]  # 4 ranks below 2
    assert T.PROPERTIES["weighted"]["range"] == T.PROPERTIES["weighted"]["order"] == "no"

    x, k, _ = T.PRESETS["recursion_breaks"]
    y = T.soft_topk(x, k, 1.0, "grad_recursive")
    assert y.max() > 1 and y[1] < y[0]
    x, k, _ = T.PRESETS["recursion_nan"]
    assert np.isnan(T.soft_topk(x, k, 1.0, "grad_recursive")).all()
    np.testing.assert_allclose(T.soft_topk(x, k, 1.0, "grad"), brute_grad(x, k), atol=1e-14)


@FAST
@given(scores_k(lo=-3, hi=3), taus)
@example((np.array([2.7222868, 2.7222868, 2.7222868, -3.0]), 4), 0.3)
def test_peer_methods_match_their_plain_definitions(xk, tau):
    x, k = xk
    np.testing.assert_allclose(T.soft_topk(x, k, tau, "iterative"), naive_iterative(x / tau, k), atol=1e-10)
    # Each weighted round subtracts from a capacity 1 − y that ties drive towards 0: two float64 evaluations of the
    # same definition part by ~1e-8 there (both within 6e-8 of a 50-digit evaluation at the example above).
    np.testing.assert_allclose(T.soft_topk(x, k, tau, "weighted"), naive_weighted(x / tau, k), atol=1e-6)


def test_iterative_does_not_tend_to_the_hard_mask():
    # A picked entry keeps weight ≈ the others' mass: the τ → 0 limit of [3, 1, 0], k = 2 is [1.5, 0.5, 0].
    np.testing.assert_allclose(T.soft_topk([3.0, 1.0, 0.0], 2, 1e-3, "iterative"), [1.5, 0.5, 0.0], atol=1e-12)


# Sinkhorn is shift invariant only at its fixed point: it starts from δ = 0, and a shift moves where that start is
# relative to the fixed point, so its truncated iterations (slow for sharp scores) differ at the 1e-6 level.
@FAST
@given(scores_k(), taus, st.sampled_from([m for m in STABLE if m != "sinkhorn"]), st.floats(-50, 50))
def test_shift_invariance(xk, tau, method, shift):
    x, k = xk
    a = T.soft_topk(x, k, tau, method)
    b = T.soft_topk(x + shift, k, tau, method)
    np.testing.assert_allclose(a, b, atol=1e-9)


@FAST
@given(scores_k(), taus, st.sampled_from(STABLE), st.randoms(use_true_random=False))
def test_permutation_equivariance(xk, tau, method, rnd):
    x, k = xk
    perm = list(range(len(x)))
    rnd.shuffle(perm)
    np.testing.assert_allclose(T.soft_topk(x[perm], k, tau, method), T.soft_topk(x, k, tau, method)[perm], atol=1e-12)


@pytest.mark.parametrize("method", ["grad", "sigmoid", "laplace", "clip"])
@settings(max_examples=30, deadline=None)
@given(xk=scores_k(), tau=taus)
def test_complement_duality(method, xk, tau):
    x, k = xk
    assume(k < len(x))
    lhs = T.soft_topk(x, k, tau, method)
    rhs = 1 - T.soft_topk(-x, len(x) - k, tau, method)
    np.testing.assert_allclose(lhs, rhs, atol=1e-9)


def test_exp_breaks_complement_duality():
    x = np.array([3.0, 2.0, 1.0, 4.0])
    assert not np.allclose(T.soft_topk(x, 2, 1.0, "exp"), 1 - T.soft_topk(-x, 2, 1.0, "exp"), atol=1e-3)


@pytest.mark.parametrize("method", ["grad_recursive", "exp", "iterative", "weighted"])
@FAST
@given(st.lists(st.floats(-4, 4), min_size=1, max_size=9), taus)
def test_k1_reduces_to_softmax(method, x, tau):
    np.testing.assert_allclose(T.soft_topk(x, 1, tau, method), softmax(np.array(x) / tau), atol=1e-12)


@pytest.mark.parametrize("method", ["grad", "sigmoid", "exp", "laplace", "clip", "gumbel"])
def test_small_tau_tends_to_hard_mask(method):
    rng = np.random.default_rng(11)
    for _ in range(5):
        x = rng.permutation(np.arange(9.0)) * 0.1 + rng.uniform(-0.01, 0.01, 9)
        for k in (1, 4, 9):
            np.testing.assert_allclose(T.soft_topk(x, k, 1e-3, method), T.hard_topk(x, k), atol=1e-12)


@pytest.mark.parametrize("method", [m for m in T.METHODS if m != "gumbel"])
def test_large_tau_asymptote(method):
    x = np.array([0.3, -1.2, 2.0, 0.7, -0.4, 1.1])
    for k in (1, 2, 4):
        tau = 1e5
        y = T.soft_topk(x, k, tau, method)
        asym = T.large_tau_asymptote(x, k, [tau], method)[0]
        np.testing.assert_allclose(y, asym, atol=1e-9)
        # The correction is first order: its size is ~1/τ and the asymptote captures it.
        assert np.abs(y - k / len(x)).max() > 1e-7 or T.large_tau_slope(6, k, method) == 0


def test_large_tau_slope_grad_and_gumbel_from_enumeration():
    u = np.array([0.5, -0.2, 0.1, -0.4, 0.0])
    u = u - u.mean()
    h = 1e-6
    for k in range(1, 6):
        c = T.large_tau_slope(5, k, "grad")
        np.testing.assert_allclose((brute_grad(h * u, k) - k / 5) / h, c * u, atol=1e-6)
        c = T.large_tau_slope(5, k, "gumbel")
        np.testing.assert_allclose((plackett_luce_inclusion(h * u, k) - k / 5) / h, c * u, atol=1e-6)


def test_ties_and_k_equals_n():
    x, k, _ = T.PRESETS["tie"]
    for method in DETERMINISTIC:
        y = T.soft_topk(x, k, 1.0, method)
        assert np.all(np.isfinite(y)) and y[1] == pytest.approx(y[2], abs=1e-13)
    np.testing.assert_array_equal(T.hard_topk(x, k), [1, 1, 0, 0])
    for method in ("grad", "sigmoid", "exp", "laplace", "clip", "sinkhorn", "gumbel"):
        np.testing.assert_allclose(T.soft_topk([0.0, 50.0, -3.0], 3, 1.0, method), 1.0, atol=1e-15)
        if method in T.JACOBIAN_METHODS:
            np.testing.assert_allclose(T.topk_jacobian([0.0, 50.0, -3.0], 3, 1.0, method), 0.0, atol=1e-15)


@pytest.mark.parametrize("method", T.METHODS)
def test_batches_match_rows(method):
    x = np.random.default_rng(2).normal(size=(2, 3, 5))
    y = T.soft_topk(x, 2, 0.7, method)
    assert y.shape == x.shape and y.dtype == np.float64
    for idx in np.ndindex(2, 3):
        np.testing.assert_allclose(y[idx], T.soft_topk(x[idx], 2, 0.7, method), atol=1e-13)


# ---------------------------------------------------------------- peers: sinkhorn, gumbel


@pytest.mark.parametrize("iterations", [1, 3, 30])
def test_sinkhorn_is_textbook_sinkhorn(iterations):
    rng = np.random.default_rng(iterations)
    for _ in range(5):
        v = rng.uniform(-2, 2, 6)
        for k, eps in ((1, 2.0), (2, 0.7), (5, 3.0)):
            np.testing.assert_allclose(
                T.soft_topk(v, k, 1.0, "sinkhorn", eps=eps, iterations=iterations),
                matrix_sinkhorn(v, k, eps, iterations),
                atol=1e-12,
            )


@FAST
@given(scores_k(lo=-3, hi=3), taus)
def test_sinkhorn_at_eps_2tau_is_the_sigmoid_threshold(xk, tau):
    x, k = xk
    assume(sinkhorn_converged(x, k, tau))
    sig = T.soft_topk(x, k, tau, "sigmoid")
    np.testing.assert_allclose(T.soft_topk(x, k, tau, "sinkhorn", eps=2.0, iterations=20000), sig, atol=1e-10)
    # In raw-score units: OT on x itself with ε = 2τ.
    np.testing.assert_allclose(T.soft_topk(x, k, 1.0, "sinkhorn", eps=2 * tau, iterations=20000), sig, atol=1e-10)
    # Hence the complement duality of the sigmoid carries over.
    if k < len(x):
        dual = 1 - T.soft_topk(-x, len(x) - k, tau, "sinkhorn", iterations=20000)
        np.testing.assert_allclose(dual, sig, atol=1e-10)


def test_sinkhorn_is_slow_on_sharp_scores():
    # Documented behaviour, not a bug: few iterations leave Σ far from k when scores are sharp.
    y = T.soft_topk([2.0, -4.0, 1.0], 1, 0.05, "sinkhorn", iterations=200)
    assert abs(y.sum() - 1) > 1e-3


def test_gumbel_is_plackett_luce_inclusion():
    rng = np.random.default_rng(4)
    for _ in range(3):
        x = rng.normal(size=5)
        for k in (1, 2, 3):
            y = T.soft_topk(x, k, 1.0, "gumbel", samples=20000, seed=1)
            assert y.sum() == pytest.approx(k, abs=1e-12)
            np.testing.assert_allclose(y, plackett_luce_inclusion(x, k), atol=0.02)
    # k = 1 is the Gumbel-max trick: softmax.
    np.testing.assert_allclose(T.soft_topk(x, 1, 1.0, "gumbel", samples=20000), softmax(x), atol=0.02)
    a = T.soft_topk(x, 2, 1.0, "gumbel", seed=7)
    np.testing.assert_array_equal(a, T.soft_topk(x, 2, 1.0, "gumbel", seed=7))


# ---------------------------------------------------------------- scale


def test_large_n_threshold_methods_are_fast_and_exact():
    x = np.random.default_rng(0).standard_normal(10**6) * 30
    for method in ("sigmoid", "laplace"):
        start = time.perf_counter()
        y = T.soft_topk(x, 1000, 1.0, method)
        elapsed = time.perf_counter() - start
        assert elapsed < 1.0, f"{method} took {elapsed:.2f}s at n = 1e6"
        assert np.all(np.isfinite(y)) and y.sum() == pytest.approx(1000, abs=1e-8)
        order = np.argsort(x)
        assert np.all(np.diff(y[order]) >= 0)


def test_grad_at_n_1e4_k_100_is_fast():
    x = np.random.default_rng(1).standard_normal(10**4) * 30
    start = time.perf_counter()
    y = T.soft_topk(x, 100, 1.0, "grad")
    assert time.perf_counter() - start < 1.0
    assert y.sum() == pytest.approx(100, abs=1e-8) and np.all((y >= 0) & (y <= 1))
    assert np.all(np.diff(y[np.argsort(x)]) >= -1e-15)


# ---------------------------------------------------------------- helpers for the view


def test_tau_sweep_and_error_to_hard_closed_form():
    # By symmetry λ = 2.5 for every τ, so the sigmoid sweep is σ((x − 2.5)/τ).
    x = np.array([3.0, 2.0, 1.0, 4.0])
    taus_ = np.geomspace(0.05, 50, 40)
    expect = expit((x[None, :] - 2.5) / taus_[:, None])
    np.testing.assert_allclose(T.tau_sweep(x, 2, taus_, "sigmoid"), expect, atol=1e-14)
    hard = np.array([1, 0, 0, 1])
    np.testing.assert_allclose(T.error_to_hard(x, 2, taus_, "sigmoid"), np.abs(expect - hard).sum(1), atol=1e-13)
    worst = T.error_to_hard(x, 2, taus_, "sigmoid", norm="max")
    np.testing.assert_allclose(worst, np.abs(expect - hard).max(1), atol=1e-14)


def test_tau_sweep_grad_matches_enumeration():
    x = [0.4, -1.0, 2.2, 0.9, 1.5]
    taus_ = [0.1, 1.0, 10.0]
    sweep = T.tau_sweep(x, 2, taus_, "grad")
    for row, tau in zip(sweep, taus_):
        np.testing.assert_allclose(row, brute_grad(x, 2, tau), atol=1e-13)


def test_smooth_topk_sum_band_and_gradient():
    x = np.array([0.4, -1.0, 2.2, 0.9, 1.5, -0.3])
    taus_ = np.array([0.01, 0.3, 1.0, 7.0])
    for k in (1, 3, 6):
        res = T.smooth_topk_sum(x, k, taus_)
        subsets = [sum(s) for s in itertools.combinations(x, k)]
        brute = taus_ * np.array([logsumexp(np.array(subsets) / t) for t in taus_])
        np.testing.assert_allclose(res.value, brute, rtol=1e-13)
        assert res.hard == pytest.approx(max(subsets), abs=1e-14)
        assert np.all(res.value >= res.hard - 1e-12) and np.all(res.value <= res.upper + 1e-12)
        np.testing.assert_allclose(res.upper - res.hard, taus_ * math.log(math.comb(6, k)), rtol=1e-13)
        grad_fd = fd_jacobian(lambda z, k=k: T.smooth_topk_sum(z, k, [0.3]).value, x)[0]
        np.testing.assert_allclose(grad_fd, T.soft_topk(x, k, 0.3, "grad"), atol=1e-8)


def test_threshold_function_root_and_bisection():
    x = np.array([0.3, -1.2, 2.0, 0.7, -0.4])
    for method in T.THRESHOLD_METHODS:
        lam_ref, _ = mp_root(x, 2, 0.8, method)
        grid = np.linspace(-3, 4, 15)
        direct = [sum(float(mp_profile(method, mp.mpf((a - g) / 0.8))) for a in x) for g in grid]
        np.testing.assert_allclose(T.threshold_function(x, 2, 0.8, method, grid), direct, atol=1e-14)
        assert T.threshold_root(x, 2, 0.8, method) == pytest.approx(lam_ref, abs=1e-12)
        trace = T.bisection_trace(x, 2, 0.8, method, steps=30)
        assert len(trace) == 30
        for lo, hi, mid in trace:
            assert lo <= lam_ref <= hi and mid == pytest.approx((lo + hi) / 2)
        widths = np.array([hi - lo for lo, hi, _ in trace])
        np.testing.assert_allclose(widths, widths[0] / 2.0 ** np.arange(30), rtol=0, atol=1e-14)


def direct_threshold_function(x, tau, method, lambdas):
    """Σ_i f((x_i − λ)/τ) term by term: the profile written out anew, summed with math.fsum."""
    profiles = {
        "sigmoid": lambda z: float(expit(z)),
        "exp": lambda z: math.exp(min(z, 0.0)),
        "laplace": lambda z: 1 - 0.5 * math.exp(-z) if z >= 0 else 0.5 * math.exp(z),
        "clip": lambda z: min(1.0, max(0.0, z)),
    }
    f = profiles[method]
    return np.array([math.fsum(f((a - lam) / tau) for a in x) for lam in lambdas])


@FAST
@given(scores_k(max_n=12, lo=-30, hi=30), st.floats(0.01, 20.0), st.sampled_from(T.THRESHOLD_METHODS), st.data())
@example((np.array([1.0, 1.0, 2.0, 0.0]), 2), 1.0, "clip", None)  # ties, and knots x_i − τ on other entries
def test_threshold_function_matches_direct_sum(xk, tau, method, data):
    """exp, laplace and clip are evaluated from sorted prefix sums, sigmoid on a grid: both against the sum itself,
    at λ on every entry and every clip knot, between them, and far outside."""
    x, k = xk
    lambdas = np.concatenate([x, x - tau, x + 1e-9, [x.min() - 1e4, x.max() + 1e4, 0.0]])
    if data is not None:
        lambdas = np.concatenate([lambdas, data.draw(st.lists(st.floats(-60, 60), min_size=1, max_size=20))])
    got = T.threshold_function(x, k, tau, method, lambdas)
    np.testing.assert_allclose(got, direct_threshold_function(x, tau, method, lambdas), rtol=1e-12,
                               atol=1e-12 * len(x))


def test_threshold_function_at_n_1000_and_infinite_lambda():
    x = np.random.default_rng(3).standard_normal(1000) * 30
    lambdas = np.linspace(-120, 120, 77)
    for method in T.THRESHOLD_METHODS:
        for tau in (1e-3, 0.05, 40.0):
            np.testing.assert_allclose(T.threshold_function(x, 10, tau, method, lambdas),
                                       direct_threshold_function(x, tau, method, lambdas), rtol=1e-11, atol=1e-9)
    for method in ("exp", "laplace", "clip"):
        values = T.threshold.function_values(x, np.array([-np.inf, np.inf]), method)
        np.testing.assert_array_equal(values, [1000.0, 0.0])


def test_simplex_path_geometry():
    x3 = [1.0, 0.2, -0.5]
    taus_ = np.geomspace(0.01, 100, 50)
    for k in (1, 2):
        path = T.simplex_path(x3, k, taus_, "sigmoid")
        assert path.points.shape == (50, 3) and path.xy.shape == (50, 2)
        # The projection preserves distances inside the plane Σy = k.
        d3 = np.linalg.norm(path.points[0] - path.points[-1])
        assert np.linalg.norm(path.xy[0] - path.xy[-1]) == pytest.approx(d3, rel=1e-12)
        # The capped simplex for n = 3 is a triangle of side √2 (k-hot vertices).
        sides = [np.linalg.norm(path.polygon[i] - path.polygon[i - 1]) for i in range(3)]
        np.testing.assert_allclose(sides, math.sqrt(2), rtol=1e-12)
        assert any(np.allclose(path.hard_xy, v) for v in path.polygon)
        assert np.all([_inside(p, path.polygon) for p in path.xy])
        # τ → ∞: uniform k/3 projects to the centre, approached like 1/τ.
        assert np.linalg.norm(path.xy[-1]) < 0.01 < np.linalg.norm(path.xy[0])
    out = T.simplex_path([3.0, 1.0, 0.0], 2, [1.0], "iterative")
    assert not _inside(out.xy[0], out.polygon)  # 1.33 > 1 leaves the capped simplex
    np.testing.assert_allclose(T.triangle_xy(np.eye(3))[0], [0, math.sqrt(2 / 3)], atol=1e-15)


def _inside(p, tri):
    edges = [(tri[i] - tri[i - 1], p - tri[i - 1]) for i in range(3)]
    signs = [e[0] * d[1] - e[1] * d[0] for e, d in edges]
    return all(s >= -1e-12 for s in signs) or all(s <= 1e-12 for s in signs)


def test_presets_are_valid_inputs():
    for name, (x, k, note) in T.PRESETS.items():
        assert 1 <= k <= len(x) and note, name
        assert np.all(np.isfinite(T.soft_topk(x, k, 1.0, "grad"))), name
    assert T.PRESETS["post_example"].x == (3.0, 2.0, 1.0, 4.0)
    assert np.ptp(T.PRESETS["huge_spread"].x) > 50


# ----- the error to the hard mask at small τ, against 320-digit arithmetic -----
def _mp_profile(method, z):
    if method == "sigmoid":
        return 1 / (1 + mp.e ** (-z))
    if method == "laplace":
        return 1 - mp.e ** (-z) / 2 if z >= 0 else mp.e**z / 2
    return mp.e ** min(z, 0)  # exp


def _mp_outputs(x, k, tau, method):
    """ST_k(x/τ) in mpmath's precision: GradTopK over every k-subset, a threshold method by bisection on λ."""
    xs = [mp.mpf(float(v)) for v in x]
    tau = mp.mpf(float(tau))
    if method == "grad":
        subsets = list(itertools.combinations(range(len(xs)), k))
        weights = [mp.e ** (mp.fsum(xs[i] for i in s) / tau) for s in subsets]
        total = mp.fsum(weights)
        return [mp.fsum(w for w, s in zip(weights, subsets) if i in s) / total for i in range(len(xs))]
    lo, hi = min(xs) - 60 * tau, max(xs) + 60 * tau  # F(lo) > k > F(hi)
    for _ in range(400):
        mid = (lo + hi) / 2
        if mp.fsum(_mp_profile(method, (v - mid) / tau) for v in xs) > k:
            lo = mid
        else:
            hi = mid
    return [_mp_profile(method, (v - lo) / tau) for v in xs]


@pytest.mark.parametrize("method", ["grad", "sigmoid", "laplace", "exp"])
def test_error_to_hard_keeps_its_digits_at_small_tau(method):
    """The kept entries' distances 1 − y are as small as the dropped entries' y at small τ: computed as 1 minus a
    number near 1 they vanished, and the plotted error fell to half its value (or to noise) below ~1e-16. The
    reference subtracts in 320 digits, enough for distances down to 1e-300."""
    mp.mp.dps = 320
    x = np.random.default_rng(0).standard_normal(8)
    k = 3
    hard = T.hard_topk(x, k)
    taus = np.array([0.002, 0.004, 0.008, 0.016, 0.05, 0.3])
    ours = T.error_to_hard(x, k, taus, method)
    for tau, value in zip(taus, ours):
        outputs = _mp_outputs(x, k, tau, method)
        reference = float(mp.fsum(abs(y - int(h)) for y, h in zip(outputs, hard)))
        assert value == pytest.approx(reference, rel=1e-8, abs=1e-300), (method, tau)


@pytest.mark.parametrize("method", ["grad", "sigmoid", "laplace", "exp", "clip"])
@pytest.mark.parametrize("k", [1, 3, 11, 12])
def test_a_jacobian_block_is_the_full_jacobians_block(method, k):
    """entries= computes only the rows the tab shows (GradTopK's full Jacobian is O(n²k)); the block must be the
    full Jacobian's, whose own correctness is checked against finite differences above."""
    rng = np.random.default_rng(k)
    x = rng.standard_normal(12)
    entries = rng.permutation(12)[:5]
    full = T.topk_jacobian(x, k, 0.6, method)
    block = T.topk_jacobian(x, k, 0.6, method, entries=entries)
    np.testing.assert_allclose(block, full[np.ix_(entries, entries)], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("entries", [[], [0, 0], [-1], [12], [1.5], [[0, 1]]])
def test_a_jacobian_block_refuses_bad_entries(entries):
    with pytest.raises(ValueError, match="entries"):
        T.topk_jacobian(np.arange(12.0), 3, 1.0, "grad", entries=entries)


@pytest.mark.parametrize("method", ["sigmoid", "laplace"])
def test_threshold_jacobian_keeps_its_entries_when_the_slopes_are_tiny(method):
    """At [3, 1, 0], k = 2, τ = 0.001 the slopes w are about e^{−500} ≈ 7e-218: w·wᵀ underflowed to 0, and the
    Jacobian lost its off-diagonal entries (its rows no longer summed to 0). Reference: the same closed form,
    diag(w) − w wᵀ/Σw over τ, in 400 digits with λ found by bisection."""
    x, k, tau = [3.0, 1.0, 0.0], 2, 0.001
    with mp.workdps(400):
        xs, t = [mp.mpf(v) for v in x], mp.mpf(tau)
        lo, hi = mp.mpf(-10), mp.mpf(10)
        for _ in range(1400):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if mp.fsum(mp_profile(method, (v - mid) / t) for v in xs) > k else (lo, mid)
        z = [(v - lo) / t for v in xs]
        w = [mp_profile(method, s) * mp_profile(method, -s) if method == "sigmoid" else mp.exp(-abs(s)) / 2 for s in z]
        total = mp.fsum(w)
        reference = np.array([[float(((w[i] if i == j else 0) - w[i] * w[j] / total) / t) for j in range(3)]
                              for i in range(3)])
    assert reference[1, 2] < 0  # the entries that vanished
    np.testing.assert_allclose(T.topk_jacobian(x, k, tau, method), reference, rtol=1e-9, atol=0)
