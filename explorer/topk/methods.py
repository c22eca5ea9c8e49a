"""The soft top-k method registry: names, labels, options, claimed properties, dispatch."""

import numpy as np

from . import _validate, grad, peers, threshold

METHODS = ("grad", "grad_recursive", "sigmoid", "exp", "laplace", "clip", "iterative", "weighted", "sinkhorn", "gumbel")

METHOD_LABELS = {
    "grad": "GradTopK (∇ log Z_k, log-space DP)",
    "grad_recursive": "GradTopK, post's recursion (unstable)",
    "sigmoid": "Threshold, sigmoid (Newton root)",
    "exp": "Threshold, min(1, eˣ) (closed form)",
    "laplace": "Threshold, 二者兼之 / Laplace CDF (closed form)",
    "clip": "Projection onto capped simplex",
    "iterative": "Successive softmax (iterative soft-k-max)",
    "weighted": "Capacity-weighted softmax (Stack Exchange)",
    "sinkhorn": "Sinkhorn OT to {top, rest}",
    "gumbel": "Perturbed top-k (Gumbel noise)",
}

# Options each method accepts, with defaults.  sinkhorn's eps is in units of x / τ:
# eps = 2 coincides with the sigmoid method at the same τ (raw scores: ε = 2τ).
METHOD_OPTIONS = {
    "sinkhorn": {"eps": 2.0, "iterations": 200},
    "gumbel": {"seed": 0, "samples": 1000},
}

JACOBIAN_METHODS = ("grad", "sigmoid", "exp", "laplace", "clip")

# Su's three requirements, as they hold in float64 for each implementation:
#   range: outputs in [0, 1];  sum: Σ = k;  order: x_i > x_j ⇒ y_i > y_j.
# "weak" = ties allowed (saturation at 0/1); "approx" = only at convergence / in expectation;
# "no" = a counterexample is in PRESETS.
PROPERTIES = {
    "grad": {"range": "yes", "sum": "yes", "order": "strict"},
    "grad_recursive": {"range": "no", "sum": "no", "order": "no"},
    "sigmoid": {"range": "yes", "sum": "yes", "order": "strict"},
    "exp": {"range": "yes", "sum": "yes", "order": "weak"},
    "laplace": {"range": "yes", "sum": "yes", "order": "strict"},
    "clip": {"range": "yes", "sum": "yes", "order": "weak"},
    "iterative": {"range": "no", "sum": "yes", "order": "strict"},
    "weighted": {"range": "no", "sum": "yes", "order": "no"},
    "sinkhorn": {"range": "yes", "sum": "approx", "order": "strict"},
    "gumbel": {"range": "yes", "sum": "yes", "order": "approx"},
}


def check_options(method, options):
    """Validated options of `method` with defaults filled in."""
    allowed = METHOD_OPTIONS.get(method, {})
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        accepted = ", ".join(allowed) if allowed else "none"
        raise ValueError(f"unknown option(s) {', '.join(unknown)} for method {method!r}; accepted: {accepted}")
    merged = {**allowed, **options}
    if method == "sinkhorn":
        merged["eps"] = _validate.positive(merged["eps"], "eps")
        merged["iterations"] = _validate.count(merged["iterations"], "iterations")
    if method == "gumbel":
        merged["samples"] = _validate.count(merged["samples"], "samples")
        if merged["seed"] is not None:
            merged["seed"] = _validate.count(merged["seed"], "seed", minimum=0)
    return merged


def scaled_topk(v, k, method, options):
    """ST_k(v) for validated scaled scores v = x / τ and checked options."""
    if method == "grad":
        return grad.grad_topk(v, k)
    if method == "grad_recursive":
        return grad.grad_recursive(v, k)
    if method in threshold.THRESHOLD_METHODS:
        return threshold.threshold_topk(v, k, method)
    if method == "iterative":
        return peers.iterative(v, k)
    if method == "weighted":
        return peers.weighted(v, k)
    if method == "sinkhorn":
        return peers.sinkhorn(v, k, options["eps"], options["iterations"])
    return peers.gumbel(v, k, options["seed"], options["samples"])


def prepare(x, k, tau, method, options):
    """Validate everything; return (v = x / τ, k, options)."""
    x = _validate.scores(x)
    k = _validate.k_value(k, x.shape[-1])
    tau = _validate.positive(tau, "tau")
    _validate.choice(method, METHODS)
    return _validate.scaled(x, tau), k, check_options(method, options)


def soft_topk(x, k, tau=1.0, method="sigmoid", **options):
    """Smooth top-k ST_k(x / τ) over the last axis of x (any batch shape), float64.

    method is one of METHODS; options: sinkhorn(eps, iterations), gumbel(seed, samples).
    """
    v, k, options = prepare(x, k, tau, method, options)
    return scaled_topk(v, k, method, options)


def topk_jacobian(x, k, tau=1.0, method="sigmoid", entries=None):
    """Exact n×n Jacobian d soft_topk(x, k, τ) / dx for a 1-D x; with ``entries`` (indices) only the block
    J[entries][:, entries], at the cost of those rows (GradTopK's full Jacobian is O(n²k)).

    grad: covariance of the inclusion indicators / τ; threshold methods (sigmoid, exp,
    laplace, clip): (diag(w) − w wᵀ / Σw) / τ with w = f'((x − λ)/τ).
    """
    x = _validate.vector(x)
    k = _validate.k_value(k, x.shape[0])
    tau = _validate.positive(tau, "tau")
    _validate.choice(method, METHODS)
    if method not in JACOBIAN_METHODS:
        raise ValueError(f"no exact Jacobian for method {method!r}; supported: {', '.join(JACOBIAN_METHODS)}")
    rows = np.arange(x.shape[0]) if entries is None else _validate.indices(entries, x.shape[0])
    v = _validate.scaled(x, tau)
    if method == "grad":
        return grad.grad_jacobian(v, k, rows) / tau
    return threshold.threshold_jacobian(v, k, method, rows) / tau
