"""The photo desk's operations, shared by the CLI and the GUI: import, caption, export.

Each takes a repository (``qk3editor.storage.photos_repository.PhotoRepository`` or anything with
the same methods), so this module stays free of the store and of Qt. The file is the truth
for metadata: a caption is written into the file first (atomically) and the store records
what the file then holds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from qk3editor.core.errors import QkError
from qk3editor.core.photos import Photo, PhotoMetadata
from qk3editor.core.tasks import Pools, scoped_pools
from qk3editor.photos.captions import BatchEdit, apply_batch
from qk3editor.photos.errors import HeicCaptionNotWritten
from qk3editor.photos.ingest import (
    IngestOptions,
    IngestReport,
    PlaceholderFn,
    ProgressFn,
    ingest,
)
from qk3editor.photos.metadata import IimCut, is_heif_file, read_metadata, write_metadata
from qk3editor.photos.renditions import (
    RenditionFile,
    RenditionSpec,
    location_choice,
    render,
)

WRITE_THREADS = 4
WRITE_POOL = "caption-writes"  # thread pool name in the task runner's pools


class PhotoRepo(Protocol):
    def add_ingested(self, items: Any) -> list[Photo]: ...
    def id_for_hash(self, content_hash: str) -> int | None: ...
    def get(self, photo_id: int) -> Photo: ...
    def get_many(self, ids: Sequence[int]) -> list[Photo]: ...
    def update_metadata(self, photo_id: int, metadata: PhotoMetadata) -> Photo: ...
    def attach(self, article_id: str, photo_ids: Sequence[int]) -> Any: ...
    def article_photos(self, article_id: str) -> Any: ...


@dataclass(frozen=True)
class ImportResult:
    report: IngestReport
    photos: tuple[Photo, ...]


@dataclass(frozen=True)
class CaptionLine:
    """One photo of a batch caption: written, or why not (the file is then unchanged)."""

    photo_id: int
    path: str
    ok: bool
    cuts: tuple[IimCut, ...] = ()
    code: str = ""
    message: str = ""  # English, for logs; the edge shows ``error`` translated
    error: dict[str, Any] | None = None


def import_photos(
    repo: PhotoRepo,
    paths: Sequence[Path],
    options: IngestOptions,
    *,
    article_id: str | None = None,
    cancel: threading.Event | None = None,
    progress: ProgressFn | None = None,
    on_placeholder: PlaceholderFn | None = None,
    pools: Pools | None = None,
) -> ImportResult:
    """Ingest ``paths`` into the store; with ``article_id`` attach the new photos to it."""
    report = ingest_files(
        repo,
        paths,
        options,
        cancel=cancel,
        progress=progress,
        on_placeholder=on_placeholder,
        pools=pools,
    )
    return store_ingested(repo, report, article_id)


def ingest_files(
    repo: PhotoRepo,
    paths: Sequence[Path],
    options: IngestOptions,
    *,
    cancel: threading.Event | None = None,
    progress: ProgressFn | None = None,
    on_placeholder: PlaceholderFn | None = None,
    pools: Pools | None = None,
) -> IngestReport:
    """The file half of an import (the GUI runs it on the ``io`` lane): only reads the store."""

    def known(content_hash: str) -> str | None:
        found = repo.id_for_hash(content_hash)
        return f"#{found}" if found is not None else None

    return ingest(
        paths,
        options,
        known_hashes=known,
        cancel=cancel,
        progress=progress,
        on_placeholder=on_placeholder,
        pools=pools,
    )


def store_ingested(
    repo: PhotoRepo, report: IngestReport, article_id: str | None = None
) -> ImportResult:
    """The store half of an import (the GUI runs it on the ``db`` lane)."""
    photos = repo.add_ingested(report.items)
    if article_id:
        ids = [p.id for p in photos]
        # duplicates of stored photos are attached too: the editor asked for them
        for item in report.items:
            if item.status == "duplicate" and item.duplicate_of.startswith("#"):
                ids.append(int(item.duplicate_of[1:]))
        repo.attach(article_id, ids)
    return ImportResult(report, tuple(photos))


@dataclass(frozen=True)
class CaptionWrite:
    """What happened to one file; ``stored`` is the metadata the file now holds."""

    line: CaptionLine
    stored: PhotoMetadata | None


def caption_photos(
    repo: PhotoRepo,
    photo_ids: Sequence[int],
    edit: BatchEdit,
    *,
    codes: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
    pools: Pools | None = None,
) -> list[CaptionLine]:
    """Apply a batch edit to each photo's file, then record it in the store."""
    writes = write_captions(
        repo.get_many(photo_ids), edit, codes=codes, cancel=cancel, progress=progress, pools=pools
    )
    return record_captions(repo, writes)


