import json
import os

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

# Exactly what the app wrote before version 2 (explorer/state.py at 545a1b5).
V1_TEXT = """{
  "app": "scientific-spaces-explorer",
  "version": 1,
  "tab": "spacetime",
  "params": {
    "beta": -0.25,
    "N": "10000000000000000000000000000000000000000",
    "grid": false
  },
  "view": {
    "selected": 2
  }
}
"""


def payload(**changes):
    base = {"app": state.APP_ID, "version": 2, "kind": "scene", "tab": "spacetime", "params": {"beta": 0.3},
            "view": {}}
    base.update(changes)
    return {key: value for key, value in base.items() if value is not ...}


def test_round_trip_with_every_field(tmp_path):
    path = tmp_path / "s.json"
    params = {"beta": -0.25, "N": 10**40, "grid": False}
    state.save(path, "spacetime", SPECS, params, {"selected": 2}, title="洛伦兹变换", caption="Line one\nline two",
               hidden=("grid", "beta"), ranges=(None, ((-1, 2.5), (0, 10)), None))
    loaded = state.validate(state.read(path), "spacetime", SPECS)
    assert loaded == state.TabState(
        tab="spacetime", params=params, view={"selected": 2}, title="洛伦兹变换", caption="Line one\nline two",
        hidden=("grid", "beta"), ranges=(None, ((-1.0, 2.5), (0.0, 10.0)), None))
    written = json.loads(path.read_text(encoding="utf-8"))
    assert list(written) == ["app", "version", "kind", "tab", "params", "view", "title", "caption", "hidden", "ranges"]
    assert written["version"] == state.STATE_VERSION == 2 and written["kind"] == "scene"
    assert written["params"]["N"] == str(10**40)  # exact for readers outside Python too
    assert "洛伦兹变换" in path.read_text(encoding="utf-8")


def test_round_trip_with_defaults_only(tmp_path):
    path = tmp_path / "s.json"
    state.save(path, "spacetime", SPECS, {"beta": 0.5, "N": 7, "grid": True}, {})
    loaded = state.validate(state.read(path), "spacetime", SPECS)
    assert (loaded.title, loaded.caption, loaded.hidden, loaded.ranges) == ("", "", (), ())


def test_version_1_file_still_loads():
    payload_v2 = state.parse(V1_TEXT, "old.json")
    assert payload_v2["version"] == 2 and payload_v2["kind"] == "scene"
    loaded = state.validate(payload_v2, "spacetime", SPECS, "old.json")
    assert loaded == state.TabState("spacetime", {"beta": -0.25, "N": 10**40, "grid": False}, {"selected": 2})


def test_version_1_file_without_view_loads():
    text = json.dumps({"app": state.APP_ID, "version": 1, "tab": "spacetime", "params": {"N": 5}})
    assert state.validate(state.parse(text), "spacetime", SPECS).params["N"] == 5


def test_every_old_version_has_a_migration_to_the_next():
    assert sorted(state.MIGRATIONS) == list(range(1, state.STATE_VERSION))
    v1 = json.loads(V1_TEXT)
    migrated = state.MIGRATIONS[1](v1)
    assert migrated["version"] == 2 and migrated["kind"] == "scene"
    assert v1["version"] == 1 and "kind" not in v1  # the input is not changed


def test_migrations_are_applied_in_order_up_to_the_current_version():
    steps = {1: lambda p: {**p, "version": 2, "trail": p.get("trail", "") + "a"},
             2: lambda p: {**p, "version": 3, "trail": p["trail"] + "b", "kind": "scene"}}
    file_format = state.FileFormat("scene", "state file", 3, steps, ("app", "version", "kind", "trail"), 1000)
    loaded = state.load(json.dumps({"app": state.APP_ID, "version": 1}), "f", file_format)
    assert loaded == {"app": state.APP_ID, "version": 3, "trail": "ab", "kind": "scene"}
    assert state.load(json.dumps({"app": state.APP_ID, "version": 2, "trail": "x"}), "f", file_format)["trail"] == "xb"


