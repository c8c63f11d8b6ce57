"""One file of an ingest: read, content hash, metadata, a thumbnail decoded at reduced size.

:func:`process_file` is a plain function, run in the ingest's process pool, on its threads or
inline (:mod:`qk3editor.photos.ingest` decides); it never modifies the source file. A bad file
(unreadable, not an image, damaged, too many pixels) becomes one ``error`` item.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qk3editor.core import atomic, budgets
from qk3editor.core.errors import QkError
from qk3editor.core.vietnamese.normalize import to_nfc
from qk3editor.photos import heif, jpeg
from qk3editor.photos.errors import (
    PhotoCorrupt,
    PhotoError,
    PhotoNotImage,
    PhotoTooLarge,
)
from qk3editor.photos.files import os_error, read_bytes
from qk3editor.photos.metadata import read_metadata_bytes

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", *heif.HEIF_EXTENSIONS}
)
FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF", "HEIF"})
DEFAULT_THUMB_SIZE = 320
DEFAULT_MAX_PIXELS = budgets.MAX_IMAGE_PIXELS


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
    # the error as code + English template + params (QkError.record); the edge translates it
    error: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status == "imported"


@dataclass(frozen=True)
class IngestOptions:
    thumbnails_dir: Path
    thumb_size: int = DEFAULT_THUMB_SIZE
    max_pixels: int = DEFAULT_MAX_PIXELS
    workers: int | None = None  # None: every core


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
    return IngestItem(
        path=path, status="error", code=exc.code, message=exc.message(), error=exc.record()
    )


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

    Image.MAX_IMAGE_PIXELS = budgets.MAX_IMAGE_PIXELS  # Pillow's own bomb check, same budget
    data = read_bytes(path)
    heif.register_for(data)
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
            im = shrink(im, options.thumb_size, Image.Resampling.LANCZOS)
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


def shrink(im: Any, size: int, resample: Any) -> Any:
    """``im`` decoded small, upright, fitted into ``size`` px and RGB. A JPEG is decoded at
    1/2..1/8 scale (DCT scaling, never below ``size``: the shrink-on-load trick
    vipsthumbnail uses)."""
    from PIL import ImageOps

    if im.format in ("JPEG", "MPO"):
        im.draft("RGB", jpeg.draft_size(im.size, size))
    im.load()
    ImageOps.exif_transpose(im, in_place=True)  # upright without copying the decoded image
    im.thumbnail((size, size), resample)
    return im if im.mode == "RGB" else im.convert("RGB")


def _save_thumbnail(im: Any, target: Path) -> None:
    try:
        atomic.write_with(target, lambda fh: im.save(fh, "JPEG", quality=82), durable=False)
    except OSError as exc:
        raise os_error(target, exc) from None
