"""The library's widgets: filter bar and table. No store access here (see controller.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMenu,
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
        header = self.table.horizontalHeader()
        header.setObjectName("libraryHeader")  # its columns are remembered by the window
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.setWordWrap(False)

        # one filter a row: a combo never clipped in a narrow library ("Tất cả (tı")
        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Status:"), self), 0, 0)
        filters.addWidget(QLabel(self.tr("Category:"), self), 1, 0)
        for row, combo in enumerate((self.status_filter, self.category_filter)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo, row, 1)
        filters.setColumnStretch(1, 1)
        self.filter_bar = QVBoxLayout()  # the search box goes on top (ui/search)
        self.filter_bar.addLayout(filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)

        self.status_filter.currentIndexChanged.connect(self.filters_changed)
        self.category_filter.currentIndexChanged.connect(self.filters_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.clicked.connect(self._on_table_activated)

    def configure_columns(self) -> None:
        """The title takes the free width; status and date as wide as their text; category,
        byline and published hidden at first (the header's menu shows them; the window
        remembers)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for col, sample in ((1, "Tin tức - Sự kiện"), (2, "Chờ duyệt"), (3, "00/00/0000 00:00"),
                            (4, "Nguyễn Văn Anh"), (5, "Cổng QK3 · 00/00 00:00")):  # fmt: skip
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 24)
        for col in (1, 4, 5)[: header.count()]:
            if col < header.count():
                header.setSectionHidden(col, True)
        header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)

    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        model = self.table.model()
        menu = QMenu(self)
        for col in range(1, model.columnCount()):
            action = menu.addAction(str(model.headerData(col, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))

    def _on_table_activated(self, index: QModelIndex) -> None:
        article_id = index.data(ID_ROLE)
        if article_id:
            self.article_activated.emit(article_id)

    def select_article(self, row: int) -> None:
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.table.model().index(row, 0))
