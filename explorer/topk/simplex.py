"""n = 3 pictures: the path of ST_k(x/τ) drawn in the plane Σy = const."""

import itertools
from typing import NamedTuple

import numpy as np

from . import _validate
from .hard import hard_mask
from .sweep import tau_sweep

# Orthonormal basis of the plane orthogonal to (1, 1, 1): e1 at the top, e2 bottom-left, e3 bottom-right.
_PLANE = np.array([[0.0, -1.0, 1.0], [2.0, -1.0, -1.0]]) / np.array([[np.sqrt(2.0)], [np.sqrt(6.0)]])


class SimplexPath(NamedTuple):
    points: np.ndarray  # (T, 3) ST_k(x/τ) for each τ
    xy: np.ndarray  # (T, 2) the points in planar coordinates
    polygon: np.ndarray  # (V, 2) capped simplex {0 ≤ y ≤ 1, Σy = k}: its vertices are the k-hot vectors
    simplex: np.ndarray  # (3, 2) uncapped simplex {y ≥ 0, Σy = k}: vertices k·e_i
    hard_xy: np.ndarray  # (2,) the hard top-k mask


def triangle_xy(points):
    """Project (..., 3) points to (..., 2) planar coordinates (distance-preserving within Σy = const)."""
    p = _validate.scores(points, "points")
    if p.shape[-1] != 3:
        raise ValueError(f"points must have 3 coordinates on the last axis, got {p.shape[-1]}")
    return p @ _PLANE.T


def simplex_path(x3, k, taus, method="sigmoid", **options):
    """Path of ST_k(x3/τ) over taus for a 3-vector, plus the polygons to draw it in."""
    x = _validate.vector(x3, "x3")
    if x.shape[0] != 3:
        raise ValueError(f"x3 must have exactly 3 entries, got {x.shape[0]}")
    points = tau_sweep(x, k, taus, method, **options)
    k_hot = np.array([[float(i in s) for i in range(3)] for s in itertools.combinations(range(3), k)])
    return SimplexPath(
        points=points,
        xy=triangle_xy(points),
        polygon=triangle_xy(k_hot),
        simplex=triangle_xy(k * np.eye(3)),
        hard_xy=triangle_xy(hard_mask(x, k)),
    )
