"""The Token healing tab driven as a user would: the post's example, presets, every control, bad prompts."""

import re
from pathlib import Path

import numpy as np
import pytest
from helpers import built_in_chinese, open_tab, presenting, settle
from PySide6.QtGui import QTextDocument

from explorer import lesson
from explorer.healing import PRESETS, SAMPLED, cached_demo, continue_text, heal
from explorer.healing.view import DEMO_SEED, HealingTab
from explorer.theme import DARK, LIGHT


@pytest.fixture
def tab(qtbot, app):
    widget = open_tab(qtbot, HealingTab)
    yield widget
    widget.shutdown()


@pytest.fixture(scope="module")
def demo():
    return cached_demo(DEMO_SEED)


def ticks(plot):
    """The token labels on a chart's left axis, top row first (as drawn)."""
    levels = plot.getAxis("left")._tickLevels
    return [label for _, label in sorted(levels[0], key=lambda tick: -tick[0])]


def widths(bars):
    """Bar lengths (percent) ordered top row first."""
    y, width = np.asarray(bars.opts["y"]), np.asarray(bars.opts["width"])
    return width[np.argsort(-y, kind="stable")]


def plain_text(label):
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace("\u00a0", " ").replace("\u2060", "")  # no-break spaces, word joiners


def texts(items):
    return [item.textItem.toPlainText() for item in items if item.textItem.toPlainText()]


def test_default_is_the_posts_example(tab, demo):
    tokenizer, lm = demo.tokenizers["curated"], demo.lms["curated"]
    # Healed chart: the three candidates that start with 白云, renormalised over the candidates only.
    assert ticks(tab.healed_plot) == ["白云山", "白云机场", "白云"]
    context = [tokenizer.token_to_id[t] for t in ("广州", "的")]
    raw = lm.distribution(context)
    candidate_ids = [tokenizer.token_to_id[t] for t in ("白云山", "白云机场", "白云")]
    np.testing.assert_allclose(widths(tab.raw_bars), 100 * raw[candidate_ids], rtol=1e-9)
    np.testing.assert_allclose(widths(tab.candidate_bars), 100 * raw[candidate_ids] / raw[candidate_ids].sum())
    assert widths(tab.candidate_bars).sum() == pytest.approx(100)
    assert "60%" in texts(tab.healed_values) and "39.8%" in texts(tab.healed_values)
    # Plain chart: 机场 and 山 are shown, marked, and have almost no mass after 广州/的/白云.
    plain = lm.distribution(context + [tokenizer.token_to_id["白云"]])
    assert ticks(tab.plain_plot)[-2:] == ["机场", "山"]
    expected = widths(tab.expected_bars)
    np.testing.assert_allclose(expected, 100 * plain[[tokenizer.token_to_id[t] for t in ("机场", "山")]])
    assert expected.max() < 0.1  # percent
    assert ticks(tab.plain_plot)[0] == "</s>"
    assert texts(tab.expected_values) == ["0.0796%", "0.0457%"]
    # The strip shows the mismatch inside a training sentence.
    strip = plain_text(tab.token_strip)
    assert "白云机场" in strip and "never saw" in strip and "44.1%" in strip


def test_continuations_side_by_side(qtbot, tab, demo):
    assert plain_text(tab.healed_continuation) == "广州的白云山"
    assert plain_text(tab.plain_continuation) == "广州的白云"
    assert plain_text(tab.sampled_continuation) == "广州的白云机场"
    assert "stops at once" in plain_text(tab.continuation_rows["plain"][1])
    assert "re-covers “白云” with “白云山” (60%)" in plain_text(tab.continuation_rows["healed"][1])
    tab.set_params({"decoding": "sample", "seed": 7, "max_tokens": 20})
    settle(qtbot, tab)
    tokenizer = demo.tokenizers["curated"]
    for label, model, healed in ((tab.healed_continuation, demo.lms["curated"], True),
                                 (tab.sampled_continuation, demo.lms[SAMPLED], False)):
        expected = continue_text("广州的白云", tokenizer, model, heal=healed, greedy=False, seed=7, max_tokens=20)
        assert plain_text(label) == expected.text
        assert plain_text(label).startswith("广州的白云")


