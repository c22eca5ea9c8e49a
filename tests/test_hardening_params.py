"""Every parameter of every tab at and just beyond the ends of its range, through the control a person would use
(slider keys, typed fields, combo keys, check boxes) and through the command line's parser.

Values in range are applied exactly (floats typed into a slider's field are rounded to the decimals it shows, as a
drag is) and computed without an error; values outside are refused with one short message naming the parameter,
the control is marked and the tab's parameters stay as they were. test_tabs_common.py computes the middle and the
ends through set_params; this file adds the steps next to the ends, values just outside, typed entries and edge
strings. Data-driven from the registry: a new tab or parameter is covered without a line here.
"""

import math

import pytest
from helpers import edge_values, open_tab, settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.params import parse_assignment
from explorer.registry import TOPICS, topic

TOPIC_IDS = [t.id for t in TOPICS]
NUMERIC = ("float", "int", "bigint")
MESSAGE_LIMIT = 210  # explorer.params leaves out the middle of longer messages, so the sidebar stays readable
INVALID_MARK = "C0392B"  # the border colour of a control whose entry was refused
EDGE_TEXTS = ("", " ", "   ", "\t", "广州的白云🙂", "x" * 5000, "9" * 5000, "1," * 2000, "0", "-1", "nan, inf, 1")
JUNK_NUMBERS = ("", "abc", "nan", "inf", "-inf", "1e999", "1e", "--1", "0x10", "1,5", "10**400")


def step_of(spec):
    """What one arrow key moves the spec's control by (the log slider's step is not a value step)."""
    if spec.kind == "float":
        return spec.step or (spec.maximum - spec.minimum) / 100
    return int(spec.step or 1)


def inside_edges(spec) -> list:
    """The ends of the range, one step inside each and, for floats, one representable number inside each."""
    low, high = spec.minimum, spec.maximum
    values = [low, low + step_of(spec), high - step_of(spec), high]
    if spec.kind == "float":
        values[1:3] = [round(values[1], spec.decimals), round(values[2], spec.decimals)]
        values += [math.nextafter(low, high), math.nextafter(high, low)]
    return values


def outside_edges(spec) -> list:
    """Values just beyond each end, and one far beyond that a float cannot even hold."""
    low, high = spec.minimum, spec.maximum
    if spec.kind == "float":
        unit = 10.0**-spec.decimals
        return [math.nextafter(low, -math.inf), math.nextafter(high, math.inf), low - unit, high + unit, 10**400]
    return [low - 1, high + 1, 10**400]


