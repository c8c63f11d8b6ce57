"""Is a SQLite store file sound, writable, and what backups does it have? (issue 12)

``PRAGMA quick_check`` reads every page of the file: about linear in its size (measured: see
the commit that added this module). So that a command line call does not pay for it each
time, a file found sound (or closed by us) is remembered by its size and modification time in
a small JSON file in the cache folder; the check runs again only when the file changed behind
our back: another program wrote it, a disk or copy damaged it, a user replaced it.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from qk3editor.core import atomic
from qk3editor.core.i18n import translate
from qk3editor.storage.errors import (
    BACKUP_DAMAGED,
    NO_BACKUP_CORRUPT,
    NO_BACKUP_EMPTY,
    StoreCorrupt,
    StoreEmpty,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


# --------------------------------------------------------------------------- read-only


def folder_reason(folder: Path) -> str:
    if _read_only_fs(folder):
        return translate("store", "the disk {folder} is mounted read-only").format(folder=folder)
    return translate("store", "the folder {folder} cannot be written").format(folder=folder)


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def read_only_mode(path: Path) -> tuple[str | None, str | None]:
    """Why ``path`` must be opened read-only, and how ("ro", or "immutable" when SQLite
    cannot even create its lock files next to it); ``(None, None)`` when it is writable."""
    folder = path.parent
    if not os.access(path, os.W_OK):
        if _read_only_fs(folder):
            reason = folder_reason(folder)
        else:
            reason = translate("store", "the file {path} cannot be written").format(path=path)
    elif not os.access(folder, os.W_OK):
        reason = folder_reason(folder)
    else:
        return None, None
    shm = path.with_name(path.name + "-shm")
    if not os.access(folder, os.W_OK) and not shm.exists():
        return reason, "immutable"  # nobody can be writing it: no -shm, none can be made
    return reason, "ro"


# --------------------------------------------------------------------------- soundness


def _fingerprint(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _load(state_file: Path) -> dict[str, list[int]]:
    try:
        data: object = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, list[int]] = {}
    for key, value in cast("dict[object, object]", data).items():
        if isinstance(key, str) and isinstance(value, list):
            out[key] = [v for v in cast("list[object]", value) if isinstance(v, int)]
    return out


def known_sound(state_file: Path | None, path: Path) -> bool:
    if state_file is None:
        return False
    try:
        return _load(state_file).get(str(path.resolve())) == _fingerprint(path)
    except OSError:
        return False


def remember_sound(state_file: Path, path: Path) -> None:
    """Note that ``path`` as it is now is sound (checked, or closed cleanly by us)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        data = _load(state_file)
        data[str(path.resolve())] = _fingerprint(path)
        atomic.write_bytes(state_file, json.dumps(data).encode("utf-8"), durable=False)
    except OSError as exc:  # a cache: losing it only costs a check next time
        log.info("cannot note the store as sound in %s: %s", state_file, exc)


def quick_check(path: Path, mode: str = "ro") -> str | None:
    """None when SQLite finds ``path`` sound, else what it found."""
    query = "mode=ro" + ("&immutable=1" if mode == "immutable" else "")
    try:
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            return "file is not a database"
        conn = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True, timeout=10)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    except OSError as exc:
        return exc.strerror or str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows)


def check_sqlite_file(
    path: Path, backups_dir: Path | None, state_file: Path | None, mode: str = "ro"
) -> None:
    """Raise :class:`StoreEmpty` or :class:`StoreCorrupt` for a file that must not be used."""
    try:
        size = path.stat().st_size
    except OSError:
        return
    last = latest_backup(backups_dir, path) if backups_dir is not None else None
    if size == 0:
        if last is None:
            raise StoreEmpty(NO_BACKUP_EMPTY, path=str(path), backups=str(backups_dir or ""))
        raise StoreEmpty(path=str(path), backup=last.name)
    if known_sound(state_file, path):
        return
    problem = quick_check(path, mode)
    if problem is not None:
        log.error("store %s failed its check: %s", path, problem)
        if last is None:
            raise StoreCorrupt(
                NO_BACKUP_CORRUPT, path=str(path), detail=problem, backups=str(backups_dir or "")
            )
        raise StoreCorrupt(path=str(path), detail=problem, backup=last.name)
    if state_file is not None and mode != "immutable" and os.access(path, os.W_OK):
        remember_sound(state_file, path)


