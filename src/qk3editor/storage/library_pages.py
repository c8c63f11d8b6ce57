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

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, func, literal, select, tuple_, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from qk3editor.core.article_list import PUBLIC_REMOTE_STATUSES
from qk3editor.core.articles import ArticleQuery, Status
from qk3editor.storage.articles_models import ArticleModel, CategoryModel, LibraryCountModel
from qk3editor.storage.db import Store, first_column

SORT_COLUMNS: dict[str, Any] = {
    "title": ArticleModel.title,
    "category": CategoryModel.name,
    "status": ArticleModel.status,
    "updated_at": ArticleModel.updated_at,
    "created_at": ArticleModel.created_at,
    "byline": ArticleModel.byline,
}
Key = tuple[Any, ...]  # a row's sort key: its values of sort_key(query)
Anchor = tuple[int, Key]  # a row of the list and its sort key
ANCHOR_EVERY = 2_000  # rows between two anchors: a deep jump reads at most this many
IN_BATCH = 500  # ids in one IN (...) (SQLite's parameter limit is far above; PG plans it well)


def filtered(q: ArticleQuery, *, join_category: bool = False) -> Select[Any]:
    """``SELECT articles.id`` with the query's filters, no order."""
    stmt = select(ArticleModel.id)
    if join_category:  # the join only when its name orders the list
        stmt = stmt.outerjoin(CategoryModel)
    stmt = _status_filter(stmt, q, ArticleModel.status)
    if q.category_id is not None:
        stmt = stmt.where(ArticleModel.category_id == q.category_id)
    if q.changed_since_published:
        newest = newest_public_versions()
        stmt = stmt.join(newest, newest.c.article_id == ArticleModel.id).where(
            ArticleModel.version > newest.c.version
        )
    return stmt


def _status_filter(stmt: Select[Any], q: ArticleQuery, column: Any) -> Select[Any]:
    """``stmt`` within the query's status filter on ``column`` (the articles' or the kept
    counts' status)."""
    if q.status is not None:
        return stmt.where(column == q.status.value)
    if not q.include_spiked:
        return stmt.where(column != Status.SPIKED.value)
    return stmt


def newest_public_versions() -> Any:
    """Each publicly published article's newest version sent (any target): the filter
    "changed since publishing" joins it, so its cost follows the publications, not the
    articles (a correlated subquery a row cost 240 ms at 100k articles)."""
    from qk3editor.storage.publication_models import ArticlePublicationModel as P

    return (
        select(P.article_id, func.max(P.article_version).label("version"))
        .where(P.remote_status.in_(PUBLIC_REMOTE_STATUSES))
        .group_by(P.article_id)
        .subquery()
    )


def sort_key(q: ArticleQuery) -> list[Any]:
    """The columns the list is ordered by, the id last (it breaks ties): the status sort
    orders each status by time (index ``ix_articles_status_updated`` walks it, no sort)."""
    column = SORT_COLUMNS.get(q.order_by, ArticleModel.updated_at)
    if q.order_by == "status":
        return [column, ArticleModel.updated_at, ArticleModel.id]
    return [column, ArticleModel.id]


def ordered(q: ArticleQuery) -> Select[Any]:
    """The library's statement: filtered, ordered by the sort key, every column in the same
    direction (so a descending sort is the index read backwards). Articles without a
    category come first going up and last going down, on every backend."""
    order = [c.desc() if q.descending else c.asc() for c in sort_key(q)]
    if q.order_by == "category":
        order[0] = order[0].nulls_last() if q.descending else order[0].nulls_first()
    return filtered(q, join_category=q.order_by == "category").order_by(*order)


def _after(q: ArticleQuery, values: Sequence[Any], before: bool = False) -> Any:
    """The rows after (``before``: before) the one whose sort key is ``values``, as a range
    on the sort's index (not for the category sort)."""
    key = tuple_(*sort_key(q))
    mark = tuple_(*(literal(v, NullType()) for v in values))
    return key < mark if q.descending != before else key > mark


def _raw(columns: list[Any]) -> list[Any]:
    """``columns`` read as the driver returns them: a sort key is bound back as it is
    stored (a time read as a datetime would be bound with an offset SQLite's text lacks)."""
    return [type_coerce(c, NullType()).label(c.key) for c in columns]


