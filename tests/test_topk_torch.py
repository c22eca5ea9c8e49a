"""Torch top-k ops: forward values against enumeration/closed forms, gradients by gradcheck."""

import itertools
import math

import numpy as np
import pytest
import torch

import explorer.topk as T
from explorer.topk import torch_ops

torch.set_num_threads(1)


def enumerate_grad(x, k):
    """P(i ∈ S), P(S) ∝ exp(Σ_S x), by enumerating subsets (float64, moderate x)."""
    x = np.asarray(x, float)
    subsets = list(itertools.combinations(range(x.size), k))
    logw = np.array([x[list(s)].sum() for s in subsets])
    w = np.exp(logw - logw.max())
    p = np.zeros(x.size)
    for weight, s in zip(w, subsets):
        p[list(s)] += weight
    return p / w.sum()


@pytest.mark.parametrize("method", torch_ops.TORCH_METHODS)
@pytest.mark.parametrize("k", [1, 2, 4, 5])
def test_gradcheck_float64(method, k):
    gen = torch.Generator().manual_seed(k)
    x = torch.randn(2, 5, dtype=torch.float64, generator=gen).requires_grad_()
    assert torch.autograd.gradcheck(lambda t: torch_ops.soft_topk(t, k, 0.7, method), (x,))


def test_forward_values():
    x = torch.tensor([3.0, 2.0, 1.0, 4.0], dtype=torch.float64)
    sig = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    np.testing.assert_allclose(torch_ops.soft_topk(x, 2, 1.0, "grad"), enumerate_grad(x.numpy(), 2), atol=1e-15)
    np.testing.assert_allclose(
        torch_ops.soft_topk(x, 2, 1.0, "sigmoid"), [sig(0.5), sig(-0.5), sig(-1.5), sig(1.5)], atol=1e-15
    )
    # Laplace profile: λ = 2.5 by symmetry, so entries are 1 − e^{−z}/2 or e^{z}/2 of z = x − 2.5.
    z = x.numpy() - 2.5
    np.testing.assert_allclose(
        torch_ops.soft_topk(x, 2, 1.0, "laplace"), np.where(z >= 0, 1 - np.exp(-z) / 2, np.exp(z) / 2), atol=1e-15
    )


@pytest.mark.parametrize("method", torch_ops.TORCH_METHODS)
def test_matches_numpy_on_batches(method):
    x = np.random.default_rng(0).normal(size=(3, 4, 7)) * 3
    got = torch_ops.soft_topk(torch.from_numpy(x), 3, 0.6, method).numpy()
    np.testing.assert_allclose(got, T.soft_topk(x, 3, 0.6, method), atol=1e-13)


@pytest.mark.parametrize("method", torch_ops.TORCH_METHODS)
def test_backward_is_the_exact_jacobian(method):
    x = np.array([0.3, -1.2, 2.0, 0.7, -0.4, 1.1])
    t = torch.tensor(x, requires_grad=True)
    jac = torch.autograd.functional.jacobian(lambda s: torch_ops.soft_topk(s, 2, 0.8, method), t).numpy()
    np.testing.assert_allclose(jac, T.topk_jacobian(x, 2, 0.8, method), atol=1e-13)


@pytest.mark.parametrize("method", torch_ops.TORCH_METHODS)
@pytest.mark.parametrize("seed", [0, 1])
def test_huge_spreads_give_finite_values_and_gradients(method, seed):
    x = np.random.default_rng(seed).standard_normal(40) * 30
    t = torch.tensor(x, requires_grad=True)
    y = torch_ops.soft_topk(t, 7, 1.0, method)
    weights = torch.linspace(-1, 1, 40, dtype=torch.float64)
    (y * weights).sum().backward()
    assert torch.isfinite(y).all() and torch.isfinite(t.grad).all()
    assert y.sum().item() == pytest.approx(7, abs=1e-9)
    expect = T.topk_jacobian(x, 7, 1.0, method).T @ weights.numpy()
    np.testing.assert_allclose(t.grad.numpy(), expect, atol=1e-10)


@pytest.mark.parametrize("method", torch_ops.TORCH_METHODS)
def test_k_equals_n_and_two_far_apart_entries(method):
    t = torch.tensor([0.0, 50.0], dtype=torch.float64, requires_grad=True)
    y = torch_ops.soft_topk(t, 2, 1.0, method)
    y.sum().backward()
    np.testing.assert_allclose(y.detach(), [1.0, 1.0], atol=1e-15)
    np.testing.assert_allclose(t.grad, [0.0, 0.0], atol=1e-15)


def test_float32_is_kept():
    y = torch_ops.soft_topk(torch.randn(3, 6), 2, 1.0, "sigmoid")
    assert y.dtype == torch.float32 and abs(y.sum().item() - 6) < 1e-5


@pytest.mark.parametrize(
    "args, message",
    [
        ((torch.tensor([1.0, float("nan")]), 1), "NaN"),
        ((torch.tensor([1.0, float("inf")]), 1), "finite"),
        ((torch.tensor([1, 2]), 1), "floating-point"),
        ((np.array([1.0, 2.0]), 1), "torch tensor"),
        ((torch.tensor([1.0, 2.0]), 3), "1 <= k <= n"),
        ((torch.tensor([1.0, 2.0]), 1, 0.0), "tau must be > 0"),
        ((torch.tensor([1.0, 2.0]), 1, 1.0, "exp"), "unknown method"),
        ((torch.zeros(0), 1), "non-empty"),
    ],
)
def test_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        torch_ops.soft_topk(*args)
