"""Scenes keep zoomed plots: PlotPanel reports only user-zoomed ranges and applies them back exactly."""

import pytest

from explorer.theme import LIGHT
from widgets.plot_panel import PlotPanel


@pytest.fixture
def panel(qtbot, app):
    widget = PlotPanel(LIGHT)
    qtbot.addWidget(widget)
    widget.add_plot(0, 0)
    fixed = widget.add_plot(0, 1)
    fixed.setRange(xRange=(-3, 3), yRange=(0, 1), padding=0)  # a tab that ranges its plot itself
    widget.resize(600, 300)
    widget.show()
    return widget


def test_only_user_zoom_is_reported_and_restored(panel):
    free, fixed = (plot.getViewBox() for plot in panel.plots())
    assert panel.view_ranges() == [None, None]
    free.setRange(xRange=(1, 2), yRange=(3, 4), padding=0)
    free.sigRangeChangedManually.emit(free.state["mouseEnabled"])  # what a mouse drag or wheel emits
    (x, y), none = panel.view_ranges()
    assert x == pytest.approx((1, 2)) and y == pytest.approx((3, 4)) and none is None

    panel.set_view_ranges([None, None])  # drop the zoom; the fixed plot keeps the tab's range
    assert any(free.state["autoRange"]) and panel.view_ranges() == [None, None]
    assert fixed.viewRange()[0] == pytest.approx([-3, 3])

    panel.set_view_ranges([((5, 6), (7, 8)), None])
    assert free.viewRange()[0] == pytest.approx([5, 6]) and free.viewRange()[1] == pytest.approx([7, 8])
    x, y = panel.view_ranges()[0]
    assert x == pytest.approx((5, 6)) and y == pytest.approx((7, 8))
