"""HEIC photos (pillow-heif): ingest, orientation, thumbnails, metadata read, renditions
without location, captions refused for the file but kept in the store."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from qk3editor.photos import heif
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import caption_photos, export_web, import_photos
from qk3editor.photos.errors import HeicCaptionNotWritten
from qk3editor.photos.ingest import IngestOptions, collect_files, ingest
from qk3editor.photos.metadata import PhotoMetadata, read_metadata, write_metadata
from qk3editor.photos.renditions import RenditionSpec, location_keys, render
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoRepository

LEFT = (20, 40, 220)  # blue band on the stored image's left edge
RIGHT = (220, 40, 20)


def heic_bytes(
    size: tuple[int, int] = (400, 200), *, orientation: int = 1, gps: bool = True
) -> bytes:
    """A real HEIC (x265 via pillow-heif): blue left quarter, red elsewhere, Exif with GPS."""
    heif.register()
    im = Image.new("RGB", size, RIGHT)
    im.paste(LEFT, (0, 0, size[0] // 4, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (20.0, 51.0, 0.0), 3: "E", 4: (106.0, 41.0, 0.0)}
    buf = io.BytesIO()
    im.save(buf, "HEIF", exif=exif.tobytes(), quality=90)
    return buf.getvalue()


@pytest.fixture
def repo(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield PhotoRepository(store)
    store.close()


def close(a: tuple[int, ...], b: tuple[int, int, int], tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a[:3], b, strict=True))


def test_heic_is_recognised_by_content() -> None:
    assert heif.register()  # pillow-heif is a declared dependency, never optional here
    data = heic_bytes()
    assert heif.is_heif(data[:64])
    assert not heif.is_heif(b"\xff\xd8\xff\xe0" + bytes(60))


def test_heic_ingests_upright_with_metadata_and_thumbnail(tmp_path: Path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    (card / "IMG_0001.HEIC").write_bytes(heic_bytes(orientation=6))
    (card / "IMG_0002.heif").write_bytes(heic_bytes(orientation=1, gps=False))
    assert len(collect_files([card])) == 2
    report = ingest([card], IngestOptions(tmp_path / "thumbs", thumb_size=100, workers=1))
    turned, plain = report.items
    assert turned.status == "imported", turned.message
    assert turned.format == "HEIF" and plain.format == "HEIF"
    # orientation 6: the 400x200 stored image is shown 200 wide, 400 high (never turned twice)
    assert (turned.width, turned.height) == (200, 400)
    assert (plain.width, plain.height) == (400, 200)
    assert turned.orientation == 6 and turned.gps and not plain.gps
    assert turned.camera == "Apple iPhone 15"
    with Image.open(turned.thumbnail) as th:
        assert th.format == "JPEG" and th.size == (50, 100)
        # rotated 90° clockwise: the stored left edge (blue) is now at the top
        assert close(th.getpixel((25, 3)), LEFT)
        assert close(th.getpixel((25, 96)), RIGHT)
    with Image.open(plain.thumbnail) as th:
        assert th.size == (100, 50) and close(th.getpixel((3, 25)), LEFT)


def test_heic_rendition_is_jpeg_without_location(tmp_path: Path) -> None:
    src = tmp_path / "IMG.HEIC"
    src.write_bytes(heic_bytes(orientation=6))
    assert read_metadata(src).gps
    assert location_keys(src.read_bytes())  # the HEIC itself does carry GPS
    md = PhotoMetadata(description="Bộ đội Quân khu 3 huấn luyện")
    (r,) = render(src, tmp_path / "web", [RenditionSpec("web", 120, 80)], metadata=md)
    body = r.path.read_bytes()
    assert body.startswith(b"\xff\xd8")
    assert (r.width, r.height) == (60, 120)
    assert location_keys(body) == []
    facts = read_metadata(r.path)
    assert not facts.gps and facts.metadata.description == md.description
    with Image.open(r.path) as im:
        assert im.format == "JPEG" and close(im.getpixel((30, 3)), LEFT)


def test_writing_into_heic_is_refused_and_the_file_is_untouched(tmp_path: Path) -> None:
    src = tmp_path / "IMG.HEIC"
    src.write_bytes(heic_bytes())
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    with pytest.raises(HeicCaptionNotWritten) as err:
        write_metadata(src, PhotoMetadata(description="Chú thích"))
    assert err.value.code == "photo_heic_caption_store_only"
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert list(tmp_path.iterdir()) == [src]  # no temp file left behind


def test_heic_caption_is_kept_in_the_store_and_reaches_the_web_copy(repo, tmp_path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    (card / "a.heic").write_bytes(heic_bytes())
    before = (card / "a.heic").read_bytes()
    result = import_photos(repo, [card], IngestOptions(tmp_path / "t", workers=1))
    (photo,) = result.photos
    caption = "Thiếu tướng thăm bộ đội tại Hải Phòng"
    (line,) = caption_photos(repo, [photo.id], BatchEdit(values={"description": caption}))
    assert not line.ok and line.code == "photo_heic_caption_store_only"
    assert (card / "a.heic").read_bytes() == before
    assert repo.get(photo.id).metadata.description == caption
    (web,) = export_web(repo, [photo.id], tmp_path / "web", [RenditionSpec("web", 100, 80)])
    facts = read_metadata(web.path)
    assert facts.metadata.description == caption and not facts.gps
    # a person may still choose to publish the location: then the GPS block is copied
    repo.set_keep_location(photo.id, True, "Trưởng ban", datetime(2026, 11, 26, tzinfo=UTC))
    (kept,) = export_web(  # and the policy lets such a choice count
        repo,
        [photo.id],
        tmp_path / "web2",
        [RenditionSpec("web", 100, 80)],
        location_policy="per_photo",
    )
    assert read_metadata(kept.path).gps


def test_a_card_of_jpegs_never_loads_pillow_heif_and_a_heic_after_it_still_opens(
    tmp_path: Path,
) -> None:
    """Issue 14: pillow-heif loads only for a file that is not a JPEG (its import costs as much
    as Pillow's, before the first screen), in a fresh process as a worker is."""
    import subprocess
    import sys

    from tests.photos.photo_factory import jpeg_bytes

    (tmp_path / "a.jpg").write_bytes(jpeg_bytes())
    (tmp_path / "b.HEIC").write_bytes(heic_bytes())
    script = f"""
import sys
from pathlib import Path
from qk3editor.photos.ingest import IngestOptions, ingest
opts = IngestOptions(Path({str(tmp_path / "t")!r}), workers=1)
(jpg,) = ingest([Path({str(tmp_path / "a.jpg")!r})], opts).items
print(jpg.status, "pillow_heif" in sys.modules)
(heic,) = ingest([Path({str(tmp_path / "b.HEIC")!r})], opts).items
print(heic.status, heic.format, "pillow_heif" in sys.modules)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout.split("\n")
    assert out[:2] == ["imported False", "imported HEIF True"]
