"""The article editor's widgets: the fields of an article. No store access here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from qk3editor.ui.widgets import NfcLineEdit, NfcPlainTextEdit

if TYPE_CHECKING:  # (loaded after the first frame: issue 14, start-up)
    from qk3editor.core.articles import ArticleFields
    from qk3editor.ui.editor.fields import RawFields


class ArticleEditorView(QWidget):
    """Title, lead, category, byline, tags and the markdown body."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.title = NfcLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("Title"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.lead = NfcPlainTextEdit(self)
        self.lead.setObjectName("lead")
        self.lead.setPlaceholderText(self.tr("Lead (sapo): QK3 online - ..."))
        self.lead.setMaximumHeight(90)
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.byline = NfcLineEdit(self)
        self.byline.setObjectName("byline")
        self.tags = NfcLineEdit(self)
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.body = NfcPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setPlaceholderText(self.tr("Body (markdown)"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Lead"), self.lead)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Byline"), self.byline)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Status"), self.status_label)
        self.form = form
        layout = QVBoxLayout(self)
        self.empty_hint = QLabel(
            self.tr(
                "No article is open. Choose one in the library on the left, "
                "or press Ctrl+N to write a new one."
            ),
            self,
        )
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("QLabel { padding: 8px; font-style: italic; }")
        layout.addWidget(self.empty_hint)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)

        for w in (self.title, self.byline, self.tags):
            w.textEdited.connect(self.edited)
        self.lead.textChanged.connect(self._on_text_changed)
        self.body.textChanged.connect(self._on_text_changed)
        self.category.currentIndexChanged.connect(self._on_text_changed)
        self._loading = False

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def set_categories(self, names: list[str]) -> None:
        self._loading = True
        current = self.category.currentText()
        self.category.clear()
        self.category.addItem("")
        self.category.addItems(names)
        self.category.setCurrentText(current)
        self._loading = False

    def show_fields(
        self, title: str, lead: str, category: str, byline: str, tags: str, body: str
    ) -> None:
        self._loading = True
        try:
            self.title.setText(title)
            self.title.setCursorPosition(0)  # a long title shows its start, not its end
            self.lead.setPlainText(lead)
            idx = self.category.findText(category)
            if idx < 0 and category:
                self.category.addItem(category)
                idx = self.category.findText(category)
            self.category.setCurrentIndex(max(idx, 0))
            self.byline.setText(byline)
            self.byline.setCursorPosition(0)
            self.tags.setText(tags)
            self.tags.setCursorPosition(0)
            self.body.setPlainText(body)
        finally:
            self._loading = False

    def raw_fields(self) -> RawFields:
        """The widgets' text as it is (about a millisecond for a long article)."""
        from qk3editor.ui.editor.fields import RawFields

        return RawFields(
            self.title.text(),
            self.lead.toPlainText(),
            self.body.toPlainText(),
            self.category.currentText(),
            self.byline.text(),
            self.tags.text(),
        )

    def read_fields(self) -> ArticleFields:
        """A snapshot of the widgets, cleaned (NFC, repairs) as the store keeps it."""
        return self.raw_fields().clean()
