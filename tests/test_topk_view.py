"""The Smooth top-k tab driven as a user would: presets, temperature, methods, animation, bad input, values shown."""

import html
from pathlib import Path

import numpy as np
import pytest
from helpers import built_in_chinese, open_tab, settle
from scipy.special import expit

import explorer.topk as T
from explorer import lesson
from explorer.topk import frame as topk_frame
from explorer.topk.view import ERROR_FLOOR_LOG, PRESET_KEYS, TopkTab

LESSON = Path(__file__).resolve().parents[1] / "assets" / "lessons" / "topk.json"


@pytest.fixture
def tab(qtbot, app):
    widget = open_tab(qtbot, TopkTab)
    yield widget
    widget.shutdown()


def heights(tab, method):
    return np.asarray(tab.method_bars[method].opts["height"], float)


def curve(item):
    """The data as set (not log-transformed)."""
    x, y = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else item.getData()
    if x is None:
        return np.zeros(0), np.zeros(0)
    return np.asarray(x), np.asarray(y)


def choose_preset(qtbot, tab, key):
    index = tab.preset_combo.findData(key)
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)
    settle(qtbot, tab)


def test_default_bars_match_closed_forms(tab):
    # [3, 2, 1, 4], k = 2, τ = 1: the sigmoid threshold is λ = 2.5 by symmetry.
    np.testing.assert_allclose(heights(tab, "sigmoid"), expit([0.5, -0.5, -1.5, 1.5]), rtol=1e-12)
    grad = heights(tab, "grad")
    np.testing.assert_allclose(grad[[3, 2]], expit([2.0, -2.0]), rtol=1e-12)  # exactly σ(±2) for 4 and 1
    np.testing.assert_allclose(grad[:2], [0.6944133, 0.3055867], atol=1e-7)
    np.testing.assert_allclose(heights(tab, "sinkhorn"), heights(tab, "sigmoid"), atol=1e-12)  # ε = 2τ
    np.testing.assert_allclose(tab.hard_bars.opts["height"], [1, 0, 0, 1])
    for method in topk_frame.DEFAULT_METHODS:
        assert "Σ = 2.000" in tab.key_items[method].text()
        assert tab.key_items[method].isVisible()
    assert not tab.key_items["iterative"].isVisible()
    assert tab.preset_combo.currentData() == "post_example"


def test_explanation_lists_every_method_and_the_properties(tab):
    assert sorted(topk_frame.ORDER) == sorted(T.METHODS)
    body = tab.explanation.translated("TopkTab").body  # the table is filled in, in the language shown
    for method in T.METHODS:
        row = body.split(f"<tr><td>{html.escape(topk_frame.SHORT_LABELS[method])}</td>")[1].split("</tr>")[0]
        expected = ["✗" if T.PROPERTIES[method][p] == "no" else "" for p in ("range", "sum", "order")]
        assert [("✗" if "✗" in cell else "") for cell in row.split("</td>")[:3]] == expected
    assert "[0.694, 0.306, σ(−2), σ(2)]" in body
    assert f"{topk_frame.SINKHORN_ITERATIONS} iterations" in body


def test_marked_texts_quote_the_limits_they_describe():
    # lupdate reads literals only, so these texts spell out constants: they must follow the constants.
    specs = {spec.name: spec for spec in TopkTab.specs}
    assert f"(2 to {topk_frame.N_MAX} finite numbers)" in specs["x"].tooltip
    assert f"(2 to {topk_frame.N_MAX})." in specs["n"].tooltip
    assert f"(1 to {topk_frame.K_MAX};" in specs["k"].tooltip
    assert topk_frame.SHORT_LABELS["gumbel"] == f"Gumbel ({topk_frame.GUMBEL_SAMPLES} samples)"


