"""A small window either fits a tab's plots whole or is refused: a tab is shown at its minimum size at least, and
there nothing of its plots is cut off at a panel's edge (QA at 900x600: healing's Compression plot ran past the
window, sampling's x axes fell below it, Top-k's "τ (dashed: asymptote)" lost its end)."""

import pytest
from helpers import open_tab
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt

from explorer.registry import TOPICS, topic
from explorer.theme import LIGHT
from widgets.plot_panel import PlotPanel

SMALL = (900, 600)
SLACK = 1.5  # pixels: rounding of the layout


def laid_out(qtbot):
    """As the headless render waits: labels that wrap late relayout their parents over several rounds."""
    qtbot.wait(50)
    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QCoreApplication.processEvents()


def on_view(panel, item) -> QRectF:
    """``item``'s drawn box in its panel's viewport pixels; a text's without the blank margin around it."""
    rect = item.mapRectToScene(item.boundingRect())
    if hasattr(item, "document"):
        margin = item.document().documentMargin() - 0.5
        rect = rect.adjusted(margin, margin, -margin, -margin)
    return QRectF(panel.mapFromScene(rect).boundingRect())


def cut_off(panel) -> list[str]:
    """What of the panel's plots lies outside its viewport, and which title, x label or legend outside its plot."""
    view = QRectF(panel.viewport().rect()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
    found = []
    for plot in panel.plots():
        if not plot.isVisible():
            continue
        name = plot._explorer_labels[0] or plot._explorer_labels[1]
        area = on_view(panel, plot).adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not view.contains(area):
            found.append(f"{name}: plot {area.getRect()} outside the view {view.getRect()}")
        parts = {"title": plot.titleLabel.item if plot._explorer_labels[0] else None,
                 "x label": plot.getAxis("bottom").label if plot._explorer_labels[1] else None,
                 "legend": plot.legend if plot.legend is not None and plot.legend.items else None}
        for part, item in parts.items():
            if item is not None and item.isVisible() and not area.contains(on_view(panel, item)):
                found.append(f"{name}: {part} {on_view(panel, item).getRect()} outside the plot {area.getRect()}")
    return found


@pytest.mark.parametrize("topic_id", [t.id for t in TOPICS])
def test_a_small_window_shows_every_plot_whole_or_grows_to_the_tabs_minimum(qtbot, app, topic_id):
    tab = open_tab(qtbot, topic(topic_id).tab_class(), size=SMALL)
    laid_out(qtbot)
    tab.resize(*SMALL)  # asked again once drawn (as the headless render does): the first draw's minimum can be larger
    laid_out(qtbot)
    needed = tab.minimumSizeHint()
    assert tab.size() == needed.expandedTo(QSize(*SMALL))  # the size asked for, or the tab's minimum
    panels = [panel for panel in tab.plot_panels() if panel.isVisible()]
    assert panels
    for panel in panels:
        assert cut_off(panel) == []
        assert panel.width() >= panel.minimumSizeHint().width()  # the panel's minimum is the one the tab keeps
    tab.shutdown()


def test_the_sampling_flow_keeps_a_usable_square_and_its_quality_notes_apart_in_a_small_window(qtbot, app):
    """At 900x600 the flow plot was squeezed to 114 px wide, and "floor" lay over "↑ Heun: 48.6 at NFE 3"."""
    tab = open_tab(qtbot, topic("sampling").tab_class(), size=SMALL)
    laid_out(qtbot)
    area = tab.flow_plot.getViewBox().sceneBoundingRect()
    assert min(area.width(), area.height()) >= 260
    floor, note = tab.floor_label, tab.off_scale_note
    assert floor.isVisible() and note.isVisible()  # the default run has both: the test is about something
    panel = tab.plot_panel
    assert not on_view(panel, floor.textItem).intersects(on_view(panel, note.textItem))
    tab.shutdown()


def two_plots(qtbot, legend_entries=6):
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plots = [panel.add_plot(0, column, f"Plot {column}", "x", "y", legend="below") for column in range(2)]
    for plot in plots:
        for entry in range(legend_entries):
            panel.curve(plot, name=f"series {entry}")
    return panel, plots


def test_a_minimum_set_on_a_panel_adds_to_its_plots_minimum_instead_of_replacing_it(qtbot, app):
    """Healing set 520 px on its panel (Qt's setMinimumSize), hiding that its plots needed 569: cut off."""
    panel, _ = two_plots(qtbot)
    needed = panel.minimumSizeHint()
    panel.set_smallest_size(needed.width() - 100, needed.height() + 40)
    assert panel.minimumSizeHint() == QSize(needed.width(), needed.height() + 40)


def test_the_grid_fits_the_view_with_its_legends_at_several_columns(qtbot, app):
    """Measuring the one-column minimum left it in the grid's cache, and the resize laid the plots out that tall,
    below the view's edge (sampling's x axes at 900x600)."""
    panel, plots = two_plots(qtbot, legend_entries=8)
    panel.resize(900, 250)  # room for the legends at four columns, not at one
    panel.show()
    qtbot.waitExposed(panel)
    laid_out(qtbot)
    assert plots[0].legend.columnCount > 1  # the test is about something
    assert panel.ci.geometry().height() <= panel.viewport().height() + SLACK
    assert cut_off(panel) == []


def test_a_plot_is_never_narrower_than_its_x_label_at_its_smallest(qtbot, app):
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    short = panel.add_plot(0, 0, "", "x", "y")
    before = short.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
    long = panel.add_plot(0, 1, "", "τ   (dashed: asymptote), a label wider than any data area", "y")
    panel.resize(panel.minimumSizeHint().width(), 300)
    panel.show()
    qtbot.waitExposed(panel)
    laid_out(qtbot)
    assert long.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() > before + 100
    assert cut_off(panel) == []


def test_plots_are_fitted_again_when_an_axis_widens_to_its_labels(qtbot, app):
    """pyqtgraph widens an axis to its tick labels while painting it, after the layout. Healing's long BPE token
    names on its bar charts' axes, then soft mode's third legend entry, pushed the Compression chart out of the
    window until it was resized."""
    from explorer.healing.view import HealingTab

    tab = open_tab(qtbot, HealingTab, size=(1360, 860))
    for change in ({"tokenizer": "bpe"}, {"prompt": "我们明天去"}, {"back_off": 4}, {"mode": "soft"}):
        tab.set_params(change)
        qtbot.waitUntil(tab.is_idle, timeout=20000)
        laid_out(qtbot)
    assert cut_off(tab.plot_panel) == []
    tab.shutdown()


def test_a_plot_panel_fits_its_legends_again_when_an_axis_widens_to_its_labels(qtbot, app):
    """pyqtgraph widens an axis to its tick labels only while painting it, after the layout: healing's BPE token
    names ran its Compression chart a few pixels past the window's edge (the lesson's "import numpy" scene)."""
    from widgets.plot_panel import set_ticks

    panel, plots = two_plots(qtbot, legend_entries=4)
    panel.resize(760, 300)  # the legends fit side by side, until the axis grows
    panel.show()
    qtbot.waitExposed(panel)
    laid_out(qtbot)
    assert plots[0].legend.columnCount > 1 and cut_off(panel) == []
    set_ticks(plots[0].getAxis("left"), [[(0.0, "a long token name " * 3), (1.0, "short")], []])
    panel.viewport().repaint()
    laid_out(qtbot)
    assert plots[0].getAxis("left").width() > 300  # the test is about something
    assert cut_off(panel) == []
