"""The library's list a window at a time (issue 14): every count, page and position agrees with
the whole list, on SQLite, on PostgreSQL and in the quick start-up reader."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from qk3editor.core.articles import ArticleFields, ArticleQuery, Status
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.quick import QuickLibrary
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

QUERIES = [
    ArticleQuery(status=s, category_id=c, order_by=o, descending=d)
    for s in (None, Status.SPIKED, Status.SUBMITTED)
    for c in (None, 1)
    for o in ("title", "category", "status", "updated_at", "byline")
    for d in (True, False)
]


def _fill(store: Store) -> ArticleRepository:
    """40 articles: repeated titles, bylines and times (ties broken by the id), some without
    a category (NULL names), some spiked, some submitted."""
    articles = ArticleRepository(store)
    cats = [c.slug for c in CategoryRepository(store).list()[:3]] + [""]
    for i in range(40):
        a = articles.create(
            ArticleFields(title=f"Bài {i % 7}", category=cats[i % 4], byline=f"Tác giả {i % 3}")
        )
        if i % 5 == 0:
            articles.spike(a.id)
        elif i % 3 == 0:
            articles.set_status(a.id, Status.SUBMITTED)
    with store.begin() as s:  # equal times too: the id orders them
        first = s.get(ArticleModel, articles.list_ids()[0])
        assert first is not None
        when = first.updated_at - timedelta(days=1)
        s.execute(update(ArticleModel).where(ArticleModel.title == "Bài 3").values(updated_at=when))
    return articles


def _agrees(source: object, articles: ArticleRepository) -> None:
    for q in QUERIES:
        whole = articles.list_ids(q)
        assert source.count_ids(q) == len(whole), q  # type: ignore[attr-defined]
        pages = [source.page_ids(q, start, 7) for start in range(0, len(whole) + 7, 7)]  # type: ignore[attr-defined]
        assert [i for page in pages for i in page] == whole, q
        for row, article_id in enumerate(whole):
            assert source.position(q, article_id) == row, (q, row)  # type: ignore[attr-defined]
        left_out = set(articles.list_ids(ArticleQuery(include_spiked=True))) - set(whole)
        for article_id in left_out:
            assert source.position(q, article_id) == -1, q  # type: ignore[attr-defined]
        if hasattr(source, "anchors"):  # keyset paging from every 3rd row
            anchors = source.anchors(q, every=3)
            if q.order_by != "category":
                assert sorted(anchors) == list(range(2, len(whole), 3)), q
                assert source.anchors(q, every=3, stop=lambda: True) == {}  # the list changed
            for row, key in anchors.items():
                assert key[-1] == whole[row], q  # the id ends every sort key
                for start in (row + 1, row + 2, row + 5):
                    page = source.page_ids(q, start, 7, after=(row, key))
                    assert page == whole[start : start + 7], (q, row, start)
        ranked = sorted(set(whole[:5]) | left_out)[::-1]
        kept = source.filter_ids(q, ranked)  # type: ignore[attr-defined]
        assert kept == [i for i in ranked if i in whole], q


def test_pages_agree_with_the_whole_list_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    store = open_store(url)
    articles = _fill(store)
    _agrees(articles.pages(), articles)
    quick = QuickLibrary.open(url)
    assert quick is not None
    _agrees(quick, articles)  # the start-up reader windows the same list
    quick.close()
    store.close()


def test_pages_agree_with_the_whole_list_on_postgres(fresh_postgres: str) -> None:  # noqa: F811
    store = open_store(fresh_postgres)
    articles = _fill(store)
    _agrees(articles.pages(), articles)
    store.close()
