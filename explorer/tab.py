"""The base of every topic tab: controls from specs, an explanation panel, plots, and one latest-wins runner.

A subclass declares ``topic_id``, ``specs`` and ``explanation``, builds its plots in :meth:`build_plots`,
computes in the static :meth:`compute` (runs in the worker: pure math, no Qt), and draws in :meth:`show_result`
(GUI thread: ``setData`` on existing items). Redraws are throttled to the display rate.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.app import repolish_style_sheets
from explorer.params import ParamSpec, defaults
from explorer.runner import Job, Runner
from explorer.state import TabState
from explorer.theme import Theme
from widgets.explanation import Explanation, ExplanationPanel
from widgets.param_panel import ParamPanel
from widgets.play_bar import PlayBar
from widgets.plot_panel import PlotPanel

_FRAME_S = 1 / 60  # redraws faster than the display are wasted work
_STREAMING_S = 0.1  # draws closer together than this are a drag or an animation: draw fast, not crisp
_SETTLE_MS = 150  # crisp again this long after the last fast draw
_SIDEBAR_WIDTH = 340


class TopicTab(QWidget):
    topic_id: str = ""
    specs: tuple[ParamSpec, ...] = ()
    view_specs: tuple[ParamSpec, ...] = ()  # the entries of view_state(): a scene file's view is checked against them
    explanation: Explanation

    busy_changed = Signal(bool)
    progress_changed = Signal(float, str)
    message = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme = theme
        self._values: dict[str, Any] = defaults(self.specs)
        self._latest: Any = None
        self._has_latest = False
        self._last_draw = 0.0
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.timeout.connect(self._draw_latest)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_MS)
        self._settle.timeout.connect(self._draw_crisp)
        self.play_bar: PlayBar | None = None

        self._runners: list[Runner] = []
        self.runner = self.add_runner(f"{self.topic_id}-runner")
        self.runner.result.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)

        context = type(self).__name__  # specs and explanation are marked for translation in their tab's context
        self.panel = ParamPanel(self.specs, context)
        self.panel.changed.connect(self._on_param_changed)
        self.panel.error.connect(self._show_error)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(f"color: {theme.warning};")
        self.error_label.hide()
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Restore this tab's defaults (Ctrl+R)"))
        self.reset_button.clicked.connect(self.reset)
        self.explanation_panel = ExplanationPanel(self.explanation.translated(context), theme)

        sidebar = QWidget()
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(8, 8, 8, 8)
        side.addWidget(self.panel)
        extra = self.build_controls()
        if extra is not None:
            side.addWidget(extra)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        side.addLayout(buttons)
        side.addWidget(self.error_label)
        side.addWidget(self.explanation_panel, 1)
        scroll = QScrollArea()
        scroll.setWidget(sidebar)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop with no visible focus; the controls inside are
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._sidebar_scroll = scroll
        self._refit_sidebar = QTimer(self)
        self._refit_sidebar.setSingleShot(True)
        self._refit_sidebar.setInterval(0)
        self._refit_sidebar.timeout.connect(self._fit_sidebar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.build_plots())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._fit_sidebar()
        if self.play_bar is not None:  # after the tab's own frame slot, connected while building
            self.play_bar.frame_changed.connect(self._settle_ranges)
        self.request_update()

    # ----- for subclasses -----
    def build_plots(self) -> QWidget:
        raise NotImplementedError

    def build_controls(self) -> QWidget | None:
        """Extra controls below the parameter form (presets, tables, buttons)."""
        return None

    @staticmethod
    def compute(params: dict[str, Any], job: Job) -> Any:
        """Worker thread: turn parameters into arrays. Must not touch Qt or the tab."""
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        """GUI thread: put the arrays into existing plot items."""
        raise NotImplementedError

    def view_state(self) -> dict[str, Any]:
        """Non-parameter state to save (e.g. selected item, animation frame)."""
        return {}

    def apply_view_state(self, view: dict[str, Any]) -> None:
        """Restore :meth:`view_state`; must accept what it produced and ignore unknown keys."""

    def on_theme(self, theme: Theme) -> None:
        """Restyle anything that is not a themed plot item (e.g. colour maps)."""

    # ----- public -----
    @property
    def theme(self) -> Theme:
        return self._theme

    def params(self) -> dict[str, Any]:
        return dict(self._values)

    def set_params(self, values: dict[str, Any]) -> None:
        """Apply validated values (all at once: one recomputation)."""
        self._values.update(values)
        self.panel.set_values(values)
        self._show_error(self.panel.refusal)
        self.request_update()

    def reset(self) -> None:
        if self.play_bar is not None:
            self.play_bar.pause()
        self.set_params(defaults(self.specs))
        self.apply_view_state({})
        self.panel.set_hidden(())
        for panel in self.plot_panels():
            panel.set_view_ranges([None] * len(panel.plots()))  # undo the user's zoom too

    def request_update(self) -> None:
        self.runner.submit(type(self).compute, dict(self._values))

    def plot_panels(self) -> list[PlotPanel]:
        return self.findChildren(PlotPanel)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        for panel in self.plot_panels():
            panel.apply_theme(theme)
        self.explanation_panel.apply_theme(theme)
        self.error_label.setStyleSheet(f"color: {theme.warning};")
        self.on_theme(theme)
        repolish_style_sheets(self)
        self._fit_sidebar()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        refit = getattr(self, "_refit_sidebar", None)  # None while the tab is being built
        if event.type() == QEvent.Type.FontChange and refit is not None:
            refit.start()  # the controls take their new font first: measure after (a child timer dies with the tab)

    @Slot()
    def _fit_sidebar(self) -> None:
        """At least as wide as its controls need (presentation mode's larger fonts need more: narrower, the slider
        values and combo boxes were cut off at its edge)."""
        scroll = self._sidebar_scroll
        needed = scroll.widget().minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(max(_SIDEBAR_WIDTH, needed))
        scroll.setMaximumWidth(max(int(_SIDEBAR_WIDTH * 1.6), needed))

    def scene(self) -> TabState:
        """Everything a scene keeps of this tab: parameters, view state, hidden controls and zoomed plots."""
        ranges = [view_range for panel in self.plot_panels() for view_range in panel.view_ranges()]
        return TabState(
            tab=self.topic_id,
            params=self.params(),
            view=self.view_state(),
            hidden=self.panel.hidden(),
            ranges=tuple(ranges) if any(r is not None for r in ranges) else (),
        )

    def handed_over(self) -> object:
        """What the tab rebuilt in this one's place (a language switch) is to take over beyond the scene: nothing
        here. See :meth:`take_over`."""
        return None

    def take_over(self, handed: object) -> None:
        """Take over what the tab this one replaces handed over (before its scene is applied)."""

    def apply_scene(self, scene: TabState) -> None:
        """Show a validated scene (see :mod:`explorer.state`); its title and caption are the window's business."""
        self.set_params(scene.params)
        self.apply_view_state(scene.view)
        self.panel.set_hidden(scene.hidden)
        ranges = iter(scene.ranges)
        for panel in self.plot_panels():
            panel.set_view_ranges([next(ranges, None) for _ in panel.plots()])

    def add_runner(self, name: str) -> Runner:
        """Another latest-wins runner, for long jobs (training, big grids) that slider moves must not cancel.

        The tab counts as busy while any of its runners works, reports their progress, and shuts them all down.
        Connect its ``result`` and ``failed`` signals to the tab's own slots.
        """
        runner = Runner(self, name=name)
        runner.busy_changed.connect(self._on_runner_busy)
        runner.progress.connect(self.progress_changed)
        self._runners.append(runner)
        return runner

    def is_idle(self) -> bool:
        """No computation running or waiting and nothing left to draw (headless rendering waits for this)."""
        return (
            not any(runner.busy for runner in self._runners)
            and not self._redraw.isActive()
            and not self._settle.isActive()
            # Its formulas render once it is first painted: one scrolled out of view would be waited for forever.
            and (self.explanation_panel.rendered or self.explanation_panel.visibleRegion().isEmpty())
        )

    def shutdown(self) -> None:
        if self.play_bar is not None:
            self.play_bar.pause()
        self._redraw.stop()
        self._settle.stop()
        for runner in self._runners:
            runner.cancel()  # all first, so the waits below overlap
        for runner in self._runners:
            runner.shutdown()
        self.explanation_panel.shutdown()

    # ----- internals -----
    @Slot(bool)
    def _on_runner_busy(self, _busy: bool) -> None:
        self.busy_changed.emit(any(runner.busy for runner in self._runners))

    @Slot(str, object)
    def _on_param_changed(self, name: str, value: Any) -> None:
        self._values[name] = value
        self.request_update()

    @Slot(int, object)
    def _on_result(self, _generation: int, result: Any) -> None:
        self._latest, self._has_latest = result, True
        self._show_error(self.panel.refusal)  # a result ends a computation's error, not a refused entry's
        wait = _FRAME_S - (time.monotonic() - self._last_draw)
        if not self._redraw.isActive():
            self._redraw.start(max(0, int(wait * 1000)))

    @Slot()
    def _draw_latest(self) -> None:
        if not self._has_latest:
            return
        result, self._latest, self._has_latest = self._latest, None, False
        now = time.monotonic()
        streaming = now - self._last_draw < _STREAMING_S
        self._last_draw = now
        for panel in self.plot_panels():
            panel.set_antialias(not streaming)
        if streaming:
            self._settle.start()
        self.show_result(result)
        self._settle_ranges()

    @Slot()
    def _settle_ranges(self) -> None:
        for panel in self.plot_panels():
            panel.settle_ranges()

    @Slot()
    def _draw_crisp(self) -> None:
        for panel in self.plot_panels():
            panel.set_antialias(True)

    @Slot(int, str)
    def _on_failed(self, _generation: int, message: str) -> None:
        self._show_error(message)

    @Slot(str)
    def _show_error(self, message: str) -> None:
        # Called on every result: touch the label only when the message changes, since a label change
        # relays out the sidebar and repaints the whole tab.
        if message == self.error_label.text():
            return
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if message:
            self.message.emit(message)
