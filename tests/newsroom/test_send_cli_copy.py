"""The newsroom from the command line (in-process), and ``store copy`` both ways."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from sqlalchemy import func, select

from qk3editor.cli import main
from qk3editor.core.articles import Status
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.desk_models import PhotoBlobModel
from qk3editor.storage.editor_models import RevisionModel
from qk3editor.storage.photo_blobs import blob_of_path
from qk3editor.storage.photos_repository import PhotoRepository

from .send_helpers import article_with_photos, reporter, sha256


def test_cli_target_send_return_sync(
    home: Path, tmp_path: Path, newsroom_url: str, memkeyring: object, monkeypatch, capsys
) -> None:
    r = reporter(home.parent / "prep")
    article = article_with_photos(r, tmp_path, sizes=(30_000,))
    r.close()
    store = str(home.parent / "prep" / "local.sqlite3")
    ADD = ["--store", store, "target", "add"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu\n"))
    wrong = newsroom_url.replace("qk3@", "qk3:lo@")
    assert main([*ADD, "x", "--kind", "newsroom", "--url", wrong, "--user", "qk3"]) != 0
    assert "không ghi mật khẩu trong địa chỉ" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu\n"))
    assert (
        main([*ADD, "toasoan", "--kind", "newsroom", "--url", newsroom_url, "--user", "qk3"]) == 0
    )
    assert "toasoan" in capsys.readouterr().out
    assert "mật khẩu".encode() not in Path(store).read_bytes()  # in the keyring only
    assert memkeyring.store  # type: ignore[attr-defined]
    code = main(
        ["--store", store, "publish", article.id[:8], "--target", "toasoan", "--note", "Gấp"]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Đã gửi về tòa soạn toasoan" in out.out
    # the desk's own store lists it and returns it
    assert main(["--store", newsroom_url, "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in listed] == [article.id]
    assert (
        main(["--store", newsroom_url, "desk", "return", article.id, "--comment", "Thiếu ảnh"]) == 0
    )
    assert "Đã trả lại phóng viên" in capsys.readouterr().out
    assert (
        main(["--store", newsroom_url, "desk", "return", article.id, "--comment", "Lần nữa"]) != 0
    )
    assert "không chờ ở tòa soạn" in capsys.readouterr().err
    assert main(["--store", store, "desk", "sync"]) == 0
    assert "Thiếu ảnh" in capsys.readouterr().out
    assert main(["--store", store, "desk", "messages", article.id, "--json"]) == 0
    kinds = [m["kind"] for m in json.loads(capsys.readouterr().out)]
    assert kinds == ["note", "returned"]


def test_store_copy_into_newsroom_and_back_idempotent(
    home: Path, tmp_path: Path, newsroom_url: str, capsys
) -> None:
    r = reporter(tmp_path / "r")
    article = article_with_photos(r, tmp_path, sizes=(1_200_000, 10_000))
    originals = sorted(sha256(tmp_path / f"anh-{i}.jpg") for i in range(2))
    from qk3editor.core.articles import ArticleFields

    r.articles.update(article.id, ArticleFields(title="Đã sửa"))
    r.close()
    store = str(tmp_path / "r" / "local.sqlite3")
    for _ in range(2):
        assert main(["--store", store, "store", "copy", "--to", newsroom_url, "--json"]) == 0
    first, second = _two_json(capsys.readouterr().out)
    assert first["articles_added"] == 1 and first["photos"] == 2 and first["originals"] == 2
    assert first["links"] == 2 and first["categories"] == 0  # the sections exist on both
    assert second == {k: 0 for k in second}  # run twice: nothing doubled
    desk = open_store(newsroom_url)
    try:
        got = ArticleRepository(desk).get(article.id)
        assert got.title == "Đã sửa" and got.status is Status.DRAFT
        photos = PhotoRepository(desk).article_photos(article.id)
        assert sorted(blob_of_path(ap.photo.path) or "" for ap in photos) == originals
        assert all(f"qk3photo:{ap.photo.id}" in got.body for ap in photos)
        with desk.read() as s:
            assert s.scalar(select(func.count()).where(PhotoBlobModel.seq == 0)) == 2
            revisions = s.scalar(select(func.count()).select_from(RevisionModel))
    finally:
        desk.close()
    # and back into a new local store: the originals come out as files, byte for byte
    back = tmp_path / "back.sqlite3"
    for _ in range(2):
        assert main(["--store", newsroom_url, "store", "copy", "--to", str(back), "--json"]) == 0
    first, second = _two_json(capsys.readouterr().out)
    assert first["articles_added"] == 1 and first["originals"] == 2
    assert second == {k: 0 for k in second}
    copy = open_store(f"sqlite:///{back}")
    try:
        photos = PhotoRepository(copy).article_photos(article.id)
        assert sorted(sha256(Path(ap.photo.path)) for ap in photos) == originals
        with copy.read() as s:
            assert s.scalar(select(func.count()).select_from(RevisionModel)) == revisions
    finally:
        copy.close()


def _two_json(text: str) -> tuple[dict[str, int], dict[str, int]]:
    decoder = json.JSONDecoder()
    first, end = decoder.raw_decode(text)
    second, _ = decoder.raw_decode(text[end:].lstrip())
    return first, second