@pytest.mark.parametrize("key", PRESET_KEYS)
def test_presets_set_x_and_k(qtbot, tab, key):
    choose_preset(qtbot, tab, key)
    preset = T.PRESETS[key]
    frame = tab._frame
    np.testing.assert_array_equal(frame.x, preset.x)  # the random input at n = 10, seed 0 is the model's preset
    assert frame.k == preset.k == tab.params()["k"]
    assert tab.params()["tau"] == 1.0
    assert tab.preset_combo.currentData() == key
    assert tab.preset_note.text()
    assert not tab.error_label.isVisible()


def test_iterative_preset_flags_an_entry_above_one(qtbot, tab):
    choose_preset(qtbot, tab, "iterative_exceeds_one")
    bars = heights(tab, "iterative")
    np.testing.assert_allclose(bars, [1.32623522, 0.48444697, 0.18931781], atol=1e-7)
    flag_x, flag_y = tab.bar_flags.getData()
    bar_x = np.asarray(tab.method_bars["iterative"].opts["x"])
    assert len(flag_x) == 1 and flag_x[0] == pytest.approx(bar_x[0]) and flag_y[0] > 1.3
    assert "max 1.33 &gt; 1" in tab.key_items["iterative"].text()
    # n = 3: its path leaves the capped simplex towards [1.5, 0.5, 0] as τ → 0.
    assert not tab.simplex_note.isVisible()
    x, y = curve(tab.simplex_paths["iterative"])
    np.testing.assert_allclose([x[0], y[0]], T.triangle_xy([1.5, 0.5, 0.0]), atol=1e-6)
    x, y = curve(tab.capped_polygon)
    assert len(x) == 4  # a closed triangle: the k-hot vectors (1,1,0), (1,0,1), (0,1,1)


def test_counterexample_presets_are_flagged(qtbot, tab):
    choose_preset(qtbot, tab, "weighted_loses_order")
    text = tab.key_items["weighted"].text()
    assert "order lost" in text and "max 1.29" in text
    choose_preset(qtbot, tab, "recursion_breaks")
    np.testing.assert_allclose(heights(tab, "grad_recursive"), [2.0, 0.0])
    np.testing.assert_allclose(heights(tab, "grad"), [1.0, 1.0])
    assert "max 2 &gt; 1" in tab.key_items["grad_recursive"].text()
    choose_preset(qtbot, tab, "recursion_nan")
    assert "NaN" in tab.key_items["grad_recursive"].text()
    flag_x, _ = tab.bar_flags.getData()
    assert len(flag_x) == 8  # every NaN bar is marked


def test_sweep_memo_keys_are_one_object_whatever_n():
    """The memo is bounded by entries: a key that held n floats let it hold any amount of memory (and made the soak's
    block count depend on which inputs happened to be cached)."""
    x = np.linspace(-1.0, 1.0, topk_frame.N_MAX)
    key = topk_frame.memo_key(x)
    assert isinstance(key, bytes) and len(key) == 8 * topk_frame.N_MAX
    assert key == topk_frame.memo_key(list(x)) == topk_frame.memo_key(x[::-1][::-1])  # a copy or a view: same key
    assert key != topk_frame.memo_key(x[:-1]) and key != topk_frame.memo_key(x + 1e-15)
    assert topk_frame.memo_key(np.array([3, 2, 1, 4])) == topk_frame.memo_key(np.array([3.0, 2.0, 1.0, 4.0]))


def test_tau_changes_the_bars_but_not_the_sweeps(qtbot, tab, monkeypatch):
    before_bars = heights(tab, "sigmoid")
    before_error = curve(tab.error_curves["grad"])
    before_components = curve(tab.component_curves)
    sweep = tab._frame.sweeps["grad"]
    calls = []
    original = topk_frame.sweep_with_error
    monkeypatch.setattr(topk_frame, "sweep_with_error", lambda *a, **kw: (calls.append(a), original(*a, **kw))[1])
    tab.panel.control("tau")._slider.setValue(333)  # a third of the way along 1e-3 .. 1e3: τ ≈ 0.1
    settle(qtbot, tab)
    assert tab.params()["tau"] == pytest.approx(0.1, rel=0.01)
    assert not np.allclose(heights(tab, "sigmoid"), before_bars)
    for after, before in ((curve(tab.error_curves["grad"]), before_error),
                          (curve(tab.component_curves), before_components)):
        np.testing.assert_array_equal(after[0], before[0])
        np.testing.assert_array_equal(after[1], before[1])
    assert tab._frame.sweeps["grad"] is sweep
    assert calls == [], "a temperature change must reuse the cached τ sweeps"
    # The current-τ marker moved along the (unchanged) curve.
    marker_x, marker_y = curve(tab.error_now["grad"])
    assert marker_x[0] == pytest.approx(tab.params()["tau"])
    assert marker_y[0] == pytest.approx(tab._frame.checks["grad"].error)


