"""Library exceptions that reach the edge (GUI, CLI) as typed errors with codes.

Layers raise :class:`~qk3editor.core.errors.QkError` where they know what went wrong; an
``OSError`` from a full disk, SQLite's "database is locked" or an ``httpx`` timeout can still
come up from a library. :func:`as_qk_error` turns those known ones into a ``QkError`` with a
stable ``code`` and parameters, so that the GUI's ``ui.errors.describe_error`` and the CLI's
``commands.errors.describe_error`` both show the same Vietnamese text. Qt-free.
"""

from __future__ import annotations

import errno

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP


class DiskFull(QkError):
    code = "disk_full"
    template = QT_TRANSLATE_NOOP("errors", "The disk is full: {path}")


class DiskReadOnly(QkError):
    code = "disk_read_only"
    template = QT_TRANSLATE_NOOP("errors", "The disk is read-only: {path}")


class FileAccessDenied(QkError):
    code = "file_access_denied"
    template = QT_TRANSLATE_NOOP("errors", "No permission to use this file: {path}")


class FileMissing(QkError):
    code = "file_missing"
    template = QT_TRANSLATE_NOOP("errors", "The file does not exist: {path}")


class FileProblem(QkError):
    code = "file_problem"
    template = QT_TRANSLATE_NOOP("errors", "A file could not be read or written: {detail}")


class StoreBusy(QkError):
    code = "store_busy"
    template = QT_TRANSLATE_NOOP(
        "errors", "The store is busy (another program is writing to it); try again in a moment"
    )


class NetworkTimeout(QkError):
    code = "network_timeout"
    template = QT_TRANSLATE_NOOP("errors", "The site did not answer in time: {url}")


class NetworkUnreachable(QkError):
    code = "network_unreachable"
    template = QT_TRANSLATE_NOOP("errors", "Cannot connect to the site: {url}")


class NetworkFailure(QkError):
    code = "network_failure"
    template = QT_TRANSLATE_NOOP("errors", "A network error stopped the work: {detail}")


class PermissionDenied(QkError):
    """The newsroom's PostgreSQL server refused a statement (issue 16): SQLSTATE 42501
    (insufficient_privilege), which is also what a row-level security policy or the guard
    triggers of ``newsroom init`` answer. The server is the authority; this is its word."""

    code = "permission_denied"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The newsroom server refused this: your role does not allow it. "
        "Ask an editor or the newsroom administrator",
    )


def is_permission_denied(exc: BaseException) -> bool:
    """SQLSTATE 42501 from PostgreSQL (raw psycopg, or wrapped by SQLAlchemy)."""
    for e in (exc, getattr(exc, "orig", None)):
        if e is not None and str(getattr(e, "sqlstate", None) or "") == "42501":
            return True
    return False


_OS_ERRORS: dict[int, type[QkError]] = {
    errno.ENOSPC: DiskFull,
    errno.EDQUOT: DiskFull,
    errno.EROFS: DiskReadOnly,
    errno.EACCES: FileAccessDenied,
    errno.EPERM: FileAccessDenied,
    errno.ENOENT: FileMissing,
}


def as_qk_error(exc: BaseException) -> QkError | None:
    """``exc`` itself when it is a QkError; a QkError for a known library error; else None."""
    if isinstance(exc, QkError):
        return exc
    if isinstance(exc, OSError) and not _is_network(exc):
        path = exc.filename if exc.filename is not None else ""
        kind = _OS_ERRORS.get(exc.errno or 0)
        if kind is not None:
            return kind(path=str(path))
        return FileProblem(detail=exc.strerror or str(exc))
    if _is_locked(exc):
        return StoreBusy()
    if is_permission_denied(exc):
        return PermissionDenied()
    return _network_error(exc)


def _is_locked(exc: BaseException) -> bool:
    """SQLite's "database is locked" (raw, or wrapped by SQLAlchemy)."""
    import sqlite3

    inner = getattr(exc, "orig", None)
    for e in (exc, inner):
        if isinstance(e, sqlite3.OperationalError) and "database is locked" in str(e):
            return True
    return False


def _is_network(exc: BaseException) -> bool:
    return type(exc).__module__.startswith(("httpx", "httpcore"))


def _network_error(exc: BaseException) -> QkError | None:
    try:
        import httpx
    except ImportError:  # pragma: no cover - httpx is a dependency
        return None
    if not isinstance(exc, httpx.HTTPError):
        return None
    url = ""
    try:
        url = str(exc.request.url)
    except RuntimeError:  # no request attached
        pass
    if isinstance(exc, httpx.TimeoutException):
        return NetworkTimeout(url=url)
    if isinstance(exc, httpx.ConnectError | httpx.NetworkError):
        return NetworkUnreachable(url=url)
    return NetworkFailure(detail=str(exc) or type(exc).__name__)
