"""Small widgets shared by features: text edits that keep text NFC at the boundary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:  # (PySide6 builds a class's Python type, enums and all, at its first import:
    # the event types load with the first event, not with the first frame; issue 14)
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent

    from qk3editor.core.vietnamese.legacy import LegacyMatch
    from qk3editor.ui.pasted import LegacyPaste


def clean_text(text: str) -> str:
    """:func:`qk3editor.core.markdown_io.clean_text`, whose Vietnamese tables load at the first
    text typed or pasted, not with the first frame (issue 14: start-up)."""
    from qk3editor.core.vietnamese.normalize import clean_paste

    return clean_paste(text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _legacy_of(raw: str) -> LegacyMatch | None:
    from qk3editor.core.vietnamese.legacy import detect_legacy  # at the first paste

    return detect_legacy(raw) if raw and not raw.isspace() else None


class NfcPlainTextEdit(QPlainTextEdit):
    """A plain-text edit whose pasted and IME-committed text is NFC (and free of BOM/ZWSP).

    Normalisation happens only on commit, never during composition (a preedit is left alone).
    Pasted text that looks like a legacy encoding is announced with ``legacyPasted`` (never
    converted here: the user chooses).
    """

    legacyPasted = Signal(object)  # LegacyPaste

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            raw = source.text()
            text = clean_text(raw)
            cursor = self.textCursor()
            start = cursor.selectionStart()
            cursor.insertText(text)
            self.ensureCursorVisible()
            match = _legacy_of(raw)
            if match is not None:
                from qk3editor.ui.pasted import LegacyPaste

                self.legacyPasted.emit(LegacyPaste(self, start, text, match))
            return
        super().insertFromMimeData(source)

    def replace_pasted(self, paste: LegacyPaste, text: str) -> bool:
        """Put ``text`` where ``paste`` was inserted, if it is still there (one undo step)."""
        cursor = self.textCursor()
        end = paste.start + utf16_len(paste.inserted)
        if end > self.document().characterCount() - 1:
            return False
        cursor.setPosition(paste.start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        if cursor.selectedText().replace("\u2029", "\n") != paste.inserted:
            return False
        cursor.insertText(clean_text(text))
        return True

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if commit and clean_text(commit) != commit:
            from PySide6.QtGui import QInputMethodEvent

            fixed = QInputMethodEvent(event.preeditString(), event.attributes())
            fixed.setCommitString(
                clean_text(commit), event.replacementStart(), event.replacementLength()
            )
            super().inputMethodEvent(fixed)
            return
        super().inputMethodEvent(event)


class NfcLineEdit(QLineEdit):
    """A line edit whose text is NFC once typing or pasting is committed."""

    legacyPasted = Signal(object)  # LegacyPaste

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self._on_editing_finished)

    def normalized_text(self) -> str:
        return clean_text(self.text()).strip()

    def _on_editing_finished(self) -> None:
        fixed = clean_text(self.text())
        if fixed != self.text():
            self.setText(fixed)

    def paste_text(self, raw: str) -> None:
        """Paste ``raw`` (the keyboard shortcut and the context menu come here)."""
        text = " ".join(clean_text(raw).split("\n"))
        start = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
        self.insert(text)
        match = _legacy_of(raw)
        if match is not None:
            from qk3editor.ui.pasted import LegacyPaste

            self.legacyPasted.emit(LegacyPaste(self, start, text, match))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            self.paste_text(QGuiApplication.clipboard().text())
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(
                    lambda: self.paste_text(QGuiApplication.clipboard().text())
                )
        menu.exec(event.globalPos())
        menu.deleteLater()

    def replace_pasted(self, paste: LegacyPaste, text: str) -> bool:
        current = self.text()
        end = paste.start + len(paste.inserted)
        if current[paste.start : end] != paste.inserted:
            return False
        self.setSelection(paste.start, len(paste.inserted))
        self.insert(" ".join(clean_text(text).split("\n")))  # one undo step
        self.textEdited.emit(self.text())
        return True
