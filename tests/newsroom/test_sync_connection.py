"""The reporter's sync (every outbox run, every minute in the window) keeps one connection to
the newsroom instead of opening one per run; a newsroom nothing was sent to is not asked; a
connection the server dropped is replaced without a missed return (real PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from qk3editor.storage.db import open_store
from qk3editor.storage.desk_repository import DeskRepository

from .send_helpers import article_with_photos, reporter, send

SYNC_SESSIONS = text(
    "SELECT pid, backend_start FROM pg_stat_activity "
    "WHERE application_name = 'qk3editor' AND datname = current_database() ORDER BY pid"
)


def _all_sessions(url: str) -> list[tuple[int, object]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [(int(r[0]), r[1]) for r in conn.execute(SYNC_SESSIONS)]
    finally:
        engine.dispose()


def test_sync_keeps_one_connection_across_runs_and_survives_a_dropped_one(
    tmp_path: Path, newsroom_url: str, memkeyring: object
) -> None:
    before = set(_all_sessions(newsroom_url))  # an earlier test's app may still be connected

    def _sessions(url: str) -> list[tuple[int, object]]:
        return [s for s in _all_sessions(url) if s not in before]

    r = reporter(tmp_path / "reporter")
    desk = open_store(newsroom_url)
    outbox = r.services.outbox
    try:
        r.services.add_target("toasoan", "newsroom", newsroom_url, "qk3", "x")
        outbox.run_due()  # nothing sent there yet: the newsroom is not asked
        assert _sessions(newsroom_url) == []

        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        first = article_with_photos(r, tmp_path / "a", sizes=(10_000,))
        outbox.run_job(send(r, first, "toasoan", note="Xin duyệt"))
        assert _sessions(newsroom_url) == []  # the send's own connection is closed after it
        outbox.run_due()
        kept = _sessions(newsroom_url)
        assert len(kept) == 1  # the sync's connection stays for the next run
        DeskRepository(desk).return_article(first.id, "Thiếu ảnh toàn cảnh", "Trưởng ban")
        outbox.run_due()
        assert outbox.returned == [first.id]
        outbox.run_due()
        outbox.run_due()
        assert _sessions(newsroom_url) == kept  # the same server process: no new login

        # the server drops it (a restart, an idle timeout): the next run opens another and
        # still brings the return made meanwhile
        second = article_with_photos(r, tmp_path / "b", sizes=(10_000,))
        outbox.run_job(send(r, second, "toasoan"))
        engine = create_engine(newsroom_url)
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": kept[0][0]})
        engine.dispose()
        DeskRepository(desk).return_article(second.id, "Viết lại sapo", "Trưởng ban")
        outbox.run_due()
        assert outbox.returned == [second.id]
        now = _sessions(newsroom_url)
        assert len(now) == 1 and now != kept

        outbox.close()  # at quit
        assert _sessions(newsroom_url) == []
    finally:
        desk.close()
        r.close()
