"""Samplers against closed forms, a high-precision ODE reference and distributional facts."""

import numpy as np
import pytest
from scipy.integrate import solve_ivp

from explorer.sampling import SOLVERS, GaussianMixture, karras_sigmas, preset, prior_sample, sample

SMOOTH = GaussianMixture(
    [0.5, 0.3, 0.2],
    [[-1.0, 0.0], [1.0, 0.5], [0.0, -1.5]],
    [0.3 * np.eye(2), [[0.5, 0.2], [0.2, 0.3]], 0.2 * np.eye(2)],
)
SIGMA_MAX, SIGMA_MIN = 80.0, 0.002


def ode_reference(mix, x_T, sigma_end):
    """x(sigma_end) by DOP853 at tolerance 1e-12 on dx/dlog(sigma) = x - D(x, sigma)."""

    def rhs(t, y):
        x = y.reshape(-1, 2)
        return (x - mix.denoise(x, np.exp(t))).ravel()

    sol = solve_ivp(rhs, (np.log(SIGMA_MAX), np.log(sigma_end)), x_T.ravel(), method="DOP853", rtol=1e-12, atol=1e-12)
    return sol.y[:, -1].reshape(-1, 2)


def test_one_euler_step_from_sigma_max_returns_the_denoiser():
    mix = preset("ring8")
    x_T = prior_sample(50, SIGMA_MAX, seed=0)
    run = sample(mix.denoise, x_T, [SIGMA_MAX, 0.0], "euler")
    assert np.array_equal(run.samples, mix.denoise(x_T, SIGMA_MAX))
    assert run.nfe == 1 and run.path.shape == (2, 50, 2) and run.denoised.shape == (1, 50, 2)


@pytest.mark.parametrize("solver,expected", [("euler", 10), ("ddim", 10), ("ddpm", 10), ("heun", 19), ("dpmpp_2m", 10)])
def test_nfe_counts(solver, expected):
    calls = []

    def counting(x, sigma):
        calls.append(sigma)
        return np.zeros_like(x)

    run = sample(counting, np.ones((3, 2)), karras_sigmas(10), solver, seed=0, eta=0.5)
    assert run.nfe == expected == len(calls)
    assert 0.0 not in calls  # the denoiser is never asked about sigma = 0


@pytest.mark.parametrize("solver", ["euler", "heun", "dpmpp_2m", "ddim"])
def test_ode_solvers_are_deterministic(solver):
    mix = preset("two_moons")
    x_T = prior_sample(200, SIGMA_MAX, seed=1)
    a = sample(mix.denoise, x_T, karras_sigmas(12), solver, seed=1)
    b = sample(mix.denoise, x_T, karras_sigmas(12), solver, seed=2)
    assert np.array_equal(a.path, b.path)


def test_euler_equals_ddim_with_eta_zero_and_stochastic_runs_follow_the_seed():
    mix = preset("ring8")
    x_T = prior_sample(100, SIGMA_MAX, seed=2)
    sig = karras_sigmas(8)
    euler = sample(mix.denoise, x_T, sig, "euler").path
    np.testing.assert_allclose(sample(mix.denoise, x_T, sig, "ddim", eta=0.0).path, euler, rtol=0, atol=1e-12)
    a = sample(mix.denoise, x_T, sig, "ddpm", seed=3).samples
    assert np.array_equal(a, sample(mix.denoise, x_T, sig, "ddpm", seed=3).samples)
    assert not np.array_equal(a, sample(mix.denoise, x_T, sig, "ddpm", seed=4).samples)


