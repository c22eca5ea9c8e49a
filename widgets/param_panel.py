"""Controls built from parameter specs: one widget per spec, one ``changed`` signal, inline error messages."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QWidget,
)
from superqt import QDoubleSlider, QFlowLayout, QLabeledDoubleSlider, QLabeledSlider

from explorer.params import ParamSpec

_LOG_STEPS = 1000  # slider resolution across a log range


class _KeyboardDoubleSlider(QDoubleSlider):
    """superqt's float slider ignores the keyboard (its triggerAction is a no-op); arrows, pages, Home/End here."""

    def keyPressEvent(self, event) -> None:
        keys = Qt.Key
        single, page = self.singleStep(), self.pageStep()
        offsets = {keys.Key_Right: single, keys.Key_Up: single, keys.Key_Left: -single, keys.Key_Down: -single,
                   keys.Key_PageUp: page, keys.Key_PageDown: -page}
        key = event.key()
        if key in offsets:
            self.setValue(min(self.maximum(), max(self.minimum(), self.value() + offsets[key])))
        elif key == keys.Key_Home:
            self.setValue(self.minimum())
        elif key == keys.Key_End:
            self.setValue(self.maximum())
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class LabeledDoubleSlider(QLabeledDoubleSlider):
    _slider_class = _KeyboardDoubleSlider


class LogSlider(QWidget):
    """A slider on a logarithmic scale with an editable value field (superqt has no log slider)."""

    valueChanged = Signal(float)
    rejected = Signal(str)

    def __init__(self, minimum: float, maximum: float, parent: QWidget | None = None):
        super().__init__(parent)
        self._lo, self._hi = math.log10(minimum), math.log10(maximum)
        self._value = minimum
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setRange(0, _LOG_STEPS)
        self._slider.setPageStep(_LOG_STEPS // 20)
        self._field = QLineEdit()
        self._field.setFixedWidth(64)
        self._field.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._slider, 1)
        layout.addWidget(self._field)
        self.setFocusProxy(self._slider)
        self._slider.valueChanged.connect(self._on_slider)
        self._field.editingFinished.connect(self._on_field)

    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:
        self._value = float(value)
        position = round((math.log10(value) - self._lo) / (self._hi - self._lo) * _LOG_STEPS)
        self._slider.blockSignals(True)
        self._slider.setValue(position)
        self._slider.blockSignals(False)
        self._field.setText(f"{value:.3g}")

    @Slot(int)
    def _on_slider(self, position: int) -> None:
        value = 10 ** (self._lo + (self._hi - self._lo) * position / _LOG_STEPS)
        self._value = float(f"{value:.4g}")  # round so the field and the state agree
        self._field.setText(f"{self._value:.3g}")
        self.valueChanged.emit(self._value)

    @Slot()
    def _on_field(self) -> None:
        try:
            value = float(self._field.text())
        except ValueError:
            value = float("nan")
        if not (10**self._lo <= value <= 10**self._hi):
            message = f"enter a number between {10**self._lo:.3g} and {10**self._hi:.3g}"
            self._field.setStyleSheet("border: 1px solid #C0392B;")
            self._field.setToolTip(message)
            self.rejected.emit(message)
            return
        self._field.setStyleSheet("")
        self._field.setToolTip("")
        if value != self._value:
            self.setValue(value)
            self.valueChanged.emit(value)


