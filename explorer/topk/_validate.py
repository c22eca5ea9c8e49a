"""Input checks shared by the top-k functions; every failure is a ValueError saying what is wrong."""

import numbers

import numpy as np


def scores(x, name="x"):
    """Return x as a finite float64 array with a non-empty last axis."""
    if isinstance(x, (str, bytes)):
        raise ValueError(f"{name} must be numeric, got a string")
    try:
        a = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a numeric array: {exc}") from None
    if a.ndim == 0:
        raise ValueError(f"{name} must have at least one axis (scores along the last axis), got a scalar")
    if a.size == 0:
        raise ValueError(f"{name} is empty (shape {a.shape})")
    if np.isnan(a).any():
        raise ValueError(f"{name} contains NaN")
    if np.isinf(a).any():
        raise ValueError(f"{name} contains ±inf; scores must be finite")
    return a


def vector(x, name="x"):
    """Like scores() but insists on a single 1-D vector."""
    a = scores(x, name)
    if a.ndim != 1:
        raise ValueError(f"{name} must be 1-D here, got shape {a.shape}")
    return a


def k_value(k, n):
    """k must be an integer with 1 <= k <= n."""
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral):
        raise ValueError(f"k must be an integer, got {k!r}")
    if not 1 <= k <= n:
        raise ValueError(f"k must satisfy 1 <= k <= n = {n}, got k = {k}")
    return int(k)


def positive(value, name):
    """A finite real number > 0 (used for tau and eps)."""
    if isinstance(value, (bool, np.bool_, str, bytes)) or not isinstance(value, (numbers.Real, np.ndarray)):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    if np.ndim(value) != 0:
        raise ValueError(f"{name} must be a scalar, got shape {np.shape(value)}")
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(f"{name} must be finite, got {v}")
    if v <= 0:
        raise ValueError(f"{name} must be > 0, got {v}")
    return v


def count(value, name, minimum=1):
    """An integer >= minimum (iterations, samples, steps)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def taus(values):
    """A non-empty 1-D array of finite temperatures > 0."""
    t = scores(values, "taus")
    if t.ndim != 1:
        raise ValueError(f"taus must be 1-D, got shape {t.shape}")
    if (t <= 0).any():
        raise ValueError(f"taus must all be > 0, got minimum {t.min()}")
    return t


def indices(values, n, name="entries"):
    """Distinct integer positions in 0..n-1, as an int array (order kept)."""
    array = np.asarray(values)
    if array.ndim != 1 or array.size == 0 or not np.issubdtype(array.dtype, np.integer):
        raise ValueError(f"{name} must be a non-empty list of integer positions, got {values!r}")
    if array.min() < 0 or array.max() >= n or len(np.unique(array)) != array.size:
        raise ValueError(f"{name} must be distinct positions between 0 and {n - 1}, got {values!r}")
    return array.astype(np.intp)


def choice(value, allowed, name="method"):
    """value must be one of allowed."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; expected one of {', '.join(allowed)}")
    return value


def scaled(x, tau):
    """x / tau, refusing overflow (a tiny tau can push finite scores to inf)."""
    with np.errstate(over="ignore"):
        v = x / tau
    if not np.isfinite(v).all():
        raise ValueError(f"x / tau overflows float64 (tau = {tau}); use a larger tau")
    return v


def scaled_grid(x, t):
    """x / τ for every τ in t: array (len(t), n), refusing overflow."""
    with np.errstate(over="ignore"):
        v = x[None, :] / t[:, None]
    if not np.isfinite(v).all():
        raise ValueError(f"x / tau overflows float64 for tau = {t.min()}; use larger taus")
    return v