def test_error_curves_agree_with_the_model(tab):
    for method in ("grad", "sigmoid", "laplace"):
        taus, error = curve(tab.error_curves[method])
        expected = T.error_to_hard([3, 2, 1, 4], 2, taus, method)
        keep = expected > 0
        np.testing.assert_allclose(error[keep], expected[keep], rtol=1e-9)


def test_sinkhorn_markers_sit_on_the_sigmoid_curves(qtbot, tab):
    tab.set_params({"focus": "sigmoid"})
    settle(qtbot, tab)
    assert "Sinkhorn" in tab.components_plot.titleLabel.text
    taus, values = curve(tab.component_markers)
    per_component = len(tab._frame.sweeps["sinkhorn"].taus)
    component = np.repeat(np.arange(4), per_component)  # the markers run through each component in turn
    assert len(taus) == 4 * per_component
    x = [3.0, 2.0, 1.0, 4.0]
    sigmoid = np.array([T.soft_topk(x, 2, t, "sigmoid")[c] for t, c in zip(taus, component)])
    converged = taus >= 0.3  # at smaller τ 1000 Sinkhorn iterations are not enough for these gaps
    np.testing.assert_allclose(values[converged], sigmoid[converged], atol=1e-6)


def test_bisection_animation_narrows_the_bracket(qtbot, tab):
    def bracket():
        x, _ = curve(tab.bracket_edges)
        return x[0], x[3]

    widths = []
    for _ in range(5):
        low, high = bracket()
        widths.append(high - low)
        tab.play_bar.step()
    np.testing.assert_allclose(np.array(widths[1:]) / np.array(widths[:-1]), 0.5)
    low, high = bracket()
    assert low <= 2.5 <= high  # the sigmoid root
    assert "step 6" in tab.step_text.textItem.toPlainText()
    tab.play_bar.play()
    qtbot.waitUntil(lambda: tab.play_bar.frame > 7, timeout=5000)
    tab.play_bar.pause()


def test_jacobian_image_is_symmetric_with_a_symmetric_colour_range(tab):
    image = tab.jacobian_image.image
    expected = T.topk_jacobian([3, 2, 1, 4], 2, 1.0, "grad")
    np.testing.assert_allclose(image, expected, atol=1e-12)
    np.testing.assert_allclose(image, image.T, atol=1e-12)
    np.testing.assert_allclose(image.sum(axis=1), 0.0, atol=1e-12)  # Σ = k whatever x: rows sum to zero
    low, high = tab.jacobian_bar.levels()
    # Symmetric, and ending on the next readable number above the largest entry (0.212 → 0.25).
    assert 0.2 < np.abs(expected).max() < 0.25 and (low, high) == (-0.25, 0.25)


