"""The Spacetime tab driven as a user would: controls, dragging, animation, rest frame, bad input."""

from pathlib import Path

import numpy as np
import pytest
from helpers import built_in_chinese, open_tab, presenting, settle
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from explorer import lesson
from explorer.spacetime.view import SpacetimeTab, parse_events
from explorer.state import TabState

LESSON = Path(__file__).resolve().parents[1] / "assets" / "lessons" / "spacetime.json"


@pytest.fixture
def tab(qtbot, app):
    widget = open_tab(qtbot, SpacetimeTab)
    yield widget
    widget.shutdown()


def moving_axes_slope(tab):
    x, t = tab.moving_axes.getData()
    finite = np.isfinite(x) & np.isfinite(t)
    x, t = x[finite][:2], t[finite][:2]
    return (x[1] - x[0]) / (t[1] - t[0])  # the t' axis is x = beta t


def test_beta_slider_moves_the_axes_and_the_table(qtbot, tab):
    assert moving_axes_slope(tab) == pytest.approx(0.6)
    slider = tab.panel.control("beta")
    slider.setValue(-0.3)
    settle(qtbot, tab)
    assert moving_axes_slope(tab) == pytest.approx(-0.3)
    # Event A = (2, 1): t' = gamma (t - beta x), with beta = -0.3.
    gamma = 1 / np.sqrt(1 - 0.09)
    assert float(tab.table.item(0, 3).text()) == pytest.approx(gamma * (2 + 0.3), abs=1e-3)
    assert tab.table.item(0, 6).text() == "timelike"


def test_keyboard_moves_a_slider(qtbot, tab):
    slider = tab.panel.control("beta")
    slider.setFocus()
    before = tab.params()["beta"]
    qtbot.keyClick(slider.focusProxy(), Qt.Key.Key_Right)
    assert tab.params()["beta"] == pytest.approx(before + 0.01)
    qtbot.keyClick(slider.focusProxy(), Qt.Key.Key_End)
    assert tab.params()["beta"] == pytest.approx(0.99)


def test_slider_values_are_rounded_to_the_digits_shown(qtbot, tab):
    tab.panel.control("beta").setValue(0.3766071428571429)
    assert tab.params()["beta"] == 0.377
    settle(qtbot, tab)
    assert "γ = 1.0797" in tab.readout.text()  # gamma(0.377), the beta the label shows


def test_every_control_changes_what_is_drawn(qtbot, tab):
    def snapshot():
        items = [tab.moving_axes, tab.grid_lines, tab.hyperbolae, tab.euclid_axes, tab.hyper_axes2,
                 tab.relativistic, tab.traveller_line, tab.euclid_axes2]
        data = [[np.zeros(0) if d is None else d for d in item.getData()] for item in items]
        return [np.nan_to_num(np.concatenate(d)).round(6).tobytes() for d in data] + [
            tab.twin_text.textItem.toPlainText(), tab.velocity_text.textItem.toPlainText()]

    changes = {"beta": 0.2, "extent": 6.0, "events": "1,0.5; 1,2; 2,2", "grid": False, "hyperbolae": False,
               "angle": -0.5, "angle2": 0.9, "v": -0.4, "twin_beta": 0.5, "twin_distance": 2.0}
    assert set(changes) == {s.name for s in tab.specs}
    for name, value in changes.items():
        before = snapshot()
        tab.set_params({name: value})
        settle(qtbot, tab)
        assert snapshot() != before, f"changing {name} changed nothing on screen"


def test_velocity_addition_readout(qtbot, tab):
    assert "0.8824" in tab.velocity_text.textItem.toPlainText()  # 0.6 ⊕ 0.6 = 15/17


def test_twin_readout(qtbot, tab):
    text = tab.twin_text.textItem.toPlainText()
    assert "home 10 y" in text and "traveller 6 y" in text and "jump 6.4 y" in text


