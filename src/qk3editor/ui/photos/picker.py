"""PhotoPicker: choose photos for an article; returns ids and the markdown to insert.

The editor (being rewritten) only needs::

    ids = PhotoPicker.pick(parent, repo, thumbs)
    text = PhotoPicker.snippets(repo, ids)       # "![caption](qk3photo:ID \\"credit\\")\\n\\n"
    cursor.insertText(text)

The snippet syntax is documented in :mod:`qk3editor.core.photos`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.photos import photo_snippet
from qk3editor.storage.photos_repository import PhotoQuery, PhotoRepository
from qk3editor.ui.photos.model import PhotoTableModel, ThumbnailCache
from qk3editor.ui.photos.view import TileDelegate, batched_layout


class PhotoPicker(QDialog):
    def __init__(
        self, repo: PhotoRepository, thumbs: ThumbnailCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoPicker")
        self.setWindowTitle(self.tr("Insert photo"))
        self.model = PhotoTableModel(repo, thumbs, self)
        self.model.set_query(PhotoQuery(newest_first=True))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: caption, keyword, city, file name"))
        self.filter.textChanged.connect(
            lambda t: self.model.set_query(PhotoQuery(text=t, newest_first=True))
        )
        self.grid = QListView(self)
        self.grid.setObjectName("pickerGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(128, 128))
        self.grid.setGridSize(QSize(150, 170))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        batched_layout(self.grid)
        self.grid.setItemDelegate(TileDelegate(QSize(144, 162), self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setModel(self.model)
        self.grid.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.grid, 1)
        layout.addWidget(buttons)
        self.resize(800, 560)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.grid.selectionModel().selectedIndexes()})
        return [pid for r in rows if (pid := self.model.photo_id(r)) is not None]

    @classmethod
    def pick(
        cls, parent: QWidget | None, repo: PhotoRepository, thumbs: ThumbnailCache
    ) -> list[int]:
        dialog = cls(repo, thumbs, parent)
        return dialog.selected_ids() if dialog.exec() == QDialog.DialogCode.Accepted else []

    @staticmethod
    def snippets(repo: PhotoRepository, ids: Sequence[int]) -> str:
        """Markdown for the photos, each its own paragraph, with the file's caption/credit."""
        return "".join(
            photo_snippet(p.id, p.metadata.description, p.metadata.credit) + "\n\n"
            for p in repo.get_many(ids)
        )
