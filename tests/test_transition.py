"""Scene-to-scene glides: the eased path starts and ends exactly, moves monotonically and respects each kind."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.params import ParamSpec
from explorer.transition import ease, interpolate, is_animated

SPECS = (
    ParamSpec("tau", "float", 1.0, minimum=0.01, maximum=100.0, log=True, decimals=4),
    ParamSpec("beta", "float", 0.0, minimum=-0.99, maximum=0.99, decimals=3),
    ParamSpec("k", "int", 2, minimum=1, maximum=20),
    ParamSpec("N", "bigint", 130, minimum=1),
    ParamSpec("method", "choice", "a", choices=("a", "b")),
)
START = {"tau": 0.01, "beta": -0.5, "k": 1, "N": 130, "method": "a"}
END = {"tau": 100.0, "beta": 0.5, "k": 20, "N": 10**30, "method": "b"}


def test_ends_are_exact():
    assert interpolate(SPECS, START, END, 0.0) == {**END, "tau": 0.01, "beta": -0.5, "k": 1}
    assert interpolate(SPECS, START, END, 1.0) == END


def test_log_floats_move_geometrically_and_others_linearly():
    middle = interpolate(SPECS, START, END, 0.5)  # ease(0.5) = 0.5
    assert middle["tau"] == pytest.approx(1.0, rel=1e-4)  # geometric mean of 0.01 and 100
    assert middle["beta"] == pytest.approx(0.0, abs=1e-12)
    assert middle["k"] in (10, 11)
    assert middle["N"] == 10**30 and middle["method"] == "b"  # no in-between for these kinds


@given(st.floats(0, 1), st.floats(0, 1))
def test_monotone_and_in_range(t1, t2):
    lo, hi = sorted((t1, t2))
    a, b = interpolate(SPECS, START, END, lo), interpolate(SPECS, START, END, hi)
    for name in ("tau", "beta", "k"):
        assert a[name] <= b[name]
        spec = next(s for s in SPECS if s.name == name)
        assert spec.minimum <= a[name] <= spec.maximum


def test_ease_is_smoothstep():
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == 0.5
    h = 1e-6
    assert abs(ease(h) - ease(0)) / h < 1e-5  # starts at rest
    assert math.isclose(ease(-3), 0) and math.isclose(ease(7), 1)


def test_is_animated_only_for_numeric_changes():
    assert is_animated(SPECS, START, END)
    assert not is_animated(SPECS, START, {**START, "N": 7, "method": "b"})
