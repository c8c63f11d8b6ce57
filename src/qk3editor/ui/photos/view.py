"""The photo desk: grid and table over one model, filter, sort by date taken, a large preview,
the batch caption panel and the ingest progress with its incoming strip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QPixmap, QShortcut
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

from qk3editor.ui.photos.caption_panel import CaptionPanel
from qk3editor.ui.photos.incoming import IncomingModel
from qk3editor.ui.photos.model import PhotoTableModel


class TileDelegate(QStyledItemDelegate):
    """A fixed tile size: thumbnails arrive after the layout, and a size taken from a tile
    without its picture would squash every tile to one line of text."""

    def __init__(self, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return self._size


class PhotoDeskView(QWidget):
    import_requested = Signal()
    cancel_requested = Signal()
    paths_dropped = Signal(list)  # list[Path]: files or folders dropped on the desk

    def __init__(self, model: PhotoTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoDesk")
        self.setWindowTitle(self.tr("Photo desk"))
        self.resize(1280, 820)  # a grid of several columns beside the caption panel
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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 130, 160, 260, 120)):
            self.table.setColumnWidth(column, width)
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

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.stack, 1)
        ll.addWidget(self.ingest_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.import_button.clicked.connect(self.import_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self.setAcceptDrops(True)
        QShortcut(QKeySequence("Ctrl+F"), self, self.filter.setFocus)
        QShortcut(QKeySequence("Ctrl+T"), self, self.toggle.toggle)

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
