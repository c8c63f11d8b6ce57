"""The library's kept counts (migration ``c14_library_counts``) on a newsroom: a reporter's
and an editor's writes keep them right, and a reporter reads them, though neither login
writes the table itself (the trigger runs as the store's owner)."""

from __future__ import annotations

from collections.abc import Callable

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.roles import Role
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from tests.storage.test_library_counts import kept_equals_counted


def test_reporter_and_editor_writes_keep_the_counts(
    newsroom: Store, make_user: Callable[[Role], tuple[str, str]]
) -> None:
    _, reporter_url = make_user(Role.REPORTER)
    _, editor_url = make_user(Role.EDITOR)
    reporter = open_store(reporter_url)
    editor = open_store(editor_url)
    try:
        mine = ArticleRepository(reporter)
        made = [
            mine.create(ArticleFields(title=f"Tin {i}", category="tin-tuc-su-kien"))
            for i in range(4)
        ]
        mine.set_status(made[0].id, Status.SUBMITTED)
        mine.delete(made[1].id)  # a reporter deletes their own draft
        desk = ArticleRepository(editor)
        desk.set_status(made[0].id, Status.APPROVED)
        desk.spike(made[2].id)
        counted = kept_equals_counted(reporter)  # read as the reporter
        assert sum(counted.values()) == 3
        kept_equals_counted(newsroom)
    finally:
        reporter.close()
        editor.close()


def test_no_login_writes_the_counts_directly(
    newsroom: Store, make_user: Callable[[Role], tuple[str, str]]
) -> None:
    """The counts are written only by the owner's triggers: a reporter (or an editor) who
    could write them could make the library show a false count."""
    import pytest
    from sqlalchemy import exc, text

    for role in (Role.REPORTER, Role.EDITOR):
        _, url = make_user(role)
        store = open_store(url)
        try:
            ArticleRepository(store).create(ArticleFields(title="Tin", category="tin-tuc-su-kien"))
            for sql in (
                "UPDATE library_counts SET n = n + 100",
                "INSERT INTO library_counts (status, category_key, n) VALUES ('draft', -7, 5)",
                "DELETE FROM library_counts",
            ):
                with pytest.raises(exc.ProgrammingError) as refused:
                    with store.engine.begin() as conn:
                        conn.execute(text(sql))
                assert getattr(refused.value.orig, "sqlstate", None) == "42501", sql
            kept_equals_counted(store)
        finally:
            store.close()
