"""Skip-Tuning and few-step diffusion sampling on 2-D Gaussian mixtures (kexue.fm/archives/10077).

The numpy API re-exported here never imports torch; the network lives in `network`, `weights`
and `train`, imported on demand.
"""

from .experiments import (
    METRICS,
    QualityCurves,
    Scorer,
    SkipGrid,
    denoiser_error_by_sigma,
    quality_scorer,
    quality_vs_steps,
    skip_grid,
)
from .fields import grid_points, noised_density_grid, score_field
from .metrics import energy_distance, mode_coverage, nll, per_sample_error, sliced_wasserstein
from .mixture import PRESETS, GaussianMixture, preset
from .schedules import SCHEDULES, get_schedule, karras_sigmas, vp_cosine_sigmas, vp_linear_sigmas
from .skip_profile import SKIP_DIRECTIONS, skip_rho_profile
from .solvers import ODE_SOLVERS, SOLVERS, Trajectory, check_sigmas, prior_sample, reference_solve, sample

__all__ = [
    "METRICS",
    "ODE_SOLVERS",
    "PRESETS",
    "SCHEDULES",
    "SKIP_DIRECTIONS",
    "SOLVERS",
    "GaussianMixture",
    "QualityCurves",
    "Scorer",
    "SkipGrid",
    "Trajectory",
    "check_sigmas",
    "denoiser_error_by_sigma",
    "energy_distance",
    "get_schedule",
    "grid_points",
    "karras_sigmas",
    "mode_coverage",
    "nll",
    "noised_density_grid",
    "per_sample_error",
    "preset",
    "prior_sample",
    "quality_scorer",
    "quality_vs_steps",
    "reference_solve",
    "sample",
    "score_field",
    "skip_grid",
    "skip_rho_profile",
    "sliced_wasserstein",
    "vp_cosine_sigmas",
    "vp_linear_sigmas",
]
