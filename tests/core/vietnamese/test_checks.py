"""Checks, and the acceptance criteria on the portal's own article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qk3editor.core.i18n import Translator
from qk3editor.core.vietnamese import tones
from qk3editor.core.vietnamese.checks import Checker, apply_suggestion, check_text, telex_decode

# A copy of ../shared/fixtures/qk3-article-2018-10-21.txt
FIXTURE = (Path(__file__).parent / "fixture-article.txt").read_text(encoding="utf-8")
STYLE_WORDS = re.compile(r"(?<!\w)(uỷ|ủy|Ủy|Uỷ|hóa|hoá|xóa|xoá)(?!\w)")


def test_fixture_every_place_away_from_the_house_style_and_the_typo() -> None:
    findings = check_text(FIXTURE)  # house style old
    mixed = {(f.start, f.end) for f in findings if f.code == "tone.mixed"}
    places = [m for m in STYLE_WORDS.finditer(FIXTURE)]
    assert len(places) == 15
    expected = {
        (m.start(), m.end()) for m in places if tones.word_style(m.group()) is tones.WordStyle.NEW
    }
    assert len(expected) == 6  # the six "uỷ"; the nine old-style words are the house style
    assert mixed == expected
    typo = [f for f in findings if f.code == "confusion"]
    assert len(typo) == 1
    assert FIXTURE[typo[0].start : typo[0].end] == "Sư kiện"
    assert typo[0].suggestions == ("Sự kiện",)
    others = [f for f in findings if f.code not in ("tone.mixed", "confusion")]
    assert len(others) <= 2, others


@pytest.mark.parametrize("style", [tones.OLD, tones.NEW])
def test_fixture_make_consistent(style: str) -> None:
    changes = tones.style_changes(FIXTURE, style)
    fixed = tones.apply_changes(FIXTURE, changes)
    assert fixed == tones.convert_text(FIXTURE, style)
    assert tones.text_style(fixed) == style
    after = check_text(fixed, style)
    assert not [f for f in after if f.code.startswith("tone.")]
    # Every change is one of the style words, and nothing else changed.
    assert {(c.start, c.end) for c in changes} <= {
        (m.start(), m.end()) for m in STYLE_WORDS.finditer(FIXTURE)
    }
    assert len(fixed) == len(FIXTURE)


@pytest.mark.parametrize(
    ("text", "code", "fix"),
    [
        ("Giải thưởng gỉai nhất", "syllable.misplaced_tone", "giải"),
        ("một qủa cam", "syllable.misplaced_tone", "quả"),
        ("học tóan", "syllable.misplaced_tone", "toán"),
        ("gõ tieengs Việt", "syllable.telex", "tiếng"),
        ("tiếng Vieetj", "syllable.telex", "Việt"),
        ("Đại tá nói sát nhập hai đơn vị", "confusion", "sáp nhập"),
        ("Sát nhập hai đơn vị", "confusion", "Sáp nhập"),
        ("đại tá Nguyễn Văn An", "term.case", "Đại tá"),
        ("đơn vị llvt tỉnh", "term.case", "LLVT"),
        ("báo QDND đưa tin", "term.spelling", "QĐND"),
        ("Bộ quốc phòng đã", "term.case", "Bộ Quốc phòng"),
        ("về quân khu 3 công tác", "term.case", "Quân khu 3"),
        ("d\u0335ồng", "unicode.fake_dd", "đ"),
    ],
)
def test_findings(text: str, code: str, fix: str) -> None:
    found = [f for f in check_text(text) if f.code == code]
    assert found, check_text(text)
    assert found[0].suggestions[0] == fix
    fixed = apply_suggestion(text, found[0])
    assert not [f for f in check_text(fixed) if f.code == code]


@pytest.mark.parametrize(
    "text",
    [
        "Các đại tá về hưu vẫn tham gia sinh hoạt.",
        "Đồng chí Đại tá Nguyễn Văn An, Chính ủy Bộ CHQS tỉnh.",
        "LLVT Quân khu 3 và UBND thành phố Hải Phòng.",
        "Tỉnh Đắk Lắk và Kon Tum ở Tây Nguyên.",
        "QK3 online - Sáng 10/11, tại TP.HCM, hội nghị tổng kết.",
        "Cập nhật trên Facebook, email và website của đơn vị, xem video clip.",
        "José Mourinho, Pokémon, café và Zoë không phải tiếng Việt.",
        "ĐẠI HỘI ĐẢNG BỘ QUÂN KHU 3 LẦN THỨ XXV",
        "quân khu là đơn vị tổ chức quân sự theo lãnh thổ",
        "Hòa bình, sức khỏe, thủy sản, văn hóa, Ủy ban.",
    ],
)
def test_clean_text_has_no_findings(text: str) -> None:
    assert check_text(text) == []


def test_house_style_finding_for_consistent_other_style() -> None:
    text = "Thuỷ điện Hoà Bình"
    assert {f.code for f in check_text(text, tones.NEW)} == set()
    found = check_text(text, tones.OLD)
    assert [f.code for f in found] == ["tone.house_style", "tone.house_style"]
    assert [f.suggestions[0] for f in found] == ["Thủy", "Hòa"]


def test_legacy_paragraph_offered() -> None:
    text = "Tin mới\n§¶ng ñy Qu©n khu häp phiªn th­êng kú\nHết"
    found = [f for f in check_text(text) if f.code == "legacy.encoding"]
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "§¶ng ñy Qu©n khu häp phiªn th­êng kú"
    assert found[0].suggestions == ("Đảng ủy Quân khu họp phiên thường kỳ",)


def test_messages_are_translatable() -> None:
    finding = check_text("Sư kiện")[0]
    assert finding.message(Translator("en")) == "Probably “Sự kiện”, not “Sư kiện”"
    vi = Translator("vi", {("checks", finding.template): "Có lẽ là “{fix}”, không phải “{word}”"})
    assert finding.message(vi) == "Có lẽ là “Sự kiện”, không phải “Sư kiện”"
    assert finding.to_dict(vi)["message"].startswith("Có lẽ")


def test_telex_needs_two_keys() -> None:
    assert telex_decode("dduwowngf") == "đường"
    assert telex_decode("see") is None  # English
    assert telex_decode("bus") is None


def test_custom_lists() -> None:
    checker = Checker([("ban hanh", "ban hành")], [("Bộ CHQS", "name")])
    text = "Ban hanh quy chế của bộ CHQS"
    codes = [f.code for f in checker.check(text)]
    assert codes == ["confusion", "term.case"]


@pytest.mark.parametrize("style", [tones.OLD, tones.NEW])
def test_every_suggestion_on_the_fixture_moves_toward_the_house_style(style: str) -> None:
    """Issue 11: never "Ủy → Uỷ" with house style old; words in the house style are no
    findings; every suggested word is in the house style (or has no style)."""
    other = tones.WordStyle.NEW if style == tones.OLD else tones.WordStyle.OLD
    fixture = (Path(__file__).parents[2] / "data" / "qk3-article-2018-10-21.txt").read_text(
        encoding="utf-8"
    )
    for text in (FIXTURE, fixture):
        findings = check_text(text, style)
        assert findings
        for f in findings:
            found = text[f.start : f.end]
            for word in re.findall(r"\w+", found):
                assert tones.word_style(word).value != style or f.code in (
                    "confusion",
                    "term.spelling",
                    "term.case",
                ), (found, f.code)
            for suggestion in f.suggestions:
                for word in re.findall(r"\w+", suggestion):
                    assert tones.word_style(word) is not other, (found, suggestion, f.code)
        # the advice applied leaves nothing of the other style
        fixed = text
        for f in sorted(findings, key=lambda f: -f.start):
            if f.suggestions:
                fixed = fixed[: f.start] + f.suggestions[0] + fixed[f.end :]
        assert tones.text_style(fixed) in (style, None), tones.text_style(fixed)
