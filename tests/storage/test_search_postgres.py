"""Search on a real PostgreSQL server: the portable fallback (LIKE over the folded column)."""

from __future__ import annotations

from qk3editor.core.articles import ArticleFields
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.search import SearchRepository
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401


def test_search_on_postgres(fresh_postgres: str) -> None:  # noqa: F811
    store = open_store(fresh_postgres)
    try:
        articles = ArticleRepository(store)
        a = articles.create(
            ArticleFields(title="Công tác dân vận", body="Đảng ủy Quân khu", byline="Đức Việt")
        )
        b = articles.create(ArticleFields(title="Dương liễu", body="100% an_toàn"))
        c = articles.create(ArticleFields(title="Con đường mới"))
        search = SearchRepository(store)
        for query in ("dan van", "DANG UY", "Đức Việt"):
            assert search.search_ids(query) == [a.id]
        hits = search.search("đường")
        assert [h.article_id for h in hits] == [c.id, b.id] and hits[0].exact
        for query in ('"', "(", "NEAR(", "%", "_", ""):
            assert isinstance(search.search(query), list)
        assert search.search_ids("an_toan") == [b.id]
        articles.update(a.id, ArticleFields(title="Huấn luyện"))
        assert search.search_ids("dan van") == []
    finally:
        store.close()
