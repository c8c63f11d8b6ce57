"""Preferences (Cài đặt): a list of areas on the left, the area's page on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qk3editor.ui.preferences.pages import PAGES, PreferencesPage


class PreferencesDialog(QDialog):
    def __init__(self, ctx: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.ctx = ctx
        self.areas = QListWidget(self)
        self.areas.setMaximumWidth(180)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, PreferencesPage] = {}
        for page_class in PAGES:
            page = page_class(ctx, self.stack, runner=runner)
            self.pages[page.key] = page
            self.stack.addWidget(page)
            self.areas.addItem(page.title())
        self.areas.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.areas.setCurrentRow(0)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.areas)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        self.resize(820, 520)

    def show_page(self, key: str) -> PreferencesPage:
        index = list(self.pages).index(key)
        self.areas.setCurrentRow(index)
        return self.pages[key]
