"""The exact top-k multi-hot mask."""

import numpy as np

from . import _validate


def hard_mask(v, k):
    """Top-k mask of a validated array over its last axis; ties go to the lower index."""
    n = v.shape[-1]
    kth = np.partition(v, n - k, axis=-1)[..., n - k : n - k + 1]
    at_least = v >= kth
    if (at_least.sum(axis=-1) == k).all():
        return at_least.astype(np.float64)  # no tie straddles the k-th place (the common case)
    above = v > kth
    tied = v == kth
    # Fill the remaining slots with the earliest tied entries so exactly k ones come out.
    need = k - above.sum(axis=-1, keepdims=True)
    return (above | (tied & (np.cumsum(tied, axis=-1) <= need))).astype(np.float64)


def hard_topk(x, k):
    """Multi-hot mask of the k largest entries of x (last axis).

    Ties at the k-th value are broken deterministically: the lower index wins,
    so the mask always has exactly k ones. ``hard_topk([3, 2, 1, 4], 2) == [1, 0, 0, 1]``.
    """
    v = _validate.scores(x)
    return hard_mask(v, _validate.k_value(k, v.shape[-1]))