class ParamPanel(QWidget):
    """A form of controls for ``specs``. Emits ``changed(name, value)`` with validated values only."""

    changed = Signal(str, object)
    error = Signal(str)  # "" when the last edit was valid

    def __init__(self, specs: tuple[ParamSpec, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self._specs = {spec.name: spec for spec in specs}
        self._controls: dict[str, QWidget] = {}
        self._values: dict[str, Any] = {spec.name: spec.default for spec in specs}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            control = self._make_control(spec)
            control.setToolTip(spec.tooltip)
            control.setObjectName(f"param_{spec.name}")
            label = QLabel(spec.display_label + (f" ({spec.unit})" if spec.unit else ""))
            label.setToolTip(spec.tooltip)
            label.setBuddy(control)
            layout.addRow(label, control)
            self._controls[spec.name] = control
        self.set_values(self._values)

    def control(self, name: str) -> QWidget:
        return self._controls[name]

    def values(self) -> dict[str, Any]:
        return dict(self._values)

    def set_values(self, values: dict[str, Any]) -> None:
        """Show already-validated values without emitting ``changed``."""
        for name, value in values.items():
            self._values[name] = value
            self._show(self._specs[name], self._controls[name], value)

    def _make_control(self, spec: ParamSpec) -> QWidget:
        kind = spec.kind
        if kind == "float" and spec.log:
            control = LogSlider(spec.minimum, spec.maximum)
            control.valueChanged.connect(lambda v, n=spec.name: self._commit(n, v))
            control.rejected.connect(lambda message, n=spec.name: self.error.emit(f"{n}: {message}"))
        elif kind == "float":
            control = LabeledDoubleSlider(Qt.Orientation.Horizontal)
            control.setRange(spec.minimum, spec.maximum)
            control.setDecimals(spec.decimals)
            step = spec.step or (spec.maximum - spec.minimum) / 100
            control.setSingleStep(step)
            control.setPageStep(step * 10)
            control.setFocusProxy(control._slider)
            control.valueChanged.connect(lambda v, n=spec.name: self._commit(n, v))
        elif kind == "int":
            control = QLabeledSlider(Qt.Orientation.Horizontal)
            control.setRange(int(spec.minimum), int(spec.maximum))
            control.setSingleStep(int(spec.step or 1))
            control.setFocusProxy(control._slider)
            control.valueChanged.connect(lambda v, n=spec.name: self._commit(n, int(v)))
        elif kind == "bool":
            control = QCheckBox()
            control.toggled.connect(lambda v, n=spec.name: self._commit(n, bool(v)))
        elif kind == "choice":
            control = QComboBox()
            for choice in spec.choices:
                control.addItem(spec.label_of(choice), choice)
            control.activated.connect(lambda i, n=spec.name, c=control: self._commit(n, c.itemData(i)))
        elif kind == "multi":
            control = QWidget()
            flow = QFlowLayout(control)
            flow.setContentsMargins(0, 0, 0, 0)
            control._boxes = {}
            for choice in spec.choices:
                box = QCheckBox(spec.label_of(choice))
                box.setToolTip(spec.tooltip)
                box.toggled.connect(lambda _v, n=spec.name: self._commit_multi(n))
                flow.addWidget(box)
                control._boxes[choice] = box
        else:  # bigint, text: validated when editing finishes
            control = QLineEdit()
            control.editingFinished.connect(lambda n=spec.name: self._commit_text(n))
        return control

    def _show(self, spec: ParamSpec, control: QWidget, value: Any) -> None:
        control.blockSignals(True)
        try:
            if spec.kind in ("float", "int"):
                control.setValue(value)
            elif spec.kind == "bool":
                control.setChecked(value)
            elif spec.kind == "choice":
                control.setCurrentIndex(spec.choices.index(value))
            elif spec.kind == "multi":
                for choice, box in control._boxes.items():
                    box.blockSignals(True)
                    box.setChecked(choice in value)
                    box.blockSignals(False)
            else:
                control.setText(str(value))
                control.setStyleSheet("")
        finally:
            control.blockSignals(False)

    # Controls connect through small lambdas only to bind the parameter name; they run in the GUI thread.
    def _commit(self, name: str, value: Any) -> None:
        spec = self._specs[name]
        if spec.kind == "float" and not spec.log:
            value = round(value, spec.decimals)  # the value the label shows is the value used and saved
        try:
            value = spec.validate(value)
        except ValueError as exc:
            self.error.emit(str(exc))
            return
        if value != self._values[name]:
            self._values[name] = value
            self.error.emit("")
            self.changed.emit(name, value)

    def _commit_multi(self, name: str) -> None:
        boxes = self._controls[name]._boxes
        self._commit(name, [choice for choice, box in boxes.items() if box.isChecked()])

    def _commit_text(self, name: str) -> None:
        control: QLineEdit = self._controls[name]
        spec = self._specs[name]
        try:
            value = spec.parse(control.text())
        except ValueError as exc:
            control.setStyleSheet("border: 1px solid #C0392B;")
            control.setToolTip(f"{spec.tooltip}\n{exc}" if spec.tooltip else str(exc))
            self.error.emit(str(exc))
            return
        control.setStyleSheet("")
        control.setToolTip(spec.tooltip)
        self._commit(name, value)
