"""Sample-quality metrics for 2-D point sets against each other or against the true mixture."""

from __future__ import annotations

import numpy as np

from .mixture import GaussianMixture, check_points


def _pair(x, y):
    x, y = check_points(x), check_points(y)
    if x.shape[0] == 0 or y.shape[0] == 0:
        raise ValueError("point sets must be non-empty")
    return x, y


def sliced_wasserstein(x, y, projections: int = 64) -> float:
    """Sliced 2-Wasserstein distance between two equal-size point sets.

    The directions are `projections` evenly spaced angles in [0, pi): fixed, so the value is
    deterministic and comparable between runs (no random projections adding their own noise).
    """
    x, y = _pair(x, y)
    if x.shape != y.shape:
        raise ValueError(f"sliced_wasserstein needs equal-size sets, got {x.shape[0]} and {y.shape[0]}")
    if not isinstance(projections, (int, np.integer)) or projections < 1:
        raise ValueError(f"projections must be a positive integer, got {projections!r}")
    angles = np.pi * np.arange(projections) / projections
    dirs = np.stack((np.cos(angles), np.sin(angles)))
    # In 1-D the optimal coupling matches sorted values.
    px, py = np.sort(x @ dirs, axis=0), np.sort(y @ dirs, axis=0)
    return float(np.sqrt(np.mean((px - py) ** 2)))


def _mean_distance(a, b, chunk=1024):
    total = 0.0
    for start in range(0, a.shape[0], chunk):
        diff = a[start : start + chunk, None, :] - b[None, :, :]
        total += np.sqrt((diff * diff).sum(axis=2)).sum()
    return total / (a.shape[0] * b.shape[0])


def energy_distance(x, y, max_points: int = 2000) -> float:
    """Squared energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| between the empirical measures.

    Uses the first `max_points` of each set (the cost is quadratic); as a V-statistic it is >= 0
    and is 0 exactly when the two sets are the same multiset.
    """
    x, y = _pair(x, y)
    if not isinstance(max_points, (int, np.integer)) or max_points < 1:
        raise ValueError(f"max_points must be a positive integer, got {max_points!r}")
    x, y = x[:max_points], y[:max_points]
    value = 2.0 * _mean_distance(x, y) - _mean_distance(x, x) - _mean_distance(y, y)
    return float(max(value, 0.0))


def nll(mixture: GaussianMixture, x, sigma: float = 0.0) -> float:
    """Mean negative log-likelihood of the points under the true mixture (noised to sigma)."""
    return float(-np.mean(mixture.log_prob(x, sigma)))


def mode_coverage(mixture: GaussianMixture, x, sigma: float = 0.0, radius_sq: float = 13.8, min_share: float = 0.1):
    """Fraction of mixture components ("modes") that the samples hit.

    A sample hits component k when k is its most responsible component and it lies within squared
    Mahalanobis distance `radius_sq` of it (13.8 = 99.9% of a 2-D Gaussian). A component counts as
    covered once it has at least `min_share` of the hits it would get from exact samples
    (min_share * n * w_k). For point masses pass sigma > 0 (a tolerance width).
    """
    x = check_points(x)
    if not 0.0 < min_share <= 1.0:
        raise ValueError(f"min_share must be in (0, 1], got {min_share!r}")
    owner = np.argmax(mixture.responsibilities(x, sigma), axis=1)
    dist_sq = mixture.mahalanobis_sq(x, sigma)[np.arange(x.shape[0]), owner]
    hits = np.bincount(owner[dist_sq <= radius_sq], minlength=len(mixture))
    return float(np.mean(hits >= np.maximum(min_share * x.shape[0] * mixture.weights, 1.0)))


def per_sample_error(x, x_ref) -> np.ndarray:
    """Euclidean distance of each sample to its reference (same x_T, fine solve), shape (n,)."""
    x, x_ref = _pair(x, x_ref)
    if x.shape != x_ref.shape:
        raise ValueError(f"shapes differ: {x.shape} vs {x_ref.shape}")
    return np.linalg.norm(x - x_ref, axis=1)
