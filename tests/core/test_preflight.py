"""Preflight: each item between the article and "ready", with its place."""

from __future__ import annotations

from qk3editor.core.preflight import (
    Location,
    PhotoInfo,
    PreflightInput,
    PreflightSeverity,
    TextFinding,
    is_ready,
    run_preflight,
    tone_style_findings,
)
from tests.core.editor_fixture import fixture_article


def _codes(findings: list) -> list[str]:
    return [f.code for f in findings]


def test_empty_article_lists_title_and_lead_first() -> None:
    findings = run_preflight(PreflightInput())
    assert _codes(findings)[:2] == ["no_title", "no_lead"]
    assert findings[0].location == Location("title")
    assert not is_ready(findings)


def test_photos_without_caption_or_credit_point_at_their_line() -> None:
    body = "Đoạn đầu.\n\n![](qk3photo:a)\n\n![Có chú thích](qk3photo:b)\n\n![x](qk3photo:gone)\n"
    library = {"a": PhotoInfo("", "Đức Việt"), "b": PhotoInfo("Chú thích", "")}
    findings = run_preflight(
        PreflightInput(title="T", lead="L", body=body, featured_photo="a"), library.get
    )
    by_code = {f.code: f for f in findings}
    assert by_code["photo_no_caption"].location == Location("body", 2, 0, 15)
    assert by_code["photo_no_credit"].location.line == 4
    assert by_code["photo_missing"].location.line == 6
    assert "no_featured_photo" not in by_code
    assert by_code["photo_no_credit"].message() == "Photo b has no credit"


def test_lead_too_long_and_featured_photo_warnings_do_not_block() -> None:
    findings = run_preflight(PreflightInput(title="T", lead="từ " * 81, body="x"))
    assert _codes(findings) == ["lead_too_long", "no_featured_photo"]
    assert findings[0].params == {"words": 81, "limit": 80}
    assert is_ready(findings)


def test_fixture_article_has_mixed_tone_styles() -> None:
    a = fixture_article()
    findings = run_preflight(PreflightInput(a.title, a.lead, a.body, featured_photo="p"))
    tone = [f for f in findings if f.code == "tone_mixed"]
    assert tone and all(f.severity is PreflightSeverity.WARNING for f in tone)
    words = {f.params["word"] for f in tone}
    assert words <= {"uỷ", "ủy", "Ủy"} and words


def test_tone_detector_ignores_qu_and_closed_syllables() -> None:
    assert tone_style_findings({"body": "quý hoàng thuở hoà"}) == []
    assert tone_style_findings({"body": "hòa khoẻ"})[0].params["word"] in {"hòa", "khoẻ"}


def test_pluggable_vietnamese_checks_become_findings_with_places() -> None:
    def checker(text: str) -> list[TextFinding]:
        i = text.find("Sư kiện")
        return [TextFinding(i, i + 7, "“Sư kiện” → “Sự kiện”")] if i >= 0 else []

    findings = run_preflight(
        PreflightInput(
            title="T", lead="L", body="Dòng một\nTin tức - Sư kiện\n", featured_photo="x"
        ),
        text_checker=checker,
    )
    assert len(findings) == 1
    assert findings[0].location == Location("body", 1, 10, 7)
    assert findings[0].message() == "“Sư kiện” → “Sự kiện”"


def test_the_vietnamese_toolkit_is_plugged_in_when_present() -> None:
    from qk3editor.core.preflight import default_text_checker

    checker = default_text_checker()
    assert checker is not None  # issue 3's qk3editor.core.vietnamese.checks
    a = fixture_article()
    findings = run_preflight(
        PreflightInput(a.title, "Tin tức - Sư kiện. " + a.lead, a.body, featured_photo="p"),
        text_checker=checker,
    )
    messages = [f.message() for f in findings]
    assert all("<bound method" not in m for m in messages)
    assert any(f.code == "tone.mixed" for f in findings)
    assert not any(f.code == "tone_mixed" for f in findings)  # not reported twice


def test_legacy_detector_of_the_toolkit_reports_the_encoding() -> None:
    from qk3editor.core.importers import default_legacy_detector, import_text
    from qk3editor.core.vietnamese.legacy import convert_tcvn3  # noqa: F401 - present

    detector = default_legacy_detector()
    assert detector is not None
    plain = import_text("Tiêu đề\n\nBình thường, chữ Việt Unicode.".encode(), False, detector)
    assert plain.legacy_encoding is None
