"""Skip-Tuning coefficients per UNet level (pure numpy, so the view can show them without torch).

Ma et al. (2024) multiply each long skip connection of a trained UNet by a coefficient skip_rho_i
that varies linearly across levels; ``skip_rho = 1`` everywhere is the untuned network. Not to be
confused with the Karras schedule exponent (also called rho in EDM), which is `schedule_exponent`.
"""

from __future__ import annotations

import math

import numpy as np

SKIP_DIRECTIONS = ("decreasing", "increasing", "uniform")


def skip_rho_profile(skip_rho: float, levels: int, direction: str = "decreasing") -> np.ndarray:
    """Per-level skip coefficients, index 0 = bottom (next to the bottleneck), last = top.

    decreasing: 1 at the bottom falling linearly to skip_rho at the top;
    increasing: skip_rho at the bottom rising to 1 at the top; uniform: skip_rho everywhere.
    With a single level every direction gives [skip_rho].
    """
    try:
        value = float(skip_rho)
    except (TypeError, ValueError):
        raise ValueError(f"skip_rho must be a number, got {skip_rho!r}") from None
    if not (math.isfinite(value) and 0.0 <= value <= 2.0):
        raise ValueError(f"skip_rho must be in [0, 2], got {skip_rho!r}")
    if not isinstance(levels, (int, np.integer)) or levels < 1:
        raise ValueError(f"levels must be a positive integer, got {levels!r}")
    if direction not in SKIP_DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; choose one of {', '.join(SKIP_DIRECTIONS)}")
    if direction == "uniform" or levels == 1:
        return np.full(levels, value)
    bottom, top = (1.0, value) if direction == "decreasing" else (value, 1.0)
    return np.linspace(bottom, top, levels)