def test_jacobian_falls_back_and_is_guarded_at_large_n(qtbot, tab):
    tab.set_params({"focus": "iterative"})
    settle(qtbot, tab)
    assert "GradTopK" in tab.jacobian_plot.titleLabel.text  # no exact Jacobian for the iterative scheme
    tab.set_params({"source": "random", "n": 1000, "k": 30, "focus": "grad"})
    settle(qtbot, tab)
    assert tab.jacobian_note.isVisible() and "O(n²k)" in tab.jacobian_note.textItem.toPlainText()
    # Not drawn, it shows no scale: ticks and a colour bar around the note read as an empty matrix.
    axes = [tab.jacobian_plot.getAxis(side) for side in ("bottom", "left")]
    assert not tab.jacobian_bar.isVisible() and all(axis._tickLevels == [[], []] for axis in axes)
    tab.set_params({"focus": "sigmoid"})
    settle(qtbot, tab)
    assert not tab.jacobian_note.isVisible()
    assert tab.jacobian_bar.isVisible() and all(len(axis._tickLevels[0]) > 1 for axis in axes)
    assert tab.jacobian_image.image.shape == (16, 16)  # the ranks around the k-th place
    assert "ranks 23–38 of 1000" in tab.bars_plot.getAxis("bottom").labelText


def test_simplex_view_only_for_three_scores(qtbot, tab):
    assert tab.simplex_note.isVisible() and "n = 3" in tab.simplex_note.textItem.toPlainText()
    assert curve(tab.simplex_paths["grad"])[0].size == 0
    tab.set_params({"x": "2, 0.5, -1", "k": 1})
    settle(qtbot, tab)
    assert not tab.simplex_note.isVisible()
    x, y = curve(tab.simplex_paths["grad"])
    taus = tab._frame.sweeps["grad"].taus
    expected = T.triangle_xy(T.tau_sweep([2, 0.5, -1], 1, taus, "grad"))
    np.testing.assert_allclose(np.column_stack([x, y]), expected, atol=1e-12)
    hard_x, hard_y = tab.simplex_hard.getData()
    np.testing.assert_allclose([hard_x[0], hard_y[0]], T.triangle_xy([1.0, 0.0, 0.0]))


@pytest.mark.parametrize(
    "text, fragment",
    [("1,,2", "entry 2 is empty"), ("a,b", "entry 1 ('a') is not a number"), ("1,nan", "entry 2 is nan"),
     ("", "enter the scores"), ("5", "at least two"), ("1, 1e9", "too large")],
)
def test_bad_scores_show_a_clear_message(qtbot, tab, text, fragment):
    field = tab.panel.control("x")
    field.setText(text)
    field.editingFinished.emit()
    assert tab.error_label.isVisible() and fragment in tab.error_label.text()
    assert tab.params()["x"] == "3, 2, 1, 4"


def test_k_above_n_is_capped_with_a_message(qtbot, tab):
    tab.set_params({"k": 7})
    settle(qtbot, tab)
    assert tab.k_notice.isVisible() and "k = 7 is more than the n = 4 scores" in tab.k_notice.text()
    assert not tab.error_label.isVisible()
    np.testing.assert_allclose(heights(tab, "grad"), 1.0)
    assert "nothing to bisect" in tab.step_text.textItem.toPlainText()
    tab.set_params({"k": 3})
    settle(qtbot, tab)
    assert not tab.k_notice.isVisible()


def test_every_control_changes_what_is_drawn(qtbot, tab):
    def snapshot():
        items = [tab.component_curves, tab.error_curves["grad"], tab.error_curves["exp"],
                 tab.threshold_curves["sigmoid"], tab.sum_value, tab.mid_line]
        data = [np.nan_to_num(np.concatenate(curve(item))).round(9).tobytes() for item in items]
        bars = [heights(tab, m).round(9).tobytes() for m in ("grad", "exp", "sigmoid")]
        keys = [label.text() for label in tab.key_items.values()]
        return data + bars + keys + [tab.components_plot.titleLabel.text]

    changes = [("x", "1, 5, 2, 0, 3"), ("k", 3), ("tau", 0.2), ("methods", ("grad", "exp")), ("focus", "laplace"),
               ("source", "random"), ("n", 12), ("seed", 4)]
    assert {name for name, _ in changes} == {spec.name for spec in tab.specs}
    for name, value in changes:
        before = snapshot()
        tab.set_params({name: value})
        settle(qtbot, tab)
        assert snapshot() != before, f"changing {name} changed nothing on screen"
    assert not tab.panel.control("x").isEnabled() and tab.panel.control("n").isEnabled()
    assert tab.preset_combo.currentData() == "random"


