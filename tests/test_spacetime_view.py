"""The Spacetime tab driven as a user would: controls, dragging, animation, rest frame, bad input."""

import numpy as np
import pytest
from helpers import open_tab, settle
from PySide6.QtCore import QPointF, Qt

from explorer.spacetime.view import SpacetimeTab, parse_events


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
