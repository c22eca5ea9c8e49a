"""Tests for explorer.spacetime.model against closed forms, mpmath and brute force."""

from __future__ import annotations

import ast
import cmath
import math
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import mpmath as mp
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import explorer.spacetime as sp
from explorer.spacetime import model

mp.mp.dps = 50
EPS = np.finfo(np.float64).eps
TINY = 1e-300  # absolute floor so subnormal inputs do not demand 0 error

settings.register_profile("spacetime", max_examples=60, deadline=None, database=None)
settings.load_profile("spacetime")

coord = st.floats(-100.0, 100.0, allow_nan=False, allow_infinity=False)
events_st = st.tuples(coord, coord)
beta_st = st.floats(-0.999, 0.999)
moderate_beta = st.floats(-0.95, 0.95)
NEAR_ONE = 1.0 - 1e-12


def mp_boost(t, x, beta):
    """Passive boost in 50-digit arithmetic, from the textbook gamma form."""
    b = mp.mpf(beta)
    g = 1 / mp.sqrt(1 - b * b)
    t, x = mp.mpf(t), mp.mpf(x)
    return g * (t - b * x), g * (x - b * t)


def lightcone_scale(t, x, beta):
    """|u'| + |v'|: the size that bounds boost round-off (condition number)."""
    k = mp.sqrt((1 + mp.mpf(beta)) / (1 - mp.mpf(beta)))
    return float(abs(mp.mpf(t) - x) * k + abs(mp.mpf(t) + x) / k)


def doppler(beta):
    return math.sqrt((1 + abs(beta)) / (1 - abs(beta)))


# --------------------------------------------------------------- reference values


def test_boost_of_unit_time_event_at_0_6():
    np.testing.assert_allclose(sp.boost([1.0, 0.0], 0.6), [1.25, -0.75], rtol=4 * EPS)


def test_velocity_add_0_6_0_6_is_15_over_17():
    assert sp.velocity_add(0.6, 0.6) == pytest.approx(15 / 17, rel=4 * EPS)


def test_twin_paradox_0_8_over_4_light_years():
    r = sp.twin_paradox(0.8, 4.0)
    assert r.home_time == pytest.approx(10.0, rel=1e-14)
    assert r.traveller_time == pytest.approx(6.0, rel=1e-14)
    assert r.simultaneity_jump == pytest.approx(6.4, rel=1e-14)
    np.testing.assert_allclose(r.turnaround, [5.0, 4.0], rtol=1e-14)
    assert r.home_time_before == pytest.approx(1.8, rel=1e-14)
    assert r.home_time_after == pytest.approx(8.2, rel=1e-14)


def test_closed_form_values():
    assert sp.gamma(0.6) == pytest.approx(1.25, rel=4 * EPS)
    assert sp.gamma(0.8) == pytest.approx(5 / 3, rel=4 * EPS)
    assert sp.rapidity(0.6) == pytest.approx(math.log(2), rel=4 * EPS)
    assert sp.beta_from_rapidity(math.log(2)) == pytest.approx(0.6, rel=4 * EPS)
    assert sp.time_dilation(0.6, 4.0) == pytest.approx(5.0, rel=4 * EPS)
    assert sp.length_contraction(0.6, 5.0) == pytest.approx(4.0, rel=4 * EPS)
    assert sp.rest_frame_beta([0, 0], [5, 3]) == pytest.approx(0.6, rel=4 * EPS)
    assert sp.rest_frame_beta([1, 1], [-4, -2]) == pytest.approx(0.6, rel=4 * EPS)
    np.testing.assert_allclose(sp.rotate([1.0, 0.0], math.pi / 2), [0, 1], atol=1e-16)
    np.testing.assert_allclose(sp.rotate([3.0, 4.0], math.pi), [-3, -4], atol=1e-15)


def test_interval_and_classify_known_events():
    ev = np.array([[2.0, 1.0], [1.0, -1.0], [1.0, 3.0], [0.0, 0.0]])
    np.testing.assert_array_equal(sp.interval(ev), [3.0, 0.0, -8.0, 0.0])
    assert list(sp.classify(ev)) == ["timelike", "lightlike", "spacelike", "lightlike"]
    assert sp.classify([1.0, 1.0 + 1e-12]) == "lightlike"  # inside the 1e-10 band
    assert sp.classify([1.0, 1.0 + 1e-12], tol=0.0) == "spacelike"
    assert sp.classify(np.zeros((3, 4, 2))).shape == (3, 4)


