from __future__ import annotations

import hashlib
import random
import struct
import threading
import zlib
from pathlib import Path

from PIL import Image

from qk3editor.core import atomic
from qk3editor.core.tasks import Pools
from qk3editor.photos.ingest import (
    INGEST_POOL,
    THREADS_POOL,
    IngestOptions,
    ingest,
    process_file,
)
from tests.photos.photo_factory import CAPTION_VI, jpeg_bytes


def opts(tmp_path: Path, **kw) -> IngestOptions:
    return IngestOptions(thumbnails_dir=tmp_path / "cache" / "thumbnails", workers=1, **kw)


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_folder_ingest_reports_one_line_per_file_and_modifies_nothing(tmp_path: Path) -> None:
    src = tmp_path / "card" / "DCIM"
    src.mkdir(parents=True)
    (src / "a.jpg").write_bytes(
        jpeg_bytes(xmp={"Xmp.dc.description": {'lang="x-default"': CAPTION_VI}})
    )
    (src / "b.JPG").write_bytes(jpeg_bytes(color=(10, 200, 10), gps=True, exif_thumb=True))
    (src / "copy-of-a.jpg").write_bytes((src / "a.jpg").read_bytes())
    (src / "notes.jpg").write_text("không phải ảnh")
    (src / "cut.jpg").write_bytes(jpeg_bytes(color=(1, 2, 3))[:1500])
    (src / "bomb.png").write_bytes(bomb_png(30000, 30000))
    (src / "readme.txt").write_text("skipped: not an image name")
    (src / "dir.jpg").mkdir()  # a folder with an image name: cannot be read as a file
    before = digests(tmp_path / "card")
    report = ingest([tmp_path / "card"], opts(tmp_path))
    by_name = {Path(i.path).name: i for i in report.items}
    assert set(by_name) == {"a.jpg", "b.JPG", "copy-of-a.jpg", "notes.jpg", "cut.jpg", "bomb.png"}
    assert by_name["a.jpg"].status == "imported"
    assert by_name["a.jpg"].metadata["description"] == CAPTION_VI
    assert by_name["b.JPG"].gps is True and by_name["a.jpg"].gps is False
    assert by_name["copy-of-a.jpg"].status == "duplicate"
    assert by_name["copy-of-a.jpg"].duplicate_of == by_name["a.jpg"].path
    assert by_name["notes.jpg"].code == "photo_not_image"
    assert by_name["cut.jpg"].code == "photo_corrupt"
    assert by_name["bomb.png"].code == "photo_too_large"
    for item in report.items:
        assert item.status in {"imported", "duplicate"} or item.message
    assert Path(by_name["a.jpg"].thumbnail).is_file()
    assert digests(tmp_path / "card") == before
    explicit = ingest([src / "a.jpg" / "inside.jpg"], opts(tmp_path)).items[0]
    assert explicit.status == "error" and explicit.code == "photo_unreadable"
    missing = ingest([src / "gone.jpg"], opts(tmp_path)).items[0]
    assert missing.code == "photo_not_found"


