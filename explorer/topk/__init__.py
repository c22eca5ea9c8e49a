"""Smooth approximations of top-k (Su Jianlin, 《Softmax后传：寻找Top-K的光滑近似》, kexue.fm/archives/10373).

Pure numpy (float64).  Torch versions of grad/sigmoid/laplace live in explorer.topk.torch_ops,
which is not imported here so that importing this package never loads torch.
"""

from .hard import hard_topk
from .methods import (
    JACOBIAN_METHODS,
    METHOD_LABELS,
    METHOD_OPTIONS,
    METHODS,
    PROPERTIES,
    soft_topk,
    topk_jacobian,
)
from .presets import PRESETS, Preset
from .roots import bisection_trace, threshold_function, threshold_root
from .simplex import SimplexPath, simplex_path, triangle_xy
from .smooth_sum import SmoothTopkSum, smooth_topk_sum
from .sweep import error_to_hard, large_tau_asymptote, large_tau_slope, tau_sweep
from .threshold import THRESHOLD_METHODS

__all__ = [
    "JACOBIAN_METHODS",
    "METHOD_LABELS",
    "METHOD_OPTIONS",
    "METHODS",
    "PRESETS",
    "PROPERTIES",
    "THRESHOLD_METHODS",
    "Preset",
    "SimplexPath",
    "SmoothTopkSum",
    "bisection_trace",
    "error_to_hard",
    "hard_topk",
    "large_tau_asymptote",
    "large_tau_slope",
    "simplex_path",
    "smooth_topk_sum",
    "soft_topk",
    "tau_sweep",
    "threshold_function",
    "threshold_root",
    "topk_jacobian",
    "triangle_xy",
]
