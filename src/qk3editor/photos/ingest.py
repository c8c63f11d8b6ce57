"""Ingest: files and folders → content hash, metadata, thumbnail in the cache, a report line.

The heavy part of each file (read, hash, decode at reduced size, thumbnail, metadata) is a
plain function, :func:`process_file` (:mod:`qk3editor.photos.ingest_file`; the placeholders
and quick previews are :mod:`qk3editor.photos.previews`), run in a process pool so that
both cores work; a batch of a few files runs inline. A card's usual batch (up to
:data:`THREADS_UP_TO` JPEGs) runs on threads of this process instead, whether or not the
desk's pool is running: starting spawned workers (a Python each, importing Pillow and exiv2)
costs as much as decoding a dozen 24-MP photos, Pillow decodes, shrinks and hashes without
the GIL (exiv2 runs under its lock), and on threads the first screen needs no quick previews
(each one a second decode of the photo): 24 x 24 MP took 110 ms of CPU a photo on threads,
167 ms through a warm pool (issue 14). Before the pool starts, :func:`ingest` reads only the first
kilobytes of each file to hand the embedded Exif thumbnail to ``on_placeholder``, so the desk
can show every photo at once and replace it by the real thumbnail when it arrives; the first
screen's photos without one get a 1/8-scale preview (:func:`quick_preview`) on threads, so
the first screen is shown within a second even from a cold start (no pool running yet).
HEIC/HEIF photos are read through pillow-heif (:mod:`qk3editor.photos.heif`).

Nothing here modifies a source file. A bad file (unreadable, not an image, damaged, too many
pixels) becomes one ``error`` line in the report and the batch goes on.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.tasks import Pools, scoped_pools
from qk3editor.core.vietnamese.normalize import to_nfc
from qk3editor.photos.errors import PhotoCorrupt, PhotoError
from qk3editor.photos.ingest_file import (
    DEFAULT_MAX_PIXELS,
    DEFAULT_THUMB_SIZE,
    FORMATS,
    IMAGE_EXTENSIONS,
    IngestItem,
    IngestOptions,
    content_hash,
    error_item,
    process_file,
    thumbnail_path,
)
from qk3editor.photos.previews import (
    PREVIEW_POOL,
    PlaceholderFn,
    placeholder,
    previews,
    quick_preview,
)

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_THUMB_SIZE",
    "FORMATS",
    "IMAGE_EXTENSIONS",
    "PREVIEW_POOL",
    "IngestItem",
    "IngestOptions",
    "IngestReport",
    "PlaceholderFn",
    "collect_files",
    "content_hash",
    "error_item",
    "ingest",
    "placeholder",
    "process_file",
    "quick_preview",
    "thumbnail_path",
]

INLINE_BELOW = 4
THREADS_UP_TO = 40  # JPEGs; a bigger batch (or one with other formats) pays the pool's start
JPEG_EXTENSIONS = frozenset({".jpg", ".jpeg", ".jpe"})
FIRST_SCREEN = 24
INGEST_POOL = "ingest"  # process pool names in the task runner's pools
SOLO_POOL = "ingest-solo"
THREADS_POOL = "ingest-threads"

ProgressFn = Callable[[int, int, "IngestItem"], None]


@dataclass(frozen=True)
class IngestReport:
    items: tuple[IngestItem, ...]
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def imported(self) -> list[IngestItem]:
        return [i for i in self.items if i.status == "imported"]


def preload() -> None:
    """Import what a batch on threads needs (Pillow's JPEG decoder, exiv2), so that the first
    import's first screen does not wait for it: the desk calls it when it opens, off the GUI
    thread, beside warming the process pool (issue 14)."""
    import pyexiv2  # noqa: F401  # pyright: ignore[reportUnusedImport]
    from PIL import Image, ImageOps  # noqa: F401  # pyright: ignore[reportUnusedImport]

    Image.preinit()  # the JPEG plugin among others


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: folders are walked (images by extension, sorted); files kept as given.

    A file named explicitly is always tried, whatever its name; its content decides.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.suffix.lower() in IMAGE_EXTENSIONS
                and not f.name.startswith(".")
                and f.is_file()
            )
        else:
            found = [p]
        for f in found:
            key = f.absolute()
            if key not in seen:
                seen.add(key)
                out.append(key)
    return out


def ingest(
    paths: Sequence[Path],
    options: IngestOptions,
    *,
    known_hashes: Callable[[str], str | None] | None = None,
    cancel: threading.Event | None = None,
    progress: ProgressFn | None = None,
    on_placeholder: PlaceholderFn | None = None,
    pools: Pools | None = None,
) -> IngestReport:
    """Ingest ``paths`` (files and folders). Returns one report line per file.

    ``pools``: the task runner's pools (the GUI warms :data:`INGEST_POOL` when the desk
    opens, so the first screen does not wait for workers to start); without them, pools are
    made for this batch and shut down at its end.

    ``known_hashes(hash)`` names an already stored photo with that content (a duplicate);
    ``cancel`` stops the batch between files (what is done stays done); ``progress`` is called
    after each file with ``(done, total, item)``.
    """
    with scoped_pools(pools) as own:
        return _ingest(paths, options, known_hashes, cancel, progress, on_placeholder, own)


def _ingest(
    paths: Sequence[Path],
    options: IngestOptions,
    known_hashes: Callable[[str], str | None] | None,
    cancel: threading.Event | None,
    progress: ProgressFn | None,
    on_placeholder: PlaceholderFn | None,
    pools: Pools,
) -> IngestReport:
    files = collect_files(paths)
    cancel = cancel or threading.Event()
    without_thumb: list[Path] = []
    if on_placeholder is not None:
        for f in files:
            if cancel.is_set():
                break
            thumb = placeholder(f)
            if thumb:
                on_placeholder(str(f), thumb)
            else:
                without_thumb.append(f)
    # the first screen's photos without an Exif thumbnail: a 1/8-scale preview at once, on
    # threads of this process, before the pool starts (a cold pool takes ~1 s to start, and
    # a preview costs less than the full work: the cores are better spent on it first)
    screen = set(files[:FIRST_SCREEN])
    quick = [f for f in without_thumb if f in screen]
    workers = options.workers or os.cpu_count() or 1
    on_threads = _on_threads(files, workers, pools)
    if (
        quick
        and on_placeholder is not None
        and workers > 1
        and len(files) >= INLINE_BELOW
        and not on_threads  # no pool to wait for: the real thumbnails come as soon
    ):
        previews(quick, options.thumb_size, on_placeholder, cancel, workers, pools)
    # ...then they go to the pool first, for their real thumbnails
    first = set(quick)
    order = [f for f in files if f in first] + [f for f in files if f not in first]
    results: dict[Path, IngestItem] = {}
    seen: dict[str, str] = {}
    done = 0

    def finish(f: Path, item: IngestItem) -> None:
        nonlocal done
        if item.ok:
            previous = seen.get(item.content_hash) or (
                known_hashes(item.content_hash) if known_hashes else None
            )
            if previous:
                item = IngestItem(
                    path=item.path,
                    status="duplicate",
                    content_hash=item.content_hash,
                    code="photo_duplicate",
                    duplicate_of=previous,
                    message=previous,
                )
            else:
                seen[item.content_hash] = item.path
        results[f] = item
        done += 1
        if progress:
            progress(done, len(files), item)

    if workers <= 1 or len(order) < INLINE_BELOW:
        for f in order:
            if cancel.is_set():
                break
            finish(f, process_file(str(f), options))
    elif on_threads:
        _run_threads(order, options, workers, cancel, finish, pools)
    else:
        _run_pool(order, options, workers, cancel, finish, pools)
    items = tuple(
        results.get(f) or IngestItem(path=to_nfc(str(f)), status="cancelled", code="cancelled")
        for f in files
    )
    return IngestReport(items, cancelled=cancel.is_set())


def _on_threads(files: list[Path], workers: int, pools: Pools) -> bool:
    """A small batch of JPEGs: threads of this process, even when the desk's pool runs (no
    quick previews to make first, no pickling; see the module's docstring)."""
    del pools  # the same answer with a warm pool or none
    return (
        workers > 1
        and INLINE_BELOW <= len(files) <= THREADS_UP_TO
        and all(f.suffix.lower() in JPEG_EXTENSIONS for f in files)
    )


