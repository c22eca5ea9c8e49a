"""Versioned JSON files for one tab's full state (a *scene*): parameters, view, title, caption, hidden parameters and
plot ranges. A state file and a scene file are the same format. Everything is validated before anything is applied.

Hostile files (truncated, binary, huge, deeply nested, absurd numbers, wrong types) give one :class:`StateError` with a
one-line message and nothing else. Duplicate keys in a JSON object are rejected: in a hand-edited file they are almost
always a mistake, and "the last one wins" would hide it. The loading guards and envelope checks are shared with
:mod:`explorer.lesson`.

QSettings is for preferences only (window geometry, theme, last tab); see :mod:`explorer.window`.
"""

from __future__ import annotations

import json
import math
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.params import ParamSpec, spec_by_name

APP_ID = "scientific-spaces-explorer"
STATE_VERSION = 2
MAX_STATE_BYTES = 1_000_000  # a state file is a few hundred bytes; anything huge is not ours
MAX_NESTING = 32  # containers inside containers; our files use at most 5
MAX_INT_DIGITS = 1000  # JSON integers; bigint parameters are written as strings anyway
MAX_TEXT_CHARS = 2000  # a title or a caption
MAX_VIEW_BYTES = 10_000  # a tab's view entries, as JSON
MAX_RANGES = 64  # plot panels of one tab
MAX_MESSAGE_CHARS = 400

# A scene's keys; a state file adds ENVELOPE_KEYS, a lesson holds scenes without them.
SCENE_KEYS = ("kind", "tab", "params", "view", "title", "caption", "hidden", "ranges")
ENVELOPE_KEYS = ("app", "version")

PlotRange = tuple[tuple[float, float], tuple[float, float]]

_TAB_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # from "\ud800" escapes; such text cannot be written back as UTF-8


class StateError(ValueError):
    """A file that cannot be read, applied or written; the message says why, on one line of bounded length."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))


@dataclass(frozen=True)
class TabState:
    tab: str
    params: dict[str, Any]
    view: dict[str, Any]
    title: str = ""
    caption: str = ""
    hidden: tuple[str, ...] = ()  # parameter names whose controls are hidden
    ranges: tuple[PlotRange | None, ...] = ()  # per plot panel in order; None = automatic range


@dataclass(frozen=True)
class FileFormat:
    """What tells one kind of file from another; loading, envelope checks and migrations are shared."""

    kind: str  # the file's "kind" field
    noun: str  # for messages: "state file"
    version: int  # the version this app writes and reads up to
    migrations: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]]  # version N payload -> version N + 1
    keys: tuple[str, ...]  # allowed top-level keys
    max_bytes: int


def _scene_from_v1(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no kind, title, caption, hidden or ranges; their defaults describe a v1 file exactly."""
    return {**payload, "version": 2, "kind": "scene"}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _scene_from_v1}
STATE_FORMAT = FileFormat("scene", "state file", STATE_VERSION, MIGRATIONS, ENVELOPE_KEYS + SCENE_KEYS,
                          MAX_STATE_BYTES)


# ----- writing -----
def to_json(tab: str, specs: tuple[ParamSpec, ...], params: dict[str, Any], view: dict[str, Any], *, title: str = "",
            caption: str = "", hidden: tuple[str, ...] = (), ranges: tuple = ()) -> str:
    """The state file text. Checked as a reader would check it, so a saved file always opens again."""
    scene = scene_payload(tab, specs, params, view, title=title, caption=caption, hidden=hidden, ranges=ranges)
    payload = {"app": APP_ID, "version": STATE_VERSION, "kind": "scene", **scene}
    validate(payload, tab, specs, "state to save")
    return dump(payload, STATE_FORMAT)


def save(path: str | Path, tab: str, specs: tuple[ParamSpec, ...], params: dict, view: dict, *, title: str = "",
         caption: str = "", hidden: tuple[str, ...] = (), ranges: tuple = ()) -> None:
    write_text(path, to_json(tab, specs, params, view, title=title, caption=caption, hidden=hidden, ranges=ranges))


