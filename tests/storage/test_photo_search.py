"""Photo captions are searchable: a caption word finds the articles the photo belongs to."""

from __future__ import annotations

from pathlib import Path

from qk3editor.core.articles import ArticleFields
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import caption_photos, import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.storage.search import SearchRepository
from tests.photos.photo_factory import jpeg_bytes


def test_caption_words_find_the_article(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        card = tmp_path / "card"
        card.mkdir()
        (card / "a.jpg").write_bytes(jpeg_bytes(size=(320, 240)))
        repo = PhotoRepository(store)
        (photo,) = import_photos(repo, [card], IngestOptions(tmp_path / "t", workers=1)).photos
        articles = ArticleRepository(store)
        a = articles.create(ArticleFields(title="Hội nghị sơ kết", body="Nội dung."))
        b = articles.create(ArticleFields(title="Tin khác", body="Không liên quan."))
        search = SearchRepository(store)
        assert search.search_ids("xuồng") == []

        repo.attach(a.id, [photo.id])
        repo.set_caption(a.id, photo.id, "Bộ đội chèo xuồng cứu dân vùng lũ")
        assert search.search_ids("xuồng") == [a.id]
        assert search.search_ids("xuong cuu") == [a.id]  # without diacritics too

        # the file's own caption (written by the photo desk) reaches every article it is in
        repo.attach(b.id, [photo.id])
        caption_photos(repo, [photo.id], BatchEdit({"description": "Cầu phao Hải Dương"}))
        assert set(search.search_ids("phao")) == {a.id, b.id}
        assert search.search_ids("xuồng") == [a.id]  # a keeps its own caption

        repo.set_caption(a.id, photo.id, "Đoàn công tác thăm hỏi")
        assert search.search_ids("xuồng") == []
        repo.detach(b.id, photo.id)
        assert search.search_ids("phao") == [a.id]  # the file's caption is still a's photo's
    finally:
        store.close()
