"""Wires the photo desk: queries, selection → preview and caption panel, ingest with progress
and cancel, batch captions written on the ``db`` lane (files first, then the store)."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QItemSelection, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from qk3editor.core.errors import QkError, record_message
from qk3editor.core.i18n import Translator
from qk3editor.core.photos import Photo, shown_date
from qk3editor.core.timezones import to_local
from qk3editor.photos.captions import BatchEdit, load_codes, load_template
from qk3editor.photos.desk import (
    CaptionLine,
    CaptionWrite,
    ImportResult,
    ingest_files,
    record_captions,
    store_ingested,
    write_captions,
    write_default_credit,
)
from qk3editor.photos.ingest import INGEST_POOL, IngestItem, IngestOptions, IngestReport
from qk3editor.photos.ingest import preload as preload_ingest
from qk3editor.photos.renditions import DEFAULT_SPECS, RenditionSpec
from qk3editor.storage.photos_repository import PhotoQuery, PhotoRepository
from qk3editor.ui.errors import describe_error
from qk3editor.ui.operations import ChangeBus, Operations
from qk3editor.ui.photos.export_location import ExportAndLocation
from qk3editor.ui.photos.incoming import placeholder_image
from qk3editor.ui.photos.model import PhotoTableModel, ThumbnailCache, load_thumbnail
from qk3editor.ui.photos.report import IngestReportDialog
from qk3editor.ui.photos.view import PhotoDeskView
from qk3editor.ui.tasks import TaskRunner

PREVIEW = QSize(1600, 1600)


def load_preview(path: str, bound: QSize = PREVIEW) -> QImage:
    """The photo scaled to fit ``bound`` (at most :data:`PREVIEW`), decoded small (JPEG DCT
    scaling) and scaled off the GUI thread."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # Exif orientation
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    bound = bound.boundedTo(PREVIEW)
    if image.isNull() or bound.isEmpty():
        return image
    return image.scaled(
        bound, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class _Bridge(QObject):
    """Signals emitted from the ingest thread, delivered queued on the GUI thread."""

    progressed = Signal(int, int, object)
    placeholder = Signal(str, object)  # path, QImage
    thumbnail_ready = Signal(object, object)  # IngestItem, QImage


class PhotoDeskController(ExportAndLocation, QObject):
    imported = Signal(object)  # ImportResult
    captioned = Signal(object)  # list[CaptionLine]
    exported = Signal(object)  # list[RenditionFile]
    location_changed = Signal(object)  # list[Photo]
    codes_file_chosen = Signal(str)  # the app remembers it in the settings
    error = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        repo: PhotoRepository,
        runner: TaskRunner,
        thumbnails_dir: Path,
        translator: Translator,
        parent: QObject | None = None,
        view_parent: QWidget | None = None,
        ops: Operations | None = None,
    ) -> None:
        """``ops``: the app's operations (app.build_gui); a desk built alone gets its own."""
        super().__init__(parent)
        self.repo = repo
        self.runner = runner
        self.ops = ops if ops is not None else Operations(runner, ChangeBus(self), translator, self)
        self.ops.bus.changed.connect(self._on_bus_changed)
        self.translator = translator
        self.thumbnails_dir = thumbnails_dir
        self.thumbs = ThumbnailCache(runner, self, (repo.write_original, thumbnails_dir))
        self.model = PhotoTableModel(repo, self.thumbs, self)
        self.view = PhotoDeskView(self.model, view_parent)
        self.cancel_event: threading.Event | None = None
        self.workers: int | None = None
        self.who = ""  # recorded on a keep-location choice (the settings' user name)
        self.default_credit = ""  # Preferences › Me: photos imported or captioned without one
        self.location_policy = "strip"  # Preferences › Photos; see set_location_policy
        self.specs: Sequence[RenditionSpec] = DEFAULT_SPECS
        self._warmed: set[str] = set()
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
        v.captions.template_requested.connect(self._on_template_requested)
        v.captions.codes_requested.connect(self._on_codes_requested)
        v.export_button.clicked.connect(self._on_export_clicked)
        v.location_button.clicked.connect(self._on_location_clicked)
        v.captions.error.connect(self.error)
        self.set_location_policy(self.location_policy)
        self.model.refresh()

    def _on_bus_changed(self, kind: str, ids: tuple[object, ...]) -> None:
        """Photos changed (here or elsewhere): new ones re-read the list, known ones a row."""
        if kind != "photo":
            return
        if ids:
            self.model.invalidate([i for i in ids if isinstance(i, int)])
            self._on_selection_changed(QItemSelection(), QItemSelection())
        else:
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

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.view.grid.selectionModel().selectedIndexes()})

    def selected_ids(self) -> list[int]:
        return [pid for r in self._selected_rows() if (pid := self.model.photo_id(r)) is not None]

    def shown_selection(self) -> list[Photo]:
        """The selected photos as the model holds them (no query)."""
        return [p for r in self._selected_rows() if (p := self.model.photo(r)) is not None]

    def selected_photos(self) -> list[Photo]:
        return self.repo.get_many(self.selected_ids())

    def _on_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        # the rows the model already holds (re-read after a caption write): no query per click
        rows = self._selected_rows()
        self.view.captions.show_photos(
            [p.metadata for r in rows if (p := self.model.photo(r)) is not None]
        )

    def _show_preview(self, row: int) -> None:
        photo = self.model.photo(row)
        if photo is None:
            self.view.show_preview(None, "")
            return
        taken = shown_date(photo.date_taken)  # dd/mm/yyyy HH:MM, as the table shows it
        info = f"{Path(photo.path).name} · {photo.width}×{photo.height} · {taken}"
        if photo.keep_location and photo.keep_location_at is not None:
            info += "\n" + self.tr("Location kept on the web by {0} on {1}").format(
                photo.keep_location_by, to_local(photo.keep_location_at).strftime("%d/%m/%Y %H:%M")
            )
        self.view.show_preview(self.thumbs.pixmap(photo), info)
        bound = self.view.preview.size()  # scaled to this on the io lane, not here
        self.runner.submit(
            "io",
            lambda: load_preview(photo.path, bound),
            on_done=lambda image: (  # none (an original kept in the store): the thumbnail
                None if image.isNull() else self.view.show_preview(QPixmap.fromImage(image), info)
            ),
            on_error=lambda _exc: None,
            key="photo-preview",
        )

    # -- ingest ----------------------------------------------------------------------------
    def _on_import_requested(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.view,
            self.tr("Import photos"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif);;All files (*)"),
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
        pools = self.runner.pools

        def progress(done: int, total: int, item: IngestItem) -> None:
            bridge.progressed.emit(done, total, item)
            # loaded and scaled to the tile here, on the ingest thread
            image = load_thumbnail(item.thumbnail) if item.thumbnail else None
            bridge.thumbnail_ready.emit(item, image)

        def placeholder(path: str, data: bytes) -> None:  # decoded here, not on the GUI thread
            bridge.placeholder.emit(path, placeholder_image(data))

        def files() -> IngestReport:  # io lane: the store is only read
            return ingest_files(
                self.repo,
                paths,
                options,
                cancel=cancel,
                progress=progress,
                on_placeholder=placeholder,
                pools=pools,
            )

        def store(report: IngestReport) -> None:  # db lane: the rows, in one unit of work
            changes = [("photo", ())]
            if article_id:
                changes.append(("article_photos", (article_id,)))
            self.ops.run(
                lambda: store_ingested(self.repo, report, article_id),
                changes=changes,
                on_done=self._on_imported,
                on_error=self._on_import_failed,
            )

        self.runner.submit("io", files, on_done=store, on_error=self._on_import_failed)

    def warm_pool(self) -> None:
        """Start the ingest workers now (the desk opened), so an import starts at once.

        The pool is the task runner's (it shuts it down at quit); one a crashed worker broke
        is rebuilt by the ingest itself (``BrokenProcessPool``), through the same runner."""
        if self.workers == 1 or INGEST_POOL in self._warmed:
            return
        self.runner.pools.warm(INGEST_POOL, self.workers or os.cpu_count() or 2)
        self._warmed.add(INGEST_POOL)
        # a card's usual batch runs on threads of this process: its libraries loaded now too
        self.runner.submit("io", preload_ingest)

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
        self.imported.emit(result)
        if any(i.status != "imported" for i in result.report.items):
            IngestReportDialog(result.report, self.view).open()
        self._credit_new_photos(list(result.photos))

    def _credit_new_photos(self, photos: list[Photo]) -> None:
        """New photos without a credit get the user's (files on ``io``, store on ``db``)."""
        credit, pools = self.default_credit, self.runner.pools
        if not credit.strip() or not any(not p.metadata.credit.strip() for p in photos):
            return

        def record(writes: list[CaptionWrite]) -> None:
            ids = [w.line.photo_id for w in writes]
            self.ops.run(
                lambda: record_captions(self.repo, writes),
                changes=[("photo", ids)],
                on_done=self.captioned.emit,
                on_error=self._on_error,
            )

        self.runner.submit(
            "io",
            lambda: write_default_credit(photos, credit, pools=pools),
            on_done=record,
            on_error=self._on_error,
        )

    def _on_import_failed(self, exc: BaseException) -> None:
        self.cancel_event = None
        self.view.set_ingesting(False)
        self.error.emit(self.ops.describe(exc))

    # -- captions --------------------------------------------------------------------------
    def apply_caption(self, edit: BatchEdit) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        codes = self.view.captions.codes
        if self.default_credit and not edit.default_credit:
            edit = replace(edit, default_credit=self.default_credit)  # the user's, at this moment
        repo, pools = self.repo, self.runner.pools

        def write(photos: list[Photo]) -> None:  # the rows read on db, the files on io
            self.runner.submit(
                "io",
                lambda: write_captions(photos, edit, codes=codes, pools=pools),
                on_done=record,
                on_error=self._on_error,
            )

        def record(writes: list[CaptionWrite]) -> None:
            self.ops.run(
                lambda: record_captions(self.repo, writes),
                changes=[("photo", ids)],
                on_done=done,
                on_error=self._on_error,
            )

        def done(lines: list[CaptionLine]) -> None:
            failed = [line for line in lines if not line.ok]
            if failed:
                self.error.emit("\n".join(self.line_text(line) for line in failed))
            cuts = [c.message() for line in lines for c in line.cuts]
            if cuts:
                self.error.emit("\n".join(cuts))
            self.captioned.emit(lines)

        self.ops.query(lambda: repo.get_many(ids), write, on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self.error.emit(self.ops.describe(exc))

    def line_text(self, line: CaptionLine) -> str:
        """Why a photo's caption was not written, in the person's language (the line keeps
        code + parameters; its ``message`` is English, for logs)."""
        return record_message(line.error, self.translator) if line.error else line.message

    # -- templates and codes ---------------------------------------------------------------
    def _on_template_requested(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.view, self.tr("Caption template"), "", self.tr("Templates (*.yaml *.yml)")
        )
        if path:
            self.load_template(Path(path))

    def load_template(self, path: Path) -> None:
        try:
            self.view.captions.apply_template(load_template(path))
        except QkError as exc:
            self.error.emit(describe_error(exc, self.translator))

    def _on_codes_requested(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.view, self.tr("Codes file"), "", self.tr("Codes (*.tsv *.txt)")
        )
        if path:
            self.load_codes(Path(path))

    def load_codes(self, path: Path, remember: bool = True) -> None:
        try:
            self.view.captions.codes = load_codes(path)
        except QkError as exc:
            self.error.emit(describe_error(exc, self.translator))
            return
        if remember:
            self.codes_file_chosen.emit(str(path))
