"""Wires the photo desk: queries, selection → preview and caption panel, ingest with progress
and cancel, batch captions written on the ``db`` lane (files first, then the store)."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import threading
from pathlib import Path

from PySide6.QtCore import QItemSelection, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from qk3editor.core.i18n import Translator
from qk3editor.core.photos import Photo
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import (
    CaptionLine,
    CaptionWrite,
    ImportResult,
    ingest_files,
    record_captions,
    store_ingested,
    write_captions,
)
from qk3editor.photos.ingest import IngestItem, IngestOptions, IngestReport
from qk3editor.storage.photos_repo import PhotoQuery, PhotoRepository
from qk3editor.ui.photos.model import PhotoTableModel, ThumbnailCache
from qk3editor.ui.photos.report import IngestReportDialog
from qk3editor.ui.photos.view import PhotoDeskView
from qk3editor.ui.tasks import TaskRunner

PREVIEW = QSize(1600, 1600)


def load_preview(path: str) -> QImage:
    """The photo scaled for the preview, decoded small (JPEG DCT scaling) off the GUI thread."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # Exif orientation
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class _Bridge(QObject):
    """Signals emitted from the ingest thread, delivered queued on the GUI thread."""

    progressed = Signal(int, int, object)
    placeholder = Signal(str, bytes)
    thumbnail_ready = Signal(object, object)  # IngestItem, QImage


