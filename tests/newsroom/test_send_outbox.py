"""Send to the desk through the outbox, against a real PostgreSQL newsroom (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.publish_data import JobState
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.desk_repository import DeskRepository
from qk3editor.storage.photo_blobs import blob_of_path, write_blob_file
from qk3editor.storage.photos_repository import PhotoRepository

from .send_helpers import (
    CAPTION,
    CuttingProxy,
    article_with_photos,
    port_of,
    reporter,
    send,
    sha256,
    via_port,
)


def _desk_photos(url: str, article_id: str, tmp: Path) -> list[tuple[str, str]]:
    """(caption, sha256 of the original written back out) of the desk's photos."""
    store = open_store(url)
    try:
        out = []
        for ap in PhotoRepository(store).article_photos(article_id):
            digest = blob_of_path(ap.photo.path)
            assert digest is not None
            with store.read() as s:
                written = write_blob_file(s, digest, tmp / f"{ap.photo.id}.jpg")
            assert sha256(tmp / f"{ap.photo.id}.jpg") == written == digest
            out.append((ap.caption, written))
        return out
    finally:
        store.close()


def _count_articles(url: str) -> int:
    from qk3editor.storage.articles_models import ArticleModel

    store = open_store(url)
    try:
        with store.read() as s:
            return len(list(s.scalars(select(ArticleModel.id))))
    finally:
        store.close()


def test_offline_queued_then_sent_once_with_photos_byte_identical(
    tmp_path: Path, newsroom_url: str, memkeyring: object
) -> None:
    proxy = CuttingProxy(port_of(newsroom_url))
    r = reporter(tmp_path / "reporter")
    try:
        url = via_port(newsroom_url, proxy.port)
        r.services.add_target("toasoan", "newsroom", url, "qk3", "mật khẩu", check=True)
        article = article_with_photos(r, tmp_path, sizes=(2_500_000, 40_000))
        originals = sorted(sha256(tmp_path / f"anh-{i}.jpg") for i in range(2))
        proxy.down = True  # no connection at the unit
        job_id = send(r, article, "toasoan", note="Bài gấp, xin duyệt sớm")
        (job,) = r.services.outbox.run_due()
        assert job.id == job_id and job.state is JobState.WAITING
        assert job.error_code == "transport"
        assert job.error_text()
        assert _count_articles(newsroom_url) == 0
        proxy.down = False  # the connection is back
        r.services.repo.update_job(job_id, next_attempt_at=job.created_at)
        (job,) = r.services.outbox.run_due()
        assert job.state is JobState.DONE, job.error_message
        assert _count_articles(newsroom_url) == 1
        photos = _desk_photos(newsroom_url, article.id, tmp_path)
        assert sorted(h for _c, h in photos) == originals
        assert {c for c, _h in photos} == {f"{CAPTION} (1)", f"{CAPTION} (2)"}
        desk = open_store(newsroom_url)
        try:
            got = ArticleRepository(desk).get(article.id)
            assert got.status is Status.SUBMITTED and got.title == "Tin từ đơn vị"
            desk_ids = [ap.photo.id for ap in PhotoRepository(desk).article_photos(article.id)]
            assert all(f"qk3photo:{i}" in got.body for i in desk_ids)
            (msg,) = DeskRepository(desk).messages(article.id)
            assert msg.text == "Bài gấp, xin duyệt sớm" and msg.author == "qk3"
        finally:
            desk.close()
        # sent twice: still one article, the second job a no-op
        again = send(r, r.articles.get(article.id), "toasoan")
        assert r.services.outbox.run_job(again).state is JobState.DONE
        assert _count_articles(newsroom_url) == 1
    finally:
        r.close()
        proxy.close()


def _blob_hashes(url: str) -> set[str]:
    from qk3editor.storage.desk_models import PhotoBlobModel

    store = open_store(url)
    try:
        with store.read() as s:
            return {
                str(h)
                for h in s.scalars(
                    select(PhotoBlobModel.content_hash).where(PhotoBlobModel.seq == 0)
                )
            }
    finally:
        store.close()


def test_cut_mid_send_then_resume_one_copy_photos_byte_identical(
    tmp_path: Path, newsroom_url: str, memkeyring: object
) -> None:
    proxy = CuttingProxy(port_of(newsroom_url))
    r = reporter(tmp_path / "reporter")
    try:
        r.services.add_target("toasoan", "newsroom", via_port(newsroom_url, proxy.port), "qk3", "x")
        article = article_with_photos(r, tmp_path, sizes=(1_000_000, 2_000_000))
        first, second = (sha256(tmp_path / f"anh-{i}.jpg") for i in range(2))
        job_id = send(r, article, "toasoan", note="Gửi từ đơn vị")
        proxy.cut_after(1_700_000)  # the first original is whole, the second is cut
        job = r.services.outbox.run_job(job_id, inline_retries=False)
        assert proxy.cuts == 1
        assert job.state is JobState.WAITING and job.error_code == "transport"
        assert _count_articles(newsroom_url) == 0  # nothing of the article itself
        assert _blob_hashes(newsroom_url) == {first}  # the whole original is kept, not the cut one
        job = r.services.outbox.run_job(job_id, inline_retries=False)  # resumed
        assert job.state is JobState.DONE, job.error_message
        assert _count_articles(newsroom_url) == 1
        assert _blob_hashes(newsroom_url) == {first, second}
        assert sorted(h for _c, h in _desk_photos(newsroom_url, article.id, tmp_path)) == sorted(
            [first, second]
        )
    finally:
        r.close()
        proxy.close()


