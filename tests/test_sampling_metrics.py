"""Metrics against closed forms and brute force."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import cdist
from scipy.stats import multivariate_normal

from explorer.sampling import energy_distance, mode_coverage, nll, per_sample_error, preset, sliced_wasserstein


@settings(max_examples=30, deadline=None)
@given(st.floats(-3, 3), st.floats(-3, 3), st.integers(2, 64))
def test_sliced_wasserstein_of_a_shift(dx, dy, projections):
    # Shifting a set by v moves every projection by <theta, v>; averaged over evenly spaced angles
    # cos^2 averages to exactly 1/2, so SW = |v| / sqrt(2).
    x = np.random.default_rng(0).normal(size=(300, 2))
    sw = sliced_wasserstein(x, x + [dx, dy], projections)
    assert sw == pytest.approx(np.hypot(dx, dy) / np.sqrt(2), abs=1e-9)


def test_sliced_wasserstein_is_a_permutation_invariant_metric():
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(500, 2)), rng.normal(size=(500, 2)) + 0.3
    assert sliced_wasserstein(x, x[rng.permutation(500)]) == 0.0
    assert sliced_wasserstein(x, y) == pytest.approx(sliced_wasserstein(y, x))
    with pytest.raises(ValueError, match="equal-size"):
        sliced_wasserstein(x, y[:10])


def test_energy_distance_matches_brute_force():
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=(300, 2)), rng.normal(size=(200, 2)) * 1.5
    expected = 2 * cdist(x, y).mean() - cdist(x, x).mean() - cdist(y, y).mean()
    assert energy_distance(x, y) == pytest.approx(expected, rel=1e-12)
    assert energy_distance(x, x) == 0.0
    assert energy_distance(x, y, max_points=50) == pytest.approx(
        2 * cdist(x[:50], y[:50]).mean() - cdist(x[:50], x[:50]).mean() - cdist(y[:50], y[:50]).mean(), rel=1e-12
    )


def test_nll_matches_scipy():
    mix = preset("gaussian")
    x = np.random.default_rng(3).normal(size=(100, 2))
    expected = -multivariate_normal(mix.means[0], mix.covs[0]).logpdf(x).mean()
    assert nll(mix, x) == pytest.approx(expected, rel=1e-12)


def test_mode_coverage_counts_hit_modes():
    ring = preset("ring8")
    x = ring.sample(4000, seed=4)
    assert mode_coverage(ring, x) == 1.0
    # Samples from modes 0-3 only cover half of the modes.
    owner = np.argmin(((x[:, None, :] - ring.means[None]) ** 2).sum(axis=2), axis=1)
    assert mode_coverage(ring, x[owner < 4]) == 0.5
    # Points far from every mode hit nothing.
    assert mode_coverage(ring, np.zeros((100, 2))) == 0.0
    point = preset("point_mass")
    assert mode_coverage(point, np.repeat(point.means, 10, axis=0), sigma=0.01) == 1.0


def test_per_sample_error():
    x = np.array([[0.0, 0.0], [1.0, 1.0]])
    np.testing.assert_allclose(per_sample_error(x, x + [[3.0, 4.0], [0.0, 0.0]]), [5.0, 0.0])
    with pytest.raises(ValueError, match="shapes differ"):
        per_sample_error(x, x[:1])
