from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from qk3editor.core.articles import Article, Status
from qk3editor.core.errors import ImportFormatError
from qk3editor.core.markdown_io import export_markdown, parse_date, parse_markdown
from tests.conftest import fixture_article_markdown


def as_article(f) -> Article:  # type: ignore[no-untyped-def]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return Article(
        id="x",
        title=f.title,
        lead=f.lead,
        body=f.body,
        category=f.category,
        byline=f.byline,
        tags=f.tags,
        status=Status.DRAFT,
        created_at=now,
        updated_at=now,
        version=1,
        publish_at=f.publish_at,
    )


def test_fixture_article_parses_with_every_field() -> None:
    f = parse_markdown(fixture_article_markdown())
    assert f.title == "Tăng cường phối hợp chỉ đạo công tác dân vận trong LLVT Quân khu"
    assert f.lead.startswith("QK3 online - Sáng 10 - 11")
    assert f.category == "Tin tức - Sự kiện"
    assert f.byline == "Đức Việt"
    assert f.tags == ("dân vận", "LLVT Quân khu")
    assert f.publish_at == datetime(2018, 10, 20, 17, 0, tzinfo=UTC)
    assert "Chính uỷ" in f.body


def test_export_then_parse_is_a_fixed_point() -> None:
    first = export_markdown(as_article(parse_markdown(fixture_article_markdown())))
    second = export_markdown(as_article(parse_markdown(first)))
    assert first == second
    assert first.startswith("---\ntitle: Tăng cường")


def test_decomposed_input_is_stored_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "---\ntitle: Đảng ủy Quân khu\n---\n\nTiếng Việt\n")
    f = parse_markdown(nfd)
    assert f.title == "Đảng ủy Quân khu"
    assert unicodedata.is_normalized("NFC", f.body)


def test_without_front_matter_the_first_heading_is_the_title() -> None:
    f = parse_markdown("\ufeff# Hội nghị dân vận\n\nNội dung.\n")
    assert f.title == "Hội nghị dân vận"
    assert f.body == "Nội dung.\n"


@pytest.mark.parametrize(
    "bad", ["---\ntitle: [unclosed\n---\nx", "---\n- a list\n---\nx", "---\ntags: 5\n---\n"]
)
def test_bad_front_matter_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ImportFormatError):
        parse_markdown(bad, "bad.md")


def test_dates_in_the_portal_form_and_iso() -> None:
    assert parse_date("Chủ nhật, 21/10/2018") == datetime(2018, 10, 20, 17, tzinfo=UTC)
    assert parse_date("2018-10-21T08:30:00+07:00") == datetime(2018, 10, 21, 1, 30, tzinfo=UTC)
    with pytest.raises(ImportFormatError):
        parse_date("31/02/2018")
