"""The article library as a table model over ids with a lazy row cache.

Only the ids of the current query are held (10,000 ids are a few hundred kilobytes); rows are
fetched from the store in chunks as the view asks for them. Sorting and filtering are done by
the database (the model re-queries its ids), not by a QSortFilterProxyModel: a proxy would have
to load every row to sort, which is what the lazy cache exists to avoid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from qk3editor.core.articles import STATUS_LABELS, ArticleQuery, ArticleRow
from qk3editor.core.timezones import to_local

CHUNK = 200
COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("LibraryModel", "Title")),
    ("category", QT_TRANSLATE_NOOP("LibraryModel", "Category")),
    ("status", QT_TRANSLATE_NOOP("LibraryModel", "Status")),
    ("updated_at", QT_TRANSLATE_NOOP("LibraryModel", "Updated")),
    ("byline", QT_TRANSLATE_NOOP("LibraryModel", "Byline")),
    ("published", QT_TRANSLATE_NOOP("LibraryModel", "Published")),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Rows of :class:`ArticleRow` for the ids of an :class:`ArticleQuery`."""

    def __init__(
        self,
        list_ids: Callable[[ArticleQuery], list[str]],
        load_rows: Callable[[Sequence[str]], list[ArticleRow]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._list_ids = list_ids
        self._load_rows = load_rows
        self._query = ArticleQuery()
        self._ids: list[str] = []
        self._cache: dict[str, ArticleRow] = {}
        self._id_filter: Callable[[list[str]], list[str]] | None = None
        self._headers = [
            QCoreApplication.translate("LibraryModel", label) for _key, label in COLUMNS
        ]
        self.loads = 0  # chunks fetched (tests check that scrolling stays lazy)
        # the newsroom desk's newest message of each article (issue 16): returned, sent
        self._desk_marks: Callable[[Sequence[str]], dict[str, Any]] | None = None
        self._desk: dict[str, Any] = {}

    # -- data ------------------------------------------------------------------------------
    @property
    def query(self) -> ArticleQuery:
        return self._query

    def set_query(self, query: ArticleQuery) -> None:
        self._query = query
        self.refresh()

    def set_source(
        self,
        list_ids: Callable[[ArticleQuery], list[str]],
        load_rows: Callable[[Sequence[str]], list[ArticleRow]],
    ) -> None:
        """Read from another source from now on (the full store after the quick start-up one)."""
        self._list_ids = list_ids
        self._load_rows = load_rows
        self.refresh()

    def set_desk_marks(self, marks: Callable[[Sequence[str]], dict[str, Any]] | None) -> None:
        """``marks(ids)``: the desk's newest message of each of those articles (a
        ``DeskMessage``); the status column shows "returned" with the desk's comment."""
        self._desk_marks = marks
        self.refresh()

    def set_ids(self, ids: list[str]) -> None:
        """Show exactly ``ids`` (e.g. search results), in that order."""
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self._desk.clear()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_ids(self._query_ids())

    def set_id_filter(self, id_filter: Callable[[list[str]], list[str]] | None) -> None:
        """``id_filter(ids)`` picks (and orders) the rows among what the filters' query finds,
        through every refresh (the search box's results, issue 3); None shows them all."""
        self._id_filter = id_filter
        self.refresh()

    @property
    def id_filter_active(self) -> bool:
        return self._id_filter is not None

    def _query_ids(self) -> list[str]:
        ids = self._list_ids(self._query)
        return self._id_filter(ids) if self._id_filter is not None else ids

    def invalidate(self, article_id: str) -> None:
        """Drop one cached row (after a save) and tell the views."""
        self._cache.pop(article_id, None)
        self._desk.pop(article_id, None)
        try:
            row = self._ids.index(article_id)
        except ValueError:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_for(self, article_id: str) -> ArticleRow | None:
        """The row of ``article_id`` if the model lists it (read through the cache)."""
        row = self.row_of(article_id)
        return self._row(row) if row >= 0 else None

    def article_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: str) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        return list(self._ids)

    def _row(self, row: int) -> ArticleRow | None:
        article_id = self._ids[row]
        cached = self._cache.get(article_id)
        if cached is not None:
            return cached
        start = row - row % CHUNK
        chunk = [i for i in self._ids[start : start + CHUNK] if i not in self._cache]
        self.loads += 1
        for r in self._load_rows(chunk):
            self._cache[r.id] = r
        if self._desk_marks is not None and chunk:
            marks = self._desk_marks(chunk)
            for i in chunk:
                self._desk[i] = marks.get(i)
        return self._cache.get(article_id)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return self._desk_color(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._row(index.row())
        if r is None:
            return None
        if key == "title":
            return r.title or QCoreApplication.translate("LibraryModel", "(untitled)")
        if key == "category":
            return r.category or ""
        if key == "status":
            label = QCoreApplication.translate("status", STATUS_LABELS[r.status])
            return desk_status_text(label, self._desk.get(r.id), role)
        if key == "updated_at":
            return to_local(r.updated_at).strftime("%d/%m/%Y %H:%M")
        if key == "published":
            return published_text(r)
        return r.byline

    def _desk_color(self, row: int) -> Any:
        if self._row(row) is None:
            return None
        m = self._desk.get(self._ids[row])
        if m is not None and getattr(m, "returned", False):
            from PySide6.QtGui import QColor

            return QColor("#a05a00")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.beginResetModel()
        self._query = replace(
            self._query,
            order_by=COLUMNS[column][0],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self._ids = self._query_ids()
        self._cache.clear()
        self.endResetModel()


def published_text(r: ArticleRow) -> str:
    """Where and when it went out, and whether it was edited since (issue 9)."""
    if r.published_at is None:
        return ""
    text = f"{r.published_target} · {to_local(r.published_at):%d/%m/%Y %H:%M}"
    if r.changed_since_published:
        changed = QCoreApplication.translate("LibraryModel", "changed since publishing")
        text = f"✎ {changed} ({text})"
    return text


def desk_status_text(label: str, m: Any, role: int) -> str:
    """The status as the library shows it with the desk's newest message (issue 16):
    "↩ Returned by the desk" (tooltip: the comment), or "sent to the desk"."""
    if m is None:
        return label
    if getattr(m, "returned", False):
        text = "↩ " + QCoreApplication.translate("LibraryModel", "Returned by the desk")
        if role == Qt.ItemDataRole.ToolTipRole:
            who = m.author_name or m.author
            return f"{text} ({who}): {m.text}"
        return text
    sent = QCoreApplication.translate("LibraryModel", "sent to the desk")
    return f"{label} · {sent}"
