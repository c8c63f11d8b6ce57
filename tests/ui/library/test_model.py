from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from qk3editor.core.articles import ArticleFields, ArticleRow, Status
from qk3editor.storage.articles_repository import ArticleQuery, ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.ui.library import model as library_model
from qk3editor.ui.library.model import CHUNK, ID_ROLE, LibraryModel


@pytest.fixture
def articles(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield ArticleRepository(store)
    store.close()


def test_model_passes_the_qt_model_tester(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    for i in range(30):
        articles.create(ArticleFields(title=f"Bài {i:02d}", byline="Đức Việt"))
    model = LibraryModel(articles.pages())
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Bài 00"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Bài 29"
    model.set_query(ArticleQuery(status=Status.SPIKED))
    assert model.rowCount() == 0


def test_rows_load_lazily_in_chunks(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    for i in range(CHUNK * 3):
        articles.create(ArticleFields(title=f"Bài {i}"))
    model = LibraryModel(articles.pages())
    model.refresh()
    assert model.rowCount() == CHUNK * 3
    assert model.loads == 0  # ids only until a row is shown
    model.index(0, 0).data()
    model.index(5, 2).data()
    assert model.loads == 1
    model.index(CHUNK * 3 - 1, 0).data()
    assert model.loads == 2
    assert model.index(1, 0).data(ID_ROLE) == model.article_id(1)


def test_saved_row_is_refreshed(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    a = articles.create(ArticleFields(title="Cũ"))
    model = LibraryModel(articles.pages())
    model.refresh()
    assert model.index(0, 0).data() == "Cũ"
    articles.update(a.id, ArticleFields(title="Mới"))
    with qtbot.waitSignal(model.dataChanged):
        model.invalidate(a.id)
    assert model.index(0, 0).data() == "Mới"


class Counting:
    """The store's pages, counting what the model asks for."""

    def __init__(self, articles: ArticleRepository) -> None:
        self.pages = articles.pages()
        self.offsets: list[int] = []
        self.positions = 0

    def count_ids(self, query: ArticleQuery) -> int:
        return self.pages.count_ids(query)

    def page_ids(self, query: ArticleQuery, offset: int, limit: int) -> list[str]:
        self.offsets.append(offset)
        return self.pages.page_ids(query, offset, limit)

    def position(self, query: ArticleQuery, article_id: str) -> int:
        self.positions += 1
        return self.pages.position(query, article_id)

    def filter_ids(self, query: ArticleQuery, ids: list[str]) -> list[str]:
        return self.pages.filter_ids(query, ids)

    def rows(self, ids: list[str]) -> list[ArticleRow]:
        return self.pages.rows(ids)


def test_model_reads_only_the_pages_shown(qtbot, articles, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(library_model, "MAX_PAGES", 2)
    made = [articles.create(ArticleFields(title=f"Bài {i}")) for i in range(CHUNK * 3 + 5)]
    source = Counting(articles)
    model = LibraryModel(source)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.refresh()
    assert model.rowCount() == CHUNK * 3 + 5
    source.offsets.clear()
    assert model.index(CHUNK * 3 + 4, 0).data() == "Bài 0"  # newest first: the oldest last
    assert model.index(0, 0).data() == made[-1].title
    assert source.offsets == [CHUNK * 3, 0]  # two windows, not the whole list
    model.index(CHUNK, 0).data()  # a third page: the least recently read one is dropped
    model.index(0, 0).data()
    assert source.offsets == [CHUNK * 3, 0, CHUNK]  # the first page was kept (read last)
    before = len(source.offsets)
    model.index(CHUNK * 3, 0).data()  # dropped earlier: read again
    assert len(source.offsets) == before + 1
    # where an article sits, without reading its page: the database counts the rows before it
    target = made[CHUNK + 10]
    model.refresh()
    source.offsets.clear()
    assert model.row_of(target.id) == CHUNK * 3 + 5 - 1 - (CHUNK + 10)
    assert source.offsets == [] and source.positions == 1
    assert model.row_for(target.id) == articles.rows([target.id])[0]


def test_a_new_article_is_found_and_selected_after_the_refresh(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    for i in range(CHUNK + 3):
        articles.create(ArticleFields(title=f"Bài {i:03d}"))
    model = LibraryModel(articles.pages())
    model.set_query(ArticleQuery(order_by="title", descending=False))
    new = articles.create(ArticleFields(title=f"Bài {CHUNK // 2:03d}b"))  # on the first page
    assert model.loaded_row(new.id) == -1  # not on a page read before the refresh
    model.refresh()
    assert model.row_of(new.id) == CHUNK // 2 + 1
    assert model.index(CHUNK // 2 + 1, 0).data() == f"Bài {CHUNK // 2:03d}b"
    articles.spike(new.id)
    model.refresh()
    assert model.row_of(new.id) == -1


def test_search_results_stay_ranked_within_the_filters(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    a, b, c = (articles.create(ArticleFields(title=t)) for t in ("A", "B", "C"))
    articles.spike(b.id)
    model = LibraryModel(articles.pages())
    model.refresh()
    model.set_ranked([c.id, b.id, a.id])
    assert model.ids() == [c.id, a.id]  # relevance order; the spiked one left out
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.ids() == [c.id, a.id]  # a sort keeps the ranking while searching
    model.set_query(ArticleQuery(status=Status.SPIKED))
    assert model.ids() == [b.id]
    model.set_ranked(None)
    model.set_query(ArticleQuery())
    assert model.ids() == [c.id, a.id]  # newest first again


class Anchored(Counting):
    """:class:`Counting` with keyset paging: anchors every 30 rows, the pages read after one."""

    def __init__(self, articles: ArticleRepository) -> None:
        super().__init__(articles)
        self.afters: list[int | None] = []
        self.anchor_queries: list[ArticleQuery] = []

    def anchors(self, query: ArticleQuery, stop=None) -> dict[int, object]:  # type: ignore[no-untyped-def]
        self.anchor_queries.append(query)
        assert stop is not None and not stop()  # the model's list has not changed since
        return self.pages.anchors(query, every=30, stop=stop)

    def page_ids(self, query: ArticleQuery, offset: int, limit: int, after=None) -> list[str]:  # type: ignore[no-untyped-def]
        self.offsets.append(offset)
        self.afters.append(None if after is None else after[0])
        return self.pages.page_ids(query, offset, limit, after=after)


def test_deep_pages_start_from_the_nearest_anchor(qtbot, articles, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long list's anchors are read off the GUI thread after each refresh; a page deep in
    the list then starts from the anchor before it (the rows between skipped), and reads
    the same rows as the whole list has there, in every sort."""
    from qk3editor.ui.tasks import TaskRunner

    monkeypatch.setattr(library_model, "ANCHORS_FROM", 100)
    for i in range(250):
        articles.create(ArticleFields(title=f"Bài {i % 40:02d}", byline=f"Tác giả {i % 7}"))
    source = Anchored(articles)
    runner = TaskRunner(io_threads=1)
    model = LibraryModel(source)
    ready: list[int] = []
    model.anchors_ready = lambda: ready.append(1)
    model.refresh()
    model.use_runner(runner)
    try:
        for column, key in ((0, "title"), (2, "status"), (3, "updated_at"), (4, "byline")):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                ready.clear()
                model.sort(column, order)
                qtbot.waitUntil(lambda: bool(ready))
                assert source.anchor_queries[-1] == model.query and model.query.order_by == key
                source.afters.clear()
                source.offsets.clear()
                assert model.index(230, 0).data(ID_ROLE) == articles.list_ids(model.query)[230]
                assert source.offsets == [200] and source.afters == [179]  # 20 rows skipped
                assert model.ids() == articles.list_ids(model.query)
        model.set_query(ArticleQuery(status=Status.SPIKED))  # short: no anchors asked
        asked = len(source.anchor_queries)
        model.refresh()
        assert len(source.anchor_queries) == asked and model.rowCount() == 0
    finally:
        runner.shutdown()


class Uncounted(Counting):
    """:class:`Counting` for a filter the database keeps no count of."""

    def __init__(self, articles: ArticleRepository) -> None:
        super().__init__(articles)
        self.counted = 0

    def counts_kept(self, query: ArticleQuery) -> bool:
        return False

    def count_ids(self, query: ArticleQuery) -> int:
        self.counted += 1
        return self.pages.count_ids(query)


def test_the_first_rows_never_wait_for_a_count(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    """A filter without kept counts shows its first page at once; the exact count comes from
    the io lane and adds the rows after it (a sort meanwhile counts again; a short list
    needs no count)."""
    from qk3editor.ui.tasks import TaskRunner

    made = [articles.create(ArticleFields(title=f"Bài {i:03d}")) for i in range(CHUNK * 2 + 7)]
    source = Uncounted(articles)
    runner = TaskRunner(io_threads=1)
    model = LibraryModel(source)
    model.use_runner(runner)
    try:
        with qtbot.waitSignal(model.rowsInserted, timeout=10_000):
            model.refresh()
            assert model.rowCount() == CHUNK  # the first page, before any count
            assert model.index(0, 0).data() == made[-1].title
        assert model.rowCount() == CHUNK * 2 + 7 and source.counted == 1
        assert model.ids() == articles.list_ids()
        model.sort(0, Qt.SortOrder.DescendingOrder)  # counted already: the count stands
        assert model.rowCount() == CHUNK * 2 + 7 and source.counted == 1
        with qtbot.waitSignal(model.rowsInserted, timeout=10_000):
            model.refresh()
            model.sort(0, Qt.SortOrder.AscendingOrder)  # before the count came: counted again
            assert model.rowCount() == CHUNK
        assert model.rowCount() == CHUNK * 2 + 7 and model.index(0, 0).data() == "Bài 000"
        runner.wait()
        assert source.counted == 3
        model.set_query(ArticleQuery(status=Status.SPIKED))
        assert model.rowCount() == 0 and source.counted == 3  # under a page: nothing to count
    finally:
        runner.shutdown()
