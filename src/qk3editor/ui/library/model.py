"""The article library as a windowed table model: a count and pages of rows (issue 14).

The model never holds every id of the store (100k-1M articles): it asks the source how many
rows the filters let through, and reads the page of ids and rows a view asks for (``CHUNK``
rows, ``LIMIT``/``OFFSET`` on the index the sort walks); at most ``MAX_PAGES`` pages stay in
memory. Sorting and filtering are done by the database (the model re-counts), not by a
QSortFilterProxyModel: a proxy would load every row to sort. Search results (a few thousand
ranked ids at most) are the one list held whole, kept within the filters by the database.

Reads happen on the GUI thread as before (the visible page, a few milliseconds on the
indexes of migration ``0006_library_sort``); writes never do (tests/thread_guard.py). The
count is a sum over the counts the database keeps (migration ``c14_library_counts``); a
filter without kept counts shows its first page and is counted on the io lane. A list of
``ANCHORS_FROM`` rows or more reads anchors on the io lane once it is still, and a deep page
starts from the nearest (keyset paging) instead of an ``OFFSET`` from the top.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)

from qk3editor.core.article_list import STATUS_LABELS, ArticleQuery, ArticleRow
from qk3editor.core.timezones import local_text

if TYPE_CHECKING:  # (the held mark's icon and text load with the first held row: holds.py
    # names Qt.*, which the first frame must not build; see ui/library/view.py)
    from PySide6.QtCore import Qt

    from qk3editor.core.leases import Lease

CHUNK = 100
MAX_PAGES = 128  # pages kept (12,800 rows): bounded memory over any store
ANCHORS_FROM = 20_000  # lists this long get anchors for deep jumps (read off the GUI thread)
ANCHORS_DELAY_MS = 300
COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("LibraryModel", "Title")),
    ("category", QT_TRANSLATE_NOOP("LibraryModel", "Category")),
    ("status", QT_TRANSLATE_NOOP("LibraryModel", "Status")),
    ("updated_at", QT_TRANSLATE_NOOP("LibraryModel", "Updated")),
    ("byline", QT_TRANSLATE_NOOP("LibraryModel", "Byline")),
    ("published", QT_TRANSLATE_NOOP("LibraryModel", "Published")),
)
# Qt.ItemDataRole values as ints: this module is on the first frame's path, which must not
# build PySide6's ``Qt`` namespace (ui/library/view.py); ``data`` gets the role as an int
DISPLAY_ROLE, DECORATION_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, USER_ROLE = 0, 1, 3, 9, 256
ID_ROLE = USER_ROLE + 1

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset((DISPLAY_ROLE, DECORATION_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, ID_ROLE))


class LibrarySource(Protocol):
    """What the model reads (:class:`~qk3editor.storage.library_pages.LibraryPages`, or the
    quick start-up reader :class:`~qk3editor.storage.quick.QuickLibrary`)."""

    def count_ids(self, query: ArticleQuery) -> int: ...
    def page_ids(self, query: ArticleQuery, offset: int, limit: int) -> list[str]: ...
    # optional (LibraryPages): anchors(query) -> {row: sort key}, and page_ids(..., after=)
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
        # keyset paging (issue 14): every ANCHOR_EVERY-th row's sort key, read off the GUI
        # thread after a refresh of a long list; a deep page starts from the nearest one
        self._runner: Any = None  # ui.tasks.TaskRunner
        self._anchors: list[tuple[int, Any]] = []  # (row, sort key), by row
        self._generation = 0  # refreshes so far: anchors read before the last are dropped
        self._count_exact = True  # False while a count is read on the io lane
        # asked once the list has been still for ANCHORS_DELAY_MS (a walk of the whole
        # index: not one per click while a person tries sorts and filters)
        self._anchor_timer = QTimer(self)
        self._anchor_timer.setSingleShot(True)
        self._anchor_timer.setInterval(ANCHORS_DELAY_MS)
        self._anchor_timer.timeout.connect(self._read_anchors)
        self.anchors_ready: Callable[[], None] | None = None  # tests, the scale benchmark
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

    def use_runner(self, runner: Any) -> None:
        """Read anchors for deep jumps on ``runner`` (a TaskRunner) from now on."""
        self._runner = runner
        self._ask_anchors()

    def refresh(self, recount: bool = True) -> None:
        """Read the list again (after a save, a filter change): its count, nothing else until
        a view asks for rows (and, for a long list, its anchors off the GUI thread)."""
        self.beginResetModel()
        self._pages.clear()
        self._cache.clear()
        self._desk.clear()
        self._anchors = []
        self._generation += 1
        if self._ranked is not None:
            self._ranked_in = self._source.filter_ids(self._query, self._ranked)
            self._count = len(self._ranked_in)
            self._count_exact = True
        elif recount or not self._count_exact:
            self._ranked_in = None
            self._count_first()
        self.endResetModel()
        self._ask_anchors()
        if not self._count_exact:
            self._count_later()

    def _count_first(self) -> None:
        """The count, or for a filter the database keeps no count of ("changed since
        publishing"), the first page's rows: the first rows never wait for a count; the
        exact one comes from the io lane and the rows after the first page are added then."""
        kept = getattr(self._source, "counts_kept", None)
        self._count_exact = self._runner is None or kept is None or kept(self._query)
        if self._count_exact:
            self._count = self._source.count_ids(self._query)
            return
        first = self._source.page_ids(self._query, 0, CHUNK)
        self._pages[0] = first
        self._count = len(first)
        self._count_exact = len(first) < CHUNK  # the whole list is on the first page

    def _count_later(self) -> None:
        query, generation, count_ids = self._query, self._generation, self._source.count_ids

        def done(n: int) -> None:
            if generation != self._generation or query != self._query:
                return  # a refresh since: it counts again
            self._count_exact = True
            if n > self._count:
                self.beginInsertRows(QModelIndex(), self._count, n - 1)
                self._count = n
                self.endInsertRows()

        self._runner.submit("io", lambda: count_ids(query), done, key=f"library-count-{id(self)}")

    def _ask_anchors(self) -> None:
        self._anchor_timer.stop()
        if (
            self._runner is not None
            and hasattr(self._source, "anchors")
            and self._ranked is None
            and self._count >= ANCHORS_FROM
        ):
            self._anchor_timer.start()

    def _read_anchors(self) -> None:
        query, generation = self._query, self._generation
        anchors = self._source.anchors  # type: ignore[attr-defined]

        def done(found: dict[int, Any]) -> None:
            if generation == self._generation and query == self._query:
                self._anchors = sorted(found.items())
                if self.anchors_ready is not None:
                    self.anchors_ready()

        # the newest refresh's answer only (key): a write refreshes again and asks again
        def read() -> dict[int, Any]:  # on the io lane; stops once a refresh came after it
            return anchors(query, stop=lambda: generation != self._generation)

        self._runner.submit("io", read, done, key=f"library-anchors-{id(self)}")

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
        elif (after := self._anchor_before(start)) is not None:
            page = self._source.page_ids(self._query, start, CHUNK, after=after)  # type: ignore[call-arg]
        else:
            page = self._source.page_ids(self._query, start, CHUNK)
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            _old, dropped = self._pages.popitem(last=False)
            for i in dropped:
                self._cache.pop(i, None)
        self._load(page)
        return page

    def _anchor_before(self, start: int) -> tuple[int, Any] | None:
        """The nearest anchor before row ``start``, when it spares reading rows."""
        i = bisect.bisect_left(self._anchors, start, key=lambda a: a[0]) - 1
        return self._anchors[i] if i >= 0 else None

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

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if role not in _ROLES or not index.isValid() or not (0 <= index.row() < self._count):
            return None  # (painting asks for a dozen roles a cell: the others end here)
        if role == ID_ROLE:
            return self.article_id(index.row())
        key = COLUMNS[index.column()][0]
        if role == FOREGROUND_ROLE:
            return self._desk_color(index.row()) if key == "status" else None
        if role == DECORATION_ROLE:
            if key != "title" or self.article_id(index.row()) not in self._held:
                return None
            from qk3editor.ui.library.holds import held_icon

            return held_icon()
        r = self._row(index.row())
        if r is None:
            return None
        if key == "title":
            title = r.title or QCoreApplication.translate("LibraryModel", "(untitled)")
            lease = self._held.get(r.id)
            if lease is not None and role == TOOLTIP_ROLE:
                from qk3editor.ui.library.holds import held_text

                return f"{title}\n✎ {held_text(lease)}"
            return title
        if key == "category":
            return r.category or ""
        if key == "status":
            label = QCoreApplication.translate("status", STATUS_LABELS[r.status])
            return desk_status_text(label, self._desk.get(r.id), role)
        if key == "updated_at":
            return local_text(r.updated_at, "%d/%m/%Y %H:%M")
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

    def header_labels(self) -> list[str]:
        """The column titles (the library's header shows them from a model of its own)."""
        return list(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and role == DISPLAY_ROLE:
            if 0 <= section < len(COLUMNS):
                return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        from PySide6.QtCore import Qt

        before = self._query
        self.set_order(column, order == Qt.SortOrder.DescendingOrder)
        if self._query != before:  # (the view's sorting, once enabled, asks for the same order)
            self.refresh(recount=False)  # the same rows in another order: the count stands

    def set_order(self, column: int, descending: bool) -> None:
        """The order of the next :meth:`refresh` (the first frame's, before the view sorts)."""
        if 0 <= column < len(COLUMNS):
            self._query = self._query._replace(order_by=COLUMNS[column][0], descending=descending)


def published_text(r: ArticleRow) -> str:
    """Where and when it went out, and whether it was edited since (issue 9)."""
    if r.published_at is None:
        return ""
    text = f"{r.published_target} · {local_text(r.published_at, '%d/%m/%Y %H:%M')}"
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
        if role == TOOLTIP_ROLE:
            who = m.author_name or m.author
            return f"{text} ({who}): {m.text}"
        return text
    sent = QCoreApplication.translate("LibraryModel", "sent to the desk")
    return f"{label} · {sent}"
