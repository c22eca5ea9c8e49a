"""Noise schedules against their defining formulas, inverted independently."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from explorer.sampling import SCHEDULES, get_schedule, karras_sigmas, vp_cosine_sigmas, vp_linear_sigmas

steps_st = st.integers(1, 200)
range_st = st.tuples(st.floats(1e-3, 0.5), st.floats(1.0, 200.0))


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(SCHEDULES), steps_st, range_st)
def test_schedules_descend_from_sigma_max_to_zero(name, steps, bounds):
    lo, hi = bounds
    s = get_schedule(name, steps, lo, hi)
    assert s.shape == (steps + 1,)
    assert s[0] == hi and s[-1] == 0.0
    assert steps == 1 or s[-2] == lo
    assert np.all(np.diff(s) < 0)


def test_karras_is_linear_in_sigma_to_the_one_over_exponent():
    s = karras_sigmas(10, 0.002, 80.0, schedule_exponent=7.0)
    root = s[:-1] ** (1 / 7)
    np.testing.assert_allclose(np.diff(root), np.full(9, (0.002 ** (1 / 7) - 80 ** (1 / 7)) / 9), rtol=1e-10)
    # EDM's published first interior level for N = 18 (sigma_1 of their default ImageNet schedule).
    assert karras_sigmas(18)[1] == pytest.approx(57.5862, rel=1e-4)


def test_vp_linear_times_are_uniform():
    beta_min, beta_max = 0.1, 20.0
    s = vp_linear_sigmas(12, 0.01, 50.0, beta_min, beta_max)

    def alpha_bar(t):  # exp(-integral of beta from 0 to t)
        return math.exp(-(beta_min * t + 0.5 * (beta_max - beta_min) * t * t))

    times = [brentq(lambda t, sig=sig: alpha_bar(t) - 1 / (1 + sig**2), 0.0, 1.0, xtol=1e-15) for sig in s[:-1]]
    np.testing.assert_allclose(np.diff(times), np.full(11, (times[-1] - times[0]) / 11), rtol=1e-7)


def test_vp_cosine_times_are_uniform():
    offset = 0.008
    s = vp_cosine_sigmas(9, 0.005, 20.0, offset)

    def alpha_bar(t):
        f = lambda u: math.cos((u + offset) / (1 + offset) * math.pi / 2) ** 2  # noqa: E731
        return f(t) / f(0.0)

    times = [brentq(lambda t, sig=sig: alpha_bar(t) - 1 / (1 + sig**2), 0.0, 1.0, xtol=1e-15) for sig in s[:-1]]
    np.testing.assert_allclose(np.diff(times), np.full(8, (times[-1] - times[0]) / 8), rtol=1e-7)


def test_bad_schedule_arguments():
    with pytest.raises(ValueError, match="steps"):
        karras_sigmas(0)
    with pytest.raises(ValueError, match="sigma_min < sigma_max"):
        karras_sigmas(5, 1.0, 0.5)
    with pytest.raises(ValueError, match="schedule_exponent"):
        karras_sigmas(5, schedule_exponent=-1.0)
    with pytest.raises(ValueError, match="unknown schedule"):
        get_schedule("sigmoid", 5)
    with pytest.raises(ValueError, match="numbers"):
        vp_linear_sigmas(5, "a", 3.0)
