"""The library's widgets: filter bar and table. No store access here (see controller.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qk3editor.ui.library.model import ID_ROLE


class LibraryView(QWidget):
    """Filter by status and category; a table of articles; emits the id to open."""

    article_activated = Signal(str)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("categoryFilter")
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)

        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(QLabel(self.tr("Status:"), self))
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_bar.addWidget(self.status_filter, 1)
        self.filter_bar.addWidget(QLabel(self.tr("Category:"), self))
        self.filter_bar.addWidget(self.category_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)

        self.status_filter.currentIndexChanged.connect(self.filters_changed)
        self.category_filter.currentIndexChanged.connect(self.filters_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.clicked.connect(self._on_table_activated)

    def configure_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 130), (2, 85), (3, 115), (4, 90), (5, 170)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setStretchLastSection(False)
        header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)

    def _on_table_activated(self, index: QModelIndex) -> None:
        article_id = index.data(ID_ROLE)
        if article_id:
            self.article_activated.emit(article_id)

    def select_article(self, row: int) -> None:
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.table.model().index(row, 0))