def test_large_n_drag_reuses_sweeps_and_stays_fast(qtbot, tab):
    import time

    tab.set_params({"source": "random", "n": 1000, "k": 30, "methods": ("sigmoid", "laplace", "exp", "clip"),
                    "focus": "laplace"})
    settle(qtbot, tab)
    params = tab.params()

    class Job:
        def check(self):
            pass

        def progress(self, fraction, message=""):
            raise AssertionError("no new sweep should be needed for a temperature change")

    timings = []
    for tau in (0.5, 0.2, 0.05, 0.02, 0.01):
        start = time.perf_counter()
        TopkTab.compute({**params, "tau": tau}, Job())
        timings.append(time.perf_counter() - start)
    assert np.median(timings) < 0.1, timings


def test_view_state_round_trip(qtbot, tab):
    for _ in range(5):
        tab.play_bar.step()
    view = tab.view_state()
    assert view == {"bisection_step": 5}
    tab.apply_view_state({"bisection_step": "x"})
    assert tab.view_state() == {"bisection_step": 0}
    tab.apply_view_state({"bisection_step": 10**9, "other": object()})
    assert tab.view_state() == {"bisection_step": 0}
    tab.apply_view_state(view)
    assert tab.view_state() == view
    low, high = curve(tab.bracket_edges)[0][[0, 3]]
    first_low, first_high, _ = tab._frame.threshold.trace[5]
    assert (low, high) == (pytest.approx(first_low), pytest.approx(first_high))


def drawn(tab):
    """What the plots show, language aside: bars, error curves, the Jacobian, the threshold curves."""
    data = [heights(tab, m).round(12).tobytes() for m in tab._frame.methods]
    data += [np.nan_to_num(np.concatenate(curve(tab.error_curves[m]))).tobytes() for m in tab._frame.methods]
    data += [np.nan_to_num(np.concatenate(curve(c))).tobytes() for c in tab.threshold_curves.values()]
    return data + [tab.jacobian_image.image.tobytes()]


def test_chinese_ui_shows_the_same_values(qtbot, app):
    english = open_tab(qtbot, TopkTab)
    with built_in_chinese(app, lambda: open_tab(qtbot, TopkTab)) as chinese:
        assert chinese.panel.layout().labelForField(chinese.panel.control("tau")).text() == "温度 τ"
        assert chinese.panel.control("source").currentText() == "输入的分数 x"
        assert chinese.bars_plot.titleLabel.text == "当前 τ 下的输出"
        assert chinese.jacobian_plot.titleLabel.text == "雅可比矩阵：GradTopK"
        text = chinese.explanation_panel.toPlainText()
        assert text.startswith("Top-k 的光滑近似") and "保序" in text and "order" not in text  # the table too
        assert "硬掩码" in chinese.key_items["hard"].text()
        assert chinese.preset_combo.currentText() == "原文的例子 [3, 2, 1, 4]，k = 2"
        assert chinese.step_text.textItem.toPlainText() == "第 1 步：区间宽 2.4"
        # Numbers and plots do not depend on the language.
        assert chinese.params() == english.params() and drawn(chinese) == drawn(english)
        # Presets are found by key; flags and input errors come in Chinese too.
        choose_preset(qtbot, chinese, "iterative_exceeds_one")
        assert "最大值 1.33 &gt; 1" in chinese.key_items["iterative"].text()
        assert chinese.preset_note.text().startswith("逐次 Softmax")
        field = chinese.panel.control("x")
        field.setText("1,,2")
        field.editingFinished.emit()
        assert "第 2 项为空" in chinese.error_label.text()
    english.shutdown()


