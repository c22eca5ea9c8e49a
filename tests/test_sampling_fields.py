"""Density image and score arrows for the view."""

import numpy as np
import pytest

from explorer.sampling import GaussianMixture, noised_density_grid, preset, score_field


def test_density_grid_is_log_prob_at_pixel_centres_row_major():
    mix = GaussianMixture([1.0], [[1.0, -0.5]], [0.2 * np.eye(2)])
    extent, res = (-2.0, 2.0, -1.0, 3.0), 40
    img = noised_density_grid(mix, 0.3, extent, res)
    assert img.shape == (res, res)
    iy, ix = 7, 31
    centre = np.array([[-2.0 + (ix + 0.5) * 4.0 / res, -1.0 + (iy + 0.5) * 4.0 / res]])
    var = 0.2 + 0.3**2
    expected = -np.log(2 * np.pi * var) - ((centre - [1.0, -0.5]) ** 2).sum() / (2 * var)
    assert img[iy, ix] == pytest.approx(expected, rel=1e-12)
    # Peak at the mean: column for x = 1 (ix = 30), row for y = -0.5 (iy = 5).
    assert np.unravel_index(np.argmax(img), img.shape) in {(5, 30), (4, 30), (5, 29), (4, 29)}


def test_score_field_is_the_gradient_of_the_density_image():
    mix = preset("ring8")
    extent, res = (-3.0, 3.0, -3.0, 3.0), 301
    img = noised_density_grid(mix, 0.5, extent, res)
    h = 6.0 / res
    gy, gx = np.gradient(img, h)
    points, scores = score_field(mix, 0.5, extent, res)
    assert points.shape == scores.shape == (res * res, 2)
    inner = np.zeros((res, res), bool)
    inner[5:-5, 5:-5] = True
    fd = np.stack((gx[inner], gy[inner]), axis=1)
    np.testing.assert_allclose(scores[inner.ravel()], fd, atol=0.02 * np.abs(fd).max())


def test_bad_grid_arguments():
    mix = preset("ring8")
    with pytest.raises(ValueError, match="extent"):
        noised_density_grid(mix, 0.5, (1.0, -1.0, 0.0, 1.0), 10)
    with pytest.raises(ValueError, match="res"):
        score_field(mix, 0.5, (-1.0, 1.0, -1.0, 1.0), 1)
