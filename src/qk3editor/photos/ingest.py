"""Ingest: files and folders → content hash, metadata, thumbnail in the cache, a report line.

The heavy part of each file (read, hash, decode at reduced size, thumbnail, metadata) is a
plain function, :func:`process_file`, run in a process pool so that both cores work; a batch
of a few files runs inline. Before the pool starts, :func:`ingest` reads only the first
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
import hashlib
import io
import os
import threading
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qk3editor.core import atomic, budgets
from qk3editor.core.errors import QkError
from qk3editor.core.tasks import Pools, scoped_pools
from qk3editor.core.vietnamese.normalize import to_nfc
from qk3editor.photos import heif, jpeg
from qk3editor.photos.errors import (
    PhotoCorrupt,
    PhotoError,
    PhotoNotImage,
    PhotoTooLarge,
)
from qk3editor.photos.files import os_error, read_bytes, read_head
from qk3editor.photos.metadata import read_metadata_bytes

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", *heif.HEIF_EXTENSIONS}
)
FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF", "HEIF"})
DEFAULT_THUMB_SIZE = 320
DEFAULT_MAX_PIXELS = budgets.MAX_IMAGE_PIXELS
INLINE_BELOW = 4
FIRST_SCREEN = 24
INGEST_POOL = "ingest"  # process pool names in the task runner's pools
SOLO_POOL = "ingest-solo"
PREVIEW_POOL = "previews"

ProgressFn = Callable[[int, int, "IngestItem"], None]
PlaceholderFn = Callable[[str, bytes], None]


@dataclass(frozen=True)
class IngestItem:
    """One line of the ingest report (and, when imported, everything the store needs)."""

    path: str
    status: str  # imported | duplicate | error | cancelled
    content_hash: str = ""
    code: str = ""
    message: str = ""
    duplicate_of: str = ""
    size_bytes: int = 0
    width: int = 0
    height: int = 0
    format: str = ""
    thumbnail: str = ""
    metadata: dict[str, Any] = field(default_factory=dict[str, Any])
    date_taken: str = ""
    orientation: int = 1
    gps: bool = False
    has_iim: bool = False
    camera: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == "imported"


@dataclass(frozen=True)
class IngestReport:
    items: tuple[IngestItem, ...]
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def imported(self) -> list[IngestItem]:
        return [i for i in self.items if i.status == "imported"]


@dataclass(frozen=True)
class IngestOptions:
    thumbnails_dir: Path
    thumb_size: int = DEFAULT_THUMB_SIZE
    max_pixels: int = DEFAULT_MAX_PIXELS
    workers: int | None = None  # None: every core


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


def content_hash(data: bytes) -> str:
    """The identity of a photo's content: for JPEG the image data only (frame, tables, scan),
    so a caption written into the file later (ours or another tool's) keeps it; for other
    formats the whole file."""
    if data.startswith(jpeg.SOI):
        found = jpeg.image_data_digest(data)
        if found:
            return found
    return hashlib.sha256(data).hexdigest()


def thumbnail_path(thumbnails_dir: Path, content_hash: str) -> Path:
    return thumbnails_dir / content_hash[:2] / f"{content_hash}.jpg"


def error_item(path: str, exc: QkError) -> IngestItem:
    # in the user's language where the process has it (files done inline, the GUI's thread);
    # a spawned pool worker has no translator and writes English
    from qk3editor.core.i18n import active

    return IngestItem(path=path, status="error", code=exc.code, message=exc.message(active()))


def _bomb_pixels(exc: Exception) -> int | str:
    """The pixel count Pillow's decompression-bomb check names in its message, else "?"."""
    import re

    m = re.search(r"\((\d+) pixels\)", str(exc))
    return int(m.group(1)) if m else "?"


def process_file(path: str, options: IngestOptions) -> IngestItem:
    """Hash, decode at reduced size, thumbnail and metadata of one file (runs in a worker)."""
    try:
        return _process(Path(path), options)
    except QkError as exc:
        return error_item(path, exc)
    except MemoryError:
        return error_item(path, PhotoTooLarge(path=path, pixels="?", limit=options.max_pixels))
    except Exception as exc:  # a library bug on hostile input: still one line, batch goes on
        return error_item(path, PhotoCorrupt(path=path, detail=f"{type(exc).__name__}: {exc}"))


def _process(path: Path, options: IngestOptions) -> IngestItem:
    from PIL import Image, UnidentifiedImageError

    heif.register()
    Image.MAX_IMAGE_PIXELS = budgets.MAX_IMAGE_PIXELS  # Pillow's own bomb check, same budget
    data = read_bytes(path)
    digest = content_hash(data)
    name = str(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow's notes on damaged Exif
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise PhotoNotImage(path=name) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise PhotoTooLarge(
                path=name, pixels=_bomb_pixels(exc), limit=options.max_pixels
            ) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise PhotoCorrupt(path=name, detail=str(exc)) from None
        fmt = im.format or ""
        if fmt not in FORMATS:
            raise PhotoNotImage(path=name)
        width, height = im.size
        # pillow-heif has already turned the image upright (its size is the upright one)
        upright = "original_orientation" in im.info
        if width * height > options.max_pixels:
            raise PhotoTooLarge(path=name, pixels=width * height, limit=options.max_pixels)
        try:
            im = _shrink(im, options.thumb_size, Image.Resampling.LANCZOS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoTooLarge(
                path=name, pixels=width * height, limit=options.max_pixels
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PhotoCorrupt(path=name, detail=str(exc)) from None
    try:
        facts = read_metadata_bytes(data, name)  # of a JPEG, exiv2 sees only the metadata head
    except PhotoError:
        facts = None
    thumb = thumbnail_path(options.thumbnails_dir, digest)
    _save_thumbnail(im, thumb)
    orientation = facts.orientation if facts else 1
    if orientation in (5, 6, 7, 8) and not upright:
        width, height = height, width
    return IngestItem(
        path=to_nfc(name),
        status="imported",
        content_hash=digest,
        size_bytes=len(data),
        width=width,
        height=height,
        format=fmt,
        thumbnail=str(thumb),
        metadata=facts.metadata.as_dict() if facts else {},
        date_taken=facts.date_taken if facts else "",
        orientation=orientation,
        gps=facts.gps if facts else False,
        has_iim=facts.has_iim if facts else False,
        camera=" ".join(x for x in (facts.make, facts.model) if x) if facts else "",
        warnings=facts.warnings if facts else ("metadata unreadable",),
    )


def _shrink(im: Any, size: int, resample: Any) -> Any:
    """``im`` decoded small, upright, fitted into ``size`` px and RGB. A JPEG is decoded at
    1/2..1/8 scale (DCT scaling, never below ``size``: the shrink-on-load trick
    vipsthumbnail uses)."""
    from PIL import ImageOps

    if im.format in ("JPEG", "MPO"):
        im.draft("RGB", (size, size))
    im.load()
    im = ImageOps.exif_transpose(im) or im
    im.thumbnail((size, size), resample)
    return im if im.mode == "RGB" else im.convert("RGB")


def _save_thumbnail(im: Any, target: Path) -> None:
    try:
        atomic.write_with(target, lambda fh: im.save(fh, "JPEG", quality=82), durable=False)
    except OSError as exc:
        raise os_error(target, exc) from None


def placeholder(path: Path) -> bytes | None:
    """The embedded Exif thumbnail, read from the file's first 64 KiB (or ``None``)."""
    try:
        return jpeg.exif_thumbnail(read_head(path))
    except (OSError, QkError):
        return None


def quick_preview(path: Path, size: int = DEFAULT_THUMB_SIZE) -> bytes | None:
    """A small JPEG of a JPEG photo decoded at 1/8 scale (DCT scaling: ~0.1 s for 24 MP,
    most of it Huffman decoding), upright; ``None`` for other formats or on any failure.

    Shown until the real thumbnail (exact size, Lanczos) arrives from the pool.
    """
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if budgets.check_regular(path).st_size > budgets.MAX_IMAGE_FILE_BYTES:
                return None  # the pool reports it (a FIFO raised: Image.open would block)
            with Image.open(path) as im:
                if im.format not in ("JPEG", "MPO"):
                    return None
                w, h = im.size
                if w * h > DEFAULT_MAX_PIXELS:
                    return None
                out = _shrink(im, size, Image.Resampling.BILINEAR)  # 1/8 scale for cameras
                buf = io.BytesIO()
                out.save(buf, "JPEG", quality=75)
                return buf.getvalue()
    except Exception:  # a preview is optional: the pool reports the file's real error
        return None


def _previews(
    files: list[Path],
    size: int,
    on_placeholder: PlaceholderFn,
    cancel: threading.Event,
    threads: int,
    pools: Pools,
) -> None:
    """Quick previews of ``files``, handed to ``on_placeholder`` in order (decoded on
    ``threads`` threads of ``pools``: Pillow releases the GIL while decoding)."""
    tp = pools.threads(PREVIEW_POOL, threads)
    futures = [tp.submit(quick_preview, f, size) for f in files]
    for f, fut in zip(files, futures, strict=True):
        if cancel.is_set():
            for rest in futures:
                rest.cancel()
            return
        body = fut.result()
        if body:
            on_placeholder(str(f), body)


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
    if quick and on_placeholder is not None and workers > 1 and len(files) >= INLINE_BELOW:
        _previews(quick, options.thumb_size, on_placeholder, cancel, workers, pools)
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
    else:
        _run_pool(order, options, workers, cancel, finish, pools)
    items = tuple(
        results.get(f) or IngestItem(path=to_nfc(str(f)), status="cancelled", code="cancelled")
        for f in files
    )
    return IngestReport(items, cancelled=cancel.is_set())


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
                raise PhotoError(path=str(pending[-1]), detail="worker processes cannot start")
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
        return error_item(str(f), PhotoCorrupt(path=str(f), detail="decoder crashed"))
