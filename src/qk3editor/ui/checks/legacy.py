"""Offers to convert text in old Vietnamese font encodings (TCVN3, VNI, VIQR) to Unicode.

Pasting such text shows a non-modal bar above the editor with the text before and after;
importing such a file asks first. Nothing is converted unless the person says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from qk3editor.core.vietnamese.legacy import NAMES
from qk3editor.ui.pasted import LegacyPaste

PREVIEW_CHARS = 160


def excerpt(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The start of ``text`` on one line, for a preview (the soft hyphen of TCVN3 made
    visible as "-")."""
    one = " ".join(text.replace("\u00ad", "-").split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


class LegacyPasteBar(QFrame):
    """ "The pasted text looks like TCVN3 (ABC). Before: … After: …  [Convert] [Keep as is]"."""

    converted = Signal(object)  # LegacyPaste

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legacyPasteBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.before = QLabel(self)
        self.before.setObjectName("legacyBefore")
        self.after = QLabel(self)
        self.after.setObjectName("legacyAfter")
        for label in (self.before, self.after):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.convert_button = QPushButton(self.tr("&Convert to Unicode"), self)
        self.convert_button.setObjectName("legacyConvert")
        self.keep_button = QPushButton(self.tr("&Keep as is"), self)
        self.keep_button.setObjectName("legacyKeep")
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Before:"), self), 0, 0)
        grid.addWidget(self.before, 0, 1)
        grid.addWidget(QLabel(self.tr("After:"), self), 1, 0)
        grid.addWidget(self.after, 1, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.convert_button)
        buttons.addWidget(self.keep_button)
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self.paste: LegacyPaste | None = None
        self.convert_button.clicked.connect(self.convert)
        self.keep_button.clicked.connect(self.dismiss)
        self.hide()

    def offer(self, paste: LegacyPaste) -> None:
        self.paste = paste
        name = NAMES.get(paste.match.encoding, paste.match.encoding)
        self.message.setText(
            self.tr(
                "The pasted text looks like the old {encoding} font encoding. "
                "Convert it to Unicode?"
            ).format(encoding=name)
        )
        self.before.setText(excerpt(paste.inserted))
        self.after.setText(excerpt(paste.match.converted))
        self.show()

    def convert(self) -> None:
        paste, self.paste = self.paste, None
        self.hide()
        if paste is None:
            return
        # the NFC edits (NfcLineEdit, NfcPlainTextEdit) are the widgets that offer a paste
        replace_pasted = getattr(paste.widget, "replace_pasted", None)
        if callable(replace_pasted) and replace_pasted(paste, paste.match.converted):
            self.converted.emit(paste)

    def dismiss(self) -> None:
        self.paste = None
        self.hide()


def attach_legacy_paste_bar(view: QWidget) -> LegacyPasteBar:
    """The bar on top of the article editor ``view``, offering conversion for pastes into
    its title, lead and body (and any other NFC edit it has). One call from app.py."""
    bar = LegacyPasteBar(view)
    layout = view.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, bar)
    for name in ("title", "lead", "body", "byline", "tags"):
        edit = getattr(view, name, None)
        signal = getattr(edit, "legacyPasted", None)
        if signal is not None:
            signal.connect(bar.offer)
    return bar


CONVERT, KEEP = "convert", "keep"


class LegacyImportDialog(QDialog):
    """ "<file> looks like TCVN3 (ABC)": the start of the text before and after conversion;
    Convert / Import as is / Cancel."""

    def __init__(
        self, path: Path, encoding: str, before: str, after: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("legacyImportDialog")
        self.setWindowTitle(self.tr("Old Vietnamese font encoding"))
        name = NAMES.get(encoding, encoding)
        message = QLabel(
            self.tr(
                "{file} looks like the old {encoding} font encoding. "
                "Convert it to Unicode while importing?"
            ).format(file=path.name, encoding=name),
            self,
        )
        message.setWordWrap(True)
        self.before = QPlainTextEdit(excerpt(before, 600), self)
        self.after = QPlainTextEdit(excerpt(after, 600), self)
        for edit in (self.before, self.after):
            edit.setReadOnly(True)
            edit.setMaximumHeight(90)
        buttons = QDialogButtonBox(self)
        self.convert_button = buttons.addButton(
            self.tr("&Convert to Unicode"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = buttons.addButton(
            self.tr("Import &as is"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.choice: str | None = None
        self.convert_button.clicked.connect(lambda: self._choose(CONVERT))
        self.keep_button.clicked.connect(lambda: self._choose(KEEP))
        buttons.rejected.connect(self.reject)
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.addWidget(message)
        layout.addWidget(QLabel(self.tr("Before:"), self))
        layout.addWidget(self.before)
        layout.addWidget(QLabel(self.tr("After:"), self))
        layout.addWidget(self.after)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(
        cls, path: Path, encoding: str, before: str, after: str, parent: QWidget | None = None
    ) -> str | None:
        """CONVERT, KEEP, or None (cancelled)."""
        dialog = cls(path, encoding, before, after, parent)
        dialog.exec()
        return dialog.choice


def _preview(doc: object) -> str:
    return "\n".join(
        getattr(doc, name, "") for name in ("title", "lead", "body") if getattr(doc, name, "")
    )


def import_with_legacy_check(path: Path, parent: QWidget | None = None) -> object | None:
    """The imported document of ``path``; when it looks like TCVN3/VNI the person chooses to
    convert it, import it as is, or cancel (None)."""
    from qk3editor.core.importers import default_legacy_detector, import_file

    doc = import_file(path, default_legacy_detector())
    encoding = doc.legacy_encoding
    if not encoding:
        return doc
    converted = import_file(path, convert_legacy=encoding)
    choice = LegacyImportDialog.ask(path, encoding, _preview(doc), _preview(converted), parent)
    if choice == CONVERT:
        return converted
    return doc if choice == KEEP else None
