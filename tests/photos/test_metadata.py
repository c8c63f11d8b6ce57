from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from qk3editor.photos import jpeg
from qk3editor.photos.errors import DiskFull, PhotoCorrupt, PhotoReadOnly
from qk3editor.photos.iim import cut_utf8, decode_iim
from qk3editor.photos.metadata import PhotoMetadata, read_metadata, write_metadata
from tests.photos.photo_factory import (
    CAPTION_VI,
    REFERENCE,
    exiftool_json,
    needs_exiftool,
    needs_reference,
)

VI = PhotoMetadata(
    headline="Quân khu 3 diễn tập phòng thủ",
    description=CAPTION_VI,
    alt_text="Một vị tướng bắt tay chiến sĩ",
    creator=("Nguyễn Văn Ảnh",),
    credit="Báo Quân khu 3",
    copyright="© Báo Quân khu 3",
    keywords=("Quân khu 3", "Hải Phòng", "diễn tập"),
    date_created="2026-11-20",
    sublocation="Sở chỉ huy",
    city="Hải Phòng",
    province_state="Hải Phòng",
    country="Việt Nam",
    job_id="QK3-2026-117",
    instructions="Không dùng cho quảng cáo",
    title="Diễn tập KVPT 2026",
)


def scan_data(data: bytes) -> bytes:
    """The entropy-coded image data (after SOS) exactly as stored."""
    for marker, _start, end in jpeg.iter_segments(data):
        if marker == 0xDA:
            return data[end:]
    raise AssertionError("no SOS")


@needs_reference
def test_reference_image_reads_every_field_as_the_standard_says() -> None:
    md = read_metadata(REFERENCE / "IPTC-PhotometadataRef-Std2017.1.jpg").metadata
    assert md.headline == "The Headline (ref2017.1)"
    assert md.description == "The description aka caption (ref2017.1)"
    assert md.creator == ("Creator1 (ref2017.1)", "Creator2 (ref2017.1)")
    assert md.credit == "Credit Line (ref2017.1)"
    assert md.copyright == "Copyright (Notice) 2017.1 IPTC - www.iptc.org  (ref2017.1)"
    assert set(md.keywords) == {"Keyword1ref2017.1", "Keyword2ref2017.1", "Keyword3ref2017.1"}
    assert md.date_created.startswith("2017-07-13")
    assert md.sublocation == "Sublocation (Core) (ref2017.1)"
    assert md.city == "City (Core) (ref2017.1)"
    # the IIM copy is cut at 32 bytes; XMP (preferred without a digest) holds it whole
    assert md.province_state == "Province/State (Core) (ref2017.1)"
    assert md.country == "Country (Core) (ref2017.1)"
    assert md.job_id == "Job Id (ref2017.1)"
    assert md.instructions == "An Instruction (ref2017.1)"
    assert md.title == "The Title (ref2017.1)"
    assert md.alt_text == ""  # Alt Text arrived in the 2021 standard


@needs_exiftool
def test_vietnamese_caption_reads_back_identically_in_exiftool_xmp_and_iim(make_jpeg) -> None:
    path = make_jpeg(iim={"Iptc.Application2.Headline": "old"})
    before = path.read_bytes()
    result = write_metadata(path, VI)
    assert result.wrote_iim and not result.cuts
    after = path.read_bytes()
    assert scan_data(after) == scan_data(before)
    assert jpeg.image_data_digest(after) == jpeg.image_data_digest(before)
    tags = exiftool_json(path)
    assert tags["XMP-dc:Description"] == CAPTION_VI
    assert tags["IPTC:Caption-Abstract"] == CAPTION_VI
    assert tags["IPTC:CodedCharacterSet"] == "UTF8"
    assert tags["XMP-photoshop:Headline"] == tags["IPTC:Headline"] == VI.headline
    assert tags["XMP-iptcCore:AltTextAccessibility"] == VI.alt_text
    assert sorted(tags["XMP-dc:Subject"]) == sorted(VI.keywords)
    assert sorted(tags["IPTC:Keywords"]) == sorted(VI.keywords)
    assert tags["IPTC:City"] == "Hải Phòng"
    assert read_metadata(path).metadata.same_as(VI)


