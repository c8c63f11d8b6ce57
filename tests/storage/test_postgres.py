"""The same migrations and repositories on a real PostgreSQL server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qk3editor.core.articles import ArticleFields, ArticleQuery, Status
from qk3editor.core.errors import ConflictError
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.storage.db import open_store
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401


def test_migrations_and_repositories_on_postgres(fresh_postgres: str) -> None:  # noqa: F811
    store = open_store(fresh_postgres)
    assert store.engine.dialect.name == "postgresql"
    articles, categories = ArticleRepository(store), CategoryRepository(store)
    assert categories.list()[0].name == "Tin tức - Sự kiện"
    when = datetime(2018, 10, 21, 1, 0, tzinfo=UTC)
    a = articles.create(
        ArticleFields(
            title="Đảng ủy Quân khu", category="tin-tuc-su-kien", tags=("dân vận",), publish_at=when
        )
    )
    got = articles.get(a.id)
    assert got.title == "Đảng ủy Quân khu" and got.tags == ("dân vận",)
    assert got.publish_at == when and got.created_at.tzinfo is not None
    articles.update(a.id, ArticleFields(body="Nội dung"), expected_version=1)
    with pytest.raises(ConflictError):
        articles.update(a.id, ArticleFields(body="cũ"), expected_version=1)
    b = articles.create(ArticleFields(title="Bài hai"))
    articles.spike(b.id)
    assert articles.list_ids() == [a.id]
    assert articles.list_ids(ArticleQuery(status=Status.SPIKED)) == [b.id]
    assert articles.list_ids(ArticleQuery(order_by="category", descending=False))[0] == a.id
    store.close()
    # Opening again finds the schema current.
    again = open_store(fresh_postgres)
    assert ArticleRepository(again).get(a.id).body == "Nội dung"
    again.close()
