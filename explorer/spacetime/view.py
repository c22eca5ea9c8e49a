"""The Spacetime tab: a Minkowski diagram with draggable events, a boost next to its Euclidean twin,
velocity addition next to slope addition, and the twin paradox."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer import spacetime as st
from explorer.i18n import QT_TRANSLATE_NOOP, translate
from explorer.params import ParamSpec
from explorer.runner import Job
from explorer.tab import TopicTab
from widgets.explanation import Explanation
from widgets.play_bar import PlayBar
from widgets.plot_panel import PlotPanel, Style, set_data, set_range, set_text
from widgets.steady_label import SteadyLabel

EVENT_NAMES = ("A", "B", "C")
SNAP = 0.25  # dragged events snap to this grid
SWEEP_FRAMES = 120
SWEEP_AMPLITUDE = 0.9
TICKS = 4
# Half-width of the rotation and boost plots: the boosted unit event reaches t = cosh 1.5 = 2.35 at the slider's end.
SMALL_EXTENT = 2.5
_READOUT_CORNER = (0.1 - SMALL_EXTENT, 0.05 - SMALL_EXTENT)  # the readouts' bottom-left corner
VELOCITY_VIEW = ((-1.0, 1.0), (-2.0, 2.0))
# Faint grids drawn first, under everything: opaque in their faint colour (see Style.over_background).
_GRID = Style("c0", 0.8, alpha=70, over_background=True)
_SMALL_GRID = Style("c0", 0.7, alpha=60, over_background=True)
# The small plots' cells (row, column) when all are shown or one group is enlarged (view state "focus").
FOCUS_LAYOUTS = {
    "": {"rotation": (0, 0), "boost": (0, 1), "velocity": (1, 0), "twins": (1, 1)},
    "symmetry": {"rotation": (0, 0), "boost": (1, 0)},
    "velocity": {"velocity": (0, 0)},
    "twins": {"twins": (0, 0)},
}
# The model classifies in English; the table shows the kind in the current language.
INTERVAL_KINDS = {
    "timelike": QT_TRANSLATE_NOOP("SpacetimeTab", "timelike"),
    "lightlike": QT_TRANSLATE_NOOP("SpacetimeTab", "lightlike"),
    "spacelike": QT_TRANSLATE_NOOP("SpacetimeTab", "spacelike"),
}


def parse_events(text: str) -> np.ndarray:
    """``"t,x; t,x; t,x"`` -> (3, 2) array of finite events."""
    parts = [part for part in text.replace("\n", ";").split(";") if part.strip()]
    if len(parts) != len(EVENT_NAMES):
        message = translate("SpacetimeTab", "expected {count} events written 't,x; t,x; t,x', got {got}")
        raise ValueError(message.format(count=len(EVENT_NAMES), got=len(parts)))
    events = []
    for name, part in zip(EVENT_NAMES, parts):
        fields = part.split(",")
        try:
            t, x = (float(f) for f in fields)
        except ValueError:
            message = translate("SpacetimeTab", "event {name}: expected 't,x' with two numbers, got {text}")
            raise ValueError(message.format(name=name, text=repr(part.strip()))) from None
        if not (np.isfinite(t) and np.isfinite(x)) or max(abs(t), abs(x)) > 100:
            raise ValueError(translate("SpacetimeTab", "event {name}: coordinates must be finite and within ±100")
                             .format(name=name))
        events.append((t, x))
    return np.array(events, dtype=np.float64)


def format_events(events: np.ndarray) -> str:
    return "; ".join(f"{t:g},{x:g}" for t, x in events)


SPECS = (
    ParamSpec("beta", "float", 0.6, QT_TRANSLATE_NOOP("SpacetimeTab", "frame velocity β"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Velocity of the moving frame (units of c)"),
              minimum=-0.99, maximum=0.99, step=0.01, decimals=3),
    ParamSpec("extent", "float", 4.0, QT_TRANSLATE_NOOP("SpacetimeTab", "diagram extent"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Half-width of the Minkowski diagram (light-seconds)"),
              minimum=2.0, maximum=10.0, step=0.5, decimals=1),
    ParamSpec("events", "text", "2,1; 1,2.5; 1.5,1.5", QT_TRANSLATE_NOOP("SpacetimeTab", "events (t,x)"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Three events A; B; C as 't,x' pairs. "
                                "Drag them on the diagram (they snap to a 0.25 grid)."),
              check=parse_events),
    ParamSpec("grid", "bool", True, QT_TRANSLATE_NOOP("SpacetimeTab", "boosted grid"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Show the moving frame's coordinate grid")),
    ParamSpec("hyperbolae", "bool", True, QT_TRANSLATE_NOOP("SpacetimeTab", "invariant hyperbolae"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Show t² − x² = const through each event")),
    ParamSpec("angle", "float", 0.6, "θ = φ",
              QT_TRANSLATE_NOOP("SpacetimeTab", "One number drives the Euclidean rotation θ and the boost rapidity φ"),
              minimum=-1.5, maximum=1.5, step=0.01, decimals=2),
    ParamSpec("angle2", "float", 0.4, QT_TRANSLATE_NOOP("SpacetimeTab", "second θ₂ = φ₂"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "A second rotation / boost, to show that angles add"),
              minimum=-1.0, maximum=1.0, step=0.01, decimals=2),
    ParamSpec("v", "float", 0.6, QT_TRANSLATE_NOOP("SpacetimeTab", "second velocity v"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Velocity added to β in the velocity-addition plot"),
              minimum=-0.99, maximum=0.99, step=0.01, decimals=3),
    ParamSpec("twin_beta", "float", 0.8, QT_TRANSLATE_NOOP("SpacetimeTab", "twin speed"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "The travelling twin's speed"),
              minimum=0.05, maximum=0.99, step=0.01, decimals=2),
    ParamSpec("twin_distance", "float", 4.0, QT_TRANSLATE_NOOP("SpacetimeTab", "twin distance"),
              QT_TRANSLATE_NOOP("SpacetimeTab", "Distance to the turnaround (light-years)"),
              minimum=0.5, maximum=10.0, step=0.5, decimals=1),
)

EXPLANATION = Explanation(
    title=QT_TRANSLATE_NOOP("SpacetimeTab", "Spacetime symmetry"),
    post_title="相对论、对称和第四维",
    post_url="https://kexue.fm/archives/1602",
    body=QT_TRANSLATE_NOOP(
        "SpacetimeTab",
        "<p>A rotation keeps $x^2+y^2$ fixed; a Lorentz boost keeps the interval $s^2=t^2-x^2$ fixed (c = 1). "
        "Written with the rapidity $\\varphi=\\mathrm{artanh}\\,\\beta$ a boost is a <i>hyperbolic</i> rotation:</p>"
        "$$t'=t\\cosh\\varphi-x\\sinh\\varphi$$$$x'=x\\cosh\\varphi-t\\sinh\\varphi$$"
        "<p>With imaginary time $w=it$ it <i>is</i> a rotation, by the imaginary angle $\\theta=i\\varphi$:</p>"
        "$$x'=x\\cos\\theta+w\\sin\\theta$$$$w'=-x\\sin\\theta+w\\cos\\theta$$"
        "<p>That is the post's fourth dimension: time enters as $ict$ and the symmetry of spacetime is a rotation "
        "group. Angles add, and so do rapidities; in velocities that is the addition law</p>"
        "$$u\\oplus v=\\frac{u+v}{1+uv}=\\tanh(\\varphi_u+\\varphi_v)$$"
        "<p>the twin of slope addition "
        "$\\tan(\\alpha+\\beta)=\\frac{\\tan\\alpha+\\tan\\beta}{1-\\tan\\alpha\\tan\\beta}$. "
        "The sign flip is the whole difference between the circle and the hyperbola.</p>"
        "<p>The diagram is <i>passive</i>: events stay put; the moving frame's axes $t'$, $x'$ scissor towards the "
        "light cone, and its unit ticks sit on the hyperbolae $t^2-x^2=\\pm1$.</p>",
    ),
    what_to_try=(
        QT_TRANSLATE_NOOP(
            "SpacetimeTab",
            "Drag β towards ±0.99: the axes close on the light cone like scissors, "
            "but the ticks stay on the hyperbolae.",
        ),
        QT_TRANSLATE_NOOP(
            "SpacetimeTab",
            "Drag event B (spacelike): its order in time relative to the origin "
            "flips for β > t/x.",
        ),
        QT_TRANSLATE_NOOP(
            "SpacetimeTab",
            "Select event A and press <b>Boost to rest frame</b>: A's worldline "
            "becomes the t′ axis.",
        ),
        QT_TRANSLATE_NOOP("SpacetimeTab", "Set β = 0.6 and v = 0.6: the sum is 15/17 ≈ 0.882, not 1.2."),
        QT_TRANSLATE_NOOP("SpacetimeTab", "Press Space to sweep the boost; watch the hyperbolae stay put."),
    ),
)


class SpacetimeTab(TopicTab):
    topic_id = "spacetime"
    specs = SPECS
    view_specs = (
        ParamSpec("selected", "int", 0, minimum=0, maximum=len(EVENT_NAMES) - 1),
        ParamSpec("frame", "int", 0, minimum=0, maximum=SWEEP_FRAMES - 1),
        ParamSpec("focus", "choice", "", choices=tuple(FOCUS_LAYOUTS)),
    )
    explanation = EXPLANATION

    def __init__(self, theme, parent=None):
        self._selected = 0
        self._dragging = False
        super().__init__(theme, parent)

    # ----- building -----
    def build_plots(self) -> QWidget:
        # The diagram gets its own panel, so it can be square while four small plots share the rest.
        diagram = self.diagram_panel = PlotPanel(self.theme)
        self.minkowski = diagram.add_plot(
            0, 0, self.tr("Minkowski diagram"), "x", "t", equal_aspect=True, legend="below"
        )
        panel = self.symmetry_panel = PlotPanel(self.theme)
        p = panel.add_plot
        self.euclid = p(0, 0, self.tr("Rotation by θ: r² fixed"), "x", "y", equal_aspect=True)
        self.hyper = p(0, 1, self.tr("Boost by φ: s² fixed"), "x", "t", equal_aspect=True)
        self.velocity = p(1, 0, self.tr("Adding velocities"), "u", "u ⊕ v", legend=(-6, -6))
        self.twins = p(1, 1, self.tr("Twin paradox"), self.tr("x (ly)"), self.tr("t (years)"))
        self._build_minkowski(diagram)
        self._build_symmetry(panel)
        self._build_velocity(panel)
        self._build_twins(panel)
        self._small_plots = {"rotation": self.euclid, "boost": self.hyper, "velocity": self.velocity,
                             "twins": self.twins}
        self._focus = ""
        panel.scene().sigMouseClicked.connect(self._on_plot_clicked)
        panel.setToolTip(self.tr("Double-click a plot to enlarge it, double-click again to see all four"))

        self.play_bar = PlayBar()
        self.play_bar.set_frame_count(SWEEP_FRAMES)
        self.play_bar.frame_changed.connect(self._on_sweep_frame)

        self.table = QTableWidget(len(EVENT_NAMES), 7)
        self.table.setHorizontalHeaderLabels([self.tr("event"), "t", "x", "t′", "x′", "s²", self.tr("type")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it); else Tab is trapped
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 6):  # the event's name and its type: as wide as their texts, the numbers share the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Each event in the rest frame and the moving frame; s² is the same in both"))
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(row_height * (len(EVENT_NAMES) + 1) + 6)
        self.rest_button = QPushButton(self.tr("Boost to rest frame of selected"))
        self.rest_button.setToolTip(
            self.tr("Set β so that the worldline from the origin to the selected event is at rest")
        )
        self.rest_button.clicked.connect(self.boost_to_rest_frame)
        self.readout = SteadyLabel(word_wrap=True, rich=False)
        self._table_floor, self._table_longest = 0, None

        table_side = QVBoxLayout()
        table_side.addWidget(self.table)
        table_side.addWidget(self.rest_button)
        bottom = QHBoxLayout()
        bottom.addLayout(table_side, 3)
        bottom.addWidget(self.readout, 2)
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 6, 6)
        plots = QHBoxLayout()
        plots.setSpacing(0)
        plots.addWidget(diagram, 1)
        plots.addWidget(panel, 1)
        layout.addLayout(plots, 1)
        layout.addWidget(self.play_bar)
        layout.addLayout(bottom)
        return area

    def _build_minkowski(self, panel: PlotPanel) -> None:
        plot = self.minkowski
        self.cone = panel.curve(plot, Style("cone", 1.6, dash=True), self.tr("light cone"), connect="finite")
        self.rest_axes = panel.curve(plot, Style("muted", 1.2), label="rest axes", connect="finite")
        self.grid_lines = panel.curve(plot, _GRID, label="boosted grid", connect="finite")
        self.simultaneity = panel.curve(
            plot, Style("c0", 1.0, dash=True, alpha=160), self.tr("t′ = const"), connect="finite"
        )
        self.moving_axes = panel.curve(plot, Style("c0", 2.6), self.tr("moving frame t′, x′"), connect="finite")
        # 1 px: Qt strokes a wider dashed translucent curve ~50× slower, and these ~1200 points were a third of the
        # diagram's repaint.
        self.hyperbolae = panel.curve(plot, Style("c1", 1.0, dash=True, alpha=200), "t² − x² = s²", connect="finite")
        self.unit_hyperbolae = panel.curve(
            plot, Style("muted", 0.8, dash=True), label="unit hyperbolae t² − x² = ±1", connect="finite"
        )
        self.ticks = panel.scatter(plot, Style("c0"), size=7, symbol="o", label="unit ticks of t′, x′")
        self.worldline = panel.curve(plot, Style("c2", 1.8), self.tr("selected worldline"), connect="finite")
        # t′ above-left of its axis's end, x′ below-right of its own: as β nears 1 the two ends meet, and the
        # labels, both centred above, lay one on the other.
        self.axis_labels = [panel.text(plot, "c0", anchor=(1.0, 1.0)), panel.text(plot, "c0", anchor=(0.0, 0.0))]
        self.event_items = []
        self.event_labels = []
        for index in range(len(EVENT_NAMES)):
            target = pg.TargetItem(pos=(0, 0), size=13, symbol="o", movable=True)
            target.setZValue(10)
            target.sigPositionChanged.connect(self._on_event_dragged)
            target.sigPositionChangeFinished.connect(self._on_event_drag_finished)
            target._event_index = index
            plot.addItem(target)
            panel.restyle(target, Style(f"c{index + 1}", 2.0))
            self.event_items.append(target)
            self.event_labels.append(panel.text(plot, "foreground", anchor=(-0.3, 1.1)))

    def _build_symmetry(self, panel: PlotPanel) -> None:
        self.euclid_grid = panel.curve(self.euclid, _SMALL_GRID, label="rotated grid", connect="finite")
        self.euclid_fixed = panel.curve(self.euclid, Style("muted", 1.0), label="fixed axes", connect="finite")
        self.circle = panel.curve(self.euclid, Style("c1", 1.6), label="circle r = 1.5")
        self.euclid_axes = panel.curve(self.euclid, Style("c0", 2.4), label="axes rotated by θ", connect="finite")
        self.euclid_axes2 = panel.curve(
            self.euclid, Style("c2", 1.6, dash=True), label="axes rotated by θ + θ₂", connect="finite"
        )
        self.euclid_point = panel.scatter(self.euclid, Style("c1"), size=10, label="rotated point")
        self.euclid_text = panel.text(self.euclid, "foreground", anchor=(0, 1))
        self.hyper_grid = panel.curve(self.hyper, _SMALL_GRID, label="boosted grid", connect="finite")
        self.hyper_cone = panel.curve(self.hyper, Style("cone", 1.2, dash=True), label="light cone", connect="finite")
        self.hyper_curves = panel.curve(self.hyper, Style("c1", 1.6), label="hyperbolae s² = ±1", connect="finite")
        self.hyper_axes = panel.curve(self.hyper, Style("c0", 2.4), label="axes boosted by φ", connect="finite")
        self.hyper_axes2 = panel.curve(
            self.hyper, Style("c2", 1.6, dash=True), label="axes boosted by φ + φ₂", connect="finite"
        )
        self.hyper_point = panel.scatter(self.hyper, Style("c1"), size=10, label="boosted unit event")
        self.hyper_text = panel.text(self.hyper, "foreground", anchor=(0, 1))

    def _build_velocity(self, panel: PlotPanel) -> None:
        plot = self.velocity
        self.light_limits = panel.curve(plot, Style("cone", 1.0, dash=True), label="±c", connect="finite")
        self.galilean = panel.curve(plot, Style("muted", 1.4, dash=True), "u + v")
        self.slope_sum = panel.curve(plot, Style("c2", 1.4), self.tr("slopes add"))
        self.relativistic = panel.curve(plot, Style("c0", 2.4), "u ⊕ v")
        self.velocity_point = panel.scatter(plot, Style("c1"), size=10, label="β ⊕ v")
        self.velocity_text = panel.text(plot, "foreground", anchor=(0, 0))

    def _build_twins(self, panel: PlotPanel) -> None:
        plot = self.twins
        self.home_line = panel.curve(plot, Style("c0", 2.2), label="home twin")
        self.traveller_line = panel.curve(plot, Style("c1", 2.2), label="travelling twin")
        self.twin_now = panel.curve(plot, Style("c1", 0.8, alpha=90), label="traveller's now", connect="finite")
        self.turn_lines = panel.curve(plot, Style("c1", 1.4, dash=True), label="now at turnaround", connect="finite")
        self.jump = panel.curve(plot, Style("warning", 5.0), label="simultaneity jump")
        self.home_ticks = panel.scatter(plot, Style("c0"), size=6, label="home clock ticks")
        self.traveller_ticks = panel.scatter(plot, Style("c1"), size=6, label="traveller clock ticks")
        self.twin_text = panel.text(plot, "foreground", anchor=(0, 0))

    # ----- computing (worker thread) -----
    @staticmethod
    def compute(params: dict[str, Any], job: Job) -> dict[str, Any]:
        beta, extent = params["beta"], params["extent"]
        events = parse_events(params["events"])
        out: dict[str, Any] = {"beta": beta, "extent": extent, "events": events}
        square = np.array([[-extent, extent], [extent, extent], [extent, -extent], [-extent, -extent]])
        out["cone"] = st.polyline(np.array([[square[3], square[1]], [square[2], square[0]]]))
        out["rest_axes"] = st.polyline(np.array([[[-extent, 0], [extent, 0]], [[0, -extent], [0, extent]]]))
        out["moving_axes"] = st.polyline(st.frame_axes(beta, extent))
        grid = st.boosted_grid(beta, extent, 1.0)
        out["grid"] = st.polyline(np.concatenate([grid.t_lines, grid.x_lines])) if params["grid"] else np.empty((0, 2))
        # The moving frame's "now" through each event.
        out["simultaneity"] = st.polyline(st.simultaneity_lines(beta, st.boost(events, beta)[:, 0], extent))
        ticks = st.calibration_ticks(beta, TICKS)
        tick_points = np.concatenate([ticks.t_axis, ticks.x_axis])
        out["ticks"] = tick_points[(np.abs(tick_points) <= extent).all(axis=1)]
        if params["hyperbolae"]:
            curves = [st.hyperbola(s2, extent) for s2 in st.interval(events)]
            curves += [st.hyperbola(1.0, extent), st.hyperbola(-1.0, extent)]
            out["hyperbolae"] = _join(curves[: len(events)])
            out["unit_hyperbolae"] = _join(curves[len(events):])
        else:
            out["hyperbolae"] = out["unit_hyperbolae"] = np.empty((0, 2))
        out["boosted_events"] = st.boost(events, beta)
        out["s2"] = st.interval(events)
        out["kinds"] = [str(kind) for kind in st.classify(events)]

        angle, angle2 = params["angle"], params["angle2"]
        extent_small = 2 * SMALL_EXTENT  # drawn past the view: focused, the square plots are wider than tall
        rgrid = st.rotated_grid(angle, extent_small, 0.5)
        out["euclid_grid"] = st.polyline(np.concatenate([rgrid.x_lines, rgrid.y_lines]))
        out["euclid_axes"] = st.polyline(st.rotated_axes(angle, extent_small))
        out["euclid_axes2"] = st.polyline(st.rotated_axes(angle + angle2, extent_small))
        out["euclid_fixed"] = st.polyline(st.rotated_axes(0.0, extent_small))
        out["circle"] = st.circle(1.5)
        out["euclid_point"] = st.rotate(np.array([1.5, 0.0]), angle)
        phi, phi2 = angle, angle2
        b_small = float(st.beta_from_rapidity(phi))
        hgrid = st.boosted_grid(b_small, extent_small, 0.5)
        out["hyper_grid"] = st.polyline(np.concatenate([hgrid.t_lines, hgrid.x_lines]))
        out["hyper_axes"] = st.polyline(st.frame_axes(b_small, extent_small))
        out["hyper_axes2"] = st.polyline(st.frame_axes(float(st.beta_from_rapidity(phi + phi2)), extent_small))
        out["hyper_cone"] = st.polyline(st.hyperbola(0.0, extent_small))
        out["hyper_curves"] = _join([st.hyperbola(1.0, extent_small, 101), st.hyperbola(-1.0, extent_small, 101)])
        # The unit event (t, x) = (1, 0) seen from the boosted frame moves along the hyperbola.
        out["hyper_point"] = st.boost_rapidity(np.array([1.0, 0.0]), -phi)

        v = params["v"]
        u = np.linspace(-0.999, 0.999, 401)
        out["u"] = u
        out["relativistic"] = st.velocity_add(u, v)
        out["galilean"] = u + v
        with np.errstate(divide="ignore", invalid="ignore"):
            slope = np.tan(np.arctan(u) + np.arctan(v))
        slope[np.abs(slope) > 50] = np.nan  # a vertical asymptote, not a line across the plot
        out["slope_sum"] = slope
        out["u_v"] = (beta, float(st.velocity_add(beta, v)), v)

        twins = st.twin_paradox(params["twin_beta"], params["twin_distance"])
        out["twins"] = twins
        out["twin_lines"] = st.twin_paradox_worldlines(params["twin_beta"], params["twin_distance"], 1.0)
        out["gamma"] = float(st.gamma(beta))
        out["rapidity"] = float(st.rapidity(beta))
        out["angles"] = (angle, angle2)
        return out

    # ----- drawing (GUI thread) -----
    def show_result(self, r: dict[str, Any]) -> None:
        extent = r["extent"]
        set_range(self.minkowski, (-extent, extent), (-extent, extent))
        small = (-SMALL_EXTENT, SMALL_EXTENT)
        set_range(self.euclid, small, small, padding=0.0)
        set_range(self.hyper, small, small, padding=0.0)
        set_range(self.velocity, *VELOCITY_VIEW)
        for item, key in (
            (self.cone, "cone"), (self.rest_axes, "rest_axes"), (self.moving_axes, "moving_axes"),
            (self.grid_lines, "grid"), (self.simultaneity, "simultaneity"), (self.hyperbolae, "hyperbolae"),
            (self.unit_hyperbolae, "unit_hyperbolae"), (self.hyper_grid, "hyper_grid"), (self.hyper_axes, "hyper_axes"),
            (self.hyper_axes2, "hyper_axes2"), (self.hyper_cone, "hyper_cone"), (self.hyper_curves, "hyper_curves"),
        ):
            _set_tx(item, r[key])
        for item, key in ((self.euclid_grid, "euclid_grid"), (self.euclid_axes, "euclid_axes"),
                          (self.euclid_axes2, "euclid_axes2"), (self.circle, "circle"),
                          (self.euclid_fixed, "euclid_fixed")):
            _set_xy(item, r[key])
        self.diagram_panel.set_listed(self.hyperbolae, r["hyperbolae"].size > 0)  # switched off: not in the legend
        set_data(self.ticks, x=r["ticks"][:, 1], y=r["ticks"][:, 0])
        set_text(self.axis_labels[0], "t′", *_clip_label(r["moving_axes"], first=True))
        set_text(self.axis_labels[1], "x′", *_clip_label(r["moving_axes"], first=False))
        events = r["events"]
        for index, (target, label, shown) in enumerate(zip(self.event_items, self.event_labels,
                                                            _event_labels(events, extent))):
            t, x = events[index]
            if not self._dragging:
                target.blockSignals(True)
                target.setPos(x, t)
                target.blockSignals(False)
            set_text(label, *shown)
        selected = events[self._selected]
        set_data(self.worldline, x=[0.0, selected[1]], y=[0.0, selected[0]])
        self._fill_table(r)

        ex, ey = r["euclid_point"]
        set_data(self.euclid_point, x=[ex], y=[ey])
        angle, angle2 = r["angles"]
        # Narrow readouts in the bottom-left corner, where neither moving point ever goes: the rotated point
        # stays right of x = 0.1 (|θ| <= 1.5), the boosted one above t = 1.
        euclid = f"θ = {angle:.2f}\nθ+θ₂ = {angle + angle2:.2f}\nr² = {ex * ex + ey * ey:.3f}"
        set_text(self.euclid_text, euclid, *_READOUT_CORNER)
        ht, hx = r["hyper_point"]
        set_data(self.hyper_point, x=[hx], y=[ht])
        hyper = f"φ = {angle:.2f}\nφ+φ₂ = {angle + angle2:.2f}\ns² = {ht * ht - hx * hx:.3f}"
        set_text(self.hyper_text, hyper, *_READOUT_CORNER)

        u = r["u"]
        set_data(self.relativistic, u, r["relativistic"])
        set_data(self.galilean, u, r["galilean"])
        set_data(self.slope_sum, u, r["slope_sum"], connect="finite")
        set_data(self.light_limits, [-1, 1, np.nan, -1, 1], [1, 1, np.nan, -1, -1], connect="finite")
        beta, total, v = r["u_v"]
        set_data(self.velocity_point, x=[beta], y=[total])
        # u ⊕ v for v < 0 is that for −v turned half a turn: the empty corners swap, and the legend and the
        # readout (two short lines: one long line is clipped when the column is narrow) go to the other two.
        mirrored = v < 0
        self.symmetry_panel.move_legend(self.velocity, (6, 6) if mirrored else (-6, -6))
        readout_anchor = (1, 1) if mirrored else (0, 0)
        if tuple(self.velocity_text.anchor) != readout_anchor:
            self.velocity_text.setAnchor(readout_anchor)
        x, y = (0.97, -1.95) if mirrored else (-0.97, 1.95)
        set_text(self.velocity_text, f"{beta:.3f} ⊕ {v:.3f}\n= {total:.4f}", x, y)

        self._show_twins(r["twins"], r["twin_lines"])
        self._show_readout(r)

    def _show_twins(self, twins, lines) -> None:
        set_data(self.home_line, lines.home[:, 1], lines.home[:, 0])
        set_data(self.traveller_line, lines.traveller[:, 1], lines.traveller[:, 0])
        set_data(self.home_ticks, x=lines.home_ticks[:, 1], y=lines.home_ticks[:, 0])
        set_data(self.traveller_ticks, x=lines.traveller_ticks[:, 1], y=lines.traveller_ticks[:, 0])
        _set_tx(self.twin_now, st.polyline(lines.tick_simultaneity))
        _set_tx(self.turn_lines, st.polyline(lines.turnaround_lines))
        before, after = float(twins.home_time_before), float(twins.home_time_after)
        set_data(self.jump, [0.0, 0.0], [before, after])
        home = float(twins.home_time)
        distance = float(lines.traveller[1, 1])
        text = self.tr("home {home:.3g} y\ntraveller {traveller:.3g} y\njump {jump:.3g} y").format(
            home=home, traveller=float(twins.traveller_time), jump=float(twins.simultaneity_jump)
        )
        set_text(self.twin_text, text, distance * 0.25, home * 1.38)
        set_range(self.twins, (-0.3, distance * 1.15), (0.0, home * 1.4))

    def on_theme(self, theme) -> None:
        self._table_floor, self._table_longest = 0, None  # a new font: measured again
        self._fit_table()

    def _fit_table(self) -> None:
        """Room for every column's widest text: shared evenly, presentation mode on a projector cut "-10.456" to
        "-10.…" and "spacelike" to "spac…". It only grows (until the font changes): a minimum that followed every β
        would lay out the plots beside the table again during a drag."""
        table = self.table
        columns = [[table.horizontalHeaderItem(column).text()]
                   + [table.item(row, column).text() for row in range(table.rowCount()) if table.item(row, column)]
                   for column in range(table.columnCount())]
        longest = [max(map(len, texts)) for texts in columns]
        if longest == self._table_longest:
            return  # the same lengths as last time: measuring the texts again (every frame of a drag) would cost
        self._table_longest = longest
        metrics = table.fontMetrics()
        pad = 2 * metrics.horizontalAdvance("0")  # a cell's margins and grid line
        needed = 2 * table.frameWidth() + sum(max(map(metrics.horizontalAdvance, texts)) + pad for texts in columns)
        if needed > self._table_floor:
            self._table_floor = needed
            table.setMinimumWidth(needed)

    def _fill_table(self, r: dict[str, Any]) -> None:
        events, boosted, s2, kinds = r["events"], r["boosted_events"], r["s2"], r["kinds"]
        for row, name in enumerate(EVENT_NAMES):
            kind = self.tr(INTERVAL_KINDS[kinds[row]])
            values = [name, *(_fixed(v) for v in (*events[row], *boosted[row], s2[row])), kind]
            for column, text in enumerate(values):
                item = self.table.item(row, column)
                if item is None:
                    self.table.setItem(row, column, QTableWidgetItem(text))
                else:
                    item.setText(text)
        self._fit_table()
        self.table.blockSignals(True)
        self.table.selectRow(self._selected)
        self.table.blockSignals(False)

    def _show_readout(self, r: dict[str, Any]) -> None:
        gamma, phi, beta = r["gamma"], r["rapidity"], r["beta"]
        text = self.tr(
            "<b>β = {beta:.3f}</b>: γ = {gamma:.4f}, rapidity φ = {phi:.4f}<br>"
            "time dilation: 1 s of a moving clock lasts {gamma:.4f} s here<br>"
            "length contraction: a 1 m rod measures {length:.4f} m<br>"
            "Doppler factor e<sup>φ</sup> = {doppler:.4f}"
        )
        self.readout.setText(text.format(beta=beta, gamma=gamma, phi=phi, length=1 / gamma, doppler=np.exp(phi)))

    # ----- interaction -----
    @Slot(object)
    def _on_event_dragged(self, target) -> None:
        self._dragging = True
        pos = target.pos()
        x, t = round(pos.x() / SNAP) * SNAP, round(pos.y() / SNAP) * SNAP
        events = parse_events(self._values["events"])
        if (events[target._event_index] == (t, x)).all():
            return
        events[target._event_index] = (t, x)
        self._selected = target._event_index
        self.set_params({"events": format_events(events)})

    @Slot(object)
    def _on_event_drag_finished(self, target) -> None:
        self._dragging = False
        self.request_update()

    @Slot()
    def _on_table_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._selected = rows[0].row()
            self.request_update()

    @Slot()
    def boost_to_rest_frame(self) -> None:
        event = parse_events(self._values["events"])[self._selected]
        try:
            beta = float(st.rest_frame_beta(np.zeros(2), event))
        except ValueError:
            message = self.tr("event {name} is not timelike: no frame has it at rest")
            self._show_error(message.format(name=EVENT_NAMES[self._selected]))
            return
        if abs(beta) > 0.99:
            message = self.tr("event {name} needs β = {beta:.4f}, beyond the slider's ±0.99")
            self._show_error(message.format(name=EVENT_NAMES[self._selected], beta=beta))
            return
        self.set_params({"beta": round(beta, 3)})

    @Slot(int)
    def _on_sweep_frame(self, frame: int) -> None:
        if self.play_bar.is_playing:
            beta = SWEEP_AMPLITUDE * np.sin(2 * np.pi * frame / SWEEP_FRAMES)
            self.set_params({"beta": round(float(beta), 3)})

    @Slot(object)
    def _on_plot_clicked(self, event) -> None:
        if not event.double():
            return
        for name, plot in self._small_plots.items():
            if plot.scene() is not None and plot.sceneBoundingRect().contains(event.scenePos()):
                group = next(focus for focus, cells in FOCUS_LAYOUTS.items() if focus and name in cells)
                self.set_focus("" if self._focus else group)
                return

    def set_focus(self, focus: str) -> None:
        """Enlarge one group of small plots ("symmetry": rotation and boost, "velocity", "twins"), or "" for all."""
        if focus == self._focus:
            return
        layout = self.symmetry_panel.ci
        for plot in self._small_plots.values():
            if plot in layout.items:
                layout.removeItem(plot)
        for name, (row, column) in FOCUS_LAYOUTS[focus].items():
            layout.addItem(self._small_plots[name], row, column)
        self._focus = focus

    def view_state(self) -> dict[str, Any]:
        return {"selected": self._selected, "frame": self.play_bar.frame, "focus": self._focus}

    def apply_view_state(self, view: dict[str, Any]) -> None:
        selected = view.get("selected", 0)
        self._selected = selected if type(selected) is int and 0 <= selected < len(EVENT_NAMES) else 0
        frame = view.get("frame", 0)
        if type(frame) is int and 0 <= frame < SWEEP_FRAMES:
            self.play_bar.set_frame(frame)
        focus = view.get("focus", "")
        self.set_focus(focus if isinstance(focus, str) and focus in FOCUS_LAYOUTS else "")
        self.request_update()


def _join(curve_sets: list[np.ndarray]) -> np.ndarray:
    """Line sets of different lengths (some possibly empty) as one NaN-separated polyline."""
    parts = [st.polyline(curves) for curves in curve_sets if curves.shape[1] > 0]
    if not parts:
        return np.empty((0, 2))
    gap = np.full((1, 2), np.nan)
    return np.concatenate([piece for part in parts for piece in (part, gap)][:-1])


def _set_tx(item: pg.PlotDataItem, points: np.ndarray) -> None:
    """Points are (t, x); diagrams draw x across and t up."""
    _set_xy(item, np.asarray(points)[..., ::-1])


def _set_xy(item: pg.PlotDataItem, points: np.ndarray) -> None:
    """Points are (x, y), x across: the Euclidean plane's."""
    points = np.asarray(points)
    if points.size == 0:
        set_data(item, [], [])
    else:
        set_data(item, points[:, 0], points[:, 1], connect="finite")


