"""A label for text that changes with every result, without re-laying out what is around it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

_UNBOUNDED = 16777215  # QWIDGETSIZE_MAX


class SteadyLabel(QLabel):
    """Grows when its text needs more room and does not shrink back.

    A label sized to its text re-lays out its neighbours at every new value: while a slider is dragged the plots
    beside it are resized and repainted whole (and jump). This one keeps the largest size it has needed. A new
    font (presentation mode), and for a wrapped label a new width, starts over from the text it shows.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, word_wrap: bool = False,
                 rich: bool = True):
        super().__init__(parent)
        if rich:
            self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(word_wrap)
        self.setText(text)

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        self._hold()

    def release(self) -> None:
        """Forget the sizes held so far: the label fits its current text again."""
        self.setMinimumSize(0, 0)
        if not self.wordWrap():
            self.setMaximumSize(_UNBOUNDED, _UNBOUNDED)
        self._hold()

    def _hold(self) -> None:
        if not self.isVisible():
            return  # the width is not known yet: the first resize will hold
        if self.wordWrap():
            height = self.heightForWidth(self.width())
            if height > self.minimumHeight():
                self.setMinimumHeight(height)
            return
        # A fixed size (minimum = maximum) also spares the layout: Qt then skips the relayout a new text asks for.
        size = self.sizeHint().expandedTo(self.minimumSize())
        if self.minimumSize() != size or self.maximumSize() != size:
            self.setFixedSize(size)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._hold()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.release()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.release()
        elif event.type() == QEvent.Type.StyleChange:
            self._hold()  # a style sheet's border or padding can need more room
