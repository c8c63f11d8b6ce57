"""The library's widgets: filter bar and table. No store access here (see controller.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Signal
from PySide6.QtGui import QStandardItemModel
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

from qk3editor.ui.library.model import ID_ROLE, LibraryModel

# The first frame (issue 14, start-up) touches nothing of PySide6's ``Qt`` namespace: its first
# use builds ~90 Python enums (about 20 ms, a fifth of a bare window's start). Only code that
# runs after the first frame imports ``Qt`` (inside the function).
DEFAULT_SORT = (3, True)  # newest first: "Updated", descending


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
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setObjectName("libraryHeader")  # its columns are remembered by the window
        header.setStretchLastSection(True)
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

    def set_model(self, model: LibraryModel) -> None:
        """``model`` in the table; the header's titles from a Qt model of their own, so that
        painting the header calls no Python ``headerData`` (whose ``Qt.Orientation`` argument
        would build the ``Qt`` namespace before the first frame)."""
        header = self.table.horizontalHeader()
        hidden = header.isHidden()
        header.hide()  # no size hint (which reads the titles) while it shows the model's
        self.table.setModel(model)
        titles = QStandardItemModel(0, model.columnCount(), self.table)
        titles.setHorizontalHeaderLabels(model.header_labels())
        header.setModel(titles)
        header.setHidden(hidden)

    def sort_as_remembered(self, saved: tuple[int, bool] | None) -> None:
        """Before the first frame: the model's order from ``saved`` (column, descending), the
        header's indicator having come back with the header's state; without one (the first
        start) the default order, newest first."""
        model = self.table.model()
        if isinstance(model, LibraryModel):
            model.set_order(*(saved or DEFAULT_SORT))
        self.table.horizontalHeader().setSortIndicatorShown(True)
        if saved is None:
            self._show_sort_indicator(*DEFAULT_SORT)

    def enable_sorting(self) -> None:
        """After the first frame: a click on a column title sorts, the header's menu shows and
        hides columns."""
        from PySide6.QtCore import Qt

        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.setSortingEnabled(True)  # sorts the model as the indicator says (no change)

    def _show_sort_indicator(self, column: int, descending: bool) -> None:
        from PySide6.QtCore import Qt

        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)

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

    def _column_menu(self, pos: QPoint) -> None:
        from PySide6.QtCore import Qt

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