def test_newer_desk_edit_is_a_conflict_never_overwritten(
    tmp_path: Path, newsroom_url: str, memkeyring: object
) -> None:
    r = reporter(tmp_path / "reporter")
    desk = open_store(newsroom_url)
    try:
        r.services.add_target("toasoan", "newsroom", newsroom_url, "qk3", "x", check=True)
        article = article_with_photos(r, tmp_path, sizes=(50_000,))
        assert r.services.outbox.run_job(send(r, article, "toasoan")).state is JobState.DONE
        # changed and sent again while the desk holds it: refused, said in the job
        changed = r.articles.update(article.id, ArticleFields(title="Tin từ đơn vị (sửa)"))
        job = r.services.outbox.run_job(send(r, changed, "toasoan"), inline_retries=False)
        assert job.state is JobState.FAILED and job.error_code == "at_desk"
        # the desk returns it, then edits it again
        DeskRepository(desk).return_article(article.id, "Thiếu nguồn tin", "Biên tập viên")
        assert r.services.outbox.sync_newsrooms() == [article.id]
        desk_articles = ArticleRepository(desk)
        desk_articles.update(article.id, ArticleFields(title="Tiêu đề của tòa soạn"))
        job = r.services.outbox.run_job(send(r, changed, "toasoan"), inline_retries=False)
        assert job.state is JobState.CONFLICT
        assert job.conflict is not None
        assert job.conflict["remote"]["title"] == "Tiêu đề của tòa soạn"
        assert job.conflict["local"]["title"] == "Tin từ đơn vị (sửa)"
        assert desk_articles.get(article.id).title == "Tiêu đề của tòa soạn"  # not overwritten
        # a person decides to overwrite: sent
        r.services.outbox.resolve_conflict(job.id, overwrite=True)
        job = r.services.outbox.run_job(job.id, inline_retries=False)
        assert job.state is JobState.DONE, job.error_message
        assert desk_articles.get(article.id).title == "Tin từ đơn vị (sửa)"
    finally:
        desk.close()
        r.close()


def test_return_with_comment_is_seen_after_sync_and_can_be_sent_again(
    tmp_path: Path, newsroom_url: str, memkeyring: object
) -> None:
    r = reporter(tmp_path / "reporter")
    desk = open_store(newsroom_url)
    try:
        r.services.add_target("toasoan", "newsroom", newsroom_url, "qk3", "x")
        article = article_with_photos(r, tmp_path, sizes=(20_000,))
        r.services.outbox.run_job(send(r, article, "toasoan", note="Xin duyệt"))
        with pytest.raises(Exception) as refused:
            DeskRepository(desk).return_article(article.id, "   ", "Biên tập viên")
        assert getattr(refused.value, "code", "") == "comment_needed"
        DeskRepository(desk).return_article(article.id, "Bổ sung ảnh toàn cảnh", "Trưởng ban")
        assert ArticleRepository(desk).get(article.id).status is Status.DRAFT
        local = DeskRepository(r.store)
        assert local.latest([article.id])[article.id].kind.value == "note"
        r.services.outbox.run_due()  # the next sync
        assert r.services.outbox.returned == [article.id]
        latest = local.latest([article.id])[article.id]
        assert latest.returned and latest.text == "Bổ sung ảnh toàn cảnh"
        assert latest.author_name == "Trưởng ban"
        assert r.services.outbox.sync_newsrooms() == []  # seen once
        fixed = r.articles.update(article.id, ArticleFields(lead="Sáng nay, có thêm ảnh"))
        job = r.services.outbox.run_job(send(r, fixed, "toasoan", note="Đã bổ sung"))
        assert job.state is JobState.DONE, job.error_message
        again = ArticleRepository(desk).get(article.id)
        assert again.status is Status.SUBMITTED and again.lead == "Sáng nay, có thêm ảnh"
        assert [m.kind.value for m in DeskRepository(desk).messages(article.id)] == [
            "note",
            "returned",
            "note",
        ]
    finally:
        desk.close()
        r.close()


def test_two_syncs_at_once_keep_one_newsroom_connection(
    tmp_path: Path, newsroom_url: str, memkeyring: object
) -> None:
    """The timer's sync and a person's at the same moment: each makes a connection before
    either is kept; one is kept for both and the other closed (none left open unreferenced)."""
    import threading

    r = reporter(tmp_path / "reporter")
    try:
        r.services.add_target("toasoan", "newsroom", newsroom_url, "qk3", "x")
        article = article_with_photos(r, tmp_path, sizes=(20_000,))
        r.services.outbox.run_job(send(r, article, "toasoan"))
        outbox = r.services.outbox
        outbox.close()  # no kept connection: both syncs make one
        made: list[object] = []
        closed: list[object] = []
        both_made = threading.Barrier(2, timeout=30)
        real_factory = outbox.publisher_factory

        def factory(target: object, secret: str) -> object:
            publisher = real_factory(target, secret)
            made.append(publisher)
            real_close = publisher.close

            def close() -> None:
                closed.append(publisher)
                real_close()

            publisher.close = close  # type: ignore[method-assign]
            both_made.wait()  # neither is kept before the other is made
            return publisher

        outbox.publisher_factory = factory
        results: list[list[str]] = []
        threads = [
            threading.Thread(target=lambda: results.append(outbox.sync_newsrooms()))
            for _ in range(2)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert results == [[], []]
        assert len(made) == 2 and len(closed) == 1  # one kept, the spare closed
        kept = outbox._syncers["toasoan"][1]
        assert kept in made and kept not in closed
        outbox.close()
        assert len(closed) == 2
    finally:
        r.close()
