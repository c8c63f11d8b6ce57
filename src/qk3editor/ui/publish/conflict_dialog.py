"""Both versions side by side; the person decides."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class ConflictDialog(QDialog):
    """Accepted: overwrite the server's version. Rejected: keep it (the job is cancelled)."""

    def __init__(self, conflict: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edited on the server"))
        intro = QLabel(
            self.tr(
                "Someone edited this article on the server after your last publish. Nothing was "
                "overwritten. Compare the two versions and decide."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.local_view = self._side(self.tr("Your version"), conflict.get("local", {}))
        self.remote_view = self._side(self.tr("Version on the server"), conflict.get("remote", {}))
        sides = QHBoxLayout()
        sides.addWidget(self.local_view)
        sides.addWidget(self.remote_view)
        buttons = QDialogButtonBox(self)
        self.overwrite_button = buttons.addButton(
            self.tr("Publish mine over it"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = buttons.addButton(
            self.tr("Keep the server's version"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides)
        layout.addWidget(buttons)
        self.resize(1000, 600)

    def _side(self, title: str, version: dict[str, Any]) -> QGroupBox:
        box = QGroupBox(title, self)
        view = QTextBrowser(box)
        view.setHtml(
            f"<h2>{html.escape(str(version.get('title', '')))}</h2>"
            f"<p><small>{html.escape(str(version.get('modified', '')))}</small></p>"
            f"{version.get('content', '')}"
        )
        QVBoxLayout(box).addWidget(view)
        box.setProperty("text", view.toPlainText())
        return box
