"""The library's list a window at a time (issue 14): a count, pages of ids, a row's position.

The library model never holds every id of a 100k-1M article store: it asks how many rows the
filters let through (:meth:`LibraryPages.count_ids`, an index count), reads the page of ids
the view shows (:meth:`LibraryPages.page_ids`, ``LIMIT``/``OFFSET`` on the index the sort
walks, migration ``0006_library_sort``), and finds where one article sits
(:meth:`LibraryPages.position`: counting the rows before it on the same index). Search
results (at most a few thousand ranked ids) are kept within the filters by
:meth:`LibraryPages.filter_ids`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, literal, select, tuple_

from qk3editor.core.articles import ArticleQuery, Status
from qk3editor.storage.articles_models import ArticleModel, CategoryModel
from qk3editor.storage.db import Store, first_column

SORT_COLUMNS: dict[str, Any] = {
    "title": ArticleModel.title,
    "category": CategoryModel.name,
    "status": ArticleModel.status,
    "updated_at": ArticleModel.updated_at,
    "created_at": ArticleModel.created_at,
    "byline": ArticleModel.byline,
}
PUBLIC = ("publish", "future")  # remote states a reader can see
IN_BATCH = 500  # ids in one IN (...) (SQLite's parameter limit is far above; PG plans it well)


def filtered(q: ArticleQuery, *, join_category: bool = False) -> Select[Any]:
    """``SELECT articles.id`` with the query's filters, no order."""
    stmt = select(ArticleModel.id)
    if join_category:  # the join only when its name orders the list
        stmt = stmt.outerjoin(CategoryModel)
    if q.status is not None:
        stmt = stmt.where(ArticleModel.status == q.status.value)
    elif not q.include_spiked:
        stmt = stmt.where(ArticleModel.status != Status.SPIKED.value)
    if q.category_id is not None:
        stmt = stmt.where(ArticleModel.category_id == q.category_id)
    if q.changed_since_published:
        stmt = stmt.where(changed_since_published())
    return stmt


def changed_since_published() -> Any:
    """Published (publicly, on some target) and edited since the newest such publish."""
    from qk3editor.storage.publication_models import ArticlePublicationModel as P

    newest = (
        select(func.max(P.article_version))
        .where(P.article_id == ArticleModel.id, P.remote_status.in_(PUBLIC))
        .scalar_subquery()
    )
    return ArticleModel.version > newest


def ordered(q: ArticleQuery) -> Select[Any]:
    """The library's statement: filtered, ordered by the sort column, the id breaking ties in
    the same direction (so a descending sort is the index read backwards)."""
    column = SORT_COLUMNS.get(q.order_by, ArticleModel.updated_at)
    order = column.desc() if q.descending else column.asc()
    tie = ArticleModel.id.desc() if q.descending else ArticleModel.id.asc()
    return filtered(q, join_category=q.order_by == "category").order_by(order, tie)


class LibraryPages:
    """Windowed reads of the library's list (what :class:`~qk3editor.ui.library.model.
    LibraryModel` reads); ``rows`` is :meth:`ArticleRepository.rows`."""

    def __init__(self, store: Store, rows: Any) -> None:
        self._store = store
        self.rows: Any = rows  # (ids) -> list[ArticleRow]

    def count_ids(self, query: ArticleQuery) -> int:
        """How many articles the filters let through (an index count, no join)."""
        stmt = select(func.count()).select_from(filtered(query).subquery())
        with self._store.read() as s:
            return int(s.scalar(stmt) or 0)

    def page_ids(self, query: ArticleQuery, offset: int, limit: int) -> list[str]:
        """``limit`` ids from row ``offset`` of the list, in its order."""
        stmt = ordered(query).offset(max(offset, 0)).limit(limit)
        with self._store.read() as s:
            return first_column(s, stmt)

    def position(self, query: ArticleQuery, article_id: str) -> int:
        """The row of ``article_id`` in the list, -1 when the filters leave it out.

        The rows before it are counted on the sort's index; the category sort (a joined,
        nullable name whose NULLs the backends place differently) asks the database to number
        the rows instead."""
        with self._store.read() as s:
            if query.order_by == "category" or query.order_by not in SORT_COLUMNS:
                number = func.row_number().over(order_by=ordered(query)._order_by_clauses)
                sub = (
                    filtered(query, join_category=query.order_by == "category")
                    .add_columns(number.label("n"))
                    .subquery()
                )
                found = s.scalar(select(sub.c.n).where(sub.c.id == article_id))
                return int(found) - 1 if found is not None else -1
            column = SORT_COLUMNS[query.order_by]
            value = s.execute(
                filtered(query).add_columns(column).where(ArticleModel.id == article_id)
            ).first()
            if value is None:
                return -1
            key = tuple_(column, ArticleModel.id)
            mark = tuple_(literal(value[1], column.type), literal(article_id, ArticleModel.id.type))
            before = key > mark if query.descending else key < mark
            stmt = select(func.count()).select_from(filtered(query).where(before).subquery())
            return int(s.scalar(stmt) or 0)

    def filter_ids(self, query: ArticleQuery, ids: Sequence[str]) -> list[str]:
        """Those of ``ids`` the filters let through, in the order of ``ids``."""
        keep: set[str] = set()
        ids = list(ids)
        with self._store.read() as s:
            for start in range(0, len(ids), IN_BATCH):
                part = ids[start : start + IN_BATCH]
                keep.update(s.scalars(filtered(query).where(ArticleModel.id.in_(part))))
        return [i for i in ids if i in keep]
