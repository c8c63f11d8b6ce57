"""Send to the desk under a real reporter login (issue 16, the parts together): ``newsroom
init`` (row-level security on), a reporter user, a newsroom target with that user; the send,
the second send, the desk's return under an editor login, the reporter's sync and re-send all
go through the server's policies."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import make_url, select

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.publish_data import JobState
from qk3editor.core.roles import Role
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.desk_repository import DeskRepository
from qk3editor.storage.photo_blobs import blob_of_path, write_blob_file
from qk3editor.storage.photos_repository import PhotoRepository

from .send_helpers import CAPTION, article_with_photos, reporter, send, sha256


@pytest.mark.parametrize("role", [Role.REPORTER, Role.PHOTO_EDITOR], ids=lambda r: r.value)
def test_reporter_login_sends_desk_returns_reporter_resends(
    role: Role,
    tmp_path: Path,
    newsroom: Store,
    make_user: Callable[[Role], tuple[str, str]],
    memkeyring: object,
) -> None:
    login, url = make_user(role)
    _editor, editor_url = make_user(Role.EDITOR)
    bare = make_url(url).set(password=None).render_as_string(hide_password=False)
    r = reporter(tmp_path / "reporter")
    editor = open_store(editor_url)
    try:
        r.services.add_target("toasoan", "newsroom", bare, login, "mật khẩu " + login, check=True)
        article = article_with_photos(r, tmp_path, sizes=(1_200_000, 30_000))
        originals = sorted(sha256(tmp_path / f"anh-{i}.jpg") for i in range(2))
        job = r.services.outbox.run_job(send(r, article, "toasoan", note="Xin duyệt"))
        assert job.state is JobState.DONE, job.error_message

        desk = ArticleRepository(editor).get(article.id)
        assert desk.status is Status.SUBMITTED and desk.title == "Tin từ đơn vị"
        with newsroom.read() as s:
            assert s.scalar(select(ArticleModel.owner).where(ArticleModel.id == article.id)) == (
                login
            )
        got = []
        for ap in PhotoRepository(editor).article_photos(article.id):
            digest = blob_of_path(ap.photo.path)
            assert digest is not None
            with editor.read() as s:
                written = write_blob_file(s, digest, tmp_path / f"desk-{ap.photo.id}.jpg")
            assert sha256(tmp_path / f"desk-{ap.photo.id}.jpg") == written
            got.append((ap.caption, written))
        assert sorted(h for _c, h in got) == originals
        assert {c for c, _h in got} == {f"{CAPTION} (1)", f"{CAPTION} (2)"}
        (note,) = DeskRepository(editor).messages(article.id)
        assert note.author == login and note.text == "Xin duyệt"

        # sent twice: one article, the second job a no-op
        again = r.services.outbox.run_job(send(r, r.articles.get(article.id), "toasoan"))
        assert again.state is JobState.DONE, again.error_message
        with newsroom.read() as s:
            assert len(list(s.scalars(select(ArticleModel.id)))) == 1

        # the editor's login returns it with a comment; the reporter's sync sees it
        DeskRepository(editor).return_article(article.id, "Bổ sung ảnh toàn cảnh", "Trưởng ban")
        assert ArticleRepository(newsroom).get(article.id).status is Status.DRAFT
        assert r.services.outbox.sync_newsrooms() == [article.id]
        latest = DeskRepository(r.store).latest([article.id])[article.id]
        assert latest.returned and latest.text == "Bổ sung ảnh toàn cảnh"

        # another reporter's login, with a copy of the reporter's store, cannot send over it
        # (the first one's draft now): the server refuses, said in the job
        other_login, other_url = make_user(Role.REPORTER)
        (tmp_path / "other").mkdir()
        source = sqlite3.connect(tmp_path / "reporter" / "local.sqlite3")
        copy = sqlite3.connect(tmp_path / "other" / "local.sqlite3")
        source.backup(copy)
        source.close()
        copy.close()
        other = reporter(tmp_path / "other")
        try:
            bare_other = make_url(other_url).set(password=None)
            other.services.add_target(
                "toasoan2", "newsroom", bare_other.render_as_string(), other_login, "x"
            )
            mine = other.articles.get(article.id)
            job = other.services.outbox.enqueue(mine, [], "toasoan2", who="Khác", note="Của tôi")
            job = other.services.outbox.run_job(job.id, inline_retries=False)
            assert job.state is JobState.FAILED, job.state  # a person's matter, not retried
            assert job.error_code == "permission_denied", job.error_code
        finally:
            other.close()
        after = ArticleRepository(newsroom).get(article.id)
        assert after.owner == login and after.status is Status.DRAFT
        assert after.title == "Tin từ đơn vị"

        # the reporter re-sends after the return
        fixed = r.articles.update(article.id, ArticleFields(lead="Sáng nay, có thêm ảnh"))
        job = r.services.outbox.run_job(send(r, fixed, "toasoan", note="Đã bổ sung"))
        assert job.state is JobState.DONE, job.error_message
        back = ArticleRepository(editor).get(article.id)
        assert back.status is Status.SUBMITTED and back.lead == "Sáng nay, có thêm ảnh"
        assert [m.kind.value for m in DeskRepository(editor).messages(article.id)] == [
            "note",
            "returned",
            "note",
        ]
        assert len(PhotoRepository(editor).article_photos(article.id)) == 2
    finally:
        editor.close()
        r.close()
