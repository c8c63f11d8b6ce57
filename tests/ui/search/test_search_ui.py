"""The library search box on a real store: filters as you type; stale results dropped."""

from __future__ import annotations

from pathlib import Path

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.markdown_io import read_article_file
from qk3editor.ui.search import LibrarySearch, SearchBox
from qk3editor.ui.tasks import InlineTaskRunner, TaskRunner


def test_search_box_filters_the_library(qtbot, home: Path, fixture_md: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext.open()
    found = ctx.articles.create(read_article_file(fixture_md))
    ctx.articles.create(ArticleFields(title="Huấn luyện chiến sĩ mới"))
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    try:
        box = gui.window.findChild(SearchBox, "librarySearch")
        assert box is not None
        search = box.findChild(LibrarySearch)
        model = gui.library.model
        assert model.rowCount() == 2
        for query in ("dan van", "DANG UY", "Đức Việt", "chinh uy"):
            box.setText(query)
            search.search_now()
            assert model.ids() == [found.id], query
        box.setText('NEAR("')
        search.search_now()
        assert model.ids() == []
        box.clear()
        search.search_now()
        assert model.rowCount() == 2
    finally:
        gui.window.close()
        ctx.close()


def test_only_the_newest_query_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    shown: list[list[str]] = []
    box = SearchBox()
    qtbot.addWidget(box)
    import threading

    gate = threading.Event()

    def slow_search(query: str) -> list[str]:
        if query == "old":
            gate.wait(5)
        return [query]

    search = LibrarySearch(box, slow_search, shown.append, lambda: None, runner)
    box.setText("old")
    search.search_now()  # blocks the db lane until the gate opens
    box.setText("new")
    search.search_now()
    with qtbot.waitSignal(search.results_shown, timeout=10_000):
        gate.set()
    runner.wait()
    qtbot.wait(50)
    assert shown == [["new"]]


def test_search_respects_the_filters_and_survives_refreshes(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    from qk3editor.core.articles import Status

    ctx = AppContext.open()
    draft = ctx.articles.create(ArticleFields(title="Dân vận khéo", category="Quốc phòng"))
    sent = ctx.articles.create(ArticleFields(title="Công tác dân vận", category="Xã hội"))
    ctx.articles.set_status(sent.id, Status.SUBMITTED)
    spiked = ctx.articles.create(ArticleFields(title="Dân vận cũ", category="Xã hội"))
    ctx.articles.spike(spiked.id)
    other = ctx.articles.create(ArticleFields(title="Huấn luyện chiến sĩ mới"))
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    library = gui.library
    model = library.model
    view = library.view
    try:
        box = gui.window.findChild(SearchBox, "librarySearch")
        search = box.findChild(LibrarySearch)
        box.setText("dan van")
        search.search_now()
        assert sorted(model.ids()) == sorted([draft.id, sent.id])  # the trash is not shown

        # the status filter applies to the results
        view.status_filter.setCurrentIndex(view.status_filter.findData(Status.SUBMITTED.value))
        assert model.ids() == [sent.id]
        view.status_filter.setCurrentIndex(view.status_filter.findData(Status.SPIKED.value))
        assert model.ids() == [spiked.id]  # the Trash view searches the trash
        view.status_filter.setCurrentIndex(0)
        # and the category filter
        xa_hoi = next(c.id for c in ctx.categories.list() if c.name == "Xã hội")
        view.category_filter.setCurrentIndex(view.category_filter.findData(xa_hoi))
        assert model.ids() == [sent.id]
        view.category_filter.setCurrentIndex(0)

        # a refresh (after a save) keeps the results, and a new match shows after the search
        # runs again by itself
        library.refresh()
        assert sorted(model.ids()) == sorted([draft.id, sent.id])
        new = ctx.articles.create(ArticleFields(title="Dân vận mới"))
        library.article_saved(new.id)
        assert other.id not in model.ids()
        qtbot.waitUntil(lambda: new.id in model.ids(), timeout=5_000)
        assert sorted(model.ids()) == sorted([draft.id, sent.id, new.id])
        assert box.text() == "dan van"
        # an article saved so that it no longer matches leaves the results
        ctx.articles.update(draft.id, ArticleFields(title="Huấn luyện"))
        library.article_saved(draft.id)
        qtbot.waitUntil(lambda: draft.id not in model.ids(), timeout=5_000)
        assert sorted(model.ids()) == sorted([sent.id, new.id])

        box.clear()
        search.search_now()
        assert sorted(model.ids()) == sorted([draft.id, sent.id, new.id, other.id])  # all
        library.refresh()
        assert len(model.ids()) == 4
    finally:
        gui.window.close()
        ctx.close()