def first_healed_token(demo, key, kept, removed, mode, bias):
    """Reference for the healed continuation's first greedy token: P(first | kept) from the model, restricted
    (hard) or multiplied by e^bias (soft) where a token starts with the removed text, renormalised."""
    tokenizer, lm = demo.tokenizers[key], demo.lms[key]
    p = lm.distribution([tokenizer.token_to_id[t] for t in kept])
    starts = np.array([token.startswith(removed) for token in tokenizer.vocab])
    weights = np.where(starts, p, 0.0) if mode == "hard" else p * np.exp(bias * starts)
    q = weights / weights.sum()
    best = int(np.argmax(q))  # greedy: ties go to the lowest id, as on the chart
    return tokenizer.vocab[best], f"{100 * q[best]:.3g}%"


@pytest.mark.parametrize("params, kept, removed, title, verb", [
    ({}, ("广州", "的"), "白云", "hard-healed", "re-covers"),
    ({"mode": "soft", "bias": 0.0}, ("广州", "的"), "白云", "soft-healed", "replaces"),  # 珠江 ties 白云山, lower id
    ({"mode": "soft", "bias": 5.0}, ("广州", "的"), "白云", "soft-healed", "re-covers"),
    ({"mode": "soft", "bias": 0.0, "tokenizer": "char", "back_off": 4, "max_tokens": 1},
     ("广", "州", "的", "白"), "云", "soft-healed", "re-covers"),  # back-off 4 → 1
])
def test_healed_continuation_follows_the_charts_mode(qtbot, tab, demo, params, kept, removed, title, verb):
    """The healed row was always hard-healed: soft with bias 0 it said 白云山 (60%) under a chart of 26.5%."""
    tab.set_params(params)
    settle(qtbot, tab)
    mode, bias = tab.params()["mode"], tab.params()["bias"]
    token, prob = first_healed_token(demo, tab.params()["tokenizer"], kept, removed, mode, bias)
    assert tab.continuation_headers["healed"].text() == f"<b>{title}</b>"
    assert f"{verb} “{removed}” with “{token}” ({prob})" in plain_text(tab.continuation_rows["healed"][1])
    assert plain_text(tab.healed_continuation).startswith("".join(kept) + token)
    assert ticks(tab.healed_plot)[0] == token and texts(tab.healed_values)[0] == prob  # the chart's top row


def test_soft_healing_may_end_at_once_and_says_what_it_dropped(qtbot, tab, demo):
    tab.set_params({"prompt": "上海的豫园很", "mode": "soft", "bias": 0.0})
    settle(qtbot, tab)
    assert first_healed_token(demo, "curated", ("上海", "的", "豫园"), "很", "soft", 0.0)[0] == "</s>"
    assert plain_text(tab.healed_continuation) == "上海的豫园"
    assert plain_text(tab.continuation_rows["healed"][1]) == "drops “很”; stops at once: </s>"


def test_every_control_changes_what_is_shown(qtbot, tab):
    def snapshot():
        bars = [tab.plain_bars, tab.expected_bars, tab.raw_bars, tab.candidate_bars, tab.other_healed_bars]
        labels = [tab.token_strip, tab.segmentation_label, tab.continuation_heading]
        labels += [label for row in tab.continuation_rows.values() for label in row]
        return (
            ticks(tab.plain_plot), ticks(tab.healed_plot), [widths(b).round(9).tobytes() for b in bars],
            [label.text() for label in labels], tab.selected_ring.getData()[0].tolist(),
        )

    changes = {
        "prompt": ({}, "杭州的西"),
        "tokenizer": ({}, "char"),
        "back_off": ({"prompt": "import numpy"}, 2),
        "mode": ({}, "soft"),
        "bias": ({"mode": "soft"}, 2.0),
        "decoding": ({}, "sample"),
        "seed": ({}, 5),
        "max_tokens": ({}, 1),
        "alpha": ({}, 0.05),
    }
    assert set(changes) == {s.name for s in tab.specs}
    for name, (setup, value) in changes.items():
        tab.reset()
        tab.set_params(setup)
        settle(qtbot, tab)
        before = snapshot()
        tab.set_params({name: value})
        settle(qtbot, tab)
        assert snapshot() != before, f"changing {name} changed nothing on screen"


