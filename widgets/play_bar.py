"""Play / pause / step / scrub / speed for animations. The bar owns the clock; views react to ``frame_changed``."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

_SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)


class PlayBar(QWidget):
    frame_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, frames_per_second: float = 30.0, parent: QWidget | None = None, counts_from: int = 1):
        """``counts_from``: the number the first frame shows, 0 where it is the start before any step (so the bar
        agrees with a view's own "step 16 / 16")."""
        super().__init__(parent)
        self._fps = frames_per_second
        self._counts_from = counts_from
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._play = QToolButton()
        self._play.setText(self.tr("▶ Play"))
        self._play.setToolTip(self.tr("Play or pause the animation (Space)"))
        self._play.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._step = QToolButton()
        self._step.setText(self.tr("Step ▸"))
        self._step.setToolTip(self.tr("Advance one frame (Right arrow)"))
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(0, 0)
        self._slider.setToolTip(self.tr("Scrub through the animation"))
        self._label = QLabel("0 / 0")
        self._label.setMinimumWidth(64)
        self._speed = QComboBox()
        for speed in _SPEEDS:
            self._speed.addItem(f"{speed:g}×", speed)
        self._speed.setCurrentIndex(_SPEEDS.index(1.0))
        self._speed.setToolTip(self.tr("Animation speed"))
        self._loop = QCheckBox(self.tr("Loop"))
        self._loop.setChecked(True)
        self._loop.setToolTip(self.tr("Start again after the last frame"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self._play, self._step):
            layout.addWidget(widget)
        layout.addWidget(self._slider, 1)
        for widget in (self._label, self._speed, self._loop):
            layout.addWidget(widget)
        self._play.clicked.connect(self.toggle)
        self._step.clicked.connect(self.step)
        self._slider.valueChanged.connect(self._on_slider)
        self._speed.currentIndexChanged.connect(self._on_speed)
        self._on_speed()

    @property
    def frame(self) -> int:
        return self._slider.value()

    @property
    def frame_count(self) -> int:
        return self._slider.maximum() + 1

    @property
    def is_playing(self) -> bool:
        return self._timer.isActive()

    def set_frame_count(self, count: int) -> None:
        """Set the number of frames, keeping the current frame when it still exists."""
        self._slider.blockSignals(True)
        self._slider.setRange(0, max(0, count - 1))
        self._slider.blockSignals(False)
        self._update_label()

    def set_frame(self, frame: int) -> None:
        self._slider.setValue(frame)

    @Slot()
    def play(self) -> None:
        if self.frame_count <= 1:
            return
        if self.frame >= self.frame_count - 1:
            self.set_frame(0)
        self._timer.start()
        self._play.setText(self.tr("❚❚ Pause"))
        self.playing_changed.emit(True)

    @Slot()
    def pause(self) -> None:
        self._timer.stop()
        self._play.setText(self.tr("▶ Play"))
        self.playing_changed.emit(False)

    @Slot()
    def toggle(self) -> None:
        self.pause() if self.is_playing else self.play()

    @Slot()
    def step(self) -> None:
        if self.frame < self.frame_count - 1:
            self.set_frame(self.frame + 1)
        elif self._loop.isChecked():
            self.set_frame(0)

    @Slot()
    def _tick(self) -> None:
        if self.frame >= self.frame_count - 1 and not self._loop.isChecked():
            self.pause()
            return
        self.step()

    @Slot(int)
    def _on_slider(self, frame: int) -> None:
        self._update_label()
        self.frame_changed.emit(frame)

    @Slot()
    def _on_speed(self) -> None:
        speed = self._speed.currentData()
        self._timer.setInterval(max(1, round(1000 / (self._fps * speed))))

    def _update_label(self) -> None:
        first = self._counts_from
        self._label.setText(f"{self.frame + first} / {max(self.frame_count - 1 + first, 0)}")
