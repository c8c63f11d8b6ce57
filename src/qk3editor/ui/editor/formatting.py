"""Markdown formatting on a QPlainTextEdit: toolbar actions with shortcuts, one undo step each."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QToolBar, QWidget


def wrap_selection(edit: QPlainTextEdit, marker: str, placeholder: str) -> None:
    """``**text**``: wrap the selection (or a placeholder, selected) in ``marker``."""
    cursor = edit.textCursor()
    text = cursor.selectedText() or placeholder
    cursor.beginEditBlock()
    start = cursor.selectionStart()
    cursor.insertText(f"{marker}{text}{marker}")
    cursor.endEditBlock()
    cursor.setPosition(start + len(marker))
    cursor.setPosition(start + len(marker) + len(text), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


_PREFIX = re.compile(r"^(#{1,6} |> |- |\d+\. )")


def toggle_line_prefix(edit: QPlainTextEdit, prefix: str) -> None:
    """Put ``prefix`` (``## ``, ``- ``, ``> ``…) on each selected line, or take it off."""
    cursor = edit.textCursor()
    doc = edit.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    blocks = []
    b = first
    while b.isValid():
        blocks.append(b)
        if b == last:
            break
        b = b.next()
    remove = all(b.text().startswith(prefix) for b in blocks)
    cursor.beginEditBlock()
    for n, block in enumerate(blocks):
        c = QTextCursor(block)
        current = _PREFIX.match(block.text())
        if current:
            c.movePosition(
                QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, len(current[0])
            )
            c.removeSelectedText()
        if not remove:
            c.insertText(prefix if prefix != "1. " else f"{n + 1}. ")
    cursor.endEditBlock()


def insert_link(edit: QPlainTextEdit, url: str) -> None:
    cursor = edit.textCursor()
    text = cursor.selectedText() or url
    cursor.insertText(f"[{text}]({url})")


def insert_photo(edit: QPlainTextEdit, photo_id: str, caption: str = "") -> None:
    """A photo on a paragraph of its own: ``![caption](qk3photo:id)``."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    block_text = cursor.block().text()
    before = "\n\n" if block_text.strip() else ""
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(f"{before}![{caption}](qk3photo:{photo_id})\n\n")
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


class FormattingBar(QToolBar):
    """Bold, italic, heading, list, numbered list, quote, link, photo — with shortcuts."""

    def __init__(
        self,
        edit: QPlainTextEdit,
        choose_photo: Callable[[], tuple[str, str] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formattingBar")
        self.edit = edit
        self.choose_photo = choose_photo
        self.bold = self._add(self.tr("Bold"), "Ctrl+B", lambda: wrap_selection(edit, "**", "…"))
        self.italic = self._add(self.tr("Italic"), "Ctrl+I", lambda: wrap_selection(edit, "*", "…"))
        self.heading = self._add(
            self.tr("Heading"), "Ctrl+Shift+H", lambda: toggle_line_prefix(edit, "## ")
        )
        self.bullets = self._add(
            self.tr("List"), "Ctrl+Shift+8", lambda: toggle_line_prefix(edit, "- ")
        )
        self.numbers = self._add(
            self.tr("Numbered list"), "Ctrl+Shift+7", lambda: toggle_line_prefix(edit, "1. ")
        )
        self.quote = self._add(
            self.tr("Quote"), "Ctrl+Shift+Q", lambda: toggle_line_prefix(edit, "> ")
        )
        self.link = self._add(self.tr("Link"), "Ctrl+K", self._on_link)
        self.photo = self._add(self.tr("Insert photo"), "Ctrl+Shift+I", self._on_photo)

    def _add(self, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.edit.addAction(action)  # shortcut works while the body has focus
        return action

    def _on_link(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Address (https://…)"))
        if ok and url.strip():
            insert_link(self.edit, url.strip())

    def _on_photo(self) -> None:
        if self.choose_photo is not None:
            chosen = self.choose_photo()
            if chosen:
                insert_photo(self.edit, chosen[0], chosen[1])
            return
        photo_id, ok = QInputDialog.getText(self, self.tr("Insert photo"), self.tr("Photo id"))
        if ok and photo_id.strip():
            insert_photo(self.edit, photo_id.strip())