def text_of(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def assert_refusal(spec, message: str) -> None:
    assert spec.name in message, f"the message does not name the parameter: {message!r}"
    assert len(message) <= MESSAGE_LIMIT, f"{spec.name}: a {len(message)}-character message"


def refusal_of(call, *args) -> str:
    with pytest.raises(ValueError) as info:
        call(*args)
    return str(info.value)


# ----- the command line: explorer.params -----
@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_command_line_takes_edges_exactly_and_refuses_beyond(topic_id):
    specs = topic(topic_id).tab_class().specs
    for spec in specs:

        def assign(text, spec=spec):
            return parse_assignment(specs, f"{spec.name}={text}")

        if spec.kind in NUMERIC:
            for value in inside_edges(spec):
                name, parsed = assign(text_of(value))
                assert parsed == value and type(parsed) is type(value), f"{spec.name}={text_of(value)} → {parsed!r}"
                assert spec.validate(value) == value
            for value in outside_edges(spec):
                if isinstance(value, float) or value.bit_length() < 1000:  # a float cannot be written as 10**400
                    message = refusal_of(assign, text_of(value))
                    assert "outside the allowed range" in message, message
                    assert_refusal(spec, message)
                assert_refusal(spec, refusal_of(spec.validate, value))  # what a state file hands over
            for junk in JUNK_NUMBERS:
                assert_refusal(spec, refusal_of(assign, junk))
        elif spec.kind == "bool":
            assert assign("on") == (spec.name, True) and assign("false") == (spec.name, False)
            assert_refusal(spec, refusal_of(assign, "maybe"))
        elif spec.kind == "choice":
            for choice in spec.choices:
                assert assign(str(choice)) == (spec.name, choice)
            assert_refusal(spec, refusal_of(assign, "no-such-choice"))
        elif spec.kind == "multi":
            for choice in spec.choices:
                assert assign(str(choice)) == (spec.name, (choice,))
            assert assign(",".join(map(str, reversed(spec.choices)))) == (spec.name, tuple(spec.choices))
            assert assign("") == (spec.name, ())
            assert_refusal(spec, refusal_of(assign, "no-such-choice"))
        else:
            for text in EDGE_TEXTS:
                try:
                    assert assign(text) == (spec.name, text)
                except ValueError as exc:
                    assert_refusal(spec, str(exc))


# ----- the controls -----
def assert_applied(qtbot, tab, spec, value, computed: set):
    """The value is in use exactly; unless it is in ``computed`` already, the tab computes it without an error."""
    shown = tab.params()[spec.name]
    assert shown == value and type(shown) is type(value), f"{spec.name}: expected {value!r}, the tab has {shown!r}"
    assert tab.panel.values()[spec.name] == value
    assert not tab.error_label.isVisible(), f"{spec.name}={value!r}: {tab.error_label.text()}"
    if value not in computed:
        computed.add(value)
        settle(qtbot, tab)
        assert not tab.error_label.isVisible(), f"{spec.name}={value!r}: {tab.error_label.text()}"


def assert_refused(tab, spec, before, marked, entry: str):
    assert tab.params() == before, f"{spec.name}: the entry {entry[:40]!r} changed the parameters"
    assert tab.error_label.isVisible(), f"{spec.name}: the entry {entry[:40]!r} was refused without a word"
    message = tab.error_label.text()
    # The panel names the row as it reads (not the command line's name) and, for a number, the range it takes.
    assert message.startswith(spec.display_label + ":"), f"the message does not name the row: {message!r}"
    assert len(message) <= MESSAGE_LIMIT, f"{spec.name}: a {len(message)}-character message"
    if spec.kind in NUMERIC and not spec.log:
        assert f"from {spec.minimum:g}" in message or f"from {spec.minimum}" in message, message
    assert INVALID_MARK in marked.styleSheet(), f"{spec.name}: the refused entry {entry[:40]!r} is not marked"


def enter(field, text: str) -> None:
    """Replace a field's text and press Return (insert() validates as typing does, and is quicker for 5000 chars)."""
    field.clear()
    field.insert(text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def walk_slider_keys(qtbot, tab, spec, slider, computed):
    """Home/End reach the ends exactly, an arrow from an end moves one step inside, and no key goes beyond."""
    keys = Qt.Key
    low, high = spec.minimum, spec.maximum
    # A log slider's step is one of its positions, not a value step: only "strictly inside" is checked for it.
    low_step, high_step = (None, None) if spec.log else inside_edges(spec)[1:3]
    for key, expected in ((keys.Key_Home, low), (keys.Key_Right, low_step), (keys.Key_Left, low), (keys.Key_Left, low),
                          (keys.Key_End, high), (keys.Key_Left, high_step), (keys.Key_Right, high),
                          (keys.Key_Right, high)):
        QTest.keyClick(slider, key)
        value = tab.params()[spec.name]
        if expected is None:
            assert low < value < high, f"{spec.name}: one step from an end went to {value!r}"
        else:
            assert_applied(qtbot, tab, spec, expected, computed)


def walk_entries(qtbot, tab, spec, field, computed):
    """Typed values: in range applied exactly (to the decimals a linear slider shows), outside refused and marked."""
    for value in inside_edges(spec):
        enter(field, text_of(value))
        expected = round(value, spec.decimals) if spec.kind == "float" and not spec.log else value
        assert_applied(qtbot, tab, spec, expected, computed)
    for entry in [text_of(value) for value in outside_edges(spec)] + list(JUNK_NUMBERS):
        before = tab.params()
        enter(field, entry)
        assert_refused(tab, spec, before, field, entry)
    enter(field, text_of(tab.params()[spec.name]))  # putting the value in use back withdraws the message
    assert not tab.error_label.isVisible() and INVALID_MARK not in field.styleSheet(), spec.name


def walk_number(qtbot, tab, spec, computed):
    control = tab.panel.control(spec.name)
    if spec.kind == "bigint":
        walk_entries(qtbot, tab, spec, control, computed)
    else:
        walk_slider_keys(qtbot, tab, spec, control._slider, computed)
        field = control._field if spec.log else control._label
        walk_entries(qtbot, tab, spec, field, computed)
        enter(field, "nonsense")  # moving the slider afterwards withdraws the refusal
        for key in (Qt.Key.Key_End, Qt.Key.Key_Home):
            QTest.keyClick(control._slider, key)
        assert not tab.error_label.isVisible() and INVALID_MARK not in field.styleSheet(), spec.name


def walk_bool(qtbot, tab, spec, computed):
    box = tab.panel.control(spec.name)
    for _ in range(2):
        QTest.keyClick(box, Qt.Key.Key_Space)
        assert_applied(qtbot, tab, spec, box.isChecked(), computed)


def walk_choice(qtbot, tab, spec, computed):
    combo = tab.panel.control(spec.name)
    QTest.keyClick(combo, Qt.Key.Key_Home)
    assert_applied(qtbot, tab, spec, spec.choices[0], computed)
    for choice in spec.choices[1:] + spec.choices[-1:]:  # the last Down stays on the last choice
        QTest.keyClick(combo, Qt.Key.Key_Down)
        assert_applied(qtbot, tab, spec, choice, computed)


def walk_multi(qtbot, tab, spec, computed):
    boxes = tab.panel.control(spec.name)._boxes
    for checked in (False, True):  # through no choice at all to every choice, one box at a time
        for box in boxes.values():
            if box.isChecked() != checked:
                QTest.keyClick(box, Qt.Key.Key_Space)
        assert_applied(qtbot, tab, spec, tuple(spec.choices) if checked else (), computed)


def walk_text(qtbot, tab, spec, computed):
    field = tab.panel.control(spec.name)
    for text in EDGE_TEXTS:
        before = tab.params()
        enter(field, text)
        try:
            spec.parse(text)
        except ValueError:
            assert_refused(tab, spec, before, field, text)
            assert tab.error_label.text() in field.toolTip()
        else:
            assert_applied(qtbot, tab, spec, text, computed)
            assert INVALID_MARK not in field.styleSheet()


def walk_set_params(qtbot, tab, spec, computed):
    """The command line's path: parse, then set_params; the control shows the exact value, computed cleanly."""
    control = tab.panel.control(spec.name)
    for value in inside_edges(spec):
        name, parsed = parse_assignment(tab.specs, f"{spec.name}={text_of(value)}")
        tab.set_params({name: parsed})
        shown, expected = (control.text(), str(value)) if spec.kind == "bigint" else (control.value(), value)
        assert shown == expected, f"{spec.name}={value!r}: the control shows {shown!r}"
        assert_applied(qtbot, tab, spec, value, computed)


WALKS = {"float": walk_number, "int": walk_number, "bigint": walk_number, "bool": walk_bool, "choice": walk_choice,
         "multi": walk_multi, "text": walk_text}


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_controls_take_edges_exactly_and_refuse_beyond(qtbot, app, topic_id):
    """A control another parameter disables (topk's random n while the scores are typed) cannot be operated: it
    gets the set_params path only."""
    tab = open_tab(qtbot, topic(topic_id).tab_class())
    for spec in tab.specs:
        computed = {spec.validate(value) for value in edge_values(spec)}  # computed by test_tabs_common
        if tab.panel.control(spec.name).isEnabled():
            WALKS[spec.kind](qtbot, tab, spec, computed)
        if spec.kind in NUMERIC:
            walk_set_params(qtbot, tab, spec, computed)
        tab.set_params({spec.name: spec.default})
        settle(qtbot, tab)
        assert not tab.error_label.isVisible(), f"back to {spec.name}={spec.default!r}: {tab.error_label.text()}"
    tab.shutdown()
