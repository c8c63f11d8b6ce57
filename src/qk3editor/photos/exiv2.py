"""The one door to pyexiv2: a global lock, opening an image over bytes, raw Latin-1 values."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from qk3editor.photos.errors import PhotoCorrupt

if TYPE_CHECKING:  # imported lazily at run time: pyexiv2 loads exiv2 and Adobe's XMP SDK
    from pyexiv2 import ImageData

# Values as pyexiv2 reads them (see typings/pyexiv2): text, lists for repeatable IPTC datasets
# and XMP arrays, ``{'lang="x-default"': text}`` for XMP language alternatives.
ExifValues = Mapping[str, str]
IptcValues = Mapping[str, str | list[str]]
XmpValues = Mapping[str, str | list[str] | dict[str, str]]

# pyexiv2 (exiv2 + Adobe's XMP toolkit) shares global state between images: every use goes
# through this lock, so file I/O of several threads overlaps while exiv2 runs one at a time.
EXIV2_LOCK = threading.RLock()


def open_exiv2(data: bytes, path: str) -> ImageData:
    """A pyexiv2 image over ``data`` (hold :data:`EXIV2_LOCK` while using it)."""
    import pyexiv2

    try:
        return pyexiv2.ImageData(data)
    except RuntimeError as exc:
        raise PhotoCorrupt(path=path, detail=str(exc)) from None


def raw_bytes(value: str) -> bytes:
    """The file's exact bytes of a value pyexiv2 read with ``encoding="latin-1"``."""
    # pyexiv2 decoded the bytes as Latin-1: this gets the file's exact bytes back
    return value.encode("latin-1")
