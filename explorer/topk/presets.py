"""Named inputs for the explorer: the post's example, a tie, and counterexamples (all at τ = 1)."""

from typing import NamedTuple

import numpy as np

from explorer.i18n import QT_TRANSLATE_NOOP


class Preset(NamedTuple):
    x: tuple
    k: int
    note: str  # English, marked for translation in the Smooth top-k tab's context


def _seeded(seed, n, scale):
    return tuple(np.round(np.random.default_rng(seed).standard_normal(n) * scale, 3).tolist())


PRESETS = {
    "post_example": Preset(
        (3.0, 2.0, 1.0, 4.0),
        2,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "Su's example, hard mask [1, 0, 0, 1]. GradTopK gives exactly σ(2) to 4 and σ(−2) to 1 (0.694 / "
            "0.306 to 3 / 2); the sigmoid threshold is λ = 2.5.",
        ),
    ),
    "tie": Preset(
        (3.0, 1.0, 1.0, 0.0),
        2,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "Two entries tie for the k-th place: hard_topk gives the slot to the lower index, every smooth "
            "method gives both the same value.",
        ),
    ),
    "recursion_breaks": Preset(
        (0.0, 50.0),
        2,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "The post's recursion needs 1 − softmax = [1, 1.9e-22] but float64 gives [1, 0], so it returns "
            "[2, 0]; the exact answer (k = n) is [1, 1], which the log-space DP returns.",
        ),
    ),
    "recursion_nan": Preset(
        (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 10.0),
        7,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "Moderate scores, yet the post's recursion returns NaN: by step 7 rounding has pushed an entry of "
            "ST_{j-1} above 1, and log(1 − ST_{j-1}) is undefined. The log-space DP is exact.",
        ),
    ),
    "iterative_exceeds_one": Preset(
        (3.0, 1.0, 0.0),
        2,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "Successive softmax gives 1.33 to the top entry: once picked it keeps weight ≈ the others' mass and "
            "is picked again. As τ → 0 it tends to [1.5, 0.5, 0], not the hard mask.",
        ),
    ),
    "weighted_loses_order": Preset(
        (3.0, 2.0, 1.0, 4.0),
        3,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "Capacity-weighted softmax: 1.29 for 3 (above 1), and 0.714 for 2 above 0.695 for 4 (order lost).",
        ),
    ),
    "huge_spread": Preset(
        _seeded(1, 12, 30.0),
        4,
        QT_TRANSLATE_NOOP(
            "TopkTab",
            "randn·30: gaps of tens of units per τ; the log-space DP and closed forms stay exact.",
        ),
    ),
    "random": Preset(_seeded(0, 10, 1.0), 3, QT_TRANSLATE_NOOP("TopkTab", "Standard normal scores, seed 0.")),
}
