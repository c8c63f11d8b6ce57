"""The one door to pyexiv2: a global lock, opening an image over bytes, raw Latin-1 values.

pyexiv2 prints exiv2's warnings ("[warn] Directory Image, entry 0x8769 ...") with C++
``std::cout``: on the process's standard output, in the middle of a command's report. While
:data:`EXIV2_LOCK` is held, file descriptor 1 is pointed at a scratch file; what exiv2 printed
is then written to the log (issue 12). Exiv2 runs only under this lock, so nothing of ours
prints meanwhile (the CLI prints its report after the photo work is done).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

from qk3editor.photos.errors import PhotoCorrupt

if TYPE_CHECKING:  # imported lazily at run time: pyexiv2 loads exiv2 and Adobe's XMP SDK
    from pyexiv2 import ImageData

log = logging.getLogger(__name__)

# Values as pyexiv2 reads them (see typings/pyexiv2): text, lists for repeatable IPTC datasets
# and XMP arrays, ``{'lang="x-default"': text}`` for XMP language alternatives.
ExifValues = Mapping[str, str]
IptcValues = Mapping[str, str | list[str]]
XmpValues = Mapping[str, str | list[str] | dict[str, str]]


class _Exiv2Gate:
    """A re-entrant lock that also captures exiv2's console output into the log."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self._saved: int | None = None
        self._sink: IO[bytes] | None = None

    def __enter__(self) -> _Exiv2Gate:
        self._lock.acquire()
        self._depth += 1
        if self._depth == 1:
            try:
                self._capture()
            except BaseException:
                self._depth -= 1
                self._lock.release()
                raise
        return self

    def __exit__(self, *_exc: object) -> None:
        try:
            if self._depth == 1:
                self._release()
        finally:
            self._depth -= 1
            self._lock.release()

    def _capture(self) -> None:
        with contextlib.suppress(Exception):
            sys.stdout.flush()  # our own text goes out before the redirect
        try:
            if self._sink is None:
                self._sink = tempfile.TemporaryFile()
            self._saved = os.dup(1)
            os.dup2(self._sink.fileno(), 1)
        except OSError:  # no standard output at all (a windowed app): nothing to redirect
            if self._saved is not None:
                os.close(self._saved)
            self._saved = None

    def _release(self) -> None:
        if self._saved is None or self._sink is None:
            return
        _flush_c_stdout()
        os.dup2(self._saved, 1)
        os.close(self._saved)
        self._saved = None
        sink = self._sink
        sink.seek(0)
        text = sink.read().decode("utf-8", "replace")
        sink.seek(0)
        sink.truncate()
        for line in text.splitlines():
            if line.strip():
                log.warning("exiv2: %s", line.strip())


def _flush_c_stdout() -> None:
    """Flush C's stdio buffers (exiv2's std::cout may sit there when fd 1 is a file)."""
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError):
        pass


# pyexiv2 (exiv2 + Adobe's XMP toolkit) shares global state between images: every use goes
# through this lock, so file I/O of several threads overlaps while exiv2 runs one at a time.
EXIV2_LOCK = _Exiv2Gate()


def open_exiv2(data: bytes, path: str) -> ImageData:
    """A pyexiv2 image over ``data`` (hold :data:`EXIV2_LOCK` while using it)."""
    import pyexiv2

    try:
        return pyexiv2.ImageData(data)
    except RuntimeError as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        if len(lines) > 1:  # exiv2 lists every bad entry: the log has them, the user the first
            log.warning("exiv2 on %s: %s", path, " | ".join(lines))
        raise PhotoCorrupt(path=path, detail=lines[0] if lines else str(exc)) from None


def raw_bytes(value: str) -> bytes:
    """The file's exact bytes of a value pyexiv2 read with ``encoding="latin-1"``."""
    # pyexiv2 decoded the bytes as Latin-1: this gets the file's exact bytes back
    return value.encode("latin-1")