def write_captions(
    photos: Sequence[Photo],
    edit: BatchEdit,
    *,
    codes: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
    pools: Pools | None = None,
) -> list[CaptionWrite]:
    """The file half of a batch caption (no store access; the GUI runs it on ``io``).

    Files are written by a few threads of ``pools`` (their I/O and fsyncs overlap; exiv2
    itself runs one at a time). A photo that fails gets its line; the others go on.
    """
    touched = edit.touched()

    def write(seq: int, photo: Photo) -> CaptionWrite:
        path = Path(photo.path)
        if cancel is not None and cancel.is_set():
            return CaptionWrite(CaptionLine(photo.id, photo.path, False, (), "cancelled"), None)
        try:
            store_only = is_heif_file(path)
            # a HEIC file never holds our caption: the store's copy is the base
            base = photo.metadata if store_only else read_metadata(path).metadata
            new = apply_batch(
                base,
                edit,
                filename=path.name,
                seq=seq,
                date_taken=photo.date_taken,
                codes=codes,
            )
            if store_only:
                # refused, file untouched; the caption lives in the store (renditions use it)
                exc = HeicCaptionNotWritten(path=photo.path)
                line = CaptionLine(
                    photo.id, photo.path, False, (), exc.code, exc.message(), exc.record()
                )
                return CaptionWrite(line, new if touched else None)
            result = write_metadata(path, new, only=touched) if touched else None
            stored = read_metadata(path).metadata
            cuts = result.cuts if result else ()
            return CaptionWrite(CaptionLine(photo.id, photo.path, True, cuts), stored)
        except QkError as exc:
            line = CaptionLine(
                photo.id, photo.path, False, (), exc.code, exc.message(), exc.record()
            )
            return CaptionWrite(line, None)

    out: list[CaptionWrite] = []
    with scoped_pools(pools) as own:
        pool = own.threads(WRITE_POOL, WRITE_THREADS)
        futures = [pool.submit(write, seq, p) for seq, p in enumerate(photos, 1)]
        for done, fut in enumerate(futures, 1):
            out.append(fut.result())
            if progress:
                progress(done, len(photos))
    return out


def write_default_credit(
    photos: Sequence[Photo], credit: str, *, pools: Pools | None = None
) -> list[CaptionWrite]:
    """The user's credit (Preferences › Me) written into the photos that have none (the file
    half, as :func:`write_captions`); photos with a credit of their own are left alone."""
    lacking = [p for p in photos if not p.metadata.credit.strip()]
    if not credit.strip() or not lacking:
        return []
    return write_captions(lacking, BatchEdit(values={}, default_credit=credit), pools=pools)


def record_captions(repo: PhotoRepo, writes: Sequence[CaptionWrite]) -> list[CaptionLine]:
    """The store half: record what each written file now holds (the ``db`` lane)."""
    lines: list[CaptionLine] = []
    for w in writes:
        if w.stored is not None:
            repo.update_metadata(w.line.photo_id, w.stored)
        if w.line.code != "cancelled":
            lines.append(w.line)
    return lines


def export_web(
    repo: PhotoRepo,
    photo_ids: Sequence[int],
    out_dir: Path,
    specs: Sequence[RenditionSpec],
    *,
    article_id: str | None = None,
    location_policy: str = "strip",
) -> list[RenditionFile]:
    """The web renditions exactly as publishing sends them (``photo-<id>-<spec>.jpg``).

    With ``article_id`` each photo carries the article's caption where it has its own.
    ``location_policy`` (the settings'): a recorded choice to keep a photo's location counts
    only under ``per_photo``; otherwise every location is removed.
    Raises :class:`~qk3editor.photos.errors.LocationLeak` (publishing is blocked) if one
    still holds location data nobody chose to keep.
    """
    overrides: dict[int, str] = {}
    if article_id:
        for ap in repo.article_photos(article_id):
            if ap.caption_override is not None:
                overrides[ap.photo.id] = ap.caption_override
    out: list[RenditionFile] = []
    for photo in repo.get_many(photo_ids):
        md = photo.metadata
        if photo.id in overrides:
            md = replace(md, description=overrides[photo.id])
        choice = location_choice(photo, location_policy)
        out.extend(
            render(
                Path(photo.path),
                out_dir,
                specs,
                metadata=md,
                location=choice,
                stem=f"photo-{photo.id}",
            )
        )
    return out
