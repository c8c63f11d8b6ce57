"""Photos arriving during an ingest: shown at once from their Exif thumbnail, then replaced
by the real thumbnail as each file is done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap

from qk3editor.photos.ingest import IngestItem
from qk3editor.ui.photos.model import THUMB

Index = QModelIndex | QPersistentModelIndex


def placeholder_image(data: bytes) -> QImage:
    """An Exif thumbnail or quick preview (JPEG bytes) decoded and scaled to the tile size;
    a QImage, so this may run off the GUI thread."""
    image = QImage.fromData(data)
    return image if image.isNull() else image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)


class IncomingModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths: list[str] = []
        self._row: dict[str, int] = {}
        self._pixmaps: dict[str, QPixmap] = {}
        self._status: dict[str, IngestItem] = {}

    def clear(self) -> None:
        self.beginResetModel()
        self._paths.clear()
        self._row.clear()
        self._pixmaps.clear()
        self._status.clear()
        self.endResetModel()

    def _ensure(self, path: str) -> int:
        row = self._row.get(path)
        if row is None:
            row = len(self._paths)
            self.beginInsertRows(QModelIndex(), row, row)
            self._paths.append(path)
            self._row[path] = row
            self.endInsertRows()
        return row

    def add_placeholder(self, path: str, image: QImage | bytes) -> None:
        """Show ``image`` (decoded by :func:`placeholder_image` off the GUI thread; JPEG bytes
        are decoded here) until the real thumbnail arrives."""
        row = self._ensure(path)
        if isinstance(image, bytes):
            image = placeholder_image(image)
        if not image.isNull() and path not in self._status:
            self._pixmaps[path] = QPixmap.fromImage(image)
            self.dataChanged.emit(self.index(row), self.index(row))

    def finish(self, item: IngestItem, image: QImage | None) -> None:
        row = self._ensure(item.path)
        self._status[item.path] = item
        if image is not None and not image.isNull():
            self._pixmaps[item.path] = QPixmap.fromImage(image)
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return Path(path).name
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(path)
            return QIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            item = self._status.get(path)
            return item.message if item and item.message else path
        return None