def test_missing_params_take_defaults():
    loaded = state.validate(payload(), "spacetime", SPECS)
    assert loaded.params == {"beta": 0.3, "N": 130, "grid": True}


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("{not json", "not valid JSON"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "sce', "not valid JSON"),
        ("", "is empty"),
        ("  \n\t", "is empty"),
        ("[1, 2]", "not a Scientific Spaces Explorer state file"),
        ('"just text"', "not a Scientific Spaces Explorer state file"),
        (json.dumps({"app": "other"}), "not a Scientific Spaces Explorer state file"),
        (json.dumps(payload(version=99)), "has version 99; this app reads up to version 2"),
        (json.dumps(payload(version="1")), "no valid version"),
        (json.dumps(payload(version=True)), "no valid version"),
        (json.dumps(payload(version=1.0)), "no valid version"),
        (json.dumps(payload(version=...)), "no valid version"),
        (json.dumps(payload(version=0)), "unknown version 0"),
        (json.dumps(payload(version=-3)), "unknown version -3"),
        (json.dumps(payload(kind="lesson")), "is a 'lesson' file, not a state file"),
        (json.dumps(payload(kind="movie")), "is a 'movie' file, not a state file"),
        (json.dumps(payload(kind=[1])), "invalid kind"),
        (json.dumps(payload(kind=...)), "'kind' is missing"),
        (json.dumps(payload(colour="red")), "unknown key 'colour'"),
        (json.dumps(payload(colour=1, size=2)), "unknown keys 'colour', 'size'"),
        (json.dumps(payload(tab=3)), "does not say which tab"),
        (json.dumps(payload(tab=...)), "does not say which tab"),
        (json.dumps(payload(tab="top k\nx")), "is not a tab name"),
        (json.dumps(payload(params=[1])), "'params' must be an object"),
        (json.dumps(payload(view="wide")), "'view' must be an object"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "scene", "tab": "spacetime", '
         '"params": {"beta": NaN}}', "NaN is not allowed"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "scene", "tab": "spacetime", '
         '"view": {"x": -Infinity}}', "Infinity is not allowed"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "scene", "tab": "spacetime", '
         '"params": {"beta": 1e999}}', "the number 1e999 is out of range"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "scene", "tab": "spacetime", '
         '"params": {"N": ' + "9" * 5000 + "}}", "5,000 digits is too long"),
        ('{"app": "scientific-spaces-explorer", "version": ' + "9" * 1001 + "}", "1,001 digits is too long"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "scene", "tab": "spacetime", "tab": "x"}',
         "duplicate key 'tab'"),
        ('{"app": "scientific-spaces-explorer", "version": 2, "kind": "scene", "tab": "spacetime", '
         '"title": "\\ud800"}', "unpaired surrogate"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
        (json.dumps(payload(view={"x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]})),
         "nested too deeply"),
        (" " * (state.MAX_STATE_BYTES + 1), "too large"),
    ],
)
def test_malformed_files_give_one_clear_message(text, fragment):
    with pytest.raises(state.StateError, match=fragment) as caught:
        state.parse(text)
    assert len(str(caught.value).splitlines()) == 1


def test_nesting_within_the_limit_is_fine():
    view = {"x": json.loads("[" * (state.MAX_NESTING - 2) + "]" * (state.MAX_NESTING - 2))}
    assert state.validate(state.parse(json.dumps(payload(view=view))), "spacetime", SPECS).view == view


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"beta": 2.0}, "beta: 2.* is outside"),
        ({"beta": "fast"}, "beta: expected a number"),
        ({"beta": 10**400}, "beta: .* is outside"),
        ({"speed": 1}, "unknown parameter 'speed'"),
        ({"grid": 1}, "grid: expected true or false"),
        ({"N": "12x"}, "N: expected an integer"),
        ({"N": 0}, "N: 0 is outside"),
        ({"N": [1]}, "N: expected an integer"),
    ],
)
def test_wrong_values_are_rejected(params, fragment):
    with pytest.raises(state.StateError, match=fragment):
        state.validate(payload(params=params), "spacetime", SPECS)


@pytest.mark.parametrize(
    "changes, fragment",
    [
        ({"title": 3}, "title: expected text, got 3"),
        ({"title": ["a"]}, "title: expected text"),
        ({"caption": None}, "caption: expected text"),
        ({"title": "x" * (state.MAX_TEXT_CHARS + 1)}, "title: 2,001 characters is too long; at most 2,000"),
        ({"caption": "x" * (state.MAX_TEXT_CHARS + 1)}, "caption: 2,001 characters is too long"),
        ({"hidden": "beta"}, "hidden: expected a list of parameter names"),
        ({"hidden": {"beta": True}}, "hidden: expected a list"),
        ({"hidden": ["beta", "speed"]}, "hidden: 'speed' is not a parameter of this tab"),
        ({"hidden": [["beta"]]}, r"hidden: \['beta'\] is not a parameter"),
        ({"hidden": ["grid", "grid"]}, "hidden: 'grid' is listed twice"),
        ({"ranges": {"0": None}}, "ranges: expected a list with one entry per plot"),
        ({"ranges": "auto"}, "ranges: expected a list"),
        ({"ranges": [None] * (state.MAX_RANGES + 1)}, "ranges: 65 entries"),
        ({"ranges": [None, [0, 1]]}, r"ranges\[1\]: the x range must be two finite numbers"),
        ({"ranges": [[[0, 1]]]}, r"ranges\[0\]: expected null \(automatic\) or \[\[x0, x1\], \[y0, y1\]\]"),
        ({"ranges": [[[0, 1], [0, 1], [0, 1]]]}, r"ranges\[0\]: expected null"),
        ({"ranges": ["0,1;0,1"]}, r"ranges\[0\]: expected null"),
        ({"ranges": [[[0, 1], ["0", 1]]]}, r"ranges\[0\]: the y range must be two finite numbers"),
        ({"ranges": [[[0, 1], [True, 2]]]}, "the y range must be two finite numbers"),
        ({"ranges": [[[0, 1], [0, 10**400]]]}, "the y range must be two finite numbers"),
        ({"ranges": [[[0, 1, 2], [0, 1]]]}, "the x range must be two finite numbers"),
        ({"ranges": [[[1, 1], [0, 1]]]}, r"the x range \[1, 1\] needs x0 < x1"),
        ({"ranges": [[[0, 1], [5, -5]]]}, r"the y range \[5, -5\] needs y0 < y1"),
        ({"ranges": [[[-1e308, 1e308], [0, 1]]]}, "finite width"),
        ({"view": {"x": "y" * state.MAX_VIEW_BYTES}}, "'view' is too large"),
    ],
)
def test_wrong_scene_fields_are_rejected_naming_the_field(changes, fragment):
    with pytest.raises(state.StateError, match=fragment) as caught:
        state.validate(payload(**changes), "spacetime", SPECS)
    assert str(caught.value).startswith("state: ")


