"""Grids for drawing: the noised log-density image and the score arrows."""

from __future__ import annotations

import math

import numpy as np

from .mixture import GaussianMixture


def grid_points(extent, res: int) -> np.ndarray:
    """Pixel centres of a res x res grid over extent = (xmin, xmax, ymin, ymax), shape (res*res, 2).

    Row-major: point index = iy * res + ix, y increasing with the row, so reshaping a per-point
    value to (res, res) gives an image indexed [iy, ix] that fills exactly the rectangle `extent`.
    """
    try:
        xmin, xmax, ymin, ymax = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise ValueError(f"extent must be (xmin, xmax, ymin, ymax), got {extent!r}") from None
    if not all(math.isfinite(v) for v in (xmin, xmax, ymin, ymax)) or xmin >= xmax or ymin >= ymax:
        raise ValueError(f"extent must be finite with xmin < xmax and ymin < ymax, got {extent!r}")
    if not isinstance(res, (int, np.integer)) or not 2 <= res <= 4096:
        raise ValueError(f"res must be an integer in [2, 4096], got {res!r}")
    centres = (np.arange(res) + 0.5) / res
    gx, gy = np.meshgrid(xmin + centres * (xmax - xmin), ymin + centres * (ymax - ymin))
    return np.stack((gx.ravel(), gy.ravel()), axis=1)


def noised_density_grid(mixture: GaussianMixture, sigma: float, extent, res: int) -> np.ndarray:
    """log p_sigma on the grid, shape (res, res), indexed [iy, ix] (see grid_points)."""
    return mixture.log_prob(grid_points(extent, res), sigma).reshape(res, res)


def score_field(mixture: GaussianMixture, sigma: float, extent, res: int):
    """(points, scores), both (res*res, 2): grad log p_sigma at the grid_points, unnormalised."""
    points = grid_points(extent, res)
    return points, mixture.score(points, sigma)