def test_iim_charset_is_the_first_dataset_and_is_utf8(make_jpeg) -> None:
    path = make_jpeg(iim={"Iptc.Application2.Caption": "x"})
    write_metadata(path, VI, only=["description"])
    iim = jpeg.photoshop_resources(path.read_bytes())[0x0404]
    assert iim[:8] == b"\x1c\x01\x5a\x00\x03\x1b%G"


@needs_exiftool
def test_no_iim_is_added_to_a_file_without_iim(make_jpeg) -> None:
    path = make_jpeg()
    result = write_metadata(path, VI)
    assert not result.wrote_iim
    tags = exiftool_json(path)
    assert not any(k.startswith("IPTC:") for k in tags)
    assert tags["XMP-dc:Description"] == CAPTION_VI


def test_keywords_are_an_unordered_bag(make_jpeg) -> None:
    path = make_jpeg()
    write_metadata(path, PhotoMetadata(keywords=("b", "a")), only=["keywords"])
    data = path.read_bytes()
    assert b"<rdf:Bag>" in data[data.find(b"<dc:subject>") :]
    md = read_metadata(path).metadata
    assert md.same_as(PhotoMetadata(keywords=("a", "b")))
    assert not md.same_as(PhotoMetadata(keywords=("a", "c")))


@needs_exiftool
def test_legacy_iim_without_charset_is_read_and_upgraded(make_jpeg) -> None:
    import pyexiv2

    path = make_jpeg()
    img = pyexiv2.ImageData(path.read_bytes())
    img.modify_iptc({"Iptc.Application2.Headline": to_cp1258("Hà Nội mùa thu")}, encoding="latin-1")
    img.modify_iptc({"Iptc.Application2.Caption": "Café Hà Nội"}, encoding="utf-8")
    path.write_bytes(img.get_bytes())
    img.close()
    facts = read_metadata(path)
    assert facts.has_iim and not facts.iim_utf8
    assert facts.metadata.headline == "Hà Nội mùa thu"  # Windows-1258, composed to NFC
    assert facts.metadata.description == "Café Hà Nội"  # valid UTF-8 stays UTF-8
    write_metadata(path, PhotoMetadata(credit="QK3"), only=["credit"])
    tags = exiftool_json(path)
    assert tags["IPTC:CodedCharacterSet"] == "UTF8"
    assert tags["IPTC:Headline"] == "Hà Nội mùa thu"
    assert tags["IPTC:Caption-Abstract"] == "Café Hà Nội"


