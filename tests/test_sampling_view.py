"""The Sampling tab driven as a user would: trajectories, animation, solvers and NFE, the ρ slider, the heavy
experiments (progress, cancel), training again, bad input, view state and closing mid-computation."""

import math
import time

import numpy as np
import pytest
from helpers import built_in_chinese
from PySide6.QtCore import QPointF

from explorer.sampling import karras_sigmas, preset, prior_sample, quality_vs_steps, sample, skip_grid
from explorer.sampling.view import (
    DDIM_ETA,
    ERROR_SIGMAS,
    EXPERIMENT_PARTICLES,
    QUALITY_TICKS,
    SamplingTab,
    parse_rhos,
    parse_steps,
)
from explorer.theme import LIGHT


def make_tab(qtbot):
    widget = SamplingTab(LIGHT)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def tab(qtbot, app):
    """A tab whose start-up experiments are cancelled: tests that need them run them on a small grid."""
    widget = make_tab(qtbot)
    widget.cancel_experiments()
    settle(qtbot, widget)
    yield widget
    widget.shutdown()


def settle(qtbot, tab):
    """The live view is drawn (the heavy experiments may still run)."""
    assert tab.runner.wait_idle(60)
    qtbot.waitUntil(lambda: not tab._redraw.isActive() and not tab._has_latest, timeout=10_000)


def settle_experiments(qtbot, tab):
    assert tab.experiments.wait_idle(120)
    settle(qtbot, tab)


def particles(tab):
    x, y = tab.particles.getData()
    return np.column_stack([x, y])


def expected_run(steps=16, solver="heun", n=2000, seed=0, name="ring8"):
    """The run the tab should show, from the same seed streams as the experiments."""
    _, prior_seed, noise_seed = np.random.SeedSequence(seed).spawn(3)
    x_T = prior_sample(n, 80.0, prior_seed)
    return preset(name), sample(preset(name).denoise, x_T, karras_sigmas(steps, 0.002, 80.0), solver, noise_seed, 0.5)


def test_builds_with_trajectories_drawn(qtbot, tab):
    _, run = expected_run()
    assert tab.play_bar.frame_count == 17 and tab.play_bar.frame == 16  # opens on the samples
    np.testing.assert_allclose(particles(tab), run.path[-1], rtol=1e-12, atol=1e-12)  # σ = 0: no scaling
    x, y = tab.traces.getData()
    finite = np.isfinite(x)
    assert finite.sum() == 150 * 17  # 150 traced paths, every step
    assert tab.density.image is not None and tab.density.isVisible()
    assert "NFE = 31" in tab.readout.text()  # Heun: 2N - 1


def test_solver_and_steps_change_the_nfe_shown(qtbot, tab):
    for solver, steps, nfe in (("euler", 8, 8), ("heun", 8, 15), ("dpmpp_2m", 5, 5), ("heun", 1, 1)):
        tab.set_params({"solver": solver, "steps": steps})
        settle(qtbot, tab)
        assert f"NFE = {nfe}</b>" in tab.readout.text()
        assert (f", {steps} steps," if steps > 1 else ", 1 step,") in tab.readout.text()
        assert tab.live_point.xData[0] == nfe  # getData() is log10 on a log axis
        assert tab.play_bar.frame_count == steps + 1


def test_one_euler_step_lands_on_the_closed_form_denoiser(qtbot, tab):
    tab.set_params({"solver": "euler", "steps": 1})
    settle(qtbot, tab)
    mixture, run = expected_run(steps=1, solver="euler")
    np.testing.assert_allclose(particles(tab), mixture.denoise(run.path[0], 80.0), atol=1e-12)


