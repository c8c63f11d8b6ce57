"""The library's first screen without SQLAlchemy.

Importing SQLAlchemy costs about as much as starting Qt. So that the window shows the library
as fast as a bare Qt window, the GUI reads its first screen of a *current* SQLite store through
the standard library's sqlite3 (read-only), shows the window, and only then opens the full
store (SQLAlchemy, migrations), which takes over the same model. It answers exactly what
:meth:`ArticleRepository.list_ids` and :meth:`ArticleRepository.rows` answer; a test holds the
two to that. Any other store (PostgreSQL, a file that needs migrating, a missing file) gets no
quick reader and simply waits for the full one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from qk3editor.core.article_list import (
    PUBLIC_REMOTE_STATUSES,
    ArticleQuery,
    ArticleRow,
    Status,
    newest_publications,
)
from qk3editor.storage.heads import script_heads

_SORT = {
    "title": "a.title",
    "category": "c.name",
    "status": "a.status",
    "updated_at": "a.updated_at",
    "created_at": "a.created_at",
    "byline": "a.byline",
}


class QuickLibrary:
    """Read-only library queries on a current SQLite store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(cls, url: str) -> QuickLibrary | None:
        """A reader for ``url``, or ``None`` when the full store must open first."""
        if not url.startswith("sqlite:///"):
            return None
        path = Path(url[len("sqlite:///") :])
        if not path.is_file():
            return None
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
            heads = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        except sqlite3.Error:
            return None
        if heads != script_heads():
            conn.close()
            return None
        return cls(conn)

    def close(self) -> None:
        self._conn.close()

    def list_ids(self, query: ArticleQuery) -> list[str]:
        sql, params = _list_sql(query)
        return [r[0] for r in self._conn.execute(sql, params)]

    # the windowed library model's reads (ui.library.model.LibrarySource), as LibraryPages
    def count_ids(self, query: ArticleQuery) -> int:
        """The counts the database keeps (migration ``c14_library_counts``), as LibraryPages."""
        where, params = _where(query, status="status", category="category_key")
        sql = f"SELECT coalesce(sum(n), 0) FROM library_counts{where}"
        found = self._conn.execute(sql, params).fetchone()
        return int(found[0]) if found else 0

    def page_ids(self, query: ArticleQuery, offset: int, limit: int) -> list[str]:
        sql, params = _list_sql(query)
        rows = self._conn.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, max(offset, 0)])
        return [r[0] for r in rows]

    def position(self, query: ArticleQuery, article_id: str) -> int:
        source, order, params = _list_parts(query)
        sql = f"SELECT n FROM (SELECT a.id, row_number() OVER ({order}) AS n{source}) WHERE id = ?"
        found = self._conn.execute(sql, [*params, article_id]).fetchone()
        return int(found[0]) - 1 if found else -1

    def filter_ids(self, query: ArticleQuery, ids: Sequence[str]) -> list[str]:
        where, params = _where(query)
        keep: set[str] = set()
        ids = list(ids)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            glue = " AND " if where else " WHERE "
            sql = f"SELECT a.id FROM articles a{where}{glue}a.id IN ({marks})"
            keep.update(r[0] for r in self._conn.execute(sql, [*params, *part]))
        return [i for i in ids if i in keep]

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        found: dict[str, ArticleRow] = {}
        ids = list(ids)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            sql = (
                "SELECT a.id, a.title, c.name, a.status, a.updated_at, a.byline FROM articles a"
                f" LEFT OUTER JOIN categories c ON c.id = a.category_id WHERE a.id IN ({marks})"
            )
            for r in self._conn.execute(sql, part):
                found[r[0]] = ArticleRow(r[0], r[1], r[2], Status(r[3]), _utc(r[4]), r[5])
            for article_id, when, target, changed in self._published(part):
                row = found.get(article_id)
                if row is not None:
                    found[article_id] = row._replace(
                        published_at=when, published_target=target, changed_since_published=changed
                    )
        return [found[i] for i in ids if i in found]

    def _published(self, ids: list[str]) -> list[tuple[str, datetime, str, bool]]:
        """Each article's newest public publish: (id, when, target, edited since), by the
        repository's rule (``newest_publications``; the "Published" column of the first frame)."""
        marks = ",".join("?" * len(ids))
        public = ",".join("?" * len(PUBLIC_REMOTE_STATUSES))
        sql = (
            "SELECT p.article_id, p.published_at, p.target, p.article_version, a.version"
            " FROM article_publications p JOIN articles a ON a.id = p.article_id"
            f" WHERE p.article_id IN ({marks}) AND p.remote_status IN ({public})"
        )
        rows = self._conn.execute(sql, [*ids, *PUBLIC_REMOTE_STATUSES])
        found = newest_publications((r[0], _utc(r[1]), r[2], r[3], r[4]) for r in rows)
        return [(k, when, target, changed) for k, (when, target, changed) in found.items()]


def _where(
    query: ArticleQuery, status: str = "a.status", category: str = "a.category_id"
) -> tuple[str, list[str | int]]:
    """`` WHERE ...`` of the filters on columns ``status`` and ``category`` (the articles'
    by default; ``library_counts`` keys a category by its id as well)."""
    where: list[str] = []
    params: list[str | int] = []
    if query.status is not None:
        where.append(f"{status} = ?")
        params.append(query.status.value)
    elif not query.include_spiked:
        where.append(f"{status} != ?")
        params.append(Status.SPIKED.value)
    if query.category_id is not None:
        where.append(f"{category} = ?")
        params.append(query.category_id)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _list_parts(query: ArticleQuery) -> tuple[str, str, list[str | int]]:
    """`` FROM ... WHERE ...``, ``ORDER BY ...`` and the parameters of the library's list."""
    where, params = _where(query)
    column = _SORT.get(query.order_by, "a.updated_at")
    direction = "DESC" if query.descending else "ASC"
    join = " LEFT OUTER JOIN categories c ON c.id = a.category_id" if column == "c.name" else ""
    then = f"a.updated_at {direction}, " if column == "a.status" else ""  # as sort_key
    order = f"ORDER BY {column} {direction}, {then}a.id {direction}"  # as ArticleRepository
    return f" FROM articles a{join}{where}", order, params


def _list_sql(query: ArticleQuery) -> tuple[str, list[str | int]]:
    source, order, params = _list_parts(query)
    return f"SELECT a.id{source} {order}", params


def _utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


__all__ = ["QuickLibrary"]
