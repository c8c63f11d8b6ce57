"""The published HTML comes from the one shared renderer: golden files, placement, same function."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qk3editor.core import render
from qk3editor.core.articles import Article, Status
from qk3editor.core.photos import photo_snippet
from qk3editor.core.publish_data import MediaRecord, PublishPhoto, PublishStatus, Target, TargetKind
from qk3editor.publish import blocks, content
from qk3editor.publish.blocks import BlockImage
from qk3editor.publish.ninjs import build_item
from qk3editor.publish.wordpress import WordPressPublisher
from tests.core.editor_fixture import fixture_article
from tests.core.test_render import _golden

PLACED = "phctttdvvqk20177"  # the fixture article's photo, placed at the top of the body
MEDIA = "https://qk3.example.vn/wp-content/uploads"


def _article(body: str | None = None) -> Article:
    src = fixture_article()
    when = datetime(2018, 10, 21, 2, 30, tzinfo=UTC)
    return Article(
        id="0b6f3c1e-5d2a-4c8e-9f00-6a1b2c3d4e5f",
        title=src.title,
        lead=src.lead,
        body=src.body if body is None else body,
        category=src.category,
        byline=src.byline,
        tags=("dân vận",),
        status=Status.APPROVED,
        created_at=when,
        updated_at=when,
        version=3,
    )


def _photos() -> list[PublishPhoto]:
    return [
        PublishPhoto(
            "11", "/p/11.jpg", "Toàn cảnh hội nghị", "Hội trường", "Hội nghị", "Đức Việt", True
        ),
        PublishPhoto(PLACED, "/p/a.jpg", "Chú thích của tệp", "", "", "Đức Việt"),
        PublishPhoto("12", "/p/12.jpg", "Các đại biểu dự hội nghị", "", "", "Hữu Đức"),
    ]


def _media(photos: list[PublishPhoto]) -> dict[str, MediaRecord]:
    return {
        p.key: MediaRecord("a", "t", p.key, str(100 + i), f"{MEDIA}/{p.key}.jpg", "h", "m")
        for i, p in enumerate(photos)
    }


def _wp_payload(article: Article, photos: list[PublishPhoto], options: dict | None = None) -> dict:
    target = Target("wp", TargetKind.WORDPRESS, "https://qk3.example.vn", "bientap", options or {})
    wp = WordPressPublisher(target, "-", http=None)  # type: ignore[arg-type]
    wp._terms[("categories", "tin-tuc-su-kien")] = 7  # no HTTP: terms already known
    wp._terms[("tags", "dan-van")] = 9
    from qk3editor.publish.base import PostRequest

    # no HTTP: the sizes WordPress made of each upload, as its media endpoint lists them
    wp._images = lambda media: {  # type: ignore[method-assign]
        key: BlockImage(int(rec.remote_id), rec.url.replace(".jpg", "-1024x683.jpg"), "large")
        for key, rec in media.items()
    }
    req = PostRequest(article, photos, _media(photos), PublishStatus.PUBLISH, None)
    return wp._payload(req)


def test_wordpress_content_golden() -> None:
    photos = _photos()
    payload = _wp_payload(_article(), photos)
    _golden("fixture_article_wordpress_blocks.html", payload["content"] + "\n")
    # the default profile (featured=figure): the featured photo is the first figure only
    assert payload["featured_media"] == 0


def test_wordpress_featured_image_follows_the_profile() -> None:
    """``image`` and ``image+figure`` make the featured flag the post's featured image (not
    the first placed photo); ``figure`` none (the stock theme's caption-less banner)."""
    photos = _photos()
    for profile, featured in (("image", 100), ("image+figure", 100), ("figure", 0)):
        options = {"profile": {"lead": "both", "featured": profile}}
        assert _wp_payload(_article(), photos, options)["featured_media"] == featured, profile


def test_wordpress_content_is_ordinary_blocks() -> None:
    """Parsed back as WordPress's parse_blocks reads it: no "Classic" (freeform) block, every
    photo an image block of its attachment, the lead once (bold first paragraph), every
    caption once with its credit, the byline last."""
    photos = _photos()
    article = _article()
    payload = _wp_payload(article, photos)
    parsed = blocks.parse_blocks(payload["content"])
    names = [b.name for b in parsed]
    assert "core/freeform" not in names
    assert set(names) <= {"core/paragraph", "core/image", "core/heading", "core/list"}
    images = [b for b in blocks.walk(parsed) if b.name == "core/image"]
    media = _media(photos)
    assert sorted(b.attrs["id"] for b in images) == sorted(int(m.remote_id) for m in media.values())
    for b in images:
        n = b.attrs["id"]
        assert b.attrs["sizeSlug"] == "large"
        assert f'class="wp-image-{n}"' in b.inner_html
        assert '<figcaption class="wp-element-caption">' in b.inner_html
        assert "-1024x683.jpg" in b.inner_html
    # the featured photo (11) is, for a stock theme, the first figure
    assert images[0].attrs["id"] == 100
    first = parsed[0]
    assert first.name == "core/paragraph" and first.attrs[content.BLOCK_MARKER] == article.id
    assert first.inner_html.strip() == f"<p><strong>{article.lead}</strong></p>"
    text = payload["content"]
    assert text.count(article.lead[:40]) == 1
    for caption in ("Toàn cảnh hội nghị", "Các đại biểu dự hội nghị"):
        assert text.count(f'wp-element-caption">{caption}') == 1
    assert "(Ảnh: Đức Việt)" in text
    assert parsed[-1].attrs == {"align": "right"} and article.byline in parsed[-1].inner_html
    assert payload["excerpt"] == article.lead  # lists of posts show the excerpt
    assert content.has_marker(text, article.id)


def test_profile_featured_image_only_and_lead_in_excerpt() -> None:
    photos = _photos()
    article = _article()
    target = Target(
        "wp",
        TargetKind.WORDPRESS,
        "https://qk3.example.vn",
        "bientap",
        {"profile": {"lead": "excerpt", "featured": "image"}},
    )
    wp = WordPressPublisher(target, "-", http=None)  # type: ignore[arg-type]
    wp._terms[("categories", "tin-tuc-su-kien")] = 7
    wp._terms[("tags", "dan-van")] = 9
    wp._images = lambda media: {  # type: ignore[method-assign]
        key: BlockImage(int(rec.remote_id), rec.url, "full") for key, rec in media.items()
    }
    from qk3editor.publish.base import PostRequest

    payload = wp._payload(PostRequest(article, photos, _media(photos), PublishStatus.PUBLISH, None))
    ids = [
        b.attrs["id"]
        for b in blocks.walk(blocks.parse_blocks(payload["content"]))
        if b.name == "core/image"
    ]
    assert 100 not in ids and len(ids) == 2
    assert article.lead[:40] not in payload["content"]
    assert payload["excerpt"] == article.lead


def test_blocks_wrap_lists_quotes_headings() -> None:
    fragment = render.render_body(
        "## Tiêu đề phụ\n\n- một\n- hai\n\n1. a\n2. b\n\n> Trích dẫn\n\nĐoạn *cuối*."
    )
    out = blocks.to_blocks(fragment, lambda _k: None)
    parsed = blocks.parse_blocks(out)
    assert [b.name for b in parsed] == [
        "core/heading",
        "core/list",
        "core/list",
        "core/quote",
        "core/paragraph",
    ]
    assert parsed[0].attrs == {}  # h2 is the heading block's default level
    assert [b.name for b in parsed[1].inner_blocks] == ["core/list-item"] * 2
    assert parsed[2].attrs == {"ordered": True}
    assert parsed[3].inner_blocks[0].name == "core/paragraph"
    assert "<em>cuối</em>" in parsed[4].inner_html


def test_ninjs_body_golden() -> None:
    photos = _photos()
    item = build_item(_article(), photos, _media(photos), PublishStatus.PUBLISH, None)
    _golden("fixture_article_ninjs_body.html", item["bodies"][0]["value"] + "\n")
    featured = [a for a in item["associations"] if a.get("altids")]
    assert [a["renditions"][0]["href"] for a in featured] == [f"{MEDIA}/11.jpg"]


def test_placed_photo_stands_where_the_reporter_put_it() -> None:
    body = (
        "Đoạn mở đầu.\n\n"
        + photo_snippet(12, "Chú thích trong bài", "Hữu Đức")
        + "\n\nĐoạn kết thúc.\n"
    )
    photos = _photos()
    html = content.article_html(_article(body), photos, _media(photos))
    first, fig, last = (
        html.index("Đoạn mở đầu"),
        html.index(f'src="{MEDIA}/12.jpg"'),
        html.index("Đoạn kết thúc"),
    )
    assert first < fig < last
    assert "Chú thích trong bài" in html and "(Ảnh: Hữu Đức)" in html
    # placed once, not appended again; the featured photo only as featured image
    assert html.count(f"{MEDIA}/12.jpg") == 1
    assert f"{MEDIA}/11.jpg" not in html
    # the attached, unplaced, non-featured photo comes after the body, before the byline
    appended = html.index(f'src="{MEDIA}/{PLACED}.jpg"')
    assert last < appended < html.index('class="qk3-byline"')
    assert "Chú thích của tệp" in html


def test_preview_and_publish_are_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    photos = _photos()
    media = _media(photos)
    article = _article()
    resolver = content.media_resolver(photos, media)
    published = content.article_html(article, photos, media, marker=True)
    # the published content is, byte for byte, the part of the preview fragment under the
    # header when the preview is given the same photos (and the same resolver)
    source = content.render_input(article, content.publish_body(article.body, photos))
    preview = render.render_fragment(source, resolver)
    assert published.endswith(f"<!-- {content.ARTICLE_MARKER}{article.id} -->")
    assert published.rsplit("\n<!--", 1)[0] in preview

    calls: list[str] = []
    real = render.render_content

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append("content")
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "render_content", spy)
    render.render_page(source, resolver)  # the editor's preview
    content.article_html(article, photos, media)  # publishing
    assert calls == ["content", "content"]


def test_photo_without_upload_is_marked_missing_not_linked_locally() -> None:
    photos = _photos()
    html = content.article_html(_article(), photos, {})
    assert "file://" not in html and "/p/a.jpg" not in html
    assert "qk3-missing" in html
