"""Noise schedules in EDM sigma form: descending arrays sigma_0 = sigma_max > ... > sigma_min, then 0.

`steps` is the number of solver steps N, so each schedule has N + 1 entries and its last step jumps
from sigma_min to 0. All three span the same [sigma_min, sigma_max]; they differ only in how the
levels are spaced, which keeps solver comparisons across schedules fair. The VP schedules are
mapped to EDM's variance-exploding form by sigma^2 = (1 - alpha_bar) / alpha_bar.
"""

from __future__ import annotations

import math

import numpy as np

SCHEDULES = ("karras", "vp_linear", "vp_cosine")


def _positive(name, value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not (math.isfinite(number) and number > 0.0):
        raise ValueError(f"{name} must be positive and finite, got {value!r}")
    return number


def _check(steps, sigma_min, sigma_max) -> tuple[int, float, float]:
    if not isinstance(steps, (int, np.integer)) or isinstance(steps, bool) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}")
    try:
        lo, hi = float(sigma_min), float(sigma_max)
    except (TypeError, ValueError):
        raise ValueError(f"sigma_min and sigma_max must be numbers, got {sigma_min!r}, {sigma_max!r}") from None
    if not (math.isfinite(hi) and 0.0 < lo < hi):
        raise ValueError(f"need 0 < sigma_min < sigma_max (finite), got {sigma_min!r}, {sigma_max!r}")
    return int(steps), lo, hi


def _finish(levels: np.ndarray, sigma_min: float, sigma_max: float) -> np.ndarray:
    # Pin the end points exactly (round-trips through pow/log lose the last bit), then append 0.
    levels[0] = sigma_max
    if levels.size > 1:
        levels[-1] = sigma_min
    return np.append(levels, 0.0)


def _unit(steps: int) -> np.ndarray:
    return np.linspace(0.0, 1.0, steps) if steps > 1 else np.zeros(1)


def karras_sigmas(steps, sigma_min=0.002, sigma_max=80.0, schedule_exponent=7.0) -> np.ndarray:
    """EDM schedule: sigma^(1/p) linear in the step index, p = schedule_exponent (EDM uses 7)."""
    steps, sigma_min, sigma_max = _check(steps, sigma_min, sigma_max)
    schedule_exponent = _positive("schedule_exponent", schedule_exponent)
    inv = 1.0 / schedule_exponent
    hi, lo = sigma_max**inv, sigma_min**inv
    return _finish((hi + _unit(steps) * (lo - hi)) ** schedule_exponent, sigma_min, sigma_max)


def vp_linear_sigmas(steps, sigma_min=0.002, sigma_max=80.0, beta_min=0.1, beta_max=20.0) -> np.ndarray:
    """DDPM's linear beta(t) = beta_min + t (beta_max - beta_min) in continuous time, uniform in t.

    alpha_bar(t) = exp(-beta_min t - (beta_max - beta_min) t^2 / 2), so
    sigma(t) = sqrt(exp(beta_min t + beta_d t^2 / 2) - 1); t runs between the times of sigma_max
    and sigma_min. The defaults are DDPM's 1e-4..0.02 over 1000 steps.
    """
    steps, sigma_min, sigma_max = _check(steps, sigma_min, sigma_max)
    beta_min, beta_max = _positive("beta_min", beta_min), _positive("beta_max", beta_max)
    if beta_min >= beta_max:
        raise ValueError(f"need 0 < beta_min < beta_max, got {beta_min!r}, {beta_max!r}")
    beta_d = beta_max - beta_min

    def time_of(sigma):  # positive root of beta_d/2 t^2 + beta_min t - log(1 + sigma^2) = 0
        return (math.sqrt(beta_min**2 + 2.0 * beta_d * math.log1p(sigma**2)) - beta_min) / beta_d

    t = time_of(sigma_max) + _unit(steps) * (time_of(sigma_min) - time_of(sigma_max))
    return _finish(np.sqrt(np.expm1(beta_min * t + 0.5 * beta_d * t * t)), sigma_min, sigma_max)


def vp_cosine_sigmas(steps, sigma_min=0.002, sigma_max=80.0, offset=0.008) -> np.ndarray:
    """Improved-DDPM cosine schedule alpha_bar(t) = cos^2(pi/2 (t+s)/(1+s)) / cos^2(pi/2 s/(1+s)).

    s = offset > 0; uniform in t between the times of sigma_max and sigma_min.
    """
    steps, sigma_min, sigma_max = _check(steps, sigma_min, sigma_max)
    offset = _positive("offset", offset)
    half_pi = 0.5 * math.pi
    c0 = math.cos(half_pi * offset / (1.0 + offset))

    def time_of(sigma):  # alpha_bar = 1 / (1 + sigma^2)
        return (1.0 + offset) * math.acos(c0 / math.sqrt(1.0 + sigma**2)) / half_pi - offset

    t = time_of(sigma_max) + _unit(steps) * (time_of(sigma_min) - time_of(sigma_max))
    alpha_bar = (np.cos(half_pi * (t + offset) / (1.0 + offset)) / c0) ** 2
    return _finish(np.sqrt(1.0 / alpha_bar - 1.0), sigma_min, sigma_max)


def get_schedule(name: str, steps, sigma_min=0.002, sigma_max=80.0) -> np.ndarray:
    """Schedule by name (see SCHEDULES) with its default shape parameters."""
    makers = {"karras": karras_sigmas, "vp_linear": vp_linear_sigmas, "vp_cosine": vp_cosine_sigmas}
    if name not in makers:
        raise ValueError(f"unknown schedule {name!r}; choose one of {', '.join(SCHEDULES)}")
    return makers[name](steps, sigma_min, sigma_max)
