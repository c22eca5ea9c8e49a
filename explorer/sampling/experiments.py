"""Headless experiments behind the plots: quality versus NFE, the skip-tuning grid, and the
denoiser's error per noise level.

Honest framing: Skip-Tuning was found on image UNets measured by FID. On 2-D toy data with a small
MLP-UNet there is no reason it must help; these functions measure what it does and claim nothing.
Every experiment takes progress(done, total) and should_stop() callables; when stopped it returns
what it has, with NaN in the cells not computed and complete=False.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .metrics import energy_distance, mode_coverage, nll, per_sample_error, sliced_wasserstein
from .mixture import GaussianMixture
from .schedules import get_schedule
from .solvers import SOLVERS, Denoiser, prior_sample, reference_solve, sample

METRICS = ("sliced_wasserstein", "energy", "nll", "mode_coverage", "reference_error")

Progress = Callable[[int, int], None] | None
ShouldStop = Callable[[], bool] | None


@dataclass(frozen=True)
class QualityCurves:
    """Metric per solver per step count; x-axis is nfe[solver]. floor = the true-sample level."""

    metric: str
    steps: np.ndarray
    nfe: dict
    values: dict
    floor: float
    complete: bool


@dataclass(frozen=True)
class SkipGrid:
    """values[i, j] = metric for skip_rho = rhos[i] with steps[j] solver steps (nfe[j] evaluations)."""

    metric: str
    rhos: np.ndarray
    steps: np.ndarray
    nfe: np.ndarray
    values: np.ndarray
    floor: float
    complete: bool


FLOOR_REPEATS = 5


class Scorer:
    """One metric against fixed true samples, plus its sampling-noise floor.

    The floor is the same metric for independent sets of exact samples of the same size (for nll
    and mode_coverage: the value exact samples reach), averaged over FLOOR_REPEATS sets because a
    single pair fluctuates by tens of percent at n = 2000. A sampler cannot be told apart from
    exact sampling near the floor. reference_error's floor is 0.
    """

    def __init__(self, metric, mixture, n, seed: np.random.SeedSequence, eval_sigma):
        if metric not in METRICS:
            raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
        self.metric, self.mixture, self.eval_sigma = metric, mixture, eval_sigma
        truth_seed, *floor_seeds = seed.spawn(1 + FLOOR_REPEATS)
        self.truth = mixture.sample(n, truth_seed)
        self.floor = 0.0
        if metric != "reference_error":
            self.floor = float(np.mean([self.score(mixture.sample(n, s)) for s in floor_seeds]))

    def score(self, x, reference=None) -> float:
        if self.metric == "sliced_wasserstein":
            return sliced_wasserstein(x, self.truth)
        if self.metric == "energy":
            return energy_distance(x, self.truth)
        if self.metric == "nll":
            return nll(self.mixture, x, self.eval_sigma)
        if self.metric == "mode_coverage":
            return mode_coverage(self.mixture, x, self.eval_sigma)
        return float(np.mean(per_sample_error(x, reference)))


def quality_scorer(mixture: GaussianMixture, *, metric: str = "sliced_wasserstein", n: int = 2000, seed: int = 0,
                   sigma_min: float = 0.002) -> Scorer:
    """The scorer quality_vs_steps and skip_grid use for these arguments: the same true samples and floor, so a run
    scored with it is a point of their curves. Worth keeping: the floor alone costs FLOOR_REPEATS + 1 evaluations."""
    _check_size(n)
    truth_seed = np.random.SeedSequence(seed).spawn(3)[0]
    return Scorer(metric, mixture, n, truth_seed, sigma_min)


def _steps_array(steps_list) -> np.ndarray:
    steps = np.asarray(steps_list)
    if steps.ndim != 1 or steps.size == 0 or not np.issubdtype(steps.dtype, np.integer) or np.any(steps < 1):
        raise ValueError(f"steps_list must be a non-empty list of positive integers, got {steps_list!r}")
    return steps.astype(int)


def _check_size(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")


def quality_vs_steps(
    denoiser: Denoiser,
    mixture: GaussianMixture,
    steps_list,
    solvers=SOLVERS,
    *,
    metric: str = "sliced_wasserstein",
    schedule: str = "karras",
    n: int = 2000,
    seed: int = 0,
    eta: float = 0.5,
    sigma_min: float = 0.002,
    sigma_max: float = 80.0,
    progress: Progress = None,
    should_stop: ShouldStop = None,
) -> QualityCurves:
    """Sample quality of each solver at each step count, all from the same x_T.

    eta is DDIM's (euler already is DDIM at eta = 0). nll and mode_coverage are evaluated under
    the mixture noised to sigma_min, which keeps a point mass's density finite.
    """
    steps = _steps_array(steps_list)
    _check_size(n)
    unknown = [s for s in solvers if s not in SOLVERS]
    if unknown or not solvers:
        raise ValueError(f"unknown solvers {unknown}; choose from {', '.join(SOLVERS)}")
    _, prior_seed, noise_seed = np.random.SeedSequence(seed).spawn(3)
    scorer = quality_scorer(mixture, metric=metric, n=n, seed=seed, sigma_min=sigma_min)
    x_T = prior_sample(n, sigma_max, prior_seed)
    reference = reference_solve(denoiser, x_T, sigma_max, sigma_min) if metric == "reference_error" else None
    nfe = {s: np.zeros(steps.size, dtype=int) for s in solvers}
    values = {s: np.full(steps.size, np.nan) for s in solvers}
    total, done = len(solvers) * steps.size, 0
    for solver in solvers:
        for j, k in enumerate(steps):
            if should_stop is not None and should_stop():
                return QualityCurves(metric, steps, nfe, values, scorer.floor, complete=False)
            sigmas = get_schedule(schedule, int(k), sigma_min, sigma_max)
            run = sample(denoiser, x_T, sigmas, solver, noise_seed, eta)
            nfe[solver][j] = run.nfe
            values[solver][j] = scorer.score(run.samples, reference)
            done += 1
            if progress is not None:
                progress(done, total)
    return QualityCurves(metric, steps, nfe, values, scorer.floor, complete=True)


def skip_grid(
    rhos,
    steps_list,
    make_denoiser: Callable[[float], Denoiser],
    mixture: GaussianMixture,
    *,
    solver: str = "euler",
    metric: str = "sliced_wasserstein",
    schedule: str = "karras",
    n: int = 2000,
    seed: int = 0,
    sigma_min: float = 0.002,
    sigma_max: float = 80.0,
    eta: float = 0.5,
    progress: Progress = None,
    should_stop: ShouldStop = None,
) -> SkipGrid:
    """Quality over skip_rho x steps. make_denoiser(skip_rho) gives the tuned denoiser, e.g.
    ``functools.partial(network.skip_tuned, model)``; every cell starts from the same x_T.

    For metric="reference_error" the reference is a fine solve with the untuned (skip_rho = 1)
    denoiser: the error then mixes discretisation error with the change of the ODE itself.
    eta is DDIM's, as in quality_vs_steps.
    """
    rho_arr = np.asarray(rhos, dtype=np.float64)
    if rho_arr.ndim != 1 or rho_arr.size == 0 or not np.all(np.isfinite(rho_arr)):
        raise ValueError(f"rhos must be a non-empty list of finite numbers, got {rhos!r}")
    steps = _steps_array(steps_list)
    _check_size(n)
    if solver not in SOLVERS:
        raise ValueError(f"unknown solver {solver!r}; choose one of {', '.join(SOLVERS)}")
    _, prior_seed, noise_seed = np.random.SeedSequence(seed).spawn(3)
    scorer = quality_scorer(mixture, metric=metric, n=n, seed=seed, sigma_min=sigma_min)
    x_T = prior_sample(n, sigma_max, prior_seed)
    reference = None
    if metric == "reference_error":
        reference = reference_solve(make_denoiser(1.0), x_T, sigma_max, sigma_min)
    values = np.full((rho_arr.size, steps.size), np.nan)
    nfe = np.zeros(steps.size, dtype=int)
    total = values.size
    for i, rho in enumerate(rho_arr):
        denoiser = make_denoiser(float(rho))
        for j, k in enumerate(steps):
            if should_stop is not None and should_stop():
                return SkipGrid(metric, rho_arr, steps, nfe, values, scorer.floor, complete=False)
            run = sample(denoiser, x_T, get_schedule(schedule, int(k), sigma_min, sigma_max), solver, noise_seed, eta)
            nfe[j] = run.nfe
            values[i, j] = scorer.score(run.samples, reference)
            if progress is not None:
                progress(i * steps.size + j + 1, total)
    return SkipGrid(metric, rho_arr, steps, nfe, values, scorer.floor, complete=True)


def denoiser_error_by_sigma(
    rho: float,
    sigmas,
    make_denoiser: Callable[[float], Denoiser],
    mixture: GaussianMixture,
    *,
    n: int = 2000,
    seed: int = 0,
) -> np.ndarray:
    """RMS distance between the tuned denoiser and the exact E[x0 | x] at each sigma, shape (len(sigmas),).

    x = x0 + sigma * eps uses the same x0 and eps (scaled) for every sigma and every rho, so curves
    for different rho differ only through the denoiser.
    """
    sig = np.asarray(sigmas, dtype=np.float64)
    if sig.ndim != 1 or sig.size == 0 or not np.all(np.isfinite(sig)) or np.any(sig <= 0.0):
        raise ValueError(f"sigmas must be a non-empty list of positive numbers, got {sigmas!r}")
    _check_size(n)
    denoiser = make_denoiser(float(rho))
    seeds = np.random.SeedSequence(seed).spawn(2)
    x0 = mixture.sample(n, seeds[0])
    eps = np.random.default_rng(seeds[1]).standard_normal((n, 2))
    errors = np.empty(sig.size)
    for i, s in enumerate(sig):
        x = x0 + s * eps
        diff = np.asarray(denoiser(x, float(s))) - mixture.denoise(x, s)
        errors[i] = np.sqrt(np.mean(np.sum(diff * diff, axis=1)))
    return errors
