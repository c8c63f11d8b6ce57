"""The library's queries at scale (issue 14): every sort and filter walks an index in order,
and the search box's ids come without building hits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Select
from sqlalchemy.dialects import sqlite

from qk3editor.core.articles import ArticleFields, ArticleQuery, Status
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.search import SearchRepository


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    yield s
    s.close()


def _plan(store: Store, stmt: Select[str]) -> str:
    sql = stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
    return "\n".join(str(r[-1]) for r in rows)


QUERIES = [
    ArticleQuery(order_by=column, descending=descending)
    for column in ("title", "byline", "updated_at")
    for descending in (False, True)
] + [
    ArticleQuery(status=Status.DRAFT),
    ArticleQuery(status=Status.PUBLISHED, descending=False),
    ArticleQuery(category_id=2),
    ArticleQuery(category_id=2, descending=False),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_library_listing_reads_an_index_in_order(store: Store, query: ArticleQuery) -> None:
    plan = _plan(store, ArticleRepository.list_statement(query))
    assert "TEMP B-TREE" not in plan, plan  # no sort of the table's rows
    assert "USING" in plan and "INDEX" in plan, plan


def test_listing_orders_ties_by_id_in_the_sort_direction(store: Store) -> None:
    repo = ArticleRepository(store)
    ids = sorted(repo.create(ArticleFields(title="Cùng tên")).id for _ in range(4))
    assert repo.list_ids(ArticleQuery(order_by="title", descending=False)) == ids
    assert repo.list_ids(ArticleQuery(order_by="title", descending=True)) == ids[::-1]


def test_search_ids_are_the_hits_in_order_and_only_existing_articles(store: Store) -> None:
    repo = ArticleRepository(store)
    made = [repo.create(ArticleFields(title=f"Huấn luyện dân quân số {i}")).id for i in range(5)]
    search = SearchRepository(store)
    expected = [h.article_id for h in search.search("huan luyen", limit=1000)]
    assert sorted(expected) == sorted(made)
    assert search.search_ids("huan luyen") == expected
    assert search.search_ids("huan luyen", limit=2) == expected[:2]
    with store.begin() as s:  # an index entry left behind by a write outside the repository
        s.connection().exec_driver_sql("PRAGMA foreign_keys=OFF")
        s.connection().exec_driver_sql("DELETE FROM articles WHERE id = ?", (made[0],))
    assert search.search_ids("huan luyen") == [i for i in expected if i != made[0]]
    assert search.search_ids("   ") == []
