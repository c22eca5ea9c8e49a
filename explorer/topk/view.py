"""The Smooth top-k tab: smooth relaxations ST_k(x/τ) of the hard top-k mask side by side, how each approaches the
mask as τ → 0, the threshold equation solved by bisection, GradTopK's smooth top-k sum, Jacobians, and the path
through the capped simplex for n = 3.

Everything that depends only on (x, k, method) — the τ sweeps — is memoised in explorer.topk.frame, so dragging the
temperature recomputes only the current-τ parts.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from superqt import QFlowLayout

from explorer.i18n import QT_TRANSLATE_NOOP, translate
from explorer.params import ParamSpec
from explorer.runner import Job
from explorer.tab import TopicTab
from explorer.theme import Theme
from explorer.topk import PRESETS, PROPERTIES, THRESHOLD_METHODS
from explorer.topk.frame import (
    BISECTION_STEPS,
    DEFAULT_METHODS,
    GRAD_JACOBIAN_BUDGET,
    K_MAX,
    MARKER_METHODS,
    MAX_SHOWN,
    N_MAX,
    ORDER,
    SHORT_LABELS,
    SINKHORN_ITERATIONS,
    TAU_MAX,
    TAU_MIN,
    Frame,
    compute_frame,
    format_scores,
    method_label,
    parse_scores,
)
from widgets.explanation import Explanation
from widgets.play_bar import PlayBar
from widgets.plot_panel import (
    PlotPanel,
    Style,
    opaque_over,
    set_data,
    set_note,
    set_range,
    set_text,
    set_ticks,
)
from widgets.steady_label import SteadyLabel

# Variants share the colour of what they equal: the post's recursion is GradTopK, Sinkhorn converges to sigmoid.
METHOD_ROLES = {
    "grad": "c0", "grad_recursive": "c0", "sigmoid": "c1", "sinkhorn": "c1", "laplace": "c2", "exp": "c4",
    "clip": "c3", "iterative": "c6", "weighted": "c7", "gumbel": "c5",
}
VARIANTS = ("grad_recursive", "sinkhorn")  # drawn lighter (bars) or dashed / as markers (curves)
VARIANT_ALPHA = 120
COMPONENTS_FLOOR, COMPONENTS_CEILING = -1.0, 2.2  # the recursion's 2 and the iterative 1.5 stay in view
BAR_GROUP_WIDTH = 0.8
ERROR_FLOOR_LOG = -40.0  # the error axis spans 1e-40 .. 2k: enough decades to compare e^{-Δ/τ} with e^{-Δ/2τ}
TAU_TICKS = (1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1e3)
TAU_VIEW = (math.log10(TAU_MIN), math.log10(TAU_MAX))  # the τ axes of the sweeps (log10 units)
CUSTOM = "custom"

# (preset, combo label, methods shown, focus method). Each counterexample switches on the method it refutes.
PRESET_SETUPS = (
    ("post_example", QT_TRANSLATE_NOOP("TopkTab", "Post's example [3, 2, 1, 4], k = 2"), DEFAULT_METHODS, "grad"),
    ("tie", QT_TRANSLATE_NOOP("TopkTab", "A tie at the k-th place [3, 1, 1, 0]"), DEFAULT_METHODS, "grad"),
    ("iterative_exceeds_one", QT_TRANSLATE_NOOP("TopkTab", "Iterative soft-k-max exceeds 1 [3, 1, 0]"),
     ("grad", "sigmoid", "iterative"), "iterative"),
    ("weighted_loses_order", QT_TRANSLATE_NOOP("TopkTab", "Weighted softmax loses order, k = 3"),
     ("grad", "iterative", "weighted"), "weighted"),
    ("recursion_breaks", QT_TRANSLATE_NOOP("TopkTab", "Post's recursion breaks on [0, 50]"),
     ("grad", "grad_recursive"), "grad_recursive"),
    ("recursion_nan", QT_TRANSLATE_NOOP("TopkTab", "Post's recursion gives NaN, k = 7"),
     ("grad", "grad_recursive"), "grad_recursive"),
    ("huge_spread", QT_TRANSLATE_NOOP("TopkTab", "Huge spread (normal × 30), k = 4"), DEFAULT_METHODS, "grad"),
    ("random", QT_TRANSLATE_NOOP("TopkTab", "Random normal scores (n, seed)"), DEFAULT_METHODS, "grad"),
)
PRESET_KEYS = tuple(key for key, *_ in PRESET_SETUPS)
RANDOM_NOTE = QT_TRANSLATE_NOOP(
    "TopkTab",
    "Standard normal scores, rounded to 3 decimals; set n and seed above. Beyond {shown} entries the bars, "
    "components and Jacobian show the {shown} ranks around the k-th place. At large n·k the slow methods are swept "
    "at every other τ, and GradTopK's Jacobian is skipped once n²·min(k, n − k) passes {budget}.",
)

# Texts are literals so that lupdate can collect them; the numbers in them are N_MAX and K_MAX (a test checks).
SPECS = (
    ParamSpec("x", "text", "3, 2, 1, 4", QT_TRANSLATE_NOOP("TopkTab", "scores x"),
              QT_TRANSLATE_NOOP("TopkTab", "Scores separated by commas (2 to 1000 finite numbers)"),
              check=parse_scores),
    ParamSpec("k", "int", 2, "k",
              QT_TRANSLATE_NOOP("TopkTab", "How many entries the mask keeps (1 to 50; a k above n is capped at n)"),
              minimum=1, maximum=K_MAX),
    ParamSpec("tau", "float", 1.0, QT_TRANSLATE_NOOP("TopkTab", "temperature τ"),
              QT_TRANSLATE_NOOP("TopkTab", "ST_k(x/τ): small τ approaches the hard mask, large τ gives k/n"),
              minimum=TAU_MIN, maximum=TAU_MAX, log=True),
    ParamSpec("methods", "multi", DEFAULT_METHODS, QT_TRANSLATE_NOOP("TopkTab", "methods"),
              QT_TRANSLATE_NOOP("TopkTab", "Smooth top-k constructions to compare (bars, error curves, threshold "
                                           "curves, simplex paths)"),
              choices=ORDER, choice_labels=tuple(SHORT_LABELS[m] for m in ORDER)),
    ParamSpec("focus", "choice", "grad", QT_TRANSLATE_NOOP("TopkTab", "focus"),
              QT_TRANSLATE_NOOP("TopkTab", "Method whose components are drawn against τ and whose Jacobian is shown "
                                           "(and bisected, if it is a threshold method). Sigmoid and Sinkhorn are "
                                           "drawn together."),
              choices=ORDER, choice_labels=tuple(SHORT_LABELS[m] for m in ORDER)),
    ParamSpec("source", "choice", "typed", QT_TRANSLATE_NOOP("TopkTab", "input"),
              QT_TRANSLATE_NOOP("TopkTab", "Use the typed scores, or standard normal scores of size n"),
              choices=("typed", "random"),
              choice_labels=(QT_TRANSLATE_NOOP("TopkTab", "typed scores x"),
                             QT_TRANSLATE_NOOP("TopkTab", "random normal (n, seed)"))),
    ParamSpec("n", "int", 10, QT_TRANSLATE_NOOP("TopkTab", "random n"),
              QT_TRANSLATE_NOOP("TopkTab", "Number of random scores (2 to 1000). Sweeps of the slow methods use "
                                           "fewer τ points at large n·k, and GradTopK's Jacobian is skipped when n²k "
                                           "is large."),
              minimum=2, maximum=N_MAX),
    ParamSpec("seed", "int", 0, QT_TRANSLATE_NOOP("TopkTab", "random seed"),
              QT_TRANSLATE_NOOP("TopkTab", "Seed of the random scores"), minimum=0, maximum=999),
)

PROPERTIES_SLOT = "<!-- properties -->"  # where the explanation shows the table of which property holds


def _properties_table() -> str:
    """Su's three properties per method, from the model's PROPERTIES, in the current language."""
    ties = translate("TopkTab", "✓ ties")
    marks = {"yes": "✓", "strict": "✓", "weak": ties, "approx": "≈", "no": "✗"}
    rows = "".join(
        f"<tr><td>{html.escape(method_label(m))}</td>"
        + "".join(f'<td align="center">{marks[PROPERTIES[m][p]]}</td>' for p in ("range", "sum", "order"))
        + "</tr>"
        for m in ORDER
    )
    method, order = translate("TopkTab", "method"), translate("TopkTab", "order")
    return (
        '<table cellspacing="0" cellpadding="2">'
        f'<tr><th align="left">{method}</th><th>[0, 1]</th><th>Σ = k</th><th>{order}</th></tr>'
        f"{rows}</table>"
    )


@dataclass(frozen=True)
class _TopkExplanation(Explanation):
    """The body's properties table is built from the model's PROPERTIES, in the language it is shown in."""

    def translated(self, context: str) -> Explanation:
        text = super().translated(context)
        return replace(text, body=text.body.replace(PROPERTIES_SLOT, _properties_table()))


# The body is one literal (one unit to translate); "1000 iterations" is SINKHORN_ITERATIONS (a test checks).
EXPLANATION = _TopkExplanation(
    title=QT_TRANSLATE_NOOP("TopkTab", "Smooth top-k"),
    post_title="Softmax后传：寻找Top-K的光滑近似",
    post_url="https://kexue.fm/archives/10373",
    body=QT_TRANSLATE_NOOP(
        "TopkTab",
        "<p>The hard top-k mask keeps the k largest scores. Su looks for a smooth $\\mathrm{ST}_k(x/\\tau)$ that "
        "tends to it as τ → 0 and keeps three properties: outputs in [0, 1]; they sum to k; a larger score gets "
        "a larger output.</p>"
        "<p><b>GradTopK</b> differentiates the log of the sum over all k-subsets $S$:</p>"
        "$$\\mathrm{ST}_k=\\nabla_x\\log\\sum_{|S|=k}e^{x_S}$$"
        "<p>Entry i is the probability that i is in a subset drawn ∝ $e^{x_S}$. The same $\\tau\\,\\log Z_k(x/\\tau)$ "
        "is a smooth top-k sum, never more than $\\tau\\,\\log C(n,k)$ above the true one (top right).</p>"
        "<p><b>Thresholds</b> set $\\mathrm{ST}_k=f((x_i-\\lambda)/\\tau)$ with λ solving</p>"
        "$$F(\\lambda)=\\sum_i f\\left(\\frac{x_i-\\lambda}{\\tau}\\right)=k$$"
        "<p>F falls monotonically, so bisection always finds λ (▶ below the plots). f is σ (Newton), "
        "min(1, eˣ), or the post's 二者兼之, a Laplace CDF with a closed-form λ that keeps strict order.</p>"
        "<p><b>Temperature.</b> As τ → ∞ every output tends to k/n along $k/n+c\\,(x_i-\\bar{x})/\\tau$ (dashed). "
        "As τ → 0 the error to the mask falls like $e^{-\\Delta/\\tau}$ for GradTopK and min(1, eˣ) but like "
        "$e^{-\\Delta/2\\tau}$ for sigmoid and Laplace, whose λ sits mid-gap (Δ: the gap at the k-th place); "
        "the projection (clip) is exact once τ ≤ Δ.</p>"
        "<p><b>Peers.</b> clip projects onto the capped simplex; Sinkhorn transports the scores to two anchors, "
        "and its fixed point at ε = 2τ is exactly the sigmoid threshold (its ◆ markers sit on the sigmoid "
        "curves, except at small τ where 1000 iterations do not converge); Gumbel averages "
        "the hard mask of noisy scores; two successive-softmax schemes round it off.</p>"
        "<p><b>Which property holds</b> (float64; the strip above the plots re-checks them at the current τ):</p>"
        "<!-- properties -->"
        "<p><b>Checked claims.</b> At [3, 2, 1, 4], k = 2, τ = 1 GradTopK gives [0.694, 0.306, σ(−2), σ(2)]: "
        "the entries for 1 and 4 are exactly σ(∓2). The post's recursion "
        "$\\mathrm{ST}_j=j\\,\\mathrm{softmax}(x+\\log(1-\\mathrm{ST}_{j-1}))$ returns [2, 0] on [0, 50] and NaN on "
        "[0, …, 0, 10] with k = 7; the log-space recursion used here is exact. The iterative soft-k-max exceeds 1 "
        "([3, 1, 0], k = 2 gives [1.33, 0.48, 0.19]) but keeps order; the weighted form exceeds 1 and loses order "
        "([3, 2, 1, 4], k = 3). min(1, eˣ) breaks the duality $\\mathrm{ST}_k(x)=1-\\mathrm{ST}_{n-k}(-x)$ that the "
        "other thresholds and GradTopK keep. Each ✗ has a preset (“Post's recursion breaks on [0, 50]”, “… gives "
        "NaN”, “Iterative soft-k-max exceeds 1”, “Weighted softmax loses order”). The recursion, iterative and "
        "weighted forms are reconstructed from the post's description and may differ in detail from Su's.</p>",
    ),
    what_to_try=(
        QT_TRANSLATE_NOOP("TopkTab", "Drag τ from 1000 down to 0.001: the outputs leave k/n along their dashed "
                                     "asymptotes, and GradTopK and the thresholds end at the hard mask, at different "
                                     "rates (error plot). Sinkhorn stalls where its iterations stop converging."),
        QT_TRANSLATE_NOOP("TopkTab", "Preset “Iterative soft-k-max exceeds 1”: its bar is flagged and its path leaves "
                                     "the capped simplex."),
        QT_TRANSLATE_NOOP("TopkTab", "Preset “Post's recursion breaks on [0, 50]”: [2, 0] instead of [1, 1] for τ "
                                     "below about 1.4."),
        QT_TRANSLATE_NOOP("TopkTab", "Press Space: each bisection step halves the bracket around λ."),
        QT_TRANSLATE_NOOP("TopkTab", "Focus on the sigmoid threshold: the Sinkhorn markers sit on its curves until τ "
                                     "gets small."),
        QT_TRANSLATE_NOOP("TopkTab", "Random input with n = 1000: sweeps are cached, so dragging τ stays smooth."),
    ),
)


class TopkTab(TopicTab):
    topic_id = "topk"
    specs = SPECS
    view_specs = (ParamSpec("bisection_step", "int", 0, minimum=0, maximum=BISECTION_STEPS - 1),)
    explanation = EXPLANATION

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        self._frame: Frame | None = None
        self._component_method = "grad"  # the components' colour is this method's
        super().__init__(theme, parent)

    # ----- building -----
    def build_controls(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        self.preset_combo = QComboBox()
        self.preset_combo.setToolTip(self.tr("Set the scores, k, τ = 1 and the methods to an example from the post"))
        for key, text, *_ in PRESET_SETUPS:
            self.preset_combo.addItem(self.tr(text), key)
        self.preset_combo.addItem(self.tr("Custom scores"), CUSTOM)
        self.preset_combo.activated.connect(self.apply_preset)
        self.preset_note = SteadyLabel(word_wrap=True, rich=False)
        layout.addWidget(QLabel("<b>" + self.tr("Presets") + "</b>"))
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.preset_note)
        return box

    def build_plots(self) -> QWidget:
        # The colour key shared by all plots: one label per method in a flow layout, so an entry never breaks.
        key = QWidget()
        flow = QFlowLayout(key)
        flow.setContentsMargins(8, 4, 8, 0)
        flow.setHorizontalSpacing(16)
        flow.setVerticalSpacing(2)
        self.key_heading = SteadyLabel()
        flow.addWidget(self.key_heading)
        self.key_items = {name: SteadyLabel() for name in ("hard", *ORDER, "none")}
        self.key_items["none"].setText(self.tr("no method selected"))
        self.key_items["none"].hide()
        for label in self.key_items.values():
            flow.addWidget(label)
        self.k_notice = SteadyLabel(word_wrap=True, rich=False)
        self.k_notice.setObjectName("topk_notice")
        self.k_notice.setContentsMargins(8, 0, 8, 0)
        self.k_notice.hide()
        self._style_notice(self.theme)

        # Four main plots share one panel; the three square-ish ones are stacked in a narrower second panel.
        panel = self.plot_panel = PlotPanel(self.theme)
        side = self.side_panel = PlotPanel(self.theme)
        self.bars_plot = panel.add_plot(0, 0, self.tr("Outputs at the current τ"), self.tr("score xᵢ"), "ST_k(x/τ)ᵢ")
        # No legend: it would cover curves wherever it sat; the axis label names the dashed lines instead.
        # The titles of the components, threshold and Jacobian plots name the method they show once drawn.
        self.components_plot = panel.add_plot(0, 1, self.tr("Components vs τ"), self.tr("τ   (dashed: asymptote)"),
                                              "ST_k(x/τ)ᵢ", log_x=True)
        self.error_plot = panel.add_plot(1, 0, self.tr("Error to the hard mask"), "τ", self.tr("‖ST_k − hard‖₁"),
                                         log_x=True, log_y=True)
        self.threshold_plot = panel.add_plot(1, 1, self.tr("Threshold F(λ) = k"), "λ", "F(λ)")
        self.sum_plot = side.add_plot(0, 0, self.tr("Smooth top-k sum"), "τ", self.tr("sum"), log_x=True,
                                      legend="below")
        self.jacobian_plot = side.add_plot(1, 0, self.tr("Jacobian"), "xⱼ", "xᵢ", equal_aspect=True)
        self.simplex_plot = side.add_plot(2, 0, self.tr("Path in the capped simplex"), equal_aspect=True)
        for plot in (*panel.plots(), *side.plots()):
            plot.setMouseEnabled(x=False, y=False)
        for plot in (self.components_plot, self.error_plot, self.sum_plot):
            set_range(plot, TAU_VIEW)
        self._tau_ticks(self.theme)
        _log_ticks(self.error_plot.getAxis("left"), [10.0**e for e in range(int(ERROR_FLOOR_LOG), 1, 10)])
        self._build_bars(panel)
        self._build_components(panel)
        self._build_error(panel)
        self._build_threshold(panel)
        self._build_sum(side)
        self._build_jacobian(side)
        self._build_simplex(side)
        # The τ sweeps stay put while τ is dragged: only their markers and the τ lines move over them.
        panel.draw_from_pixmap(self.asymptote_curve, self.component_curves, self.component_markers,
                               *self.error_curves.values())
        side.draw_from_pixmap(self.sum_value, self.sum_upper, self.sum_hard, self.sum_band,
                              *self.simplex_paths.values(), self.simplex_outline, self.capped_polygon)

        self.play_bar = PlayBar(frames_per_second=3.0)
        self.play_bar.set_frame_count(BISECTION_STEPS)
        self.play_bar.setToolTip(self.tr("Bisection on F(λ) = k, one halving of the bracket per frame"))
        self.play_bar.frame_changed.connect(self._show_bisection_step)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(8, 0, 8, 0)
        bottom.addWidget(QLabel(self.tr("Bisection")))
        bottom.addWidget(self.play_bar, 1)

        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(key)
        layout.addWidget(self.k_notice)
        plots = QHBoxLayout()
        plots.setSpacing(0)
        plots.addWidget(panel, 2)
        plots.addWidget(side, 1)
        layout.addLayout(plots, 1)
        layout.addLayout(bottom)
        return area

    def _build_bars(self, panel: PlotPanel) -> None:
        plot = self.bars_plot
        # Exported (CSV) at their positions: entry i of the shown ranks at i, each method's bar beside it.
        self.hard_bars = panel.bars(plot, Style("muted", alpha=55), width=0.94, label="hard mask")
        self.method_bars = {m: panel.bars(plot, Style(METHOD_ROLES[m], alpha=_alpha(m)), label=SHORT_LABELS[m])
                            for m in ORDER}
        self.bars_one = panel.line(plot, 1.0, angle=0)
        # Entries outside [0, 1] (and NaN) are flagged with a warning marker at the bar's end.
        self.bar_flags = panel.scatter(plot, Style("warning"), size=11, label="outside [0, 1]")

    def _build_components(self, panel: PlotPanel) -> None:
        plot = self.components_plot
        self.components_one = panel.line(plot, 1.0, angle=0)
        self.asymptote_curve = panel.curve(plot, Style("muted", 1.2, dash=True), label="large-τ asymptotes",
                                           connect="finite")
        self.component_curves = panel.curve(plot, Style("c0", 1.8), label="components", connect="finite")
        self.component_markers = panel.curve(plot, Style("c1", 0), label="Sinkhorn components", symbol="d",
                                             symbolSize=6)
        self.component_now = panel.curve(plot, Style("c0", 0), label="at τ", symbol="o", symbolSize=7)
        self.components_tau = panel.line(plot, 0.0, style=Style("foreground", 1.0, dash=True))

    def _build_error(self, panel: PlotPanel) -> None:
        plot = self.error_plot
        plot.setYRange(ERROR_FLOOR_LOG, 1.0, padding=0.0)
        self.error_note = panel.text(plot, "muted", anchor=(0.5, 0.5))
        self.error_curves = {}
        self.error_now = {}
        for method in ORDER:
            label = SHORT_LABELS[method]
            if method in MARKER_METHODS:
                curve = panel.curve(plot, Style(METHOD_ROLES[method], 0), label=label, symbol="d", symbolSize=6)
            else:
                curve = panel.curve(plot, Style(METHOD_ROLES[method], 2.0, dash=method in VARIANTS), label=label,
                                    connect="finite")
            self.error_curves[method] = curve
            self.error_now[method] = panel.curve(plot, Style(METHOD_ROLES[method], 0), label=f"{label} at τ",
                                                 symbol="o", symbolSize=7)
        self.error_tau = panel.line(plot, 0.0, style=Style("foreground", 1.0, dash=True))

    def _build_threshold(self, panel: PlotPanel) -> None:
        plot = self.threshold_plot
        self.bracket_top = panel.curve(plot, Style("accent", 0), label="bracket, top")
        self.bracket_bottom = panel.curve(plot, Style("accent", 0), label="bracket, bottom")
        self.bracket_fill = panel.fill_between(plot, self.bracket_top, self.bracket_bottom,
                                               Style("accent", fill_alpha=35))
        self.bracket_edges = panel.curve(plot, Style("accent", 1.2), label="bisection bracket", connect="finite")
        self.k_line = panel.line(plot, 0.0, angle=0, style=Style("foreground", 1.0, dash=True))
        self.threshold_curves = {m: panel.curve(plot, Style(METHOD_ROLES[m], 2.0), label=f"F(λ), {SHORT_LABELS[m]}")
                                 for m in THRESHOLD_METHODS}
        self.root_markers = {m: panel.scatter(plot, Style(METHOD_ROLES[m]), size=10, label=f"root, {SHORT_LABELS[m]}")
                             for m in THRESHOLD_METHODS}
        self.mid_line = panel.curve(plot, Style("accent", 1.2, dash=True), label="bisection midpoint")
        self.mid_marker = panel.scatter(plot, Style("accent"), size=9, symbol="s", label="F at the midpoint")
        self.k_text = panel.text(plot, "foreground", anchor=(1, 1))
        self.step_text = panel.text(plot, "foreground", anchor=(1, 0))

    def _build_sum(self, panel: PlotPanel) -> None:
        plot = self.sum_plot
        self.sum_hard = panel.curve(plot, Style("foreground", 1.4), self.tr("true top-k sum"),
                                    label="true top-k sum")
        self.sum_upper = panel.curve(plot, Style("c0", 1.0, dash=True), "+ τ log C(n, k)")
        self.sum_band = panel.fill_between(plot, self.sum_upper, self.sum_hard, Style("c0", fill_alpha=35))
        self.sum_value = panel.curve(plot, Style("c0", 2.2), "τ log Z_k(x/τ)")
        self.sum_now = panel.curve(plot, Style("c0", 0), label="at τ", symbol="o", symbolSize=7)
        self.sum_tau = panel.line(plot, 0.0, style=Style("foreground", 1.0, dash=True))

    def _build_jacobian(self, panel: PlotPanel) -> None:
        plot = self.jacobian_plot
        plot.invertY(True)
        plot.showGrid(x=False, y=False)
        self.jacobian_image = panel.image(plot, "CET-D1")
        # A diverging map with a symmetric range: zero is the neutral colour whatever the entries.
        self.jacobian_bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=pg.colormap.get("CET-D1"),
                                            interactive=False, width=10, colorMapMenu=False)
        self.jacobian_bar.setImageItem(self.jacobian_image, insert_in=plot)
        self._style_colour_bar(self.theme)
        self.jacobian_note = panel.text(plot, "muted", anchor=(0.5, 0.5))

    def _build_simplex(self, panel: PlotPanel) -> None:
        plot = self.simplex_plot
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.showGrid(x=False, y=False)
        self.simplex_outline = panel.curve(plot, Style("muted", 1.0, dash=True), label="simplex Σy = k")
        self.capped_polygon = panel.curve(plot, Style("foreground", 1.4, fill="accent", fill_alpha=25),
                                          label="capped simplex", fillOutline=True)
        self.simplex_paths = {
            m: panel.curve(plot, Style(METHOD_ROLES[m], 0), label=SHORT_LABELS[m], symbol="d", symbolSize=5)
            if m in MARKER_METHODS else panel.curve(plot, Style(METHOD_ROLES[m], 2.0, dash=m in VARIANTS),
                                                    label=SHORT_LABELS[m], connect="finite")
            for m in ORDER
        }
        self.simplex_now = {m: panel.scatter(plot, Style(METHOD_ROLES[m]), size=9, label=f"{SHORT_LABELS[m]} at τ")
                            for m in ORDER}
        self.simplex_centre = panel.scatter(plot, Style("muted"), size=8, label="τ → ∞")
        self.simplex_hard = panel.scatter(plot, Style("foreground"), size=16, symbol="star", label="hard mask")
        self.vertex_labels = [panel.text(plot, "muted", anchor=(0.5, 0.5)) for _ in range(3)]
        self.centre_label = panel.text(plot, "muted", anchor=(0.5, -0.2))
        self.simplex_note = panel.text(plot, "muted", anchor=(0.5, 0.5))

    # ----- computing (worker thread) -----
    @staticmethod
    def compute(params: dict[str, Any], job: Job) -> Frame:
        return compute_frame(params, job)

    # ----- drawing (GUI thread) -----
    def show_result(self, frame: Frame) -> None:
        self._frame = frame
        self._show_key(frame)
        self._show_bars(frame)
        self._show_components(frame)
        self._show_distance(frame)
        self._show_threshold(frame)
        self._show_sum(frame)
        self._show_jacobian(frame)
        self._show_simplex(frame)

    def _show_key(self, frame: Frame) -> None:
        """The shared colour key, with each method's Σ and any broken property flagged at the current τ."""
        theme = self.theme
        warn = theme.warning
        self.key_heading.setText(f"<b>n = {frame.n}, k = {frame.k}, τ = {frame.tau:.3g}</b>")
        hard_swatch = _blend(theme.muted, theme.background, 100)
        self.key_items["hard"].setText(f'<span style="color:{hard_swatch}">■</span>&nbsp;' + self.tr("hard mask"))
        for method in ORDER:
            label = self.key_items[method]
            label.setVisible(method in frame.methods)
            if method not in frame.methods:
                continue
            check = frame.checks[method]
            swatch = _blend(theme.color(METHOD_ROLES[method]), theme.background, _alpha(method))
            total_colour = theme.foreground if abs(check.total - frame.k) <= 1e-6 * frame.k else warn  # NaN too
            flags = []  # a NaN output shows as Σ = NaN
            if check.high > 1 + 1e-9:
                flags.append(self.tr("max {value} &gt; 1").format(value=f"{check.high:.3g}"))
            if check.low < -1e-9:
                flags.append(self.tr("min {value} &lt; 0").format(value=f"{check.low:.3g}"))
            if check.order == "lost":
                flags.append(self.tr("order lost"))
            if method == "sinkhorn" and total_colour == warn:
                # Its fixed point is the sigmoid threshold, but at small τ the scores are sharp and each iteration
                # moves the threshold a little: Σ ≠ k says it has not got there. Said, not left as a wrong output.
                flags.append(self.tr("not converged in {count} iterations").format(count=SINKHORN_ITERATIONS))
            flag_html = "".join(f'&nbsp;<b style="color:{warn}">{flag}</b>' for flag in flags)
            total = _sum_text(check.total, frame.k)
            label.setText(f'<span style="color:{swatch}">{"◆" if method in MARKER_METHODS else "■"}</span>'
                              f"&nbsp;{html.escape(method_label(method))}&nbsp; "
                              f'<span style="color:{total_colour}">Σ = {total}</span>{flag_html}')
        self.key_items["none"].setVisible(not frame.methods)
        notice = ""
        if frame.k_requested > frame.k:
            notice = self.tr("k = {k} is more than the n = {n} scores: showing k = n = {n}, where every output is 1. "
                             "Lower k.").format(k=frame.k_requested, n=frame.n)
        self.k_notice.setText(notice)
        self.k_notice.setVisible(bool(notice))

    def _show_bars(self, frame: Frame) -> None:
        shown = frame.shown
        positions = np.arange(len(shown), dtype=float)
        count = max(1, len(frame.methods))
        width = BAR_GROUP_WIDTH / count
        _set_bars(self.hard_bars, positions, frame.hard[shown], 0.94)
        flags: list[tuple[float, float, str]] = []  # (x, y, symbol)
        top, bottom = 1.0, 0.0
        for method in ORDER:
            item = self.method_bars[method]
            if method not in frame.methods:
                _set_bars(item, np.zeros(0), np.zeros(0), width)
                continue
            slot = frame.methods.index(method)
            x = positions + (slot - (count - 1) / 2) * width
            y = frame.outputs[method][shown]
            finite = np.isfinite(y)
            _set_bars(item, x, np.where(finite, y, 0.0), width)
            for xi, yi in zip(x, y):
                if not np.isfinite(yi):
                    flags.append((xi, 0.05, "x"))
                elif yi > 1 + 1e-9:
                    flags.append((xi, yi + 0.05, "t1"))
                elif yi < -1e-9:
                    flags.append((xi, yi - 0.05, "t"))
            if finite.any():
                top, bottom = max(top, float(y[finite].max())), min(bottom, float(y[finite].min()))
        set_data(self.bar_flags, x=np.array([f[0] for f in flags]), y=np.array([f[1] for f in flags]),
                 symbol=[f[2] for f in flags])
        set_range(self.bars_plot, (-0.6, len(shown) - 0.4), (bottom - 0.03, top + 0.1))
        labels = [f"{frame.x[i]:.3g}" for i in shown]
        _set_ticks(self.bars_plot.getAxis("bottom"), list(zip(positions, labels)), every=_tick_stride(len(shown)))
        x_label = f"xᵢ, {frame.shown_note}" if frame.shown_note else self.tr("score xᵢ")
        self.plot_panel.set_labels(self.bars_plot, x_label=x_label)

    def _show_components(self, frame: Frame) -> None:
        comp = frame.components
        title = self.tr("Components: {method}").format(method=_name(comp.method, comp.marker_method))
        self.plot_panel.set_labels(self.components_plot, title=title)
        if self._component_method != comp.method:
            self._component_method = comp.method
            style = Style(METHOD_ROLES[comp.method], 1.8, dash=comp.method in VARIANTS)
            self.plot_panel.restyle(self.component_curves, style)
            self.plot_panel.restyle(self.component_now, Style(METHOD_ROLES[comp.method], 0))
        set_data(self.component_curves, *_polylines(comp.taus, comp.values), connect="finite")
        set_data(self.asymptote_curve, *_polylines(comp.taus, comp.asymptote), connect="finite")
        if comp.marker_method is None:
            set_data(self.component_markers, [], [])
        else:
            marker_x, marker_y = _polylines(comp.marker_taus, comp.marker_values)
            keep = np.isfinite(marker_y)
            set_data(self.component_markers, marker_x[keep], marker_y[keep])
        now = comp.now[np.isfinite(comp.now)]
        set_data(self.component_now, np.full(len(now), frame.tau), now)
        self.components_tau.setPos(math.log10(frame.tau))
        # Near its poles the weighted scheme shoots off to ±5: those spikes leave the view rather than squash it.
        low, high = max(comp.y_range[0], COMPONENTS_FLOOR), min(comp.y_range[1], COMPONENTS_CEILING)
        set_range(self.components_plot, TAU_VIEW, (low - 0.03, high + 0.05))

    def _show_distance(self, frame: Frame) -> None:
        for method in ORDER:
            curve, now = self.error_curves[method], self.error_now[method]
            if method not in frame.methods:
                set_data(curve, [], [])
                set_data(now, [], [])
                continue
            sweep = frame.sweeps[method]
            error = np.where(sweep.error > 0, sweep.error, np.nan)  # exactly 0 (clip) has no place on a log axis
            if method in MARKER_METHODS:
                keep = np.isfinite(error)
                set_data(curve, np.asarray(sweep.taus)[keep], error[keep])
            else:
                set_data(curve, sweep.taus, error, connect="finite")
            value = frame.checks[method].error
            if value > 0 and math.isfinite(value):
                set_data(now, [frame.tau], [value])
            else:
                set_data(now, [], [])
        self.error_tau.setPos(math.log10(frame.tau))
        # At k = n every output is exactly 1: an error of 0 has no place on a log axis, and the plot would be bare.
        note = self.tr("k = n: every output is 1,\nthe hard mask itself") if frame.k == frame.n else ""
        set_note(self.error_note, note, 0.0, ERROR_FLOOR_LOG / 2)
        top = math.log10(2.0 * frame.k + 1.0)
        set_range(self.error_plot, TAU_VIEW, (ERROR_FLOOR_LOG, top + 0.3))

    def _show_threshold(self, frame: Frame) -> None:
        view = frame.threshold
        self.plot_panel.set_labels(self.threshold_plot, title=f"F(λ) = k: {method_label(view.method)}")
        for method, curve in self.threshold_curves.items():
            marker = self.root_markers[method]
            if method not in view.curves:
                set_data(curve, [], [])
                set_data(marker, x=[], y=[])
                continue
            set_data(curve, view.lambdas, view.curves[method])
            root = view.roots[method]
            if math.isfinite(root):
                set_data(marker, x=[root], y=[float(frame.k)])
            else:
                set_data(marker, x=[], y=[])
        self.k_line.setPos(frame.k)
        x_range = (float(view.lambdas[0]), float(view.lambdas[-1]))
        set_range(self.threshold_plot, x_range, (0.0, view.y_top * 1.06))
        set_text(self.k_text, "y = k", x_range[1], float(frame.k))
        self._show_bisection_step(self.play_bar.frame)

    @Slot(int)
    def _show_bisection_step(self, step: int) -> None:
        frame = self._frame
        if frame is None:
            return
        view = frame.threshold
        top = view.y_top * 1.06
        # The step readout sits in the top-right corner, or below the line y = k when k is up there.
        text_y = top if frame.k < 0.8 * view.y_top else frame.k - 0.1 * view.y_top
        x_right = float(view.lambdas[-1])
        if len(view.trace) == 0:
            text_y = 0.55 * top  # k = n: every F(λ) runs along the top-left, the lower right is free
            for item in (self.bracket_top, self.bracket_bottom, self.bracket_edges, self.mid_line):
                set_data(item, [], [])
            set_data(self.mid_marker, x=[], y=[])
            set_text(self.step_text, self.tr("k = n: λ runs off to −∞,\nnothing to bisect"), x_right, text_y)
            return
        step = min(max(step, 0), len(view.trace) - 1)
        low, high, mid = (float(v) for v in view.trace[step])
        set_data(self.bracket_top, [low, high], [top, top])
        set_data(self.bracket_bottom, [low, high], [0.0, 0.0])
        set_data(self.bracket_edges, [low, low, np.nan, high, high], [0.0, top, np.nan, 0.0, top], connect="finite")
        set_data(self.mid_line, [mid, mid], [0.0, top])
        set_data(self.mid_marker, x=[mid], y=[float(view.mid_values[step])])
        step_text = self.tr("step {step}: width {width}").format(step=step + 1, width=f"{high - low:.2g}")
        set_text(self.step_text, step_text, x_right, text_y)

    def _show_sum(self, frame: Frame) -> None:
        view = frame.smooth_sum
        set_data(self.sum_value, view.taus, view.value)
        set_data(self.sum_upper, view.taus, view.upper)
        set_data(self.sum_hard, view.taus, np.full(len(view.taus), view.hard))
        set_data(self.sum_now, [frame.tau], [view.now])
        self.sum_tau.setPos(math.log10(frame.tau))
        set_range(self.sum_plot, TAU_VIEW, view.y_range)

    def _show_jacobian(self, frame: Frame) -> None:
        view = frame.jacobian
        title = self.tr("Jacobian: {method}").format(method=method_label(view.method))
        self.side_panel.set_labels(self.jacobian_plot, title=title)
        size = len(frame.shown)
        if view.matrix is None:
            self.jacobian_image.clear()
            # Wrapped to the square plot, which is narrower than the note's lines.
            self.jacobian_note.setTextWidth(max(120.0, 0.92 * self.jacobian_plot.getViewBox().width()))
            set_note(self.jacobian_note, view.note, (size - 1) / 2, (size - 1) / 2)
        else:
            scale = _round_up(float(np.abs(view.matrix).max()))
            self.jacobian_image.setImage(view.matrix, autoLevels=False)
            self.jacobian_image.setRect(QRectF(-0.5, -0.5, size, size))
            self.jacobian_bar.setLevels((-scale, scale))
            set_note(self.jacobian_note, "", 0.0, 0.0)
        # Not drawn, it shows no scale either: ticks and a colour bar around a note read as a drawn, empty matrix.
        drawn = view.matrix is not None
        self.jacobian_bar.setVisible(drawn)
        labels = list(zip(range(size), (f"{frame.x[i]:.3g}" for i in frame.shown))) if drawn else []
        # The square plot is narrow: fewer labels across than down.
        _set_ticks(self.jacobian_plot.getAxis("bottom"), labels, every=_tick_stride(size, 4))
        _set_ticks(self.jacobian_plot.getAxis("left"), labels, every=_tick_stride(size, 8))
        set_range(self.jacobian_plot, (-0.5, size - 0.5), (-0.5, size - 0.5), padding=0.0)

    def _show_simplex(self, frame: Frame) -> None:
        view = frame.simplex
        if view is None:
            for item in (self.simplex_outline, self.capped_polygon, *self.simplex_paths.values()):
                set_data(item, [], [])
            for item in (self.simplex_centre, self.simplex_hard, *self.simplex_now.values()):
                set_data(item, x=[], y=[])
            for label in (*self.vertex_labels, self.centre_label):
                set_note(label, "", 0.0, 0.0)
            note = self.tr("Drawn for n = 3\n(here n = {n}).\nTry the preset\n“Iterative soft-k-max\nexceeds 1”.")
            set_note(self.simplex_note, note.format(n=frame.n), 0.0, 0.0)
            set_range(self.simplex_plot, (-1.0, 1.0), (-1.0, 1.0))
            return
        set_note(self.simplex_note, "", 0.0, 0.0)
        set_data(self.simplex_outline, view.simplex[:, 0], view.simplex[:, 1])
        set_data(self.capped_polygon, view.polygon[:, 0], view.polygon[:, 1])
        for method in ORDER:
            path, now = self.simplex_paths[method], self.simplex_now[method]
            if method not in frame.methods:
                set_data(path, [], [])
                set_data(now, x=[], y=[])
                continue
            xy = view.paths[method]
            if method in MARKER_METHODS:
                keep = np.isfinite(xy).all(axis=1)
                set_data(path, xy[keep, 0], xy[keep, 1])
            else:
                set_data(path, xy[:, 0], xy[:, 1], connect="finite")
            point = view.now[method]
            if np.isfinite(point).all():
                set_data(now, x=[point[0]], y=[point[1]])
            else:
                set_data(now, x=[], y=[])
        set_data(self.simplex_centre, x=[view.centre_xy[0]], y=[view.centre_xy[1]])
        set_data(self.simplex_hard, x=[view.hard_xy[0]], y=[view.hard_xy[1]])
        set_note(self.centre_label, "τ → ∞", float(view.centre_xy[0]), float(view.centre_xy[1]))
        corners = view.polygon[:-1]
        for index, label in enumerate(self.vertex_labels):
            if index < len(view.vertices):
                # Labels sit just outside their corner, away from the centre.
                outward = corners[index] - view.centre_xy
                norm = float(np.hypot(*outward)) or 1.0
                position = corners[index] + 0.22 * outward / norm
                text = "(" + ", ".join(f"{v:g}" for v in view.vertices[index]) + ")"
                set_note(label, text, float(position[0]), float(position[1]))
            else:
                set_note(label, "", 0.0, 0.0)
        span = np.concatenate([view.simplex, *(p for p in view.paths.values())])
        span = span[np.isfinite(span).all(axis=1)]
        low, high = span.min(axis=0) - 0.3, span.max(axis=0) + 0.3
        set_range(self.simplex_plot, (float(low[0]), float(high[0])), (float(low[1]), float(high[1])))

    def on_theme(self, theme: Theme) -> None:
        self._style_colour_bar(theme)
        self._tau_ticks(theme)
        self._style_notice(theme)
        if self._frame is not None:  # the key's swatches are HTML colours
            self._show_key(self._frame)

    def _tau_ticks(self, theme: Theme) -> None:
        # Seven decade labels fit a plot at the normal font; larger fonts get every other one.
        ticks = TAU_TICKS if theme.font_pt <= 11 else TAU_TICKS[1::2]
        for plot in (self.components_plot, self.error_plot, self.sum_plot):
            _log_ticks(plot.getAxis("bottom"), ticks)

    def _style_notice(self, theme: Theme) -> None:
        self.k_notice.setStyleSheet(f"color: {theme.warning};")

    def _style_colour_bar(self, theme: Theme) -> None:
        axis = self.jacobian_bar.axis
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.foreground))
        font = QFont()
        font.setPointSizeF(theme.font_pt * 0.9)
        axis.setTickFont(font)
        # Wide enough for "-0.0004" (small τ): widening itself to its labels needs a relayout that a scene
        # rendered headless right after it is applied does not get.
        axis.setWidth(QFontMetrics(font).horizontalAdvance("-0.0000") + 12)

    # ----- presets, controls, view state -----
    def request_update(self) -> None:
        self._sync_controls()
        super().request_update()

    def _sync_controls(self) -> None:
        """Grey out the inputs that do not apply, and show which preset (if any) the current input is."""
        random = self._values["source"] == "random"
        self.panel.control("x").setEnabled(not random)
        for name in ("n", "seed"):
            self.panel.control(name).setEnabled(random)
        key = self._matching_preset()
        index = self.preset_combo.findData(key)
        if index != self.preset_combo.currentIndex():
            self.preset_combo.setCurrentIndex(index)
        if key == "random":
            note = self.tr(RANDOM_NOTE).format(shown=MAX_SHOWN, budget=f"{GRAD_JACOBIAN_BUDGET:,}")
        else:
            note = self.tr(PRESETS[key].note) if key in PRESETS else ""
        self.preset_note.setText(note)

    def _matching_preset(self) -> str:
        if self._values["source"] == "random":
            return "random"
        try:
            x = parse_scores(self._values["x"])
        except ValueError:
            return CUSTOM
        for key in PRESET_KEYS:
            preset = PRESETS[key]
            if key != "random" and preset.k == self._values["k"] and np.array_equal(x, preset.x):
                return key
        return CUSTOM

    @Slot(int)
    def apply_preset(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        setup = next((s for s in PRESET_SETUPS if s[0] == key), None)
        if setup is None:  # "Custom scores" is a label, not a setting: show what the input really is
            self._sync_controls()
            return
        _, _, methods, focus = setup
        preset = PRESETS[key]
        values: dict[str, Any] = {"k": preset.k, "tau": 1.0, "methods": methods, "focus": focus}
        if key == "random":
            values["source"] = "random"
        else:
            values.update(source="typed", x=format_scores(preset.x))
        self.set_params(values)

    def view_state(self) -> dict[str, Any]:
        return {"bisection_step": self.play_bar.frame}

    def apply_view_state(self, view: dict[str, Any]) -> None:
        step = view.get("bisection_step", 0)
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step < BISECTION_STEPS:
            step = 0
        self.play_bar.set_frame(step)


# ----- helpers -----
def _alpha(method: str) -> int:
    return VARIANT_ALPHA if method in VARIANTS else 255


def _name(method: str, marker: str | None) -> str:
    if marker is None:
        return method_label(method)
    return f"{method_label(method)}, Sinkhorn ◆"


def _blend(colour: str, background: str, alpha: int) -> str:
    """The colour a translucent swatch shows on the background, as HTML (rich text has no alpha)."""
    front = QColor(colour)
    front.setAlpha(alpha)
    return opaque_over(front, QColor(background)).name()


def _polylines(taus: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Columns of ``values`` (one curve each, over ``taus``) as one NaN-separated polyline."""
    count = values.shape[1] if values.ndim == 2 else 0
    if count == 0 or len(taus) == 0:
        return np.zeros(0), np.zeros(0)
    x = np.tile(np.append(np.asarray(taus, float), np.nan), count)
    y = np.vstack([values, np.full((1, count), np.nan)]).T.ravel()
    return x, y


def _set_bars(item: pg.BarGraphItem, x: np.ndarray, height: np.ndarray, width: float) -> None:
    """``setOpts`` only when the bars change (see plot_panel.set_data)."""
    fingerprint = (np.asarray(x, float).tobytes(), np.asarray(height, float).tobytes(), width)
    if getattr(item, "_topk_bars", None) != fingerprint:
        item._topk_bars = fingerprint
        item.setOpts(x=np.asarray(x, float), height=np.asarray(height, float), width=width)


def _sum_text(total: float, k: int) -> str:
    """Σ to three decimals, or its distance from k when that is flagged but rounds away (1.000 shown in red)."""
    if math.isnan(total):
        return "NaN"
    shown = f"{total:.3f}"
    if abs(total - k) > 1e-6 * k and shown == f"{k:.3f}":
        return f"{k} {'+' if total > k else '−'} {abs(total - k):.1e}"
    return shown


def _round_up(value: float) -> float:
    """The next of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten: the colour bar ends on a readable number, and its
    scale is drawn again only when the Jacobian's largest entry crosses one (about one τ step in three of a drag)."""
    if not value > 0 or not math.isfinite(value):
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= value * (1 - 1e-12))


def _tick_stride(count: int, most: int = 8) -> int:
    return max(1, math.ceil(count / most))


def _set_ticks(axis: pg.AxisItem, ticks: list[tuple[float, str]], every: int = 1) -> None:
    set_ticks(axis, [[(float(position), label) for position, label in ticks[::every]], []])


def _log_ticks(axis: pg.AxisItem, values) -> None:
    """Round-number ticks on a log axis (pyqtgraph's own minor labels crowd a 6-decade axis)."""
    set_ticks(axis, [[(math.log10(v), f"{v:g}") for v in values], []])
