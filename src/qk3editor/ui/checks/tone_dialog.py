"""“Make the tone style consistent”: every change is listed before anything is applied.

It covers every field a reader sees: title, lead, body (with the photo captions written in
it) and the captions of the article's photos (the file's or the article's own, HEIC ones kept
only in the store) — one list, one undo step per text field; captions go back through the
photo desk's write path (:mod:`qk3editor.ui.checks.photo_captions`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.vietnamese import tones
from qk3editor.ui.checks.photo_captions import ArticleCaptions

FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("ToneStyleDialog", "Title"),
    "lead": QT_TRANSLATE_NOOP("ToneStyleDialog", "Lead"),
    "body": QT_TRANSLATE_NOOP("ToneStyleDialog", "Body"),
}


class ToneStyleDialog(QDialog):
    """Choose hòa/thủy or hoà/thuỷ, see each change (field, line, before, after), then apply.

    ``text`` is one text, or the fields by name (``{"title": ..., "lead": ..., "body": ...}``);
    :attr:`changes` are those of the body (or of the one text), :attr:`field_changes` those of
    every field."""

    def __init__(
        self,
        text: str | Mapping[str, str],
        house_style: str,
        parent: QWidget | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._labels = dict(labels or {})  # shown names of fields beyond title/lead/body
        self.setObjectName("toneStyleDialog")
        self.setWindowTitle(self.tr("Make the tone style consistent"))
        self._fields = dict(text) if isinstance(text, Mapping) else {"body": text}
        self._text = self._fields.get("body", "")
        self.old_button = QRadioButton(self.tr("hòa, thủy, khỏe (old style)"), self)
        self.new_button = QRadioButton(self.tr("hoà, thuỷ, khoẻ (new style)"), self)
        (self.new_button if house_style == tones.NEW else self.old_button).setChecked(True)
        self.summary = QLabel(self)
        self.changes_view = QTreeWidget(self)
        self.changes_view.setObjectName("toneChanges")
        self.changes_view.setRootIsDecorated(False)
        self.changes_view.setHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Line"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Context"),
            ]
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
        self.field_changes: dict[str, list[tones.StyleChange]] = {}
        self._refresh()

    @property
    def style(self) -> str:
        return tones.NEW if self.new_button.isChecked() else tones.OLD

    def _refresh(self) -> None:
        self.field_changes = {
            name: tones.style_changes(text, self.style) for name, text in self._fields.items()
        }
        self.changes = self.field_changes.get("body", [])
        self.changes_view.clear()
        total = 0
        for name, changes in self.field_changes.items():
            text = self._fields[name]
            shown = self._labels.get(name) or QCoreApplication.translate(
                "ToneStyleDialog", FIELD_NAMES.get(name, name)
            )
            for c in changes:
                line = text.count("\n", 0, c.start) + 1
                left = max(text.rfind("\n", 0, c.start) + 1, c.start - 30)
                right = text.find("\n", c.end)
                right = min(right if right >= 0 else len(text), c.end + 30)
                context = text[left:right]
                item = QTreeWidgetItem([shown, str(line), c.old, c.new, context])
                self.changes_view.addTopLevelItem(item)
                total += 1
        self.summary.setText(self.tr("%n change(s)", "", total))
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setEnabled(bool(total))


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


def apply_line_changes(edit: QLineEdit, changes: list[tones.StyleChange]) -> None:
    """``changes`` applied to a one-line field (one undo step; the cursor back at its start)."""
    text = changed_text(edit.text(), changes)
    edit.selectAll()
    edit.insert(text)
    edit.setCursorPosition(0)


def changed_text(text: str, changes: list[tones.StyleChange]) -> str:
    """``text`` with ``changes`` applied (last first: the spans stay valid)."""
    for c in sorted(changes, key=lambda c: c.start, reverse=True):
        text = text[: c.start] + c.new + text[c.end :]
    return text


def make_tone_style_consistent(
    edit: QPlainTextEdit,
    house_style: str,
    parent: QWidget | None = None,
    others: Mapping[str, QLineEdit | QPlainTextEdit] | None = None,
    captions: ArticleCaptions | None = None,
) -> bool:
    """Show the dialog for ``edit`` (the body), ``others`` (title, lead) and the article's
    photo ``captions``; apply on OK. Returns whether anything changed."""
    edits: dict[str, QLineEdit | QPlainTextEdit] = {**(others or {}), "body": edit}
    texts = {
        name: e.text() if isinstance(e, QLineEdit) else e.toPlainText() for name, e in edits.items()
    }
    fields = captions.load() if captions is not None else {}
    texts.update({key: f.text for key, f in fields.items()})
    labels = {key: f.label for key, f in fields.items()}
    dialog = ToneStyleDialog(texts, house_style, parent or edit, labels)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        changed = False
        new_captions: dict[str, str] = {}
        for name, changes in dialog.field_changes.items():
            if not changes:
                continue
            changed = True
            if name in fields:
                new_captions[name] = changed_text(texts[name], changes)
                continue
            target = edits[name]
            if isinstance(target, QLineEdit):
                apply_line_changes(target, changes)
            else:
                apply_style_changes(target, changes)
        if captions is not None and new_captions:
            captions.apply(new_captions)
        return changed
    finally:
        dialog.deleteLater()