def test_drag_an_event_snaps_and_updates(qtbot, tab):
    target = tab.event_items[1]
    target.setPos(QPointF(0.61, 2.37))  # what a drag does: x across, t up
    target.sigPositionChangeFinished.emit(target)
    settle(qtbot, tab)
    events = parse_events(tab.params()["events"])
    np.testing.assert_allclose(events[1], [2.25, 0.5])
    assert float(tab.table.item(1, 5).text()) == pytest.approx(2.25**2 - 0.25, abs=1e-3)
    assert tab.table.item(1, 6).text() == "timelike"


def test_boost_to_rest_frame_of_selected(qtbot, tab):
    tab.table.selectRow(0)
    tab.rest_button.click()
    settle(qtbot, tab)
    assert tab.params()["beta"] == pytest.approx(0.5)  # A = (2, 1)
    assert float(tab.table.item(0, 4).text()) == pytest.approx(0.0, abs=1e-3)  # at rest: x' = 0
    tab.table.selectRow(1)  # B is spacelike: no rest frame
    tab.rest_button.click()
    assert tab.error_label.isVisible() and "not timelike" in tab.error_label.text()
    assert tab.params()["beta"] == pytest.approx(0.5)


def test_bad_events_text_shows_a_message_and_keeps_the_plot(qtbot, tab):
    field = tab.panel.control("events")
    before = tab.params()["events"]
    field.setText("1,2; oops")
    field.editingFinished.emit()
    assert tab.error_label.isVisible() and "expected 3 events" in tab.error_label.text()
    assert tab.params()["events"] == before


def test_sweep_animation_plays_and_steps(qtbot, tab):
    bar = tab.play_bar
    bar.play()
    qtbot.waitUntil(lambda: bar.frame > 5, timeout=5000)
    bar.pause()
    settle(qtbot, tab)
    frame = bar.frame
    assert tab.params()["beta"] == pytest.approx(round(0.9 * np.sin(2 * np.pi * frame / 120), 3))
    bar.step()
    assert bar.frame == frame + 1


def test_view_state_round_trip(qtbot, tab):
    tab.table.selectRow(2)
    view = tab.view_state()
    assert view["selected"] == 2
    tab.apply_view_state({"selected": 99, "frame": "x"})  # hostile values are ignored
    assert tab.view_state()["selected"] == 0
    tab.apply_view_state(view)
    assert tab.view_state()["selected"] == 2


def test_exported_data_names_every_curve(qtbot, tab):
    from explorer.export import plotted_series

    labels = [label for label, _, _ in plotted_series(tab.plot_panels())]
    assert len(labels) > 20
    assert not [label for label in labels if "/ series " in label]
    assert "Twin paradox / simultaneity jump" in labels


def test_view_state_hostile_values_fall_back_to_defaults(qtbot, tab):
    tab.apply_view_state({"selected": True, "frame": 2.5, "focus": ["twins"]})
    assert tab.view_state() == {"selected": 0, "frame": 0, "focus": ""}
    tab.apply_view_state({"focus": "nonsense"})
    assert tab.view_state()["focus"] == ""


def shown_plots(tab):
    return {name for name, plot in tab._small_plots.items() if plot.scene() is not None}