@pytest.mark.parametrize("solver", SOLVERS)
def test_point_mass_is_exact(solver):
    mix = preset("point_mass")
    mu = mix.means[0]
    x_T = prior_sample(30, SIGMA_MAX, seed=3)
    sig = karras_sigmas(7)
    with np.errstate(all="raise"):  # the last step to sigma = 0 must not divide by zero
        run = sample(mix.denoise, x_T, sig, solver, seed=0, eta=0.7)
    np.testing.assert_allclose(run.samples, np.broadcast_to(mu, x_T.shape), atol=1e-12)
    if solver in ("euler", "heun", "dpmpp_2m"):
        # The ODE solution for a point mass is the straight line x(sigma) = mu + sigma/sigma_T (x_T - mu).
        expected = mu + sig[:, None, None] / SIGMA_MAX * (x_T - mu)
        np.testing.assert_allclose(run.path, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("solver,order", [("euler", 1), ("heun", 2), ("dpmpp_2m", 2)])
def test_single_gaussian_converges_to_closed_form(solver, order):
    mix = preset("gaussian")
    mu, s2 = mix.means[0], mix.covs[0, 0, 0]
    x_T = prior_sample(40, SIGMA_MAX, seed=4)
    # x(sigma) = mu + sqrt((s^2 + sigma^2) / (s^2 + sigma_T^2)) (x_T - mu)
    exact = mu + np.sqrt((s2 + SIGMA_MIN**2) / (s2 + SIGMA_MAX**2)) * (x_T - mu)
    errors = [
        np.abs(sample(mix.denoise, x_T, karras_sigmas(n), solver).path[-2] - exact).max() for n in (16, 32, 64, 128)
    ]
    rates = np.log2(np.array(errors[:-1]) / errors[1:])
    assert np.all(rates > order - 0.25), rates
    # The last step jumps to D(x, sigma_min); its exact counterpart x(0) differs by O(sigma_min^2).
    final = sample(mix.denoise, x_T, karras_sigmas(128), solver).samples
    exact0 = mu + np.sqrt(s2 / (s2 + SIGMA_MAX**2)) * (x_T - mu)
    np.testing.assert_allclose(final, exact0, atol=errors[-1] + 1e-5)


@pytest.mark.parametrize("solver,order", [("euler", 1), ("heun", 2), ("dpmpp_2m", 2)])
def test_convergence_order_against_high_precision_reference(solver, order):
    x_T = prior_sample(24, SIGMA_MAX, seed=5)
    ref = ode_reference(SMOOTH, x_T, SIGMA_MIN)
    steps = (16, 32, 64, 128)
    errors = np.array(
        [np.sqrt(np.mean((sample(SMOOTH.denoise, x_T, karras_sigmas(n), solver).path[-2] - ref) ** 2)) for n in steps]
    )
    rates = np.log2(errors[:-1] / errors[1:])
    # Euler halves the error per doubling, second-order solvers quarter it; early ratios may still
    # be pre-asymptotic (faster), the last one must sit at the order.
    assert np.all(rates > order - 0.3), rates
    assert abs(rates[-1] - order) < 0.2, rates


@pytest.mark.parametrize(
    "name,solver,steps", [("ring8", "heun", 64), ("two_moons", "dpmpp_2m", 64), ("ring8", "ddpm", 128)]
)
def test_many_steps_reproduce_mixture_moments(name, solver, steps):
    mix = preset(name)
    n = 10000
    x = sample(mix.denoise, prior_sample(n, SIGMA_MAX, seed=6), karras_sigmas(steps), solver, seed=7).samples
    cov = mix.covariance
    se = np.sqrt(np.diag(cov) / n)
    assert np.all(np.abs(x.mean(axis=0) - mix.mean) < 5 * se)
    np.testing.assert_allclose(np.cov(x.T), cov, atol=0.04 * np.trace(cov))


def test_ddpm_step_is_the_gaussian_posterior():
    # For x0 = 0 (a point mass at the origin), (x_next, x) are jointly Gaussian with
    # Var x_next = s'^2, Var x = s^2, Cov = s'^2, so x_next | x ~ N(s'^2/s^2 x, s'^2 - s'^4/s^2).
    mix = GaussianMixture([1.0], [[0.0, 0.0]], [np.zeros((2, 2))])
    s, s_next = 2.0, 1.2
    x = np.full((50000, 2), 1.5)
    out = sample(mix.denoise, x, [s, s_next, 0.0], "ddpm", seed=8).path[1]
    mean = s_next**2 / s**2 * 1.5
    var = s_next**2 - s_next**4 / s**2
    np.testing.assert_allclose(out.mean(axis=0), mean, atol=5 * np.sqrt(var / 50000))
    np.testing.assert_allclose(out.var(axis=0), var, rtol=0.03)


def test_bad_sampler_input():
    mix = preset("ring8")
    x = np.zeros((4, 2))
    with pytest.raises(ValueError, match="unknown solver"):
        sample(mix.denoise, x, [1.0, 0.0], "rk4")
    with pytest.raises(ValueError, match="end with exactly 0"):
        sample(mix.denoise, x, [2.0, 1.0], "euler")
    with pytest.raises(ValueError, match="strictly decreasing"):
        sample(mix.denoise, x, [1.0, 2.0, 0.0], "euler")
    with pytest.raises(ValueError, match="eta"):
        sample(mix.denoise, x, [1.0, 0.0], "ddim", eta=1.5)
    with pytest.raises(ValueError, match="shape"):
        sample(mix.denoise, np.zeros((4, 3)), [1.0, 0.0], "euler")
    with pytest.raises(ValueError, match="denoiser returned shape"):
        sample(lambda x, s: x[:, :1], x, [1.0, 0.0], "euler")
