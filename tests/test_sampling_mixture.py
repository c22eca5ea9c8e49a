"""Exact mixture: density, score, ideal denoiser, sampling, presets, validation."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import multivariate_normal

from explorer.sampling import PRESETS, GaussianMixture, preset

GENERAL = GaussianMixture(
    [0.5, 0.3, 0.2],
    [[-1.0, 0.0], [1.0, 0.5], [0.0, -1.5]],
    [0.3 * np.eye(2), [[0.5, 0.2], [0.2, 0.3]], 0.2 * np.eye(2)],
)
coord = st.floats(-4.0, 4.0)
noise = st.floats(0.05, 5.0)


def reference_log_prob(mix, x, sigma):
    """Brute force with scipy: one multivariate normal per component, summed in linear space."""
    dens = sum(
        w * multivariate_normal(m, c + sigma**2 * np.eye(2)).pdf(x) for w, m, c in zip(mix.weights, mix.means, mix.covs)
    )
    return np.log(dens)


@pytest.mark.parametrize("sigma", [0.0, 0.1, 1.0, 10.0])
def test_log_prob_matches_scipy(sigma):
    x = np.random.default_rng(0).uniform(-3, 3, (50, 2))
    np.testing.assert_allclose(GENERAL.log_prob(x, sigma), reference_log_prob(GENERAL, x, sigma), rtol=1e-10)


AXIS_ALIGNED = GaussianMixture([0.7, 0.3], [[-1.0, 0.5], [2.0, -1.0]], [np.diag([0.3, 0.05]), np.diag([0.02, 0.8])])


@pytest.mark.parametrize("mix", [AXIS_ALIGNED, GENERAL, preset("two_moons")], ids=["diagonal", "general", "moons"])
@pytest.mark.parametrize("sigma", [0.0, 0.05, 1.0, 20.0])
def test_relative_density_grid_matches_scipy(mix, sigma):
    """Separable for diagonal covariances, pointwise otherwise: both against scipy's densities, scaled by their
    maximum over the grid, and laid out [iy, ix]."""
    xs, ys = np.linspace(-3.0, 3.5, 41), np.linspace(-2.5, 2.0, 37)
    gx, gy = np.meshgrid(xs, ys)
    dens = np.exp(reference_log_prob(mix, np.stack((gx.ravel(), gy.ravel()), axis=1), sigma)).reshape(gx.shape)
    np.testing.assert_allclose(mix.relative_density_grid(xs, ys, sigma), dens / dens.max(), rtol=1e-10, atol=1e-300)


@pytest.mark.parametrize("name", PRESETS)
def test_relative_density_grid_of_sharp_presets_keeps_its_peaks(name):
    """At σ = 0.002 a point mass or a narrow component is far sharper than the grid: the image must still peak at
    1 where log_prob says, and agree with it to rounding wherever the density is not negligible."""
    mix = preset(name)
    xs = ys = np.linspace(-3.0, 3.0, 112)
    gx, gy = np.meshgrid(xs, ys)
    log_p = mix.log_prob(np.stack((gx.ravel(), gy.ravel()), axis=1), 0.002).reshape(gx.shape)
    expected = np.exp(log_p - log_p.max())
    got = mix.relative_density_grid(xs, ys, 0.002)
    assert got.max() == 1.0
    assert got[np.unravel_index(expected.argmax(), expected.shape)] == pytest.approx(1.0, rel=1e-9)
    visible = expected > 1e-200
    np.testing.assert_allclose(got[visible], expected[visible], rtol=1e-8)
    assert np.all(got[~visible] < 1e-190)


@settings(max_examples=40, deadline=None)
@given(coord, coord, noise, st.sampled_from(["ring8", "two_moons", "checkerboard"]))
def test_tweedie_score_equals_finite_difference_of_log_prob(x, y, sigma, name):
    mix = preset(name)
    h = 1e-5
    point = np.array([[x, y]])
    steps = np.array([[h, 0.0], [0.0, h]])
    fd = np.array([(mix.log_prob(point + e, sigma) - mix.log_prob(point - e, sigma))[0] / (2 * h) for e in steps])
    score = mix.score(point, sigma)[0]
    np.testing.assert_allclose(score, fd, rtol=1e-5, atol=1e-5 * max(1.0, np.abs(fd).max()))
    # Tweedie: D = x + sigma^2 * score.
    np.testing.assert_allclose(mix.denoise(point, sigma)[0], point[0] + sigma**2 * fd, rtol=1e-6, atol=1e-6)


def test_denoiser_limits():
    x = np.random.default_rng(1).uniform(-3, 3, (100, 2))
    for name in ("ring8", "two_moons", "checkerboard", "gaussian"):
        mix = preset(name)
        np.testing.assert_allclose(mix.denoise(x, 1e6), np.broadcast_to(mix.mean, x.shape), atol=1e-6)
        np.testing.assert_allclose(mix.denoise(x, 1e-7), x, atol=1e-6)
    point = preset("point_mass")
    for sigma in (0.002, 1.0, 80.0):
        assert np.array_equal(point.denoise(x, sigma), np.broadcast_to(point.means[0], x.shape))


def test_single_gaussian_denoiser_closed_form():
    mix = preset("gaussian")
    s2 = mix.covs[0, 0, 0]
    x = np.random.default_rng(2).normal(size=(20, 2))
    for sigma in (0.01, 0.7, 30.0):
        expected = mix.means[0] + s2 / (s2 + sigma**2) * (x - mix.means[0])
        np.testing.assert_allclose(mix.denoise(x, sigma), expected, rtol=1e-13, atol=1e-14)


def test_responsibilities_do_not_underflow_at_small_sigma():
    mix = preset("point_mass")
    far = np.array([[50.0, -40.0], [1.0, 0.5]])
    assert np.all(np.isfinite(mix.denoise(far, 0.002)))
    ring = preset("ring8")
    # Far from every mode, all exp(logits) underflow; log-space normalisation still picks the
    # nearest mode (angle 0 -> mode at (2, 0)) and its Gaussian posterior mean.
    pts = np.array([[30.0, 0.0]])
    r = ring.responsibilities(pts, 0.002)
    assert np.all(np.isfinite(r)) and r[0, 0] == pytest.approx(1.0)
    shrink = 0.1**2 / (0.1**2 + 0.002**2)
    np.testing.assert_allclose(ring.denoise(pts, 0.002), [[2.0 + shrink * 28.0, 0.0]], rtol=1e-12)
    assert np.isfinite(ring.log_prob(pts, 0.002)).all()


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(coord, coord), min_size=1, max_size=6),
    st.lists(st.floats(0.1, 10.0), min_size=6, max_size=6),
    noise,
    coord,
    coord,
)
def test_point_masses_denoise_into_their_convex_hull(points, raw_weights, sigma, x, y):
    k = len(points)
    mix = GaussianMixture(raw_weights[:k], points, np.zeros((k, 2, 2)))
    d = mix.denoise(np.array([[x, y]]), sigma)[0]
    pts = np.array(points)
    # Convex combination: within the bounding box of the points.
    assert np.all(d >= pts.min(axis=0) - 1e-9) and np.all(d <= pts.max(axis=0) + 1e-9)


def test_preset_moments_closed_form():
    ring = preset("ring8")
    np.testing.assert_allclose(ring.mean, [0.0, 0.0], atol=1e-15)
    np.testing.assert_allclose(ring.covariance, (2.0**2 / 2 + 0.1**2) * np.eye(2), rtol=1e-12, atol=1e-14)
    board = preset("checkerboard")
    # Uniform on the 8 dark unit squares of a 4x4 board on [-2, 2]^2.
    np.testing.assert_allclose(board.covariance, [[4 / 3, 0.25], [0.25, 4 / 3]], rtol=1e-12)


@pytest.mark.parametrize("name", PRESETS)
def test_sample_moments_match_exact_moments(name):
    mix = preset(name)
    n = 40000
    x = mix.sample(n, seed=5)
    cov = mix.covariance
    se_mean = np.sqrt(np.diag(cov) / n)
    assert np.all(np.abs(x.mean(axis=0) - mix.mean) <= 5 * se_mean + 1e-12)
    np.testing.assert_allclose(np.cov(x.T), cov, atol=0.02 * np.trace(cov) + 1e-12)


def test_weights_are_normalised_and_inputs_validated():
    mix = GaussianMixture([2.0, 6.0], [[0, 0], [1, 1]], [np.eye(2), np.eye(2)])
    np.testing.assert_allclose(mix.weights, [0.25, 0.75])
    with pytest.raises(ValueError, match="positive"):
        GaussianMixture([1.0, -1.0], [[0, 0], [1, 1]], [np.eye(2), np.eye(2)])
    with pytest.raises(ValueError, match="symmetric"):
        GaussianMixture([1.0], [[0, 0]], [[[1.0, 0.5], [0.0, 1.0]]])
    with pytest.raises(ValueError, match="semi-definite"):
        GaussianMixture([1.0], [[0, 0]], [[[1.0, 2.0], [2.0, 1.0]]])
    with pytest.raises(ValueError, match="shape"):
        GaussianMixture([1.0], [[0, 0, 0]], [np.eye(2)])
    with pytest.raises(ValueError, match="shape"):
        GENERAL.denoise(np.zeros((3, 3)), 1.0)
    with pytest.raises(ValueError, match="sigma"):
        GENERAL.denoise(np.zeros((3, 2)), -1.0)
    with pytest.raises(ValueError, match="sigma > 0"):
        preset("point_mass").log_prob(np.zeros((1, 2)), 0.0)
    with pytest.raises(ValueError, match="unknown preset"):
        preset("spiral")
