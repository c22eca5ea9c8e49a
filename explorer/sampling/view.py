"""The Sampling tab: particles flowing along the probability-flow ODE from noise to a 2-D mixture, the solvers
compared at equal numbers of network evaluations, and Skip-Tuning measured on a small trained MLP-UNet.

Three runners: the tab's own one for the live trajectory (latest wins on every slider move), one for the heavy
experiments (quality curves, the ρ × steps grid), and one for training, so that slider moves never cancel those.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.i18n import QT_TRANSLATE_NOOP, translate
from explorer.params import ParamSpec, spec_by_name
from explorer.runner import Cancelled, Job
from explorer.sampling import (
    ODE_SOLVERS,
    PRESETS,
    SCHEDULES,
    SKIP_DIRECTIONS,
    SOLVERS,
    GaussianMixture,
    Trajectory,
    denoiser_error_by_sigma,
    get_schedule,
    preset,
    prior_sample,
    quality_scorer,
    quality_vs_steps,
    sample,
    skip_grid,
    torch_worker,
)
from explorer.tab import TopicTab
from explorer.theme import Theme
from widgets.explanation import Explanation
from widgets.play_bar import PlayBar
from widgets.plot_panel import PlotPanel, Style, set_data, set_note, set_range, set_text, set_ticks
from widgets.steady_label import SteadyLabel

SIGMA_MIN, SIGMA_MAX = 0.002, 80.0
DDIM_ETA = 0.5  # the stochastic DDIM of the menu (η = 0 would be Euler exactly); its label states the value
NETWORK_PARTICLE_CAP = 2000  # the network costs ~20x the closed form per particle; the particles tooltip states it
EXPERIMENT_PARTICLES = 1000  # every metric (curves, grid, the live point) is taken on this many samples
CURVE_STEPS = {"exact": (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64), "network": (1, 2, 3, 4, 6, 8, 12, 16)}
ERROR_RHOS = (1.0, 0.8, 0.6, 0.4)
ERROR_SIGMAS = np.geomspace(SIGMA_MIN, SIGMA_MAX, 25)
MAX_GRID_VALUES = 10
TRACE_COUNT = 150  # trajectories drawn as lines
DENSITY_RES = 112
DENSITY_REACH = 1.6  # the background image extends this far beyond the view, so its edge is never seen
FRAMES_PER_SECOND = 8
TRAIN_STEPS_DEFAULT = 1000
QUALITY_TICKS = (0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50)  # sliced W₂, round numbers on a log axis
ZERO_SHOWN_AT = 1e-6  # where the quality plot's log axis draws a distance of exactly 0 (a point mass reached)
CURVE_CEILING = 4.0  # the quality plot's y range ends 3x above this; larger values are named in a note
_ON_HEAT_MAP = "#1E1E1E"  # markers drawn over the grid's heat map
# Smallest data areas, in pixels (a smaller window is refused): the flow's eight modes and legend need a square
# of this side, and the quality plot's "floor" label this height to stay clear of the off-scale note under it.
FLOW_SMALLEST = (260, 260)
QUALITY_SMALLEST = (90, 110)
HEAT_LIMIT = 1.0  # heat-map colours saturate at a factor 2^±HEAT_LIMIT against ρ = 1
NETWORK = "_network"  # private compute parameter: the session's retrained model, or None for the shipped one

# Labels are marked for translation in the tab's context and translated where shown; solver names stay as they are.
SOLVER_LABELS = {
    "euler": QT_TRANSLATE_NOOP("SamplingTab", "Euler (1st order)"),
    "ddim": QT_TRANSLATE_NOOP("SamplingTab", "DDIM, η = 0.5 (stochastic)"),
    "heun": QT_TRANSLATE_NOOP("SamplingTab", "Heun (2nd order)"),
    "dpmpp_2m": QT_TRANSLATE_NOOP("SamplingTab", "DPM++(2M) (2nd order)"),
    "ddpm": QT_TRANSLATE_NOOP("SamplingTab", "DDPM (ancestral)"),
}
SOLVER_SHORT = {"euler": "Euler", "ddim": "DDIM", "heun": "Heun", "dpmpp_2m": "DPM++(2M)", "ddpm": "DDPM"}
LEGEND_NAMES = {**SOLVER_SHORT, "dpmpp_2m": "DPM++"}
SCHEDULE_LABELS = {
    "karras": QT_TRANSLATE_NOOP("SamplingTab", "Karras (EDM)"),
    "vp_linear": QT_TRANSLATE_NOOP("SamplingTab", "VP linear (DDPM)"),
    "vp_cosine": QT_TRANSLATE_NOOP("SamplingTab", "VP cosine"),
}
LAYERS = ("density", "traces", "denoised")
AXIS_LABELS = {"scaled": ("x₁ / √(1+σ²)", "x₂ / √(1+σ²)"), "raw": ("x₁", "x₂")}


# The grid parsers' messages are shown under the controls, so they are translated (in the GUI's language).
def parse_rhos(text: str) -> tuple[float, ...]:
    """``"0.5, 0.7, 0.9"`` -> sorted skip scales in [0, 2]; ρ = 1 (the untuned network) is always added."""
    values = _numbers(text, float, translate("SamplingTab", "enter ρ values separated by commas"),
                      translate("SamplingTab", "ρ values must be numbers separated by commas"))
    for value in values:
        if not (math.isfinite(value) and 0.0 <= value <= 2.0):
            raise ValueError(translate("SamplingTab", "ρ = {value} is outside [0, 2]").format(value=f"{value:g}"))
    rhos = tuple(sorted(set(values) | {1.0}))
    if len(rhos) > MAX_GRID_VALUES:
        raise ValueError(translate("SamplingTab", "at most {limit} ρ values, got {count} (with ρ = 1)")
                         .format(limit=MAX_GRID_VALUES, count=len(rhos)))
    return rhos


def parse_steps(text: str) -> tuple[int, ...]:
    """``"2, 4, 8"`` -> sorted step counts in [1, 64]."""
    values = _numbers(text, int, translate("SamplingTab", "enter step counts separated by commas"),
                      translate("SamplingTab", "step counts must be whole numbers separated by commas"))
    for value in values:
        if not 1 <= value <= 64:
            raise ValueError(translate("SamplingTab", "{value} steps is outside [1, 64]").format(value=value))
    steps = tuple(sorted(set(values)))
    if len(steps) > MAX_GRID_VALUES:
        raise ValueError(translate("SamplingTab", "at most {limit} step counts, got {count}")
                         .format(limit=MAX_GRID_VALUES, count=len(steps)))
    return steps


def _numbers(text: str, kind, empty_message: str, invalid_message: str) -> list:
    parts = text.replace(";", ",").replace(" ", ",").split(",")
    parts = [part for part in parts if part]
    if not parts:
        raise ValueError(empty_message)
    try:
        return [kind(part) for part in parts]
    except ValueError:
        raise ValueError(invalid_message) from None


SPECS = (
    ParamSpec("preset", "choice", "ring8", QT_TRANSLATE_NOOP("SamplingTab", "data"),
              QT_TRANSLATE_NOOP("SamplingTab", "The 2-D data distribution (a Gaussian mixture: its exact "
                                "denoiser is known in closed form)"), choices=PRESETS,
              choice_labels=(QT_TRANSLATE_NOOP("SamplingTab", "ring of 8 Gaussians"),
                             QT_TRANSLATE_NOOP("SamplingTab", "two moons"),
                             QT_TRANSLATE_NOOP("SamplingTab", "checkerboard"),
                             QT_TRANSLATE_NOOP("SamplingTab", "one Gaussian"),
                             QT_TRANSLATE_NOOP("SamplingTab", "point mass"))),
    ParamSpec("solver", "choice", "heun", QT_TRANSLATE_NOOP("SamplingTab", "solver"),
              QT_TRANSLATE_NOOP("SamplingTab", "How the probability-flow ODE is integrated"),
              choices=SOLVERS, choice_labels=tuple(SOLVER_LABELS[s] for s in SOLVERS)),
    ParamSpec("steps", "int", 16, QT_TRANSLATE_NOOP("SamplingTab", "steps"),
              QT_TRANSLATE_NOOP("SamplingTab", "Solver steps N from σ = 80 to 0 (Heun evaluates D 2N − 1 times)"),
              minimum=1, maximum=64),
    ParamSpec("schedule", "choice", "karras", QT_TRANSLATE_NOOP("SamplingTab", "schedule"),
              QT_TRANSLATE_NOOP("SamplingTab", "How the N noise levels are spaced between σ = 80 and 0.002 "
                                "(all schedules span the same range)"), choices=SCHEDULES,
              choice_labels=tuple(SCHEDULE_LABELS[s] for s in SCHEDULES)),
    ParamSpec("particles", "int", 2000, QT_TRANSLATE_NOOP("SamplingTab", "particles"),
              QT_TRANSLATE_NOOP("SamplingTab", "Number of particles drawn. The network denoiser uses at most 2000 "
                                "(it costs ~20× the closed form)"), minimum=1000, maximum=10000, step=500),
    ParamSpec("seed", "int", 0, QT_TRANSLATE_NOOP("SamplingTab", "seed"),
              QT_TRANSLATE_NOOP("SamplingTab", "Seed of the starting noise (and of the stochastic solvers)"),
              minimum=0, maximum=999),
    ParamSpec("denoiser", "choice", "exact", QT_TRANSLATE_NOOP("SamplingTab", "denoiser"),
              QT_TRANSLATE_NOOP("SamplingTab", "D(x, σ): the exact posterior mean E[x₀ | x], or the small trained "
                                "MLP-UNet (whose skips ρ scales)"), choices=("exact", "network"),
              choice_labels=(QT_TRANSLATE_NOOP("SamplingTab", "exact E[x₀ | x]"),
                             QT_TRANSLATE_NOOP("SamplingTab", "trained network"))),
    ParamSpec("skip_rho", "float", 1.0, QT_TRANSLATE_NOOP("SamplingTab", "skip scale ρ"),
              QT_TRANSLATE_NOOP("SamplingTab", "Skip-Tuning: the network's long skip connections are multiplied by "
                                "ρ (1 = untuned). Acts on the trained network only."), minimum=0.2, maximum=1.2,
              step=0.01, decimals=2),
    ParamSpec("skip_direction", "choice", "decreasing", QT_TRANSLATE_NOOP("SamplingTab", "ρ across levels"),
              QT_TRANSLATE_NOOP("SamplingTab", "How the skip scale varies from the bottleneck (bottom) to the top "
                                "level"), choices=SKIP_DIRECTIONS,
              choice_labels=(QT_TRANSLATE_NOOP("SamplingTab", "1 at bottom → ρ at top"),
                             QT_TRANSLATE_NOOP("SamplingTab", "ρ at bottom → 1 at top"),
                             QT_TRANSLATE_NOOP("SamplingTab", "ρ at every level"))),
    ParamSpec("view", "choice", "scaled", QT_TRANSLATE_NOOP("SamplingTab", "coordinates"),
              QT_TRANSLATE_NOOP("SamplingTab", "Scaled x/√(1+σ²) (the VP picture: noise is a unit blob) or the raw "
                                "ODE variable x (the view zooms in as σ falls)"), choices=("scaled", "raw"),
              choice_labels=(QT_TRANSLATE_NOOP("SamplingTab", "scaled x / √(1+σ²)"),
                             QT_TRANSLATE_NOOP("SamplingTab", "raw x"))),
    ParamSpec("layers", "multi", LAYERS, QT_TRANSLATE_NOOP("SamplingTab", "show"),
              QT_TRANSLATE_NOOP("SamplingTab", "Layers of the trajectory plot"), choices=LAYERS,
              choice_labels=(QT_TRANSLATE_NOOP("SamplingTab", "density"), QT_TRANSLATE_NOOP("SamplingTab", "paths"),
                             "D(x, σ)")),
    ParamSpec("grid_rhos", "text", "0.5, 0.6, 0.7, 0.8, 0.9", QT_TRANSLATE_NOOP("SamplingTab", "grid ρ values"),
              QT_TRANSLATE_NOOP("SamplingTab", "Rows of the ρ × steps grid, comma separated; ρ = 1 is always added "
                                "as the baseline"), check=parse_rhos),
    ParamSpec("grid_steps", "text", "2, 3, 4, 6, 8", QT_TRANSLATE_NOOP("SamplingTab", "grid steps"),
              QT_TRANSLATE_NOOP("SamplingTab", "Columns of the ρ × steps grid (solver steps, comma separated)"),
              check=parse_steps),
)

EXPLANATION = Explanation(
    title=QT_TRANSLATE_NOOP("SamplingTab", "Few-step sampling and Skip-Tuning"),
    post_title="生成扩散模型漫谈(二十四)：少走捷径，更快到达",
    post_url="https://kexue.fm/archives/10077",
    body=QT_TRANSLATE_NOOP(
        "SamplingTab",
        "<p>With $x = x_0 + \\sigma\\varepsilon$, sampling integrates the probability-flow ODE from noise at "
        "σ = 80 down to σ = 0:</p>"
        "$$\\frac{dx}{d\\sigma} = \\frac{x - D(x,\\sigma)}{\\sigma}$$"
        "<p>$D(x,\\sigma) = E[x_0 \\mid x]$ is the denoiser; its prediction $\\hat x_0$ is drawn as small "
        "dots (orange). The data here are 2-D Gaussian mixtures, so the exact $D$ is known in closed form and the "
        "solver's own error can be seen alone. Compare solvers at equal <b>NFE</b> (evaluations of $D$): Heun "
        "pays two per step.</p>"
        "<p><b>Skip-Tuning</b> (Ma et al., ICML 2024) multiplies a trained UNet's long skip connections by "
        "$\\rho < 1$, with no retraining. With a pretrained EDM on ImageNet-64 they report FID 1.75 at 19 NFE "
        "and 1.57 at 39 NFE, and that the tuned network's denoising loss <i>rises</i> in pixel space while a "
        "feature-space loss falls.</p>"
        "<p><b>Su's reading</b>: a perfect $D$ is only right for the exact ODE. With few steps the solver's "
        "own error dominates, and a deliberately altered $D$ can partly correct it; the network need not get "
        "better at denoising for the samples to get better.</p>"
        "<p><b>What this 2-D toy shows</b> (shipped network, ring, defaults): lowering ρ makes $D$ worse near "
        "σ ≈ 1 (bottom right), as in the paper's pixel space. Sample quality (sliced Wasserstein distance to "
        "the data, not FID) improves only in a few few-step cells of the grid (blue): Heun at 3–6 steps, "
        "DPM++(2M) at 4; Euler only gets worse. Blue means better, not good: at 3 and 4 steps Heun's samples "
        "stay far from the data whatever ρ (the grid's summary under the plots gives the floor). So the gains "
        "sit where the solver's error dominates, but not everywhere it does. A small MLP on 2-D points is not an "
        "image UNet: this measures the mechanism; it neither confirms nor refutes the paper's result.</p>",
    ),
    what_to_try=(
        QT_TRANSLATE_NOOP("SamplingTab", "Press Play (Space): the particles leave the noise blob and settle on the "
                          "eight modes. Early on every prediction D(x, σ) (orange) sits at the centre, the mean of "
                          "the data; by σ ≈ 1 they lie on the ring."),
        QT_TRANSLATE_NOOP("SamplingTab", "Set 4 steps and switch Euler, Heun, DPM++(2M): compare the star on the "
                          "quality plot at equal NFE."),
        QT_TRANSLATE_NOOP("SamplingTab", "Choose the trained network, DPM++(2M), 4 steps, and drag ρ down to 0.5; "
                          "then try Euler."),
        QT_TRANSLATE_NOOP("SamplingTab", "Press <b>Run ρ × steps grid</b> for each solver: blue cells are where "
                          "tuning helps."),
        QT_TRANSLATE_NOOP("SamplingTab", "Train again for a few hundred steps: a worse network, and a different "
                          "grid."),
    ),
)


# ----- worker side (no Qt) -----
@dataclass(frozen=True)
class LiveResult:
    """One sampling run and everything drawn from it; per-frame drawing only slices these arrays."""

    trajectory: Trajectory
    scale: np.ndarray  # display = x * scale[frame]
    half_width: np.ndarray  # display extent per frame (square, centred at 0)
    images: np.ndarray  # (frames, res, res) √(p_σ / max p_σ), indexed [iy, ix], spanning ±DENSITY_REACH·half_width
    traces: np.ndarray  # (TRACE_COUNT, frames, 2) the first trajectories in display coordinates
    params: dict
    particles: int  # drawn (after the network cap)
    metric: float  # sliced W2 of EXPERIMENT_PARTICLES samples, the same run as the quality curves' point
    floor: float
    error_curve: np.ndarray | None  # network's RMS error against the exact D per ERROR_SIGMAS, at this ρ

    @property
    def frames(self) -> int:
        return self.trajectory.path.shape[0]


def _data_half_width(mixture: GaussianMixture) -> float:
    spread = np.sqrt(np.clip(np.linalg.eigvalsh(mixture.covs)[:, -1], 0.0, None))
    reach = float(np.max(np.linalg.norm(mixture.means, axis=1) + 3.0 * spread))
    return 1.05 * max(3.0, reach)  # the scaled view's starting blob N(0, 1) needs ±3 too


def _checked(denoiser, job: Job):
    """The denoiser, checking for cancellation before each evaluation (a slider drag cancels at once)."""

    def call(x, sigma):
        job.check()
        return denoiser(x, sigma)

    return call


@functools.lru_cache(maxsize=4)
def display_frames(preset_name: str, schedule: str, steps: int, view: str):
    """Per frame: the display scale, the half-width of the view, and the background density image.

    Cached: they depend on neither the solver, the seed nor the denoiser, the parameters most often dragged.
    """
    mixture = preset(preset_name)
    sigmas = get_schedule(schedule, steps, SIGMA_MIN, SIGMA_MAX)
    if view == "scaled":
        scale = 1.0 / np.sqrt(1.0 + sigmas**2)
        half_width = np.full(sigmas.size, _data_half_width(mixture))
    else:
        scale = np.ones(sigmas.size)
        half_width = np.maximum(_data_half_width(mixture), 3.0 * sigmas)
    images = density_images(mixture, sigmas, scale, half_width)
    for array in (scale, half_width, images):
        array.flags.writeable = False  # shared between results
    return scale, half_width, images


def density_images(mixture: GaussianMixture, sigmas, scale, half_width) -> np.ndarray:
    """√(p_σ / max p_σ) per frame on a DENSITY_RES grid over ±DENSITY_REACH·half_width in display coordinates.

    The grid is evaluated at x = display / scale. The square root keeps the broad mid-σ densities visible next to
    their peak. σ is floored at half a pixel: a point mass would otherwise fall between the pixels.
    """
    images = np.empty((len(sigmas), DENSITY_RES, DENSITY_RES), dtype=np.float32)
    for i, sigma in enumerate(sigmas):
        h = DENSITY_REACH * half_width[i] / scale[i]
        pixel = 2.0 * h / DENSITY_RES
        centres = -h + (np.arange(DENSITY_RES) + 0.5) * pixel  # pixel centres, as fields.grid_points lays them
        images[i] = np.sqrt(mixture.relative_density_grid(centres, centres, max(float(sigma), 0.5 * pixel)))
    return images


def trails(traces: np.ndarray, frame: int) -> np.ndarray:
    """The traced trajectories up to `frame` as one NaN-separated polyline."""
    upto = traces[:, : frame + 1]
    gaps = np.full((upto.shape[0], 1, 2), np.nan)
    return np.concatenate([upto, gaps], axis=1).reshape(-1, 2)


@functools.lru_cache(maxsize=4)
def live_scorer(preset_name: str, seed: int):
    """The scorer behind the quality curves for this preset and seed (its floor takes as long as a sampling run)."""
    return quality_scorer(preset(preset_name), n=EXPERIMENT_PARTICLES, seed=seed)


def compute_live(params: dict[str, Any], job: Job) -> LiveResult:
    mixture = preset(params["preset"])
    steps, solver, seed = params["steps"], params["solver"], params["seed"]
    sigmas = get_schedule(params["schedule"], steps, SIGMA_MIN, SIGMA_MAX)
    use_network = params["denoiser"] == "network"
    particles = min(params["particles"], NETWORK_PARTICLE_CAP) if use_network else params["particles"]
    if use_network:
        if not torch_worker.torch_loaded():
            job.progress(0.0, translate("SamplingTab", "loading torch and the network"))
        denoiser = torch_worker.denoiser_factory(params["preset"], params["skip_direction"], params.get(NETWORK))
        denoise = _checked(denoiser(params["skip_rho"]), job)
    else:
        denoise = _checked(mixture.denoise, job)
    # The seed streams of quality_vs_steps, so the quality point is its run: an ODE solver's first
    # EXPERIMENT_PARTICLES particles are that run exactly; a stochastic solver draws its noise per particle count,
    # so it runs again at that count.
    _, prior_seed, noise_seed = np.random.SeedSequence(seed).spawn(3)
    x_T = prior_sample(max(particles, EXPERIMENT_PARTICLES), SIGMA_MAX, prior_seed)
    trajectory = sample(denoise, x_T[:particles], sigmas, solver, noise_seed, DDIM_ETA)
    if solver in ODE_SOLVERS and particles >= EXPERIMENT_PARTICLES:
        scored = trajectory.samples[:EXPERIMENT_PARTICLES]
    else:
        scored = sample(denoise, x_T[:EXPERIMENT_PARTICLES], sigmas, solver, noise_seed, DDIM_ETA).samples
    scorer = live_scorer(params["preset"], seed)
    scale, half_width, images = display_frames(params["preset"], params["schedule"], steps, params["view"])
    error_curve = None
    if use_network:
        error_curve = denoiser_error_by_sigma(params["skip_rho"], ERROR_SIGMAS, denoiser, mixture,
                                              n=EXPERIMENT_PARTICLES)
    return LiveResult(
        trajectory=trajectory, scale=scale, half_width=half_width, images=images,
        traces=(trajectory.path[:, :TRACE_COUNT] * scale[:, None, None]).transpose(1, 0, 2),
        params={k: v for k, v in params.items() if k != NETWORK}, particles=particles,
        metric=scorer.score(scored), floor=scorer.floor, error_curve=error_curve,
    )


@dataclass(frozen=True)
class CurvesRequest:
    """Quality against NFE for every solver: the exact D, or the untuned network (ρ = 1)."""

    preset: str
    schedule: str
    seed: int
    denoiser: str
    network_version: int
    model: Any = field(default=None, compare=False)

    @property
    def key(self) -> tuple:
        return (self.preset, self.schedule, self.seed, self.denoiser, self.network_version)


@dataclass(frozen=True)
class SkipRequest:
    """The ρ × steps grid for one solver, and the network's error per σ for a few ρ."""

    preset: str
    solver: str
    schedule: str
    seed: int
    direction: str
    rhos: tuple
    steps: tuple
    network_version: int
    model: Any = field(default=None, compare=False)

    @property
    def key(self) -> tuple:
        return (self.preset, self.solver, self.schedule, self.seed, self.direction, self.rhos, self.steps,
                self.network_version)


