from __future__ import annotations

from pathlib import Path

import pytest

from qk3editor.photos.captions import (
    BatchEdit,
    apply_to_many,
    expand_at_cursor,
    expand_codes,
    load_codes,
    parse_codes,
)
from qk3editor.photos.errors import CodesFileError, TemplateError
from qk3editor.photos.metadata import PhotoMetadata

THAI = "Thiếu tướng Nguyễn Thanh Hải, Phó Chính ủy Quân khu"
A = PhotoMetadata(
    headline="Riêng A",
    credit="Ảnh: A",
    keywords=("x",),
    city="Hải Phòng",
    date_created="2026-11-20",
    creator=("Văn Ảnh",),
)
B = PhotoMetadata(headline="Riêng B", keywords=("y", "x"), city="Quảng Ninh")


def test_empty_field_keeps_each_photos_own_value() -> None:
    edit = BatchEdit(values={"headline": "", "credit": "QK3"})
    a, b = apply_to_many([(A, "a.jpg", ""), (B, "b.jpg", "")], edit)
    assert (a.headline, b.headline) == ("Riêng A", "Riêng B")
    assert a.credit == b.credit == "QK3"
    assert edit.touched() == ["credit"]


def test_keywords_append_or_replace() -> None:
    photos = [(A, "a.jpg", ""), (B, "b.jpg", "")]
    a, b = apply_to_many(photos, BatchEdit(values={}, keywords=("x", "z")))
    assert a.keywords == ("x", "z") and b.keywords == ("y", "x", "z")
    a, b = apply_to_many(photos, BatchEdit(values={}, keywords=("z",), keywords_mode="replace"))
    assert a.keywords == b.keywords == ("z",)


def test_template_variables_per_photo() -> None:
    edit = BatchEdit(values={"description": "{city}, {date} – {filename} #{seq:02d} ({creator})"})
    a, b = apply_to_many([(A, "a.jpg", ""), (B, "b.jpg", "2025-01-02T08:00:00")], edit)
    assert a.description == "Hải Phòng, 20/11/2026 – a.jpg #01 (Văn Ảnh)"
    assert b.description == "Quảng Ninh, 02/01/2025 – b.jpg #02 ()"


def test_unknown_template_variable_is_refused() -> None:
    with pytest.raises(TemplateError) as info:
        BatchEdit(values={"description": "{place}"})
    assert info.value.code == "caption_template" and "place" in info.value.message()


def test_codes_from_tsv_expand_in_batch_and_as_you_type(tmp_path: Path) -> None:
    f = tmp_path / "codes.tsv"
    f.write_text(f"# mã\tchú thích\n=thai=\t{THAI}\nqk3\tQuân khu 3\n", encoding="utf-8")
    codes = load_codes(f)
    assert codes == {"thai": THAI, "qk3": "Quân khu 3"}
    assert (
        expand_codes("=thai= 3 thăm =qk3=, =unknown=", codes)
        == f"{THAI} 3 thăm Quân khu 3, =unknown="
    )
    (a,) = apply_to_many([(A, "a.jpg", "")], BatchEdit(values={"description": "=thai=  3"}), codes)
    assert a.description == f"{THAI} 3"
    text, cursor = expand_at_cursor("Ảnh: =thai=", len("Ảnh: =thai="), codes)
    assert text == f"Ảnh: {THAI}" and cursor == len(text)
    assert expand_at_cursor("a =tha", 6, codes) == ("a =tha", 6)


def test_bad_codes_file_names_the_line() -> None:
    with pytest.raises(CodesFileError) as info:
        parse_codes("ok\tfine\nno tab here\n", "codes.tsv")
    assert info.value.params["line"] == 2
    with pytest.raises(CodesFileError):
        load_codes(Path("/nonexistent/codes.tsv"))


def test_captions_are_normalised() -> None:
    (a,) = apply_to_many(
        [(A, "a.jpg", "")], BatchEdit(values={"headline": "  Ha\u0309i   Pho\u0300ng "})
    )
    assert a.headline == "Hải Phòng"


def test_captions_get_the_vietnamese_checks() -> None:
    from qk3editor.photos.captions import caption_findings

    assert caption_findings("Lễ khai mạc hội thao") == []
    found = caption_findings("Sư kiện khai mạc hội thao")
    assert found and found[0].message()
    (a,) = apply_to_many([(A, "a.jpg", "")], BatchEdit(values={"headline": "Hải\u200bPhòng"}))
    assert "\u200b" not in a.headline


def test_caption_text_gets_the_vietnamese_repairs_article_text_gets() -> None:
    meta = PhotoMetadata(headline="Ðoàn ke\u0301\u0302t", keywords=("Ðà Nẵng",)).normalized()
    assert meta.headline == "Đoàn kết"
    assert meta.keywords == ("Đà Nẵng",)
