"""Hostile files for state, scene and lesson readers: every input either loads (and then saves and loads back to the
same thing) or raises exactly StateError / LessonError with one non-empty, bounded line. Nothing else may escape."""

import copy
import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import lesson, state
from explorer.lesson import LessonError
from explorer.params import ParamSpec
from explorer.state import StateError, TabState


def _check_words(text):
    if not all(word.strip().isalpha() for word in text.split(",")):
        raise ValueError("expected words separated by commas")


SPECS = {
    "spacetime": (
        ParamSpec("beta", "float", 0.6, minimum=-0.99, maximum=0.99),
        ParamSpec("steps", "int", 10, minimum=1, maximum=100),
        ParamSpec("grid", "bool", True),
    ),
    "abc": (
        ParamSpec("N", "bigint", 130, minimum=1, maximum=10**42),
        ParamSpec("range", "choice", 10_000, choices=(1_000, 10_000)),
        ParamSpec("methods", "multi", ("a",), choices=("a", "b", "c")),
        ParamSpec("words", "text", "a, b", check=_check_words),
    ),
}
specs_for = SPECS.__getitem__

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ----- strategies -----
json_leaves = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**1200), max_value=10**1200)
               | st.floats() | st.text(max_size=8))
# Any JSON value; NaN and ±inf floats are written by json.dumps as the NaN/Infinity literals a reader must refuse.
json_values = st.recursive(json_leaves, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=6), children, max_size=4), max_leaves=12)
plain_json = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=6)
                          | st.floats(allow_nan=False, allow_infinity=False),
                          lambda children: st.lists(children, max_size=3)
                          | st.dictionaries(st.text(max_size=6), children, max_size=3), max_leaves=6)

PARAM_VALUES = {
    "beta": st.floats(-0.99, 0.99),
    "steps": st.integers(1, 100),
    "grid": st.booleans(),
    "N": st.integers(1, 10**42),
    "range": st.sampled_from((1_000, 10_000)),
    "methods": st.lists(st.sampled_from("abc"), unique=True).map(lambda chosen: tuple(c for c in "abc" if c in chosen)),
    "words": st.lists(st.text(string.ascii_letters + "广州白云", min_size=1, max_size=5), min_size=1, max_size=3)
    .map(", ".join),
}


@st.composite
def plot_ranges(draw):
    def interval():
        low = draw(st.floats(-1e6, 1e6))
        return low, low + draw(st.floats(1e-3, 1e6))

    return draw(st.none()) if draw(st.booleans()) else (interval(), interval())


@st.composite
def scenes(draw, tab=None):
    tab = tab or draw(st.sampled_from(sorted(SPECS)))
    specs = SPECS[tab]
    return TabState(
        tab=tab,
        params={spec.name: draw(PARAM_VALUES[spec.name]) for spec in specs},
        view=draw(st.dictionaries(st.text(max_size=6), plain_json, max_size=3)),
        title=draw(st.text(max_size=20)),
        caption=draw(st.text(max_size=40)),
        hidden=tuple(draw(st.lists(st.sampled_from([spec.name for spec in specs]), unique=True))),
        ranges=tuple(draw(st.lists(plot_ranges(), max_size=3))),
    )


def state_text(scene):
    return state.to_json(scene.tab, SPECS[scene.tab], scene.params, scene.view, title=scene.title,
                         caption=scene.caption, hidden=scene.hidden, ranges=scene.ranges)


valid_state_texts = scenes(tab="spacetime").map(state_text)
valid_lesson_texts = st.tuples(st.text(max_size=20), st.lists(scenes(), min_size=1, max_size=3)).map(
    lambda args: lesson.lesson_to_json(args[0], args[1], specs_for))

HUGE_NUMBER_TOKENS = ["1e999", "-1e999", "1e308", "NaN", "Infinity", "-Infinity", "1" * 5000, "-" + "9" * 1001,
                      "9" * 400, "4.9e-324", "-0", "1E400", '"1e5000"', '"2**99999"', '"1e42"', '"-1"']

# ----- the property -----


def outcome(load, error_type):
    """Run ``load``: its result, or None after checking that it raised exactly ``error_type`` with a good message."""
    try:
        return load()
    except StateError as exc:
        assert isinstance(exc, error_type), f"{type(exc).__name__} instead of {error_type.__name__}: {exc}"
        message = str(exc)
        assert message.strip(), "empty message"
        assert len(message.splitlines()) == 1, f"message of several lines: {message!r}"
        assert len(message) <= state.MAX_MESSAGE_CHARS
        return None


def load_state(text):
    def load():
        payload = state.parse(text, "fuzz.json")
        return state.validate(payload, "spacetime", SPECS["spacetime"], "fuzz.json")

    loaded = outcome(load, StateError)
    if loaded is not None:  # what was read can be written and reads back the same
        again = state.validate(state.parse(state_text(loaded)), "spacetime", SPECS["spacetime"])
        assert again == loaded
    return loaded


def load_lesson(text):
    def load():
        return lesson.validate_lesson(lesson.parse_lesson(text, "fuzz.json"), specs_for, "fuzz.json")

    loaded = outcome(load, LessonError)
    if loaded is not None:
        text_again = lesson.lesson_to_json(loaded.title, list(loaded.scenes), specs_for)
        assert lesson.validate_lesson(lesson.parse_lesson(text_again), specs_for) == loaded
    return loaded


LOADERS = {"state": load_state, "lesson": load_lesson}
VALID_TEXTS = {"state": valid_state_texts, "lesson": valid_lesson_texts}
kinds = pytest.mark.parametrize("kind", sorted(LOADERS))


def paths(document, prefix=()):
    """Every place in a document: () is the whole, ("scenes", 0, "params") one value inside."""
    yield prefix
    children = document.items() if isinstance(document, dict) else enumerate(document) if isinstance(document, list) \
        else ()
    for key, child in children:
        yield from paths(child, (*prefix, key))