class PhotoDeskController(QObject):
    imported = Signal(object)  # ImportResult
    captioned = Signal(object)  # list[CaptionLine]
    error = Signal(str)

    def __init__(
        self,
        repo: PhotoRepository,
        runner: TaskRunner,
        thumbnails_dir: Path,
        translator: Translator,
        parent: QObject | None = None,
        view_parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.runner = runner
        self.translator = translator
        self.thumbnails_dir = thumbnails_dir
        self.thumbs = ThumbnailCache(runner, self)
        self.model = PhotoTableModel(repo, self.thumbs, self)
        self.view = PhotoDeskView(self.model, view_parent)
        self.cancel_event: threading.Event | None = None
        self.workers: int | None = None
        self._pool: cf.ProcessPoolExecutor | None = None
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._on_ingest_progressed)
        self._bridge.placeholder.connect(self.view.incoming_model.add_placeholder)
        self._bridge.thumbnail_ready.connect(self.view.incoming_model.finish)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_query)
        v = self.view
        v.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        v.status.currentIndexChanged.connect(lambda _i: self.apply_query())
        v.order.currentIndexChanged.connect(lambda _i: self.apply_query())
        v.grid.selectionModel().selectionChanged.connect(self._on_selection_changed)
        v.grid.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._show_preview(cur.row())
        )
        v.import_requested.connect(self._on_import_requested)
        v.paths_dropped.connect(self.import_paths)
        v.cancel_requested.connect(self.cancel_ingest)
        v.captions.apply_requested.connect(self.apply_caption)
        v.captions.error.connect(self.error)
        self.model.refresh()

    # -- browsing --------------------------------------------------------------------------
    def apply_query(self) -> None:
        v = self.view
        self.model.set_query(
            PhotoQuery(
                text=v.filter.text(),
                status=v.status.currentData(),
                newest_first=bool(v.order.currentData()),
            )
        )

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.grid.selectionModel().selectedIndexes()})
        return [pid for r in rows if (pid := self.model.photo_id(r)) is not None]

    def selected_photos(self) -> list[Photo]:
        return self.repo.get_many(self.selected_ids())

    def _on_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self.view.captions.show_photos([p.metadata for p in self.selected_photos()])

    def _show_preview(self, row: int) -> None:
        photo = self.model.photo(row)
        if photo is None:
            self.view.show_preview(None, "")
            return
        info = f"{Path(photo.path).name} · {photo.width}×{photo.height} · {photo.date_taken}"
        self.view.show_preview(self.thumbs.pixmap(photo), info)
        self.runner.submit(
            "io",
            lambda: load_preview(photo.path),
            on_done=lambda image: self.view.show_preview(QPixmap.fromImage(image), info),
            on_error=lambda _exc: None,
            key="photo-preview",
        )

    # -- ingest ----------------------------------------------------------------------------
    def _on_import_requested(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.view,
            self.tr("Import photos"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path], article_id: str | None = None) -> None:
        """Ingest off the GUI thread (a process pool inside); progress, cancel, report."""
        if self.cancel_event is not None:
            return  # one ingest at a time
        cancel = threading.Event()
        self.cancel_event = cancel
        self.view.incoming_model.clear()
        self.view.progress.setRange(0, 0)
        self.view.set_ingesting(True)
        options = IngestOptions(thumbnails_dir=self.thumbnails_dir, workers=self.workers)
        bridge = self._bridge
        self.warm_pool()
        pool = self._pool

        def progress(done: int, total: int, item: IngestItem) -> None:
            bridge.progressed.emit(done, total, item)
            image = QImage(item.thumbnail) if item.thumbnail else None
            bridge.thumbnail_ready.emit(item, image)

        def files() -> IngestReport:  # io lane: the store is only read
            return ingest_files(
                self.repo,
                paths,
                options,
                cancel=cancel,
                progress=progress,
                on_placeholder=bridge.placeholder.emit,
                executor=pool,
            )

        def store(report: IngestReport) -> None:  # db lane: the rows, in one unit of work
            self.runner.submit(
                "db",
                lambda: store_ingested(self.repo, report, article_id),
                on_done=self._on_imported,
                on_error=self._on_import_failed,
            )

        self.runner.submit("io", files, on_done=store, on_error=self._on_import_failed)

    def warm_pool(self) -> None:
        """Start the ingest workers now (the desk opened), so an import starts at once."""
        if self.workers == 1:
            return
        if self._pool is None or getattr(self._pool, "_broken", False):
            n = self.workers or os.cpu_count() or 2
            ctx = multiprocessing.get_context("spawn")
            self._pool = cf.ProcessPoolExecutor(max_workers=n, mp_context=ctx)
            for _ in range(n):
                self._pool.submit(os.getpid)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def cancel_ingest(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.view.cancel.setEnabled(False)

    def _on_ingest_progressed(self, done: int, total: int, _item: IngestItem) -> None:
        self.view.progress.setRange(0, total)
        self.view.progress.setValue(done)

    def _on_imported(self, result: ImportResult) -> None:
        self.cancel_event = None
        self.view.set_ingesting(False)
        self.model.refresh()
        self.imported.emit(result)
        if any(i.status != "imported" for i in result.report.items):
            IngestReportDialog(result.report, self.view).open()

    def _on_import_failed(self, exc: BaseException) -> None:
        self.cancel_event = None
        self.view.set_ingesting(False)
        self.error.emit(getattr(exc, "message", lambda _t=None: str(exc))(self.translator))

    # -- captions --------------------------------------------------------------------------
    def apply_caption(self, edit: BatchEdit) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        codes = self.view.captions.codes

        photos = self.repo.get_many(ids)

        def files() -> list[CaptionWrite]:  # io lane: only the files
            return write_captions(photos, edit, codes=codes)

        def record(writes: list[CaptionWrite]) -> None:
            self.runner.submit("db", lambda: record_captions(self.repo, writes), on_done=done)

        def done(lines: list[CaptionLine]) -> None:
            self.model.invalidate(ids)
            self._on_selection_changed(QItemSelection(), QItemSelection())
            failed = [line for line in lines if not line.ok]
            if failed:
                self.error.emit("\n".join(line.message for line in failed))
            cuts = [c.message() for line in lines for c in line.cuts]
            if cuts:
                self.error.emit("\n".join(cuts))
            self.captioned.emit(lines)

        self.runner.submit("io", files, on_done=record)
