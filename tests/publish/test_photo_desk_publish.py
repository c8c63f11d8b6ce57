"""End to end: a photo with GPS imported into an article, published to the reference portal;
what the portal received carries the caption and credit and no location in any form."""

from __future__ import annotations

import io
import sys

from qk3editor.cli import main
from qk3editor.core.articles import ArticleFields
from qk3editor.photos.metadata import PhotoMetadata, read_metadata, write_metadata
from qk3editor.photos.renditions import location_keys
from tests.photos.photo_factory import CAPTION_VI, exiftool_json, jpeg_bytes, needs_exiftool


@needs_exiftool
def test_published_photo_reveals_no_location(
    home, portal, memkeyring, monkeypatch, capsys, tmp_path
):
    from qk3editor.context import AppContext

    ctx = AppContext.open()
    try:
        article_id = ctx.articles.create(
            ArticleFields(
                title="Diễn tập", lead="Sáng nay diễn tập.", body="Nội dung.", category="Tin tức"
            )
        ).id
    finally:
        ctx.close()
    photo = tmp_path / "card" / "IMG_0001.JPG"
    photo.parent.mkdir()
    photo.write_bytes(jpeg_bytes(size=(1200, 800), gps=True, exif_thumb=True, makernote=True))
    write_metadata(photo, PhotoMetadata(description=CAPTION_VI, credit="Báo QK3", city="Hải Phòng"))
    assert main(["photos", "import", str(photo), "--article", article_id]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(portal.secret + "\n"))
    assert (
        main(["target", "add", "cong", "--kind", "ninjs", "--url", portal.url, "--user", "editor"])
        == 0
    )
    assert main(["publish", article_id, "--target", "cong"]) == 0
    capsys.readouterr()

    item = portal.store.get_item(article_id)["item"]
    assert item["associations"][0]["descriptions"][0]["value"] == CAPTION_VI
    media = list((portal.store.root / "media").glob("*.jpg"))
    assert len(media) == 1
    data = media[0].read_bytes()
    assert location_keys(data) == []
    facts = read_metadata(media[0])
    assert not facts.gps and facts.metadata.city == "" and facts.metadata.credit == "Báo QK3"
    tags = exiftool_json(media[0])
    words = ("GPS", "City", "State", "Country", "Location", "MakerNote", "Thumbnail")
    assert [k for k in tags if any(w in k.split(":")[-1] for w in words)] == []
    assert read_metadata(photo).gps  # the original keeps its GPS: only the web copy is clean