def test_presets_switch_prompt_tokeniser_and_back_off(qtbot, tab):
    bpe = next(i for i, p in enumerate(PRESETS) if p.tokenizer == "bpe")
    tab.preset_combo.activated.emit(bpe)
    settle(qtbot, tab)
    assert tab.params()["tokenizer"] == "bpe" and tab.params()["back_off"] == PRESETS[bpe].back_off
    assert plain_text(tab.healed_continuation) == "import numpy as np"
    assert ticks(tab.healed_plot)[0] == "impor…as␣np"
    assert "import numpy" in plain_text(tab.token_strip) and "nu" in plain_text(tab.token_strip)
    assert tab.preset_note.text().startswith("BPE splits")
    char = next(i for i, p in enumerate(PRESETS) if p.tokenizer == "char")
    tab.preset_combo.activated.emit(char)
    settle(qtbot, tab)
    assert ticks(tab.healed_plot) == ["云"]  # nothing to heal: the removed character is the only candidate
    assert plain_text(tab.healed_continuation) == plain_text(tab.plain_continuation)
    assert tab.selected_ring.getData()[0].tolist() == [tab.compression_points["char"].getData()[0][0]]
    # Typing a preset's parameters selects it in the combo.
    tab.set_params({"prompt": "杭州的西", "tokenizer": "curated", "back_off": 1})
    settle(qtbot, tab)
    assert PRESETS[tab.preset_combo.currentIndex()].prompt == "杭州的西"
    assert ticks(tab.healed_plot)[0] == "西湖"


@pytest.mark.parametrize("text, fragment", [("", "empty"), ("🙂", "not in the vocabulary"),
                                             ("广州ж", "not in the vocabulary")])
def test_bad_prompt_shows_a_message_and_keeps_the_plots(qtbot, tab, text, fragment):
    field = tab.panel.control("prompt")
    before = ticks(tab.healed_plot), tab.healed_continuation.text()
    field.setText(text)
    field.editingFinished.emit()
    settle(qtbot, tab)
    assert tab.error_label.isVisible() and fragment in tab.error_label.text()
    assert tab.params()["prompt"] == "广州的白云"
    assert (ticks(tab.healed_plot), tab.healed_continuation.text()) == before
    field.setText("杭州的西")
    field.editingFinished.emit()
    settle(qtbot, tab)
    assert not tab.error_label.isVisible()
    assert ticks(tab.healed_plot)[0] == "西湖"


def test_unvalidated_bad_prompt_fails_in_the_worker_with_a_message(qtbot, tab):
    before = ticks(tab.healed_plot)
    tab.set_params({"prompt": "ж"})  # bypasses the field's check: compute must still refuse it cleanly
    settle(qtbot, tab)
    assert tab.error_label.isVisible() and "not in the vocabulary" in tab.error_label.text()
    assert ticks(tab.healed_plot) == before


def test_a_back_off_longer_than_the_prompt_says_how_many_tokens_it_has(demo):
    from explorer.healing.view import usable_back_off

    tokenizer = demo.tokenizers["curated"]
    for prompt, count, words in (("广州", 1, "only 1 token"), ("im", 2, "only 2 tokens")):
        tokens = tokenizer.encode(prompt)
        assert len(tokens) == count
        expected = (count, f"back-off 3 → {count}: the prompt has {words}")
        assert usable_back_off(prompt, tokens, tokenizer.trie, 3) == expected


def test_back_off_is_reduced_with_a_reason(qtbot, tab, demo):
    tab.set_params({"back_off": 2})
    settle(qtbot, tab)
    assert "back-off 2 → 1" in plain_text(tab.token_strip) and "的白云" in plain_text(tab.token_strip)
    assert ticks(tab.healed_plot) == ["白云山", "白云机场", "白云"]
    tab.set_params({"prompt": "import numpy", "back_off": 2})
    settle(qtbot, tab)
    result = heal("import numpy", demo.tokenizers["curated"], demo.lms["curated"], 2)
    assert ticks(tab.healed_plot) == ["impor…as␣np"]
    assert widths(tab.candidate_bars).tolist() == pytest.approx([100 * result.candidates[0].healed_prob])
    assert not tab.error_label.isVisible()


def test_soft_healing_with_zero_bias_is_the_raw_distribution(qtbot, tab):
    tab.set_params({"mode": "soft", "bias": 0.0})
    settle(qtbot, tab)
    rows = ticks(tab.healed_plot)
    assert len(rows) == 8 and "白云山" in rows
    healed = np.concatenate([widths(tab.candidate_bars), widths(tab.other_healed_bars)])
    np.testing.assert_allclose(np.sort(healed), np.sort(widths(tab.raw_bars)))
    assert tab.healed_plot.legend.getLabel(tab.other_healed_bars) is not None
    tab.set_params({"mode": "hard"})
    settle(qtbot, tab)
    assert tab.healed_plot.legend.getLabel(tab.other_healed_bars) is None


