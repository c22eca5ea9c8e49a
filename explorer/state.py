"""Versioned JSON state for one tab: its parameters and view. Validated in full before anything is applied.

QSettings is for preferences only (window geometry, theme, last tab); see :mod:`explorer.window`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.params import ParamSpec, spec_by_name

APP_ID = "scientific-spaces-explorer"
STATE_VERSION = 1
MAX_STATE_BYTES = 1_000_000  # a state file is a few hundred bytes; anything huge is not ours


class StateError(ValueError):
    """A state file that cannot be applied; the message says why."""


@dataclass(frozen=True)
class TabState:
    tab: str
    params: dict[str, Any]
    view: dict[str, Any]


def to_json(tab: str, specs: tuple[ParamSpec, ...], params: dict[str, Any], view: dict[str, Any]) -> str:
    payload = {
        "app": APP_ID,
        "version": STATE_VERSION,
        "tab": tab,
        "params": {spec.name: spec.to_json(params[spec.name]) for spec in specs},
        "view": view,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save(path: str | Path, tab: str, specs: tuple[ParamSpec, ...], params: dict, view: dict) -> None:
    text = to_json(tab, specs, params, view)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StateError(f"cannot write {path}: {exc.strerror or exc}") from None


def read(path: str | Path) -> dict[str, Any]:
    """Read and check the envelope of a state file; return the payload."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_STATE_BYTES:
            raise StateError(f"{path.name} is too large to be a state file")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StateError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StateError(f"cannot read {path}: {exc}") from None
    return parse(text, path.name)


def parse(text: str, source: str = "state") -> dict[str, Any]:
    try:
        payload = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise StateError(f"{source} is not valid JSON: {exc}") from None
    except ValueError as exc:
        raise StateError(f"{source}: {exc}") from None
    if not isinstance(payload, dict) or payload.get("app") != APP_ID:
        raise StateError(f"{source} is not a Scientific Spaces Explorer state file")
    version = payload.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise StateError(f"{source} has no valid version number")
    if version > STATE_VERSION:
        raise StateError(f"{source} has version {version}; this app reads up to version {STATE_VERSION}")
    if version < 1:
        raise StateError(f"{source} has an unknown version {version}")
    if not isinstance(payload.get("tab"), str):
        raise StateError(f"{source} does not say which tab it is for")
    for key in ("params", "view"):
        if not isinstance(payload.get(key, {}), dict):
            raise StateError(f"{source}: '{key}' must be an object")
    return payload


def validate(payload: dict[str, Any], tab: str, specs: tuple[ParamSpec, ...], source: str = "state") -> TabState:
    """Check a payload against one tab's specs. Missing parameters take their defaults; unknown ones are errors."""
    if payload["tab"] != tab:
        raise StateError(f"{source} is for the '{payload['tab']}' tab, not '{tab}'")
    params = {spec.name: spec.default for spec in specs}
    for name, value in payload.get("params", {}).items():
        try:
            spec = spec_by_name(specs, name)
            params[name] = spec.validate(value)
        except ValueError as exc:
            raise StateError(f"{source}: {exc}") from None
    return TabState(tab=tab, params=params, view=dict(payload.get("view", {})))


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in a state file")


def finite_number(value: Any) -> bool:
    """For views validating their own entries: a real, finite JSON number."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
