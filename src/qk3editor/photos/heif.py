"""HEIC/HEIF photos (iPhones' default) through pillow-heif, whose wheels bundle libheif.

:func:`register` makes Pillow open HEIF files (idempotent, cheap after the first call); every
place that opens images calls it. pillow-heif applies the Exif orientation itself when it
opens a file (the size it reports is already upright, and the Exif it hands Pillow says 1), so
nothing is rotated twice. exiv2 reads HEIF metadata (Exif, XMP) but cannot write it safely:
:func:`is_heif` lets the writers refuse before touching the file.
"""

from __future__ import annotations

import threading

HEIF_EXTENSIONS = frozenset({".heic", ".heif", ".hif"})
# ISO BMFF "ftyp" major/compatible brands of HEIF still images (not AVIF: pillow-heif's
# AVIF support is not built into the wheels we rely on)
_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")

_lock = threading.Lock()
_registered: bool | None = None


def register() -> bool:
    """Register pillow-heif's opener with Pillow; ``False`` if pillow-heif is not installed."""
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            try:
                import pillow_heif
            except ImportError:
                _registered = False
            else:
                pillow_heif.register_heif_opener(thumbnails=False)
                _registered = True
    return _registered


def register_for(data: bytes) -> None:
    """:func:`register` unless ``data`` is a JPEG: a card of JPEGs never loads pillow-heif
    (its import is about as long as Pillow's; issue 14, the first screen)."""
    if not data.startswith(b"\xff\xd8"):
        register()


def is_heif(data: bytes) -> bool:
    """Whether ``data`` (at least its first 64 bytes) starts like a HEIF image file."""
    if len(data) < 12 or data[4:8] != b"ftyp":
        return False
    size = int.from_bytes(data[:4], "big")
    brands = data[8:12] + data[16 : max(16, min(size, len(data), 64))]
    return any(brands[i : i + 4] in _BRANDS for i in range(0, len(brands) - 3, 4))