def test_compression_chart_marks_the_tokenisers(qtbot, tab, demo):
    x, y = tab.compression_curve.getData()
    assert (np.diff(x) > 0).all() and (np.diff(y) > 0).all()
    assert tab.compression_points["char"].getData()[1].tolist() == [1.0]
    assert tab.compression_points["curated"].getData()[0].tolist() == [demo.tokenizers["curated"].vocab_size]
    tab.set_params({"tokenizer": "bpe"})
    settle(qtbot, tab)
    assert tab.selected_ring.getData()[0].tolist() == [400]


def test_random_segmentations_follow_alpha(qtbot, tab):
    def shares():
        """The percentage column of the segmentation table."""
        lines = [line.strip() for line in plain_text(tab.segmentation_label).splitlines()]
        return [float(line[:-1]) for line in lines if re.fullmatch(r"[\d.]+%", line)]

    tab.set_params({"alpha": 50.0})
    settle(qtbot, tab)
    assert shares() == [100.0]  # large α: the deterministic segmentation only
    tab.set_params({"alpha": 0.02})
    settle(qtbot, tab)
    assert len(shares()) == 4 and shares() == sorted(shares(), reverse=True) and max(shares()) < 60


def test_theme_switch_recolours_the_tokens(qtbot, tab):
    tab.apply_theme(DARK)
    settle(qtbot, tab)
    assert DARK.warning.lower() in tab.token_strip.text().lower()
    assert LIGHT.warning.lower() not in tab.token_strip.text().lower()


def test_view_state_round_trip(qtbot, tab):
    tab.preset_combo.activated.emit(2)
    settle(qtbot, tab)
    view = tab.view_state()
    assert view == {"preset": 2}
    tab.set_params({"prompt": "我们"})  # no preset matches: the combo keeps what it shows
    settle(qtbot, tab)
    for hostile in ({"preset": 99}, {"preset": "x"}, {"preset": True}, {"other": 1}):
        tab.apply_view_state(hostile)
        assert tab.view_state() == {"preset": 0}
        assert "edited since" in tab.preset_note.text()
    tab.apply_view_state(view)
    assert tab.view_state() == view


def test_chinese_ui_shows_the_same_numbers(qtbot, app, tab):
    """UI text comes out in Chinese; prompt and corpus text, numbers and plots are exactly the English ones."""
    with built_in_chinese(app, lambda: open_tab(qtbot, HealingTab)) as zh:
        zh.set_params({"back_off": 2})  # a reduced back-off adds its (translated) reason to the strip
        settle(qtbot, zh)
        label = zh.panel.layout().labelForField(zh.panel.control("tokenizer")).text()
        assert label == "分词器" and zh.panel.control("tokenizer").currentText() == "精选词（大词表）"
        assert zh.plain_plot.titleLabel.text == "不修复"
        assert zh.compression_plot.getAxis("bottom").labelText == "词表大小"
        assert zh.healed_plot.legend.getLabel(zh.candidate_bars).text == "修复后"
        assert zh.explanation_panel.toPlainText().startswith("Token 修复")
        assert "苏剑林的对策" in zh.explanation_panel.toPlainText()
        assert zh.preset_combo.itemText(0) == "广州的白云 · 精选词 · 回退 1"
        strip = plain_text(zh.token_strip)
        assert "（回退 2 → 1：没有以“的白云”开头的 token）" in strip
        assert "训练中" in strip and "白云┃机场" in strip
        assert plain_text(zh.continuation_rows["healed"][1]) == "用“白云山”重新覆盖“白云”（60%）；然后 </s>"
        assert "随机分词" in plain_text(zh.segmentation_label)
        zh.set_params({"back_off": 1})
        settle(qtbot, zh)
        for plot in ("plain_plot", "healed_plot"):
            assert ticks(getattr(zh, plot)) == ticks(getattr(tab, plot))
        for bars in ("plain_bars", "expected_bars", "raw_bars", "candidate_bars"):
            np.testing.assert_array_equal(widths(getattr(zh, bars)), widths(getattr(tab, bars)))
        assert texts(zh.healed_values) == texts(tab.healed_values)
        for name in ("plain_continuation", "healed_continuation", "sampled_continuation"):
            assert plain_text(getattr(zh, name)) == plain_text(getattr(tab, name))
        np.testing.assert_array_equal(zh.compression_curve.getData()[1], tab.compression_curve.getData()[1])
        zh.set_params({"prompt": "ж"})  # the worker's message is translated too
        settle(qtbot, zh)
        assert "不在词表中" in zh.error_label.text()


