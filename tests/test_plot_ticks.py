"""Tick labels never run together: on a narrow axis every second, third, ... label is left out instead."""

from PySide6.QtGui import QImage, QPainter

from explorer.theme import LIGHT
from widgets.plot_panel import PlotPanel


def drawn_labels(axis):
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.font())
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((rect.left(), rect.right(), text) for rect, _, text in texts)


def test_crowded_labels_are_thinned_until_they_do_not_touch(qtbot, app):
    """Top-k's scores read "0.640.5361.3" on a projector, abc's a axis "9101112"."""
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0, "t", "score", "y")
    labels = [f"{0.5 + i / 1000:.3f}" for i in range(12)]
    axis = plot.getAxis("bottom")
    axis.setTicks([[(float(i), label) for i, label in enumerate(labels)], []])
    plot.setXRange(-0.5, 11.5, padding=0)
    panel.resize(1200, 300)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: len(drawn_labels(axis)) == 12)  # room for all: all are drawn
    panel.resize(260, 300)
    qtbot.waitUntil(lambda: axis.width() < 250)
    kept = drawn_labels(axis)
    assert 1 < len(kept) < 12
    assert all(left_end + 3 <= right_start for (_, left_end, _), (right_start, _, _) in zip(kept, kept[1:]))
    positions = [labels.index(text) for *_, text in kept]
    assert len({b - a for a, b in zip(positions, positions[1:])}) == 1  # evenly: every n-th label
