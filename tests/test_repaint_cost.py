"""What keeps an update cheap: one paint per change, opaque grid lines, and no collector walks over the window."""

import gc
import weakref

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.theme import DARK, LIGHT
from widgets.plot_panel import PlotPanel


class _PaintCount(QObject):
    def __init__(self, widgets):
        super().__init__()
        self.counts = {id(widget): 0 for widget in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and id(watched) in self.counts:
            self.counts[id(watched)] += 1
        return False


def test_a_change_paints_each_plot_panel_once(qtbot, app):
    """pyqtgraph applies auto ranges while painting, which dirtied the plots again: every update was painted twice."""
    from explorer.registry import topic

    tab = topic("topk").tab_class()(LIGHT)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(tab.is_idle, timeout=20000)
    qtbot.wait(300)  # past the streaming window: the change below is drawn at once, crisp
    viewports = [panel.viewport() for panel in tab.plot_panels()]
    counter = _PaintCount(viewports)
    tab.set_params({"k": 3})
    qtbot.waitUntil(tab.is_idle, timeout=20000)
    qtbot.wait(200)
    assert sorted(counter.counts.values()) == [1] * len(viewports)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_grid_lines_are_drawn_opaque_in_the_colour_they_blended_to(qtbot, app, theme):
    panel = PlotPanel(theme)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0)
    plot.setRange(xRange=(0, 7), yRange=(-1, 1))
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)
    background = QColor(theme.background)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        image = QImage(10, 10, QImage.Format.Format_ARGB32)  # kept alive while painted on
        painter = QPainter(image)
        try:
            _, translucent, _ = pg.AxisItem.generateDrawSpecs(axis, painter)  # what pyqtgraph itself would draw
            _, drawn, _ = axis.generateDrawSpecs(painter)
        finally:
            painter.end()
        assert len(drawn) == len(translucent) > 3
        assert any(pen.color().alpha() < 255 for pen, _, _ in translucent)
        for (pen, start, end), (wanted, wanted_start, wanted_end) in zip(drawn, translucent):
            assert (start, end) == (wanted_start, wanted_end)
            color, alpha = pen.color(), wanted.color().alphaF()
            assert color.alpha() == 255
            for channel in ("red", "green", "blue"):
                over = alpha * getattr(wanted.color(), channel)() + (1 - alpha) * getattr(background, channel)()
                assert abs(getattr(color, channel)() - over) <= 1


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_faint_line_over_the_background_is_drawn_opaque_with_the_same_pixels(qtbot, app, theme):
    """Qt blends a translucent line pixel by pixel, which cost spacetime's drag 3 ms a frame for its faint grids.
    Drawn opaque in the colour it blends to, a line over the bare background gives the same image."""
    import numpy as np

    from widgets.plot_panel import Style

    def drawn(style, with_line=True):
        panel = PlotPanel(theme)
        qtbot.addWidget(panel)
        plot = panel.add_plot(0, 0)
        plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        line = panel.curve(plot, style)
        if with_line:
            line.setData([0.1, 0.9], [0.2, 0.7])
        panel.resize(300, 240)
        panel.show()
        qtbot.waitExposed(panel)
        image = panel.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        stored = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
        pixels = stored[..., 2::-1]  # B, G, R, A in memory
        return line.opts["pen"], pixels.astype(int)

    translucent_pen, translucent = drawn(Style("c0", 0.8, alpha=70))
    opaque_pen, opaque = drawn(Style("c0", 0.8, alpha=70, over_background=True))
    _, blank = drawn(Style("c0", 0.8, alpha=70), with_line=False)
    assert translucent_pen.color().alpha() == 70 and opaque_pen.color().alpha() == 255
    bare = (blank == np.array(QColor(theme.background).getRgb()[:3])).all(axis=-1)  # not the grid, axes or text
    on_line = bare & (np.abs(translucent - blank).max(axis=-1) > 20)
    assert on_line.sum() > 100  # the line is there, and faint
    assert np.abs(translucent - opaque)[bare].max() <= 2


def test_a_settled_window_is_set_aside_from_garbage_collection(window, qtbot):
    """A full collection walked every module, widget and plot item: a 30–40 ms stall in the GUI thread."""
    tab = window.current_tab()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0 and tab.is_idle(), timeout=30000)
    assert len(gc.get_objects()) < gc.get_freeze_count() / 4


def test_tabs_dropped_by_a_language_switch_are_collected(window, qtbot):
    tab = window.current_tab()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0 and window.current_tab().is_idle(), timeout=30000)
    dropped = weakref.ref(tab)
    del tab
    window.set_language("zh")
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        assert dropped() is None
    finally:
        window.set_language("en")


