"""Small widgets shared by features: text edits that keep text NFC at the boundary."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from qk3editor.core.markdown_io import clean_text


class NfcPlainTextEdit(QPlainTextEdit):
    """A plain-text edit whose pasted and IME-committed text is NFC (and free of BOM/ZWSP).

    Normalisation happens only on commit, never during composition (a preedit is left alone).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(clean_text(source.text()))
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if commit and clean_text(commit) != commit:
            fixed = QInputMethodEvent(event.preeditString(), event.attributes())
            fixed.setCommitString(
                clean_text(commit), event.replacementStart(), event.replacementLength()
            )
            super().inputMethodEvent(fixed)
            return
        super().inputMethodEvent(event)


class NfcLineEdit(QLineEdit):
    """A line edit whose text is NFC once typing or pasting is committed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self._on_editing_finished)

    def normalized_text(self) -> str:
        return clean_text(self.text()).strip()

    def _on_editing_finished(self) -> None:
        fixed = clean_text(self.text())
        if fixed != self.text():
            self.setText(fixed)
