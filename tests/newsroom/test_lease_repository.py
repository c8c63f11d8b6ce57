"""Article leases on a SQLite file shared by processes and on a real PostgreSQL server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.leases import LeaseOwner, LeaseReasonMissing
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.leases_repository import LeaseRepository
from tests.conftest import ROOT, subprocess_env
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

VIET = LeaseOwner("viet", "Đức Việt", "may-1", 101)
LAN = LeaseOwner("lan", "Thu Lan", "may-2", 202)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        yield request.getfixturevalue("fresh_postgres")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()


def _article(store: Store) -> str:
    return ArticleRepository(store).create(ArticleFields(title="Bài chung")).id


def _login(store: Store, owner: LeaseOwner) -> str:
    return LeaseRepository(store, owner).owner.login


def test_second_editor_sees_the_holder_then_takes_over_with_a_reason(store: Store) -> None:
    article = _article(store)
    viet, lan = LeaseRepository(store, VIET), LeaseRepository(store, LAN)
    got = viet.acquire(article)
    assert got.granted and got.lease.who == "Đức Việt" and got.lease.host == "may-1"
    again = viet.acquire(article)  # opening it again in the same app: still ours
    assert again.granted
    refused = lan.acquire(article)
    assert not refused.granted
    assert refused.lease.who == "Đức Việt" and refused.lease.pid == 101
    with pytest.raises(LeaseReasonMissing):
        lan.acquire(article, takeover_reason="  ")
    taken = lan.acquire(article, takeover_reason="Anh Việt đi công tác, tôi sửa tiếp")
    assert taken.granted and taken.replaced is not None and taken.replaced.who == "Đức Việt"
    assert viet.renew([article]) == [article]  # Việt's heartbeat learns it is gone
    assert not viet.release(article)
    assert [lease.who for lease in viet.active()] == ["Thu Lan"]
    assert lan.release(article)
    assert viet.current(article) is None
    events = [(e.action, e.by_name, e.reason) for e in lan.events(article)]
    assert events == [
        ("acquire", "Đức Việt", None),
        ("takeover", "Thu Lan", "Anh Việt đi công tác, tôi sửa tiếp"),
        ("release", "Thu Lan", None),
    ]


def test_an_expired_lease_is_free_and_recorded_as_expired(store: Store) -> None:
    article = _article(store)
    viet = LeaseRepository(store, VIET, ttl=timedelta(seconds=-1))  # expires as it is taken
    assert viet.acquire(article).granted
    lan = LeaseRepository(store, LAN)
    assert lan.current(article) is None
    got = lan.acquire(article)
    assert got.granted and got.replaced is not None and got.replaced.holder == _login(store, VIET)
    assert [e.action for e in lan.events(article)] == ["acquire", "expire", "acquire"]


def _worker(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.newsroom.lease_worker", url, *args],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_killed_process_lease_expires(store: Store, store_url: str) -> None:
    article = _article(store)
    child = _worker(store_url, article, "hold", "2")
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held", (
            child.stderr.read() if child.stderr else ""
        )
        lan = LeaseRepository(store, LAN)
        held = lan.acquire(article)
        assert not held.granted and held.lease.pid == child.pid  # its heartbeat keeps it
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        got = held
        for _ in range(200):  # the TTL is 2 s; allow a slow machine ten times that
            got = lan.acquire(article)
            if got.granted:
                break
            time.sleep(0.1)
        assert got.granted and got.replaced is not None and got.replaced.pid == child.pid
        actions = [(e.action, e.by_name) for e in lan.events(article)]
        assert ("expire", f"Biên tập {child.pid}") in actions
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


@pytest.mark.parametrize("editors", [2, 5])
def test_editors_in_processes_take_turns_and_lose_no_update(
    store: Store, store_url: str, editors: int
) -> None:
    article = _article(store)
    rounds = 6
    children = [_worker(store_url, article, "edit", str(rounds), f"p{k}") for k in range(editors)]
    for child in children:
        out, err = child.communicate(timeout=240)
        assert child.returncode == 0, err
        assert out.startswith("done")
    body = ArticleRepository(store).get(article).body
    lines = body.splitlines()
    assert sorted(lines) == sorted(f"p{k}-{i}" for k in range(editors) for i in range(rounds))
    events = LeaseRepository(store, LAN).events(article)
    assert [e.action for e in events].count("acquire") == editors * rounds
    assert [e.action for e in events].count("release") == editors * rounds
    assert [e.action for e in events].count("takeover") == 0


def test_a_take_over_reason_has_a_budget(tmp_path: Path) -> None:
    from qk3editor.core.budgets import MAX_LEASE_REASON_CHARS
    from qk3editor.core.leases import LeaseReasonTooLong

    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    article = _article(store)
    assert LeaseRepository(store, VIET).acquire(article).granted
    lan = LeaseRepository(store, LAN)
    with pytest.raises(LeaseReasonTooLong):
        lan.acquire(article, takeover_reason="x" * (MAX_LEASE_REASON_CHARS + 1))
    assert lan.acquire(article, takeover_reason="x" * MAX_LEASE_REASON_CHARS).granted
    store.close()
