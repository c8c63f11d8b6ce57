"""“Make the tone style consistent”: every change is listed before anything is applied."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.vietnamese import tones


class ToneStyleDialog(QDialog):
    """Choose hòa/thủy or hoà/thuỷ, see each change (line, before, after), then apply."""

    def __init__(self, text: str, house_style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toneStyleDialog")
        self.setWindowTitle(self.tr("Make the tone style consistent"))
        self._text = text
        self.old_button = QRadioButton(self.tr("hòa, thủy, khỏe (old style)"), self)
        self.new_button = QRadioButton(self.tr("hoà, thuỷ, khoẻ (new style)"), self)
        (self.new_button if house_style == tones.NEW else self.old_button).setChecked(True)
        self.summary = QLabel(self)
        self.changes_view = QTreeWidget(self)
        self.changes_view.setObjectName("toneChanges")
        self.changes_view.setRootIsDecorated(False)
        self.changes_view.setHeaderLabels(
            [self.tr("Line"), self.tr("Before"), self.tr("After"), self.tr("Context")]
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Write every word in this style:"), self))
        layout.addWidget(self.old_button)
        layout.addWidget(self.new_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes_view, 1)
        layout.addWidget(self.buttons)
        self.old_button.toggled.connect(self._refresh)
        self.resize(640, 420)
        self.changes: list[tones.StyleChange] = []
        self._refresh()

    @property
    def style(self) -> str:
        return tones.NEW if self.new_button.isChecked() else tones.OLD

    def _refresh(self) -> None:
        self.changes = tones.style_changes(self._text, self.style)
        self.changes_view.clear()
        for c in self.changes:
            line = self._text.count("\n", 0, c.start) + 1
            left = max(self._text.rfind("\n", 0, c.start) + 1, c.start - 30)
            right = self._text.find("\n", c.end)
            right = min(right if right >= 0 else len(self._text), c.end + 30)
            context = self._text[left:right]
            self.changes_view.addTopLevelItem(QTreeWidgetItem([str(line), c.old, c.new, context]))
        self.summary.setText(self.tr("%n change(s)", "", len(self.changes)))
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setEnabled(bool(self.changes))


def apply_style_changes(edit: QPlainTextEdit, changes: list[tones.StyleChange]) -> None:
    """Apply ``changes`` to ``edit``'s document as one undo step (last first: spans stay valid)."""
    cursor = QTextCursor(edit.document())
    cursor.beginEditBlock()
    try:
        for c in sorted(changes, key=lambda c: c.start, reverse=True):
            cursor.setPosition(c.start)
            cursor.setPosition(c.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(c.new)
    finally:
        cursor.endEditBlock()


def make_tone_style_consistent(
    edit: QPlainTextEdit, house_style: str, parent: QWidget | None = None
) -> bool:
    """Show the dialog for ``edit``; apply on OK. Returns whether anything changed."""
    dialog = ToneStyleDialog(edit.toPlainText(), house_style, parent or edit)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changes:
            return False
        apply_style_changes(edit, dialog.changes)
        return True
    finally:
        dialog.deleteLater()