def test_items_without_points_are_skipped_and_drawn_again_once_they_have_some(qtbot, app):
    from PySide6.QtWidgets import QGraphicsItem

    from widgets.plot_panel import Style, set_data

    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0)
    plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    dots = panel.scatter(plot, Style("c1"), size=30)
    line = panel.curve(plot, Style("c2", 4.0))
    panel.resize(400, 300)
    panel.show()
    qtbot.waitExposed(panel)
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents

    set_data(dots, x=[], y=[])
    set_data(line, [], [])
    assert dots.flags() & no_contents and line.curve.flags() & no_contents

    set_data(dots, x=[0.5], y=[0.5])
    set_data(line, [0.1, 0.1], [0.1, 0.9])
    assert not dots.flags() & no_contents and not line.curve.flags() & no_contents
    image = panel.grab().toImage()
    centre = panel.mapFromScene(plot.getViewBox().mapViewToScene(pg.Point(0.5, 0.5)))
    stroke = panel.mapFromScene(plot.getViewBox().mapViewToScene(pg.Point(0.1, 0.5)))
    ratio = image.devicePixelRatio()
    assert image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio)) == QColor(LIGHT.color("c1"))
    assert image.pixelColor(int(stroke.x() * ratio), int(stroke.y() * ratio)) == QColor(LIGHT.color("c2"))


def test_a_figure_taken_mid_drag_is_antialiased_like_any_other(qtbot, app):
    """During a drag the plots are drawn without antialiasing (half the cost); an exported figure must not be."""
    import numpy as np
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from explorer.export import render_image
    from widgets.plot_panel import Style, set_data

    figure = QWidget()  # what is exported is a tab: a widget holding plot panels
    qtbot.addWidget(figure)
    panel = PlotPanel(LIGHT)
    QVBoxLayout(figure).addWidget(panel)
    plot = panel.add_plot(0, 0)
    set_data(panel.curve(plot, Style("c0", 2.0)), np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2)
    figure.resize(300, 200)
    figure.show()
    qtbot.waitExposed(figure)
    crisp = render_image(figure)
    panel.set_antialias(False)
    assert render_image(figure) == crisp
    assert not panel.antialias  # the drag goes on drawing fast


