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


def assert_shows(view_range, asked, shown):
    """The zoom asked for, give or take what an aspect-locked plot adds to one side for its size at the time."""
    for (low, high), (asked_low, asked_high), (shown_low, shown_high) in zip(view_range, asked, shown):
        assert low <= asked_low + 1e-9 and high >= asked_high - 1e-9
        assert high - low <= 1.1 * (shown_high - shown_low)


@pytest.mark.parametrize("topic_id", ["topk", "abc", "sampling", "spacetime", "healing"])
def test_a_zoom_survives_new_results_and_a_scene_restores_it(qtbot, app, topic_id):
    """Top-k, healing and sampling set their plots' ranges on every result: a zoom restored from a saved scene was
    overwritten by the first result, and a user's zoom by the next parameter change."""
    from helpers import open_tab, settle

    from explorer.registry import topic

    tab_class = topic(topic_id).tab_class()
    tab = open_tab(qtbot, tab_class)
    number = next(i for i, panel in enumerate(tab.plot_panels()) if panel.isVisible())  # abc: one panel a page
    panel = tab.plot_panels()[number]
    box = panel.plots()[0].getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    zoom = ((x0 + 0.25 * (x1 - x0), x0 + 0.6 * (x1 - x0)), (y0 + 0.3 * (y1 - y0), y0 + 0.7 * (y1 - y0)))
    panel.set_view_ranges([zoom] + [None] * (len(panel.plots()) - 1))
    zoomed = box.viewRange()  # as shown: an aspect-locked plot widens one side

    spec = next(s for s in tab.specs if s.kind in ("float", "int") and s.maximum > s.minimum)
    value = tab.params()[spec.name]
    tab.set_params({spec.name: spec.validate(spec.maximum if value != spec.maximum else spec.minimum)})
    settle(qtbot, tab)
    assert_shows(box.viewRange(), zoom, zoomed)

    fresh = tab_class(LIGHT)
    qtbot.addWidget(fresh)
    fresh.apply_scene(tab.scene())
    fresh.resize(tab.size())
    fresh.show()
    settle(qtbot, fresh)
    assert_shows(fresh.plot_panels()[number].plots()[0].getViewBox().viewRange(), zoom, zoomed)
    tab.reset()  # Ctrl+R: the tab's own range again, on both axes (Top-k's τ axes stayed zoomed, then automatic)
    settle(qtbot, tab)
    # (an aspect-locked plot's other side follows its size, which the readouts' lines change a little)
    assert box.viewRange() == [pytest.approx((x0, x1), rel=0.05, abs=1e-9), pytest.approx((y0, y1), rel=0.05, abs=1e-9)]
    for widget in (tab, fresh):
        widget.shutdown()


def test_reset_gives_back_an_axis_the_tab_ranged_once_and_the_scene_left_alone(qtbot, app):
    """Top-k's τ sweeps had their τ axis set once, when built: after a zoom, Reset (or a scene without zoom) left
    that axis zoomed, since the tab's later ranges named only y."""
    import math

    from helpers import open_tab, settle

    from explorer.topk.view import TAU_MAX, TAU_MIN, TopkTab

    tab = open_tab(qtbot, TopkTab)
    panel, plot = tab.plot_panel, tab.components_plot
    index = panel.plots().index(plot)
    shown = plot.getViewBox().viewRange()
    zoom = ((-1.5, 1.5), tuple(shown[1]))
    panel.set_view_ranges([zoom if i == index else None for i in range(len(panel.plots()))])
    assert plot.getViewBox().viewRange()[0] == pytest.approx([-1.5, 1.5])
    tab.reset()
    settle(qtbot, tab)
    span = math.log10(TAU_MAX) - math.log10(TAU_MIN)
    assert plot.getViewBox().viewRange()[0] == pytest.approx(
        [math.log10(TAU_MIN) - 0.02 * span, math.log10(TAU_MAX) + 0.02 * span])
    tab.shutdown()