def replaced(document, path, value):
    if not path:
        return value
    document = copy.deepcopy(document)
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return document


def with_token(text, data, token):
    """The valid file ``text`` with the raw JSON ``token`` put in place of one of its values."""
    document = json.loads(text)
    path = data.draw(st.sampled_from(list(paths(document))))
    marker = "\x00TOKEN\x00"
    return json.dumps(replaced(document, path, marker), ensure_ascii=False).replace(json.dumps(marker), token)


# ----- tests -----


@kinds
@FAST
@given(document=json_values)
def test_random_json_values(kind, document):
    LOADERS[kind](json.dumps(document))


@kinds
@FAST
@given(document=st.dictionaries(st.sampled_from(["app", "version", "kind", "tab", "params", "view", "title", "caption",
                                                 "hidden", "ranges", "scenes", "x"]), json_values, max_size=8))
def test_random_objects_with_our_keys(kind, document):
    if "app" in document and document["app"] is None:
        document["app"] = state.APP_ID  # get past the first check more often
    LOADERS[kind](json.dumps(document))


@kinds
@FAST
@given(data=st.data(), value=json_values)
def test_valid_files_with_one_value_replaced(kind, data, value):
    document = json.loads(data.draw(VALID_TEXTS[kind]))
    path = data.draw(st.sampled_from(list(paths(document))))
    LOADERS[kind](json.dumps(replaced(document, path, value)))


WRONG_TYPES = [None, True, False, 0, -1, 1.5, 10**400, "", "x", "\n", "1e999", [], [[]], [{}], [None], [0, 1], {},
               {"a": []}, {"beta": 0.5}]
RICH_SCENES = [
    TabState("spacetime", {"beta": 0.5, "steps": 3, "grid": False}, {"frame": 1, "list": [1, 2], "deep": {"a": [0]}},
             title="One", caption="c", hidden=("grid", "beta"), ranges=(None, ((0.0, 1.0), (-1.0, 1.0)))),
    TabState("abc", {"N": 10**40, "range": 1_000, "methods": ("b", "c"), "words": "x, y"}, {}, title="Two",
             hidden=("words",), ranges=(((0.0, 1.0), (0.0, 2.0)),)),
]
RICH_TEXTS = {"state": state_text(RICH_SCENES[0]), "lesson": lesson.lesson_to_json("Rich", RICH_SCENES, specs_for)}


@kinds
def test_every_value_of_a_valid_file_replaced_by_every_wrong_type(kind):
    document = json.loads(RICH_TEXTS[kind])
    for path in paths(document):
        for value in WRONG_TYPES:
            LOADERS[kind](json.dumps(replaced(document, path, value)))


@kinds
@FAST
@given(data=st.data())
def test_valid_files_with_one_key_removed_or_added(kind, data):
    document = json.loads(data.draw(VALID_TEXTS[kind]))
    objects = [path for path in paths(document) if isinstance(_at(document, path), dict)]
    path = data.draw(st.sampled_from(objects))
    target = copy.deepcopy(_at(document, path))
    if target and data.draw(st.booleans()):
        del target[data.draw(st.sampled_from(sorted(target)))]
    else:
        target[data.draw(st.text(max_size=6))] = data.draw(json_values)
    LOADERS[kind](json.dumps(replaced(document, path, target)))


def _at(document, path):
    for key in path:
        document = document[key]
    return document


@kinds
@FAST
@given(data=st.data())
def test_valid_files_load(kind, data):
    assert LOADERS[kind](data.draw(VALID_TEXTS[kind])) is not None


@kinds
@FAST
@given(data=st.data())
def test_truncated_files(kind, data):
    text = data.draw(VALID_TEXTS[kind])
    cut = data.draw(st.integers(0, len(text.rstrip()) - 1))
    assert LOADERS[kind](text[:cut]) is None  # the closing brace is gone: never valid


@kinds
@FAST
@given(data=st.data(), token=st.sampled_from(HUGE_NUMBER_TOKENS))
def test_huge_nan_and_infinite_numbers(kind, data, token):
    LOADERS[kind](with_token(data.draw(VALID_TEXTS[kind]), data, token))


@kinds
@settings(max_examples=25, deadline=None)
@given(data=st.data(), depth=st.integers(1, 100_000), opener=st.sampled_from(['[', '{"k": ']))
def test_deep_nesting(kind, data, depth, opener):
    closer = "]" if opener == "[" else "}"
    nested = opener * depth + "0" + closer * depth
    loaded = LOADERS[kind](with_token(data.draw(VALID_TEXTS[kind]), data, nested))
    assert loaded is None or depth < state.MAX_NESTING


@kinds
@FAST
@given(data=st.data(), flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                                      min_size=1, max_size=4))
def test_corrupted_bytes(kind, data, flips, tmp_path_factory):
    raw = bytearray(data.draw(VALID_TEXTS[kind]).encode("utf-8"))
    for where, byte in flips:
        raw[int(where * len(raw))] = byte
    path = tmp_path_factory.getbasetemp() / "corrupted.json"
    path.write_bytes(bytes(raw))
    read = {"state": state.read, "lesson": lesson.read_lesson}[kind]
    outcome(lambda: read(path), LessonError if kind == "lesson" else StateError)


@kinds
@FAST
@given(raw=st.binary(max_size=300))
def test_random_bytes(kind, raw, tmp_path_factory):
    path = tmp_path_factory.getbasetemp() / "random.json"
    path.write_bytes(raw)
    read = {"state": state.read, "lesson": lesson.read_lesson}[kind]
    outcome(lambda: read(path), LessonError if kind == "lesson" else StateError)