def test_an_export_at_2x_draws_lines_as_heavy_as_at_1x(qtbot, app):
    """Qt draws a cosmetic pen's width in device pixels: at --scale 2 every curve came out half as heavy."""
    import numpy as np
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from explorer.export import render_image
    from widgets.plot_panel import Style

    figure = QWidget()  # what is exported: a widget holding plot panels, as a tab does
    qtbot.addWidget(figure)
    panel = PlotPanel(LIGHT)
    QVBoxLayout(figure).addWidget(panel)
    plot = panel.add_plot(0, 0)
    plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    line = panel.curve(plot, Style("foreground", 2.0))
    line.setData([0.0, 1.0], [0.5, 0.5])
    figure.resize(300, 200)
    figure.show()
    qtbot.waitExposed(figure)

    def thickness(scale):
        image = render_image(figure, scale).convertToFormat(QImage.Format.Format_RGB32)
        pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
        ink = 1 - pixels[:, image.width() // 3, :3].min(axis=-1) / 255  # away from the grid's vertical lines
        middle = int(ink.argmax())
        return ink[middle - 4 * round(scale): middle + 4 * round(scale) + 1].sum()  # antialiased: coverage adds up

    assert thickness(1.0) == pytest.approx(2.0, abs=0.3)
    assert thickness(2.0) == pytest.approx(4.0, abs=0.5)
    assert line.opts["pen"].widthF() == 2.0  # the screen's pens are back
    # Symbols are not widened: pyqtgraph renders them at the device's resolution itself (a widened outline came out
    # twice as heavy at 2x, three times at 3x).
    marked = panel.curve(plot, Style("c1", 1.0), symbol="o")
    panel.set_pen_ratio(2.0)
    assert marked.opts["pen"].widthF() == 2.0 and marked.opts["symbolPen"].widthF() == pytest.approx(0.8)


def test_an_export_at_2x_draws_pixmap_cached_items_at_its_own_resolution(qtbot, app):
    """Axes (and Top-k's τ sweeps) are painted from pixmaps made at the screen's resolution: a 2x figure scaled them
    up, and its axis labels came out blurred. Exported, every item is drawn afresh: the figure is the one drawn with
    no pixmaps at all, and the screen goes on using them."""
    import numpy as np
    from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

    from explorer.export import render_image
    from widgets.plot_panel import Style, set_data

    figure = QWidget()
    qtbot.addWidget(figure)
    panel = PlotPanel(LIGHT)
    QVBoxLayout(figure).addWidget(panel)
    plot = panel.add_plot(0, 0, "title", "x label", "y label")
    curve = panel.curve(plot, Style("c0", 1.5))
    set_data(curve, np.linspace(0, 1, 40), np.sin(np.linspace(0, 6, 40)))
    panel.draw_from_pixmap(curve)
    figure.resize(320, 240)
    figure.show()
    qtbot.waitExposed(figure)
    panel.viewport().repaint()  # the pixmaps are made

    exported = render_image(figure, 2.0)
    cached = [item for item in panel.scene().items() if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    assert curve.curve in cached and plot.getAxis("bottom") in cached  # used again once the figure is taken
    for item in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    assert exported == render_image(figure, 2.0)


def test_pixmap_cached_items_are_drawn_crisp_again_when_a_drag_ends(qtbot, app):
    """A drag draws without antialiasing, and an item painted from a pixmap kept the pixmap it got then: Top-k's τ
    sweeps stayed jagged after the drag ended."""
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from widgets.plot_panel import Style, set_data

    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0)
    plot.setRange(xRange=(0, 1), yRange=(-1, 1), padding=0)
    curve = panel.curve(plot, Style("c0", 1.5))
    panel.draw_from_pixmap(curve)
    x = np.linspace(0, 1, 40)
    set_data(curve, x, np.sin(6 * x))
    panel.resize(320, 240)
    panel.show()
    qtbot.waitExposed(panel)

    def on_screen():
        panel.viewport().repaint()
        QCoreApplication.processEvents()
        return QApplication.primaryScreen().grabWindow(panel.winId()).toImage()

    crisp = on_screen()
    panel.set_antialias(False)  # a drag: the sweep changes, drawn fast, and changes back
    set_data(curve, x, np.cos(6 * x))
    on_screen()
    set_data(curve, x, np.sin(6 * x))
    assert on_screen() != crisp
    panel.set_antialias(True)  # the drag ends
    assert on_screen() == crisp


def test_setting_the_ticks_an_axis_has_does_not_redraw_it(qtbot, app):
    """pyqtgraph redraws an axis on every setTicks / setTickSpacing, even to the same ticks: abc did that to four
    axes on every frame of a drag (~1 ms each)."""
    from widgets.plot_panel import set_ticks

    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    axis = panel.add_plot(0, 0).getAxis("bottom")
    panel.resize(300, 200)
    panel.show()
    qtbot.waitExposed(panel)

    def drawn():
        panel.grab()
        return axis.picture is not None  # pyqtgraph's cached drawing of the axis

    assert set_ticks(axis, [[(0.0, "0"), (1.0, "one")]]) and drawn()
    assert not set_ticks(axis, [[(0.0, "0"), (1.0, "one")]])
    assert axis.picture is not None  # kept: nothing to redraw
    assert set_ticks(axis, spacing=(1, 1)) and axis.picture is None and drawn()
    assert not set_ticks(axis, spacing=(1, 1)) and axis.picture is not None
    assert set_ticks(axis) and axis._tickLevels is None and axis._tickSpacing is None  # automatic again


@pytest.mark.parametrize("tab_id", ["topk", "abc", "sampling", "spacetime", "healing"])
def test_drawing_the_same_result_again_redraws_no_axis(qtbot, app, tab_id):
    """An axis is redrawn (~1 ms) whenever its ticks or range are set, even to the same: healing's token rows and
    abc's cost axes were set again on every frame of a drag."""
    from helpers import open_tab

    from explorer.registry import topic
    from explorer.runner import Job

    tab = open_tab(qtbot, topic(tab_id).tab_class())
    result = type(tab).compute(tab.params(), Job(0, lambda *report: None))
    tab.show_result(result)
    tab.grab()  # every axis drawn for this result
    axes = [plot.getAxis(side) for panel in tab.plot_panels() if panel.isVisible() for plot in panel.plots()
            for side in ("left", "bottom", "top", "right") if plot.getAxis(side).isVisible()]
    assert axes and all(axis.picture is not None for axis in axes)
    tab.show_result(result)
    redrawn = [axis.parentItem().titleLabel.text or axis.orientation for axis in axes if axis.picture is None]
    assert not redrawn
    tab.shutdown()
