"""Keyboard only: in the main window, Tab walks through every control of every tab and comes back to where it
started (no control keeps Tab to itself), and each kind of control works from the keys: sliders with the arrows,
combo boxes with the arrows, check boxes with Space, without the window's Space and Right shortcuts taking them."""

from collections import Counter

import pytest
from helpers import settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from explorer.registry import TOPICS

TOPIC_IDS = [t.id for t in TOPICS]
TAB_PRESSES = 400  # far more than any tab has controls: a walk that has not come back by then never will


@pytest.fixture
def window(window, qtbot):
    """The main window, active: key presses go to it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def described(widget: QWidget) -> str:
    owner = widget.parent().objectName() if widget.parent() is not None else ""
    return f"{type(widget).__name__} {widget.objectName() or owner or widget.toolTip()[:30]!r}"


def tab_stops(tab, window) -> list[QWidget]:
    """What Tab must reach in a tab: shown and enabled widgets that take Tab focus themselves (not by a proxy)."""
    tab_focus = Qt.FocusPolicy.TabFocus
    return [
        widget for widget in tab.findChildren(QWidget)
        if widget.isVisibleTo(window) and widget.isEnabled() and widget.focusProxy() is None
        and (widget.focusPolicy() & tab_focus) == tab_focus
    ]


def focus_target(control: QWidget) -> QWidget:
    return control.focusProxy() or control


def parameter_widgets(tab, spec) -> list[QWidget]:
    """The parts of a parameter's control a person operates: a slider and its value field, a field, a combo box,
    each check box."""
    control = tab.panel.control(spec.name)
    if spec.kind == "multi":
        return list(control._boxes.values())
    if spec.kind in ("float", "int"):
        return [control._slider, control._field if spec.log else control._label]
    return [control]


def walk_tab_chain(window, start: QWidget) -> list[QWidget]:
    """Press Tab on whatever has the focus until it is back at ``start``; the widgets it went through."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.focusWidget() is start, f"{described(start)} does not take the focus"
    visited = [start]
    for _ in range(TAB_PRESSES):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        focus = window.focusWidget()
        assert focus is not None, f"Tab from {described(visited[-1])} left nothing with the focus"
        if focus is start:
            return visited
        visited.append(focus)
    (trap, presses), = Counter(visited).most_common(1)
    pytest.fail(f"Tab never came back to {described(start)}: {described(trap)} kept it for {presses} presses")


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_tab_reaches_every_control_and_comes_back(window, qtbot, topic_id):
    tab = window.select(topic_id)
    settle(qtbot, tab)
    visited = walk_tab_chain(window, focus_target(tab.panel.control(tab.specs[0].name)))
    missed = [described(widget) for widget in tab_stops(tab, window) if widget not in visited]
    assert not missed, f"Tab never reaches {missed}"
    operable = [widget for spec in tab.specs for widget in parameter_widgets(tab, spec)
                if widget.isVisibleTo(window) and widget.isEnabled()]
    assert not [described(widget) for widget in operable if widget not in visited], "a parameter takes no Tab focus"


def first_spec(tab, kinds):
    return next((spec for spec in tab.specs if spec.kind in kinds and tab.panel.control(spec.name).isEnabled()), None)


def press(tab, widget: QWidget, key) -> None:
    """Focus ``widget`` and press ``key``; the window's shortcuts for the same keys (Play, Step) must not fire."""
    bar = tab.play_bar
    before = (bar.is_playing, bar.frame) if bar is not None else None
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(widget, key)
    if bar is not None:
        assert (bar.is_playing, bar.frame) == before, f"{described(widget)}: the key went to the play bar"


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_each_kind_of_control_works_from_the_keyboard(window, qtbot, topic_id):
    """One control of each kind the tab has: the slider's arrow moves one step, the combo's arrow picks the next
    choice, Space toggles a check box; the play bar (Space plays, Right steps in the window) is left alone."""
    tab = window.select(topic_id)
    settle(qtbot, tab)
    checked = []

    spec = first_spec(tab, ("float", "int"))
    if spec is not None:
        slider, before = tab.panel.control(spec.name)._slider, tab.params()[spec.name]
        up = before < spec.maximum
        press(tab, slider, Qt.Key.Key_Right if up else Qt.Key.Key_Left)
        after = tab.params()[spec.name]
        assert (after > before) if up else (after < before), f"{spec.name}: an arrow key left it at {after!r}"
        checked.append(spec.kind)

    spec = first_spec(tab, ("choice",))
    if spec is not None:
        combo, index = tab.panel.control(spec.name), spec.choices.index(tab.params()[spec.name])
        down = index < len(spec.choices) - 1
        press(tab, combo, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
        assert tab.params()[spec.name] == spec.choices[index + 1 if down else index - 1], spec.name
        checked.append(spec.kind)

    spec = first_spec(tab, ("bool", "multi"))
    if spec is not None:
        control = tab.panel.control(spec.name)
        box = control if spec.kind == "bool" else next(iter(control._boxes.values()))
        was_checked = box.isChecked()
        press(tab, box, Qt.Key.Key_Space)
        assert box.isChecked() != was_checked, spec.name
        if spec.kind == "bool":
            assert tab.params()[spec.name] is box.isChecked(), spec.name
        else:
            assert tab.params()[spec.name] == tuple(c for c, b in control._boxes.items() if b.isChecked()), spec.name
        checked.append(spec.kind)

    assert checked, f"{topic_id} has none of the kinds checked here"
    settle(qtbot, tab)
    assert not tab.error_label.isVisible(), tab.error_label.text()
