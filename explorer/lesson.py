"""Lessons: an ordered list of scenes (one tab's full state each, with a title and caption) in one JSON file.

Payload: ``{"app", "version": 1, "kind": "lesson", "title", "scenes": [scene, ...]}``, where each scene is a state
payload (see :mod:`explorer.state`) without "app" and "version"; in a scene only "tab" and "params" are required.
Loading guards, envelope checks and scene validation are :mod:`explorer.state`'s; every error is a
:class:`LessonError`, which is a :class:`~explorer.state.StateError`. Pure Python: no Qt.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from explorer import state
from explorer.params import ParamSpec
from explorer.state import APP_ID, StateError, TabState

LESSON_VERSION = 1
MAX_LESSON_BYTES = 5_000_000  # 200 scenes with the largest views and captions fit
MAX_SCENES = 200
MAX_TITLE_IN_MESSAGE = 40  # a scene's title where an error names the scene
SAVING = "lesson to save"  # the source named by errors in what the app was asked to write

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}  # version 1 is the first
LESSON_FORMAT = state.FileFormat("lesson", "lesson file", LESSON_VERSION, MIGRATIONS,
                                 ("app", "version", "kind", "title", "scenes"), MAX_LESSON_BYTES)

SpecsFor = Callable[[str], tuple[ParamSpec, ...]]  # raises KeyError for an unknown tab
Result = TypeVar("Result")


class LessonError(StateError):
    """A lesson file that cannot be read, applied or written."""


@dataclass(frozen=True)
class Lesson:
    title: str
    scenes: tuple[TabState, ...]


def _lesson_errors(function: Callable[..., Result]) -> Callable[..., Result]:
    """The shared checks raise StateError; callers of this module get LessonError (still a StateError)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Result:
        try:
            return function(*args, **kwargs)
        except LessonError:
            raise
        except StateError as exc:
            raise LessonError(str(exc)) from None

    return wrapper


@_lesson_errors
def read_lesson(path: str | Path) -> dict[str, Any]:
    """Read a lesson file and check its envelope and the shape of each scene; return the payload."""
    path = Path(path)
    return parse_lesson(state.read_text(path, LESSON_FORMAT), path.name)


@_lesson_errors
def parse_lesson(text: str, source: str = "lesson") -> dict[str, Any]:
    payload = state.load(text, source, LESSON_FORMAT)
    for where, scene in _named_scenes(payload, source):
        state.check_scene(scene, where, state.SCENE_KEYS)
    return payload


@_lesson_errors
def validate_lesson(payload: dict[str, Any], specs_for: SpecsFor, source: str = "lesson",
                    view_specs_for: SpecsFor | None = None) -> Lesson:
    """Validate every scene against its tab's specs (and view specs, if given); an error names the scene by number
    and title."""
    title = state.text_field(payload, "title", source)
    scenes = []
    for where, scene in _named_scenes(payload, source):
        state.check_scene(scene, where)
        specs = _specs(specs_for, scene["tab"], where)
        view_specs = None if view_specs_for is None else _specs(view_specs_for, scene["tab"], where)
        scenes.append(state.validate(scene, scene["tab"], specs, where, view_specs))
    return Lesson(title=title, scenes=tuple(scenes))


@_lesson_errors
def lesson_to_json(title: str, scenes: list[TabState], specs_for: SpecsFor) -> str:
    """The lesson file text, checked as a reader would check it, so a saved lesson always opens again."""
    payload = {
        "app": APP_ID,
        "version": LESSON_VERSION,
        "kind": "lesson",
        "title": title,
        "scenes": [
            state.scene_payload(scene.tab, _specs(specs_for, scene.tab, _scene_name(SAVING, number, scene.title)),
                                scene.params, scene.view, title=scene.title, caption=scene.caption,
                                hidden=scene.hidden, ranges=scene.ranges)
            for number, scene in enumerate(scenes, start=1)
        ],
    }
    validate_lesson(payload, specs_for, SAVING)
    return state.dump(payload, LESSON_FORMAT)


@_lesson_errors
def save_lesson(path: str | Path, title: str, scenes: list[TabState], specs_for: SpecsFor) -> None:
    state.write_text(path, lesson_to_json(title, scenes, specs_for))


def _scene_list(payload: dict[str, Any], source: str) -> list[Any]:
    scenes = payload.get("scenes")
    if not isinstance(scenes, list):
        raise LessonError(f"{source}: 'scenes' must be a list of scenes")
    if not 1 <= len(scenes) <= MAX_SCENES:
        raise LessonError(f"{source} has {len(scenes):,} scenes; a lesson has 1 to {MAX_SCENES}")
    return scenes


def _named_scenes(payload: dict[str, Any], source: str) -> Iterator[tuple[str, Any]]:
    for number, scene in enumerate(_scene_list(payload, source), start=1):
        yield _scene_name(source, number, scene.get("title") if isinstance(scene, dict) else None), scene


def _scene_name(source: str, number: int, title: Any) -> str:
    """``intro.json, scene 3 ('The sawtooth')``: how errors name a scene."""
    if not isinstance(title, str) or not title:
        return f"{source}, scene {number}"
    if len(title) > MAX_TITLE_IN_MESSAGE:
        title = title[:MAX_TITLE_IN_MESSAGE - 1] + "…"
    return f"{source}, scene {number} ({title!r})"


def _specs(specs_for: SpecsFor, tab: str, where: str) -> tuple[ParamSpec, ...]:
    try:
        return specs_for(tab)
    except KeyError:
        raise LessonError(f"{where}: unknown tab {tab!r}") from None
