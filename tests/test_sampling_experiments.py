"""Headless experiments: quality versus NFE, the skip grid, denoiser error per sigma."""

import numpy as np
import pytest

from explorer.sampling import (
    denoiser_error_by_sigma,
    preset,
    quality_vs_steps,
    skip_grid,
    sliced_wasserstein,
)

RING = preset("ring8")


def shrunk(mix):
    """A fake 'skip-tuned' denoiser family: D_r = mean + r (D - mean)."""
    return lambda r: lambda x, s: mix.mean + r * (mix.denoise(x, s) - mix.mean)


def test_quality_vs_steps_exact_denoiser():
    calls = []
    q = quality_vs_steps(
        RING.denoise, RING, [1, 4, 32], ("euler", "heun"), n=1000, progress=lambda d, t: calls.append((d, t))
    )
    assert q.complete and calls == [(i, 6) for i in range(1, 7)]
    np.testing.assert_array_equal(q.nfe["euler"], [1, 4, 32])
    np.testing.assert_array_equal(q.nfe["heun"], [1, 7, 63])
    # The floor is what independent exact sample sets reach against each other.
    pairs = [sliced_wasserstein(RING.sample(1000, 100 + i), RING.sample(1000, 200 + i)) for i in range(8)]
    assert 0.6 < q.floor / np.mean(pairs) < 1.6
    # One step lands every sample on D(x_T, 80) ~ the mean: far from the ring.
    assert q.values["euler"][0] > 5 * q.floor
    assert q.values["euler"][2] < 2 * q.floor and q.values["heun"][2] < 2 * q.floor


def test_reference_error_shrinks_with_steps():
    q = quality_vs_steps(RING.denoise, RING, [4, 16, 64], ("heun",), metric="reference_error", n=300)
    v = q.values["heun"]
    assert q.floor == 0.0 and v[0] > v[1] > v[2] and v[2] < 0.01


def test_quality_vs_steps_cancels():
    polls = iter([False, False, True])
    q = quality_vs_steps(RING.denoise, RING, [2, 4], ("euler", "heun"), n=200, should_stop=lambda: next(polls))
    assert not q.complete
    assert np.isfinite(q.values["euler"]).all() and np.isnan(q.values["heun"]).all()


def test_skip_grid_rows_and_cancel():
    make = shrunk(RING)
    grid = skip_grid([1.0, 0.5], [2, 8], make, RING, n=500)
    curve = quality_vs_steps(RING.denoise, RING, [2, 8], ("euler",), n=500)
    # rho = 1 is the untouched denoiser: same x_T, same truth, same numbers.
    np.testing.assert_allclose(grid.values[0], curve.values["euler"], rtol=1e-12)
    assert grid.floor == curve.floor and grid.complete
    np.testing.assert_array_equal(grid.nfe, [2, 8])
    # Halving the spread of every prediction must hurt at 8 steps.
    assert grid.values[1, 1] > grid.values[0, 1]
    polls = iter([False, True])
    partial = skip_grid([1.0, 0.5], [2, 8], make, RING, n=200, should_stop=lambda: next(polls))
    assert not partial.complete and np.isnan(partial.values).sum() == 3


def test_skip_grid_runs_ddim_with_its_eta():
    # The rho = 1 row is the plain sampler, so it must match quality_vs_steps' DDIM at the same eta, and eta = 0.5
    # must differ from eta = 0 (which is Euler exactly).
    make = shrunk(RING)
    curve = quality_vs_steps(RING.denoise, RING, [4], ("ddim", "euler"), n=300, eta=0.5)
    grid = skip_grid([1.0], [4], make, RING, n=300, solver="ddim", eta=0.5)
    np.testing.assert_allclose(grid.values[0], curve.values["ddim"], rtol=1e-12)
    assert not np.allclose(grid.values[0], curve.values["euler"])


def test_denoiser_error_by_sigma_closed_form():
    point = preset("point_mass")
    sig = np.geomspace(0.01, 50, 6)
    # A point mass has D = mu at every x and sigma, so D_r = r D misses by |r - 1| |mu|.
    make = lambda r: lambda x, s: r * point.denoise(x, s)  # noqa: E731
    err = denoiser_error_by_sigma(0.8, sig, make, point, n=100)
    np.testing.assert_allclose(err, 0.2 * np.linalg.norm(point.means[0]), rtol=1e-12)
    np.testing.assert_allclose(denoiser_error_by_sigma(1.0, sig, shrunk(RING), RING, n=100), 0.0, atol=1e-14)


def test_bad_experiment_input():
    with pytest.raises(ValueError, match="steps_list"):
        quality_vs_steps(RING.denoise, RING, [0, 4])
    with pytest.raises(ValueError, match="unknown metric"):
        quality_vs_steps(RING.denoise, RING, [4], metric="fid")
    with pytest.raises(ValueError, match="unknown solvers"):
        quality_vs_steps(RING.denoise, RING, [4], ("rk45",))
    with pytest.raises(ValueError, match="rhos"):
        skip_grid([], [4], shrunk(RING), RING)
    with pytest.raises(ValueError, match="sigmas"):
        denoiser_error_by_sigma(1.0, [0.0, 1.0], shrunk(RING), RING)
