"""The start-up reader answers exactly what the repository answers."""

from __future__ import annotations

from pathlib import Path

from qk3editor.core.articles import ArticleFields, ArticleQuery, Status
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.publication_repository import PublicationRepository
from qk3editor.storage.quick import QuickLibrary


def test_quick_reader_matches_the_repository(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    store = open_store(url)
    articles = ArticleRepository(store)
    cats = [c.slug for c in CategoryRepository(store).list()[:3]] + [""]
    made = []
    for i in range(40):
        a = articles.create(
            ArticleFields(title=f"Bài {i % 7}", category=cats[i % 4], byline="Đức Việt")
        )
        made.append(a)
        if i % 5 == 0:
            articles.spike(a.id)
        elif i % 3 == 0:
            articles.set_status(a.id, Status.SUBMITTED)
    # published (the "Published" column): once, edited since, twice on two targets, a draft
    # on the portal (not public)
    pubs = PublicationRepository(store)
    pubs.record(made[1].id, "cong", "https://qk3.example/1", "publish")
    pubs.record(made[2].id, "cong", "https://qk3.example/2", "publish")
    articles.update(made[2].id, ArticleFields(title="Bài 2 sửa", byline="Đức Việt"))
    pubs.record(made[4].id, "cong", "https://qk3.example/4", "publish")
    pubs.record(made[4].id, "thu", "https://thu.example/4", "future")
    pubs.record(made[7].id, "cong", "https://qk3.example/7", "draft")
    quick = QuickLibrary.open(url)
    assert quick is not None
    queries = [
        ArticleQuery(status=s, category_id=c, order_by=o, descending=d)
        for s in (None, Status.SPIKED, Status.SUBMITTED)
        for c in (None, 1)
        for o in ("title", "category", "status", "updated_at", "byline")
        for d in (True, False)
    ]
    for q in queries:
        assert quick.list_ids(q) == articles.list_ids(q), q
    ids = articles.list_ids(ArticleQuery(include_spiked=True))
    assert quick.rows(ids) == articles.rows(ids)
    shown = {r.id: r for r in quick.rows(ids)}
    assert shown[made[1].id].published_target == "cong"
    assert not shown[made[1].id].changed_since_published
    assert shown[made[2].id].changed_since_published
    assert shown[made[4].id].published_target == "thu"  # the newest public one
    assert shown[made[7].id].published_at is None  # a draft on the portal is not public
    quick.close()
    store.close()


def test_no_quick_reader_for_a_store_that_needs_work(tmp_path: Path) -> None:
    assert QuickLibrary.open(f"sqlite:///{tmp_path / 'missing.sqlite3'}") is None
    assert QuickLibrary.open("postgresql://localhost/qk3") is None
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert QuickLibrary.open(f"sqlite:///{empty}") is None
