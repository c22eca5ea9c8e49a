"""Parameter specs: declared once per tab, they drive controls, JSON state, ``--set`` and validation.

Qt-free so that the command line and state files can be validated without a GUI.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

KINDS = ("float", "int", "bigint", "bool", "choice", "multi", "text")

_MESSAGE_CHARS = 200  # an echoed entry can be a pasted page: the middle of a longer message is left out
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class ParamSpec:
    """One tab parameter.

    kind: ``float``/``int`` (slider), ``bigint`` (integer of any size, text field), ``bool``, ``choice`` (one of
    ``choices``), ``multi`` (a subset of ``choices``, in ``choices`` order), ``text`` (a string checked by ``check``).
    """

    name: str
    kind: str
    default: Any
    label: str = ""
    tooltip: str = ""
    minimum: float | int | None = None
    maximum: float | int | None = None
    step: float | None = None
    log: bool = False
    unit: str = ""
    choices: tuple = ()
    choice_labels: tuple = ()
    decimals: int = 3
    check: Callable[[str], Any] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"parameter {self.name!r}: unknown kind {self.kind!r}")
        if self.log and (self.minimum is None or self.minimum <= 0):
            raise ValueError(f"parameter {self.name!r}: a log-scale range needs a positive minimum")
        self.validate(self.default)

    @property
    def display_label(self) -> str:
        return self.label or self.name

    def label_of(self, choice: Any) -> str:
        if self.choice_labels:
            return self.choice_labels[self.choices.index(choice)]
        return str(choice)

    def _fail(self, message: str) -> ValueError:
        return ValueError(_brief(f"{self.name}: {message}"))

    def _choices_text(self) -> str:
        return ", ".join("''" if choice == "" else str(choice) for choice in self.choices)  # an empty one is seen

    def _range_text(self) -> str:
        lo = "-inf" if self.minimum is None else f"{self.minimum:g}"
        hi = "inf" if self.maximum is None else f"{self.maximum:g}"
        return f"[{lo}, {hi}]"

    def _check_range(self, value: float | int) -> None:
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise self._fail(f"{_number_text(value)} is outside the allowed range {self._range_text()}")

    def validate(self, value: Any) -> Any:
        """Return ``value`` in canonical form, or raise ValueError saying what is wrong. Never clamps."""
        kind = self.kind
        if kind == "bool":
            if isinstance(value, bool):
                return value
            raise self._fail(f"expected true or false, got {value!r}")
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self._fail(f"expected a number, got {value!r}")
            try:
                value = float(value)
            except OverflowError:
                raise self._fail(f"{_number_text(value)} is outside the allowed range {self._range_text()}") from None
            if not math.isfinite(value):
                raise self._fail(f"expected a finite number, got {value!r}")
            self._check_range(value)
            return value
        if kind in ("int", "bigint"):
            if isinstance(value, str) and kind == "bigint":
                return self.parse(value)
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer() and kind == "int":
                    value = int(value)
                else:
                    raise self._fail(f"expected an integer, got {value!r}")
            self._check_range(value)
            return value
        if kind == "choice":
            if value not in self.choices:
                raise self._fail(f"expected one of {self._choices_text()}; got {value!r}")
            return value
        if kind == "multi":
            if isinstance(value, str) or not isinstance(value, (list, tuple)):
                raise self._fail(f"expected a list of choices, got {value!r}")
            unknown = [v for v in value if v not in self.choices]
            if unknown:
                raise self._fail(f"unknown choice {unknown[0]!r}; expected some of {self._choices_text()}")
            twice = next((v for i, v in enumerate(value) if v in value[:i]), None)
            if twice is not None:
                raise self._fail(f"{twice!r} is listed twice")
            return tuple(c for c in self.choices if c in value)
        # text
        if not isinstance(value, str):
            raise self._fail(f"expected text, got {value!r}")
        if self.check is not None:
            try:
                self.check(value)
            except ValueError as exc:
                raise self._fail(str(exc)) from None
        return value

    def parse(self, text: str) -> Any:
        """Parse a command-line or text-field value and validate it."""
        raw = text.strip()
        kind = self.kind
        if kind == "bool":
            if raw.lower() in _TRUE:
                return True
            if raw.lower() in _FALSE:
                return False
            raise self._fail(f"expected true or false, got {text!r}")
        if kind == "float":
            try:
                value = float(raw)
            except ValueError:
                raise self._fail(f"expected a number, got {text!r}") from None
            return self.validate(value)
        if kind in ("int", "bigint"):
            if len(raw) > _MAX_INT_TEXT:
                raise self._fail(f"{len(raw)} characters is too long for a number (at most {_MAX_INT_TEXT})")
            value = _parse_int(raw)
            if value is None:
                raise self._fail(f"expected an integer, got {text!r}")
            if isinstance(value, bool):
                raise self._fail(f"expected an integer, got {text!r}")
            self._check_range(value)
            return value
        if kind == "choice":
            for choice in self.choices:
                if str(choice) == raw:
                    return choice
            return self.validate(raw)
        if kind == "multi":
            items = [part.strip() for part in raw.split(",") if part.strip()]
            return self.validate(items)
        return self.validate(text)

    def to_json(self, value: Any) -> Any:
        if self.kind == "multi":
            return list(value)
        if self.kind == "bigint":
            return str(value)  # JSON readers outside Python lose precision past 2**53
        return value


def _brief(message: str) -> str:
    if len(message) <= _MESSAGE_CHARS:
        return message
    half = _MESSAGE_CHARS // 2
    return f"{message[:half]} … {message[-half:]}"


def _number_text(value: float | int) -> str:
    """A value in a message, short but exact: plain ``:g`` would say "1e+42 is outside [1, 1e+42]" of 10**42 + 1,
    and fails on integers too large for a float."""
    if isinstance(value, int):
        if value.bit_length() > 256:
            return f"a number of about {round(value.bit_length() * math.log10(2))} digits"
        return str(value)
    text = f"{value:g}"
    return text if float(text) == value else repr(value)


_MAX_INT_TEXT = 4000  # Python reads at most 4300 digits into an int by default (sys.get_int_max_str_digits)


def _parse_int(raw: str) -> int | None:
    """Integers in decimal, with ``_`` separators, scientific ``1e18``/``1.5e3`` or powers ``2**61-1``/``10^15``."""
    compact = raw.replace("_", "").replace(" ", "").replace("^", "**")
    if not compact:
        return None
    try:
        return int(compact)
    except ValueError:
        pass
    return _parse_int_expression(compact)


def _parse_int_expression(text: str) -> int | None:
    """Exact integer forms ``AeB`` and ``A**B [+-] C`` without eval, so huge N stay exact."""
    match = re.fullmatch(r"(\d+)(?:\.(\d*))?(?:[eE]\+?(\d+))?", text)
    if match:
        # A decimal point is fine where the value is still whole: 1.5e3, 16.0.
        fraction = (match.group(2) or "").rstrip("0")
        exponent = int(match.group(3) or 0)
        if exponent > 10_000 or len(fraction) > exponent:
            return None
        return int(match.group(1) + fraction) * 10 ** (exponent - len(fraction))
    match = re.fullmatch(r"(\d+)\*\*(\d+)(?:([+-])(\d+))?", text)
    if match:
        base, exponent = int(match.group(1)), int(match.group(2))
        if exponent > 100_000 or base.bit_length() * exponent > 400_000:
            return None
        value = base**exponent
        if match.group(3):
            offset = int(match.group(4))
            value = value + offset if match.group(3) == "+" else value - offset
        return value
    return None


def defaults(specs: tuple[ParamSpec, ...]) -> dict[str, Any]:
    return {spec.name: spec.default for spec in specs}


def spec_by_name(specs: tuple[ParamSpec, ...], name: str) -> ParamSpec:
    for spec in specs:
        if spec.name == name:
            return spec
    known = ", ".join(spec.name for spec in specs)
    raise ValueError(_brief(f"unknown parameter {name!r}; this tab has: {known}"))


def parse_assignment(specs: tuple[ParamSpec, ...], text: str) -> tuple[str, Any]:
    """Parse ``NAME=VALUE`` from the command line."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(_brief(f"expected NAME=VALUE, got {text!r}"))
    spec = spec_by_name(specs, name.strip())
    return spec.name, spec.parse(value)
