"""The "Save Scene" dialog: a title, a caption and which controls the class should not see."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from explorer.i18n import translate
from explorer.params import ParamSpec

MAX_TITLE = 120
MAX_CAPTION = 600


class SceneDialog(QDialog):
    def __init__(self, specs: tuple[ParamSpec, ...], context: str, hidden: tuple[str, ...], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save Scene"))
        self.title_field = QLineEdit()
        self.title_field.setMaxLength(MAX_TITLE)
        self.title_field.setPlaceholderText(self.tr("e.g. The counterexample 130"))
        self.caption_field = QPlainTextEdit()
        self.caption_field.setPlaceholderText(self.tr("What the class should look at, in a sentence or two"))
        self.caption_field.setTabChangesFocus(True)  # keyboard users must be able to leave the field
        self.caption_field.setFixedHeight(90)
        self.hidden_list = QListWidget()
        self.hidden_list.setToolTip(self.tr("Checked controls are hidden while this scene is shown"))
        for spec in specs:
            item = QListWidgetItem(translate(context, spec.display_label))
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if spec.name in hidden else Qt.CheckState.Unchecked)
            self.hidden_list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title_field)
        form.addRow(self.tr("&Caption"), self.caption_field)
        form.addRow(self.tr("&Hide controls"), self.hidden_list)
        form.addRow(buttons)
        self.resize(460, 420)

    def title(self) -> str:
        return self.title_field.text().strip()

    def caption(self) -> str:
        return " ".join(self.caption_field.toPlainText().split())[:MAX_CAPTION]

    def hidden(self) -> tuple[str, ...]:
        items = (self.hidden_list.item(row) for row in range(self.hidden_list.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked
        )
