"""Files the photo desk touches: reading them whole or just their metadata head, and
replacing them atomically (through :mod:`qk3editor.core.atomic`, the app's one writer).

A failed write removes its temp file and leaves the original untouched; OS errors become
photo errors with a code (disk full, read-only, other).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

from qk3editor.core import atomic, budgets
from qk3editor.photos import jpeg
from qk3editor.photos.errors import (
    DiskFull,
    PhotoError,
    PhotoNotFound,
    PhotoReadOnly,
    PhotoUnreadable,
    PhotoWriteFailed,
)


def read_bytes(path: Path) -> bytes:
    """The whole photo file, if it is a regular file within ``budgets.MAX_IMAGE_FILE_BYTES``
    (a FIFO or /dev/zero named .jpg is refused, never read)."""
    try:
        return budgets.read_limited(path, budgets.MAX_IMAGE_FILE_BYTES)
    except FileNotFoundError:
        raise PhotoNotFound(path=str(path)) from None
    except OSError as exc:
        raise PhotoUnreadable(path=str(path), detail=exc.strerror or str(exc)) from None


def read_head(path: Path, size: int = 65536) -> bytes:
    """The file's first ``size`` bytes (raises ``OSError`` or a budget's QkError): enough for
    a JPEG's Exif."""
    with budgets.open_regular(path, budgets.MAX_IMAGE_FILE_BYTES) as fh:
        return fh.read(size)


HEAD_LIMIT = 4 * 1024 * 1024


def read_jpeg_head(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The bytes up to the end of the first SOS header, and the file's stat; else ``None``."""
    try:
        with budgets.open_regular(path, budgets.MAX_IMAGE_FILE_BYTES) as fh:
            stat = os.fstat(fh.fileno())
            size = 65536
            buf = b""
            while True:
                buf += fh.read(size - len(buf))
                if not buf.startswith(jpeg.SOI):
                    return None
                end = jpeg.sos_header_end(buf)
                if end is not None:
                    return buf[:end], stat
                if len(buf) < size or size >= HEAD_LIMIT:
                    return None
                size *= 4
    except FileNotFoundError:
        raise PhotoNotFound(path=str(path)) from None
    except OSError as exc:
        raise PhotoUnreadable(path=str(path), detail=exc.strerror or str(exc)) from None


def atomic_write(
    path: Path, data: bytes, tail_from: tuple[int, os.stat_result] | None = None
) -> None:
    """Replace the existing file ``path`` by ``data`` (:func:`qk3editor.core.atomic.write_with`).

    With ``tail_from=(offset, stat)`` the original's bytes from ``offset`` on are appended
    after ``data`` (copied by the kernel); if the original changed since ``stat`` was taken,
    nothing is replaced. On any failure the temp file is removed and the original is untouched.
    """
    try:
        path.stat()
    except FileNotFoundError:
        raise PhotoNotFound(path=str(path)) from None
    except OSError as exc:
        raise os_error(path, exc) from None
    if not os.access(path, os.W_OK):
        raise PhotoReadOnly(path=str(path))

    def fill(fh: BinaryIO) -> None:
        fh.write(data)
        if tail_from is not None:
            fh.flush()
            _append_tail(path, fh.fileno(), *tail_from)

    try:
        atomic.write_with(path, fill, make_parents=False)
    except OSError as exc:
        raise os_error(path, exc) from None


def stray_temp_files(folder: Path) -> list[Path]:
    """Temp files that interrupted writes left in ``folder`` (see :func:`atomic.stray_temps`)."""
    return atomic.stray_temps(folder)


def _append_tail(path: Path, out_fd: int, offset: int, before: os.stat_result) -> None:
    with open(path, "rb") as src:
        now = os.fstat(src.fileno())
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (
            before.st_size,
            before.st_mtime_ns,
            before.st_ino,
        ):
            raise PhotoWriteFailed(path=str(path), detail="the file changed while being written")
        remaining = now.st_size - offset
        pos = offset
        try:
            while remaining > 0:
                n = os.copy_file_range(src.fileno(), out_fd, remaining, pos)
                if n == 0:
                    break
                pos += n
                remaining -= n
        except (AttributeError, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno not in (
                errno.EXDEV,
                errno.ENOSYS,
                errno.EINVAL,
                errno.EOPNOTSUPP,
            ):
                raise
        if remaining > 0:  # no copy_file_range here: copy through a buffer
            src.seek(pos)
            while remaining > 0:
                chunk = src.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                os.write(out_fd, chunk)
                remaining -= len(chunk)
        if remaining:
            raise PhotoWriteFailed(path=str(path), detail="short read")


def os_error(path: Path, exc: OSError) -> PhotoError:
    """The photo error for an OS error on ``path`` (disk full, read-only, other)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PhotoReadOnly(path=str(path))
    return PhotoWriteFailed(path=str(path), detail=exc.strerror or str(exc))