def test_outputs_are_float64_and_broadcast():
    ev = np.arange(24).reshape(3, 4, 2)  # integer input
    betas = np.linspace(-0.9, 0.9, 4)
    out = sp.boost(ev, betas)
    assert out.dtype == np.float64 and out.shape == (3, 4, 2)
    for i in range(3):  # brute force: one event at a time
        for j in range(4):
            np.testing.assert_allclose(out[i, j], sp.boost(ev[i, j], betas[j]), rtol=1e-15)
    assert sp.gamma([0, 0.6]).dtype == np.float64
    assert sp.rotate(ev, 0.3).dtype == np.float64


# ------------------------------------------------------------- kinematics props


@given(events_st, beta_st)
def test_boost_matches_mpmath(e, beta):
    got = sp.boost(e, beta)
    ref = mp_boost(*e, beta)
    tol = 8 * EPS * lightcone_scale(*e, beta) + TINY
    assert abs(got[0] - float(ref[0])) <= tol
    assert abs(got[1] - float(ref[1])) <= tol


@given(events_st, st.floats(-5.0, 5.0))
def test_boost_rapidity_is_complex_rotation_of_ict(e, phi):
    """ict bridge checked with cmath: rotate (it, x) by the angle i*phi."""
    t, x = e
    w, th = 1j * t, 1j * phi
    w2 = w * cmath.cos(th) - x * cmath.sin(th)
    x2 = w * cmath.sin(th) + x * cmath.cos(th)
    got = sp.boost_rapidity(e, phi)
    tol = 1e-14 * math.cosh(phi) * (abs(t) + abs(x)) + TINY
    assert abs(w2.real) <= tol and abs(x2.imag) <= tol  # stays "it" and real x
    assert abs(got[0] - w2.imag) <= tol
    assert abs(got[1] - x2.real) <= tol
    # Same statement through the module's own rotate with complex input.
    via_rotate = sp.rotate([w, x], th)
    np.testing.assert_allclose(via_rotate.imag[0], got[0], atol=tol)
    np.testing.assert_allclose(via_rotate.real[1], got[1], atol=tol)


@given(events_st, beta_st)
def test_boost_and_boost_rapidity_agree(e, beta):
    tol = 16 * EPS * lightcone_scale(*e, beta) + TINY
    got = sp.boost_rapidity(e, math.atanh(beta))
    np.testing.assert_allclose(got, sp.boost(e, beta), rtol=0, atol=tol)


@given(events_st, beta_st)
def test_interval_invariant_under_boost(e, beta):
    s2 = Fraction(e[0]) ** 2 - Fraction(e[1]) ** 2  # exact
    tol = 32 * EPS * lightcone_scale(*e, beta) ** 2 + TINY
    assert abs(sp.interval(sp.boost(e, beta)) - float(s2)) <= tol


@given(events_st, moderate_beta, moderate_beta)
def test_group_law(e, u, v):
    w = sp.velocity_add(u, v)
    k = doppler(u) * doppler(v)
    tol = 1e-15 * k**3 * (abs(e[0]) + abs(e[1])) + TINY
    np.testing.assert_allclose(sp.boost(sp.boost(e, u), v), sp.boost(e, w), rtol=0, atol=tol)


@given(moderate_beta, moderate_beta)
def test_rapidities_add(u, v):
    phi = math.atanh(u) + math.atanh(v)
    tol = 8 * EPS * math.cosh(phi) ** 2 + 4 * EPS * (abs(math.atanh(u)) + abs(math.atanh(v)))
    assert abs(sp.rapidity(sp.velocity_add(u, v)) - phi) <= tol


@given(events_st, st.floats(-4.0, 4.0), st.floats(-4.0, 4.0))
def test_boost_rapidity_composes_additively(e, a, b):
    tol = 1e-14 * math.exp(abs(a) + abs(b)) * (abs(e[0]) + abs(e[1])) + TINY
    once = sp.boost_rapidity(e, a + b)
    twice = sp.boost_rapidity(sp.boost_rapidity(e, a), b)
    np.testing.assert_allclose(twice, once, rtol=0, atol=tol)