def test_shipped_lesson_shows_what_its_captions_say(qtbot, tab):
    path = Path(__file__).resolve().parents[1] / "assets" / "lessons" / "healing.json"
    scenes = lesson.validate_lesson(lesson.read_lesson(path), lambda _tab: HealingTab.specs).scenes
    assert [scene.tab for scene in scenes] == ["healing"] * 7

    def show(number):
        tab.apply_scene(scenes[number - 1])
        settle(qtbot, tab)
        assert tab.scene().params == scenes[number - 1].params and tab.panel.hidden() == scenes[number - 1].hidden

    show(1)
    assert plain_text(tab.healed_continuation) == plain_text(tab.plain_continuation)  # nothing to heal
    show(2)
    assert "白云┃机场" in plain_text(tab.token_strip) and plain_text(tab.plain_continuation) == "广州的白云"
    show(3)
    assert plain_text(tab.plain_continuation) == "广州的白云像棉花"
    show(4)
    assert plain_text(tab.healed_continuation) == "广州的白云机场在哪里"
    show(5)
    assert ticks(tab.healed_plot)[:4] == ["珠江", "白云山", "沙面", "白云机场"]
    assert "44.1%" in plain_text(tab.token_strip)
    show(6)
    assert plain_text(tab.plain_continuation) == "import numpys"
    assert plain_text(tab.healed_continuation) == "import numpy as np"
    show(7)
    assert "20.5%\n广州 的 白云 机场" in plain_text(tab.segmentation_label).replace("\u2009", " ")


def test_a_small_window_keeps_the_charts_readable(qtbot, tab):
    """At 800×600 the text panels took the height and the charts shrank to a strip of overlapping token names."""
    from explorer.healing.view import PLOTS_MINIMUM_HEIGHT, PLOTS_MINIMUM_WIDTH

    tab.resize(800, 600)
    settle(qtbot, tab)
    qtbot.wait(50)
    assert tab.plot_panel.height() >= PLOTS_MINIMUM_HEIGHT and tab.plot_panel.width() >= PLOTS_MINIMUM_WIDTH
    assert tab.plot_panel.height() >= 250  # the charts' eight rows of token names need it


def test_no_legend_covers_a_value_label_in_presentation_mode(qtbot, app):
    """On a 1280x800 projector the chart's legend covered "山 0.0457%", the expected continuation's share: the
    number the tab is about."""
    with presenting(qtbot, app, HealingTab, (1280, 800)) as tab:
        for plot, labels in ((tab.plain_plot, tab.plain_values + tab.expected_values),
                             (tab.healed_plot, tab.raw_values + tab.healed_values)):
            legend = plot.legend.sceneBoundingRect()
            shown = [label for label in labels if label.isVisible() and label.textItem.toPlainText()]
            assert shown
            for label in shown:
                assert not label.sceneBoundingRect().intersects(legend), label.textItem.toPlainText()


def test_a_token_in_a_continuation_note_never_breaks_across_lines(app):
    """The note broke 珠江 across two lines, as if it were two tokens (a narrow column at bias 0)."""
    from PySide6.QtGui import QTextDocument

    from explorer.healing.view import _continuation_note
    from explorer.theme import LIGHT

    continuation = {"removed": "白云", "first": ("珠江", 0.265), "first_recovers": False, "eos": False, "n_new": 1}
    document = QTextDocument()
    document.setHtml(_continuation_note(continuation, LIGHT))
    plain = document.toPlainText()
    tokens = [(plain.index(a), plain.index(b)) for a, b in (("白", "云"), ("珠", "江"))]
    for width in range(60, 300):  # every width a quoted token fits in
        document.setTextWidth(width)
        document.size()  # laid out now
        layout = document.firstBlock().layout()
        for first, second in tokens:
            assert layout.lineForTextPosition(first).lineNumber() == layout.lineForTextPosition(second).lineNumber()
