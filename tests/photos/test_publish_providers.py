from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import PublishPhoto
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import PhotoMetadata, read_metadata_bytes, write_metadata
from qk3editor.photos.publish_providers import DeskPhotoSource, DeskRenditions
from qk3editor.photos.renditions import RenditionSpec
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoRepository
from tests.photos.photo_factory import CAPTION_VI, jpeg_bytes


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield s
    s.close()


def test_article_photos_and_their_renditions_for_publishing(store, tmp_path: Path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    for i in range(2):
        path = card / f"p{i}.jpg"
        path.write_bytes(jpeg_bytes(size=(800, 600), color=(i * 90, 40, 40), gps=True))
        write_metadata(path, PhotoMetadata(description=f"Ảnh {i}", credit="QK3", city="Hải Phòng"))
    repo = PhotoRepository(store)
    ids = [
        p.id for p in import_photos(repo, [card], IngestOptions(tmp_path / "t", workers=1)).photos
    ]
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo.attach(article.id, ids)
    repo.reorder(article.id, [ids[1], ids[0]])
    repo.set_featured(article.id, ids[0])
    repo.set_caption(article.id, ids[1], CAPTION_VI)

    photos = DeskPhotoSource(repo)(article)
    assert [p.key for p in photos] == [str(ids[1]), str(ids[0])]
    assert [p.featured for p in photos] == [False, True]
    assert photos[0].caption == CAPTION_VI and photos[1].caption == "Ảnh 0"
    assert photos[0].credit == "QK3"

    renditions = DeskRenditions(repo, [RenditionSpec("web", 400, 80)])
    first = renditions(photos[0])
    assert max(first.width, first.height) == 400 and first.filename == f"photo-{ids[1]}.jpg"
    facts = read_metadata_bytes(first.data)
    assert not facts.gps and facts.metadata.city == ""
    assert facts.metadata.description == CAPTION_VI and facts.metadata.credit == "QK3"

    repo.set_keep_location(ids[0], True, "Trưởng ban", datetime(2026, 11, 26, tzinfo=UTC))
    # the default policy strips every location, a recorded choice too
    stripped = read_metadata_bytes(renditions(photos[1]).data)
    assert not stripped.gps and stripped.metadata.city == ""
    renditions.location_policy = "per_photo"  # Preferences › Photos: photo by photo
    kept = read_metadata_bytes(renditions(photos[1]).data)
    assert kept.gps and kept.metadata.city == "Hải Phòng"
    assert not read_metadata_bytes(renditions(photos[0]).data).gps  # nobody chose it here
    renditions.location_policy = "always"  # not a policy: as strip
    assert not read_metadata_bytes(renditions(photos[1]).data).gps


def test_a_photo_not_in_the_store_is_rendered_without_location(tmp_path: Path, store) -> None:
    path = tmp_path / "outside.jpg"
    path.write_bytes(jpeg_bytes(gps=True))
    r = DeskRenditions(PhotoRepository(store))(
        PublishPhoto(key="phctttdvvqk20177", source=str(path), caption="Chú thích")
    )
    facts = read_metadata_bytes(r.data)
    assert not facts.gps and facts.metadata.description == "Chú thích"


def test_a_photo_without_a_stored_hash_is_read_once_for_the_cache_key_and_the_rendition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: the rendition cache's key hashes the original's bytes when the store has no
    content hash for it; the rendition is made from those same bytes, not a second read."""
    from qk3editor.photos import files, publish_providers, renditions

    path = tmp_path / "a.jpg"
    path.write_bytes(jpeg_bytes(size=(800, 600), gps=True))
    reads: list[str] = []

    def counted(p: Path) -> bytes:
        reads.append(str(p))
        return files.read_bytes(p)

    def no_hash_of_the_file(_path: str) -> str:
        raise AssertionError("the file was hashed by a second read")

    monkeypatch.setattr(publish_providers, "read_bytes", counted)
    monkeypatch.setattr(renditions, "read_bytes", counted)
    monkeypatch.setattr(publish_providers, "_file_hash", no_hash_of_the_file)
    desk = DeskRenditions(None, [RenditionSpec("web", 400, 85)], cache_dir=tmp_path / "cache")
    photo = PublishPhoto(key="outside", source=str(path), caption="Ảnh")
    first = desk(photo)
    assert reads == [str(path)]
    assert len(list((tmp_path / "cache").rglob("*.jpg"))) == 1
    again = desk(photo)  # from the cache: the key needs the bytes, the render does not run
    assert again.data == first.data and reads == [str(path)] * 2
    # the same key as hashing the file itself: renditions cached before are found
    monkeypatch.undo()
    md, choice = desk._inputs(photo, None)
    key = desk.cache_key(photo, None, md, choice)
    assert key == desk.cache_key(photo, None, md, choice, path.read_bytes())
    assert (tmp_path / "cache" / key[:2] / f"{key}.jpg").exists()
    assert key != desk.cache_key(photo, None, md, choice, b"other bytes")
