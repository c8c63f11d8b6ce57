from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.storage.articles_repository import ArticleQuery, ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.ui.library.model import CHUNK, ID_ROLE, LibraryModel


@pytest.fixture
def articles(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield ArticleRepository(store)
    store.close()


def test_model_passes_the_qt_model_tester(qtbot, articles) -> None:  # type: ignore[no-untyped-def]
    for i in range(30):
        articles.create(ArticleFields(title=f"Bài {i:02d}", byline="Đức Việt"))
    model = LibraryModel(articles.list_ids, articles.rows)
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
    model = LibraryModel(articles.list_ids, articles.rows)
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
    model = LibraryModel(articles.list_ids, articles.rows)
    model.refresh()
    assert model.index(0, 0).data() == "Cũ"
    articles.update(a.id, ArticleFields(title="Mới"))
    with qtbot.waitSignal(model.dataChanged):
        model.invalidate(a.id)
    assert model.index(0, 0).data() == "Mới"
