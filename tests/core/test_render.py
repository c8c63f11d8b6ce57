"""The one renderer: portal shape, golden files, figures, block cache faithful to a whole render."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qk3editor.core import markdown_html, render
from qk3editor.core.render import (
    PhotoRef,
    RenderInput,
    portal_date,
    render_body,
    render_fragment,
    render_page,
    split_blocks,
)
from tests.core.editor_fixture import fixture_article, remote_resolver

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
UPDATE = os.environ.get("QK3_UPDATE_GOLDEN") == "1"


def _golden(name: str, actual: str) -> None:
    path = REFERENCE / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {name} was missing and has been written; check it in")
    assert actual == path.read_text(encoding="utf-8")


def test_portal_date_form() -> None:
    assert portal_date(datetime(2018, 10, 21, 2, tzinfo=UTC)) == "Chủ nhật, 21/10/2018"
    # 20:00 UTC on Monday is already Tuesday in Vietnam
    assert portal_date(datetime(2018, 10, 22, 20, tzinfo=UTC)) == "Thứ ba, 23/10/2018"


def test_fragment_golden_for_publishing() -> None:
    _golden("fixture_article_fragment.html", render_fragment(fixture_article(), remote_resolver))


def test_preview_page_golden() -> None:
    def local(photo_id: str) -> PhotoRef:
        return PhotoRef(f"file:///photos/{photo_id}.jpg", "", "Đức Việt", width=600)

    _golden("fixture_article_page.html", render_page(fixture_article(), local))


def test_fragment_has_the_portal_shape() -> None:
    out = render_fragment(fixture_article(), remote_resolver)
    order = [
        'class="qk3-breadcrumb"',
        "Tin tức - Sự kiện",
        '<h1 class="qk3-title">Tăng cường phối hợp',
        "Chủ nhật, 21/10/2018",
        '<p class="qk3-lead"><strong>QK3 online - Sáng 10 - 11',
        '<figure class="qk3-figure"',
        '<p class="qk3-caption" align="center">Thiếu tướng Nguyễn Thanh Hải',
        "Hai năm qua",
        '<p class="qk3-byline" align="right">Đức Việt</p>',
    ]
    positions = [out.index(s) for s in order]
    assert positions == sorted(positions)
    assert 'src="https://qk3.example.vn/media/phctttdvvqk20177.jpg"' in out
    assert "(Ảnh: Đức Việt)" in out


def test_resolver_decides_the_image_url_and_missing_photo_is_marked() -> None:
    body = "![Lễ ra quân](qk3photo:42)\n"
    assert 'src="file:///x/42.jpg"' in render_body(body, lambda i: PhotoRef(f"file:///x/{i}.jpg"))
    missing = render_body(body, lambda i: None)
    assert "qk3-missing" in missing and "<img" not in missing
    assert "Lễ ra quân" in missing
    # a resolver handing back a script URL is not trusted either
    bad = render_body(body, lambda i: PhotoRef("javascript:alert(1)"))
    assert "javascript" not in bad


def test_empty_caption_takes_the_photo_library_caption() -> None:
    out = render_body(
        "![](qk3photo:7)", lambda i: PhotoRef("https://a/b.jpg", "Chú thích ảnh", "X")
    )
    assert '<p class="qk3-caption" align="center">Chú thích ảnh <span class="qk3-credit">' in out


def test_inline_photo_in_a_sentence_is_not_a_figure() -> None:
    out = render_body("Xem ảnh ![a](https://a/b.jpg) ở đây\n")
    assert "<figure" not in out and '<img src="https://a/b.jpg" alt="a">' in out


def _whole(body: str) -> str:
    html = markdown_html._md().render(body)  # the whole body through one conversion
    return re.sub(r"\s+", " ", render.sanitize(html)).replace("> <", "><").strip()


@pytest.mark.parametrize(
    "body",
    [
        "a\n\n1. x\n\n2. y\n\nb\n",
        "> q\n\n> r\n\nt\n",
        "p\n\n    code\n\n    more\n\nq\n",
        "```\nx\n\ny\n```\n\nz\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n# H\n\ntext *x*\n",
        "- a\n\n  still a\n- b\n\nafter\n",
        "Title\n=====\n\npara\n\n---\n\nend",
    ],
)
def test_block_rendering_equals_a_whole_render(body: str) -> None:
    ours = re.sub(r"\s+", " ", render_body(body)).replace("> <", "><").strip()
    assert ours == _whole(body)


def test_fixture_block_rendering_equals_a_whole_render() -> None:
    body = fixture_article().body
    assert len(split_blocks(body)) > 3
    ours = re.sub(r"\s+", " ", render_body(body)).replace("> <", "><").strip()
    whole_html = render.render_block.__wrapped__(body)  # the whole body through one conversion
    whole = re.sub(r"\s+", " ", render._resolve_figures(whole_html, render.no_photos))
    assert ours == whole.replace("> <", "><").strip()


def test_reference_definitions_keep_the_document_whole() -> None:
    body = "see [the site][q]\n\nmore\n\n[q]: https://qk3.vn\n"
    assert len(split_blocks(body)) == 1
    assert 'href="https://qk3.vn"' in render_body(body)


def test_anchors_name_the_first_line_of_each_block() -> None:
    out = render_body("a\n\nb\n\n\nc\n", anchors=True)
    assert re.findall(r'<a name="L(\d+)">', out) == ["0", "2", "5"]


def test_lead_and_title_are_escaped() -> None:
    out = render_fragment(RenderInput(title="<b>x</b>", lead="a <script>", body=""))
    assert "<script" not in out and "&lt;b&gt;x&lt;/b&gt;" in out


def test_the_snippets_credit_title_wins_over_the_files() -> None:
    """Issue 5's snippet: ``![caption](qk3photo:ID "credit")``."""
    out = render_body(
        '![Lễ ra quân](qk3photo:12 "Đức Việt")\n',
        lambda i: PhotoRef(f"file:///p/{i}.jpg", "file caption", "Tên trong tệp"),
    )
    assert "(Ảnh: Đức Việt)" in out and "Tên trong tệp" not in out
    assert "Lễ ra quân" in out
