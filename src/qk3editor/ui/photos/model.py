"""The photo desk's model: a count and pages of rows from the store (issue 14: never every id
of a 50k-photo archive), thumbnails loaded off the GUI thread."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from qk3editor.core.photos import Photo, shown_date
from qk3editor.photos.blob_thumbnails import thumbnail_of_original
from qk3editor.storage.photo_blobs import BLOB_PATH_PREFIX
from qk3editor.storage.photos_repository import PhotoQuery, PhotoRepository
from qk3editor.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
CHUNK = 100
MAX_PAGES = 64  # pages of photos kept (6,400): bounded memory over a whole archive
MAX_PIXMAPS = 2000  # ~100 KB each at 160 px
THUMB = QSize(160, 160)


def load_thumbnail(path: str) -> QImage:
    """A cached thumbnail file scaled to the tile size (safe off the GUI thread)."""
    image = QImage(path)  # QImage (not QPixmap) may be made off the GUI thread
    if image.isNull():
        return image
    return image.scaled(
        THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


BADGES_ROLE = Qt.ItemDataRole.UserRole + 7
# each state badge: its colour on a tile and its name (the legend under the grid says which)
BADGES: dict[str, tuple[str, str]] = {
    "no_caption": ("#b00020", QT_TRANSLATE_NOOP("PhotoBadges", "no caption")),
    "no_credit": ("#e65100", QT_TRANSLATE_NOOP("PhotoBadges", "no credit")),
    "gps": ("#1565c0", QT_TRANSLATE_NOOP("PhotoBadges", "location present")),
    "location_kept": ("#2e7d32", QT_TRANSLATE_NOOP("PhotoBadges", "location kept by choice")),
    "file_pending": (
        "#f9a825",
        QT_TRANSLATE_NOOP("PhotoBadges", "not yet written to the file"),
    ),
    "store_only": ("#6a1b9a", QT_TRANSLATE_NOOP("PhotoBadges", "caption only in the store (HEIC)")),
}


def badge_label(code: str) -> str:
    found = BADGES.get(code)
    return QCoreApplication.translate("PhotoBadges", found[1]) if found else code


class ThumbnailCache(QObject):
    """Pixmaps by photo id, loaded off the GUI thread, least recently used dropped.

    ``originals``: (``write_original(path, out)``, the thumbnails folder) to make the
    thumbnail of a photo whose original the store keeps (``qk3blob:``, a photo sent to the
    newsroom) and that has none on this machine (:mod:`qk3editor.photos.blob_thumbnails`: made
    once into the thumbnail cache, then read like any other)."""

    loaded = Signal(int)  # photo id

    def __init__(
        self,
        runner: TaskRunner,
        parent: QObject | None = None,
        originals: tuple[Callable[[str, Path], None], Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._originals = originals
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()  # least recently used first
        self._asked: set[int] = set()

    def pixmap(self, photo: Photo) -> QPixmap | None:
        """The thumbnail if loaded; otherwise start loading it (``None`` until then)."""
        found = self._pixmaps.get(photo.id)
        if found is not None:
            self._pixmaps.move_to_end(photo.id)
            return found
        from_store = self._originals is not None and photo.path.startswith(BLOB_PATH_PREFIX)
        if photo.id not in self._asked and (photo.thumbnail or from_store):
            self._asked.add(photo.id)
            pid = photo.id
            self._runner.submit(
                "io",
                lambda: self._load(photo),
                on_done=lambda image: self._on_loaded(pid, image),
                on_error=lambda _exc: None,  # a missing cache file: the tile stays empty
            )
        return self._pixmaps.get(photo.id)  # a runner may have finished the job already

    def _load(self, photo: Photo) -> QImage:
        """On the io lane: the cached thumbnail file, else one made from the stored original."""
        if photo.thumbnail and Path(photo.thumbnail).is_file():
            return load_thumbnail(photo.thumbnail)
        if self._originals is None or not photo.path.startswith(BLOB_PATH_PREFIX):
            return QImage()
        write, folder = self._originals
        made = thumbnail_of_original(lambda out: write(photo.path, out), photo.content_hash, folder)
        return load_thumbnail(str(made))

    def icon(self, photo: Photo) -> QIcon | None:
        """:meth:`pixmap` as an icon: views scale icons to their icon size, keeping the
        aspect ratio (a bare pixmap is drawn at its own size and cropped)."""
        pixmap = self.pixmap(photo)
        return QIcon(pixmap) if pixmap is not None else None

    def forget(self, photo_id: int) -> None:
        self._pixmaps.pop(photo_id, None)
        self._asked.discard(photo_id)

    def _on_loaded(self, photo_id: int, image: QImage) -> None:
        if not image.isNull():
            self._pixmaps[photo_id] = QPixmap.fromImage(image)
            while len(self._pixmaps) > MAX_PIXMAPS:  # bounded memory over a whole archive
                old, _ = self._pixmaps.popitem(last=False)
                self._asked.discard(old)
            self.loaded.emit(photo_id)


class PhotoTableModel(QAbstractTableModel):
    """Photos of a :class:`PhotoQuery`: the database counts them; pages of ``CHUNK`` photos are
    read as a view shows them (on the GUI thread, as the library's; a few milliseconds), each
    page one statement, the count and the first page one unit of work."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("file", "date_taken", "headline", "caption", "credit", "status")

    def __init__(
        self, repo: PhotoRepository, thumbs: ThumbnailCache, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._repo = repo
        self._thumbs = thumbs
        self._query = PhotoQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[int]] = OrderedDict()  # least recently used first
        self._cache: dict[int, Photo] = {}
        thumbs.loaded.connect(self._on_thumb_loaded)
        self._titles: dict[str, Callable[[], str]] = {
            "file": lambda: self.tr("File"),
            "date_taken": lambda: self.tr("Taken"),
            "headline": lambda: self.tr("Headline"),
            "caption": lambda: self.tr("Caption"),
            "credit": lambda: self.tr("Credit"),
            "status": lambda: self.tr("Status"),
        }

    # -- ids -------------------------------------------------------------------------------
    @property
    def query(self) -> PhotoQuery:
        return self._query

    def set_query(self, query: PhotoQuery) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Count the list and read its first page, in one unit of work (the first screen:
        on PostgreSQL every session is a few round trips)."""
        self.beginResetModel()
        self._count, first = self._repo.first_screen(self._query, CHUNK)
        self._pages.clear()
        self._cache.clear()
        if first:
            self._keep(0, first)
        self.endResetModel()

    def invalidate(self, photo_ids: list[int]) -> None:
        """Re-read these photos (after a caption was written)."""
        for pid in photo_ids:
            self._cache.pop(pid, None)
            row = self.row_of(pid)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def photo_id(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // CHUNK)
        offset = row % CHUNK
        return page[offset] if offset < len(page) else None

    def row_of(self, photo_id: int) -> int:
        """The row of ``photo_id`` on a page read since the last refresh, else -1 (a view
        shows only those)."""
        for number, page in self._pages.items():
            if photo_id in page:
                return number * CHUNK + page.index(photo_id)
        return -1

    def photo(self, row: int) -> Photo | None:
        pid = self.photo_id(row)
        if pid is None:
            return None
        if pid not in self._cache:  # invalidated after a caption was written: read again
            self._load(self._page(row // CHUNK))
        return self._cache.get(pid)

    def ids(self) -> list[int]:
        """Every id of the list, in order: reads the whole list (tests, small lists only)."""
        return [i for row in range(self._count) if (i := self.photo_id(row)) is not None]

    def _page(self, number: int) -> list[int]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        return self._keep(number, self._repo.page(self._query, number * CHUNK, CHUNK))

    def _keep(self, number: int, photos: list[Photo]) -> list[int]:
        page = [p.id for p in photos]
        self._pages[number] = page
        for p in photos:
            self._cache[p.id] = p
        while len(self._pages) > MAX_PAGES:
            _old, dropped = self._pages.popitem(last=False)
            for i in dropped:
                self._cache.pop(i, None)
        return page

    def _load(self, ids: list[int]) -> None:
        missing = [i for i in ids if i not in self._cache]
        if missing:
            for p in self._repo.get_many(missing):
                self._cache[p.id] = p

    # -- Qt --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """One Python call a row (the grid lays out every row): not hasIndex's two."""
        if parent.isValid() or not (0 <= row < self._count and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self.photo(index.row())
        if photo is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == self.IdRole:
            return photo.id
        if role == BADGES_ROLE:
            return photo.badges
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(photo, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "file":
            return self._thumbs.icon(photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._status_text(photo) or Path(photo.path).name
        if role == Qt.ItemDataRole.ForegroundRole and column in ("status", "file"):
            # a tile's name turns red while the photo lacks a caption or credit or has GPS
            return QColor("#b00020") if photo.status_flags else None
        return None

    def _display(self, photo: Photo, column: str) -> str:
        md = photo.metadata
        if column == "file":
            return Path(photo.path).name
        if column == "date_taken":
            return shown_date(photo.date_taken)
        if column == "headline":
            return md.headline
        if column == "caption":
            return md.description.replace("\n", " ")
        if column == "credit":
            return md.credit
        return self._status_text(photo)

    def _status_text(self, photo: Photo) -> str:
        return ", ".join(badge_label(b) for b in photo.badges)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[self.COLUMNS[section]]()
        return None

    def _on_thumb_loaded(self, photo_id: int) -> None:
        row = self.row_of(photo_id)
        if row >= 0:
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
