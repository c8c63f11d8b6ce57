"""What the store says when it cannot do its work: read-only, full, damaged, empty.

Each is a :class:`~qk3editor.core.errors.QkError` with its own stable code, so the CLI prints
one clear line and the GUI one message, never "unexpected error". :func:`classify` turns a
database driver's error into one of them (SQLite's result codes, PostgreSQL's SQLSTATEs,
then the message text as a last resort).
"""

from __future__ import annotations

from typing import Any

from qk3editor.core.errors import QkError, StoreError, StoreReadOnly
from qk3editor.core.i18n import QT_TRANSLATE_NOOP

# SQLite primary result codes (sqlite3.h)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26


class StoreOpenedReadOnly(StoreReadOnly):
    """A write to a store that could only be opened for reading."""

    code = "store_read_only"
    template = QT_TRANSLATE_NOOP(
        "errors", "The store is read-only ({reason}): it can be read but nothing can be saved"
    )


class StoreFull(StoreReadOnly):
    """The disk (or the database's quota) is full: the write did not happen."""

    code = "store_full"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The disk holding the store is full: nothing was saved. Free some space and try again",
    )


class StoreCorrupt(StoreError):
    """The store's file is damaged; it is not written to."""

    code = "store_corrupt"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The store {path} is damaged ({detail}); it was not changed. "
        "Restore the last backup ({backup}) with: qk3editor store restore-backup",
    )


class StoreEmpty(StoreCorrupt):
    """A zero-byte store file: never taken for a new store."""

    code = "store_empty"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The store {path} is an empty file (0 bytes), not a new store; it was not changed. "
        "Restore the last backup ({backup}) with: qk3editor store restore-backup",
    )


class StoreBusy(StoreError):
    code = "store_busy"
    template = QT_TRANSLATE_NOOP(
        "errors", "The store is busy with another program's work; try again in a moment"
    )


# Variants of the damaged-store messages when there is no backup to offer.
NO_BACKUP_CORRUPT = QT_TRANSLATE_NOOP(
    "errors",
    "The store {path} is damaged ({detail}); it was not changed. There is no backup in {backups}",
)
NO_BACKUP_EMPTY = QT_TRANSLATE_NOOP(
    "errors",
    "The store {path} is an empty file (0 bytes), not a new store; it was not changed. "
    "There is no backup in {backups}",
)
BACKUP_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "The backup {path} is damaged too ({detail}); nothing was changed"
)
NO_BACKUPS = QT_TRANSLATE_NOOP("errors", "There is no backup in {backups}")
NO_SUCH_BACKUP = QT_TRANSLATE_NOOP("errors", "There is no backup named {name} in {backups}")
CORRUPT_AT_WORK = QT_TRANSLATE_NOOP(
    "errors",
    "The store is damaged ({detail}). Close the app and restore the last backup with: "
    "qk3editor store restore-backup",
)


def _sqlstate(orig: Any) -> str:
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


def classify(exc: BaseException, read_only_reason: str | None = None) -> QkError:
    """The user-facing error for a driver error ``exc`` (a SQLAlchemy DBAPIError or the
    driver's own exception)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    state = _sqlstate(orig)
    if state == "42501":  # a newsroom role's refusal (grants, row-level security, guards)
        from qk3editor.edge_errors import PermissionDenied

        return PermissionDenied()
    if primary == SQLITE_READONLY or state == "25006" or "readonly database" in text:
        return StoreOpenedReadOnly(reason=read_only_reason or str(orig))
    if primary == SQLITE_FULL or state in ("53100", "53200") or "disk is full" in text:
        return StoreFull()
    if (
        primary in (SQLITE_CORRUPT, SQLITE_NOTADB)
        or "malformed" in text
        or "not a database" in text
    ):
        return StoreCorrupt(CORRUPT_AT_WORK, detail=str(orig))
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return StoreBusy()
    return StoreError(detail=str(orig))
