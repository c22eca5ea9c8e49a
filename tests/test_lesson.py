import json
from pathlib import Path

import pytest

from explorer import lesson, state
from explorer.lesson import LessonError
from explorer.params import ParamSpec
from explorer.state import TabState

ROOT = Path(__file__).resolve().parents[1]

SPECS = {
    "spacetime": (ParamSpec("beta", "float", 0.6, minimum=-0.99, maximum=0.99), ParamSpec("grid", "bool", True)),
    "abc": (ParamSpec("N", "bigint", 130, minimum=1, maximum=10**42),
            ParamSpec("methods", "multi", ("a",), choices=("a", "b", "c"))),
}
specs_for = SPECS.__getitem__  # KeyError for an unknown tab, as the app's lookup raises

SCENES = [
    TabState("spacetime", {"beta": 0.8, "grid": False}, {"frame": 3}, title="The invariant hyperbola",
             caption="s² is the same\nin both frames", hidden=("grid",), ranges=(((-4.0, 4.0), (-1.0, 4.0)), None)),
    TabState("abc", {"N": 10**42 - 1, "methods": ("a", "c")}, {"page": "sawtooth"}, title="锯齿"),
    TabState("spacetime", {"beta": -0.5, "grid": True}, {}),
]


def lesson_text(scenes=None, **changes):
    document = {"app": state.APP_ID, "version": 1, "kind": "lesson", "title": "Intro",
                "scenes": scenes if scenes is not None else [{"tab": "spacetime", "params": {"beta": 0.1}}]}
    document.update(changes)
    return json.dumps({key: value for key, value in document.items() if value is not ...})


def load(text, source="intro.json"):
    return lesson.validate_lesson(lesson.parse_lesson(text, source), specs_for, source)


def test_round_trip(tmp_path):
    path = tmp_path / "intro.json"
    lesson.save_lesson(path, "相对论 intro", SCENES, specs_for)
    loaded = lesson.validate_lesson(lesson.read_lesson(path), specs_for, path.name)
    assert loaded == lesson.Lesson(title="相对论 intro", scenes=tuple(SCENES))
    assert loaded.scenes[1].params["N"] == 10**42 - 1  # bigint exact


def test_file_is_readable_and_stable():
    text = lesson.lesson_to_json("相对论", SCENES, specs_for)
    assert text == lesson.lesson_to_json("相对论", SCENES, specs_for)
    assert "相对论" in text and "锯齿" in text  # not \u escapes
    assert text.startswith('{\n  "app": "scientific-spaces-explorer",\n  "version": 1,\n  "kind": "lesson",')
    document = json.loads(text)
    assert list(document) == ["app", "version", "kind", "title", "scenes"]
    assert [list(scene) for scene in document["scenes"]] == [
        ["tab", "params", "view", "title", "caption", "hidden", "ranges"]] * 3
    assert document["scenes"][1]["params"] == {"N": str(10**42 - 1), "methods": ["a", "c"]}


def test_minimal_scenes_take_defaults():
    loaded = load(lesson_text([{"tab": "abc", "params": {}}, {"tab": "spacetime", "params": {}, "kind": "scene"}]))
    assert loaded.title == "Intro"
    assert loaded.scenes == (TabState("abc", {"N": 130, "methods": ("a",)}, {}),
                             TabState("spacetime", {"beta": 0.6, "grid": True}, {}))
    assert load(lesson_text(title=...)).title == ""


@pytest.mark.parametrize(
    "scenes, fragment",
    [
        ([{"tab": "spacetime", "params": {}}, {"tab": "spacetime", "params": {}},
          {"tab": "spacetime", "title": "The sawtooth", "params": {"beta": 2}}],
         r"^intro\.json, scene 3 \('The sawtooth'\): beta: 2.* is outside"),
        ([{"tab": "spacetime", "params": {}}, {"tab": "abc", "params": {"N": "-4"}}],
         r"^intro\.json, scene 2: N: -4 is outside"),
        ([{"tab": "nowhere", "params": {}}], r"^intro\.json, scene 1: unknown tab 'nowhere'$"),
        ([{"tab": "spacetime", "params": {}, "title": "T" * 100, "hidden": ["N"]}],
         r"^intro\.json, scene 1 \('T{39}…'\): hidden: 'N' is not a parameter"),
        ([{"tab": "spacetime", "params": {}, "caption": 7}], r"^intro\.json, scene 1: caption: expected text"),
        ([{"tab": "spacetime", "params": {}, "ranges": [[[2, 1], [0, 1]]]}],
         r"^intro\.json, scene 1: ranges\[0\]: the x range"),
        ([{"tab": "spacetime", "params": {"speed": 1}}], r"^intro\.json, scene 1: unknown parameter 'speed'"),
    ],
)
def test_scene_errors_name_the_scene(scenes, fragment):
    with pytest.raises(LessonError, match=fragment):
        load(lesson_text(scenes))


