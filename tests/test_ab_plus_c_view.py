"""The N = ab + c tab driven as a user would: N field, slider, presets, algorithm, pages, animation, range job.

Values shown are checked against an independent brute force over (a, b) and against the model's closed forms.
Note: N = 130's optimum is 10·13 + 0 with S* = 23 (brute force below), not 30.
"""

from math import isqrt
from pathlib import Path

import numpy as np
import pytest
from helpers import built_in_chinese, open_tab, settle
from PySide6.QtCore import QPointF, QRectF

import explorer.ab_plus_c as ab
from explorer import lesson
from explorer.ab_plus_c.view import (
    ALGORITHMS,
    MAX_FRAMES,
    MAX_N,
    SLIDER_MAX,
    AbcTab,
    compute_range,
    level_curve,
    optima_from_sweep,
)
from explorer.runner import Cancelled, Job


@pytest.fixture
def tab(qtbot, app):
    widget = open_tab(qtbot, AbcTab)
    yield widget
    widget.shutdown()


def brute(N):
    """(S*, every optimal (a, b, c) with a <= b), by enumerating every feasible pair; no model code."""
    best, found = N, [(0, 0, N)]
    for a in range(1, isqrt(N) + 1):
        for b in range(a, N // a + 1):
            s = a + b + N - a * b
            if s < best:
                best, found = s, [(a, b, N - a * b)]
            elif s == best:
                found.append((a, b, N - a * b))
    return best, sorted(found)


def points(item):
    x, y = item.getData()
    return [] if x is None else list(zip(np.asarray(x).tolist(), np.asarray(y).tolist()))


def unbroken(label) -> str:
    """A label's text without the zero-width spaces that let long grouped numbers wrap."""
    return label.text().replace("\u200b", "")


def set_n(qtbot, tab, text):
    field = tab.panel.control("N")
    field.setText(text)
    field.editingFinished.emit()
    settle(qtbot, tab)


def test_default_shows_the_counterexample(tab):
    s_opt, optima = brute(130)
    assert (s_opt, optima) == (23, [(10, 13, 0)])
    assert tab.params()["N"] == 130
    assert "10 × 13 + 0" in tab.optimum_badge.text() and "S* = 23" in tab.optimum_badge.text()
    naive = tab.naive_badge.text()
    assert "11 × 11 + 9" in naive and "S = 31 = S* + 8" in naive and "✗" in naive
    assert points(tab.land_naive) == [(11.0, 11.0)]
    assert points(tab.land_optima) == [(10.0, 13.0)]
    assert "S = 31" in tab.land_naive_text.textItem.toPlainText()
    assert "✓" in tab.published_badge.text()  # at 130 Algorithm 1 does find 10·13


def test_162_algorithm_1_as_published_is_wrong(qtbot, tab):
    set_n(qtbot, tab, "162")
    s_opt, optima = brute(162)
    assert (s_opt, optima) == (27, [(9, 18, 0)])
    badge = tab.published_badge.text()
    assert "✗" in badge and "10 × 16 + 2" in badge and "S* + 1" in badge
    trace = tab._result["trace"]
    assert trace.best[-1] == 1 and "S* + 1 ✗" in tab.ab_trace["plot"].titleLabel.text
    set_n(qtbot, tab, "8")  # the open interval (2, 2.83] holds no integer
    assert "no answer" in tab.published_badge.text()
    for n in (163, 2888):  # 2·9² + 1 and 2·38²: the optimum's a is at or just below √(N/2)
        set_n(qtbot, tab, str(n))
        assert "✗" in tab.published_badge.text() and n in ab.PUBLISHED_FAILURES


def test_badges_agree_with_brute_force(qtbot, tab):
    for n in (1, 2, 3, 4, 19, 200, 2048, 2879, 2915):
        set_n(qtbot, tab, str(n))
        s_opt, optima = brute(n)
        assert f"S* = {s_opt:,}" in tab.optimum_badge.text()
        assert sorted(tab._result["optima"]) == optima
        naive_ok = ab.naive(n).S == s_opt
        assert ("✓" in tab.naive_badge.text()) == naive_ok
        published = ab.scan_sqrt(n)
        assert ("✓" in tab.published_badge.text()) == (published.S == s_opt)


def test_presets_set_n_exactly(qtbot, tab):
    for index in range(1, tab.presets.count()):
        name = tab.presets.itemText(index)
        tab.presets.setCurrentIndex(index)
        tab.presets.activated.emit(index)
        settle(qtbot, tab)
        n = ab.presets[name].N
        assert tab.params()["N"] == n, name
        assert tab.panel.control("N").text() == str(n)
        assert tab.n_slider.value() == min(n, SLIDER_MAX)
        assert tab.preset_note.text() == ab.presets[name].note
        assert f"N = {n:,} " in unbroken(tab.optimum_badge)
        assert not tab.error_label.isVisible()


def test_n_field_is_exact_and_rejects_bad_input(qtbot, tab):
    set_n(qtbot, tab, "10^40")
    assert tab.params()["N"] == 10**40 and isinstance(tab.params()["N"], int)
    a, b, c = ab.min_abc(10**40)
    assert f"{a:,} × {b:,} + {c:,}" in unbroken(tab.optimum_badge)
    set_n(qtbot, tab, "2**61-1")
    assert tab.params()["N"] == 2**61 - 1
    assert "2,305,843,009,213,693,951" in unbroken(tab.optimum_badge)
    for bad in ("abc", "-5", "1.5", "0", str(MAX_N + 1)):
        set_n(qtbot, tab, bad)
        assert tab.error_label.isVisible(), bad
        message = tab.error_label.text()
        assert message.startswith(f"N: “{bad[:23]}") and message.endswith("is not a whole number from 1 to 10⁴²"), bad
        assert tab.params()["N"] == 2**61 - 1, bad
    set_n(qtbot, tab, "130")
    assert not tab.error_label.isVisible()


def test_slider_and_field_stay_in_step(qtbot, tab):
    tab.n_slider.setValue(2915)
    settle(qtbot, tab)
    assert tab.params()["N"] == 2915 and tab.panel.control("N").text() == "2915"
    assert "S = 160 = S* + 52" in tab.naive_badge.text()  # 53·54 + 53 against 53·55 + 0 = 108
    assert tab.presets.currentText() == "2915 = 54² - 1"
    set_n(qtbot, tab, "89743")
    assert tab.n_slider.value() == SLIDER_MAX and tab.presets.currentText().startswith("89743")
    set_n(qtbot, tab, "1000003")
    assert tab.presets.currentIndex() == 0 and "beyond the slider" in tab.preset_note.text()


def test_animation_frames_add_candidates(qtbot, tab):
    tab.set_params({"N": 2879, "algorithm": "search_pq"})
    settle(qtbot, tab)
    search = ab.search_pq(2879)
    s_opt = sum(ab.min_abc(2879))
    expected = [a + b + 2879 - a * b - s_opt for a, b in search.candidates]
    bar = tab.play_bar
    assert bar.frame_count == len(search.candidates) + 1 == 15
    assert bar.frame == bar.frame_count - 1  # a finished search is shown complete
    bar.set_frame(0)
    assert points(tab.ab_trace["values"]) == [] and tab.revealed() == 0
    shown = []
    for _ in range(len(expected)):
        bar.step()
        _, y = tab.ab_trace["values"].getData()
        assert list(y) == expected[: bar.frame]
        shown.append(len(points(tab.land_candidates)))
    assert shown == sorted(shown) and shown[-1] >= 1
    assert "found S*" in tab.ab_trace["plot"].titleLabel.text
    bar.set_frame(0)
    bar.play()
    qtbot.waitUntil(lambda: bar.frame >= 2, timeout=3000)
    bar.pause()
    assert not bar.is_playing


def test_pq_page_shows_candidates_in_p_q(qtbot, tab):
    tab.set_params({"N": 2879, "algorithm": "search_pq"})
    tab.page_bar.setCurrentIndex(1)
    settle(qtbot, tab)
    p_q = {(float(p), float(q)) for p, q in ab.search_pq(2879).pq}
    assert set(points(tab.pq_candidates)) <= p_q and points(tab.pq_candidates)
    columns = tab._result["columns"]
    stop_line = tab.col_lines[1]
    assert stop_line.value() == pytest.approx(sum(ab.min_abc(2879)))  # the early stop p = S*
    assert len(columns.p) == len(points(tab.col_even)) + len(points(tab.col_odd))


def test_every_control_changes_what_is_drawn(qtbot, tab):
    def snapshot():
        items = [tab.land_hyperbola, tab.land_level_opt, tab.land_candidates, tab.saw_curve,
                 tab.ab_trace["values"], tab.range_curve]
        data = [np.concatenate([np.zeros(0) if d is None else np.asarray(d, float) for d in i.getData()])
                for i in items]
        image = tab.land_image.image
        return [np.nan_to_num(d).round(6).tobytes() for d in data] + [np.nan_to_num(image).tobytes()]

    tab.page_bar.setCurrentIndex(2)
    settle(qtbot, tab)
    changes = {"N": 2879, "algorithm": "search_xy", "window": 30, "levels": False, "range": 1000}
    assert set(changes) == {s.name for s in tab.specs}
    for name, value in changes.items():
        before = snapshot()
        tab.page_bar.setCurrentIndex(2 if name == "range" else 0)
        tab.set_params({name: value})
        settle(qtbot, tab)
        tab.page_bar.setCurrentIndex(0)
        settle(qtbot, tab)
        assert snapshot() != before, f"changing {name} changed nothing on screen"


def test_range_job_reports_progress_and_can_be_cancelled(qtbot, tab):
    reports = []
    tab.range_runner.progress.connect(lambda fraction, message: reports.append((fraction, message)))
    tab.set_params({"range": 1_000_000})
    tab.page_bar.setCurrentIndex(2)
    settle(qtbot, tab)
    assert len(reports) >= 3 and reports[-1][0] == 1.0
    assert [f for f, _ in reports] == sorted(f for f, _ in reports)
    x, y = tab.range_curve.xData, tab.range_curve.yData  # getData() is the view's downsampled copy
    assert len(x) == 1_000_000 and x[0] == 1.0
    exact = ab.min_sum_range(1, 1001)
    np.testing.assert_allclose(y[:1000] + 2 * np.sqrt(np.arange(1, 1001)), exact, atol=1e-9)
    assert "inside the band" in tab.range_text.textItem.toPlainText()

    tab.set_params({"N": 3_000_000})  # a new window: the job restarts, then is cancelled at once
    assert tab.range_runner.busy
    tab.cancel_range()
    settle(qtbot, tab)
    assert "Cancelled" in tab.range_status.text()
    assert tab._range_result["start"] == 1  # the old range stays on screen
    tab.start_range()
    settle(qtbot, tab)
    assert tab._range_result["start"] == 3_000_000 - 500_000

    tab.set_params({"N": 10**18, "range": 100_000})  # 10⁵ exact sweeps wait for the button
    settle(qtbot, tab)
    assert not tab.range_runner.busy and "press Compute" in tab.range_status.text()


def test_compute_range_checks_for_cancellation():
    calls = []

    def report(_generation, fraction, _message):
        calls.append(fraction)
        if len(calls) == 2:
            job.cancel()

    job = Job(1, report)
    with pytest.raises(Cancelled):
        compute_range(130, 1_000_000, job)
    assert calls and calls[-1] < 1.0


def test_view_state_round_trips(qtbot, tab, app):
    tab.set_params({"N": 2879, "algorithm": "search_pq"})
    tab.page_bar.setCurrentIndex(1)
    settle(qtbot, tab)
    tab.play_bar.set_frame(5)
    view = tab.view_state()
    assert view == {"page": "pq", "frame": 5}
    other = open_tab(qtbot, AbcTab)
    other.set_params(tab.params())
    other.apply_view_state(view)
    settle(qtbot, other)
    assert other.view_state() == view and other.stack.currentIndex() == 1
    assert len(points(other.pq_trace["values"])) == 5
    for hostile in ({"page": "nope", "frame": "x"}, {"frame": -3}, {"page": 7}, {"frame": 10**9}, {}):
        other.apply_view_state(hostile)
        settle(qtbot, other)
        assert other.play_bar.frame == other.play_bar.frame_count - 1
    other.shutdown()


def test_a_frame_past_the_search_s_end_says_so(qtbot, tab):
    """The frames a search has depend on N, so a scene file's frame is checked only once the search is drawn."""
    tab.set_params({"N": 2879, "algorithm": "search_pq"})
    settle(qtbot, tab)
    last = tab.play_bar.frame_count - 1
    tab.apply_view_state({"page": "ab", "frame": last + 1})
    settle(qtbot, tab)
    assert tab.play_bar.frame == last
    assert tab.error_label.isVisible() and f"frame {last + 1} is past the end" in tab.error_label.text()
    tab.apply_view_state({"page": "ab", "frame": last})  # one in range: no message
    settle(qtbot, tab)
    assert tab.play_bar.frame == last and not tab.error_label.isVisible()
    tab.set_params({"N": 130})  # a new result ends the message too
    tab.apply_view_state({"page": "ab", "frame": 10**6})
    settle(qtbot, tab)
    assert tab.error_label.isVisible()
    tab.set_params({"N": 131})
    settle(qtbot, tab)
    assert not tab.error_label.isVisible()


def test_counts_match_traces_and_closed_forms(qtbot, tab):
    labels = {"naive": "naive", "scan_sqrt": "Algorithm 1", "scan_sqrt_closed": "Algorithm 1 fixed",
              "search_xy": "(x, y)", "search_pq_full": "(p, q) window", "search_pq": "(p, q) early stop"}
    for n in (130, 89743):
        set_n(qtbot, tab, str(n))
        text = tab.counts_label.text()
        for method in ALGORITHMS:
            tab.set_params({"algorithm": method})
            settle(qtbot, tab)
            count = tab._result["counts"][method]
            assert count == ab.complexity_race([n]).counts[method][0]
            assert count == len(tab._result["trace"].search.candidates) == tab.play_bar.frame_count - 1
            assert f"{labels[method]} <b>{count:,}</b>" in text


def test_large_n_views_are_windowed_with_exact_origins(qtbot, tab):
    n = 10**18 + 123456789012
    set_n(qtbot, tab, str(n))
    assert "999,471,483 × 1,000,528,920 + 652" in tab.optimum_badge.text()
    assert tab.land_plot.getAxis("bottom").labelText == "a − a*   (a* = 999,471,483)"
    (x_lo, x_hi), _ = tab.land_plot.viewRange()
    assert x_lo < 0 < x_hi and x_hi - x_lo < 200
    assert "√N: +528,578.7 →" in tab.saw_note.textItem.toPlainText()
    assert "too many to animate" in tab.search_badge.text()  # Algorithm 1 scans 292,893,219 values of a
    tab.set_params({"algorithm": "search_pq"})
    tab.page_bar.setCurrentIndex(1)
    settle(qtbot, tab)
    assert tab._result["counts"]["search_pq"] == 933
    assert tab.play_bar.frame_count == MAX_FRAMES + 1  # 933 candidates revealed in batches
    assert tab.revealed() == 933
    tab.play_bar.set_frame(1)
    assert tab.revealed() == -(-933 // MAX_FRAMES)
    set_n(qtbot, tab, "2**61-1")
    assert "(log scale)" in tab.col_plot.getAxis("left").labelText


def test_sweep_finds_every_optimum():
    """Beyond the brute force's reach the tab marks the optima found by the early-stopping sweep."""
    for n in range(6, 4000):
        s_opt, optima = brute(n) if n < 300 else (sum(ab.min_abc(n)), ab.all_optima(n))
        assert optima_from_sweep(n, s_opt, ab.search_pq(n)) == optima, n


def test_level_curves_pass_through_their_points():
    land = ab.landscape(130, half_width=12)
    for s, (a, b) in ((23, (10, 13)), (31, (11, 11))):
        curve = level_curve(130, s, land.a, land.b, land.a0, land.b0)
        assert len(curve) > 50
        np.testing.assert_allclose((curve[:, 0] - 1) * (curve[:, 1] - 1), 131 - s, rtol=1e-12)
        near = curve[np.argmin(np.abs(curve[:, 0] - a))]
        assert near[1] == pytest.approx(b, abs=0.2)


def _drawn(tab):
    """What the landscape and its side plots show: data of the main items and the heat map."""
    items = [tab.land_naive, tab.land_optima, tab.land_level_opt, tab.saw_curve, tab.ab_trace["values"]]
    return [np.concatenate([np.asarray(d, float) for d in item.getData()]).round(9).tobytes() for item in items] + [
        np.nan_to_num(tab.land_image.image).tobytes()]


def test_chinese_ui_shows_the_same_values(qtbot, app):
    english = open_tab(qtbot, AbcTab)
    with built_in_chinese(app, lambda: open_tab(qtbot, AbcTab)) as chinese:
        label = chinese.panel.layout().labelForField(chinese.panel.control("algorithm")).text()
        assert label == "动画演示的搜索"
        assert chinese.panel.control("algorithm").currentText() == "算法 1（原文）"
        assert chinese.land_plot.titleLabel.text == "(a, b) 网格上的代价 S − S*"
        assert chinese.page_bar.tabText(0) == "(a, b) 代价地形"
        assert chinese.explanation_panel.toPlainText().startswith("N = ab + c：a + b + c 的最小值")
        assert "把自然数写成" in chinese.explanation_panel.toPlainText()
        assert chinese.naive_badge.text().endswith("✗ 非最优") and "optimal" not in chinese.naive_badge.text()
        assert chinese.presets.currentText() == "130：朴素解失效" and "最优解" in chinese.preset_note.text()
        assert "搜索轨迹" in chinese.ab_trace["plot"].titleLabel.text
        # Numbers and plots do not depend on the language.
        assert chinese.optimum_badge.text() == english.optimum_badge.text()
        assert chinese.params() == english.params() and _drawn(chinese) == _drawn(english)
        # Presets are found by their key, not their (translated) text.
        index = chinese.presets.findData("2879: hardest < 3000")
        assert chinese.presets.itemText(index) == "2879：3000 以内最难"
        chinese.presets.activated.emit(index)
        settle(qtbot, chinese)
        assert chinese.params()["N"] == 2879 and chinese.presets.currentIndex() == index
    english.shutdown()


def test_shipped_lesson_shows_what_its_captions_say(qtbot, tab):
    path = Path(__file__).resolve().parents[1] / "assets" / "lessons" / "abc.json"
    scenes = lesson.validate_lesson(lesson.read_lesson(path), lambda _tab: AbcTab.specs).scenes
    seen = []
    for scene in scenes:
        tab.apply_scene(scene)
        settle(qtbot, tab)
        assert tab.view_state()["page"] == scene.view["page"] and tab.panel.hidden() == scene.hidden
        r = tab._result
        if scene.title == "The early stop":  # 933 columns instead of the window's 63,249
            assert (r["counts"]["search_pq"], r["counts"]["search_pq_full"]) == (933, 63_249)
        seen.append((r["N"], r["naive"].S == r["s_opt"], r["trace"].search.S - r["s_opt"], tab.play_bar.frame,
                     tab.play_bar.frame_count))
    assert [(n, naive_ok, excess) for n, naive_ok, excess, _, _ in seen] == [
        (111, True, 0),  # the naive answer is optimal
        (130, False, 8),  # the counterexample: the naive rule's trace ends at S* + 8
        (2915, False, 0),  # the sawtooth: Algorithm 1 finds S*
        (162, False, 1),  # the open interval: Algorithm 1 as published ends at S* + 1
        (2879, False, 0),  # the (p, q) window
        (10**18 + 123456789012, False, 0),  # the early stop
        (50_000, False, 0),  # the race
    ]
    assert all(frame == count - 1 for *_, frame, count in seen)  # every search is shown complete
    assert tab._result["counts"]["search_pq"] == 4 and "inside the band" in tab.range_text.textItem.toPlainText()


def _shown_value(text: str):
    """A number as the tab shows it (1,234.5 or -2.929×10²⁰) as an exact Decimal, and the unit of its last digit."""
    from decimal import Decimal

    text = text.replace(",", "").replace("\u200b", "")
    if "×10" not in text:
        value = Decimal(text)
        return value, Decimal(1).scaleb(value.as_tuple().exponent)
    mantissa, power = text.split("×10")
    exponent = int(power.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")))
    mantissa = Decimal(mantissa)
    return mantissa.scaleb(exponent), Decimal(1).scaleb(mantissa.as_tuple().exponent + exponent)


def test_far_marks_print_only_true_digits_in_the_tab_s_format(qtbot, tab):
    """At N = 10⁴² the √(N/2) line is 2.9·10²⁰ left of the window: its offset once printed 21 digits from a float that
    holds 16 (…452,484,608.0 for …452,475,599.2), then as raw float notation (-2.92893218813452e+20)."""
    from decimal import Decimal, getcontext

    set_n(qtbot, tab, "10^42")
    note = tab.saw_note.textItem.toPlainText()
    shown = note.split("√(N/2): ")[1].split()[0]
    assert shown == "-2.929×10²⁰" and "e+" not in note, note
    getcontext().prec = 60
    exact = (Decimal(10**42) / 2).sqrt() - ab.sawtooth(10**42).a0
    value, unit = _shown_value(shown)
    assert abs(value - exact) <= unit / 2
    # Its 43 digits wrap instead of widening the sidebar past the window (which cut off every control).
    from PySide6.QtWidgets import QScrollArea

    sidebar = tab.findChild(QScrollArea)
    assert sidebar.widget().minimumSizeHint().width() <= sidebar.viewport().width()


@pytest.mark.parametrize("n", [10**42, 10**24 - 1, 10**18 + 123456789012])
def test_axis_origins_read_as_their_true_values_and_fit_their_axes(qtbot, tab, n):
    """At N = 10⁴² the side plot's axis cut "a* = 1,000,…,000" after 10¹⁸ (a* is 10²¹): long origins are rounded, and
    every origin shown, parsed back, is the true one to its last digit."""
    set_n(qtbot, tab, str(n))
    land, saw = tab._result["landscape"], tab._result["sawtooth"]
    for plot, side, name, origin in ((tab.land_plot, "bottom", "a*", land.a0), (tab.land_plot, "left", "b*", land.b0),
                                     (tab.saw_plot, "bottom", "a*", saw.a0)):
        axis = plot.getAxis(side)
        shown = axis.labelText.split(f"({name} ")[1].rstrip(")")
        assert shown.startswith("= " if origin < 10**12 else "≈ "), shown
        value, unit = _shown_value(shown[2:])
        assert abs(value - origin) <= unit / 2, (shown, origin)
        room = axis.height() if side == "left" else axis.width()  # a left axis's label runs along its height
        assert axis.label.boundingRect().width() <= room, (axis.labelText, room)


def test_scientific_rounds_exactly():
    from fractions import Fraction

    from explorer.ab_plus_c.view import _scientific, _signed

    assert _scientific(10**21) == "1.000×10²¹"
    assert _scientific(10**42 + 6 * 10**38) == "1.001×10⁴²"  # beyond a float's digits
    assert _scientific(999_960_000_000_000) == "1.000×10¹⁵"  # the carry
    assert _scientific(Fraction(2 * 123_456_789_012_345 + 1, 2)) == "1.235×10¹⁴"
    assert _scientific(-2.928932188134524e20) == "-2.929×10²⁰"
    assert _signed(528_578.7) == "+528,578.7" and _signed(3.2e14) == "+3.200×10¹⁴"


@pytest.mark.parametrize("n", ["1", "2", "3", "130"])
def test_landscape_markers_are_whole_and_their_labels_apart(qtbot, tab, n):
    """N = 1 with 60 columns each side: the optimum's star sat half outside the view at the origin, and the labels
    "S* = 1" and "naive: S = 2 = S* + 1" overlapped."""
    tab.set_params({"N": int(n), "window": 60})
    settle(qtbot, tab)
    qtbot.wait(20)  # the labels are placed again once the view has its final size
    view = tab.land_plot.getViewBox()
    area = view.sceneBoundingRect()
    for marker in (tab.land_optima, tab.land_naive):
        for spot in marker.points():
            radius = spot.size() / 2
            centre = view.mapViewToScene(spot.pos())
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            assert area.contains(box), (marker.name(), box, area)
    labels = [item.textItem.mapRectToScene(item.textItem.boundingRect())
              for item in (tab.land_opt_text, tab.land_naive_text) if item.isVisible()]
    assert len(labels) == 2
    assert not labels[0].intersects(labels[1]), labels
    assert all(area.contains(label) for label in labels)
    for item, other in ((tab.land_opt_text, tab.land_naive), (tab.land_naive_text, tab.land_optima)):
        (x, y), = points(other)[:1]
        label = item.textItem.mapRectToScene(item.textItem.boundingRect())
        assert not label.contains(view.mapViewToScene(QPointF(x, y))), item.toPlainText()


def test_small_n_has_whole_number_ticks_and_says_when_there_is_nothing_to_search(qtbot, tab):
    set_n(qtbot, tab, "2")  # (√1, √2] holds no integer: Algorithm 1 examines nothing
    assert tab.ab_trace["plot"].titleLabel.text.endswith("no candidates to examine")
    ticks = tab.saw_plot.getAxis("bottom").tickValues(0.5, 4.5, 400)
    assert all(float(value).is_integer() for _, values in ticks for value in values)
    set_n(qtbot, tab, "130")
    assert tab.ab_trace["plot"].titleLabel.text.endswith("found S*")


def test_a_big_search_reports_its_exact_running_best(qtbot, tab):
    """The verdict uses the exact running best S − S* the worker computed (the plotted one is a float, rounded
    beyond 2⁵³), checked here against a recount at several frames."""
    import re

    N = 10**30 + 12345
    tab.set_params({"N": N, "algorithm": "search_pq"})
    settle(qtbot, tab)
    tab.play_bar.pause()
    candidates = ab.search_pq(N).candidates
    s_opt = sum(ab.min_abc(N))
    for frame in (1, 2, tab.play_bar.frame_count - 1):
        tab.play_bar.set_frame(frame)
        title = tab.ab_trace["plot"].titleLabel.text.replace("\u200b", "")
        shown = int(re.search(r"([\d,]+) / ", title).group(1).replace(",", ""))
        best = min(a + b + N - a * b for a, b in candidates[:shown]) - s_opt
        assert (f"best S* + {best:,}" if best else "found S*") in title, title


@pytest.mark.parametrize(("n", "side"), [("130", "left"), ("2", "right")])
def test_the_naive_label_sits_beside_its_point_on_the_roomier_side(qtbot, tab, n, side):
    """At the window's left edge (N = 2) the label, slid in from the left, covered both the naive and the optimum
    markers."""
    set_n(qtbot, tab, n)
    label, marker = tab.land_naive_text, tab.land_naive
    qtbot.waitUntil(label.isVisible)
    text = label.textItem.mapRectToScene(label.textItem.boundingRect())
    (x, y), = points(marker)
    point = marker.getViewBox().mapViewToScene(QPointF(x, y))
    assert not text.contains(point)
    assert (text.right() <= point.x()) if side == "left" else (text.left() >= point.x())


def test_the_search_trace_s_last_marker_is_whole(qtbot, tab):
    """Half a candidate of margin is under a pixel at 292 candidates (N = 999983): the last marker was cut in half."""
    tab.set_params({"N": 999983})
    settle(qtbot, tab)
    values = tab.ab_trace["values"]
    x, y = values.getData()
    assert len(x) > 200
    view = tab.ab_trace["plot"].getViewBox()
    last = view.mapViewToScene(QPointF(float(x[-1]), float(y[-1])))
    room = values.opts["symbolSize"] / 2
    assert view.sceneBoundingRect().right() - last.x() >= room


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_search_whose_answer_is_a_equals_b_equals_zero_is_not_called_a_failure(qtbot, tab, n):
    """For N <= 3 the optimum (0, 0, N) is no (a, b) candidate: the trace's best stayed above S*, and its title said
    "best S* + 1 ✗" while the badge (rightly) said the search found S*."""
    tab.set_params({"N": n, "algorithm": "search_xy"})
    settle(qtbot, tab)
    tab.play_bar.set_frame(tab.play_bar.frame_count - 1)
    title = tab.ab_trace["plot"].titleLabel.text
    assert brute(n) == (n, [(0, 0, n)])  # the only optimum
    assert "S* at a = b = 0" in title and "✗" not in title


def test_the_naive_level_at_n_2_is_the_pair_of_lines_through_the_naive_point():
    """At N = 2 the naive S = 3 makes (a − 1)(b − 1) = 0: two lines, a = 1 and b = 1, which were not drawn."""
    land = ab.landscape(2, half_width=6)
    curve = level_curve(2, 3, land.a, land.b, land.a0, land.b0)
    drawn = curve[np.isfinite(curve).all(axis=1)]
    a, b = drawn[:, 0] + land.a0, drawn[:, 1] + land.b0
    assert len(drawn) == 4 and np.all((a - 1) * (b - 1) == 0)
    assert {tuple(v) for v in zip(a[:2], b[:2])} <= {(1.0, y) for y in b[:2]}  # first the line a = 1 ...
    assert np.all(b[2:] == 1.0)  # ... then b = 1
