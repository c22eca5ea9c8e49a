"""A legend "below" a plot sits under its x axis, outside the data, and lists the plot's named items."""

import numpy as np

from explorer.theme import DARK, LIGHT
from widgets.plot_panel import PlotPanel, Style


def test_a_legend_below_lists_named_items_outside_the_view(qtbot, app):
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0, "title", "x", "y", legend="below")
    curve = panel.curve(plot, Style("c0"), "a curve")
    panel.curve(plot, Style("c1"))  # unnamed: not listed
    points = panel.scatter(plot, Style("c2"), name="some points")
    curve.setData(np.arange(5.0), np.arange(5.0) ** 2)
    points.setData([1.0], [1.0])
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)
    assert [label.text for _, label in plot.legend.items] == ["a curve", "some points"]
    view = plot.getViewBox().sceneBoundingRect()
    legend = plot.legend.sceneBoundingRect()
    bottom_axis = plot.getAxis("bottom").sceneBoundingRect()
    assert legend.top() >= bottom_axis.bottom() - 1 and legend.top() >= view.bottom(), (legend, view)
    assert not legend.intersects(view)
    assert legend.width() < view.width()  # as wide as its entries, centred
    panel.apply_theme(DARK)  # restyled like the legends inside plots
    assert plot.legend.opts["labelTextColor"] is not None


def test_hidden_or_unlisted_items_leave_the_legend_and_come_back_in_order(qtbot, app):
    """A figure must not name a layer that is switched off (pyqtgraph lists it with a crossed-out eye)."""
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0, legend=True)
    first, second, third = (panel.curve(plot, Style("c0"), name) for name in ("first", "second", "third"))

    def listed():
        return [label.text for _, label in plot.legend.items]

    second.hide()
    assert listed() == ["first", "third"]
    panel.set_listed(third, False)
    assert listed() == ["first"]
    second.show()
    panel.set_listed(third, True)
    assert listed() == ["first", "second", "third"]
    panel.set_listed(first, False)
    first.hide()
    first.show()  # shown again but still unlisted
    assert listed() == ["second", "third"]


def test_legends_below_take_fewer_columns_where_the_panel_is_too_narrow_for_its_plots(qtbot, app):
    """A legend below sets its plot's minimum width: four entries abreast made plots wider than a projector's window
    (presentation mode at 1280×800), and they were cut off at the panel's edge."""
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plots = _plots_with_four_named_curves(panel, 2)
    panel.resize(1400, 400)
    panel.show()
    qtbot.waitExposed(panel)

    def fits() -> bool:
        return panel.ci.geometry().width() <= panel.viewport().width() + 0.5

    assert [plot.legend.columnCount for plot in plots] == [4, 4] and fits()
    panel.resize(560, 400)
    qtbot.waitUntil(fits)
    assert all(plot.legend.columnCount < 4 for plot in plots)
    assert all(len(plot.legend.items) == 4 for plot in plots)
    panel.resize(1400, 400)
    qtbot.waitUntil(lambda: [plot.legend.columnCount for plot in plots] == [4, 4])
    assert fits()


def test_a_panel_at_its_minimum_size_shows_whole_plots_with_room_for_data(qtbot, app):
    """Layouts may squeeze a panel to its minimum size hint: the plots must then fit it whole (pyqtgraph cuts off
    what does not fit), each with a data area of at least 90 × 60 pixels (the sampling scatter was 60 px wide)."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    panel = PlotPanel(LIGHT)
    QHBoxLayout(holder).addWidget(panel)
    plots = _plots_with_four_named_curves(panel, 3)
    holder.resize(1400, 500)
    holder.show()
    qtbot.waitExposed(holder)
    wide = panel.minimumSizeHint()
    assert wide.width() < 3 * plots[0].legend.width()  # measured with one-column legends, not these wide ones
    holder.resize(10, 10)  # the layout gives the panel no less than its minimum
    qtbot.waitUntil(lambda: panel.width() <= wide.width() + 1)
    qtbot.waitUntil(lambda: panel.ci.geometry().width() <= panel.viewport().width() + 0.5)
    for plot in plots:
        box = plot.getViewBox()
        assert box.width() >= 90 - 0.5 and box.height() >= 60 - 0.5


def _plots_with_four_named_curves(panel, count):
    """``count`` plots side by side, each with a legend below listing four curves."""
    plots = [panel.add_plot(0, column, f"plot {column}", "x", "y", legend="below") for column in range(count)]
    for plot in plots:
        for index, name in enumerate(("first curve", "second curve", "third curve", "fourth curve")):
            panel.curve(plot, Style(f"c{index}"), name=name).setData([0, 1], [index, index + 1])
    return plots
