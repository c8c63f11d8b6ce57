"""Tone styles, normalisation, legacy encodings, folding and dates beyond the vectors."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from qk3editor.core.vietnamese import dates, legacy, tones
from qk3editor.core.vietnamese.fold import fold, slugify
from qk3editor.core.vietnamese.normalize import clean_paste, normalize, normalize_report


@pytest.mark.parametrize(
    ("word", "old", "new"),
    [
        ("THUỶ", "THỦY", "THUỶ"),
        ("Hoà", "Hòa", "Hoà"),
        ("ngoẹo", "ngoẹo", "ngoẹo"),
        ("khuỵu", "khuỵu", "khuỵu"),
        ("Vịêt", "Việt", "Việt"),
        ("dàì", "dài", "dài"),
        ("ñ", "ñ", "ñ"),
        ("tivi", "tivi", "tivi"),
    ],
)
def test_word_conversion(word: str, old: str, new: str) -> None:
    assert tones.to_old_style(word) == old
    assert tones.to_new_style(word) == new


def test_non_syllables_are_not_parsed() -> None:
    for word in ("LLVT", "José", "email", "gha", "ce", "ka", "qa", "tác̀", "bắp̀", "ằ", "iê"):
        assert tones.parse(word) is None, word
    for word in ("ghế", "kế", "ca", "quả", "gìn", "gì", "nghiêng", "uỵch", "oải"):
        assert tones.parse(word) is not None, word


def test_stop_codas_take_only_two_tones() -> None:
    assert tones.parse("tác") and tones.parse("tạc")
    assert tones.parse("tàc") is None and tones.parse("tảc") is None


def test_convert_text_keeps_everything_else() -> None:
    text = "Ủy ban (UBND) tỉnh Khánh Hòa: hoà giải 3-3, José & café!"
    assert tones.convert_text(text, tones.NEW) == (
        "Uỷ ban (UBND) tỉnh Khánh Hoà: hoà giải 3-3, José & café!"
    )
    assert tones.convert_text(text, tones.OLD) == (
        "Ủy ban (UBND) tỉnh Khánh Hòa: hòa giải 3-3, José & café!"
    )
    assert tones.text_style(text) == "mixed"
    assert tones.text_style("không dấu kiểu nào") is None


def test_mixed_style_finder() -> None:
    words = tones.find_mixed_style("Chính uỷ và Đảng ủy")
    assert [(w.word, w.style.value) for w in words] == [("uỷ", "new"), ("ủy", "old")]
    assert tones.find_mixed_style("Chính ủy và Đảng ủy") == []


def test_normalize_report_hidden_break() -> None:
    out, findings = normalize_report("Thủ đô Hà\u200bNội")
    assert out == "Thủ đô HàNội"
    assert [f.code for f in findings] == ["unicode.hidden_break"]
    assert out[findings[0].start : findings[0].end] == "HàNội"
    assert findings[0].suggestions == ("Hà Nội",)


def test_two_tones_suggests_each() -> None:
    _out, findings = normalize_report("tu\u0309\u0323")
    assert findings[0].code == "unicode.two_tones"
    assert set(findings[0].suggestions) == {"ụ", "ủ"}


def test_clean_paste() -> None:
    assert clean_paste("\ufeffDòng 1\r\nDo\u0300ng 2\rÐảng") == "Dòng 1\nDòng 2\nĐảng"


def test_normalize_keeps_tcvn3_soft_hyphen() -> None:
    text = "T¨ng c\u00adêng ph\u00e8i h\u00eep"
    assert normalize(text) == text  # the soft hyphen is the letter ư here
    assert legacy.detect_legacy(normalize(text)).converted == "Tăng cường phối hợp"


def test_unicode_vietnamese_is_never_legacy() -> None:
    for text in ("Đức Việt", "Bà Bá", "Tôi yêu Việt Nam.", "Hello world", "Có phải không?"):
        assert legacy.detect_legacy(text) is None, text


def test_fold_and_slug_extras() -> None:
    assert fold("Thuỷ điện HOÀ BÌNH") == fold("thủy điện hòa bình") == "thuy dien hoa binh"
    assert slugify("Đại hội Đảng bộ Quân khu lần thứ XXV", max_length=20) == "dai-hoi-dang-bo-quan"
    assert slugify("Điện Biên Phủ", max_length=5) == "dien"


def test_dates() -> None:
    assert dates.format_portal_date(date(2018, 10, 21)) == "Chủ nhật, 21/10/2018"
    assert dates.format_portal_date(date(2018, 10, 22)) == "Thứ hai, 22/10/2018"
    # 20:00 UTC on Saturday is already Sunday in Vietnam.
    moment = datetime(2018, 10, 20, 20, 0, tzinfo=UTC)
    assert dates.format_portal_date(moment) == "Chủ nhật, 21/10/2018"
    assert dates.format_portal_datetime(moment) == "Chủ nhật, 21/10/2018 03:00"
    assert dates.parse_portal_date("Chủ nhật, 21/10/2018") == date(2018, 10, 21)
    assert [dates.weekday_name(date(2024, 1, d)) for d in range(1, 8)] == list(dates.WEEKDAYS)
