"""The one way the app writes a file it owns: whole or not at all.

The data goes to a temp file in the same folder (so the final ``os.replace`` is a rename on
one file system), is flushed and fsynced, then replaces the target; the folder is fsynced so
the rename itself survives a power cut. On any failure the temp file is removed and the old
file, if any, is untouched. An existing file keeps its permission bits; a new one gets what
``open()`` would give it (0o666 less the umask), not ``mkstemp``'s private 0o600.

Caches (thumbnails, renditions kept for the next publish) pass ``durable=False``: still whole
or not at all, but without the two disk flushes, which cost more than re-making a lost file.

A writer holds an exclusive lock (flock, POSIX) on its temp file until the rename, so a temp
file left by a killed process (``.<name>.<random>.qk3tmp``, unlocked) can be told from one
being written right now: :func:`stray_temps` finds the former (issue 12).

Callers that need their own errors (the photo desk's "disk full" / "read-only") catch
``OSError`` around these calls; nothing here translates errors.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".qk3tmp"  # ours alone: never taken for another program's temp file
# an empty temp this new may be a writer's between its creation and its lock: never stray
FRESH_EMPTY_TEMP_S = 60


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
            _lock(fh.fileno())  # until replaced: a check never takes a live temp for stray
            fill(fh)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            if _RENAME_OPEN_FILES:
                os.replace(tmp, path)
        if not _RENAME_OPEN_FILES:  # Windows cannot rename a file that is still open
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_folder(folder)


_RENAME_OPEN_FILES = os.name == "posix"


def _lock(fd: int) -> None:
    """An exclusive lock on our temp file while it is written (POSIX; elsewhere none)."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        pass


def stray_temps(folder: Path) -> list[Path]:
    """Temp files in ``folder`` that interrupted writes left behind (a process killed while
    writing): ours by name, and locked by no live writer. Without flock (Windows) only those
    older than a day count as stray."""
    try:
        found = sorted(p for p in folder.glob(f".*{TEMP_SUFFIX}") if p.is_file())
    except OSError:
        return []
    return [p for p in found if not _in_use(p)]


def _in_use(path: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        try:
            return time.time() - path.stat().st_mtime < 86400
        except OSError:
            return True
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # gone (renamed into place) or unreadable: not ours to remove
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        st = os.fstat(fd)
    except OSError:
        return True  # a live writer holds it
    finally:
        os.close(fd)
    # a writer makes its temp and then locks it: an empty, new, unlocked temp may be one
    # between the two (taking it would make that write fail); a killed writer's empty temp
    # is left for a later check
    return st.st_size == 0 and time.time() - st.st_mtime < FRESH_EMPTY_TEMP_S


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
