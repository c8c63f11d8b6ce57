"""The photo tables and repository on a real PostgreSQL server."""

from __future__ import annotations

from datetime import UTC, datetime

from qk3editor.core.articles import ArticleFields
from qk3editor.core.photos import PhotoMetadata
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import NewPhoto, PhotoQuery, PhotoRepository
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401


def test_photo_repository_on_postgres(fresh_postgres: str) -> None:  # noqa: F811
    store = open_store(fresh_postgres)
    try:
        repo = PhotoRepository(store)
        a, b = repo.add(
            [
                NewPhoto(
                    "/card/A_100%.JPG",
                    "a" * 64,
                    PhotoMetadata(description="Hải Phòng", keywords=("QK3",), creator=("Ảnh",)),
                    date_taken="2026-11-02T08:00:00",
                    gps=True,
                ),
                NewPhoto("/card/B.JPG", "b" * 64, PhotoMetadata(), date_taken="2026-11-01"),
            ]
        )
        assert repo.add([NewPhoto("/x.jpg", "a" * 64, PhotoMetadata())]) == []
        assert repo.list_ids() == [b.id, a.id]
        assert repo.list_ids(PhotoQuery(text="HẢI")) == [a.id]
        assert repo.list_ids(PhotoQuery(text="100%")) == [a.id]  # % is matched literally
        assert repo.list_ids(PhotoQuery(status="gps")) == [a.id]
        assert repo.count_ids(PhotoQuery(text="100%")) == 1 and repo.count_ids(PhotoQuery()) == 2
        assert repo.page_ids(PhotoQuery(), 1, 5) == [a.id]  # the desk's second window
        assert repo.get(a.id).metadata.keywords == ("QK3",)
        when = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
        assert repo.set_keep_location(a.id, True, "Trưởng ban", when).keep_location_at == when
        article = ArticleRepository(store).create(ArticleFields(title="Bài"))
        repo.attach(article.id, [a.id, b.id])
        repo.reorder(article.id, [b.id, a.id])
        placed = repo.set_featured(article.id, a.id)
        assert [(p.photo.id, p.featured) for p in placed] == [(b.id, False), (a.id, True)]
    finally:
        store.close()
