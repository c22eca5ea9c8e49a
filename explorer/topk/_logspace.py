"""Fast, stable cumulative log-sum-exp (np.logaddexp.accumulate is ~10x slower)."""

import numpy as np

# Partial sums scaled by the row maximum stay accurate while they are above ~e^-650;
# below that they approach the subnormal range, so such rows are recomputed exactly.
_SAFE_LOG = -650.0


def log_cumsum_exp(a):
    """log Σ_{s≤t} exp(a_s) along the last axis; only non-negative terms are ever added."""
    top = a.max(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log(np.cumsum(np.exp(a - top), axis=-1)) + top
    redo = ~(out - top >= _SAFE_LOG).all(axis=-1)
    if redo.any():
        out[redo] = np.logaddexp.accumulate(a[redo], axis=-1)
    return out