_OFF_DIAGRAM_ARROWS = {(1, 0): "→", (-1, 0): "←", (0, 1): "↑", (0, -1): "↓", (1, 1): "↗", (-1, 1): "↖",
                       (1, -1): "↘", (-1, -1): "↙"}


def _event_labels(events: np.ndarray, extent: float) -> list[tuple[str, float, float]]:
    """Each event's label and where it goes: beside the event, or for events outside the diagram where the line from
    the origin to them leaves it, with an arrow across that edge; one label for all that leave the same way (their
    markers are out of view; a bare label slid into a corner read as an event there, and a corner is on the light
    cone)."""
    shown = [(name, float(x), float(t)) for name, (t, x) in zip(EVENT_NAMES, events)]
    away: dict[tuple[int, int], list[int]] = {}
    for index, (t, x) in enumerate(events):
        reach = max(abs(t), abs(x))
        if reach <= extent:
            continue
        t, x = t * extent / reach, x * extent / reach  # on the diagram's edge, towards the event
        side = tuple(int(np.sign(c)) if abs(c) >= extent * (1 - 1e-9) else 0 for c in (x, t))
        away.setdefault(side, []).append(index)
        shown[index] = ("", float(x), float(t))
    for side, members in away.items():
        _, x, t = shown[members[0]]
        shown[members[0]] = (f"{', '.join(EVENT_NAMES[i] for i in members)} {_OFF_DIAGRAM_ARROWS[side]}", x, t)
    return shown


def _clip_label(axes: np.ndarray, first: bool) -> tuple[float, float]:
    """Place an axis label near the end of the t′ (first) or x′ axis polyline."""
    finite = axes[np.isfinite(axes).all(axis=1)]
    t, x = (finite[1] if first else finite[3]) * 0.92
    return float(x), float(t)


def _fixed(value: float) -> str:
    """Three decimals, with no "-0.000" for a value that rounds to zero (a boost of an event on the light cone)."""
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text