def scene_payload(tab: str, specs: tuple[ParamSpec, ...], params: dict[str, Any], view: dict[str, Any], *,
                  title: str = "", caption: str = "", hidden: tuple[str, ...] = (), ranges: tuple = ()) -> dict:
    """One scene as JSON-ready data, keys in file order; a state file wraps it in the envelope, a lesson lists it."""
    return {
        "tab": tab,
        "params": {spec.name: spec.to_json(params[spec.name]) for spec in specs},
        "view": view,
        "title": title,
        "caption": caption,
        "hidden": list(hidden),
        "ranges": list(ranges),  # json writes the (x0, x1), (y0, y1) tuples as lists
    }


def dump(payload: dict[str, Any], file_format: FileFormat) -> str:
    """Human-readable JSON (Chinese stays Chinese) that the reader of ``file_format`` accepts."""
    text = json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise StateError("cannot save: the text contains an unpaired surrogate character") from None
    if size > file_format.max_bytes:
        raise StateError(f"cannot save: the {file_format.noun} would be {size:,} bytes; at most "
                         f"{file_format.max_bytes:,}")
    return text


def write_text(path: str | Path, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StateError(f"cannot write {path}: {exc.strerror or exc}") from None


# ----- reading -----
def read(path: str | Path) -> dict[str, Any]:
    """Read a state file and check its envelope; return the payload, migrated to the current version."""
    path = Path(path)
    return parse(read_text(path, STATE_FORMAT), path.name)


def parse(text: str, source: str = "state") -> dict[str, Any]:
    """Check the envelope and the shape of a state file's text; return the payload, migrated to the current version."""
    payload = load(text, source, STATE_FORMAT)
    check_scene(payload, source)
    return payload


def read_text(path: Path, file_format: FileFormat) -> str:
    """A file's text, refusing what cannot be ours without reading it all (huge files, devices, pipes)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StateError(f"{path} is not a {file_format.noun}: it is not a regular file")
        with path.open("rb") as file:
            data = file.read(file_format.max_bytes + 1)  # not st_size: the file may grow after stat
    except FileNotFoundError:
        raise StateError(f"no such file: {path}") from None
    except OSError as exc:
        raise StateError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > file_format.max_bytes:
        raise StateError(f"{path.name} is too large to be a {file_format.noun} (at most {file_format.max_bytes:,} "
                         "bytes)")
    try:
        return data.decode("utf-8-sig")  # editors on Windows may start the file with a byte-order mark
    except UnicodeDecodeError:
        raise StateError(f"{path.name} is not a {file_format.noun}: it is not UTF-8 text") from None


def load(text: str, source: str, file_format: FileFormat) -> dict[str, Any]:
    """Parse JSON with the hostile-input guards, check the envelope, migrate to the current version, check the keys."""
    payload = _load_json(text, source, file_format.max_bytes)
    if not isinstance(payload, dict) or payload.get("app") != APP_ID:
        raise StateError(f"{source} is not a Scientific Spaces Explorer {file_format.noun}")
    kind = payload.get("kind")
    if kind is not None and kind != file_format.kind:  # checked before the version: lessons number theirs apart
        raise StateError(f"{source} is a {kind!r} file, not a {file_format.noun}" if isinstance(kind, str)
                         else f"{source} has an invalid kind {kind!r}")
    version = payload.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise StateError(f"{source} has no valid version number (an integer), got {version!r}")
    if version > file_format.version:
        raise StateError(f"{source} has version {version}; this app reads up to version {file_format.version}")
    if version < min(file_format.migrations, default=file_format.version):
        raise StateError(f"{source} has an unknown version {version}")
    for old_version in range(version, file_format.version):
        payload = file_format.migrations[old_version](payload)
    if payload.get("kind") != file_format.kind:
        raise StateError(f"{source} does not say what kind of file it is ('kind' is missing)")
    check_keys(payload, file_format.keys, source)
    return payload


def check_keys(document: dict[str, Any], allowed: tuple[str, ...], source: str) -> None:
    unknown = [key for key in document if key not in allowed]
    if unknown:
        raise StateError(f"{source}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                         f"the keys are {', '.join(allowed)}")


def check_scene(scene: Any, source: str, keys: tuple[str, ...] | None = None) -> None:
    """The shape of one scene: an object naming its tab, with object params and view. Values are for validate."""
    if not isinstance(scene, dict):
        raise StateError(f"{source} must be an object, got {scene!r}")
    if keys is not None:
        check_keys(scene, keys, source)
    if scene.get("kind", "scene") != "scene":
        raise StateError(f"{source}: 'kind' of a scene must be 'scene', got {scene['kind']!r}")
    tab = scene.get("tab")
    if not isinstance(tab, str):
        raise StateError(f"{source} does not say which tab it is for")
    if not _TAB_NAME.fullmatch(tab):
        raise StateError(f"{source}: {tab!r} is not a tab name")
    for key in ("params", "view"):
        if not isinstance(scene.get(key, {}), dict):
            raise StateError(f"{source}: '{key}' must be an object")


# ----- validating -----
def validate(payload: dict[str, Any], tab: str, specs: tuple[ParamSpec, ...], source: str = "state",
             view_specs: tuple[ParamSpec, ...] | None = None) -> TabState:
    """Check a payload against one tab's specs. Missing fields take their defaults; unknown parameters are errors.

    ``view_specs`` (the tab's ``view_specs``) checks the view entries the same way; None checks only their shape.
    """
    check_scene(payload, source)
    if payload["tab"] != tab:
        raise StateError(f"{source} is for the '{payload['tab']}' tab, not '{tab}'")
    params = {spec.name: spec.default for spec in specs}
    for name, value in payload.get("params", {}).items():
        try:
            params[name] = spec_by_name(specs, name).validate(value)
        except ValueError as exc:
            raise StateError(f"{source}: {exc}") from None
    return TabState(
        tab=tab,
        params=params,
        view=_view(payload.get("view", {}), source, view_specs),
        title=text_field(payload, "title", source),
        caption=text_field(payload, "caption", source),
        hidden=_hidden(payload.get("hidden", []), specs, source),
        ranges=_ranges(payload.get("ranges", []), source),
    )


def text_field(payload: dict[str, Any], key: str, source: str) -> str:
    """An optional title or caption."""
    value = payload.get(key, "")
    if not isinstance(value, str):
        raise StateError(f"{source}: {key}: expected text, got {value!r}")
    if len(value) > MAX_TEXT_CHARS:
        raise StateError(f"{source}: {key}: {len(value):,} characters is too long; at most {MAX_TEXT_CHARS:,}")
    return value


def finite_number(value: Any) -> bool:
    """For views validating their own entries: a real, finite JSON number that converts to float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond float range
        return False


def _view(view: dict[str, Any], source: str, specs: tuple[ParamSpec, ...] | None) -> dict[str, Any]:
    """Plain JSON of bounded size, whose entries (if ``specs`` are given) are the tab's and valid."""
    try:
        size = len(json.dumps(view, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    except (TypeError, ValueError, RecursionError):
        raise StateError(f"{source}: 'view' must hold only JSON values (finite numbers, text, lists, objects)"
                         ) from None
    if size > MAX_VIEW_BYTES:
        raise StateError(f"{source}: 'view' is too large ({size:,} bytes; at most {MAX_VIEW_BYTES:,})")
    if specs is None:
        return dict(view)
    checked = {}
    for name, value in view.items():
        spec = next((spec for spec in specs if spec.name == name), None)
        if spec is None:
            known = ", ".join(spec.name for spec in specs) or "none"
            raise StateError(f"{source}: view: unknown entry {name!r}; this tab's are: {known}")
        try:
            checked[name] = spec.validate(value)
        except ValueError as exc:
            raise StateError(f"{source}: view: {exc}") from None
    return checked


def _hidden(hidden: Any, specs: tuple[ParamSpec, ...], source: str) -> tuple[str, ...]:
    if isinstance(hidden, str) or not isinstance(hidden, (list, tuple)):
        raise StateError(f"{source}: hidden: expected a list of parameter names, got {hidden!r}")
    names = {spec.name for spec in specs}
    seen: set[str] = set()
    for name in hidden:
        if not isinstance(name, str) or name not in names:
            raise StateError(f"{source}: hidden: {name!r} is not a parameter of this tab")
        if name in seen:
            raise StateError(f"{source}: hidden: {name!r} is listed twice")
        seen.add(name)
    return tuple(hidden)


def _ranges(ranges: Any, source: str) -> tuple[PlotRange | None, ...]:
    if isinstance(ranges, str) or not isinstance(ranges, (list, tuple)):
        raise StateError(f"{source}: ranges: expected a list with one entry per plot, got {ranges!r}")
    if len(ranges) > MAX_RANGES:
        raise StateError(f"{source}: ranges: {len(ranges):,} entries; a tab has at most {MAX_RANGES} plots")
    return tuple(_plot_range(entry, f"{source}: ranges[{index}]") for index, entry in enumerate(ranges))


def _plot_range(entry: Any, where: str) -> PlotRange | None:
    if entry is None:
        return None
    if isinstance(entry, str) or not isinstance(entry, (list, tuple)) or len(entry) != 2:
        raise StateError(f"{where}: expected null (automatic) or [[x0, x1], [y0, y1]], got {entry!r}")
    return _interval(entry[0], "x", where), _interval(entry[1], "y", where)


def _interval(span: Any, axis: str, where: str) -> tuple[float, float]:
    if (isinstance(span, str) or not isinstance(span, (list, tuple)) or len(span) != 2
            or not all(finite_number(end) for end in span)):
        raise StateError(f"{where}: the {axis} range must be two finite numbers [{axis}0, {axis}1], got {span!r}")
    low, high = float(span[0]), float(span[1])
    if not (low < high and math.isfinite(high - low)):  # a width of inf would break zooming and ticks
        raise StateError(f"{where}: the {axis} range [{low:g}, {high:g}] needs {axis}0 < {axis}1 and a finite width")
    return low, high


# ----- JSON with guards against hostile input -----
def _load_json(text: str, source: str, max_chars: int) -> Any:
    if len(text) > max_chars:
        raise StateError(f"{source} is too large ({len(text):,} characters; at most {max_chars:,})")
    if not text.strip():
        raise StateError(f"{source} is empty")
    try:
        document = json.loads(text, parse_float=_finite_float, parse_int=_bounded_int,
                              parse_constant=_reject_constant, object_pairs_hook=_object_without_duplicates)
    except RecursionError:  # json's decoder recurses per level; the limit stops it long before the C stack ends
        raise StateError(f"{source} is nested too deeply (at most {MAX_NESTING} levels)") from None
    except json.JSONDecodeError as exc:
        raise StateError(f"{source} is not valid JSON: {exc}") from None
    except ValueError as exc:  # from the hooks below
        raise StateError(f"{source}: {exc}") from None
    _check_tree(document, source)
    return document


def _check_tree(document: Any, source: str) -> None:
    """Bounded depth (so later code may recurse over the document) and writable text, checked without recursion."""
    pending = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                raise StateError(f"{source} contains text with an unpaired surrogate escape (\\ud800 to \\udfff)")
        elif isinstance(value, (dict, list)):
            if depth > MAX_NESTING:
                raise StateError(f"{source} is nested too deeply (at most {MAX_NESTING} levels)")
            items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            pending.extend((item, depth + 1) for item in items)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # json would turn 1e999 into inf
        raise ValueError(f"the number {text} is out of range")
    return value


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:  # Python refuses past 4300 digits anyway, with a message about sys settings
        raise ValueError(f"an integer with {digits:,} digits is too long (at most {MAX_INT_DIGITS:,})")
    return int(text)


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed: numbers must be finite")


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return document


def _one_line(message: str) -> str:
    """Messages go into one-line labels and dialogs: no line breaks, and a hostile value cannot make them huge."""
    text = " ".join(str(message).splitlines())
    if len(text) <= MAX_MESSAGE_CHARS:
        return text
    head = MAX_MESSAGE_CHARS * 2 // 3
    return text[:head] + " … " + text[len(text) - (MAX_MESSAGE_CHARS - head - 3):]
