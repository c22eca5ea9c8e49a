import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import state
from explorer.params import ParamSpec

SPECS = (
    ParamSpec("beta", "float", 0.6, minimum=-0.99, maximum=0.99),
    ParamSpec("N", "bigint", 130, minimum=1),
    ParamSpec("grid", "bool", True),
)


def payload(**changes):
    base = {"app": state.APP_ID, "version": 1, "tab": "spacetime", "params": {"beta": 0.3}, "view": {}}
    base.update(changes)
    return base


def test_round_trip(tmp_path):
    path = tmp_path / "s.json"
    state.save(path, "spacetime", SPECS, {"beta": -0.25, "N": 10**40, "grid": False}, {"selected": 2})
    loaded = state.validate(state.read(path), "spacetime", SPECS)
    assert loaded.params == {"beta": -0.25, "N": 10**40, "grid": False}
    assert loaded.view == {"selected": 2}


def test_missing_params_take_defaults():
    loaded = state.validate(payload(), "spacetime", SPECS)
    assert loaded.params == {"beta": 0.3, "N": 130, "grid": True}


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a Scientific Spaces Explorer state file"),
        (json.dumps({"app": "other"}), "not a Scientific Spaces Explorer state file"),
        (json.dumps(payload(version=99)), "reads up to version 1"),
        (json.dumps(payload(version="1")), "no valid version"),
        (json.dumps(payload(tab=3)), "does not say which tab"),
        (json.dumps(payload(params=[1])), "'params' must be an object"),
        ('{"app": "scientific-spaces-explorer", "version": 1, "tab": "spacetime", "params": {"beta": NaN}}',
         "NaN is not allowed"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
    ],
)
def test_malformed_files_give_one_clear_message(text, fragment):
    with pytest.raises(state.StateError, match=fragment):
        state.parse(text)


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"beta": 2.0}, "beta: 2 is outside"),
        ({"beta": "fast"}, "beta: expected a number"),
        ({"speed": 1}, "unknown parameter 'speed'"),
        ({"grid": 1}, "grid: expected true or false"),
        ({"N": "12x"}, "N: expected an integer"),
    ],
)
def test_wrong_values_are_rejected(params, fragment):
    with pytest.raises(state.StateError, match=fragment):
        state.validate(payload(params=params), "spacetime", SPECS)


def test_foreign_tab_is_rejected():
    with pytest.raises(state.StateError, match="is for the 'topk' tab"):
        state.validate(payload(tab="topk"), "spacetime", SPECS)


def test_oversized_and_missing_files(tmp_path):
    big = tmp_path / "big.json"
    big.write_text(" " * (state.MAX_STATE_BYTES + 1))
    with pytest.raises(state.StateError, match="too large"):
        state.read(big)
    with pytest.raises(state.StateError, match="no such file"):
        state.read(tmp_path / "missing.json")
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(state.StateError):
        state.read(binary)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["app", "version", "tab", "params", "view", "x"]), json_values))
def test_arbitrary_json_is_accepted_or_rejected_cleanly(document):
    try:
        loaded = state.validate(state.parse(json.dumps(document)), "spacetime", SPECS)
    except state.StateError:
        return
    assert set(loaded.params) == {"beta", "N", "grid"}
