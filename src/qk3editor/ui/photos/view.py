"""The photo desk: grid and table over one model, filter, sort by date taken, a large preview,
the batch caption panel and the ingest progress with its incoming strip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qk3editor.ui.main_window import available_geometry, fit_window
from qk3editor.ui.photos.caption_panel import CaptionPanel
from qk3editor.ui.photos.incoming import IncomingModel
from qk3editor.ui.photos.model import BADGES, BADGES_ROLE, PhotoTableModel, badge_label

LAYOUT_BATCH = 500  # tiles laid out per event-loop turn (a few milliseconds)


class TileDelegate(QStyledItemDelegate):
    """A fixed tile size: thumbnails arrive after the layout, and a size taken from a tile
    without its picture would squash every tile to one line of text."""

    def __init__(self, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return self._size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        badges = index.data(BADGES_ROLE)
        if not badges:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, y = option.rect.x() + 6, option.rect.y() + 6  # type: ignore[attr-defined]
        for code in badges:
            colour = BADGES.get(code, ("#555555", ""))[0]
            painter.setPen(QColor("white"))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(x, y, 12, 12)
            x += 15
        painter.restore()


def batched_layout(grid: QListView) -> None:
    """Lay the tiles out a batch at a time between events (issue 14): an icon-mode list asks
    the model about every row when it lays them out (a second at 50k photos), so the first
    screen is painted after the first batch and the rest follows without blocking."""
    grid.setLayoutMode(QListView.LayoutMode.Batched)
    grid.setBatchSize(LAYOUT_BATCH)


def badge_legend() -> str:
    """The legend of the badges: a coloured dot and its name each (rich text)."""
    return "&nbsp;&nbsp; ".join(
        f'<span style="color:{colour}">●</span>&nbsp;{badge_label(code)}'
        for code, (colour, _name) in BADGES.items()
    )


class PhotoDeskView(QWidget):
    import_requested = Signal()
    cancel_requested = Signal()
    paths_dropped = Signal(list)  # list[Path]: files or folders dropped on the desk

    def __init__(self, model: PhotoTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoDesk")
        self.setWindowTitle(self.tr("Photo desk"))
        # a grid of several columns beside the caption panel, within the screen's free area
        fit_window(self, available_geometry(parent), QSize(1280, 820))
        self.model = model
        self.filter = QLineEdit(self)
        self.filter.setObjectName("photoFilter")
        self.filter.setPlaceholderText(self.tr("Filter: caption, keyword, city, file name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(220)
        self.status = QComboBox(self)
        self.status.setObjectName("photoStatus")
        self.status.addItem(self.tr("All photos"), None)
        self.status.addItem(self.tr("No caption"), "no_caption")
        self.status.addItem(self.tr("No credit"), "no_credit")
        self.status.addItem(self.tr("GPS present"), "gps")
        self.order = QComboBox(self)
        self.order.setObjectName("photoOrder")
        self.order.addItem(self.tr("Oldest first"), False)
        self.order.addItem(self.tr("Newest first"), True)
        self.toggle = QPushButton(self.tr("Table"), self)
        self.toggle.setObjectName("photoToggle")
        self.toggle.setCheckable(True)
        self.import_button = QPushButton(self.tr("Import photos..."), self)
        self.import_button.setObjectName("photoImport")
        self.export_button = QPushButton(self.tr("Export for web..."), self)
        self.export_button.setObjectName("photoExport")
        self.location_button = QPushButton(self.tr("Location..."), self)
        self.location_button.setObjectName("photoLocation")
        self.location_button.setToolTip(
            self.tr("Choose whether the web copies of the selected photos keep their location")
        )
        top = QHBoxLayout()
        for w in (
            self.filter,
            self.status,
            self.order,
            self.toggle,
            self.import_button,
            self.export_button,
            self.location_button,
        ):
            top.addWidget(w, 1 if w is self.filter else 0)

        self.grid = QListView(self)
        self.grid.setObjectName("photoGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(160, 160))
        self.grid.setGridSize(QSize(180, 200))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setUniformItemSizes(True)
        batched_layout(self.grid)
        self.grid.setItemDelegate(TileDelegate(QSize(172, 192), self.grid))
        self.grid.setModel(model)
        self.table = QTableView(self)
        self.table.setObjectName("photoTable")
        self.table.setModel(model)
        self.table.setSelectionModel(self.grid.selectionModel())  # one selection, two views
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().hide()
        self.table.setIconSize(QSize(40, 28))
        header = self.table.horizontalHeader()
        header.setObjectName("photoTableHeader")
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # file, date, headline, caption, credit, status: the caption takes the free width,
        # the others as wide as their usual text; the state right after the file name
        metrics = self.table.fontMetrics()
        columns = model.COLUMNS
        for name, sample, extra in (
            ("file", "DSC_0000.jpg", 56),  # the thumbnail icon beside the name
            ("date_taken", "00/00/0000 00:00", 16),
            ("headline", "Diễn tập phòng", 16),
            ("credit", "Đức Việt", 16),
            ("status", "chưa có chú thích", 16),
        ):
            width = metrics.horizontalAdvance(sample) + extra
            self.table.setColumnWidth(columns.index(name), width)
        header.setSectionResizeMode(columns.index("caption"), QHeaderView.ResizeMode.Stretch)
        header.moveSection(header.visualIndex(columns.index("status")), 1)
        for view in (self.grid, self.table):
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)

        self.preview = QLabel(self)
        self.preview.setObjectName("photoPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.preview_info = QLabel(self)
        self.preview_info.setWordWrap(True)
        self.preview_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.captions = CaptionPanel(self)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.preview, 1)
        rl.addWidget(self.preview_info)
        rl.addWidget(self.captions)

        self.incoming_model = IncomingModel(self)
        self.incoming = QListView(self)
        self.incoming.setObjectName("photoIncoming")
        self.incoming.setViewMode(QListView.ViewMode.IconMode)
        self.incoming.setFlow(QListView.Flow.LeftToRight)
        self.incoming.setWrapping(False)
        self.incoming.setIconSize(QSize(96, 96))
        self.incoming.setMaximumHeight(150)
        self.incoming.setUniformItemSizes(True)
        self.incoming.setItemDelegate(TileDelegate(QSize(110, 124), self.incoming))
        self.incoming.setModel(self.incoming_model)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("photoProgress")
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("photoCancel")
        self.ingest_box = QWidget(self)
        il = QVBoxLayout(self.ingest_box)
        il.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        il.addLayout(row)
        il.addWidget(self.incoming)
        self.ingest_box.hide()

        self.legend = QLabel(badge_legend(), self)
        self.legend.setObjectName("photoLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.stack, 1)
        ll.addWidget(self.legend)
        ll.addWidget(self.ingest_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("photoSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.import_button.clicked.connect(self.import_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self.setAcceptDrops(True)
        QShortcut(QKeySequence("Ctrl+F"), self, self.filter.setFocus)
        QShortcut(QKeySequence("Ctrl+T"), self, self.toggle.toggle)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # grid/table ~60 %, preview and captions the rest
            self._sized = True
            width = self.splitter.width() or self.width()
            self.splitter.setSizes([int(width * 0.6), width - int(width * 0.6)])
        super().showEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.paths_dropped.emit(paths)

    def current_view(self) -> QAbstractItemView:
        return self.table if self.stack.currentWidget() is self.table else self.grid

    def _on_toggle_toggled(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table if table else self.grid)
        self.toggle.setText(self.tr("Grid") if table else self.tr("Table"))
        self.current_view().setFocus()

    def show_preview(self, pixmap: QPixmap | None, info: str) -> None:
        if pixmap is None or pixmap.isNull():
            self.preview.clear()
        else:
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.preview_info.setText(info)

    def set_ingesting(self, on: bool) -> None:
        self.ingest_box.setVisible(on)
        self.import_button.setEnabled(not on)
        self.cancel.setEnabled(on)
