"""Send to the desk through the outbox, against a real PostgreSQL newsroom (issue 16)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from qk3editor.core.articles import Status
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
    tmp_path: Path, newsroom: str, memkeyring: object
) -> None:
    proxy = CuttingProxy(port_of(newsroom))
    r = reporter(tmp_path / "reporter")
    try:
        url = via_port(newsroom, proxy.port)
        r.services.add_target("toasoan", "newsroom", url, "qk3", "mật khẩu", check=True)
        article = article_with_photos(r, tmp_path, sizes=(2_500_000, 40_000))
        originals = sorted(sha256(tmp_path / f"anh-{i}.jpg") for i in range(2))
        proxy.down = True  # no connection at the unit
        job_id = send(r, article, "toasoan", note="Bài gấp, xin duyệt sớm")
        (job,) = r.services.outbox.run_due()
        assert job.id == job_id and job.state is JobState.WAITING
        assert job.error_code == "transport"
        assert job.error_text()
        assert _count_articles(newsroom) == 0
        proxy.down = False  # the connection is back
        r.services.repo.update_job(job_id, next_attempt_at=job.created_at)
        (job,) = r.services.outbox.run_due()
        assert job.state is JobState.DONE, job.error_message
        assert _count_articles(newsroom) == 1
        photos = _desk_photos(newsroom, article.id, tmp_path)
        assert sorted(h for _c, h in photos) == originals
        assert {c for c, _h in photos} == {f"{CAPTION} (1)", f"{CAPTION} (2)"}
        desk = open_store(newsroom)
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
        assert _count_articles(newsroom) == 1
    finally:
        r.close()
        proxy.close()
