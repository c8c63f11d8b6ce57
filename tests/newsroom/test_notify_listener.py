"""Live updates: a change saved by one process reaches another's listener (real PostgreSQL)."""

from __future__ import annotations

import queue
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from qk3editor.core.articles import ArticleFields
from qk3editor.core.tasks import Runner
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.change_listener import RESYNC, ChangeListener, merge
from qk3editor.storage.db import Store, open_store
from tests.conftest import ROOT, subprocess_env
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

WAIT_S = 30  # a generous bound for a slow machine; the usual wait is milliseconds


@pytest.fixture
def store(fresh_postgres: str) -> Iterator[Store]:  # noqa: F811
    s = open_store(fresh_postgres)
    yield s
    s.close()


class Heard:
    def __init__(self, store: Store) -> None:
        self.batches: queue.Queue[list[tuple[str, tuple[Any, ...]]]] = queue.Queue()
        self.connects: queue.Queue[bool] = queue.Queue()
        self.runner = Runner()
        self.listener = ChangeListener(store.url, self.batches.put, on_connected=self.connects.put)
        self.runner.background("listen", self.listener.run, self.listener.stop)
        assert self.connects.get(timeout=WAIT_S) is True

    def next_of(self, kind: str) -> tuple[Any, ...]:
        while True:
            for k, ids in self.batches.get(timeout=WAIT_S):
                if k == kind:
                    return ids


@pytest.fixture
def heard(store: Store) -> Iterator[Heard]:
    h = Heard(store)
    yield h
    h.runner.shutdown(wait=True)  # stops the listener (it would hang the test otherwise)


def _cli(url: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "qk3editor", "--store", url, *args],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_save_in_another_process_is_heard_and_our_own_is_not(store: Store, heard: Heard) -> None:
    articles = ArticleRepository(store)
    ours = articles.create(ArticleFields(title="Bài của tôi"))
    theirs = articles.create(ArticleFields(title="Bài chung"))
    articles.update(ours.id, ArticleFields(body="sửa ở đây"))  # this process: not news
    _cli(store.url, "edit", theirs.id, "--title", "Bài chung (sửa ở máy khác)")
    ids = heard.next_of("article")
    assert ids == (theirs.id,)  # ours were skipped; theirs came


def test_a_notify_from_raw_sql_is_one_batch_per_kind(store: Store, heard: Heard) -> None:
    a = ArticleRepository(store).create(ArticleFields(title="Một"))
    engine = sa.create_engine(store.url)  # another origin: a plain connection
    with engine.begin() as conn:
        for n in range(50):
            conn.execute(
                sa.text("UPDATE articles SET title = :t WHERE id = :i"), {"t": f"{n}", "i": a.id}
            )
        conn.exec_driver_sql("UPDATE articles SET version = version + 1")
    engine.dispose()
    assert heard.next_of("article") == (a.id,)


def test_the_listener_reconnects_after_its_connection_is_killed(store: Store, heard: Heard) -> None:
    a = ArticleRepository(store).create(ArticleFields(title="Trước khi mất kết nối"))
    engine = sa.create_engine(store.url)
    with engine.begin() as conn:
        killed = (
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name LIKE '%%listen'"
            )
            .scalars()
            .all()
        )
    assert killed == [True]
    assert heard.connects.get(timeout=WAIT_S) is False  # connected again
    assert heard.next_of(RESYNC) == ()  # what was missed meanwhile is read again
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE articles SET title = 'Sau' WHERE id = :i"), {"i": a.id})
    engine.dispose()
    assert heard.next_of("article") == (a.id,)


def test_merge_keeps_order_and_drops_repeats() -> None:
    got = merge(
        [
            {"kind": "article", "ids": ["a"]},
            {"kind": "photo", "ids": [3]},
            {"kind": "article", "ids": ["b"]},
            {"kind": "article", "ids": ["a"]},
            {"kind": 1, "ids": []},
        ]
    )
    assert got == [("article", ("a", "b")), ("photo", (3,))]


def test_every_watched_table_has_its_trigger(store: Store) -> None:
    """Installed after the migrations, whichever branch came last (photos, publishing)."""
    from qk3editor.storage.notify_sql import WATCHED

    with store.engine.connect() as conn:
        found = set(
            conn.exec_driver_sql(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'qk3_notify'"
            ).scalars()
        )
    assert found == set(WATCHED)
