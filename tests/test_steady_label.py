"""SteadyLabel: text that changes with every result must not resize (and so repaint whole) the widgets beside it."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from widgets.steady_label import SteadyLabel

LONG = "a value with a long explanation that needs several lines when the label is narrow " * 3


class EventCounter(QObject):
    """Counts the events of one type that reach ``widget``."""

    def __init__(self, widget, kind: QEvent.Type):
        super().__init__()
        self.count, self._kind = 0, kind
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):
        self.count += event.type() == self._kind
        return False


def column(qtbot, label, width=240):
    """The label above a 'plot' that takes the rest of the height, as in the tabs."""
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    plot = QWidget()
    layout.addWidget(plot, 1)
    window.resize(width, 400)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, plot


def settle(qtbot):
    qtbot.wait(20)


def test_a_wrapped_label_grows_then_holds_its_height(qtbot):
    label = SteadyLabel("short", word_wrap=True)
    window, plot = column(qtbot, label)
    settle(qtbot)
    short_height = label.height()
    label.setText(LONG)
    settle(qtbot)
    tall = label.height()
    assert tall > 2 * short_height  # grew to show every line
    resizes = EventCounter(plot, QEvent.Type.Resize)
    for text in ("short", LONG, "x", LONG[:40], "short"):
        label.setText(text)
        settle(qtbot)
    assert label.height() == tall and resizes.count == 0, "the plot beside it was resized"


def test_a_new_width_or_font_fits_the_text_again(qtbot):
    label = SteadyLabel(LONG, word_wrap=True)
    window, _plot = column(qtbot, label)
    settle(qtbot)
    label.setText("short")
    settle(qtbot)
    held = label.height()
    window.resize(600, 400)
    settle(qtbot)
    assert label.height() < held  # one line at the new width
    label.setText(LONG)
    settle(qtbot)
    label.setText("short")
    settle(qtbot)
    held = label.height()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.8)
    label.setFont(font)
    settle(qtbot)
    assert label.height() < held


def test_an_unwrapped_label_holds_its_width(qtbot):
    label = SteadyLabel("Σ = 2.000")
    window, _plot = column(qtbot, label)
    settle(qtbot)
    label.setText("Σ = 2.000  max 1.37 > 1  order lost")
    settle(qtbot)
    wide = label.minimumWidth()
    assert wide >= label.fontMetrics().horizontalAdvance("Σ = 2.000  max 1.37 > 1")
    label.setText("Σ = 2.000")
    settle(qtbot)
    assert label.minimumWidth() == wide


def test_rich_text_is_the_default_and_plain_text_stays_plain(qtbot):
    rich, plain = SteadyLabel("<b>bold</b>"), SteadyLabel("a < b", rich=False)
    qtbot.addWidget(rich)
    qtbot.addWidget(plain)
    assert rich.textFormat().name == "RichText"
    assert plain.textFormat().name == "AutoText" and plain.text() == "a < b"


def test_a_new_value_of_the_same_size_asks_no_relayout(qtbot):
    """Each relayout re-measures every widget of the window (~4 ms in the Top-k tab, at every frame of a drag)."""
    label = SteadyLabel("τ = 0.500")
    window, _plot = column(qtbot, label)
    settle(qtbot)
    requests = EventCounter(window, QEvent.Type.LayoutRequest)
    for value in ("τ = 0.512", "τ = 0.525", "τ = 0.538"):
        label.setText(value)
        settle(qtbot)
    assert requests.count == 0


def test_a_style_sheet_that_needs_more_room_gets_it(qtbot):
    label = SteadyLabel("N = 130 = 10 × 13 + 0", rich=False)
    _window, _plot = column(qtbot, label, width=500)
    settle(qtbot)
    label.setStyleSheet("QLabel { border: 2px solid red; padding: 2px 17px; }")
    settle(qtbot)
    assert label.width() >= label.sizeHint().width() and label.height() >= label.sizeHint().height()
