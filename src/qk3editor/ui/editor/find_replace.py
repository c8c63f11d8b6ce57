"""Find and replace in the body: a bar under the editor (Ctrl+F, Ctrl+R, F3, Esc)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from qk3editor.core.markdown_io import clean_text


class FindReplaceBar(QWidget):
    def __init__(self, edit: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self.edit = edit
        self.find_text = QLineEdit(self)
        self.find_text.setObjectName("findText")
        self.find_text.setPlaceholderText(self.tr("Find"))
        self.replace_text = QLineEdit(self)
        self.replace_text.setObjectName("replaceText")
        self.replace_text.setPlaceholderText(self.tr("Replace with"))
        self.case = QCheckBox(self.tr("Match case"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.prev_button = QPushButton(self.tr("Previous"), self)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        self.info = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for w in (
            self.find_text,
            self.next_button,
            self.prev_button,
            self.replace_text,
            self.replace_button,
            self.replace_all_button,
            self.case,
            self.info,
        ):
            layout.addWidget(w)
        self.next_button.clicked.connect(lambda: self.find(backward=False))
        self.prev_button.clicked.connect(lambda: self.find(backward=True))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_text.returnPressed.connect(lambda: self.find(backward=False))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def open_bar(self, replace: bool = False) -> None:
        self.show()
        selected = self.edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_text.setText(selected)
        (self.replace_text if replace and self.find_text.text() else self.find_text).setFocus()
        self.find_text.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.edit.setFocus()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find(self, backward: bool = False) -> bool:
        needle = clean_text(self.find_text.text())
        if not needle:
            return False
        if self.edit.find(needle, self._flags(backward)):
            self.info.clear()
            return True
        # wrap around once
        cursor = self.edit.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.edit.setTextCursor(cursor)
        found = self.edit.find(needle, self._flags(backward))
        self.info.setText("" if found else self.tr("Not found"))
        return found

    def _selection_matches(self) -> bool:
        needle = clean_text(self.find_text.text())
        selected = self.edit.textCursor().selectedText()
        if self.case.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_one(self) -> None:
        if not self._selection_matches() and not self.find():
            return
        self.edit.textCursor().insertText(clean_text(self.replace_text.text()))
        self.find()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns the count."""
        needle = clean_text(self.find_text.text())
        if not needle:
            return 0
        replacement = clean_text(self.replace_text.text())
        doc = self.edit.document()
        count = 0
        edit_cursor = QTextCursor(doc)
        edit_cursor.beginEditBlock()
        cursor = QTextCursor(doc)
        while True:
            cursor = doc.find(needle, cursor, self._flags())
            if cursor.isNull():
                break
            cursor.insertText(replacement)
            count += 1
        edit_cursor.endEditBlock()
        self.info.setText(self.tr("%n replaced", "", count))
        return count
