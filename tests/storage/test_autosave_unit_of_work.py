"""The editor's autosave is one unit of work: the fields, the cursor and a typing revision
are committed together or not at all."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from qk3editor.core.articles import ArticleFields
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.editor_repository import EditorRepository, SessionEntry


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 'kho.sqlite3'}", tmp_path / "backups")
    yield s
    s.close()


def test_autosave_is_one_transaction(store) -> None:  # type: ignore[no-untyped-def]
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo = EditorRepository(store)
    begins: list[int] = []

    def on_begin(_conn: object) -> None:
        begins.append(1)

    event.listen(store.engine, "begin", on_begin)
    try:
        saved, revision = repo.autosave(
            article.id,
            ArticleFields(title="Bài mới", body="Gõ tiếng Việt"),
            SessionEntry(article.id, True, "body", 5, 0),
            "Phóng viên",
            timedelta(0),  # a typing revision is due
        )
    finally:
        event.remove(store.engine, "begin", on_begin)
    assert len(begins) == 1
    assert saved.title == "Bài mới" and saved.body == "Gõ tiếng Việt"
    assert revision is not None and revision.snapshot.body == "Gõ tiếng Việt"
    assert repo.load_session() == [SessionEntry(article.id, True, "body", 5, 0)]


def test_a_failed_autosave_keeps_nothing_of_it(store) -> None:  # type: ignore[no-untyped-def]
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo = EditorRepository(store)

    def fail(*_args: object) -> None:
        raise RuntimeError("the revision could not be written")

    repo._snapshot = fail  # type: ignore[method-assign]  # a fault inside the unit of work
    with pytest.raises(RuntimeError):
        repo.autosave(
            article.id,
            ArticleFields(body="không được lưu"),
            SessionEntry(article.id, True, "body", 3, 0),
            "Phóng viên",
            timedelta(0),
        )
    assert ArticleRepository(store).get(article.id).body == ""  # the fields rolled back too
    assert repo.load_session() == []  # and the cursor