@pytest.mark.parametrize(
    "text, fragment",
    [
        (lesson_text([]), r"intro\.json has 0 scenes; a lesson has 1 to 200"),
        (lesson_text([{"tab": "spacetime", "params": {}}] * 201), "has 201 scenes; a lesson has 1 to 200"),
        (lesson_text({"tab": "spacetime"}), "'scenes' must be a list of scenes"),
        (lesson_text(...), "'scenes' must be a list of scenes"),
        (lesson_text(["spacetime"]), r"intro\.json, scene 1 must be an object"),
        (lesson_text([{"params": {}}]), r"intro\.json, scene 1 does not say which tab"),
        (lesson_text([{"tab": "spacetime", "params": [], "title": "Hi"}]),
         r"intro\.json, scene 1 \('Hi'\): 'params' must be an object"),
        (lesson_text([{"tab": "spacetime", "colour": 1}]), r"intro\.json, scene 1: unknown key 'colour'"),
        (lesson_text([{"tab": "spacetime", "app": state.APP_ID}]), r"scene 1: unknown key 'app'"),
        (lesson_text([{"tab": "spacetime", "kind": "lesson"}]), r"scene 1: 'kind' of a scene must be 'scene'"),
        (lesson_text(author="me"), "unknown key 'author'"),
        (lesson_text(title=["x"]), "title: expected text"),
        (lesson_text(title="x" * 2001), "title: 2,001 characters is too long"),
        (lesson_text(version=2), "has version 2; this app reads up to version 1"),
        (lesson_text(version=0), "unknown version 0"),
        (lesson_text(kind=...), "'kind' is missing"),
        (lesson_text(kind="scene"), "is a 'scene' file, not a lesson file"),
        (json.dumps({"app": state.APP_ID, "version": 1, "tab": "spacetime", "params": {}}), "'kind' is missing"),
        (lesson_text()[:-5], "not valid JSON"),
        ("", "is empty"),
        (lesson_text([{"tab": "spacetime", "params": {"beta": 1e999}}]).replace("Infinity", "1e999"), "out of range"),
        (" " * (lesson.MAX_LESSON_BYTES + 1), "too large"),
    ],
)
def test_bad_lessons_give_one_clear_lesson_error(text, fragment):
    with pytest.raises(LessonError, match=fragment) as caught:
        load(text)
    assert len(str(caught.value).splitlines()) == 1


def test_a_state_file_is_not_a_lesson_and_a_lesson_is_not_a_state_file(tmp_path):
    path = tmp_path / "s.json"
    state.save(path, "spacetime", SPECS["spacetime"], {"beta": 0.1, "grid": True}, {})
    with pytest.raises(LessonError, match="s.json is a 'scene' file, not a lesson file"):
        lesson.read_lesson(path)
    lesson.save_lesson(path, "L", SCENES, specs_for)
    with pytest.raises(state.StateError, match="s.json is a 'lesson' file, not a state file"):
        state.read(path)


def test_lesson_error_is_a_state_error_and_file_errors_are_lesson_errors(tmp_path):
    assert issubclass(LessonError, state.StateError)
    with pytest.raises(LessonError, match="no such file"):
        lesson.read_lesson(tmp_path / "missing.json")
    (tmp_path / "bin.json").write_bytes(b"\x80\x81")
    with pytest.raises(LessonError, match="not UTF-8"):
        lesson.read_lesson(tmp_path / "bin.json")
    with pytest.raises(LessonError, match="cannot write"):
        lesson.save_lesson(tmp_path / "no" / "l.json", "L", SCENES, specs_for)


def test_saving_checks_what_it_writes():
    with pytest.raises(LessonError, match="lesson to save has 0 scenes"):
        lesson.lesson_to_json("L", [], specs_for)
    with pytest.raises(LessonError, match=r"lesson to save, scene 2 \('Lost'\): unknown tab 'nowhere'"):
        lesson.lesson_to_json("L", [SCENES[0], TabState("nowhere", {}, {}, title="Lost")], specs_for)
    with pytest.raises(LessonError, match=r"lesson to save, scene 1 \('x{39}…'\): title: 2,001 characters"):
        lesson.lesson_to_json("L", [TabState("abc", SCENES[1].params, {}, title="x" * 2001)], specs_for)
    with pytest.raises(LessonError, match="lesson to save: title: expected text"):
        lesson.lesson_to_json(None, SCENES, specs_for)


@pytest.mark.parametrize("path", sorted((ROOT / "assets" / "lessons").glob("*.json")), ids=lambda p: p.name)
def test_shipped_lessons_are_well_formed(path):
    payload = lesson.read_lesson(path)  # validating against the tabs' specs needs the views (Qt): see the GUI tests
    assert payload["title"] and payload["scenes"]
