"""Texts in data coordinates stay inside their plot, where the view's clipping would cut them off."""

import pytest
from PySide6.QtCore import QPointF

from explorer.theme import LIGHT
from widgets.plot_panel import PlotPanel, Style, set_data, set_note


@pytest.mark.parametrize(("x", "y", "anchor"), [(0.1, 0.5, (1, 0.5)), (9.9, 0.5, (0, 0.5)), (5, 0.98, (0.5, 1)),
                                                 (5, 0.02, (0.5, 0))])
def test_a_text_near_an_edge_slides_in_and_elsewhere_keeps_its_anchor(qtbot, app, x, y, anchor):
    """abc's label left of the naive point lost its start when the plot was narrow (presentation mode)."""
    panel, view, text = plot_with_text(qtbot, anchor, 420)
    set_data(panel.curve(panel.plots()[0], Style()), [0, 10], [0, 1])

    def drawn():
        return text.textItem.mapRectToScene(text.textItem.boundingRect())

    set_note(text, "naive: S = 31", 5, 0.5)
    qtbot.waitUntil(lambda: inside(view, drawn()))
    middle = view.mapViewToScene(QPointF(5, 0.5))
    size = drawn().size()
    assert 40 < size.width() < view.sceneBoundingRect().width() / 3  # the test is about something
    # In the middle a text sits at its anchor, untouched.
    assert drawn().left() == pytest.approx(middle.x() - anchor[0] * size.width(), abs=1)
    assert drawn().top() == pytest.approx(middle.y() - anchor[1] * size.height(), abs=1)

    set_note(text, "naive: S = 31", x, y)  # anchored there, it would stick out of the plot
    edge = view.mapViewToScene(QPointF(x, y))
    qtbot.waitUntil(lambda: inside(view, drawn()))
    assert abs(drawn().center().x() - edge.x()) < size.width()  # still beside its point
    assert abs(drawn().center().y() - edge.y()) < size.height()


def test_a_text_wider_than_its_plot_wraps_and_unwraps_when_there_is_room(qtbot, app):
    """Cut off at the plot's edge, abc's "naive: S = 2982 = S* + 974" read "... S* + 9" (N = 999983, projector)."""
    panel, view, text = plot_with_text(qtbot, (1, 0), 900)
    label = "naive: S = 2982 = S* + 974, not optimal"
    set_note(text, label, 9, 0.5)

    def drawn():
        return text.textItem.mapRectToScene(text.textItem.boundingRect())

    qtbot.waitUntil(lambda: inside(view, drawn()))
    one_line = drawn()
    assert one_line.width() < view.sceneBoundingRect().width() / 2
    panel.resize(300, 300)  # the plot's view is now narrower than the text
    qtbot.waitUntil(lambda: view.sceneBoundingRect().width() < one_line.width())
    qtbot.waitUntil(lambda: inside(view, drawn()))
    assert drawn().height() > 1.5 * one_line.height()  # on more lines, none of it cut off
    assert text.textItem.toPlainText() == label
    panel.resize(900, 300)
    qtbot.waitUntil(lambda: drawn().height() == pytest.approx(one_line.height(), abs=0.5))


def test_a_long_x_label_shrinks_to_stay_under_its_own_plot(qtbot, app):
    """Top-k's "xᵢ, ranks 43–58 of 1000, largest first" ran on under the next plot and into its x label."""
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    long_label = panel.add_plot(0, 0, "", "xᵢ, ranks 43–58 of 1000, largest first", "y")
    short_label = panel.add_plot(0, 1, "", "τ", "y")
    panel.resize(520, 300)
    panel.show()
    qtbot.waitExposed(panel)

    def label_of(plot):
        label = plot.getAxis("bottom").label
        return label, label.mapRectToScene(label.boundingRect())

    def fits():
        label, drawn = label_of(long_label)
        return drawn.right() <= long_label.sceneBoundingRect().right() + 0.5

    def size_of(plot):
        return float(plot.getAxis("bottom").labelStyle["font-size"].removesuffix("pt"))

    qtbot.waitUntil(fits)
    assert size_of(long_label) < size_of(short_label) == pytest.approx(LIGHT.font_pt)
    assert not label_of(long_label)[1].intersects(label_of(short_label)[1])
    panel.resize(1400, 300)  # room enough: the theme's size again
    qtbot.waitUntil(lambda: size_of(long_label) == size_of(short_label))


def plot_with_text(qtbot, anchor, width):
    """A shown panel of one plot over [0, 10] × [0, 1] and a text item in it: (panel, view box, text)."""
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0, "t", "x", "y")
    plot.setRange(xRange=(0, 10), yRange=(0, 1), padding=0)
    text = panel.text(plot, anchor=anchor)
    panel.resize(width, 300)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, plot.getViewBox(), text


def inside(view, rect) -> bool:
    return view.sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect)  # to rounding in the mapping