def test_pixel_limit_from_options(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(jpeg_bytes(size=(400, 300)))
    item = process_file(str(path), opts(tmp_path, max_pixels=100_000))
    assert item.code == "photo_too_large"


def test_exif_orientation_is_applied_to_thumbnail_and_size(tmp_path: Path) -> None:
    path = tmp_path / "rotated.jpg"
    path.write_bytes(jpeg_bytes(size=(400, 200), orientation=6))
    item = process_file(str(path), opts(tmp_path, thumb_size=100))
    assert (item.width, item.height) == (200, 400)
    with Image.open(item.thumbnail) as thumb:
        assert thumb.size[1] > thumb.size[0]


def test_placeholders_come_first_from_exif_thumbnails(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"p{i}.jpg").write_bytes(
            jpeg_bytes(color=(i * 60, 50, 50), exif_thumb=i % 2 == 0)
        )
    events: list[tuple[str, str]] = []
    report = ingest(
        [tmp_path],
        opts(tmp_path),
        on_placeholder=lambda p, b: events.append(("placeholder", Path(p).name)),
        progress=lambda d, t, item: events.append(("done", Path(item.path).name)),
    )
    assert report.count("imported") == 4
    placeholders = [n for kind, n in events if kind == "placeholder"]
    assert placeholders == ["p0.jpg", "p2.jpg"]
    assert events.index(("placeholder", "p2.jpg")) < events.index(("done", "p0.jpg"))
    # files without a placeholder on the first screen are thumbnailed first
    assert [n for kind, n in events if kind == "done"][:2] == ["p1.jpg", "p3.jpg"]


def test_known_hashes_mark_duplicates_of_stored_photos(tmp_path: Path) -> None:
    from qk3editor.photos.ingest import content_hash

    path = tmp_path / "x.jpg"
    path.write_bytes(jpeg_bytes())
    known = content_hash(path.read_bytes())
    report = ingest([path], opts(tmp_path), known_hashes=lambda h: "42" if h == known else None)
    assert report.items[0].status == "duplicate" and report.items[0].duplicate_of == "42"


def test_cancel_stops_between_files(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"c{i}.jpg").write_bytes(jpeg_bytes(color=(i * 30, 0, 0)))
    cancel = threading.Event()
    report = ingest(
        [tmp_path], opts(tmp_path), cancel=cancel, progress=lambda d, t, i: cancel.set()
    )
    assert report.cancelled
    assert report.count("imported") == 1 and report.count("cancelled") == 5


def test_process_pool_uses_workers_and_gives_the_same_report(tmp_path: Path, monkeypatch) -> None:
    from qk3editor.photos import ingest as ingest_module

    src = tmp_path / "src"
    src.mkdir()
    for i in range(5):
        (src / f"w{i}.jpg").write_bytes(jpeg_bytes(color=(0, i * 40, 0), exif_thumb=True))
    (src / "w5.jpg").write_text("not an image")
    seen: list[int] = []
    pools = Pools()
    options = IngestOptions(thumbnails_dir=tmp_path / "thumbs", workers=2)
    try:
        pools.warm(INGEST_POOL, 2)  # as the desk does when it opens
        # a card's usual batch of JPEGs runs on threads all the same (issue 14: no previews
        # to make first, no second decode of each photo)...
        ingest([src], options, pools=pools)
        assert THREADS_POOL in pools.names()
        pools.shutdown()
        pools = Pools()
        pools.warm(INGEST_POOL, 2)
        # ...a bigger one goes to the running pool
        monkeypatch.setattr(ingest_module, "THREADS_UP_TO", 5)
        report = ingest([src], options, progress=lambda d, t, i: seen.append(d), pools=pools)
        assert THREADS_POOL not in pools.names()
    finally:
        pools.shutdown()
    assert seen == [1, 2, 3, 4, 5, 6]
    assert report.count("imported") == 5 and report.count("error") == 1
    assert [Path(i.path).name for i in report.items] == [f"w{i}.jpg" for i in range(6)]


def test_a_small_jpeg_batch_runs_on_threads(tmp_path: Path, monkeypatch) -> None:
    from qk3editor.photos import ingest as ingest_module

    src = tmp_path / "src"
    src.mkdir()
    for i in range(5):
        (src / f"t{i}.jpg").write_bytes(jpeg_bytes(color=(0, 9, i * 40), orientation=6))
    (src / "t5.jpg").write_text("not an image")
    options = IngestOptions(thumbnails_dir=tmp_path / "thumbs", workers=2)
    seen: list[int] = []
    pools = Pools()
    try:
        report = ingest([src], options, progress=lambda d, t, i: seen.append(d), pools=pools)
        assert THREADS_POOL in pools.names() and INGEST_POOL not in pools.names()
    finally:
        pools.shutdown()
    assert seen == [1, 2, 3, 4, 5, 6]
    assert report.count("imported") == 5 and report.count("error") == 1
    assert [Path(i.path).name for i in report.items] == [f"t{i}.jpg" for i in range(6)]
    # the same lines as one file at a time in this thread gives
    inline = ingest([src], IngestOptions(thumbnails_dir=tmp_path / "thumbs1", workers=1))
    strip = lambda i: (i.path, i.status, i.content_hash, i.width, i.height, i.code)  # noqa: E731
    assert [strip(i) for i in report.items] == [strip(i) for i in inline.items]
    assert report.items[0].width < report.items[0].height  # turned upright (orientation 6)
    # a batch above the limit, or with another format, goes to the process pool
    monkeypatch.setattr(ingest_module, "THREADS_UP_TO", 5)
    for batch in ([src], [*sorted(src.glob("t[0-3].jpg")), _png(src / "p.png")]):
        pools = Pools()
        try:
            ingest(batch, options, pools=pools)
            assert INGEST_POOL in pools.names() and THREADS_POOL not in pools.names()
        finally:
            pools.shutdown()


def _png(path: Path) -> Path:
    Image.new("RGB", (60, 40), (1, 2, 3)).save(path)
    return path


def corrupt(base: bytes, rng: random.Random) -> bytes:
    data = bytearray(base)
    kind = rng.randrange(6)
    if kind == 0:  # truncated anywhere
        return bytes(data[: rng.randrange(len(data))])
    if kind == 1:  # random bytes flipped
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 2:  # a segment length or marker destroyed in the header
        at = rng.randrange(2, min(len(data), 4000))
        data[at : at + 2] = bytes([rng.randrange(256), rng.randrange(256)])
        return bytes(data)
    if kind == 3:  # garbage inserted
        at = rng.randrange(len(data))
        return bytes(data[:at]) + rng.randbytes(rng.randint(1, 500)) + bytes(data[at:])
    if kind == 4:  # a chunk removed
        at = rng.randrange(len(data))
        return bytes(data[:at]) + bytes(data[at + rng.randint(1, 2000) :])
    return rng.randbytes(rng.randint(0, 3000))  # pure noise with an image name


def test_fuzz_200_corrupted_files_each_get_a_line_and_none_is_modified(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    base = jpeg_bytes(
        size=(200, 150),
        exif_thumb=True,
        gps=True,
        orientation=6,
        iim={"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.Caption": CAPTION_VI},
        xmp={"Xmp.photoshop.Headline": "Tiêu đề"},
    )
    src = tmp_path / "fuzz"
    src.mkdir()
    for i in range(220):
        (src / f"f{i:03d}.jpg").write_bytes(corrupt(base, rng))
    before = digests(src)
    report = ingest([src], opts(tmp_path))
    assert len(report.items) == 220
    statuses = {i.status for i in report.items}
    assert statuses <= {"imported", "error", "duplicate"}
    assert report.count("error") >= 50  # many corruptions are caught, each with a reason
    for item in report.items:
        if item.status == "error":
            assert item.code.startswith("photo_") and item.message
    assert digests(src) == before


def test_png_and_tiff_are_ingested(tmp_path: Path) -> None:
    src = tmp_path / "mixed"
    src.mkdir()
    Image.new("RGB", (300, 200), (10, 120, 200)).save(src / "a.png")
    Image.new("RGB", (200, 300), (200, 120, 10)).save(src / "b.tif")
    report = ingest([src], opts(tmp_path))
    assert [(Path(i.path).name, i.status, i.format) for i in report.items] == [
        ("a.png", "imported", "PNG"),
        ("b.tif", "imported", "TIFF"),
    ]
    assert (report.items[1].width, report.items[1].height) == (200, 300)


def test_full_cache_disk_is_a_clear_line_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    import errno

    from PIL import Image as PILImage

    for i in range(3):
        (tmp_path / f"d{i}.jpg").write_bytes(jpeg_bytes(color=(i * 50, 0, 0)))
    real_save = PILImage.Image.save
    calls = {"n": 0}

    def save(self, fp, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the cache disk fills up once: a fault a test cannot cause
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(self, fp, *args, **kwargs)

    monkeypatch.setattr(PILImage.Image, "save", save)
    report = ingest([tmp_path], opts(tmp_path))
    assert [i.status for i in report.items] == ["imported", "error", "imported"]
    assert report.items[1].code == "disk_full"
    assert not list((tmp_path / "cache").rglob("*" + atomic.TEMP_SUFFIX))


def test_fuzz_caption_writes_on_200_corrupted_files_never_damage_them(tmp_path: Path) -> None:
    from qk3editor.photos import jpeg
    from qk3editor.photos.errors import PhotoError
    from qk3editor.photos.metadata import PhotoMetadata, write_metadata

    rng = random.Random(5)
    base = jpeg_bytes(
        size=(160, 120),
        exif_thumb=True,
        iim={"Iptc.Envelope.CharacterSet": "\x1b%G", "Iptc.Application2.Caption": CAPTION_VI},
    )
    md = PhotoMetadata(description=CAPTION_VI, keywords=("Quân khu 3",))
    outcomes = {"written": 0, "refused": 0}
    for i in range(200):
        path = tmp_path / f"w{i:03d}.jpg"
        data = corrupt(base, rng)
        path.write_bytes(data)
        try:
            write_metadata(path, md)
        except PhotoError as exc:
            assert exc.code.startswith("photo_") and exc.message()
            assert path.read_bytes() == data  # refused: untouched
            outcomes["refused"] += 1
            continue
        after = path.read_bytes()
        end_before, end_after = jpeg.sos_header_end(data), jpeg.sos_header_end(after)
        if end_before is not None:
            assert after[end_after:] == data[end_before:]  # scan data as it was
        outcomes["written"] += 1
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".jpg"] == []  # no temp left
    assert outcomes["written"] > 20 and outcomes["refused"] > 20


def test_a_recaptioned_copy_is_still_a_duplicate(tmp_path: Path) -> None:
    from qk3editor.photos.metadata import PhotoMetadata, write_metadata

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.jpg").write_bytes(jpeg_bytes(exif_thumb=True))
    (src / "b.jpg").write_bytes((src / "a.jpg").read_bytes())
    write_metadata(src / "b.jpg", PhotoMetadata(description=CAPTION_VI))  # same pixels
    (src / "c.jpg").write_bytes(jpeg_bytes(color=(1, 1, 1)))
    report = ingest([src], opts(tmp_path))
    assert [i.status for i in report.items] == ["imported", "duplicate", "imported"]


def test_quick_preview_is_a_small_upright_jpeg_and_only_for_jpeg(tmp_path: Path) -> None:
    import io

    from qk3editor.photos.ingest import quick_preview

    turned = tmp_path / "turned.jpg"
    turned.write_bytes(jpeg_bytes(size=(800, 400), orientation=6))
    body = quick_preview(turned, 100)
    assert body is not None and body.startswith(b"\xff\xd8")
    with Image.open(io.BytesIO(body)) as im:
        assert im.size == (50, 100)  # turned upright, never larger than asked
    png = tmp_path / "p.png"
    Image.new("RGB", (50, 50)).save(png)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(jpeg_bytes()[:300])
    assert quick_preview(png) is None and quick_preview(broken) is None


def test_first_screen_without_exif_thumbnails_gets_quick_previews(tmp_path: Path, monkeypatch):
    from qk3editor.photos import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "FIRST_SCREEN", 4)
    card = tmp_path / "card"
    card.mkdir()
    for i in range(6):
        (card / f"q{i}.jpg").write_bytes(jpeg_bytes(color=(i * 40, 9, 9), exif_thumb=i == 1))
    shown: list[str] = []
    monkeypatch.setattr(ingest_module, "THREADS_UP_TO", 5)  # a batch for the process pool
    report = ingest(
        [card],
        IngestOptions(thumbnails_dir=tmp_path / "thumbs", workers=2),
        on_placeholder=lambda p, b: shown.append(Path(p).name),
    )
    assert report.count("imported") == 6
    # the Exif thumbnail first, then a preview of each other photo on the first screen, in
    # order; photos beyond the first screen wait for their real thumbnails
    assert shown == ["q1.jpg", "q0.jpg", "q2.jpg", "q3.jpg"]


def test_a_3_2_photo_decodes_at_an_eighth_for_its_thumbnail(tmp_path: Path, monkeypatch) -> None:
    from PIL import JpegImagePlugin

    decoded: list[tuple[int, int]] = []
    draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):  # type: ignore[no-untyped-def]
        result = draft(self, mode, size)
        decoded.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    (tmp_path / "a.jpg").write_bytes(jpeg_bytes((1200, 800)))
    (item,) = ingest([tmp_path / "a.jpg"], opts(tmp_path, thumb_size=120)).items
    # 150x100 is enough for 120x80: the shrink-on-load vipsthumbnail does (a square box
    # would have stopped at 1/4, four times the pixels to decode and shrink)
    assert decoded[0] == (150, 100)
    with Image.open(item.thumbnail) as thumb:
        assert thumb.size == (120, 80)


def test_preload_loads_what_a_batch_on_threads_needs_in_a_fresh_process() -> None:
    """Issue 14: the desk preloads Pillow's JPEG decoder and exiv2 when it opens, so the first
    import's first screen does not wait for them (and pillow-heif is not among them)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from qk3editor.photos.ingest import preload\n"
        "names = ('PIL.JpegImagePlugin', 'pyexiv2', 'pillow_heif')\n"
        "print([n in sys.modules for n in names])\n"
        "preload()\n"
        "print([n in sys.modules for n in names])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout.split("\n")
    assert out[:2] == ["[False, False, False]", "[True, True, False]"]
