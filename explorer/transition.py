"""Parameters in between two scenes, so a lesson glides from one figure to the next instead of jumping."""

from __future__ import annotations

import math
from typing import Any

from explorer.params import ParamSpec


def ease(t: float) -> float:
    """Smoothstep: starts and ends at rest, so the plots do not jerk at either end."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def interpolate(specs: tuple[ParamSpec, ...], start: dict[str, Any], end: dict[str, Any], t: float) -> dict[str, Any]:
    """Values a fraction ``t`` (0 to 1, eased) of the way from ``start`` to ``end``.

    Floats move linearly (geometrically on log scales), ints move and round; every other kind (choices, text, big
    integers, switches) takes its end value at once, since there is nothing in between. ``t = 1`` gives ``end``.
    """
    s = ease(t)
    values = dict(end)
    if s >= 1.0:
        return values
    for spec in specs:
        a, b = start.get(spec.name), end.get(spec.name)
        if a is None or b is None or a == b:
            continue
        if spec.kind == "float":
            if spec.log and a > 0 and b > 0:
                values[spec.name] = math.exp(math.log(a) + s * (math.log(b) - math.log(a)))
            else:
                values[spec.name] = a + s * (b - a)
            values[spec.name] = min(spec.maximum, max(spec.minimum, round(values[spec.name], spec.decimals)))
        elif spec.kind == "int":
            values[spec.name] = round(a + s * (b - a))
    return values


def is_animated(specs: tuple[ParamSpec, ...], start: dict[str, Any], end: dict[str, Any]) -> bool:
    """Whether any value glides between the two sets (otherwise the change is shown at once)."""
    return any(spec.kind in ("float", "int") and start.get(spec.name) != end.get(spec.name) for spec in specs)
