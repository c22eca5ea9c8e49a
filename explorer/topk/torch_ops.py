"""Differentiable torch versions of GradTopK, the sigmoid threshold and the Laplace threshold.

soft_topk(x, k, tau, method) acts on the last dim of a floating tensor and matches the numpy
soft_topk.  'grad' is the log-space DP written in torch ops, differentiated by autograd
(O(nk)).  The threshold methods solve for the threshold ν once, in float64 numpy
(no gradient flows through the solver), and backpropagate by the implicit function theorem:
for y = f(v − ν(v)),  ∂y/∂v = diag(w) − w wᵀ / Σw with w = f'(v − ν).
"""

import torch
import torch.nn.functional as F

from . import _validate, threshold

TORCH_METHODS = ("grad", "sigmoid", "laplace")


def _prefix_log_esp(v, kmax):
    """Torch twin of grad.prefix_log_esp (only valid prefix lengths stored, so no −inf)."""
    n = v.shape[-1]
    cols = [v.new_zeros(v.shape[:-1] + (n + 1,))]
    for j in range(1, kmax + 1):
        cols.append(torch.logcumsumexp(v[..., j - 1 :] + cols[-1][..., : n - j + 1], dim=-1))
    return cols


def _log_esp_without_each(v, m, pre):
    """Torch twin of grad._log_esp_without_each: bands padded with −inf, merged by logsumexp."""
    n = v.shape[-1]
    suf = _prefix_log_esp(v.flip(-1), m)
    width = n - m
    bands = [
        F.pad(pre[j][..., :width] + suf[m - j][..., :width].flip(-1), (j, m - j), value=-float("inf"))
        for j in range(m + 1)
    ]
    return torch.logsumexp(torch.stack(bands), dim=0)


def _grad_topk(v, k):
    """Same formulas as grad.grad_topk (complement for k > n/2), differentiated by autograd."""
    n = v.shape[-1]
    if k == n:
        return torch.ones_like(v) + 0 * v  # keeps the graph: the Jacobian is exactly zero
    if 2 * k <= n:
        pre = _prefix_log_esp(v, k)
        log_p = v + _log_esp_without_each(v, k - 1, pre) - pre[k][..., -1:]
    else:
        pre = _prefix_log_esp(-v, n - k)
        log_p = _log_esp_without_each(-v, n - k, pre) - pre[n - k][..., -1:]
    return torch.exp(log_p).clamp(max=1.0)


def _profile(method, z):
    if method == "sigmoid":
        return torch.sigmoid(z)
    half_tail = 0.5 * torch.exp(-z.abs())
    return torch.where(z >= 0, 1.0 - half_tail, half_tail)


def _profile_slope(method, z):
    if method == "sigmoid":
        return torch.sigmoid(z) * torch.sigmoid(-z)
    return 0.5 * torch.exp(-z.abs())


class _Threshold(torch.autograd.Function):
    """y = f(v − ν(v)) with ν from the numpy solver; backward by the implicit function theorem."""

    @staticmethod
    def forward(ctx, v, k, method):
        nu = threshold.solve(v.detach().cpu().double().numpy(), k, method)
        z = v - torch.as_tensor(nu, dtype=v.dtype, device=v.device).unsqueeze(-1)
        ctx.save_for_backward(z)
        ctx.method = method
        return _profile(method, z)

    @staticmethod
    def backward(ctx, grad_out):
        (z,) = ctx.saved_tensors
        w = _profile_slope(ctx.method, z)
        # Σw = 0 only when every output is saturated (e.g. k = n); then the Jacobian is 0.
        total = w.sum(-1, keepdim=True).clamp_min(torch.finfo(w.dtype).tiny)
        return w * grad_out - w * (w * grad_out).sum(-1, keepdim=True) / total, None, None


def soft_topk(x, k, tau=1.0, method="sigmoid"):
    """ST_k(x / τ) over the last dim of a floating tensor; method in TORCH_METHODS."""
    if not isinstance(x, torch.Tensor) or not x.is_floating_point():
        raise ValueError("x must be a floating-point torch tensor")
    if x.dim() == 0 or x.numel() == 0:
        raise ValueError(f"x must be non-empty with at least one dim, got shape {tuple(x.shape)}")
    if torch.isnan(x).any():
        raise ValueError("x contains NaN")
    if torch.isinf(x).any():
        raise ValueError("x contains ±inf; scores must be finite")
    k = _validate.k_value(k, x.shape[-1])
    tau = _validate.positive(tau, "tau")
    _validate.choice(method, TORCH_METHODS)
    v = x / tau
    if not torch.isfinite(v).all():
        raise ValueError(f"x / tau overflows (tau = {tau}); use a larger tau")
    if method == "grad":
        return _grad_topk(v, k)
    return _Threshold.apply(v, k, method)
