"""The lease history stays bounded (docs/LIMITS.md): the newest LEASE_EVENTS_PER_ARTICLE events
of each article, nothing older than LEASE_EVENTS_KEEP_DAYS once the outbox has run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qk3editor.cli import main
from qk3editor.core.articles import ArticleFields
from qk3editor.core.budgets import (
    LEASE_EVENTS_KEEP_DAYS,
    LEASE_EVENTS_PER_ARTICLE,
    LEASE_PRUNE_BATCH,
)
from qk3editor.core.leases import LeaseOwner
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.lease_models import LeaseEventModel
from qk3editor.storage.leases_repository import LeaseRepository, prune_lease_events
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

VIET = LeaseOwner("viet", "Đức Việt", "may-1", 101)
LAN = LeaseOwner("lan", "Thu Lan", "may-2", 202)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres")
    s = open_store(url)
    yield s
    s.close()


def _old_events(store: Store, article_id: str, n: int, age: timedelta) -> None:
    at = datetime.now(UTC) - age
    with store.begin() as s:
        s.add_all(
            LeaseEventModel(article_id=article_id, action="acquire", by="cu", by_name="Cũ", at=at)
            for _ in range(n)
        )


def _count(store: Store, article_id: str | None = None) -> int:
    stmt = select(func.count()).select_from(LeaseEventModel)
    if article_id is not None:
        stmt = stmt.where(LeaseEventModel.article_id == article_id)
    with store.read() as s:
        return int(s.scalar(stmt) or 0)


def test_an_article_opened_all_day_keeps_its_newest_events_only(store: Store) -> None:
    articles = ArticleRepository(store)
    busy = articles.create(ArticleFields(title="Bài mở cả ngày")).id
    other = articles.create(ArticleFields(title="Bài khác")).id
    viet, lan = LeaseRepository(store, VIET), LeaseRepository(store, LAN)
    assert viet.acquire(other).granted
    for _ in range(LEASE_EVENTS_PER_ARTICLE // 2 + 5):  # acquire + release each time
        assert viet.acquire(busy).granted
        assert viet.release(busy)
    assert lan.acquire(busy).granted
    assert lan.acquire(busy).granted  # ours already: renewed, no event
    events = viet.events(busy)
    assert len(events) == LEASE_EVENTS_PER_ARTICLE
    assert (events[-1].action, events[-1].by_name) == ("acquire", "Thu Lan")  # the newest kept
    assert [e.action for e in viet.events(other)] == ["acquire"]  # others untouched


def test_events_past_the_kept_days_are_pruned(store: Store) -> None:
    articles = ArticleRepository(store)
    a = articles.create(ArticleFields(title="Bài cũ")).id
    _old_events(store, a, 3, timedelta(days=LEASE_EVENTS_KEEP_DAYS + 1))
    _old_events(store, a, 2, timedelta(days=LEASE_EVENTS_KEEP_DAYS - 1))
    assert LeaseRepository(store, VIET).acquire(a).granted
    assert prune_lease_events(store) == 3
    assert _count(store, a) == 3  # two younger than the limit, and the new acquire
    assert prune_lease_events(store) == 0  # nothing left to do: nothing deleted


def test_a_long_backlog_goes_a_batch_a_run(store: Store) -> None:
    a = ArticleRepository(store).create(ArticleFields(title="Bài cũ")).id
    n = LEASE_PRUNE_BATCH + 20
    _old_events(store, a, n, timedelta(days=LEASE_EVENTS_KEEP_DAYS + 30))
    assert prune_lease_events(store) == LEASE_PRUNE_BATCH
    assert prune_lease_events(store) == 20
    assert _count(store) == 0


def test_outbox_run_in_the_cli_prunes(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The schedule that exists: ``outbox --run`` (and the GUI's every-minute outbox run)."""
    store = open_store(f"sqlite:///{home / 'cli.sqlite3'}")
    a = ArticleRepository(store).create(ArticleFields(title="Bài cũ")).id
    _old_events(store, a, 4, timedelta(days=LEASE_EVENTS_KEEP_DAYS + 1))
    url = store.url
    store.close()
    assert main(["--store", url, "outbox", "--run"]) == 0, capsys.readouterr().err
    store = open_store(url)
    assert _count(store, a) == 0
    store.close()
