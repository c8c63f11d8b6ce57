"""The one way the app writes a file it owns: whole or not at all.

The data goes to a temp file in the same folder (so the final ``os.replace`` is a rename on
one file system), is flushed and fsynced, then replaces the target; the folder is fsynced so
the rename itself survives a power cut. On any failure the temp file is removed and the old
file, if any, is untouched. An existing file keeps its permission bits; a new one gets what
``open()`` would give it (0o666 less the umask), not ``mkstemp``'s private 0o600.

Caches (thumbnails, renditions kept for the next publish) pass ``durable=False``: still whole
or not at all, but without the two disk flushes, which cost more than re-making a lost file.

Callers that need their own errors (the photo desk's "disk full" / "read-only") catch
``OSError`` around these calls; nothing here translates errors.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before any worker runs.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_read_umask()


def write_bytes(
    path: Path, data: bytes, *, make_parents: bool = True, durable: bool = True
) -> None:
    """Replace ``path`` by ``data`` atomically (see the module docs)."""
    write_with(path, lambda fh: fh.write(data), make_parents=make_parents, durable=durable)


def write_text(path: Path, text: str, *, make_parents: bool = True) -> None:
    """Replace ``path`` by ``text`` encoded as UTF-8, atomically."""
    write_bytes(path, text.encode("utf-8"), make_parents=make_parents)


def write_with(
    path: Path,
    fill: Callable[[BinaryIO], object],
    *,
    make_parents: bool = True,
    durable: bool = True,
) -> None:
    """Replace ``path`` by what ``fill`` writes into the open temp file, atomically.

    ``fill`` may write in pieces, copy from another file by descriptor, or hand the file to
    an encoder (``image.save(fh, "JPEG")``); it must not close it.
    """
    folder = path.parent
    if make_parents:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _NEW_FILE_MODE
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