# --------------------------------------------------------------------------- backups


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    modified: datetime

    @property
    def name(self) -> str:
        return self.path.name


def list_backups(backups_dir: Path, db_file: Path | None = None) -> list[Backup]:
    """Backups in ``backups_dir`` (of ``db_file`` when given), newest first."""
    if not backups_dir.is_dir():
        return []
    prefix = f"{db_file.stem}-" if db_file is not None else ""
    out: list[Backup] = []
    for p in backups_dir.glob(f"{prefix}*.sqlite3"):
        try:
            st = p.stat()
        except OSError:
            continue
        if p.is_file() and st.st_size > 0:
            out.append(Backup(p, st.st_size, datetime.fromtimestamp(st.st_mtime, UTC)))
    return sorted(out, key=lambda b: (b.modified, b.name), reverse=True)


def latest_backup(backups_dir: Path | None, db_file: Path) -> Backup | None:
    if backups_dir is None:
        return None
    found = list_backups(backups_dir, db_file)  # never another store's backup
    return found[0] if found else None


BACKUP_EVERY_S = 24 * 3600
KEEP_BACKUPS = 7


def backup_if_due(db_file: Path, backups_dir: Path, now: datetime | None = None) -> Path | None:
    """A daily backup of a store closed cleanly, so that a damaged store has one to offer.

    At most one a day (the newest backup of this store is older than a day); the copy is made
    with SQLite's online backup and checked (``quick_check``): a copy of a damaged store is
    deleted, never kept as "the last backup". The newest :data:`KEEP_BACKUPS` are kept.
    """
    from qk3editor.storage.db import backup_sqlite

    now = now or datetime.now(UTC)
    found = list_backups(backups_dir, db_file)
    if found and (now - found[0].modified).total_seconds() < BACKUP_EVERY_S:
        return None
    try:
        made = backup_sqlite(db_file, backups_dir)
    except (OSError, sqlite3.Error) as exc:
        log.warning("no daily backup of %s: %s", db_file, exc)
        return None
    problem = quick_check(made)
    if problem is not None:
        log.error("the backup of %s failed its check (%s); deleted", db_file, problem)
        made.unlink(missing_ok=True)
        return None
    for old in list_backups(backups_dir, db_file)[KEEP_BACKUPS:]:
        old.path.unlink(missing_ok=True)
    log.info("store backed up to %s", made)
    return made


def restore_backup(db_file: Path, backup: Path, state_file: Path | None = None) -> Path | None:
    """Put ``backup`` in place of ``db_file``; the file that was there (and its -wal/-shm) is
    kept aside as ``<name>.before-restore-<time>``. Returns where it was kept (None: no file).

    The backup is checked first: a damaged backup is refused and nothing is moved.
    """
    problem = quick_check(backup)
    if problem is not None:
        raise StoreCorrupt(BACKUP_DAMAGED, path=str(backup), detail=problem)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept: Path | None = None
    if db_file.exists():
        kept = db_file.with_name(f"{db_file.name}.before-restore-{stamp}")
        os.replace(db_file, kept)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = db_file.with_name(db_file.name + suffix)
        if extra.exists():
            os.replace(extra, db_file.with_name(f"{db_file.name}.before-restore-{stamp}{suffix}"))
    tmp = db_file.with_name(f".{db_file.name}.restoring")
    shutil.copyfile(backup, tmp)
    os.replace(tmp, db_file)
    if state_file is not None:
        remember_sound(state_file, db_file)
    return kept