@dataclass(frozen=True)
class ExperimentResult:
    curves: Any = None  # QualityCurves
    curves_key: tuple | None = None
    grid: Any = None  # SkipGrid
    errors: np.ndarray | None = None  # (len(ERROR_RHOS), len(ERROR_SIGMAS))
    skip_key: tuple | None = None
    skip_request: SkipRequest | None = None


def run_experiments(curves: CurvesRequest | None, skip: SkipRequest | None, job: Job) -> ExperimentResult:
    """The heavy part: whichever of the two requests is given. Cancellation drops the whole job."""
    curve_steps = CURVE_STEPS[curves.denoiser] if curves else ()
    curve_runs = len(SOLVERS) * len(curve_steps)
    grid_runs = len(skip.rhos) * len(skip.steps) if skip else 0
    total = curve_runs + grid_runs + (len(ERROR_RHOS) if skip else 0)

    def reporter(offset: int, template: str):
        return lambda done, count: job.progress((offset + done) / total, template.format(done=done, count=count))

    def stop() -> bool:
        return job.cancelled

    out: dict[str, Any] = {}
    if curves is not None:
        mixture = preset(curves.preset)
        if curves.denoiser == "network":
            denoiser = torch_worker.denoiser_factory(curves.preset, "uniform", curves.model)(1.0)
        else:
            denoiser = mixture.denoise
        out["curves"] = quality_vs_steps(
            denoiser, mixture, curve_steps, SOLVERS, schedule=curves.schedule, n=EXPERIMENT_PARTICLES,
            seed=curves.seed, eta=DDIM_ETA,
            progress=reporter(0, translate("SamplingTab", "quality vs NFE: run {done}/{count}")), should_stop=stop)
        out["curves_key"] = curves.key
    if skip is not None:
        job.check()
        mixture = preset(skip.preset)
        make = torch_worker.denoiser_factory(skip.preset, skip.direction, skip.model)
        out["grid"] = skip_grid(
            skip.rhos, skip.steps, make, mixture, solver=skip.solver, schedule=skip.schedule,
            n=EXPERIMENT_PARTICLES, seed=skip.seed, eta=DDIM_ETA,
            progress=reporter(curve_runs, translate("SamplingTab", "ρ × steps grid: cell {done}/{count}")),
            should_stop=stop)
        errors = []
        for index, rho in enumerate(ERROR_RHOS):
            job.progress((curve_runs + grid_runs + index) / total, translate("SamplingTab", "network error per σ"))
            errors.append(denoiser_error_by_sigma(rho, ERROR_SIGMAS, make, mixture, n=EXPERIMENT_PARTICLES))
        out.update(errors=np.array(errors), skip_key=skip.key, skip_request=skip)
    job.check()  # a stopped experiment returns partial results: drop them
    job.progress(1.0, translate("SamplingTab", "experiments done"))
    return ExperimentResult(**out)


