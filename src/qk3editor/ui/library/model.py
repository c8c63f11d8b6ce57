"""The article library as a windowed table model: a count and pages of rows (issue 14).

The model never holds every id of the store (100k-1M articles): it asks the source how many
rows the filters let through, and reads the page of ids and rows a view asks for (``CHUNK``
rows, ``LIMIT``/``OFFSET`` on the index the sort walks); at most ``MAX_PAGES`` pages stay in
memory. Sorting and filtering are done by the database (the model re-counts), not by a
QSortFilterProxyModel: a proxy would load every row to sort. Search results (a few thousand
ranked ids at most) are the one list held whole, kept within the filters by the database.

Reads happen on the GUI thread as before (the visible page, a few milliseconds on the
indexes of migration ``0006_library_sort``); writes never do (tests/thread_guard.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from qk3editor.core.articles import STATUS_LABELS, ArticleQuery, ArticleRow
from qk3editor.core.leases import Lease
from qk3editor.core.timezones import to_local
from qk3editor.ui.library.holds import held_icon, held_text

CHUNK = 100
MAX_PAGES = 128  # pages kept (12,800 rows): bounded memory over any store
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


class LibrarySource(Protocol):
    """What the model reads (:class:`~qk3editor.storage.library_pages.LibraryPages`, or the
    quick start-up reader :class:`~qk3editor.storage.quick.QuickLibrary`)."""

    def count_ids(self, query: ArticleQuery) -> int: ...
    def page_ids(self, query: ArticleQuery, offset: int, limit: int) -> list[str]: ...
    def position(self, query: ArticleQuery, article_id: str) -> int: ...
    def filter_ids(self, query: ArticleQuery, ids: Sequence[str]) -> list[str]: ...
    def rows(self, ids: Sequence[str]) -> list[ArticleRow]: ...


class LibraryModel(QAbstractTableModel):
    """Rows of :class:`ArticleRow` for an :class:`ArticleQuery`, a page at a time."""

    rows_read = Signal(list)  # ids whose rows were just read (the holds follow: holds.py)

    def __init__(self, source: LibrarySource, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._query = ArticleQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[str]] = OrderedDict()  # least recently used first
        self._cache: dict[str, ArticleRow] = {}
        self._ranked: list[str] | None = None  # search results, in order of relevance
        self._ranked_in: list[str] | None = None  # ... those the filters let through
        self._headers = [
            QCoreApplication.translate("LibraryModel", label) for _key, label in COLUMNS
        ]
        self.loads = 0  # pages fetched (tests check that scrolling stays lazy)
        # the newsroom desk's newest message of each article (issue 16): returned, sent
        self._desk_marks: Callable[[Sequence[str]], dict[str, Any]] | None = None
        self._desk: dict[str, Any] = {}
        # who else is editing an article (issue 16; ui/library/holds.py reads them off the
        # GUI thread for the rows read): only held ids, so as many as running leases
        self._held: dict[str, Lease] = {}

    # -- data ------------------------------------------------------------------------------
    @property
    def query(self) -> ArticleQuery:
        return self._query

    def set_query(self, query: ArticleQuery) -> None:
        self._query = query
        self.refresh()

    def set_source(self, source: LibrarySource) -> None:
        """Read from another source from now on (the full store after the quick start-up one)."""
        self._source = source
        self.refresh()

    def set_desk_marks(self, marks: Callable[[Sequence[str]], dict[str, Any]] | None) -> None:
        """``marks(ids)``: the desk's newest message of each of those articles (a
        ``DeskMessage``); the status column shows "returned" with the desk's comment."""
        self._desk_marks = marks
        self.refresh()

    def refresh(self, recount: bool = True) -> None:
        """Read the list again (after a save, a filter change): its count, nothing else until
        a view asks for rows."""
        self.beginResetModel()
        self._pages.clear()
        self._cache.clear()
        self._desk.clear()
        if self._ranked is not None:
            self._ranked_in = self._source.filter_ids(self._query, self._ranked)
            self._count = len(self._ranked_in)
        elif recount:
            self._ranked_in = None
            self._count = self._source.count_ids(self._query)
        self.endResetModel()

    def set_ranked(self, ids: list[str] | None) -> None:
        """Show the search results ``ids`` in that order, those the status/category filters let
        through, through every refresh (the search box, issue 3); None shows the whole list."""
        self._ranked = list(ids) if ids is not None else None
        self.refresh()

    @property
    def ranked_active(self) -> bool:
        return self._ranked is not None

    def invalidate(self, article_id: str) -> None:
        """Drop one cached row (after a save) and tell the views if they may show it."""
        self._cache.pop(article_id, None)
        self._desk.pop(article_id, None)
        row = self.loaded_row(article_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_for(self, article_id: str) -> ArticleRow | None:
        """The row of ``article_id`` if the model lists it (read through the cache)."""
        row = self.row_of(article_id)
        return self._row(row) if row >= 0 else None

    def article_id(self, row: int) -> str | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // CHUNK)
        offset = row % CHUNK
        return page[offset] if offset < len(page) else None

    def row_of(self, article_id: str) -> int:
        """The row of ``article_id``; -1 when the list leaves it out (the loaded pages first,
        else the database counts the rows before it: the store as it is now, so after a
        change, :meth:`refresh` first)."""
        row = self.loaded_row(article_id)
        if row >= 0:
            return row
        if self._ranked_in is not None:
            try:
                return self._ranked_in.index(article_id)
            except ValueError:
                return -1
        row = self._source.position(self._query, article_id)
        return row if row < self._count else -1

    def ids(self) -> list[str]:
        """Every id of the list, in order: reads the whole list (tests, small lists only)."""
        return [i for row in range(self._count) if (i := self.article_id(row)) is not None]

    def loaded_row(self, article_id: str) -> int:
        """The row of ``article_id`` on a page read since the last refresh, else -1."""
        for number, page in self._pages.items():
            if article_id in page:
                return number * CHUNK + page.index(article_id)
        return -1

    def _page(self, number: int) -> list[str]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * CHUNK
        if self._ranked_in is not None:
            page = self._ranked_in[start : start + CHUNK]
        else:
            page = self._source.page_ids(self._query, start, CHUNK)
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            _old, dropped = self._pages.popitem(last=False)
            for i in dropped:
                self._cache.pop(i, None)
        self._load(page)
        return page

    def _load(self, ids: list[str]) -> None:
        missing = [i for i in ids if i not in self._cache]
        if missing:
            self.loads += 1
            for r in self._source.rows(missing):
                self._cache[r.id] = r
            if self._desk_marks is not None:
                marks = self._desk_marks(missing)
                for i in missing:
                    self._desk[i] = marks.get(i)
            self.rows_read.emit(missing)

    def _row(self, row: int) -> ArticleRow | None:
        article_id = self.article_id(row)
        if article_id is None:
            return None
        cached = self._cache.get(article_id)
        if cached is None:  # invalidated after a save: its page is read again
            self._load(self._page(row // CHUNK))
            cached = self._cache.get(article_id)
        return cached

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        if role == ID_ROLE:
            return self.article_id(index.row())
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return self._desk_color(index.row())
        if key == "title" and role == Qt.ItemDataRole.DecorationRole:
            return held_icon() if self.article_id(index.row()) in self._held else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._row(index.row())
        if r is None:
            return None
        if key == "title":
            title = r.title or QCoreApplication.translate("LibraryModel", "(untitled)")
            lease = self._held.get(r.id)
            if lease is not None and role == Qt.ItemDataRole.ToolTipRole:
                return f"{title}\n✎ {held_text(lease)}"
            return title
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

    def set_holders(self, ids: Sequence[str], found: Mapping[str, Lease]) -> None:
        """``found``: the running leases (of others) among ``ids``; the rows whose mark
        changed are repainted."""
        for i in ids:
            lease = found.get(i)
            if lease == self._held.get(i):
                continue
            if lease is None:
                del self._held[i]
            else:
                self._held[i] = lease
            row = self.loaded_row(i)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def holder(self, article_id: str) -> Lease | None:
        """Who else is editing ``article_id`` (as last read), None when nobody."""
        return self._held.get(article_id)

    def held_ids(self) -> list[str]:
        return list(self._held)

    def loaded_ids(self) -> list[str]:
        """The ids on the pages read since the last refresh."""
        return [i for page in self._pages.values() for i in page]

    def _desk_color(self, row: int) -> Any:
        r = self._row(row)
        if r is None:
            return None
        m = self._desk.get(r.id)
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
        self._query = replace(
            self._query,
            order_by=COLUMNS[column][0],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.refresh(recount=False)  # the same rows in another order: the count stands


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
