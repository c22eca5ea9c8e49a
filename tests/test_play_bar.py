"""The play bar's counter agrees with what the view says it shows."""

from widgets.play_bar import PlayBar


def counter(bar) -> str:
    return bar._label.text()


def test_counting_from_one_and_from_zero(qtbot, app):
    steps = PlayBar()  # frame 0 is the first step (Top-k's bisection: "step 1")
    start = PlayBar(counts_from=0)  # frame 0 is the start, before any step (a sampler at σ_max, no candidate yet)
    for bar in (steps, start):
        qtbot.addWidget(bar)
        bar.set_frame_count(17)
    assert counter(steps) == "1 / 17" and counter(start) == "0 / 16"
    for bar in (steps, start):
        bar.set_frame(16)
    assert counter(steps) == "17 / 17" and counter(start) == "16 / 16"
    start.set_frame_count(0)
    assert counter(start) == "0 / 0"
