"""Controls built from parameter specs: one widget per spec, one ``changed`` signal, inline error messages."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
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

from explorer.i18n import translate
from explorer.params import ParamSpec

_LOG_STEPS = 1000  # slider resolution across a log range
_INVALID = "border: 1px solid #C0392B;"
_ECHO_LIMIT = 24  # characters of a refused entry quoted back in its message


def _set_style_sheet(widget: QWidget, sheet: str) -> None:
    """Only a real change: setting a style sheet re-polishes the widget and repaints its window, on every value a
    slider drag delivers otherwise."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


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


class _CheckedEntry:
    """superqt's value field clamps a typed number into the slider's range without a word, ignores Return on text
    its validator finds incomplete ("1e", "-"), takes no Tab focus and drops the focus on Return. Here the field is
    a keyboard stop like the slider, and every entry goes as typed to ``entered``; the owner accepts it with
    :meth:`setValue` or refuses it with :meth:`mark_invalid`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label = self._label
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setValidator(None)
        label.editingFinished.disconnect(label._editing_finished)
        label.editingFinished.disconnect(label._silent_clear_focus)
        label.editingFinished.connect(self._on_entry)
        self._label_style = label.styleSheet()

    @Slot()
    def _on_entry(self) -> None:
        self.entered.emit(self._label.text())

    def _on_slider_value_changed(self, value: Any) -> None:
        self.mark_invalid("")
        super()._on_slider_value_changed(value)

    def setValue(self, value: Any) -> None:
        super().setValue(value)
        self.mark_invalid("")
        self._label.setValue(self.value())  # also when the value is unchanged: it replaces a refused entry

    def mark_invalid(self, message: str) -> None:
        _set_style_sheet(self._label, self._label_style + (_INVALID if message else ""))
        self._label.setToolTip(message)


class _ChoiceFlow(QWidget):
    """Check boxes on as many lines as its width needs. The form kept the height it had worked out for an earlier
    width or font: in presentation mode at 1024x768 Top-k's methods after the third were cut off, above a gap."""

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            form = self.parentWidget().layout() if self.parentWidget() is not None else None
            if form is not None and self.layout().heightForWidth(self.width()) != self.height():
                form.invalidate()  # lays the form out again, with this height
        return handled


class LabeledSlider(_CheckedEntry, QLabeledSlider):
    entered = Signal(str)


class LabeledDoubleSlider(_CheckedEntry, QLabeledDoubleSlider):
    _slider_class = _KeyboardDoubleSlider
    entered = Signal(str)


class LogSlider(QWidget):
    """A slider on a logarithmic scale with an editable value field (superqt has no log slider)."""

    valueChanged = Signal(float)
    rejected = Signal(str)

    def __init__(self, minimum: float, maximum: float, parent: QWidget | None = None):
        super().__init__(parent)
        self._minimum, self._maximum = minimum, maximum  # 10**log10(x) can miss x by a rounding: keep the ends
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
        self._show_value()

    def _show_value(self) -> None:
        """The value in use, in place of any refused entry."""
        self._field.setText(f"{self._value:.3g}")
        _set_style_sheet(self._field, "")
        self._field.setToolTip("")

    @Slot(int)
    def _on_slider(self, position: int) -> None:
        value = 10 ** (self._lo + (self._hi - self._lo) * position / _LOG_STEPS)
        self._value = float(f"{value:.4g}")  # round so the field and the state agree
        self._show_value()
        self.valueChanged.emit(self._value)

    @Slot()
    def _on_field(self) -> None:
        try:
            value = float(self._field.text())
        except ValueError:
            value = float("nan")
        if not (self._minimum <= value <= self._maximum):
            message = self.tr("enter a number between {low} and {high}").format(
                low=f"{self._minimum:.3g}", high=f"{self._maximum:.3g}"
            )
            _set_style_sheet(self._field, _INVALID)
            self._field.setToolTip(message)
            self.rejected.emit(message)
            return
        self.setValue(value)
        self.valueChanged.emit(value)  # also when unchanged: the panel then withdraws its message


