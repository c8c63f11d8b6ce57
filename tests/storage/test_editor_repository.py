"""The editor's store: revisions, workflow history with who/when, session state (real SQLite)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields, Status, utcnow
from qk3editor.core.errors import InvalidTransition
from qk3editor.core.revisions import RetentionPolicy, RevisionReason
from qk3editor.storage import open_store
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.editor_repository import EditorRepository, SessionEntry


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}", tmp_path / "backups")
    yield s
    s.close()


def test_migration_creates_the_editor_tables(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(tmp_path / "store.sqlite3")
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"article_revisions", "status_changes", "editor_session"} <= names
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_revisions_restore_and_retention(store) -> None:  # type: ignore[no-untyped-def]
    articles, repo = ArticleRepository(store), EditorRepository(store)
    a = articles.create(ArticleFields(title="Bản một", body="Nội dung một"))
    r1 = repo.add_revision(a.id, RevisionReason.SAVE, "phóng viên A")
    articles.update(a.id, ArticleFields(title="Bản hai", body="Nội dung hai"))
    repo.add_revision(a.id, RevisionReason.TYPING, "phóng viên A")
    restored, r3 = repo.restore(a.id, r1.id, "biên tập B")
    assert restored.title == "Bản một" and restored.body == "Nội dung một"
    assert r3.reason is RevisionReason.RESTORE and r3.number == 3 and r3.who == "biên tập B"
    assert [r.number for r in repo.revisions(a.id)] == [3, 2, 1]
    # everything old: only typing snapshots outside keep_last go
    later = utcnow() + timedelta(days=400)
    assert repo.prune(a.id, RetentionPolicy(keep_days=90, keep_last=1), later) == 1
    assert [r.number for r in repo.revisions(a.id)] == [3, 1]


def test_status_changes_record_who_and_when_and_snapshot(store) -> None:  # type: ignore[no-untyped-def]
    articles, repo = ArticleRepository(store), EditorRepository(store)
    a = articles.create(ArticleFields(title="Tin"))
    repo.change_status(a.id, Status.SUBMITTED, "phóng viên A")
    repo.change_status(a.id, Status.APPROVED, "biên tập B")
    repo.change_status(a.id, Status.SPIKED, "biên tập B")
    back = repo.unspike(a.id, "biên tập B")
    assert back.status is Status.APPROVED
    history = repo.status_history(a.id)
    assert [(h.from_status, h.to_status, h.who) for h in history] == [
        (Status.DRAFT, Status.SUBMITTED, "phóng viên A"),
        (Status.SUBMITTED, Status.APPROVED, "biên tập B"),
        (Status.APPROVED, Status.SPIKED, "biên tập B"),
        (Status.SPIKED, Status.APPROVED, "biên tập B"),
    ]
    assert all(h.at.tzinfo is not None for h in history)
    assert [r.reason for r in repo.revisions(a.id)] == [RevisionReason.STATUS] * 4
    with pytest.raises(InvalidTransition):
        repo.change_status(a.id, Status.CORRECTED, "x")
    assert len(repo.status_history(a.id)) == 4  # a refused move leaves no trace


def test_session_state_round_trip(store) -> None:  # type: ignore[no-untyped-def]
    articles, repo = ArticleRepository(store), EditorRepository(store)
    a = articles.create(ArticleFields(title="A"))
    b = articles.create(ArticleFields(title="B"))
    repo.save_session([SessionEntry(a.id), SessionEntry(b.id, True, "body", 120, 40)])
    repo.update_position(SessionEntry(a.id, True, "lead", 7, 0))
    entries = repo.load_session()
    assert [e.article_id for e in entries] == [a.id, b.id]
    assert entries[0] == SessionEntry(a.id, True, "lead", 7, 0)
    assert entries[1].active is False and entries[1].cursor == 120
    repo.close_in_session(a.id)
    assert [e.article_id for e in repo.load_session()] == [b.id]


def _limit_pages(store, limit: int | None) -> None:  # type: ignore[no-untyped-def]
    """Simulate a full disk: SQLite's max_page_count makes writes fail with SQLITE_FULL, the
    same error a full file system gives (no tiny file system needs to be mounted)."""
    from sqlalchemy import event

    def on_connect(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        if limit is None:
            cur.execute("PRAGMA max_page_count=1073741823")
        else:
            count = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count={count + limit}")
        cur.close()

    event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()


def test_autosave_reports_a_full_disk_and_succeeds_when_space_returns(store) -> None:  # type: ignore[no-untyped-def]
    from qk3editor.core.errors import StoreReadOnly

    articles, repo = ArticleRepository(store), EditorRepository(store)
    a = articles.create(ArticleFields(title="Tin"))
    saved, rev = repo.autosave(a.id, ArticleFields(body="đoạn một"), SessionEntry(a.id, True), "A")
    assert saved.body == "đoạn một" and rev is not None  # first typing snapshot
    _limit_pages(store, 0)
    big = "Chiến sĩ mới. " * 20_000
    with pytest.raises(StoreReadOnly):
        repo.autosave(a.id, ArticleFields(body=big), None, "A")
    assert articles.get(a.id).body == "đoạn một"  # the failed write left the old text whole
    _limit_pages(store, None)  # space returns (this listener runs after the limiting one)
    saved, rev = repo.autosave(a.id, ArticleFields(body=big), None, "A")
    assert saved.body == big and rev is None  # within five minutes: no new snapshot
