"""The outbox through the real renditions provider: the AppContext's DeskRenditions (Pillow,
real JPEGs with GPS, the rendition cache), uploading on the task runner's pools."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image

from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import PhotoMetadata, write_metadata
from qk3editor.photos.renditions import location_keys, specs_from_settings
from qk3editor.publish.outbox import UPLOAD_POOL
from tests.photos.photo_factory import CAPTION_VI, jpeg_bytes


def test_outbox_publishes_the_desks_renditions(
    home, portal, memkeyring, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext.open(language="en")
    try:
        article = ctx.articles.create(ArticleFields(title="Diễn tập", body="Nội dung."))
        card = tmp_path / "card"
        card.mkdir()
        for i in range(3):
            path = card / f"IMG_{i}.jpg"
            path.write_bytes(jpeg_bytes((2400, 1600), color=(40 * i, 90, 60), gps=True))
            write_metadata(path, PhotoMetadata(description=f"Ảnh {i}", credit="QK3", city="Hà Nam"))
        options = IngestOptions(thumbnails_dir=ctx.paths.thumbnails_dir, workers=1)
        imported = import_photos(
            ctx.photos, [card], options, article_id=article.id, pools=ctx.tasks.pools
        )
        ids = [p.id for p in imported.photos]
        assert len(ids) == 3
        ctx.photos.set_caption(article.id, ids[1], CAPTION_VI)  # the article's own caption

        svc = ctx.publishing
        assert svc.outbox.renditions is ctx.renditions  # the desk's, not a stand-in
        assert svc.outbox.pools is ctx.tasks.pools
        svc.add_target("cong", "ninjs", portal.url, "editor", portal.secret)
        photos = svc.photo_source(article)
        job = svc.outbox.enqueue(article, photos, "cong")
        # the job's renditions reuse image memory (the desk's batch), given back at the end
        reused: list[int] = []
        make = ctx.renditions._make

        def spy(*args):  # type: ignore[no-untyped-def]
            reused.append(Image.core.get_blocks_max())
            return make(*args)

        monkeypatch.setattr(ctx.renditions, "_make", spy)
        job = svc.outbox.run_job(job.id)
        assert job.state is JobState.DONE, job.error_message
        assert len(reused) == 3 and min(reused) > 0
        assert Image.core.get_blocks_max() == 0

        media = {p.stem: p.read_bytes() for p in (portal.store.root / "media").glob("*.jpg")}
        assert len(media) == 3
        max_side = max(s.max_size for s in specs_from_settings(ctx.settings))
        for photo in photos:
            rendition = ctx.renditions(photo)  # from the cache the publish filled
            assert media[rendition.sha256] == rendition.data
            assert hashlib.sha256(rendition.data).hexdigest() == rendition.sha256
            assert location_keys(rendition.data) == []  # GPS and city never leave
            with Image.open(Path(photo.source)) as original:
                assert original.size == (2400, 1600)
            assert max(rendition.width, rendition.height) <= max_side
        item = portal.store.get_item(article.id)["item"]
        captions = {a["descriptions"][0]["value"] for a in item["associations"]}
        assert CAPTION_VI in captions and "Ảnh 0" in captions
        assert UPLOAD_POOL in ctx.tasks.pools.names()  # uploaded on the runner's threads
    finally:
        ctx.close()