class LibraryPages:
    """Windowed reads of the library's list (what :class:`~qk3editor.ui.library.model.
    LibraryModel` reads); ``rows`` is :meth:`ArticleRepository.rows`."""

    def __init__(self, store: Store, rows: Any) -> None:
        self._store = store
        self.rows: Any = rows  # (ids) -> list[ArticleRow]

    def count_ids(self, query: ArticleQuery) -> int:
        """How many articles the filters let through: a sum over the counts the database
        keeps per (status, category) (migration ``c14_library_counts``: the same cost at 1k
        and 1M articles); "changed since publishing" is counted (a join on the
        publications: the model asks for it off the GUI thread, :meth:`counts_kept`)."""
        with self._store.read() as s:
            return _count(s, query)

    def counts_kept(self, query: ArticleQuery) -> bool:
        """Whether :meth:`count_ids` is a sum of the kept counts (else a count of the rows,
        which the model reads off the GUI thread)."""
        return not query.changed_since_published

    def page_ids(
        self, query: ArticleQuery, offset: int, limit: int, after: Anchor | None = None
    ) -> list[str]:
        """``limit`` ids from row ``offset`` of the list, in its order. ``after``: a row
        before ``offset`` and its sort key (:meth:`anchors`): the index is entered at that key
        and only the rows between are skipped (keyset paging), not the ``offset`` before."""
        offset = max(offset, 0)
        with self._store.read() as s:
            if query.order_by != "category":
                stmt = ordered(query)
                if after is not None and 0 <= after[0] < offset:
                    stmt = stmt.where(_after(query, after[1]))
                    offset -= after[0] + 1
                return first_column(s, stmt.offset(offset).limit(limit))
            # the category sort a category at a time: each walks the category's index in id
            # order, the ones before the window only counted (no sort of the whole list)
            out: list[str] = []
            for group in _category_groups(s, query.descending):
                part = _in_group(filtered(query), group)
                if offset > 0:  # the groups before the window are only counted
                    n = _count(s, query, group)
                    if offset >= n:
                        offset -= n
                        continue
                tie = ArticleModel.id.desc() if query.descending else ArticleModel.id.asc()
                page = part.order_by(tie).offset(offset).limit(limit - len(out))
                out += first_column(s, page)
                offset = 0
                if len(out) >= limit:
                    break
            return out

    def anchors(
        self,
        query: ArticleQuery,
        every: int = ANCHOR_EVERY,
        stop: Callable[[], bool] | None = None,
    ) -> dict[int, Key]:
        """Every ``every``-th row of the list and its sort key, from one walk of the sort's
        index (a step of ``every`` rows from the last key found, ``LIMIT 1 OFFSET every-1``:
        about twice one OFFSET to the end; a row_number() window over the list cost 4-5
        times as much on SQLite at 1M). The model asks for it off the GUI thread. With them a jump
        deep into the list reads at most ``every`` rows (:meth:`page_ids` ``after``). None
        for the category sort (its groups are skipped by their kept counts) and "changed
        since publishing". ``stop()`` true: the walk ends early (the list changed since)."""
        if query.order_by == "category" or query.changed_since_published:
            return {}
        found: dict[int, Key] = {}
        step = ordered(query).with_only_columns(*_raw(sort_key(query))).limit(1)
        row = -1
        with self._store.read() as s:
            while True:
                stmt = step if row < 0 else step.where(_after(query, found[row]))
                result: Any = s.execute(stmt.offset(every - 1)).first()
                if result is None or (stop is not None and stop()):
                    return found
                row += every
                found[row] = tuple(result)

    def position(self, query: ArticleQuery, article_id: str) -> int:
        """The row of ``article_id`` in the list, -1 when the filters leave it out.

        The rows before it are counted on the sort's index (for the category sort: the rows
        of the categories before its own, and those before it in its own)."""
        with self._store.read() as s:
            if query.order_by == "category":
                return _category_position(s, query, article_id)
            columns = sort_key(query)
            value = s.execute(
                filtered(query)
                .with_only_columns(*_raw(columns))
                .where(ArticleModel.id == article_id)
            ).first()
            if value is None:
                return -1
            before = _after(query, tuple(value), before=True)
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


def _count(s: Session, query: ArticleQuery, group: list[int | None] | None = None) -> int:
    """The rows ``query`` lets through (within the categories ``group`` if given)."""
    if query.changed_since_published:
        part = filtered(query) if group is None else _in_group(filtered(query), group)
        return int(s.scalar(select(func.count()).select_from(part.subquery())) or 0)
    c = LibraryCountModel
    stmt = select(func.coalesce(func.sum(c.n), 0))
    stmt = _status_filter(stmt, query, c.status)
    keys = [query.category_id] if query.category_id is not None else None
    if group is not None:
        wanted = [k or 0 for k in group]
        keys = wanted if keys is None else [k for k in keys if k in wanted]
    if keys is not None:
        stmt = stmt.where(c.category_key.in_(keys))
    return int(s.scalar(stmt) or 0)


def _category_groups(s: Session, descending: bool) -> list[list[int | None]]:
    """The category sort's order: ids of categories by name (equal names together), the
    articles without one (``None``) first going up and last going down, as :func:`ordered`."""
    order = CategoryModel.name.desc() if descending else CategoryModel.name.asc()
    groups: list[list[int | None]] = []
    last: object = object()
    for category_id, name in s.execute(
        select(CategoryModel.id, CategoryModel.name).order_by(order, CategoryModel.id)
    ):
        if name == last:
            groups[-1].append(category_id)
        else:
            groups.append([category_id])
            last = name
    return [*groups, [None]] if descending else [[None], *groups]


def _in_group(stmt: Select[Any], group: list[int | None]) -> Select[Any]:
    if group == [None]:
        return stmt.where(ArticleModel.category_id.is_(None))
    return stmt.where(ArticleModel.category_id.in_(group))


def _category_position(s: Session, query: ArticleQuery, article_id: str) -> int:
    found = s.execute(
        filtered(query).add_columns(ArticleModel.category_id).where(ArticleModel.id == article_id)
    ).first()
    if found is None:
        return -1
    before = 0
    for group in _category_groups(s, query.descending):
        if found[1] not in group:
            before += _count(s, query, group)
            continue
        earlier = ArticleModel.id > article_id if query.descending else ArticleModel.id < article_id
        part = _in_group(filtered(query), group).where(earlier)
        return before + int(s.scalar(select(func.count()).select_from(part.subquery())) or 0)
    return -1