@given(events_st, beta_st)
def test_inverse_boost_undoes(e, beta):
    tol = 1e-13 * doppler(beta) ** 2 * (abs(e[0]) + abs(e[1])) + TINY
    np.testing.assert_allclose(sp.boost(sp.boost(e, beta), -beta), e, rtol=0, atol=tol)


@given(coord, st.sampled_from([1.0, -1.0]), beta_st)
def test_lightlike_stays_exactly_lightlike(a, sign, beta):
    out = sp.boost([a, sign * a], beta)
    assert sp.interval(out) == 0.0
    assert sp.classify(out) == "lightlike"


@given(events_st, st.floats(-0.99, 0.99))
def test_classification_invariant_under_boost(e, beta):
    s2 = Fraction(e[0]) ** 2 - Fraction(e[1]) ** 2
    assume(abs(s2) >= Fraction(1, 1000) * (Fraction(e[0]) ** 2 + Fraction(e[1]) ** 2) > 0)
    expected = "timelike" if s2 > 0 else "spacelike"
    assert sp.classify(e) == expected
    assert sp.classify(sp.boost(e, beta)) == expected


@given(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3), st.floats(-10, 10))
def test_rotation_preserves_radius(p, q, theta):
    r2 = p * p + q * q
    out = sp.rotate([p, q], theta)
    assert abs(out[0] ** 2 + out[1] ** 2 - r2) <= 8 * EPS * r2 + TINY
    # Direction from the closed form (cos, sin) of the summed angle.
    np.testing.assert_allclose(
        out,
        [p * math.cos(theta) - q * math.sin(theta), p * math.sin(theta) + q * math.cos(theta)],
        rtol=0,
        atol=4 * EPS * (abs(p) + abs(q)) + TINY,
    )


@given(events_st, st.floats(-10, 10), st.floats(-10, 10))
def test_rotation_angles_add(e, a, b):
    tol = 1e-14 * (abs(e[0]) + abs(e[1])) * (1 + abs(a) + abs(b)) + TINY
    np.testing.assert_allclose(sp.rotate(sp.rotate(e, a), b), sp.rotate(e, a + b), rtol=0, atol=tol)


@given(st.floats(-0.999999, 0.999999), st.floats(-0.999999, 0.999999))
def test_velocity_add_matches_mpmath(u, v):
    ref = (mp.mpf(u) + v) / (1 + mp.mpf(u) * v)
    assert abs(sp.velocity_add(u, v) - float(ref)) <= 4 * EPS * abs(float(ref)) + TINY


@given(st.floats(1e-15, 1e-3), st.floats(1e-15, 1e-3), st.booleans())
def test_velocity_add_near_opposite_light_speeds(a, b, flip):
    """1 + uv ~ 1e-12 here; the naive formula loses most digits."""
    u, v = 1.0 - a, -(1.0 - b)
    if flip:
        u, v = -u, -v
    ref = (mp.mpf(u) + v) / (1 + mp.mpf(u) * v)
    assert abs(sp.velocity_add(u, v) - float(ref)) <= 8 * EPS * abs(float(ref)) + TINY


@given(beta_st)
def test_rapidity_round_trip(beta):
    assert sp.beta_from_rapidity(sp.rapidity(beta)) == pytest.approx(beta, rel=4 * EPS, abs=TINY)
    assert sp.rapidity(beta) == pytest.approx(float(mp.atanh(mp.mpf(beta))), rel=4 * EPS, abs=TINY)


# ------------------------------------------------------------- near beta = 1


@pytest.mark.parametrize("beta", [NEAR_ONE, -NEAR_ONE, 1.0 - 2**-52])
def test_gamma_and_rapidity_near_light_speed(beta):
    b = mp.mpf(beta)  # the float itself, exactly
    assert sp.gamma(beta) == pytest.approx(float(1 / mp.sqrt(1 - b * b)), rel=4 * EPS)
    assert sp.rapidity(beta) == pytest.approx(float(mp.atanh(b)), rel=4 * EPS)
    assert sp.time_dilation(beta, 1.0) == pytest.approx(float(1 / mp.sqrt(1 - b * b)), rel=4 * EPS)
    assert sp.length_contraction(beta, 1.0) == pytest.approx(float(mp.sqrt(1 - b * b)), rel=4 * EPS)