@dataclass(frozen=True)
class TrainedNetwork:
    preset: str
    model: Any
    steps: int
    final_loss: float


def train_job(preset_name: str, steps: int, seed: int, job: Job) -> TrainedNetwork:
    template = translate("SamplingTab", "training {step}/{total}, loss {loss}")

    def progress(step: int, total: int, loss: float) -> None:
        job.progress(step / total, template.format(step=step, total=total, loss=f"{loss:.3f}"))

    if not torch_worker.torch_loaded():
        job.progress(0.0, translate("SamplingTab", "training: loading torch"))
    result = torch_worker.train_network(preset_name, steps, seed, progress, lambda: job.cancelled)
    if not result.completed:
        raise Cancelled
    tail = result.losses[-min(100, result.losses.size):]
    return TrainedNetwork(preset_name, result.model, steps, float(np.mean(tail)))


# ----- GUI -----
class SamplingTab(TopicTab):
    topic_id = "sampling"
    specs = SPECS
    view_specs = (
        # Frame 0 is the noise, frame `steps` the samples; past the end of a run, the last frame is shown.
        ParamSpec("frame", "int", 0, minimum=0, maximum=spec_by_name(SPECS, "steps").maximum),
        ParamSpec("grid", "bool", False),
    )
    explanation = EXPLANATION

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        self._result: LiveResult | None = None
        self._wanted_frame: int | None = None  # from apply_view_state, applied when a result arrives
        self._at_last_frame = True
        self._networks: dict[str, TrainedNetwork] = {}  # retrained this session, by preset
        self._network_versions: dict[str, int] = {}
        self._training_preset: str | None = None  # the data the last training was started for
        self._interrupted_preset: str | None = None  # whose training a language switch stopped (see take_over)
        self._requested: dict[str, Any] = {"curves": None, "skip": None}
        self._shown_curves = None  # the quality curves drawn last (their range also takes the current run)
        self._shown_keys: dict[str, tuple | None] = {"curves": None, "skip": None}
        self._auto_keys: dict[str, tuple | None] = {"curves": None, "network": None}  # last automatic requests
        self._experiments_ready = False
        self._grid = None  # the SkipGrid on show
        self._grid_summary = ""
        super().__init__(theme, parent)

        self.experiments = self.add_runner("sampling-experiments")
        self.experiments.result.connect(self._on_experiments)
        self.experiments.failed.connect(self._on_experiments_failed)
        self.experiments.progress.connect(self._on_experiments_progress)
        self.trainer = self.add_runner("sampling-training")
        self.trainer.result.connect(self._on_trained)
        self.trainer.failed.connect(self._on_train_failed)
        self.trainer.progress.connect(self._on_train_progress)
        self._experiments_ready = True
        self._sync_experiments()
        self._show_network_source()

    # ----- building -----
    def build_plots(self) -> QWidget:
        panel = self.plot_panel = PlotPanel(self.theme)
        self.flow_plot = panel.add_plot(0, 0, self.tr("Probability-flow ODE: noise → data"), *AXIS_LABELS["scaled"],
                                        rowspan=3, equal_aspect=True, legend=(-6, 6))
        self.quality_plot = panel.add_plot(0, 1, self.tr("Quality vs NFE"), self.tr("NFE (evaluations of D)"),
                                           self.tr("sliced W₂ to data"), legend="below", log_x=True, log_y=True)
        self.grid_plot = panel.add_plot(1, 1, self.tr("Skip-Tuning grid"), self.tr("solver steps"),
                                        self.tr("skip scale ρ"))
        self.error_plot = panel.add_plot(2, 1, self.tr("Network error vs exact D"), self.tr("noise level σ"),
                                         "RMS ‖D − E[x₀|x]‖",
                                         legend=(-6, -6), log_x=True, log_y=True)
        self.error_plot.legend.setColumnCount(2)
        panel.set_smallest_data_area(self.flow_plot, *FLOW_SMALLEST)
        panel.set_smallest_data_area(self.quality_plot, *QUALITY_SMALLEST)
        panel.ci.layout.setColumnStretchFactor(0, 5)
        panel.ci.layout.setColumnStretchFactor(1, 3)
        self._build_flow(panel)
        self._build_quality(panel)
        self._build_grid(panel)
        self._build_errors(panel)

        self.play_bar = PlayBar(FRAMES_PER_SECOND, counts_from=0)  # frame 0: before the first step
        self.play_bar.frame_changed.connect(self._on_frame)
        self.readout = SteadyLabel(word_wrap=True, rich=False)
        self.readout.setObjectName("readout")
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 6, 6)
        layout.addWidget(panel, 1)
        layout.addWidget(self.play_bar)
        layout.addWidget(self.readout)
        self.on_theme(self.theme)
        return area

    def _build_flow(self, panel: PlotPanel) -> None:
        plot = self.flow_plot
        self.density = panel.image(plot)
        self.density.setZValue(-10)
        self.traces = panel.curve(plot, Style("c0", 0.7, alpha=70),
                                  self.tr("paths ({count} shown)").format(count=TRACE_COUNT), connect="finite")
        self.predictions = panel.scatter(plot, Style("c1", alpha=150, symbol_color="c1"), size=3,
                                         name=self.tr("predicted x₀ = D(x, σ)"))
        self.particles = panel.scatter(plot, Style("c0", symbol_color="c0"), size=4, name=self.tr("particles x"))
        self.frame_text = panel.text(plot, "foreground", anchor=(0, 0))

    def _build_quality(self, panel: PlotPanel) -> None:
        plot = self.quality_plot
        # The floor is named by a text on the plot, not in the crowded legend.
        self.floor_line = panel.curve(plot, Style("muted", 1.2, dash=True), label=self.tr("exact-sample floor"))
        self.floor_label = panel.text(plot, "muted", anchor=(0, 1))
        self.quality_curves = {
            solver: panel.curve(plot, Style(f"c{index}", 1.6), LEGEND_NAMES[solver], symbol="o", symbolSize=4,
                                connect="finite")
            for index, solver in enumerate(SOLVERS)
        }
        self.live_point = panel.curve(plot, Style("foreground", 0), self.tr("run"), symbol="star", symbolSize=15)
        self.off_scale_note = panel.text(plot, "muted", anchor=(0, 1))
        _log_ticks(plot.getAxis("bottom"), (1, 2, 5, 10, 20, 50, 100))
        _log_ticks(plot.getAxis("left"), QUALITY_TICKS)

    def _build_grid(self, panel: PlotPanel) -> None:
        plot = self.grid_plot
        plot.showGrid(x=False, y=False)
        plot.setMouseEnabled(x=False, y=False)
        self.heat = panel.image(plot, "CET-D1")
        self.heat_bar = pg.ColorBarItem(values=(-HEAT_LIMIT, HEAT_LIMIT), colorMap=pg.colormap.get("CET-D1"),
                                        interactive=False, width=10, colorMapMenu=False)
        self.heat_bar.setImageItem(self.heat, insert_in=plot)
        self.heat_bar.axis.setTicks([[(-1.0, "½×"), (0.0, "1×"), (1.0, "2×")]])
        self.heat_bar.axis.setWidth(None)  # the bar fixes 45 px, too narrow for the label at large fonts
        # Dark in either theme: they lie on the heat map, whose middle is white (the dark theme's light lines vanished).
        self.rho_marker = panel.line(plot, 0.0, angle=0, style=Style(_ON_HEAT_MAP, 1.2, dash=True))
        self.steps_marker = panel.line(plot, 0.0, angle=90, style=Style(_ON_HEAT_MAP, 1.2, dash=True))
        self.grid_busy_note = panel.text(plot, "muted", anchor=(0.5, 0.5))
        self.grid_stale_note = panel.text(plot, "warning", anchor=(0.5, 0.5))

    def _build_errors(self, panel: PlotPanel) -> None:
        plot = self.error_plot
        alphas = np.linspace(255, 90, len(ERROR_RHOS) - 1)
        self.error_curves = [panel.curve(plot, Style("foreground", 1.6), "ρ = 1")]
        self.error_curves += [
            panel.curve(plot, Style("c3", 1.6, alpha=int(alpha)), f"ρ = {rho:g}")
            for rho, alpha in zip(ERROR_RHOS[1:], alphas)
        ]
        self._live_error_name = self.tr("this ρ")  # in the legend only while drawn (see _show_live_error)
        self.live_error = panel.curve(plot, Style("c1", 2.2, dash=True), self._live_error_name)
        panel.set_listed(self.live_error, False)
        self.sigma_marker = panel.line(plot, 0.0, angle=90, style=Style("muted", 1.0, dash=True))
        _log_ticks(plot.getAxis("bottom"), (0.001, 0.01, 0.1, 1, 10, 100))
        _log_ticks(plot.getAxis("left"), (1e-4, 1e-3, 0.01, 0.1, 1, 10))

    def build_controls(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)

        grid_box = QGroupBox(self.tr("Skip-Tuning experiments"))
        grid_layout = QGridLayout(grid_box)
        self.run_button = QPushButton(self.tr("Run ρ × steps grid"))
        self.run_button.setToolTip(self.tr("Measure sample quality for every grid ρ and step count with the current "
                                           "solver, schedule, seed and network (runs in the background)"))
        self.run_button.clicked.connect(self.run_grid)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running experiments; the plots keep their last results"))
        self.cancel_button.clicked.connect(self.cancel_experiments)
        self.cancel_button.setEnabled(False)
        self.experiment_progress = QProgressBar()
        self.experiment_progress.setRange(0, 1000)
        self.experiment_progress.setTextVisible(False)
        self.experiment_progress.setMaximumHeight(8)
        self.experiment_status = QLabel()
        self.experiment_status.setWordWrap(True)
        grid_layout.addWidget(self.run_button, 0, 0)
        grid_layout.addWidget(self.cancel_button, 0, 1)
        grid_layout.addWidget(self.experiment_progress, 1, 0, 1, 2)
        grid_layout.addWidget(self.experiment_status, 2, 0, 1, 2)
        layout.addWidget(grid_box)

        train_box = QGroupBox(self.tr("Network"))
        train_layout = QGridLayout(train_box)
        self.train_steps = QSpinBox()
        self.train_steps.setRange(10, 20000)
        self.train_steps.setSingleStep(100)
        self.train_steps.setValue(TRAIN_STEPS_DEFAULT)
        self.train_steps.setSuffix(self.tr(" steps"))
        self.train_steps.setToolTip(self.tr("Training steps (batch 1024, EDM loss). The shipped weights had 3000."))
        self.train_button = QPushButton(self.tr("Train again"))
        self.train_button.setToolTip(self.tr("Train a new network for the current data in the background and use it "
                                             "for this session (the shipped weights are not overwritten)"))
        self.train_button.clicked.connect(self.train_again)
        self.train_cancel_button = QPushButton(self.tr("Cancel"))
        self.train_cancel_button.setToolTip(self.tr("Stop training and keep the current network"))
        self.train_cancel_button.clicked.connect(self.cancel_training)
        self.train_cancel_button.setEnabled(False)
        self.train_progress = QProgressBar()
        self.train_progress.setRange(0, 1000)
        self.train_progress.setTextVisible(False)
        self.train_progress.setMaximumHeight(8)
        self.train_progress.hide()
        self.network_status = QLabel()
        self.network_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.train_steps, 1)
        row.addWidget(self.train_button)
        row.addWidget(self.train_cancel_button)
        train_layout.addLayout(row, 0, 0)
        train_layout.addWidget(self.train_progress, 1, 0)
        train_layout.addWidget(self.network_status, 2, 0)
        layout.addWidget(train_box)
        return box

    # ----- live trajectory -----
    @staticmethod
    def compute(params: dict[str, Any], job: Job) -> LiveResult:
        return compute_live(params, job)

    def request_update(self) -> None:
        self.runner.submit(type(self).compute, {**self._values, NETWORK: self._session_model(self._values["preset"])})
        if self._experiments_ready:
            self._show_network_source()
            self._sync_experiments()

    def show_result(self, result: LiveResult) -> None:
        self._result = result
        frames = result.frames
        if self._wanted_frame is not None and self._wanted_frame < frames:
            frame = self._wanted_frame
        elif self._at_last_frame or self.play_bar.frame >= frames:
            frame = frames - 1
        else:
            frame = self.play_bar.frame
        self._wanted_frame = None
        layers = result.params["layers"]
        self.density.setVisible("density" in layers)
        self.predictions.setVisible("denoised" in layers)
        self.plot_panel.set_listed(self.traces, "traces" in layers)
        size = 4 if result.particles <= 3000 else 3
        if self.particles.opts["size"] != size:
            self.particles.setSize(size)
        x_label, y_label = AXIS_LABELS[result.params["view"]]
        self.plot_panel.set_labels(self.flow_plot, x_label=x_label, y_label=y_label)
        if result.params["view"] == "scaled":
            half = result.half_width[0]
            set_range(self.flow_plot, (-half, half), (-half, half), padding=0.0)
        set_data(self.live_point, [result.trajectory.nfe], [max(result.metric, ZERO_SHOWN_AT)])
        self._range_quality()
        self._show_live_error(result)
        self._update_grid_markers()

        self.play_bar.blockSignals(True)
        self.play_bar.set_frame_count(frames)
        self.play_bar.set_frame(frame)
        self.play_bar.blockSignals(False)
        self._show_frame(frame)
        self._show_readout(result)

    @Slot(int)
    def _on_frame(self, frame: int) -> None:
        self._show_frame(frame)

    def _show_frame(self, frame: int) -> None:
        """Draw one frame from the stored run: slices and a scale, no computation."""
        result = self._result
        if result is None or not 0 <= frame < result.frames:
            return
        self._at_last_frame = frame == result.frames - 1
        trajectory = result.trajectory
        _move_points(self.particles, trajectory.path[frame] * result.scale[frame])
        # At σ = 0 the prediction is the sample itself.
        predicted = trajectory.denoised[frame] if frame < trajectory.denoised.shape[0] else trajectory.path[-1]
        _move_points(self.predictions, predicted)
        trail = trails(result.traces, frame) if "traces" in result.params["layers"] else np.empty((0, 2))
        set_data(self.traces, trail[:, 0], trail[:, 1], connect="finite")
        h = float(result.half_width[frame])
        reach = DENSITY_REACH * h
        self.density.setImage(result.images[frame], levels=(0.0, 1.0), autoLevels=False)
        self.density.setRect(QRectF(-reach, -reach, 2 * reach, 2 * reach))
        if result.params["view"] == "raw":
            set_range(self.flow_plot, (-h, h), (-h, h), padding=0.0)
        sigma = float(trajectory.sigmas[frame])
        steps = trajectory.sigmas.size - 1
        set_text(self.frame_text, self.tr("step {frame} / {steps}   σ = {sigma}").format(
            frame=frame, steps=steps, sigma=f"{sigma:.3g}"), -0.97 * h, 0.97 * h)
        self.sigma_marker.setVisible(sigma > 0)
        if sigma > 0:
            self.sigma_marker.setPos(math.log10(sigma))

    def _show_live_error(self, result: LiveResult) -> None:
        if result.error_curve is None:
            set_data(self.live_error, [], [])
        else:
            set_data(self.live_error, ERROR_SIGMAS, np.maximum(result.error_curve, 1e-6))
        self.plot_panel.set_listed(self.live_error, result.error_curve is not None)

    def _show_readout(self, result: LiveResult) -> None:
        p = result.params
        nfe = result.trajectory.nfe
        if p["denoiser"] == "network":
            denoiser = self.tr("trained network, ρ = {rho} ({profile})").format(
                rho=f"{p['skip_rho']:.2f}", profile=self._choice_label("skip_direction", p["skip_direction"]))
            if result.particles < p["particles"]:
                denoiser += self.tr(" · {drawn} of {asked} particles (network cap)").format(
                    drawn=result.particles, asked=p["particles"])
        else:
            denoiser = self.tr("exact D")
            if p["skip_rho"] != 1.0:
                denoiser += self.tr(" (ρ acts on the trained network only)")
        steps = self.tr("1 step") if p["steps"] == 1 else self.tr("{steps} steps").format(steps=p["steps"])
        live = self.tr("<b>{solver}</b>, {steps}, <b>NFE = {nfe}</b> · {denoiser} · sliced W₂ to data "
                       "<b>{metric}</b> (floor {floor}, {samples} samples)").format(
            solver=SOLVER_SHORT[p["solver"]], steps=steps, nfe=nfe, denoiser=denoiser,
            metric=f"{result.metric:.3f}", floor=f"{result.floor:.3f}", samples=EXPERIMENT_PARTICLES)
        self.readout.setText(live + (f"<br>{self._grid_summary}" if self._grid_summary else ""))

    def _choice_label(self, name: str, choice: Any) -> str:
        return self.tr(spec_by_name(self.specs, name).label_of(choice))

    # ----- experiments (second runner) -----
    def _network_version(self, preset_name: str) -> int:
        return self._network_versions.get(preset_name, 0)

    def _session_model(self, preset_name: str):
        network = self._networks.get(preset_name)
        return network.model if network else None

    def _curves_request(self) -> CurvesRequest:
        v = self._values
        network = v["denoiser"] == "network"
        return CurvesRequest(v["preset"], v["schedule"], v["seed"], v["denoiser"],
                             self._network_version(v["preset"]) if network else 0,
                             self._session_model(v["preset"]) if network else None)

    def _skip_request(self) -> SkipRequest:
        v = self._values
        return SkipRequest(v["preset"], v["solver"], v["schedule"], v["seed"], v["skip_direction"],
                           parse_rhos(v["grid_rhos"]), parse_steps(v["grid_steps"]),
                           self._network_version(v["preset"]), self._session_model(v["preset"]))

    def _sync_experiments(self) -> None:
        """Request what a parameter change made out of date: the quality curves when their inputs change, the grid
        only when the network itself changes (other changes mark it stale until Run is pressed). Each automatic
        request is made once, so a cancelled experiment stays cancelled until its inputs change again."""
        wanted = False
        curves = self._curves_request()
        if curves.key != self._auto_keys["curves"]:
            self._auto_keys["curves"] = curves.key
            if curves.key != self._shown_keys["curves"]:
                self._requested["curves"] = curves
                wanted = True
        skip = self._skip_request()
        network = (skip.preset, skip.network_version)
        if network != self._auto_keys["network"]:
            self._auto_keys["network"] = network
            if skip.key != self._shown_keys["skip"]:
                self._requested["skip"] = skip
                wanted = True
        if wanted:
            self._submit_experiments()
        self._show_experiment_state()

    def _submit_experiments(self) -> None:
        # The runner keeps one request: always send every part not yet delivered.
        self.experiments.submit(run_experiments, self._requested["curves"], self._requested["skip"])
        self.cancel_button.setEnabled(True)

    @Slot()
    def run_grid(self) -> None:
        """Measure the ρ × steps grid (and the curves, if stale) for the current parameters."""
        self._requested["skip"] = self._skip_request()
        curves = self._curves_request()
        if curves.key != self._shown_keys["curves"]:
            self._requested["curves"] = curves
        self._submit_experiments()
        self._show_experiment_state()

    @Slot()
    def cancel_experiments(self) -> None:
        self.experiments.cancel()
        self._requested = {"curves": None, "skip": None}
        self.experiment_progress.setValue(0)
        self._show_experiment_state(cancelled=True)

    @Slot(int, object)
    def _on_experiments(self, _generation: int, result: ExperimentResult) -> None:
        if result.curves is not None and result.curves_key == _key(self._requested["curves"]):
            self._requested["curves"] = None
            self._shown_keys["curves"] = result.curves_key
            self._show_curves(result.curves)
        if result.grid is not None and result.skip_key == _key(self._requested["skip"]):
            self._requested["skip"] = None
            self._shown_keys["skip"] = result.skip_key
            self._show_grid(result.grid, result.skip_request)
            self._show_errors(result.errors)
        self._show_experiment_state()

    @Slot(int, str)
    def _on_experiments_failed(self, _generation: int, message: str) -> None:
        self._requested = {"curves": None, "skip": None}
        self._show_experiment_state()
        self.experiment_status.setText(self.tr("Failed: {message}").format(message=message))
        self._show_error(self.tr("experiment failed: {message}").format(message=message))

    @Slot(float, str)
    def _on_experiments_progress(self, fraction: float, message: str) -> None:
        self.experiment_progress.setValue(round(fraction * 1000))
        self.progress_changed.emit(fraction, message)

    def _show_experiment_state(self, cancelled: bool = False) -> None:
        running = any(request is not None for request in self._requested.values())
        self.cancel_button.setEnabled(running)
        if not running:
            self.experiment_progress.setValue(0)
        curves_shown = self._shown_keys["curves"]
        if curves_shown is not None:
            stale_curves = curves_shown != self._curves_request().key
            exact = curves_shown[3] == "exact"
            title = self.tr("Quality vs NFE, exact D") if exact else self.tr("Quality vs NFE, network, ρ = 1")
            if stale_curves:
                title = self.tr("{title} (stale)").format(title=title)
            self.plot_panel.set_labels(self.quality_plot, title=title)
        shown = self._shown_keys["skip"]
        stale = shown is not None and shown != self._skip_request().key
        grid_running = self._requested["skip"] is not None
        for note, text in ((self.grid_busy_note, self.tr("computing…") if grid_running else ""),
                           (self.grid_stale_note, self.tr("stale: press Run ρ × steps grid")
                            if stale and not grid_running else "")):
            set_note(note, text, *self._grid_centre())
        if cancelled:
            status = self.tr("Cancelled; the plots keep their last results.")
        elif running:
            computing = {
                (True, False): self.tr("Computing quality curves…"),
                (False, True): self.tr("Computing ρ × steps grid…"),
                (True, True): self.tr("Computing quality curves and ρ × steps grid…"),
            }
            status = computing[self._requested["curves"] is not None, grid_running]
        elif shown is None:
            status = self.tr("No grid yet: press Run.")
        else:
            _, solver, schedule, seed, direction, *_ = shown
            template = (self.tr("Grid: {solver}, {schedule}, seed {seed}, {profile} (stale).") if stale
                        else self.tr("Grid: {solver}, {schedule}, seed {seed}, {profile}."))
            status = template.format(solver=SOLVER_SHORT[solver], schedule=self.tr(SCHEDULE_LABELS[schedule]),
                                     seed=seed, profile=self._choice_label("skip_direction", direction))
        self.experiment_status.setText(status)

    def _grid_centre(self) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.grid_plot.vb.viewRange()
        return (x0 + x1) / 2, (y0 + y1) / 2

    def _show_curves(self, curves) -> None:
        for solver, item in self.quality_curves.items():
            set_data(item, curves.nfe[solver].astype(float), np.maximum(curves.values[solver], ZERO_SHOWN_AT),
                     connect="finite")
        top = max(int(max(nfe.max() for nfe in curves.nfe.values())), 2)
        # A point mass has floor 0: exact samples coincide. A log axis cannot show that line.
        floor = [curves.floor] * 2 if curves.floor > 0 else []
        set_data(self.floor_line, [1.0, float(top)][: len(floor)], floor)
        self.floor_label.setVisible(bool(floor))
        if floor:
            set_text(self.floor_label, self.tr("floor"), 0.0, math.log10(curves.floor))
        self._shown_curves = curves
        self._range_quality()

    def _range_quality(self) -> None:
        """The quality plot's range: the curves, the floor and the current run's ★ (which can lie below them all)."""
        curves = self._shown_curves
        if curves is None:
            return
        point = self.live_point  # xData/yData: the data as set (getData gives the log10 of a log plot)
        live_nfe, live_value = (np.zeros(0), np.zeros(0)) if point.yData is None else (point.xData, point.yData)
        top = max(int(max(nfe.max() for nfe in curves.nfe.values())), 2, *live_nfe.astype(int))
        # Few-step Heun can throw samples far off (W₂ ~ 50): keep the interesting decades readable instead.
        values = np.concatenate([*curves.values.values(), [curves.floor], live_value])
        drawn = np.maximum(values[np.isfinite(values)], ZERO_SHOWN_AT)  # as the curves are drawn: a log axis has no 0
        low = (drawn.min() if drawn.size else 1.0) / 2.2  # room for the note below the floor
        high = min(max(drawn.max() if drawn.size else 1.0, 10 * low), CURVE_CEILING) * 1.2
        # 5% beyond the ends: the ★ is 15 px wide, and at NFE 1 or the highest NFE it sat half outside.
        set_range(self.quality_plot, (0.0, math.log10(top)), (math.log10(low), math.log10(high)), padding=0.05)
        known = np.concatenate(list(curves.values.values()))
        known = known[np.isfinite(known)]
        exact = known.size > 0 and not known.any()  # a point mass: every sampler lands on it, W₂ = 0
        if exact:
            # The log axis has no decade in view to label then: its one tick names the line.
            set_ticks(self.quality_plot.getAxis("left"), [[(math.log10(ZERO_SHOWN_AT), "0")]])
            note = self.tr("W₂ = 0 at every NFE: exact D carries all the noise onto the point mass")
        else:
            _log_ticks(self.quality_plot.getAxis("left"), QUALITY_TICKS)
            off = [(SOLVER_SHORT[s], curves.nfe[s][np.nanargmax(v)], np.nanmax(v)) for s, v in curves.values.items()
                   if np.nanmax(v) > high]
            template = self.tr("↑ {solver}: {peak} at NFE {nfe}")
            note = "; ".join(template.format(solver=name, peak=f"{peak:.3g}", nfe=nfe) for name, nfe, peak in off)
        set_note(self.off_scale_note, note, 0.02, math.log10(low) + 0.02)

    def _show_grid(self, grid, request: SkipRequest) -> None:
        base_row = int(np.argmin(np.abs(grid.rhos - 1.0)))
        base = grid.values[base_row]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.log2(grid.values / base)
        self.heat.setImage(np.clip(np.nan_to_num(ratio), -HEAT_LIMIT, HEAT_LIMIT), autoLevels=False,
                           levels=(-HEAT_LIMIT, HEAT_LIMIT))
        rows, columns = grid.values.shape
        self.heat.setRect(QRectF(-0.5, -0.5, columns, rows))
        set_ticks(self.grid_plot.getAxis("bottom"), [[(j, str(s)) for j, s in enumerate(grid.steps)]])
        set_ticks(self.grid_plot.getAxis("left"), [[(i, f"{r:g}") for i, r in enumerate(grid.rhos)]])
        set_range(self.grid_plot, (-0.5, columns - 0.5), (-0.5, rows - 0.5), padding=0)
        self.plot_panel.set_labels(self.grid_plot, title=self.tr("Skip-Tuning grid, {solver}").format(
            solver=SOLVER_SHORT[request.solver]))
        self._grid = grid
        self._update_grid_markers()
        gains = base - grid.values
        i, j = np.unravel_index(np.argmax(gains), gains.shape)
        worse = int(np.sum(grid.values > 1.02 * base))
        if gains[i, j] > 0.02 * base[j]:
            # The floor says whether the cell is good or only less bad: the largest gain is often a broken run's.
            best = self.tr("best: ρ = {rho} at {steps} steps, {before} → {after} (floor {floor})").format(
                rho=f"{grid.rhos[i]:g}", steps=grid.steps[j], before=f"{base[j]:.3f}", after=f"{grid.values[i, j]:.3f}",
                floor=f"{grid.floor:.3f}")
        else:
            best = self.tr("no cell gains more than 2%")
        self._grid_summary = self.tr("ρ × steps grid ({solver}, sliced W₂): {best}; worse than ρ = 1 in {worse} of "
                                     "{cells} cells").format(solver=SOLVER_SHORT[request.solver], best=best,
                                                             worse=worse, cells=grid.values.size - columns)
        if self._result is not None:
            self._show_readout(self._result)

    def _update_grid_markers(self) -> None:
        grid = self._grid
        if grid is None:
            self.rho_marker.hide()
            self.steps_marker.hide()
            return
        rho, steps = self._values["skip_rho"], self._values["steps"]
        for marker, value, axis in ((self.rho_marker, rho, grid.rhos), (self.steps_marker, steps, grid.steps)):
            inside = axis[0] <= value <= axis[-1]
            marker.setVisible(bool(inside))
            if inside:
                marker.setPos(float(np.interp(value, axis, np.arange(len(axis)))))

    def _show_errors(self, errors: np.ndarray) -> None:
        for item, row in zip(self.error_curves, errors):
            set_data(item, ERROR_SIGMAS, np.maximum(row, 1e-6))

    # ----- training (third runner) -----
    @Slot()
    def train_again(self) -> None:
        self._training_preset, self._interrupted_preset = self._values["preset"], None
        self.trainer.submit(train_job, self._values["preset"], self.train_steps.value(), self._values["seed"])
        self.train_button.setEnabled(False)
        self.train_cancel_button.setEnabled(True)
        self.train_progress.setValue(0)
        self.train_progress.show()
        self.network_status.setText(self.tr("Training…"))

    @Slot()
    def cancel_training(self) -> None:
        self.trainer.cancel()
        self._training_done()
        self.network_status.setText(self.tr("Training cancelled; keeping the current network."))

    @Slot(int, object)
    def _on_trained(self, _generation: int, trained: TrainedNetwork) -> None:
        self._networks[trained.preset] = trained
        self._network_versions[trained.preset] = self._network_version(trained.preset) + 1
        self._training_done()
        self._show_network_source()
        self.request_update()

    @Slot(int, str)
    def _on_train_failed(self, _generation: int, message: str) -> None:
        self._training_done()
        self._show_error(self.tr("training failed: {message}").format(message=message))

    @Slot(float, str)
    def _on_train_progress(self, fraction: float, message: str) -> None:
        self.train_progress.setValue(round(fraction * 1000))
        self.network_status.setText(message.capitalize())
        self.progress_changed.emit(fraction, message)

    def _training_done(self) -> None:
        self.train_button.setEnabled(True)
        self.train_cancel_button.setEnabled(False)
        self.train_progress.hide()

    def _show_network_source(self) -> None:
        if self.trainer.busy:
            return  # the label shows the training progress
        if self._interrupted_preset == self._values["preset"]:
            self.network_status.setText(self.tr("The language switch stopped the training; press Train again."))
            return
        network = self._networks.get(self._values["preset"])
        if network is None:
            self.network_status.setText(self.tr("Shipped weights (3000 training steps)."))
        else:
            self.network_status.setText(self.tr("Retrained this session: {steps} steps, final loss {loss}.").format(
                steps=network.steps, loss=f"{network.final_loss:.3f}"))

    # ----- tab plumbing -----
    def handed_over(self) -> object:
        """Networks retrained this session, the preset of a training still running, and the training length: a
        language switch rebuilt the tab, which went back to the shipped weights without a word."""
        running = self._training_preset if self.trainer.busy else None
        return dict(self._networks), dict(self._network_versions), running, self.train_steps.value()

    def take_over(self, handed: object) -> None:
        if handed is None:
            return
        networks, versions, self._interrupted_preset, steps = handed
        self._networks.update(networks)
        self._network_versions.update(versions)
        self.train_steps.setValue(steps)
        self._show_network_source()

    def view_state(self) -> dict[str, Any]:
        """The animation frame, and whether the ρ × steps grid is (being) measured for the current parameters:
        a saved scene then shows that grid again instead of a stale one."""
        return {"frame": self.play_bar.frame, "grid": self._grid_is_current()}

    def apply_view_state(self, view: dict[str, Any]) -> None:
        frame = view.get("frame")
        valid = isinstance(frame, int) and not isinstance(frame, bool) and frame >= 0
        if self._result is not None and valid and frame < self._result.frames:
            self.play_bar.set_frame(frame)
        elif self._result is not None and not valid:
            self.play_bar.set_frame(self._result.frames - 1)
        self._wanted_frame = frame if valid else None
        if view.get("grid") is True and not self._grid_is_current():
            self.run_grid()

    def _grid_is_current(self) -> bool:
        return self._skip_request().key in (self._shown_keys["skip"], _key(self._requested["skip"]))

    def on_theme(self, theme: Theme) -> None:
        self.density.setColorMap(_density_colormap(theme))
        axis = self.heat_bar.axis
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.foreground))
        tick_font = QFont()
        tick_font.setPointSizeF(theme.font_pt * 0.9)
        axis.setTickFont(tick_font)
        axis.setLabel(self.tr("W₂ ÷ W₂ at ρ = 1"), color=theme.foreground,
                      **{"font-size": f"{theme.font_pt * 0.9:.1f}pt"})