def _run_threads(
    order: list[Path],
    options: IngestOptions,
    workers: int,
    cancel: threading.Event,
    finish: Callable[[Path, IngestItem], None],
    pools: Pools,
) -> None:
    """:func:`process_file` over ``order`` on ``workers`` threads of :data:`THREADS_POOL`,
    at most ``2 * workers`` files in flight; ``finish`` is called on this thread."""
    tp = pools.threads(THREADS_POOL, workers)
    pending = list(reversed(order))
    inflight: dict[cf.Future[IngestItem], Path] = {}
    while pending or inflight:
        while pending and len(inflight) < 2 * workers and not cancel.is_set():
            f = pending.pop()
            inflight[tp.submit(process_file, str(f), options)] = f
        if not inflight:
            break
        ready, _ = cf.wait(inflight, return_when=cf.FIRST_COMPLETED)
        for fut in ready:
            finish(inflight.pop(fut), fut.result())


def _run_pool(
    order: list[Path],
    options: IngestOptions,
    workers: int,
    cancel: threading.Event,
    finish: Callable[[Path, IngestItem], None],
    pools: Pools,
) -> None:
    """Run :func:`process_file` over ``order`` with at most ``2 * workers`` files in flight,
    on the process pool :data:`INGEST_POOL` of ``pools``.

    A worker that dies (a crash in a native library on hostile input) breaks the pool: the
    pool is rebuilt through ``pools`` and the files in flight are retried once each alone (pool
    :data:`SOLO_POOL`, one worker); a second crash is that file's error. A pool found broken
    before anything was sent to it (an earlier crash) is rebuilt and the batch goes on.
    """
    pending = list(reversed(order))
    retried: set[Path] = set()
    pool = pools.processes(INGEST_POOL, workers)
    rebuilt_idle = 0
    while pending and not cancel.is_set():
        crashed: list[Path] = []
        broken = False
        inflight: dict[cf.Future[IngestItem], Path] = {}
        while (pending or inflight) and not crashed and not broken:
            while pending and len(inflight) < 2 * workers and not cancel.is_set():
                f = pending.pop()
                try:
                    inflight[pool.submit(process_file, str(f), options)] = f
                except BrokenProcessPool:
                    pending.append(f)
                    broken = True
                    break
            if not inflight:
                break
            ready, _ = cf.wait(inflight, return_when=cf.FIRST_COMPLETED)
            for fut in ready:
                f = inflight.pop(fut)
                try:
                    finish(f, fut.result())
                except BrokenProcessPool:
                    crashed.append(f)
        for fut, f in inflight.items():
            try:
                finish(f, fut.result())
            except BrokenProcessPool:
                crashed.append(f)
        if crashed or broken:
            pool = pools.rebuild(INGEST_POOL, pool)
        if broken and not crashed:
            rebuilt_idle += 1
            if rebuilt_idle > 2:  # a fresh pool that cannot take one file: give up clearly
                raise PhotoError(
                    path=str(pending[-1]),
                    detail=QT_TRANSLATE_NOOP("errors", "worker processes cannot start"),
                )
        else:
            rebuilt_idle = 0
        for f in crashed:
            if f in retried:
                continue
            retried.add(f)
            finish(f, _alone(f, options, pools))


def _alone(f: Path, options: IngestOptions, pools: Pools) -> IngestItem:
    """``f`` alone in a one-worker pool: a second crash is this file's own fault."""
    solo = pools.processes(SOLO_POOL, 1)
    try:
        return solo.submit(process_file, str(f), options).result()
    except BrokenProcessPool:
        pools.rebuild(SOLO_POOL, solo)
        return error_item(
            str(f), PhotoCorrupt(path=str(f), detail=QT_TRANSLATE_NOOP("errors", "decoder crashed"))
        )
