"""Batch caption panel: edit many photos at once, templates, code expansion as you type,
undo per field edit (a QUndoStack; consecutive edits of one field merge)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import active
from qk3editor.core.photos import PhotoMetadata
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.photos.captions import BatchEdit, caption_findings, expand_at_cursor, split_list
from qk3editor.ui.errors import describe_error

# the fields the panel has a box for (fewer than core.photos.TEXT_FIELDS: a template's other
# fields go through ``template_extra``)
PANEL_FIELDS = ("headline", "description", "credit", "city", "title", "alt_text", "copyright")
_MERGE_ID = 0x5143


class FieldEdit(QUndoCommand):
    """One edit of one field; consecutive edits of the same field merge into one step."""

    def __init__(
        self, panel: CaptionPanel, name: str, old: str, new: str, mergeable: bool = True
    ) -> None:
        super().__init__(name)
        self.panel, self.name, self.old, self.new = panel, name, old, new
        self.mergeable = mergeable
        self._first = True

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.name != self.name:
            return False
        if not (self.mergeable and other.mergeable):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._first:  # the widget already shows the new text
            self._first = False
            return
        self.panel.set_field_text(self.name, self.new)

    def undo(self) -> None:
        self.panel.set_field_text(self.name, self.old)


class CaptionPanel(QWidget):
    """The fields of the batch edit. An empty field keeps each photo's own value."""

    apply_requested = Signal(object)  # BatchEdit
    error = Signal(str)
    template_requested = Signal()
    codes_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionPanel")
        self.undo_stack = QUndoStack(self)
        self.codes: Mapping[str, str] = {}
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._values: dict[str, str] = {}
        self.template_extra: dict[str, str] = {}
        self._setting = False
        labels = {
            "headline": self.tr("Headline"),
            "description": self.tr("Caption"),
            "credit": self.tr("Credit"),
            "city": self.tr("City"),
            "title": self.tr("Title"),
            "alt_text": self.tr("Alt text"),
            "copyright": self.tr("Copyright"),
        }
        form = QFormLayout()
        for name in PANEL_FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if name == "description":
                widget = QPlainTextEdit(self)
                widget.setMaximumHeight(110)
                widget.textChanged.connect(lambda n=name: self._on_field_edited(n))
            else:
                widget = QLineEdit(self)
                widget.textEdited.connect(lambda _t, n=name: self._on_field_edited(n))
            widget.setObjectName(f"caption_{name}")
            self.fields[name] = widget
            self._values[name] = ""
            form.addRow(labels[name], widget)
        # the by-line (IPTC By-line / dc:creator): what {creator} fills in
        self.creator = QLineEdit(self)
        self.creator.setObjectName("caption_creator")
        self.creator.setPlaceholderText(self.tr("photographers, separated by commas"))
        form.insertRow(3, self.tr("Creator"), self.creator)
        self.keywords = QLineEdit(self)
        self.keywords.setObjectName("caption_keywords")
        # one list separator in the app: a comma, as for an article's tags
        self.keywords.setPlaceholderText(self.tr("keywords, separated by commas"))
        self.keywords_mode = QComboBox(self)
        self.keywords_mode.addItem(self.tr("append"), "append")
        self.keywords_mode.addItem(self.tr("replace"), "replace")
        kw = QHBoxLayout()
        kw.addWidget(self.keywords, 1)
        kw.addWidget(self.keywords_mode)
        form.addRow(self.tr("Keywords"), kw)
        self.hint = QLabel(
            self.tr(
                "Empty fields keep each photo's own value. Variables: {date} {city} "
                "{creator} {credit} {filename} {seq}"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.findings = QLabel(self)
        self.findings.setObjectName("captionFindings")
        self.findings.setWordWrap(True)
        self.findings.setStyleSheet("color: #8a4b00")
        self.house_style = "old"
        self.apply_button = QPushButton(self.tr("Apply to selected photos"), self)
        self.apply_button.setObjectName("applyCaption")
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.template_button = QPushButton(self.tr("Template..."), self)
        self.template_button.setObjectName("captionTemplate")
        self.template_button.clicked.connect(self.template_requested)
        self.codes_button = QPushButton(self.tr("Codes..."), self)
        self.codes_button.setObjectName("captionCodes")
        self.codes_button.clicked.connect(self.codes_requested)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.codes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.findings)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    # -- fields ----------------------------------------------------------------------------
    def field_text(self, name: str) -> str:
        w = self.fields[name]
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def set_field_text(self, name: str, text: str) -> None:
        self._setting = True
        try:
            w = self.fields[name]
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(text)
            else:
                w.setText(text)
            self._values[name] = text
        finally:
            self._setting = False

    def show_photos(self, photos: Sequence[PhotoMetadata]) -> None:
        """Show the selection: a value all photos share, else empty ("keep each one's")."""
        for name in PANEL_FIELDS:
            values = {getattr(md, name) for md in photos}
            self.set_field_text(name, values.pop() if len(values) == 1 else "")
            placeholder = self.tr("(different values: kept)") if len(photos) > 1 else ""
            w = self.fields[name]
            w.setPlaceholderText(placeholder)
        self.keywords.clear()
        self.undo_stack.clear()
        self.apply_button.setText(self.tr("Apply to %n photo(s)", "", len(photos)))
        self.apply_button.setEnabled(bool(photos))

    def _on_field_edited(self, name: str) -> None:
        if self._setting:
            return
        w = self.fields[name]
        text = self.field_text(name)
        cursor = w.textCursor().position() if isinstance(w, QPlainTextEdit) else w.cursorPosition()
        expanded, new_cursor = expand_at_cursor(text, cursor, self.codes)
        if expanded != text:
            self.set_field_text(name, expanded)
            if isinstance(w, QPlainTextEdit):
                c = w.textCursor()
                c.setPosition(new_cursor)
                w.setTextCursor(c)
            else:
                w.setCursorPosition(new_cursor)
            text = expanded
        old = self._values[name]
        if text != old:
            self._values[name] = text
            self.undo_stack.push(FieldEdit(self, name, old, text))
        self.update_findings()

    def update_findings(self) -> None:
        """The toolkit's Vietnamese checks on the headline and caption, shown under them."""
        lines = []
        for name in ("headline", "description"):
            for f in caption_findings(self.field_text(name), self.house_style)[:3]:
                lines.append(f.message(active()))
        self.findings.setText("\n".join(lines))

    def apply_template(self, edit: BatchEdit) -> None:
        """Fill the panel from a template (each field change is one undo step)."""
        for name in PANEL_FIELDS:
            text = edit.values.get(name)
            if text is not None and text != self._values[name]:
                old = self._values[name]
                self.set_field_text(name, text)
                # a template's change is its own step, never merged with typing
                self.undo_stack.push(FieldEdit(self, name, old, text, mergeable=False))
        # fields the panel has no box for (sub-location, instructions, ...) still apply
        self.template_extra = {k: v for k, v in edit.values.items() if k not in PANEL_FIELDS}
        self.hint.setToolTip(", ".join(sorted(self.template_extra)))
        if edit.keywords:
            self.keywords.setText(", ".join(edit.keywords))
        if edit.creator:
            self.creator.setText(", ".join(edit.creator))
        self.keywords_mode.setCurrentIndex(self.keywords_mode.findData(edit.keywords_mode))
        self.update_findings()

    # -- apply -----------------------------------------------------------------------------
    def batch_edit(self) -> BatchEdit:
        """What the panel holds, NFC (raises QkError for an unknown template variable)."""
        values = {name: normalize(self.field_text(name)) for name in PANEL_FIELDS}
        values.update(self.template_extra)
        return BatchEdit(
            values={k: v for k, v in values.items() if v.strip()},
            creator=split_list(normalize(self.creator.text())),
            keywords=split_list(normalize(self.keywords.text())),
            keywords_mode=str(self.keywords_mode.currentData()),
        )

    def _on_apply_clicked(self) -> None:
        try:
            edit = self.batch_edit()
        except QkError as exc:
            self.error.emit(describe_error(exc))
            return
        self.apply_requested.emit(edit)
