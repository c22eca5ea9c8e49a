"""Samplers for the probability-flow ODE dx/dsigma = (x - D(x, sigma)) / sigma and its SDE cousins.

A denoiser is any callable (x: (n, 2) float64, sigma: float) -> D: (n, 2); it must not modify x.
All update rules are written as D + ratio * (x - D) with ratio = sigma_next / sigma, so the final
step to sigma = 0 never divides by zero: it simply returns the denoiser's prediction.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .mixture import check_points, check_sigma
from .schedules import karras_sigmas

Denoiser = Callable[[np.ndarray, float], np.ndarray]

SOLVERS = ("euler", "ddim", "heun", "dpmpp_2m", "ddpm")
ODE_SOLVERS = ("euler", "heun", "dpmpp_2m")  # deterministic; ddim (η > 0) and ddpm draw noise


@dataclass(frozen=True)
class Trajectory:
    """A full sampling run: path (steps+1, n, 2), x0-predictions (steps, n, 2), sigmas, NFE."""

    path: np.ndarray
    denoised: np.ndarray
    sigmas: np.ndarray
    nfe: int
    solver: str

    @property
    def samples(self) -> np.ndarray:
        """Final points, shape (n, 2)."""
        return self.path[-1]


def check_sigmas(sigmas) -> np.ndarray:
    """Validate a schedule: 1-D, finite, strictly decreasing, positive, last entry exactly 0."""
    s = np.asarray(sigmas, dtype=np.float64)
    if s.ndim != 1 or s.size < 2:
        raise ValueError(f"sigmas must be a 1-D array with at least 2 entries, got shape {s.shape}")
    if not np.all(np.isfinite(s)):
        raise ValueError("sigmas must be finite")
    if s[-1] != 0.0 or np.any(s[:-1] <= 0.0):
        raise ValueError("sigmas must be positive and end with exactly 0")
    if np.any(np.diff(s) >= 0.0):
        raise ValueError("sigmas must be strictly decreasing")
    return s


def prior_sample(n: int, sigma_max: float, seed=None) -> np.ndarray:
    """x_T ~ N(0, sigma_max^2 I), shape (n, 2): the starting points at the top of a schedule."""
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if check_sigma(sigma_max) == 0.0:
        raise ValueError("sigma_max must be positive")
    return float(sigma_max) * np.random.default_rng(seed).standard_normal((int(n), 2))


class _Counted:
    """Calls the denoiser, checks its output and counts evaluations (NFE)."""

    def __init__(self, denoiser: Denoiser, shape):
        if not callable(denoiser):
            raise ValueError("denoiser must be a callable (x, sigma) -> D")
        self.denoiser, self.shape, self.nfe = denoiser, shape, 0

    def __call__(self, x, sigma):
        self.nfe += 1
        d = np.asarray(self.denoiser(x, float(sigma)), dtype=np.float64)
        if d.shape != self.shape:
            raise ValueError(f"denoiser returned shape {d.shape}, expected {self.shape}")
        return d


def _towards(d, x, ratio, out, scratch):
    """out = d + ratio * (x - d) without temporaries."""
    np.subtract(x, d, out=scratch)
    scratch *= ratio
    np.add(d, scratch, out=out)


def sample(denoiser: Denoiser, x_T, sigmas, solver: str = "heun", seed=None, eta: float = 0.0) -> Trajectory:
    """Integrate from x_T along `sigmas` with one of SOLVERS and return the whole Trajectory.

    euler: first-order ODE step (identical to DDIM with eta = 0).
    ddim: DDIM with stochasticity eta in [0, 1] (only this solver reads `eta`).
    heun: EDM Algorithm 1; the step to sigma = 0 is a plain Euler step (NFE = 2N - 1).
    dpmpp_2m: DPM-Solver++(2M), multistep second order; first and last step are first order.
    ddpm: ancestral sampling, i.e. the DDPM posterior q(x_next | x, x0 = D) (DDIM with eta = 1).
    `seed` feeds the noise of ddim (eta > 0) and ddpm; the ODE solvers are deterministic.
    """
    if solver not in SOLVERS:
        raise ValueError(f"unknown solver {solver!r}; choose one of {', '.join(SOLVERS)}")
    try:
        eta = float(eta)
    except (TypeError, ValueError):
        raise ValueError(f"eta must be a number in [0, 1], got {eta!r}") from None
    if not 0.0 <= eta <= 1.0:
        raise ValueError(f"eta must be in [0, 1], got {eta!r}")
    x_T = check_points(x_T)
    sig = check_sigmas(sigmas)
    steps, shape = sig.size - 1, x_T.shape
    call = _Counted(denoiser, shape)
    path = np.empty((steps + 1,) + shape)
    denoised = np.empty((steps,) + shape)
    scratch = np.empty(shape)
    path[0] = x_T
    noise_scale = {"euler": 0.0, "ddim": eta, "ddpm": 1.0}.get(solver, 0.0)
    rng = np.random.default_rng(seed) if noise_scale > 0.0 else None

    for i in range(steps):
        s, s_next = sig[i], sig[i + 1]
        x, out = path[i], path[i + 1]
        d = call(x, s)
        denoised[i] = d
        if solver == "heun":
            _towards(d, x, s_next / s, out, scratch)  # Euler predictor
            if s_next > 0.0:
                d2 = call(out, s_next)
                # Trapezoid of the slopes (x - d)/s at both ends.
                slope = (x - d) / s + (out - d2) / s_next
                np.add(x, 0.5 * (s_next - s) * slope, out=out)
        elif solver == "dpmpp_2m":
            if i > 0 and s_next > 0.0:
                r = math.log(sig[i - 1] / s) / math.log(s / s_next)
                d = (1.0 + 0.5 / r) * d - (0.5 / r) * denoised[i - 1]
            _towards(d, x, s_next / s, out, scratch)
        else:
            # Split sigma_next into a deterministic part (down) and fresh noise (up); the ancestral
            # (DDPM posterior) variance is s_next^2 (s^2 - s_next^2) / s^2 at noise_scale = 1.
            up = noise_scale * s_next * math.sqrt(s * s - s_next * s_next) / s
            down = math.sqrt(max(s_next * s_next - up * up, 0.0))
            _towards(d, x, down / s, out, scratch)
            if up > 0.0:
                out += up * rng.standard_normal(shape)
    return Trajectory(path=path, denoised=denoised, sigmas=sig, nfe=call.nfe, solver=solver)


def reference_solve(denoiser: Denoiser, x_T, sigma_max: float, sigma_min: float = 0.002, steps: int = 512):
    """Fine Heun solve on a Karras schedule from the same x_T: the reference for per-sample error."""
    return sample(denoiser, x_T, karras_sigmas(steps, sigma_min, sigma_max), "heun").samples