def to_cp1258(text: str) -> str:
    """``text`` as Windows-1258 bytes (base letter + combining tone), spelled as Latin-1."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            shape = "".join(m for m in d[1:] if m in "\u0302\u0306\u031b")
            tones = "".join(m for m in d[1:] if m not in shape)
            out += unicodedata.normalize("NFC", d[0] + shape).encode("cp1258")
            out += tones.encode("cp1258")
    return out.decode("latin-1")


def test_decode_iim_rules() -> None:
    assert decode_iim("Hải".encode(), utf8=True) == "Hải"
    assert decode_iim(b"caf\xe9", utf8=False) == "café"
    assert decode_iim("Hải".encode(), utf8=False) == "Hải"


@needs_exiftool
def test_mwg_prefers_iim_when_the_digest_shows_iim_changed_later(make_jpeg) -> None:
    import pyexiv2

    path = make_jpeg(
        iim={"Iptc.Application2.Headline": "IIM", "Iptc.Envelope.CharacterSet": "\x1b%G"},
        xmp={"Xmp.photoshop.Headline": "XMP"},
    )
    assert read_metadata(path).metadata.headline == "XMP"  # no digest: XMP wins
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-IPTCDigest=new", str(path)], check=True
    )
    facts = read_metadata(path)
    assert facts.iptc_digest == "match" and facts.metadata.headline == "XMP"
    img = pyexiv2.ImageData(path.read_bytes())  # an XMP-unaware tool edits IIM only
    img.modify_iptc({"Iptc.Application2.Headline": "IIM edited"})
    path.write_bytes(img.get_bytes())
    img.close()
    facts = read_metadata(path)
    assert facts.iptc_digest == "mismatch" and facts.metadata.headline == "IIM edited"
    # our own write keeps XMP and IIM in sync and refreshes the digest
    write_metadata(path, PhotoMetadata(headline="Đồng bộ"), only=["headline"])
    facts = read_metadata(path)
    assert facts.iptc_digest == "match" and facts.metadata.headline == "Đồng bộ"


def test_long_vietnamese_is_cut_at_a_character_boundary_in_iim_only(make_jpeg) -> None:
    import pyexiv2

    path = make_jpeg(iim={"Iptc.Application2.Caption": "x"})
    city = "Thành phố Hải Phòng"  # 25 bytes; twice does not fit in 32
    headline = "Tiêu đề " * 40
    result = write_metadata(
        path, PhotoMetadata(city=city * 2, headline=headline), only=["city", "headline"]
    )
    cuts = {c.field: c for c in result.cuts}
    assert set(cuts) == {"city", "headline"}
    assert len(cuts["city"].kept.encode()) <= 32
    assert (city * 2).startswith(cuts["city"].kept)
    img = pyexiv2.ImageData(path.read_bytes())
    raw = img.read_iptc(encoding="latin-1")["Iptc.Application2.City"].encode("latin-1")
    img.close()
    assert raw.decode("utf-8") == cuts["city"].kept  # valid UTF-8: no half character
    assert read_metadata(path).metadata.city == city * 2  # XMP keeps it whole
    assert "32" in cuts["city"].message()


def test_cut_utf8_never_splits_a_character_or_its_marks() -> None:
    assert cut_utf8("Hải", 3) == "H"  # ả is 3 bytes: it does not fit after H
    assert cut_utf8("abc", 10) == "abc"
    decomposed = "Ha\u0309i"  # a + combining hook above
    assert cut_utf8(decomposed, 2) == "H"
    for limit in range(0, 40):
        kept = cut_utf8(CAPTION_VI, limit)
        assert len(kept.encode()) <= limit and CAPTION_VI.startswith(kept)


def test_empty_value_removes_the_field(make_jpeg) -> None:
    path = make_jpeg(iim={"Iptc.Application2.Credit": "old"})
    write_metadata(path, VI)
    write_metadata(path, PhotoMetadata(), only=["credit"])
    md = read_metadata(path).metadata
    assert md.credit == "" and md.description == CAPTION_VI


def test_read_nfc_normalises_decomposed_text(make_jpeg) -> None:
    path = make_jpeg(xmp={"Xmp.photoshop.Headline": "Ha\u0309i Pho\u0300ng"})
    assert read_metadata(path).metadata.headline == "Hải Phòng"


def test_failed_write_leaves_the_original_untouched(make_jpeg, monkeypatch) -> None:
    import errno
    import os

    path = make_jpeg(iim={"Iptc.Application2.Caption": "gốc"})
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # a full disk cannot be caused in a test
    with pytest.raises(DiskFull) as info:
        write_metadata(path, VI)
    assert info.value.code == "disk_full"
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_read_only_file_is_refused_and_untouched(make_jpeg, monkeypatch) -> None:
    import os

    path = make_jpeg()
    before = path.read_bytes()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if m == os.W_OK else real_access(p, m))
    with pytest.raises(PhotoReadOnly):
        write_metadata(path, VI)
    assert path.read_bytes() == before


def test_write_to_a_non_image_raises_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "fake.jpg"
    path.write_bytes(b"this is a text file")
    with pytest.raises(PhotoCorrupt):
        write_metadata(path, VI)
    assert path.read_bytes() == b"this is a text file"


@needs_reference
def test_reference_image_write_is_lossless(tmp_path: Path) -> None:
    path = tmp_path / "ref.jpg"
    shutil.copy(REFERENCE / "IPTC-PhotometadataRef-Std2017.1.jpg", path)
    before = path.read_bytes()
    write_metadata(path, PhotoMetadata(description=CAPTION_VI), only=["description"])
    after = path.read_bytes()
    assert hashlib.sha256(scan_data(after)).digest() == hashlib.sha256(scan_data(before)).digest()
    md = read_metadata(path).metadata
    assert md.description == CAPTION_VI and md.headline == "The Headline (ref2017.1)"


def test_large_metadata_head_is_read_whole_and_kept(tmp_path: Path) -> None:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 9, 9)).save(buf, "JPEG")
    blob = bytes(range(256)) * 234  # three 60 KB APP9 segments: a 180 KB head before the scan
    app9 = (b"\xff\xe9" + (len(blob) + 2).to_bytes(2, "big") + blob) * 3
    path = tmp_path / "big-head.jpg"
    path.write_bytes(buf.getvalue()[:2] + app9 + buf.getvalue()[2:])
    before = path.read_bytes()
    write_metadata(path, PhotoMetadata(description=CAPTION_VI), only=["description"])
    after = path.read_bytes()
    assert scan_data(after) == scan_data(before)
    assert after.count(blob) == 3
    assert read_metadata(path).metadata.description == CAPTION_VI


def test_png_gets_xmp_too(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "a.png"
    Image.new("RGB", (32, 32), (1, 2, 3)).save(path)
    write_metadata(path, PhotoMetadata(description=CAPTION_VI, credit="QK3"))
    md = read_metadata(path).metadata
    assert md.description == CAPTION_VI and md.credit == "QK3"
    with Image.open(path) as im:
        im.load()
        assert im.getpixel((0, 0)) == (1, 2, 3)


def test_date_created_is_validated_and_normalised(make_jpeg) -> None:
    from qk3editor.photos.errors import InvalidPhotoDate
    from qk3editor.photos.metadata import normalize_date

    assert normalize_date("20/11/2026") == "2026-11-20"
    assert normalize_date("2026-11-20T08:30") == "2026-11-20T08:30:00"
    assert normalize_date("2026-11-20T08:30:00Z") == "2026-11-20T08:30:00+00:00"
    for bad in ("garbage", "2026-13-01", "31/02/2026", "2026-11-20T25:00"):
        with pytest.raises(InvalidPhotoDate):
            normalize_date(bad)
    path = make_jpeg(iim={"Iptc.Application2.Caption": "x"})
    before = path.read_bytes()
    with pytest.raises(InvalidPhotoDate):
        write_metadata(path, PhotoMetadata(date_created="hôm qua"), only=["date_created"])
    assert path.read_bytes() == before
    write_metadata(path, PhotoMetadata(date_created="20/11/2026"), only=["date_created"])
    assert read_metadata(path).metadata.date_created == "2026-11-20"


def test_strip_xmp_removes_only_the_xmp_packet(make_jpeg) -> None:
    path = make_jpeg(
        xmp={"Xmp.photoshop.Headline": "x"}, iim={"Iptc.Application2.Caption": "giữ lại"}
    )
    data = path.read_bytes()
    stripped = jpeg.strip_xmp(data)
    assert (
        b"http://ns.adobe.com/xap/1.0/" in data and b"http://ns.adobe.com/xap/1.0/" not in stripped
    )
    assert scan_data(stripped) == scan_data(data)
    from qk3editor.photos.metadata import read_metadata_bytes

    md = read_metadata_bytes(stripped).metadata
    assert md.headline == "" and md.description == "giữ lại"