class ParamPanel(QWidget):
    """A form of controls for ``specs``. Emits ``changed(name, value)`` with validated values only."""

    changed = Signal(str, object)
    error = Signal(str)  # the latest refusal still marked; "" when none is

    def __init__(self, specs: tuple[ParamSpec, ...], context: str = "", parent: QWidget | None = None):
        """``context``: the translation context the specs' texts were marked with (see :mod:`explorer.i18n`)."""
        super().__init__(parent)
        self._context = context
        self._specs = {spec.name: spec for spec in specs}
        self._controls: dict[str, QWidget] = {}
        self._values: dict[str, Any] = {spec.name: spec.default for spec in specs}
        self._refusals: dict[str, str] = {}  # why each entry still marked invalid was refused
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            control = self._make_control(spec)
            tooltip = self._tr(spec.tooltip)
            control.setToolTip(tooltip)
            control.setObjectName(f"param_{spec.name}")
            unit = self._tr(spec.unit)
            label = QLabel(self._tr(spec.display_label) + (f" ({unit})" if unit else ""))
            label.setToolTip(tooltip)
            label.setBuddy(control)
            layout.addRow(label, control)
            self._controls[spec.name] = control
        self.set_values(self._values)

    def _tr(self, text: str) -> str:
        return translate(self._context, text)

    def _label(self, name: str) -> str:
        """The parameter as its row names it, in the UI's language."""
        return self._tr(self._specs[name].display_label)

    def _entry_refusal(self, spec: ParamSpec, text: str, error: ValueError) -> str:
        """Why an entry was refused, in the UI's language and naming the row (the spec's message is English and names
        the parameter as the command line does)."""
        label = self._label(spec.name)
        if spec.kind in ("float", "int", "bigint"):
            low, high = (_bound_text(bound) for bound in (spec.minimum, spec.maximum))
            if spec.kind == "float":
                template = self.tr("{label}: “{text}” is not a number from {low} to {high}")
            else:
                template = self.tr("{label}: “{text}” is not a whole number from {low} to {high}")
            typed = text.strip()
            typed = typed if len(typed) <= _ECHO_LIMIT else typed[: _ECHO_LIMIT - 1] + "…"
            return template.format(label=label, text=typed, low=low, high=high)
        message = str(error)
        prefix = f"{spec.name}: "  # a tab's own parser, already translated: keep its words, name the row
        return f"{label}: {message[len(prefix):] if message.startswith(prefix) else message}"

    def control(self, name: str) -> QWidget:
        return self._controls[name]

    def values(self) -> dict[str, Any]:
        return dict(self._values)

    def set_hidden(self, names) -> None:
        """Hide the rows of ``names`` (a scene can keep a class's eyes on what matters); show all others."""
        hidden = set(names)
        layout = self.layout()
        for name, control in self._controls.items():
            layout.setRowVisible(control, name not in hidden)

    def hidden(self) -> tuple[str, ...]:
        return tuple(name for name, control in self._controls.items() if control.isHidden())

    @property
    def refusal(self) -> str:
        """Why the latest entry still marked invalid was refused; "" when every control shows a value in use."""
        return next(reversed(self._refusals.values()), "")

    def set_values(self, values: dict[str, Any]) -> None:
        """Show already-validated values without emitting ``changed``."""
        for name, value in values.items():
            self._values[name] = value
            self._refusals.pop(name, None)
            self._show(self._specs[name], self._controls[name], value)

    def _make_control(self, spec: ParamSpec) -> QWidget:
        kind = spec.kind
        if kind == "float" and spec.log:
            control = LogSlider(spec.minimum, spec.maximum)
            control.valueChanged.connect(lambda v, n=spec.name: self._commit(n, v))
            control.rejected.connect(lambda message, n=spec.name: self._refuse(n, f"{self._label(n)}: {message}"))
        elif kind == "float":
            control = LabeledDoubleSlider(Qt.Orientation.Horizontal)
            control.setRange(spec.minimum, spec.maximum)
            control.setDecimals(spec.decimals)
            step = spec.step or (spec.maximum - spec.minimum) / 100
            control.setSingleStep(step)
            control.setPageStep(step * 10)
            control.setFocusProxy(control._slider)
            control.valueChanged.connect(lambda v, n=spec.name: self._commit(n, v))
            control.entered.connect(lambda v, n=spec.name: self._commit_entry(n, v))
        elif kind == "int":
            control = LabeledSlider(Qt.Orientation.Horizontal)
            control.setRange(int(spec.minimum), int(spec.maximum))
            control.setSingleStep(int(spec.step or 1))
            control.setFocusProxy(control._slider)
            control.valueChanged.connect(lambda v, n=spec.name: self._commit(n, int(v)))
            control.entered.connect(lambda v, n=spec.name: self._commit_entry(n, v))
        elif kind == "bool":
            control = QCheckBox()
            control.toggled.connect(lambda v, n=spec.name: self._commit(n, bool(v)))
        elif kind == "choice":
            control = QComboBox()
            for choice in spec.choices:
                control.addItem(self._tr(spec.label_of(choice)), choice)
            control.activated.connect(lambda i, n=spec.name, c=control: self._commit(n, c.itemData(i)))
        elif kind == "multi":
            control = _ChoiceFlow()
            flow = QFlowLayout(control)
            flow.setContentsMargins(0, 0, 0, 0)
            control._boxes = {}
            for choice in spec.choices:
                box = QCheckBox(self._tr(spec.label_of(choice)))
                box.setToolTip(self._tr(spec.tooltip))
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
                control.setCursorPosition(0)  # a long value shows its start, not its last digits
                _set_style_sheet(control, "")
                control.setToolTip(self._tr(spec.tooltip))
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
            self._refuse(name, str(exc))
            return
        withdrawn = self._refusals.pop(name, None) is not None
        if value != self._values[name]:
            self._values[name] = value
            self.error.emit(self.refusal)
            self.changed.emit(name, value)
        elif withdrawn:  # the entry was put right by entering the value in use
            self.error.emit(self.refusal)

    def _refuse(self, name: str, message: str) -> None:
        self._refusals.pop(name, None)  # to the end: the latest refusal is the one shown
        self._refusals[name] = message
        self.error.emit(message)

    def _commit_entry(self, name: str, text: str) -> None:
        """A number typed into a slider's field: applied exactly, or refused with the spec's message (never clamped)."""
        spec, control = self._specs[name], self._controls[name]
        try:
            value = spec.parse(text)
        except ValueError as exc:
            message = self._entry_refusal(spec, text, exc)
            control.mark_invalid(message)
            self._refuse(name, message)
            return
        control.blockSignals(True)
        control.setValue(value)
        control.blockSignals(False)
        self._commit(name, value)

    def _commit_multi(self, name: str) -> None:
        boxes = self._controls[name]._boxes
        self._commit(name, [choice for choice, box in boxes.items() if box.isChecked()])

    def _commit_text(self, name: str) -> None:
        control: QLineEdit = self._controls[name]
        spec = self._specs[name]
        try:
            value = spec.parse(control.text())
        except ValueError as exc:
            message = self._entry_refusal(spec, control.text(), exc)
            tooltip = self._tr(spec.tooltip)
            _set_style_sheet(control, _INVALID)
            control.setToolTip(f"{tooltip}\n{message}" if tooltip else message)
            self._refuse(name, message)
            return
        _set_style_sheet(control, "")
        control.setToolTip(self._tr(spec.tooltip))
        self._commit(name, value)


def _bound_text(bound) -> str:
    """A range end as a reader writes it: whole numbers in full, very large ones as a power of ten."""
    if bound is None:
        return "∞"
    if float(bound).is_integer():
        whole = int(bound)
        if abs(whole) < 10**15:
            return str(whole)
        digits = str(abs(whole))
        if digits.strip("0") == "1":
            return ("−" if whole < 0 else "") + "10" + str(len(digits) - 1).translate(_SUPERSCRIPTS)
    return f"{bound:.4g}"


_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