def double_click(panel, plot):
    """The events a real double-click delivers (QTest.mouseDClick's sequence never reaches pyqtgraph's handler)."""
    viewport = panel.viewport()
    local = QPointF(panel.mapFromScene(plot.sceneBoundingRect().center()))
    where = QPointF(viewport.mapToGlobal(local))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none),
                          (QEvent.Type.MouseButtonDblClick, left), (QEvent.Type.MouseButtonRelease, none)):
        event = QMouseEvent(kind, local, where, left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def test_double_click_enlarges_a_plot_and_restores_all_four(qtbot, tab):
    panel = tab.symmetry_panel

    small = tab.twins.sceneBoundingRect().width()
    double_click(panel, tab.twins)
    assert shown_plots(tab) == {"twins"} and tab.view_state()["focus"] == "twins"
    qtbot.waitUntil(lambda: tab.twins.sceneBoundingRect().width() > 1.5 * small, timeout=5000)
    double_click(panel, tab.twins)
    assert shown_plots(tab) == {"rotation", "boost", "velocity", "twins"}
    double_click(panel, tab.hyper)  # the rotation and the boost come as a pair
    assert shown_plots(tab) == {"rotation", "boost"} and tab.view_state()["focus"] == "symmetry"
    view = tab.view_state()
    tab.apply_view_state({})
    assert tab.view_state()["focus"] == ""
    tab.apply_view_state(view)
    assert shown_plots(tab) == {"rotation", "boost"}


def test_a_scene_without_zoom_keeps_the_tabs_own_ranges(qtbot, tab):
    # A scene without ranges turns every plot to automatic range, which would fit the slope curve (up to ±50).
    tab.apply_scene(TabState("spacetime", {**tab.params(), "v": 0.9}, tab.view_state()))
    settle(qtbot, tab)
    (_, _), (y0, y1) = tab.velocity.getViewBox().viewRange()
    assert -2.2 < y0 < -1.9 and 1.9 < y1 < 2.2
    (x0, x1), _ = tab.minkowski.getViewBox().viewRange()
    assert x0 == pytest.approx(-4.16, abs=0.1) and x1 == pytest.approx(4.16, abs=0.1)


def test_chinese_ui_shows_the_same_values(qtbot, app, tab):
    english_axes = [np.nan_to_num(d) for d in tab.moving_axes.getData()]
    english_table = [tab.table.item(row, column).text() for row in range(3) for column in range(1, 6)]
    with built_in_chinese(app, lambda: open_tab(qtbot, SpacetimeTab)) as chinese:
        label = chinese.panel.layout().labelForField(chinese.panel.control("beta"))
        assert label.text() == "参考系速度 β"
        assert chinese.minkowski.titleLabel.text == "闵可夫斯基图"
        assert chinese.explanation_panel.toPlainText().startswith("时空的对称性")
        assert chinese.rest_button.text() == "变换到所选事件的静止系"
        assert [chinese.table.item(row, 6).text() for row in range(3)] == ["类时", "类空", "类光"]
        assert "留守者 10 年" in chinese.twin_text.textItem.toPlainText()
        assert "快度 φ = 0.6931" in chinese.readout.text()
        field = chinese.panel.control("beta")._label  # a refused entry names its row in Chinese too
        field.setText("abc")
        field.editingFinished.emit()
        assert chinese.error_label.text() == "参考系速度 β：“abc”不是 -0.99 到 0.99 之间的数"
        with pytest.raises(ValueError, match="需要 3 个事件"):
            parse_events("1,2")
        for ours, theirs in zip(chinese.moving_axes.getData(), english_axes):
            np.testing.assert_array_equal(np.nan_to_num(ours), theirs)
        assert [chinese.table.item(row, column).text() for row in range(3) for column in range(1, 6)] \
            == english_table
    assert tab.rest_button.text() == "Boost to rest frame of selected"  # built before the switch


def test_shipped_lesson_shows_what_its_captions_say(qtbot, tab):
    scenes = lesson.validate_lesson(lesson.read_lesson(LESSON), lambda _tab: SpacetimeTab.specs).scenes
    assert 5 <= len(scenes) <= 7
    shown = []
    for scene in scenes:
        assert len(scene.title) <= 40 and len(scene.caption) <= 220
        tab.apply_scene(scene)
        settle(qtbot, tab)
        assert tab.view_state() == {**tab.view_state(), **scene.view}
        shown.append({
            "plots": shown_plots(tab),
            "t_prime": [tab.table.item(row, 3).text() for row in range(3)],
            "s2": [tab.table.item(row, 5).text() for row in range(3)],
            "velocity": tab.velocity_text.textItem.toPlainText(),
            "twins": tab.twin_text.textItem.toPlainText(),
            "rotation": tab.euclid_text.textItem.toPlainText(),
            "boost": tab.hyper_text.textItem.toPlainText(),
        })
    rotation, hyperbola, rapidities, velocities, simultaneity, twins, jump = shown
    assert rotation["plots"] == {"rotation", "boost"}
    assert "r² = 2.250" in rotation["rotation"] and "s² = 1.000" in rotation["boost"]
    assert hyperbola["s2"] == ["3.000", "-3.000", "0.000"]
    assert "φ+φ₂ = 1.10" in rapidities["boost"] and "θ+θ₂ = 1.10" in rapidities["rotation"]
    assert velocities["plots"] == {"velocity"} and "0.9945" in velocities["velocity"]
    assert simultaneity["t_prime"] == ["3.667", "-0.333", "1.667"]
    assert twins["plots"] == {"twins"} and "home 10 y" in twins["twins"] and "traveller 6 y" in twins["twins"]
    assert "jump 7.2 y" in jump["twins"]
    _, y = tab.jump.getData()  # the red bar: the traveller's 'now' at home just before and after turning
    assert y[0] == pytest.approx(0.8444, abs=1e-3) and y[1] == pytest.approx(8.0444, abs=1e-3)


def test_the_table_never_shows_minus_zero(qtbot, tab):
    tab.set_params({"events": "100,100; 1,1; -5,5"})  # on the light cone: boosted values that round to zero
    settle(qtbot, tab)
    cells = [tab.table.item(row, column).text() for row in range(3) for column in range(1, 6)]
    assert "-0.000" not in cells and "0.000" in cells, cells


@pytest.mark.parametrize("beta", [0.99, -0.99])
def test_the_table_shows_whole_numbers_in_presentation_mode_on_a_projector(qtbot, app, beta):
    """Shared evenly, the columns cut "-10.456" to "-10.…" and "spacelike" to "spac…" at 1024x768."""
    with presenting(qtbot, app, SpacetimeTab, (1024, 768), {"beta": beta}) as tab:
        table = tab.table
        metrics = table.fontMetrics()
        texts = [(column, table.item(row, column).text()) for row in range(table.rowCount())
                 for column in range(table.columnCount())]
        assert any(len(text) >= 7 for _, text in texts)  # "-10.456": the test is about something
        for column, text in texts:
            assert metrics.horizontalAdvance(text) + 6 <= table.columnWidth(column), (column, text)


@pytest.mark.parametrize("beta", [0.6, 0.95, 0.99, -0.95])
def test_the_moving_axes_labels_never_lie_on_each_other(qtbot, tab, beta):
    """As β nears 1 the t′ and x′ axes close in on the light cone; centred above their ends, "t′" hid under "x′"."""
    tab.set_params({"beta": beta})
    settle(qtbot, tab)
    t_label, x_label = (label.textItem.mapRectToScene(label.textItem.boundingRect()) for label in tab.axis_labels)
    assert not t_label.intersects(x_label)


def test_events_outside_the_diagram_are_pointed_at_from_its_edge(qtbot, tab):
    """A typed event beyond the extent has its marker out of view; its label alone, slid into a corner, read as an
    event at that corner (B was not drawn at all, C looked lightlike). It goes where the line from the origin to the
    event leaves the diagram, with an arrow across that edge."""
    tab.set_params({"events": "1,2; 3,4; 50,-60", "extent": 2.0})
    settle(qtbot, tab)
    labels = [label.textItem.toPlainText() for label in tab.event_labels]
    assert labels == ["A", "B →", "C ←"]
    # (t, x) = (3, 4) leaves through x = 2 at t = 1.5: spacelike, as B is, and not the light cone's corner.
    assert (tab.event_labels[1]._explorer_text[1:]) == pytest.approx((2.0, 1.5))
    tab.set_params({"events": "1,2; 3,4; 50,60"})  # B and C leave the same way: one label names both
    settle(qtbot, tab)
    labels = [label.textItem.toPlainText() for label in tab.event_labels]
    assert labels[:2] == ["A", "B, C →"] and not labels[2]
    (x0, x1), (t0, t1) = tab.minkowski.getViewBox().viewRange()
    corner = tab.event_labels[1].pos()
    assert x0 <= corner.x() <= x1 and t0 <= corner.y() <= t1


def test_switched_off_hyperbolae_leave_the_legend(qtbot, tab):
    def names():
        return [label.text for _, label in tab.minkowski.legend.items]

    assert "t² − x² = s²" in names()
    tab.set_params({"hyperbolae": False})
    settle(qtbot, tab)
    assert "t² − x² = s²" not in names()
    tab.set_params({"hyperbolae": True})
    settle(qtbot, tab)
    assert "t² − x² = s²" in names()


def test_the_twins_axis_is_in_light_years_without_a_hidden_multiplier(qtbot, tab):
    """pyqtgraph's "(x0.001)" beside the label was read past: a 0.5 ly trip read as 500."""
    tab.set_params({"twin_distance": 0.5, "v": -0.99})
    settle(qtbot, tab)
    axis = tab.twins.getAxis("bottom")
    assert axis.autoSIPrefixScale == 1.0 and "x0.001" not in axis.labelString()
    strings = axis.tickStrings([0.2, 0.4], axis.autoSIPrefixScale * axis.scale, 0.2)
    assert strings == ["0.2", "0.4"]


@pytest.mark.parametrize("v", [0.6, 0.3, -0.3, -0.99])
def test_the_velocity_legend_and_readout_leave_the_curve_in_view(qtbot, tab, v):
    """u ⊕ v for v < 0 lies where the legend sat for v > 0 (at v = −0.99 it hid the curve along −1)."""
    tab.set_params({"v": v})
    settle(qtbot, tab)
    view = tab.velocity.getViewBox()
    x, y = tab.relativistic.getData()
    (x0, x1), (y0, y1) = view.viewRange()
    shown = [(a, b) for a, b in zip(x, y) if x0 <= a <= x1 and y0 <= b <= y1]
    points = [view.mapViewToScene(QPointF(a, b)) for a, b in shown]
    legend = tab.velocity.legend.sceneBoundingRect()
    readout = tab.velocity_text.textItem.mapRectToScene(tab.velocity_text.textItem.boundingRect())
    assert len(points) > 20
    assert not any(legend.contains(point) for point in points)
    assert not any(readout.contains(point) for point in points)
    assert not legend.intersects(readout)


@pytest.mark.parametrize("theta", [0.6, -1.2])
def test_the_rotated_point_lies_on_the_rotated_x_axis_turned_counter_clockwise(qtbot, tab, theta):
    """The Euclidean panel drew its (x, y) axes as if they were (t, x) events, mirrored about y = x: for θ > 0 they
    turned clockwise while the point turned counter-clockwise, off its own x′ axis."""
    tab.set_params({"angle": theta})
    settle(qtbot, tab)
    x, y = tab.euclid_axes.getData()
    first = np.isfinite(x) & np.isfinite(y)
    ends = np.column_stack([x, y])[first][:2]  # the x′ axis: a segment through the origin
    direction = ends[1] - ends[0]
    direction /= np.hypot(*direction)
    np.testing.assert_allclose(direction, [np.cos(theta), np.sin(theta)], atol=1e-12)
    (px,), (py,) = tab.euclid_point.getData()
    np.testing.assert_allclose([px, py], [1.5 * np.cos(theta), 1.5 * np.sin(theta)], atol=1e-12)


def test_the_boosted_unit_event_stays_in_view_at_the_sliders_end(qtbot, tab):
    """At φ = 1.5 the unit event reaches t = cosh 1.5 = 2.35: the boost plot, ±2.2 wide, cut it off."""
    spec = next(s for s in tab.specs if s.name == "angle")
    for phi in (spec.minimum, spec.maximum):
        tab.set_params({"angle": phi})
        settle(qtbot, tab)
        (x,), (t,) = tab.hyper_point.getData()
        assert t == pytest.approx(np.cosh(phi)) and x == pytest.approx(np.sinh(phi))
        (x0, x1), (t0, t1) = tab.hyper.getViewBox().viewRange()
        assert x0 + 0.1 < x < x1 - 0.1 and t0 + 0.1 < t < t1 - 0.1  # with room for the marker
