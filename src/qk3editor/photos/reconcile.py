"""Photos reconcile with the store (issue 12): after a crash, on start and ``photos check``.

A caption is written into the file first and recorded in the store second. A process killed
in between leaves (a) a hidden temp file ``.<name>.<random>.qk3tmp`` when it died while
writing, or (b) a file whose caption is newer than the store's record when it died after the
file was replaced. :func:`reconcile` removes (a) (only temps no live writer holds locked) and
reads (b) back into the store: a file modified after the store last recorded its photo is read
again, and its metadata recorded when it differs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from qk3editor.core.errors import QkError
from qk3editor.core.photos import Photo, PhotoMetadata
from qk3editor.photos.files import stray_temp_files
from qk3editor.photos.metadata import is_heif_file, read_metadata, write_metadata

log = logging.getLogger(__name__)

# A file modified less than this before the store's record of it is read again too: clocks
# of file servers and of this machine are not exactly in step.
CLOCK_SLACK_S = 2.0


class ReconcileRepo(Protocol):
    def list_ids(self) -> list[int]: ...
    def get_many(self, ids: Sequence[int]) -> list[Photo]: ...
    def update_metadata(
        self, photo_id: int, metadata: PhotoMetadata, *, file_pending: bool = False
    ) -> Photo: ...


@dataclass(frozen=True)
class CheckLine:
    """One finding: ``kind`` is ``temp_removed``, ``read_back``, ``written`` (a caption the
    store held for the file, written now), ``missing`` or ``error``."""

    kind: str
    path: str
    photo_id: int | None = None
    message: str = ""


@dataclass(frozen=True)
class CheckReport:
    lines: tuple[CheckLine, ...]
    checked: int  # photos whose files were looked at

    def count(self, kind: str) -> int:
        return sum(1 for line in self.lines if line.kind == kind)


def remove_stray_temps(folders: Iterable[Path]) -> list[CheckLine]:
    out: list[CheckLine] = []
    for folder in sorted(set(folders)):
        for tmp in stray_temp_files(folder):
            try:
                tmp.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                out.append(CheckLine("error", str(tmp), None, exc.strerror or str(exc)))
                continue
            log.info("removed the temp file of an interrupted write: %s", tmp)
            out.append(CheckLine("temp_removed", str(tmp)))
    return out


def _changed_since_recorded(photo: Photo, path: Path) -> bool | None:
    """Whether the file was modified after the store's record (None: the file is gone)."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    recorded = photo.updated_at or photo.imported_at
    return recorded is None or mtime > recorded.timestamp() - CLOCK_SLACK_S


def _write_pending(repo: ReconcileRepo, photo: Photo, path: Path) -> CheckLine:
    """Write a caption the store kept when its file could not take it (then the store
    records what the file holds, and the photo is no longer pending)."""
    try:
        write_metadata(path, photo.metadata)
        repo.update_metadata(photo.id, read_metadata(path).metadata)
    except QkError as exc:
        return CheckLine("error", photo.path, photo.id, exc.message())
    log.info("caption of photo #%s written to %s", photo.id, path)
    return CheckLine("written", photo.path, photo.id)


def reconcile(
    repo: ReconcileRepo,
    *,
    extra_folders: Iterable[Path] = (),
    full: bool = False,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckReport:
    """Remove stray temp files next to the photos, read back captions newer than the store.

    ``full`` reads every file, not only those modified since the store recorded them.
    """
    photos = repo.get_many(repo.list_ids())
    folders = {Path(p.path).parent for p in photos} | set(extra_folders)
    lines = remove_stray_temps(f for f in folders if f.is_dir())
    checked = 0
    for done, photo in enumerate(photos, 1):
        if cancel is not None and cancel.is_set():
            break
        if progress is not None:
            progress(done, len(photos))
        path = Path(photo.path)
        changed = _changed_since_recorded(photo, path)
        if changed is None:
            lines.append(CheckLine("missing", photo.path, photo.id))
            continue
        if is_heif_file(path):
            continue  # HEIC captions live in the store only: the file never holds ours
        if photo.file_pending:  # the store's caption is newer: the file gets it now
            checked += 1
            lines.append(_write_pending(repo, photo, path))
            continue
        if not (changed or full):
            continue
        checked += 1
        try:
            found = read_metadata(path).metadata.normalized()
            if found != photo.metadata.normalized():
                repo.update_metadata(photo.id, found)
                log.info("caption of photo #%s read back from %s", photo.id, path)
                lines.append(CheckLine("read_back", photo.path, photo.id))
        except QkError as exc:
            lines.append(CheckLine("error", photo.path, photo.id, exc.message()))
    return CheckReport(tuple(lines), checked)
