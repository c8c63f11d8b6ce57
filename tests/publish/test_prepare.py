"""Renditions cached on disk and prepared in the background when photos change."""

from __future__ import annotations

from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import PhotoMetadata, read_metadata_bytes, write_metadata
from qk3editor.photos.publish_providers import DeskPhotoSource, DeskRenditions
from qk3editor.photos.renditions import RenditionSpec, location_keys
from qk3editor.publish.prepare import RenditionPreparer
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoRepository
from tests.photos.photo_factory import jpeg_bytes

SPEC = [RenditionSpec("web", 320, 80)]


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield s
    s.close()


def _import(store, tmp_path: Path, n: int = 2) -> tuple[PhotoRepository, list[int]]:  # type: ignore[no-untyped-def]
    card = tmp_path / "card"
    card.mkdir()
    for i in range(n):
        path = card / f"p{i}.jpg"
        path.write_bytes(jpeg_bytes(size=(640, 480), color=(i * 80, 60, 30), gps=True))
        write_metadata(path, PhotoMetadata(description=f"Ảnh {i}", credit="QK3", city="Hà Nam"))
    repo = PhotoRepository(store)
    result = import_photos(repo, [card], IngestOptions(tmp_path / "thumbs", workers=1))
    return repo, [p.id for p in result.photos]


class Counting:
    def __init__(self, inner: DeskRenditions) -> None:
        self.inner = inner
        self.made = 0
        real = inner._make

        def make(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.made += 1
            return real(*args, **kwargs)

        inner._make = make  # type: ignore[method-assign]


def test_cache_hit_is_the_same_rendition_and_caption_change_misses(store, tmp_path) -> None:
    repo, ids = _import(store, tmp_path)
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo.attach(article.id, ids)
    renditions = DeskRenditions(repo, SPEC, cache_dir=tmp_path / "cache")
    counting = Counting(renditions)
    photo = DeskPhotoSource(repo)(article)[0]
    first = renditions(photo)
    again = DeskRenditions(repo, SPEC, cache_dir=tmp_path / "cache")(photo)  # a new process
    assert counting.made == 1
    assert again.data == first.data and again.sha256 == first.sha256
    assert (again.width, again.height) == (first.width, first.height)
    assert location_keys(again.data) == []  # what is cached is the stripped rendition

    # the article's caption is written into the rendition: a new caption is a new rendition
    repo.set_caption(article.id, ids[0], "Chú thích mới của bài")
    changed = DeskPhotoSource(repo)(article)[0]
    fresh = renditions(changed)
    assert counting.made == 2
    assert read_metadata_bytes(fresh.data).metadata.description == "Chú thích mới của bài"
    # other settings are another rendition too
    small = DeskRenditions(repo, [RenditionSpec("web", 200, 80)], cache_dir=tmp_path / "cache")
    assert max(small(changed).width, small(changed).height) == 200


def test_torn_cache_file_is_made_again(store, tmp_path) -> None:
    repo, ids = _import(store, tmp_path, 1)
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo.attach(article.id, ids)
    cache = tmp_path / "cache"
    renditions = DeskRenditions(repo, SPEC, cache_dir=cache)
    photo = DeskPhotoSource(repo)(article)[0]
    good = renditions(photo)
    (jpg,) = cache.rglob("*.jpg")
    jpg.write_bytes(jpg.read_bytes()[:100])
    assert renditions(photo).data == good.data


def test_attach_and_caption_prepare_renditions_in_the_background(store, tmp_path) -> None:
    repo, ids = _import(store, tmp_path)
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    renditions = DeskRenditions(repo, SPEC, cache_dir=tmp_path / "cache")
    counting = Counting(renditions)
    preparer = RenditionPreparer(renditions, DeskPhotoSource(repo).for_id, workers=2)
    unsubscribe = store.events.article_photos.subscribe(preparer.on_change)
    try:
        repo.attach(article.id, ids)
        assert preparer.wait(60)
        assert counting.made == 2
        # publishing now finds them: nothing is rendered during the publish
        for photo in DeskPhotoSource(repo)(article):
            renditions(photo)
        assert counting.made == 2
        repo.set_caption(article.id, ids[1], "Bộ đội giúp dân gặt lúa")
        assert preparer.wait(60)
        assert counting.made == 3  # only the photo whose caption changed
    finally:
        unsubscribe()
        preparer.close()


def test_the_context_builds_one_renditions_provider_shared_by_publish_and_preparer(ctx) -> None:
    first = ctx.renditions
    assert ctx.renditions is first
    assert first.cache_dir == ctx.paths.renditions_dir
    assert ctx.publishing.outbox.renditions is first
    assert ctx.preparer.renditions is first
    assert ctx.publishing is ctx.publishing and ctx.photos is ctx.photos
