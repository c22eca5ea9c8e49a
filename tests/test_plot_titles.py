"""Plot titles stay readable: in the theme's size where they fit, shrunk (and then cut) only where they do not."""

import pytest

from explorer.theme import LIGHT
from widgets.plot_panel import PlotPanel


def test_a_title_too_long_for_its_plot_shrinks_to_stay_inside_it(qtbot, app):
    """In presentation mode on a projector's 1280×800, titles were cut off mid-word by the neighbouring plot."""
    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    title = "Components of the smooth top-k as the temperature changes"
    plot = panel.add_plot(0, 0, title, "τ", "value")
    panel.resize(1000, 300)
    panel.show()
    qtbot.waitExposed(panel)

    def drawn():
        text = plot.titleLabel.item  # pyqtgraph draws the title's HTML in this text item
        return text.mapRectToItem(plot, text.boundingRect())

    qtbot.waitUntil(lambda: drawn().width() > 300)
    full_width = drawn().width()
    assert full_width > 440  # too long for the narrow plots below: the test is about something
    for width in (440, 380):
        panel.resize(width, 300)
        qtbot.waitUntil(lambda: drawn().width() < full_width * 0.97)
        assert 0 <= drawn().left() and drawn().right() <= plot.geometry().width()
    panel.resize(120, 300)  # far too narrow: shrunk to 70 %, no further, and cut
    qtbot.waitUntil(lambda: drawn().width() < full_width * 0.75)
    assert drawn().width() == pytest.approx(full_width * 0.7, rel=0.05)
    panel.resize(1000, 300)
    qtbot.waitUntil(lambda: drawn().width() == pytest.approx(full_width, rel=0.01))
