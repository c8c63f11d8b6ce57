"""An article's photos: order, the featured photo, the article's own caption for each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.photos import ArticlePhoto
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.ui.operations import Operations
from qk3editor.ui.photos.model import ThumbnailCache

Index = QModelIndex | QPersistentModelIndex


class ArticlePhotosModel(QAbstractListModel):
    def __init__(self, thumbs: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.items: list[ArticlePhoto] = []
        thumbs.loaded.connect(self._on_thumb_loaded)

    def set_items(self, items: list[ArticlePhoto]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def _on_thumb_loaded(self, photo_id: int) -> None:
        """A thumbnail finished loading off the GUI thread: repaint its row."""
        for row, ap in enumerate(self.items):
            if ap.photo.id == photo_id:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ap = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            star = "★ " if ap.featured else ""
            return f"{star}{ap.caption or self.tr('(no caption)')}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbs.icon(ap.photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ap.credit
        return None


class ArticlePhotosDialog(QDialog):
    """Reorder (Up/Down), choose the featured photo, edit the article's caption.

    Every change is an operation (``ops``, the ``db`` lane); the list is read again when the
    change bus says this article's photos (or a photo's file caption) changed.
    """

    def __init__(
        self,
        repo: PhotoRepository,
        thumbs: ThumbnailCache,
        article_id: str,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articlePhotos")
        self.setWindowTitle(self.tr("Photos of this article"))
        self.repo = repo
        self.ops = ops
        self.article_id = article_id
        self.model = ArticlePhotosModel(thumbs, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(96, 96))
        self.up = QPushButton(self.tr("Up"), self)
        self.down = QPushButton(self.tr("Down"), self)
        self.featured = QPushButton(self.tr("Featured photo"), self)
        self.remove = QPushButton(self.tr("Remove from article"), self)
        self.caption = QPlainTextEdit(self)
        self.caption.setObjectName("articleCaption")
        self.caption.setMaximumHeight(90)
        self.save_caption = QPushButton(self.tr("Use this caption in the article"), self)
        self.reset_caption = QPushButton(self.tr("Back to the file's caption"), self)
        buttons = QHBoxLayout()
        for b in (self.up, self.down, self.featured, self.remove):
            buttons.addWidget(b)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.save_caption)
        caption_row.addWidget(self.reset_caption)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Caption in this article"), self))
        layout.addWidget(self.caption)
        layout.addLayout(caption_row)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.featured.clicked.connect(self._on_featured_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.save_caption.clicked.connect(
            lambda: self._set_caption(normalize(self.caption.toPlainText()))
        )
        self.reset_caption.clicked.connect(lambda: self._set_caption(None))
        self.list.selectionModel().currentChanged.connect(lambda cur, _p: self._show(cur.row()))
        ops.bus.changed.connect(self._on_bus_changed)
        self.reload()
        self.resize(640, 520)

    def reload(self, select: int | None = None) -> None:
        """Read the article's photos again; keep the current row unless ``select`` says."""
        if select is None:
            select = self.list.currentIndex().row()
        self.model.set_items(self.repo.article_photos(self.article_id))
        self._select(select)

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row))

    def _on_bus_changed(self, kind: str, ids: tuple[object, ...]) -> None:
        if (kind == "article_photos" and self.article_id in ids) or kind == "photo":
            self.reload()

    def _change(self, op: Callable[[], object], select: int) -> None:
        self.ops.run(
            op,
            changes=[("article_photos", [self.article_id])],
            on_done=lambda _r: self._select(select),
        )

    def _current(self) -> tuple[int, ArticlePhoto | None]:
        row = self.list.currentIndex().row()
        return row, (self.model.items[row] if 0 <= row < len(self.model.items) else None)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.model.items):
            self.caption.setPlainText(self.model.items[row].caption)

    def _move(self, step: int) -> None:
        row, ap = self._current()
        target = row + step
        if ap is None or not 0 <= target < len(self.model.items):
            return
        ids = [a.photo.id for a in self.model.items]
        ids[row], ids[target] = ids[target], ids[row]
        repo, article_id = self.repo, self.article_id
        self._change(lambda: repo.reorder(article_id, ids), target)

    def _on_featured_clicked(self) -> None:
        row, ap = self._current()
        if ap is not None:
            repo, article_id, photo_id = self.repo, self.article_id, ap.photo.id
            self._change(lambda: repo.set_featured(article_id, photo_id), row)

    def _on_remove_clicked(self) -> None:
        row, ap = self._current()
        if ap is not None:
            repo, article_id, photo_id = self.repo, self.article_id, ap.photo.id
            self._change(
                lambda: repo.detach(article_id, photo_id), min(row, self.model.rowCount() - 2)
            )

    def _set_caption(self, caption: str | None) -> None:
        row, ap = self._current()
        if ap is not None:
            repo, article_id, photo_id = self.repo, self.article_id, ap.photo.id
            self._change(lambda: repo.set_caption(article_id, photo_id, caption), row)
