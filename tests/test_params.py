
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.params import ParamSpec, parse_assignment

BETA = ParamSpec("beta", "float", 0.6, minimum=-0.99, maximum=0.99)
TAU = ParamSpec("tau", "float", 1.0, minimum=1e-3, maximum=1e3, log=True)
K = ParamSpec("k", "int", 2, minimum=1, maximum=10)
N = ParamSpec("N", "bigint", 130, minimum=1)
SHOW = ParamSpec("grid", "bool", True)
METHOD = ParamSpec("method", "choice", "euler", choices=("euler", "heun"))
METHODS = ParamSpec("methods", "multi", ("a",), choices=("a", "b", "c"))
SPECS = (BETA, TAU, K, N, SHOW, METHOD, METHODS)


def test_parse_each_kind():
    assert BETA.parse("0.5") == 0.5
    assert K.parse(" 7 ") == 7
    assert SHOW.parse("off") is False and SHOW.parse("YES") is True
    assert METHOD.parse("heun") == "heun"
    assert METHODS.parse("c, a") == ("a", "c")


def test_bigint_exact_forms():
    assert N.parse("10^40") == 10**40
    assert N.parse("2**61-1") == 2**61 - 1
    assert N.parse("1e18") == 10**18
    assert N.parse("1_000_000") == 10**6
    assert N.parse(str(3**200)) == 3**200
    # A decimal point where the value is still whole (the float 1.5e3 was refused while 1e15 was taken).
    assert N.parse("1.5e3") == 1500 and N.parse("1.50e1") == 15 and N.parse("16.0") == 16 and K.parse("7.") == 7
    assert N.parse("1.2345678901234567890123e22") == 12345678901234567890123  # exact, past a float's 16 digits
    assert N.parse("1e+3") == 1000


@pytest.mark.parametrize(
    "spec, text, fragment",
    [
        (BETA, "1.5", "outside the allowed range"),
        (BETA, "nan", "finite"),
        (BETA, "fast", "expected a number"),
        (K, "2.5", "expected an integer"),
        (K, "0", "outside"),
        (N, "-4", "outside"),
        (N, "12abc", "expected an integer"),
        (N, "9" * 5000, "5000 characters is too long for a number"),  # an integer, but Python reads 4300 digits
        (SHOW, "maybe", "true or false"),
        (METHOD, "rk4", "expected one of"),
        (METHODS, "a,z", "unknown choice"),
        (METHODS, "a,b,a", "'a' is listed twice"),
        (ParamSpec("focus", "choice", "", choices=("", "twins")), "z", "expected one of '', twins; got 'z'"),
        (N, "1.55e1", "expected an integer"),
        (N, "0.5", "expected an integer"),
        (K, "2.50", "expected an integer"),
    ],
)
def test_bad_values_name_the_parameter_and_the_problem(spec, text, fragment):
    with pytest.raises(ValueError) as info:
        spec.parse(text)
    assert str(info.value).startswith(spec.name + ":")
    assert fragment in str(info.value)


def test_validate_never_clamps_and_rejects_bool_as_number():
    with pytest.raises(ValueError):
        BETA.validate(0.999)
    with pytest.raises(ValueError):
        K.validate(True)
    with pytest.raises(ValueError):
        BETA.validate(float("inf"))


def test_assignment():
    assert parse_assignment(SPECS, "tau=0.01") == ("tau", 0.01)
    with pytest.raises(ValueError, match="unknown parameter 'speed'"):
        parse_assignment(SPECS, "speed=3")
    with pytest.raises(ValueError, match="NAME=VALUE"):
        parse_assignment(SPECS, "tau")


def test_spec_rejects_its_own_bad_declaration():
    with pytest.raises(ValueError):
        ParamSpec("x", "float", 5.0, minimum=0, maximum=1)
    with pytest.raises(ValueError):
        ParamSpec("x", "float", 1.0, minimum=0, maximum=2, log=True)


@given(st.floats(min_value=-0.99, max_value=0.99, allow_nan=False))
def test_float_round_trip_through_text(value):
    assert BETA.parse(repr(value)) == value


@given(st.integers(min_value=1, max_value=10**60))
def test_bigint_round_trip_through_json(value):
    assert N.validate(N.to_json(value)) == value