def test_applying_a_scene_keeps_the_tabs_own_ranges(qtbot, tab):
    # A scene without zoomed plots puts every plot back on auto range; the tab's fixed ranges must return.
    plots = (tab.error_plot, tab.components_plot, tab.sum_plot, tab.bars_plot)
    before = [plot.getViewBox().viewRange() for plot in plots]
    tab.apply_scene(tab.scene())
    settle(qtbot, tab)
    assert not any(any(plot.getViewBox().state["autoRange"]) for plot in plots)
    qtbot.wait(50)  # an auto range would be applied by now
    after = [plot.getViewBox().viewRange() for plot in plots]
    np.testing.assert_allclose(after, before)
    assert after[0][1][0] == pytest.approx(ERROR_FLOOR_LOG, abs=1.0)  # 1e-40, not the float64 floor


def test_shipped_lesson_shows_what_its_captions_say(qtbot, tab):
    scenes = lesson.validate_lesson(lesson.read_lesson(LESSON), lambda _tab: TopkTab.specs).scenes
    assert 5 <= len(scenes) <= 7
    frames = []
    for scene in scenes:
        tab.apply_scene(scene)
        settle(qtbot, tab)
        assert tab.panel.hidden() == scene.hidden and tab.view_state() == {"bisection_step": 0, **scene.view}
        frames.append(tab._frame)
    hard_mask, relaxed, cooled, iterative, bisection, jacobian = frames
    # The hard mask has no gradient: every output is the mask and the Jacobian is zero.
    for method in hard_mask.methods:
        np.testing.assert_allclose(hard_mask.outputs[method], [1, 0, 0, 1], atol=1e-12)
    assert not np.any(hard_mask.jacobian.matrix)
    # τ = 1: Σ = k everywhere, GradTopK gives exactly σ(±2) to 4 and 1.
    assert all(abs(relaxed.checks[m].total - 2) < 1e-9 for m in relaxed.methods)
    np.testing.assert_allclose(relaxed.outputs["grad"][[3, 2]], expit([2.0, -2.0]), rtol=1e-12)
    # Cooling: GradTopK and min(1, eˣ) are nearer the mask than sigmoid and Laplace.
    errors = {m: cooled.checks[m].error for m in cooled.methods}
    assert max(errors["grad"], errors["exp"]) < min(errors["sigmoid"], errors["laplace"])
    # The iterative construction keeps Σ = k but exceeds 1.
    assert iterative.checks["iterative"].high == pytest.approx(1.326, abs=1e-3)
    assert iterative.checks["iterative"].total == pytest.approx(2.0)
    # Bisection: the second step is shown, its bracket half the first one.
    trace = bisection.threshold.trace
    assert scenes[4].view["bisection_step"] == 1 and trace[1, 1] - trace[1, 0] == pytest.approx(
        (trace[0, 1] - trace[0, 0]) / 2)
    # The Jacobian: symmetric, rows sum to zero, largest next to the k-th place (the entries 1.9 and 1.5).
    matrix = jacobian.jacobian.matrix
    np.testing.assert_allclose(matrix, matrix.T, atol=1e-12)
    np.testing.assert_allclose(matrix.sum(axis=1), 0.0, atol=1e-12)
    assert set(np.argsort(-np.diag(matrix))[:2]) == {1, 2}


def test_a_flagged_sum_shows_why():
    """Σ is flagged beyond 1e-6·k; when three decimals would show k itself, the distance from k is shown instead."""
    from explorer.topk.view import _sum_text

    assert _sum_text(2.0, 2) == "2.000" and _sum_text(2.0 + 1e-9, 2) == "2.000"
    assert _sum_text(1.0004, 1) == "1 + 4.0e-04" and _sum_text(0.99996, 1) == "1 − 4.0e-05"
    assert _sum_text(1.3333, 1) == "1.333" and _sum_text(float("nan"), 3) == "NaN"


def test_the_smooth_sum_legend_leaves_the_curves_uncovered(qtbot, tab):
    """Inside the plot it hid the curves' rise at every presentation size and at 1024 wide: no corner is empty."""
    legend = tab.sum_plot.legend.sceneBoundingRect()
    assert legend.height() > 0
    assert not legend.intersects(tab.sum_plot.getViewBox().sceneBoundingRect())
