"""The photo desk's pages (issue 14): the first screen in one session, each page one
statement, in the desk's order, walked on the order's index; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qk3editor.core.photos import PhotoMetadata
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.photos_repository import NewPhoto, PhotoQuery, PhotoRepository
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.storage.statements import counted

N = 260


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (
        f"sqlite:///{tmp_path / 's.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("fresh_postgres")
    )
    s = open_store(url)
    yield s
    s.close()


def _fill(repo: PhotoRepository) -> None:
    """Dated photos with shared dates (the id breaks the tie), undated ones among them,
    every third without a caption."""
    repo.add(
        NewPhoto(
            f"/card/DSC_{i:04d}.JPG",
            f"{i:064x}",
            PhotoMetadata(description="" if i % 3 == 0 else f"Ảnh {i}"),
            date_taken="" if i % 7 == 0 else f"2026-11-{1 + i % 20:02d}T08:00:00",
        )
        for i in range(N)
    )


def _expected(repo: PhotoRepository, query: PhotoQuery) -> list[int]:
    photos = [p for p in repo.get_many(range(1, N + 1))]
    if query.status == "no_caption":
        photos = [p for p in photos if not p.metadata.description]
    dated = sorted((p for p in photos if p.date_taken), key=lambda p: p.id)
    dated.sort(key=lambda p: p.date_taken, reverse=query.newest_first)
    undated = sorted((p for p in photos if not p.date_taken), key=lambda p: p.id)
    return [p.id for p in dated + undated]


@pytest.mark.parametrize(
    "query",
    [PhotoQuery(), PhotoQuery(newest_first=True), PhotoQuery(status="no_caption")],
    ids=["oldest", "newest", "no-caption"],
)
def test_pages_come_in_the_desk_order(store: Store, query: PhotoQuery) -> None:
    repo = PhotoRepository(store)
    _fill(repo)
    expected = _expected(repo, query)
    count, first = repo.first_screen(query, 100)
    assert count == len(expected)
    pages = [p.id for p in first]
    for offset in range(100, count, 100):
        pages += [p.id for p in repo.page(query, offset, 100)]
    assert pages == expected == repo.list_ids(query)
    assert [p.id for p in repo.page(query, 90, 20)] == expected[90:110]
    assert repo.first_screen(PhotoQuery(text="no such photo"), 100) == (0, [])


def test_the_first_screen_is_one_session_and_a_page_one_statement(store: Store) -> None:
    repo = PhotoRepository(store)
    _fill(repo)
    with counted(store) as sent:
        count, first = repo.first_screen(PhotoQuery(), 100)
        assert (count, len(first)) == (N, 100)
        assert sent.checkouts == 1
        assert len(sent.queries) == 2, sent.queries  # the count, the page with its rows
        sent.clear()
        assert len(repo.page(PhotoQuery(), 100, 100)) == 100
        assert (sent.checkouts, len(sent.queries)) == (1, 1), sent.queries


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest", "newest"])
def test_a_page_walks_the_index_of_its_order(store: Store, newest_first: bool) -> None:
    """No sort of the whole table for a page (migration c14_desk_order): the ordering
    expressions are the index's, word for word."""
    from qk3editor.storage.photos_repository import _desk_statement

    repo = PhotoRepository(store)
    _fill(repo)
    stmt = _desk_statement(PhotoQuery(newest_first=newest_first)).offset(100).limit(100)
    sql = str(stmt.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True}))
    index = "ix_photos_desk_newest" if newest_first else "ix_photos_desk_oldest"
    with store.engine.begin() as conn:
        if store.is_sqlite:
            plan = [r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
            assert any(index in step for step in plan), plan
            assert not any("TEMP B-TREE" in step for step in plan), plan
        else:  # a small table: make the planner say how it would walk a large one
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_sort = off")
            plan = [r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}")]
            assert any(index in step for step in plan), plan
            assert not any("Sort" in step for step in plan), plan


def test_a_batch_copy_of_photos_does_not_lose_the_order_indexes(tmp_path: Path) -> None:
    """SQLite: Alembic's batch mode copies a table it alters and leaves indexes on
    expressions behind (s11_file_pending after c14_desk_order does); the upgrade makes them
    again."""
    import sqlite3

    from alembic import command

    from qk3editor.storage.db import alembic_config, make_engine, migrate
    from qk3editor.storage.photos_models import DESK_INDEXES

    path = tmp_path / "s.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()

    def indexes() -> set[str]:
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'photos'")
            return {name for (name,) in rows} & set(DESK_INDEXES)

    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for revision in ("c14_desk_order", "s11_file_pending", "s16_owner"):
            command.upgrade(cfg, revision)
    assert indexes() == set()  # the batch copy dropped them
    migrate(engine)  # the rest of the heads
    engine.dispose()
    assert indexes() == set(DESK_INDEXES)