@given(events_st, st.sampled_from([NEAR_ONE, -NEAR_ONE]))
def test_boost_near_light_speed_matches_mpmath(e, beta):
    got = sp.boost(e, beta)
    ref = mp_boost(*e, beta)
    tol = 8 * EPS * lightcone_scale(*e, beta) + TINY
    assert abs(got[0] - float(ref[0])) <= tol
    assert abs(got[1] - float(ref[1])) <= tol
    s2 = Fraction(e[0]) ** 2 - Fraction(e[1]) ** 2
    assert abs(sp.interval(got) - float(s2)) <= 32 * EPS * lightcone_scale(*e, beta) ** 2 + TINY


def test_boost_near_light_speed_small_output_keeps_relative_accuracy():
    """Event almost on the light cone: gamma*(t - beta*x) would lose ~7 digits."""
    e = (1.0, 1.0 - 1e-9)
    got = sp.boost(e, NEAR_ONE)
    ref = mp_boost(*e, NEAR_ONE)
    np.testing.assert_allclose(got, [float(ref[0]), float(ref[1])], rtol=1e-14)


# ------------------------------------------------------------- derived physics


@given(st.floats(0.001, 0.999), st.floats(0.01, 100.0))
def test_twin_paradox_matches_closed_form(beta, distance):
    b, d = mp.mpf(beta), mp.mpf(distance)
    r = sp.twin_paradox(beta, distance)
    assert r.home_time == pytest.approx(float(2 * d / b), rel=1e-14)
    assert r.traveller_time == pytest.approx(float(2 * d / b * mp.sqrt(1 - b * b)), rel=1e-14)
    assert r.simultaneity_jump == pytest.approx(float(2 * b * d), rel=1e-14)
    # The two readings differ by the jump (up to round-off of t = D / beta).
    jump = r.home_time_after - r.home_time_before
    assert jump == pytest.approx(float(2 * b * d), abs=8 * EPS * float(d / b))


@given(st.floats(-0.99, 0.99), st.floats(0.01, 50.0), events_st)
def test_rest_frame_beta_recovers_worldline_velocity(beta, tau, a):
    g = 1 / math.sqrt(1 - beta * beta)
    b_event = (a[0] + g * tau, a[1] + g * beta * tau)  # tau along x = beta t
    assert sp.rest_frame_beta(a, b_event) == pytest.approx(beta, rel=1e-9, abs=1e-9)
    assert sp.rest_frame_beta(b_event, a) == pytest.approx(beta, rel=1e-9, abs=1e-9)


@given(st.floats(-0.999, 0.999), st.floats(0.0, 1e3))
def test_time_dilation_and_length_contraction_closed_form(beta, amount):
    root = mp.sqrt(1 - mp.mpf(beta) ** 2)
    assert sp.time_dilation(beta, amount) == pytest.approx(float(amount / root), rel=4 * EPS, abs=TINY)
    assert sp.length_contraction(beta, amount) == pytest.approx(float(amount * root), rel=4 * EPS, abs=TINY)


# ------------------------------------------------------------- plot helpers


def on_square(points, extent):
    return np.isclose(np.max(np.abs(points), axis=-1), extent, rtol=1e-12)


@given(st.floats(-0.999, 0.999), st.floats(0.1, 100.0))
def test_frame_axes_closed_form(beta, extent):
    axes = sp.frame_axes(beta, extent)
    e = extent
    np.testing.assert_allclose(axes[0], [[-e, -beta * e], [e, beta * e]], rtol=1e-14, atol=1e-300)
    np.testing.assert_allclose(axes[1], [[-beta * e, -e], [beta * e, e]], rtol=1e-14, atol=1e-300)