def test_frame_slider_moves_the_particles_along_the_stored_path(qtbot, tab):
    _, run = expected_run()
    tab.play_bar.set_frame(5)
    sigma = run.sigmas[5]
    np.testing.assert_allclose(particles(tab), run.path[5] / np.sqrt(1 + sigma**2), rtol=1e-12)
    predictions = np.column_stack(tab.predictions.getData())
    np.testing.assert_allclose(predictions, run.denoised[5], rtol=1e-12)  # x̂0 in data coordinates
    assert f"σ = {sigma:.3g}" in tab.frame_text.textItem.toPlainText()
    trail = np.column_stack(tab.traces.getData())
    assert np.isfinite(trail[:, 0]).sum() == 150 * 6  # paths drawn up to this frame only

    tab.set_params({"view": "raw"})
    settle(qtbot, tab)
    assert tab.play_bar.frame == 5  # a recomputation keeps the frame
    np.testing.assert_allclose(particles(tab), run.path[5], rtol=1e-12)
    tab.play_bar.step()
    np.testing.assert_allclose(particles(tab), run.path[6], rtol=1e-12)
    low, high = tab.flow_plot.vb.viewRange()[0]
    assert high >= 3 * run.sigmas[6] * 0.99  # the raw view zooms with σ


def test_play_animates_without_recomputing(qtbot, tab):
    generation = tab.runner._generation
    tab.play_bar.play()
    qtbot.waitUntil(lambda: 2 <= tab.play_bar.frame < 16, timeout=5000)
    tab.play_bar.pause()
    _, run = expected_run()
    frame = tab.play_bar.frame
    np.testing.assert_allclose(particles(tab), run.path[frame] / np.sqrt(1 + run.sigmas[frame] ** 2), rtol=1e-12)
    assert tab.runner._generation == generation


def test_ten_thousand_particles_animate_cheaply(qtbot, tab):
    tab.set_params({"particles": 10000, "steps": 64, "solver": "euler"})
    settle(qtbot, tab)
    assert len(tab.particles.data) == 10000
    start = time.perf_counter()
    for frame in range(0, 64, 4):
        tab.play_bar.set_frame(frame)
    per_frame = (time.perf_counter() - start) / 16
    assert per_frame < 0.03, f"a frame took {per_frame * 1000:.1f} ms"


def test_rho_slider_resamples_the_network(qtbot, tab):
    tab.set_params({"skip_rho": 0.5})
    settle(qtbot, tab)
    assert "acts on the trained network only" in tab.readout.text()
    assert tab.live_error.xData is None or len(tab.live_error.xData) == 0

    tab.set_params({"denoiser": "network", "solver": "dpmpp_2m", "steps": 4, "skip_rho": 1.0, "particles": 5000})
    settle(qtbot, tab)
    untuned = particles(tab)
    assert len(untuned) == 2000 and "2000 of 5000 particles" in tab.readout.text()
    tab.panel.control("skip_rho").setValue(0.5)
    settle(qtbot, tab)
    tuned = particles(tab)
    assert tab.params()["skip_rho"] == 0.5
    assert not np.allclose(tuned, untuned)
    assert "ρ = 0.50" in tab.readout.text()
    sigmas, errors = tab.live_error.xData, tab.live_error.yData
    np.testing.assert_allclose(sigmas, ERROR_SIGMAS)
    assert errors.max() > 0.05  # a tuned network is far from the exact D near σ = 1


def test_start_up_fills_every_plot_and_the_live_point_lies_on_its_curve(qtbot, app):
    tab = make_tab(qtbot)
    assert tab._requested["curves"] is not None and tab._requested["skip"] is not None
    settle_experiments(qtbot, tab)
    assert tab.heat.image.shape == (6, 5)  # ρ 0.5 … 1 by steps 2 … 8
    assert all(len(curve.xData) == 25 for curve in tab.error_curves)
    assert "Grid: Heun" in tab.experiment_status.text()
    nfe, values = tab.quality_curves["heun"].xData, tab.quality_curves["heun"].yData
    star_nfe, star_value = tab.live_point.xData, tab.live_point.yData
    index = list(nfe).index(star_nfe[0])
    assert star_value[0] == pytest.approx(values[index], rel=1e-9)  # the live run is the curve's run
    floor = tab.floor_line.yData[0]
    assert f"floor {floor:.3f}" in tab.readout.text()
    # Independently: quality_vs_steps for Heun alone gives the same point.
    mixture = preset("ring8")
    direct = quality_vs_steps(mixture.denoise, mixture, [16], ["heun"], n=EXPERIMENT_PARTICLES, seed=0)
    assert star_value[0] == pytest.approx(direct.values["heun"][0], rel=1e-9)
    tab.shutdown()


