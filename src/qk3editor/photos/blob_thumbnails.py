"""Thumbnails of photo originals kept in the store itself (issue 16: ``qk3blob:`` paths).

A photo sent to the newsroom arrives without a file on this machine and without a thumbnail
(a thumbnail is a file of the machine that imported it). The photo desk makes one on first
sight, off the GUI thread: the original is written from the store to a temporary file beside
the thumbnail cache (one piece in memory at a time), decoded small (JPEG DCT scaling, the same
:func:`~qk3editor.photos.ingest_file.shrink` the import uses) and saved where an import would
have put it (``thumbnails/ab/<content hash>.jpg``), so the next time, and every later session,
it is read like any other thumbnail. No Qt, no store: the caller says how to write the
original.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from qk3editor.core import budgets
from qk3editor.core.atomic import write_with
from qk3editor.photos.ingest_file import DEFAULT_THUMB_SIZE, shrink, thumbnail_path


def thumbnail_of_original(
    write_original: Callable[[Path], object],
    content_hash: str,
    thumbnails_dir: Path,
    size: int = DEFAULT_THUMB_SIZE,
) -> Path:
    """The thumbnail file of the original ``write_original(path)`` writes, made once."""
    target = thumbnail_path(thumbnails_dir, content_hash)
    if target.is_file():
        return target
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = budgets.MAX_IMAGE_PIXELS  # the import's bomb check, same budget
    thumbnails_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=thumbnails_dir, prefix=".original-") as tmp:
        original = Path(tmp) / "original"
        write_original(original)
        with Image.open(original) as im:
            small = shrink(im, size, Image.Resampling.LANCZOS)
            write_with(target, lambda fh: small.save(fh, "JPEG", quality=82), durable=False)
    return target