def _key(request) -> tuple | None:
    return None if request is None else request.key


def _density_colormap(theme: Theme) -> pg.ColorMap:
    """Background colour at zero density to a muted tint at the peak, so particles stay readable on top."""
    low = pg.mkColor(theme.background)
    tint = pg.mkColor(theme.muted)
    high = pg.mkColor(*(round(a + 0.6 * (b - a)) for a, b in zip(low.getRgb()[:3], tint.getRgb()[:3])))
    return pg.ColorMap([0.0, 1.0], [low, high])


def _move_points(item: pg.ScatterPlotItem, xy: np.ndarray) -> None:
    """Move a scatter's points. setData rebuilds every spot's style (~30 ms for 10⁴); with the same count only the
    coordinates change, so they are written in place (~0.5 ms) and the item is told its bounds moved."""
    if len(item.data) != len(xy):
        item.setData(pos=xy)
        return
    item.data["x"] = xy[:, 0]
    item.data["y"] = xy[:, 1]
    item.prepareGeometryChange()
    item.informViewBoundsChanged()
    item.bounds = [None, None]
    item.invalidate()


def _log_ticks(axis: pg.AxisItem, values) -> None:
    """Round-number ticks on a log axis (pyqtgraph's own minor labels overlap: 2·10¹ 3·10¹ …)."""
    set_ticks(axis, [[(math.log10(v), f"{v:g}") for v in values]])