@pytest.mark.parametrize("solver", ["euler", "dpmpp_2m", "ddim", "ddpm"])
@pytest.mark.parametrize("particles", [EXPERIMENT_PARTICLES // 2, 3 * EXPERIMENT_PARTICLES])
def test_the_live_quality_point_is_quality_vs_steps_for_every_solver(solver, particles):
    """The live view reuses its own run for an ODE solver and runs again for a stochastic one; either way the point
    and the floor are those quality_vs_steps computes on its own."""
    from explorer.params import defaults
    from explorer.runner import Job

    params = dict(defaults(SamplingTab.specs), solver=solver, steps=5, particles=particles, preset="two_moons", seed=3)
    live = SamplingTab.compute(params, Job(0, lambda *_: None))
    mixture = preset("two_moons")
    direct = quality_vs_steps(mixture.denoise, mixture, [5], [solver], n=EXPERIMENT_PARTICLES, seed=3, eta=DDIM_ETA)
    assert live.metric == pytest.approx(direct.values[solver][0], rel=1e-9)
    assert live.floor == pytest.approx(direct.floor, rel=1e-12)
    assert live.trajectory.samples.shape == (particles, 2)


def test_grid_runs_with_progress_on_a_tiny_configuration(qtbot, tab):
    reports = []
    tab.progress_changed.connect(lambda fraction, message: reports.append((fraction, message)))
    tab.set_params({"solver": "euler", "grid_rhos": "0.5", "grid_steps": "2, 4"})
    settle(qtbot, tab)
    assert "No grid yet" in tab.experiment_status.text()
    tab.run_button.click()
    assert tab.cancel_button.isEnabled()
    settle_experiments(qtbot, tab)
    # Progress is throttled (a few reports a second), so which cells get reported depends on the machine's speed.
    assert reports and reports[-1] == (pytest.approx(1.0), "experiments done")
    assert tab.heat.image.shape == (2, 2)
    assert tab.experiment_status.text().startswith("Grid: Euler")
    tab.set_params({"solver": "heun"})
    settle(qtbot, tab)
    assert "stale" in tab.experiment_status.text() and tab.grid_stale_note.isVisible()
    mixture = preset("ring8")
    from functools import partial

    from explorer.sampling.network import skip_tuned
    from explorer.sampling.weights import load_pretrained

    direct = skip_grid([0.5, 1.0], [2, 4], partial(skip_tuned, load_pretrained("ring8")), mixture, solver="euler",
                       n=EXPERIMENT_PARTICLES)
    expected = np.clip(np.log2(direct.values / direct.values[1]), -1, 1)
    np.testing.assert_allclose(tab.heat.image, expected, atol=1e-9)


def test_the_grid_summary_gives_the_floor_beside_its_best_cell(qtbot, tab):
    """The largest gain is often a broken run made less broken (Heun at 3 steps: 10.7 → 5.1, the data's own floor
    0.14): the floor beside it says which."""
    from functools import partial

    from explorer.sampling.network import skip_tuned
    from explorer.sampling.weights import load_pretrained

    tab.set_params({"solver": "heun", "grid_rhos": "0.5", "grid_steps": "3"})
    settle(qtbot, tab)
    tab.run_button.click()
    settle_experiments(qtbot, tab)
    direct = skip_grid([0.5, 1.0], [3], partial(skip_tuned, load_pretrained("ring8")), preset("ring8"),
                       solver="heun", n=EXPERIMENT_PARTICLES)
    (tuned,), (base,) = direct.values
    assert tuned < 0.98 * base and tuned > 10 * direct.floor  # better, and still far from the data
    assert (f"best: ρ = 0.5 at 3 steps, {base:.3f} → {tuned:.3f} (floor {direct.floor:.3f})"
            in tab.readout.text())


def test_grid_can_be_cancelled(qtbot, tab):
    tab.set_params({"grid_rhos": "0.5", "grid_steps": "2"})
    tab.run_grid()
    settle_experiments(qtbot, tab)
    before = tab.heat.image.copy()
    tab.set_params({"grid_rhos": "0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9", "grid_steps": "2, 4, 8, 16, 32"})
    reports = []
    tab.progress_changed.connect(lambda fraction, message: reports.append(fraction))
    tab.run_button.click()
    qtbot.waitUntil(lambda: any(0 < f < 1 for f in reports), timeout=30_000)
    start = time.monotonic()
    tab.cancel_button.click()
    assert tab.experiments.wait_idle(5)
    assert time.monotonic() - start < 5
    assert "Cancelled" in tab.experiment_status.text()
    assert not tab.cancel_button.isEnabled()
    np.testing.assert_array_equal(tab.heat.image, before)


def test_train_again_uses_the_new_network(qtbot, tab):
    tab.set_params({"denoiser": "network", "steps": 4, "solver": "euler", "grid_rhos": "0.5", "grid_steps": "2"})
    settle(qtbot, tab)
    shipped = particles(tab)
    tab.train_steps.setValue(10)
    tab.train_button.click()
    assert not tab.train_button.isEnabled() and tab.train_cancel_button.isEnabled()
    assert tab.trainer.wait_idle(120)
    settle(qtbot, tab)
    assert "Retrained this session: 10 steps" in tab.network_status.text()
    assert tab.train_button.isEnabled()
    assert not np.allclose(particles(tab), shipped)  # the live view now uses the retrained network
    # The grid and the network curves are redone for the new network.
    settle_experiments(qtbot, tab)
    assert tab._shown_keys["skip"][-1] == 1 and tab._shown_keys["curves"][-1] == 1
    tab.set_params({"preset": "two_moons"})
    settle(qtbot, tab)
    assert "Shipped weights" in tab.network_status.text()  # retrained for the ring only


def test_training_can_be_cancelled(qtbot, tab):
    tab.train_steps.setValue(20000)
    tab.train_button.click()
    qtbot.waitUntil(lambda: tab.train_progress.value() > 0, timeout=60_000)
    start = time.monotonic()
    tab.train_cancel_button.click()
    assert tab.trainer.wait_idle(5)
    assert time.monotonic() - start < 5
    assert "cancelled" in tab.network_status.text()
    assert tab.train_button.isEnabled() and not tab.train_cancel_button.isEnabled()
    assert tab._networks == {}


def test_bad_grid_input_shows_a_message(qtbot, tab):
    for text, fragment in (("0.5, abc", "must be numbers"), ("0.5, 3", "outside [0, 2]"), ("", "enter ρ values")):
        field = tab.panel.control("grid_rhos")
        field.setText(text)
        field.editingFinished.emit()
        assert tab.error_label.isVisible() and fragment in tab.error_label.text()
    field = tab.panel.control("grid_steps")
    field.setText("2, 100")
    field.editingFinished.emit()
    assert "outside [1, 64]" in tab.error_label.text()
    assert tab.params()["grid_steps"] == "2, 3, 4, 6, 8"


def test_grid_parsers():
    assert parse_rhos("0.7 0.5;0.5") == (0.5, 0.7, 1.0)
    assert parse_steps("8, 2, 4") == (2, 4, 8)
    with pytest.raises(ValueError, match="whole"):
        parse_steps("2.5")
    with pytest.raises(ValueError, match="at most"):
        parse_steps(",".join(str(i) for i in range(1, 12)))


def test_layers_can_be_hidden(qtbot, tab):
    tab.set_params({"layers": ("density",)})
    settle(qtbot, tab)
    assert not tab.predictions.isVisible()
    assert len(tab.traces.getData()[0] or []) == 0
    assert tab.density.isVisible()
    tab.set_params({"layers": ()})
    settle(qtbot, tab)
    assert not tab.density.isVisible()


def test_view_state_round_trip(qtbot, tab):
    tab.play_bar.set_frame(7)
    view = tab.view_state()
    assert view == {"frame": 7, "grid": False}  # the start-up grid was cancelled
    for hostile in ({"frame": "x"}, {"frame": -3}, {"frame": True}, {"frame": 10**9}, {"zoom": 2},
                    {"grid": "yes"}, {"grid": 1}, {"grid": [True]}):
        tab.apply_view_state(hostile)
        assert 0 <= tab.play_bar.frame < tab.play_bar.frame_count
        assert tab._requested["skip"] is None  # only a real true asks for the grid
    tab.apply_view_state(view)
    assert tab.view_state() == {"frame": 7, "grid": False}
    tab.reset()
    settle(qtbot, tab)
    assert tab.play_bar.frame == 16


def test_a_scene_with_the_grid_measures_it_for_its_own_parameters(qtbot, tab):
    """A lesson scene with "grid": true shows the grid of its solver, not a stale one from earlier parameters."""
    tab.apply_scene(tab.scene())
    assert tab._requested["skip"] is None  # the grid was not on show: nothing to measure
    tab.set_params({"solver": "euler", "grid_rhos": "0.5", "grid_steps": "2, 4"})
    tab.apply_view_state({"frame": 3, "grid": True})
    assert tab.view_state()["grid"]  # being measured counts as current
    settle_experiments(qtbot, tab)
    assert tab.view_state() == {"frame": 3, "grid": True}
    assert tab.heat.image.shape == (2, 2) and tab.grid_plot.titleLabel.text == "Skip-Tuning grid, Euler"
    generation = tab.experiments._generation
    tab.apply_view_state({"grid": True})  # already current: no second run
    assert tab.experiments._generation == generation
    tab.set_params({"solver": "heun"})
    settle(qtbot, tab)
    assert tab.view_state()["grid"] is False and tab.grid_stale_note.isVisible()


def test_close_while_everything_runs(qtbot, app):
    widget = SamplingTab(LIGHT)
    qtbot.addWidget(widget)
    widget.show()
    widget.train_steps.setValue(20000)
    widget.train_button.click()
    widget.run_grid()
    widget.set_params({"denoiser": "network", "steps": 64})
    start = time.monotonic()
    widget.shutdown()
    widget.close()
    assert time.monotonic() - start < 5


def test_exported_data_names_every_curve(qtbot, tab):
    from explorer.export import plotted_series

    tab.set_params({"denoiser": "network"})
    tab.run_grid()
    settle_experiments(qtbot, tab)
    labels = [label for label, _, _ in plotted_series(tab.plot_panels())]
    assert not [label for label in labels if "/ series " in label]
    assert "Quality vs NFE, network, ρ = 1 / exact-sample floor" in labels
    assert "Network error vs exact D / this ρ" in labels


def shown(tab):
    """What the tab draws, independent of the language: the samples, the curves and the grid."""
    return (particles(tab), {name: curve.yData for name, curve in tab.quality_curves.items()},
            tab.heat.image, [curve.yData for curve in tab.error_curves])


def test_chinese_ui_shows_the_same_numbers(qtbot, app):
    english = make_tab(qtbot)
    settle_experiments(qtbot, english)

    def build():
        chinese = make_tab(qtbot)
        settle_experiments(qtbot, chinese)
        return chinese

    with built_in_chinese(app, build) as chinese:
        label = chinese.panel.layout().labelForField(chinese.panel.control("skip_rho")).text()
        assert label == "跳跃缩放 ρ"
        assert chinese.panel.control("solver").currentText() == "Heun（二阶）"
        assert chinese.flow_plot.titleLabel.text == "概率流 ODE：噪声 → 数据"
        assert chinese.quality_plot.titleLabel.text == "质量随 NFE 变化，精确 D"
        assert chinese.grid_plot.titleLabel.text == "Skip-Tuning 网格，Heun"
        assert chinese.explanation_panel.toPlainText().startswith("少步采样与 Skip-Tuning")
        assert chinese.run_button.text() == "运行 ρ × 步数网格"
        assert chinese.experiment_status.text().startswith("网格：Heun，Karras（EDM），种子 0，底层 1 → 顶层 ρ")
        assert chinese.frame_text.textItem.toPlainText() == "第 16 / 16 步   σ = 0"
        assert "16 步，<b>NFE = 31</b>" in chinese.readout.text()
        english_shown, chinese_shown = shown(english), shown(chinese)
        np.testing.assert_array_equal(chinese_shown[0], english_shown[0])
        for solver, values in english_shown[1].items():
            np.testing.assert_array_equal(chinese_shown[1][solver], values)
        np.testing.assert_array_equal(chinese_shown[2], english_shown[2])
        for chinese_errors, english_errors in zip(chinese_shown[3], english_shown[3]):
            np.testing.assert_array_equal(chinese_errors, english_errors)
        # Input errors come in Chinese too.
        field = chinese.panel.control("grid_steps")
        field.setText("2, 100")
        field.editingFinished.emit()
        assert "100 步超出 [1, 64]" in chinese.error_label.text()
    english.shutdown()


@pytest.mark.parametrize("preset_name", ["point_mass", "ring8"])
def test_the_runs_star_is_inside_the_quality_plot(qtbot, tab, preset_name):
    """The ★ can lie below every curve and the floor (a point mass reached in two steps): the range takes it in."""
    tab.set_params({"preset": preset_name, "solver": "dpmpp_2m", "schedule": "vp_cosine", "view": "raw",
                    "steps": 2})
    settle_experiments(qtbot, tab)
    (y_low, y_high) = tab.quality_plot.getViewBox().viewRange()[1]
    star = math.log10(tab.live_point.yData[0])
    assert y_low <= star <= y_high, (star, y_low, y_high)


@pytest.mark.parametrize("steps", [1, 64])
def test_the_runs_star_is_whole_at_the_ends_of_the_nfe_axis(qtbot, app, steps):
    """At NFE 1 the ★ sat on the y axis, at Heun's 127 half outside the plot: the x range leaves it room."""
    tab = make_tab(qtbot)  # with its quality curves, which set the plot's range
    tab.set_params({"steps": steps})
    settle_experiments(qtbot, tab)
    view = tab.quality_plot.getViewBox()
    (x, y), = zip(np.log10(tab.live_point.xData), np.log10(tab.live_point.yData))
    centre = view.mapViewToScene(QPointF(x, y))
    room = tab.live_point.opts["symbolSize"] / 2 + 4  # whole, and clear of the axis
    area = view.sceneBoundingRect()
    assert area.left() + room <= centre.x() <= area.right() - room
    tab.shutdown()


def test_a_point_mass_s_zero_distances_are_labelled_not_left_without_a_scale(qtbot, tab):
    """Every sampler reaches a point mass exactly: W₂ = 0 has no place on a log axis, which then showed a line with
    no tick at all. The line is labelled 0 and the note says why; another preset gets the usual axis back."""
    axis = tab.quality_plot.getAxis("left")
    tab.set_params({"preset": "point_mass", "steps": 4})
    settle_experiments(qtbot, tab)
    assert all(not np.any(v) for v in tab._shown_curves.values.values())
    assert axis._tickLevels == [[(math.log10(1e-6), "0")]]
    assert "W₂ = 0 at every NFE" in tab.off_scale_note.textItem.toPlainText()
    tab.set_params({"preset": "ring8"})
    settle_experiments(qtbot, tab)
    assert [label for _, label in axis._tickLevels[0]] == [f"{v:g}" for v in QUALITY_TICKS]  # round numbers again
    assert "W₂ = 0" not in tab.off_scale_note.textItem.toPlainText()


def test_the_grid_s_markers_stand_out_on_the_heat_map_in_both_themes(qtbot, tab):
    """In the dark theme the ρ = 1 and steps markers were drawn light, on the heat map's white middle: invisible."""
    from PySide6.QtGui import QColor

    from explorer.theme import DARK

    middle = tab.heat_bar.colorMap().map(0.5, mode="qcolor")  # ratio 1x: no better, no worse than ρ = 1

    def lightness(color: QColor) -> float:
        return 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()

    for theme in (LIGHT, DARK):
        tab.apply_theme(theme)
        for marker in (tab.rho_marker, tab.steps_marker):
            assert lightness(middle) - lightness(marker.pen.color()) > 0.6, theme.name