def test_view_given_directly_must_be_plain_json():
    with pytest.raises(state.StateError, match="'view' must hold only JSON values"):
        state.validate(payload(view={"x": {1, 2}}), "spacetime", SPECS)
    with pytest.raises(state.StateError, match="'view' must hold only JSON values"):
        state.validate(payload(view={"x": float("nan")}), "spacetime", SPECS)


def test_foreign_tab_is_rejected():
    with pytest.raises(state.StateError, match="is for the 'topk' tab"):
        state.validate(payload(tab="topk"), "spacetime", SPECS)


def test_to_json_refuses_to_write_what_it_could_not_read():
    values = {"beta": 0.1, "N": 3, "grid": True}
    with pytest.raises(state.StateError, match="state to save: title: 2,001 characters"):
        state.to_json("spacetime", SPECS, values, {}, title="t" * 2001)
    with pytest.raises(state.StateError, match="state to save: 'view' must hold only JSON"):
        state.to_json("spacetime", SPECS, values, {"frame": float("nan")})
    with pytest.raises(state.StateError, match=r"state to save: ranges\[0\]"):
        state.to_json("spacetime", SPECS, values, {}, ranges=(((0, float("inf")), (0, 1)),))
    with pytest.raises(state.StateError, match="state to save: hidden: 'zz'"):
        state.to_json("spacetime", SPECS, values, {}, hidden=("zz",))
    with pytest.raises(state.StateError, match="state to save: beta"):
        state.to_json("spacetime", SPECS, {**values, "beta": 5.0}, {})
    with pytest.raises(state.StateError, match="unpaired surrogate"):
        state.to_json("spacetime", SPECS, values, {}, caption="\udc80")


def test_save_reports_an_unwritable_path(tmp_path):
    with pytest.raises(state.StateError, match="cannot write"):
        state.save(tmp_path / "missing-folder" / "s.json", "spacetime", SPECS, {"beta": 0.1, "N": 3, "grid": True},
                   {})


def test_oversized_missing_binary_and_special_files(tmp_path):
    big = tmp_path / "big.json"
    big.write_text(" " * (state.MAX_STATE_BYTES + 1))
    with pytest.raises(state.StateError, match="too large"):
        state.read(big)
    with pytest.raises(state.StateError, match="no such file"):
        state.read(tmp_path / "missing.json")
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(state.StateError, match="not UTF-8 text"):
        state.read(binary)
    with pytest.raises(state.StateError, match="not a regular file"):
        state.read(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(state.StateError, match="not a regular file"):  # opening it would wait for a writer
        state.read(fifo)


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + V1_TEXT.encode("utf-8"))
    assert state.read(path)["tab"] == "spacetime"


def test_messages_are_one_bounded_line():
    error = state.StateError("first\nsecond\r\nthird " + "x" * 10_000 + " end")
    message = str(error)
    assert len(message.splitlines()) == 1 and len(message) <= state.MAX_MESSAGE_CHARS
    assert message.startswith("first second third ") and message.endswith(" end")


def test_finite_number():
    assert state.finite_number(3) and state.finite_number(-2.5) and state.finite_number(10**300)
    assert not any(state.finite_number(v) for v in (True, float("nan"), float("inf"), 10**400, "1", None, [1]))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["app", "version", "kind", "tab", "params", "view", "title", "hidden",
                                        "ranges", "x"]), json_values))
def test_arbitrary_json_is_accepted_or_rejected_cleanly(document):
    try:
        loaded = state.validate(state.parse(json.dumps(document)), "spacetime", SPECS)
    except state.StateError:
        return
    assert set(loaded.params) == {"beta", "N", "grid"}
