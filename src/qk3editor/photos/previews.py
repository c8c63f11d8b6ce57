"""What the photo desk shows before a photo's real thumbnail: the camera's embedded Exif
thumbnail (read from the file's first 64 KiB) and, for the first screen's photos without one,
a quick 1/8-scale preview decoded on threads (Pillow releases the GIL while decoding).
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

from qk3editor.core import budgets
from qk3editor.core.errors import QkError
from qk3editor.core.tasks import Pools
from qk3editor.photos import jpeg
from qk3editor.photos.files import read_head
from qk3editor.photos.ingest_file import DEFAULT_MAX_PIXELS, DEFAULT_THUMB_SIZE, shrink

PREVIEW_POOL = "previews"

PlaceholderFn = Callable[[str, bytes], None]


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
                out = shrink(im, size, Image.Resampling.BILINEAR)  # 1/8 scale for cameras
                buf = io.BytesIO()
                out.save(buf, "JPEG", quality=75)
                return buf.getvalue()
    except Exception:  # a preview is optional: the pool reports the file's real error
        return None


def previews(
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