@given(st.floats(-0.99, 0.99), st.integers(1, 20))
def test_calibration_ticks_on_invariant_hyperbolae(beta, n):
    ticks = sp.calibration_ticks(beta, n)
    k = np.arange(-n, n + 1)
    np.testing.assert_array_equal(ticks.k, k)
    t, x = ticks.t_axis.T
    np.testing.assert_allclose(t**2 - x**2, k**2, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(x, beta * t, rtol=0, atol=1e-12 * n)  # on x = beta t
    assert np.all(np.sign(t) == np.sign(k))
    t, x = ticks.x_axis.T
    np.testing.assert_allclose(t**2 - x**2, -(k**2), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(t, beta * x, rtol=0, atol=1e-12 * n)  # on t = beta x
    # Consistency with the (independently tested) boost: ticks read k in the moving frame.
    np.testing.assert_allclose(sp.boost(ticks.t_axis, beta), np.c_[k, 0 * k], atol=1e-11)


@given(st.floats(-0.99, 0.99), st.floats(0.5, 20.0), st.floats(0.1, 3.0))
def test_simultaneity_lines_closed_form(beta, extent, spacing):
    bound = extent * doppler(beta)  # largest t' on the square, at a corner
    times = np.array([-bound * 1.5, -spacing, 0.0, spacing, 0.7 * bound, bound * 2])
    lines = sp.simultaneity_lines(beta, times, extent)
    assert lines.shape == (6, 2, 2)
    assert np.isnan(lines[[0, 5]]).all()
    root = math.sqrt(1 - beta * beta)
    for tau, seg in zip(times[1:5], lines[1:5], strict=True):
        if abs(tau) > bound:
            assert np.isnan(seg).all()
            continue
        t, x = seg.T
        np.testing.assert_allclose(t - beta * x, tau * root, rtol=0, atol=1e-12 * extent)
        assert on_square(seg, extent).all()


def brute_force_values(beta_fn, extent, spacing, bound):
    """Multiples of spacing whose line hits the square, judged from the corners."""
    corners = [beta_fn(s * extent, r * extent) for s in (-1, 1) for r in (-1, 1)]
    lo, hi = min(corners), max(corners)
    n = int(bound / spacing) + 3
    cand = spacing * np.arange(-n, n + 1)
    margin = 1e-9 * bound
    assume(not np.any(np.abs(np.abs(cand) - hi) < margin))  # skip corner-grazing cases
    return cand[(cand >= lo) & (cand <= hi)]


@given(st.floats(-0.95, 0.95), st.floats(0.5, 10.0), st.floats(0.2, 3.0))
def test_boosted_grid_lines(beta, extent, spacing):
    g = sp.boosted_grid(beta, extent, spacing)
    root = math.sqrt(1 - beta * beta)
    expected = brute_force_values(lambda t, x: (t - beta * x) / root, extent, spacing, extent * doppler(beta))
    np.testing.assert_allclose(g.t_values, expected, rtol=1e-12)
    np.testing.assert_allclose(g.x_values, expected, rtol=1e-12)
    t, x = g.t_lines[..., 0], g.t_lines[..., 1]
    both_ends = np.ones(2)
    np.testing.assert_allclose(t - beta * x, g.t_values[:, None] * root * both_ends, atol=1e-12 * extent)
    t, x = g.x_lines[..., 0], g.x_lines[..., 1]
    np.testing.assert_allclose(x - beta * t, g.x_values[:, None] * root * both_ends, atol=1e-12 * extent)
    assert on_square(g.t_lines, extent).all() and on_square(g.x_lines, extent).all()


def test_boosted_grid_at_rest_is_square_grid():
    g = sp.boosted_grid(0.0, 2.0, 1.0)
    np.testing.assert_array_equal(g.t_values, [-2, -1, 0, 1, 2])
    np.testing.assert_allclose(g.t_lines[1], [[-1, -2], [-1, 2]])
    np.testing.assert_allclose(g.x_lines[3], [[-2, 1], [2, 1]])


@given(st.floats(-7.0, 7.0), st.floats(0.5, 10.0), st.floats(0.2, 3.0))
def test_rotated_grid_lines(theta, extent, spacing):
    c, s = math.cos(theta), math.sin(theta)
    g = sp.rotated_grid(theta, extent, spacing)
    expected = brute_force_values(lambda x, y: x * c + y * s, extent, spacing, extent * (abs(c) + abs(s)))
    np.testing.assert_allclose(g.x_values, expected, rtol=1e-12, atol=1e-12)
    x, y = g.x_lines[..., 0], g.x_lines[..., 1]
    np.testing.assert_allclose(x * c + y * s, g.x_values[:, None] * np.ones(2), atol=1e-12 * extent)
    x, y = g.y_lines[..., 0], g.y_lines[..., 1]
    np.testing.assert_allclose(-x * s + y * c, g.y_values[:, None] * np.ones(2), atol=1e-12 * extent)
    assert on_square(g.x_lines, extent).all() and on_square(g.y_lines, extent).all()
    axes = sp.rotated_axes(theta, extent)
    for axis, (dx, dy) in zip(axes, [(c, s), (-s, c)], strict=True):
        np.testing.assert_allclose(axis[:, 0] * dy - axis[:, 1] * dx, 0, atol=1e-12 * extent)  # through origin along d
        assert on_square(axis, extent).all()


def test_rotated_grid_at_zero_is_square_grid():
    g = sp.rotated_grid(0.0, 2.0, 1.0)
    np.testing.assert_array_equal(g.x_values, [-2, -1, 0, 1, 2])
    np.testing.assert_allclose(g.x_lines[3], [[1, -2], [1, 2]])
    np.testing.assert_allclose(sp.rotated_axes(math.pi / 2, 1.0)[0], [[0, -1], [0, 1]], atol=1e-15)


@given(st.floats(-0.99, 0.99), st.floats(0.5, 50.0), st.integers(2, 300))
def test_hyperbola_points(frac, extent, n):
    s2 = frac * extent**2
    assume(s2 != 0.0)
    h = sp.hyperbola(s2, extent, n)
    assert h.shape == (2, n, 2)
    t, x = h[..., 0], h[..., 1]
    np.testing.assert_allclose(t**2 - x**2, s2, rtol=0, atol=1e-12 * extent**2)
    assert (np.abs(h) <= extent * (1 + 1e-12)).all()
    assert on_square(h[:, [0, -1]], extent).all()  # curves run to the square's edge
    first = t if s2 > 0 else x  # future/right branch first, then past/left
    assert (first[0] > 0).all() and (first[1] < 0).all()
    # Uniform steps in rapidity phi, read back as asinh of the "sinh" coordinate.
    sinh_part = x[0] if s2 > 0 else t[0]
    steps = np.diff(np.arcsinh(sinh_part / math.sqrt(abs(s2))))
    np.testing.assert_allclose(steps, steps.mean(), atol=1e-9)


def test_hyperbola_lightlike_and_outside():
    cone = sp.hyperbola(0.0, 3.0, 5)
    np.testing.assert_allclose(cone[0, [0, -1]], [[-3, -3], [3, 3]])
    np.testing.assert_allclose(cone[1, [0, -1]], [[-3, 3], [3, -3]])
    assert (sp.interval(cone) == 0).all()
    assert sp.hyperbola(16.0, 3.0).shape == (2, 0, 2)
    assert sp.hyperbola(-16.0, 3.0).shape == (2, 0, 2)


@given(st.floats(0.0, 100.0), st.integers(3, 500))
def test_circle(radius, n):
    c = sp.circle(radius, n)
    assert c.shape == (n, 2)
    np.testing.assert_allclose(np.hypot(c[:, 0], c[:, 1]), radius, rtol=1e-14, atol=TINY)
    np.testing.assert_allclose(c[0], c[-1], atol=1e-13 * radius)


def test_polyline_joins_with_nan_gaps():
    segs = np.arange(12.0).reshape(3, 2, 2)
    out = sp.polyline(segs)
    assert out.shape == (8, 2)
    np.testing.assert_array_equal(out[[0, 1, 3, 4, 6, 7]], segs.reshape(-1, 2))
    assert np.isnan(out[[2, 5]]).all()
    assert sp.polyline(np.empty((0, 2, 2))).shape == (0, 2)


def test_twin_worldlines_reference():
    w = sp.twin_paradox_worldlines(0.8, 4.0, tick=1.0)
    np.testing.assert_allclose(w.home, [[0, 0], [10, 0]], rtol=1e-14)
    np.testing.assert_allclose(w.traveller, [[0, 0], [5, 4], [10, 0]], rtol=1e-14)
    np.testing.assert_allclose(w.home_tick_times, np.arange(11.0))
    np.testing.assert_allclose(w.traveller_tick_times, np.arange(7.0), rtol=1e-14)
    # Traveller tick k at t = k * gamma = 5k/3, x = 0.8 * min(t, 10 - t).
    t = 5 * np.arange(7) / 3
    np.testing.assert_allclose(w.traveller_ticks, np.c_[t, 0.8 * np.minimum(t, 10 - t)], rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(w.turnaround_lines, [[[1.8, 0], [5, 4]], [[8.2, 0], [5, 4]]], rtol=1e-14)
    # Outbound tick 1 at (5/3, 4/3): home "now" t - 0.8 x = 0.6; inbound tick 4 at (20/3, 8/3): 8.8.
    np.testing.assert_allclose(w.tick_simultaneity[1, 1], [0.6, 0], atol=1e-14)
    np.testing.assert_allclose(w.tick_simultaneity[4, 1], [8.8, 0], atol=1e-14)


@given(st.floats(0.1, 0.99), st.floats(0.5, 20.0), st.floats(0.25, 2.0))
def test_twin_worldline_ticks_measure_proper_time(beta, distance, tick):
    w = sp.twin_paradox_worldlines(beta, distance, tick)
    t_turn = distance / beta
    home_total = 2 * t_turn
    trav_total = home_total * math.sqrt(1 - beta * beta)
    for times, total in [(w.home_tick_times, home_total), (w.traveller_tick_times, trav_total)]:
        assert times[0] == 0.0 and np.all(times <= total * (1 + 1e-12))
        np.testing.assert_allclose(np.diff(times)[:-1], tick, rtol=1e-12)
        assert total - times[-1] < tick * (1 + 1e-9)
    np.testing.assert_allclose(w.home_ticks[:, 0], w.home_tick_times)
    assert (w.home_ticks[:, 1] == 0).all()
    # Proper time along the traveller's path, from the interval of each leg.
    for (t, x), tau in zip(w.traveller_ticks, w.traveller_tick_times, strict=True):
        if t <= t_turn:
            ref = math.sqrt(max(t * t - x * x, 0.0))
        else:
            dt, dx = t - t_turn, x - distance
            ref = trav_total / 2 + math.sqrt(max(dt * dt - dx * dx, 0.0))
        assert tau == pytest.approx(ref, rel=1e-7, abs=1e-7)
    # Each simultaneity segment ends on the home worldline with slope dt/dx = +-beta.
    for tick_ev, home_ev in w.tick_simultaneity:
        assert home_ev[1] == 0.0
        if tick_ev[1] > 1e-9 * distance:
            slope = (tick_ev[0] - home_ev[0]) / tick_ev[1]
            expected = beta if tick_ev[0] <= t_turn else -beta
            assert slope == pytest.approx(expected, rel=1e-9, abs=1e-9)
    jump = w.turnaround_lines[1, 0, 0] - w.turnaround_lines[0, 0, 0]
    assert jump == pytest.approx(2 * beta * distance, rel=1e-12)


# ------------------------------------------------------------- validation


BAD_CALLS = [
    (lambda: sp.gamma(1.0), r"beta must satisfy \|beta\| < 1, got 1\.0"),
    (lambda: sp.gamma(-1.5), r"\|beta\| < 1, got -1\.5"),
    (lambda: sp.gamma([0.5, 1.0]), r"\|beta\| < 1, got 1\.0"),
    (lambda: sp.gamma(float("nan")), r"beta must be finite, got nan"),
    (lambda: sp.rapidity(float("inf")), r"beta must be finite"),
    (lambda: sp.boost([1.0, 2.0, 3.0], 0.5), r"events must have a last axis of length 2"),
    (lambda: sp.boost(5.0, 0.5), r"last axis of length 2, got shape \(\)"),
    (lambda: sp.boost([float("nan"), 0.0], 0.5), r"events must be finite"),
    (lambda: sp.boost([1.0, 0.0], 1.0), r"\|beta\| < 1"),
    (lambda: sp.boost_rapidity([1.0, 0.0], 1000.0), r"\|phi\| must be < 709"),
    (lambda: sp.boost_rapidity([1.0, 0.0], float("nan")), r"phi must be finite"),
    (lambda: sp.beta_from_rapidity(float("inf")), r"phi must be finite"),
    (lambda: sp.velocity_add(1.0, 0.5), r"u must satisfy \|u\| < 1"),
    (lambda: sp.velocity_add(0.5, -1.0), r"v must satisfy \|v\| < 1"),
    (lambda: sp.rotate([1.0, 0.0], float("nan")), r"theta must be finite"),
    (lambda: sp.rotate([1.0, 0.0], complex("nan")), r"theta must be finite"),
    (lambda: sp.boost([1j, 0.0], 0.5), r"events must be real numbers, got dtype complex128"),
    (lambda: sp.gamma("fast"), r"beta must be real numbers"),
    (lambda: sp.gamma(None), r"beta must be real numbers"),
    (lambda: sp.rotate([1.0, 0.0, 0.0], 1.0), r"points must have a last axis of length 2"),
    (lambda: sp.classify([1.0, 0.0], tol=-1.0), r"tol must be >= 0"),
    (lambda: sp.interval([[1.0]]), r"last axis of length 2"),
    (lambda: sp.twin_paradox(0.0, 4.0), r"0 < beta < 1"),
    (lambda: sp.twin_paradox(-0.5, 4.0), r"0 < beta < 1"),
    (lambda: sp.twin_paradox(1.0, 4.0), r"\|beta\| < 1"),
    (lambda: sp.twin_paradox(0.8, 0.0), r"distance must be > 0"),
    (lambda: sp.twin_paradox(0.8, float("inf")), r"distance must be finite"),
    (lambda: sp.twin_paradox_worldlines(0.8, 4.0, tick=0.0), r"tick must be a positive scalar"),
    (lambda: sp.twin_paradox_worldlines(0.8, 4.0, tick=1e-9), r"tick .* too small"),
    (lambda: sp.twin_paradox_worldlines(0.8, -4.0), r"distance must be a positive scalar"),
    (lambda: sp.rest_frame_beta([0, 0], [1, 2]), r"timelike-separated.*spacelike"),
    (lambda: sp.rest_frame_beta([0, 0], [1, 1]), r"timelike-separated.*lightlike"),
    (lambda: sp.rest_frame_beta([0, 0], [0, 0]), r"timelike-separated"),
    (lambda: sp.time_dilation(0.5, -1.0), r"proper_time must be >= 0"),
    (lambda: sp.length_contraction(0.5, -1.0), r"proper_length must be >= 0"),
    (lambda: sp.frame_axes([0.1, 0.2], 1.0), r"beta must be a scalar"),
    (lambda: sp.frame_axes(0.5, 0.0), r"extent must be a positive scalar"),
    (lambda: sp.simultaneity_lines(0.5, [float("nan")], 1.0), r"times must be finite"),
    (lambda: sp.boosted_grid(0.5, 10.0, 1e-4), r"too fine"),
    (lambda: sp.boosted_grid(0.5, 10.0, 0.0), r"spacing must be a positive scalar"),
    (lambda: sp.calibration_ticks(0.5, 0), r"n must be an integer >= 1"),
    (lambda: sp.hyperbola(1.0, 5.0, n=1), r"n must be an integer >= 2"),
    (lambda: sp.hyperbola(1.0, 5.0, n=2.5), r"n must be an integer"),
    (lambda: sp.hyperbola(float("nan"), 5.0), r"s2 must be finite"),
    (lambda: sp.rotated_grid(float("inf"), 1.0), r"theta must be finite"),
    (lambda: sp.circle(-1.0), r"radius must be >= 0"),
    (lambda: sp.circle(1.0, n=2), r"n must be an integer >= 3"),
    (lambda: sp.polyline(np.zeros((2, 2))), r"lines must have shape \(n, m, 2\)"),
]


@pytest.mark.parametrize("call, message", BAD_CALLS)
def test_bad_input_raises_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ------------------------------------------------------------- packaging


def test_package_reexports_public_api():
    for name in model.__all__:
        assert getattr(sp, name) is getattr(model, name)
    from explorer.spacetime import boost  # noqa: F401  (documented import path)


def test_no_qt_and_no_view_import():
    code = (
        "import sys, explorer.spacetime\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'PySide2', 'pyqtgraph') "
        "or (m.startswith('explorer.spacetime.') and m != 'explorer.spacetime.model')]\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
    for name in ("__init__.py", "model.py"):
        tree = ast.parse((root / "explorer" / "spacetime" / name).read_text())
        imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in imported if "qt" in m.lower() or "view" in m.lower()], imported
