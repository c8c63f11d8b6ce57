"""What a reader sees: the fixture article with two captioned 3000×2000 photos, published to
a real WordPress 6.1 with its stock theme (Twenty Twenty-Three; pretty and plain permalinks)
and to the reference portal, read by a real headless Chromium at 1280 px (issue 9)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState, PublishPhoto, Target, TargetKind
from qk3editor.core.render import portal_date
from qk3editor.publish import blocks
from qk3editor.publish.outbox import Outbox
from qk3editor.publish.renditions import PillowRenditions
from qk3editor.publish.secrets import SecretStore
from tests.core.editor_fixture import fixture_article

from . import browser
from .conftest import add_portal_target
from .helpers import make_jpeg

CAPTIONS = (
    "Thiếu tướng Nguyễn Thanh Hải, Phó Chính uỷ Quân khu trao đổi với các đại biểu",
    "Cục Chính trị Quân khu và Ban Dân vận 9 tỉnh, thành ủy ký Quy chế phối hợp",
)
CREDIT = "Hữu Đức"


@pytest.fixture(params=["wordpress_stock", "wordpress_stock_plain"])
def stock(request):  # type: ignore[no-untyped-def]
    browser.require()
    return request.getfixturevalue(request.param)


def fixture_fields() -> ArticleFields:
    src = fixture_article()
    body = "\n\n".join(p for p in src.body.split("\n\n") if "qk3photo:" not in p)
    return ArticleFields(
        title=src.title,
        lead=src.lead.strip(),
        body=body,
        category=src.category,
        byline=src.byline,
    )


def big_photos(folder: Path) -> list[PublishPhoto]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, caption in enumerate(CAPTIONS):
        path = make_jpeg(folder / f"hoi-nghi-{i}.jpg", (3000, 2000), seed=40 + i)
        out.append(
            PublishPhoto(
                key=f"photo{i + 1}",
                source=str(path),
                caption=caption,
                alt=caption,
                credit=CREDIT,
                featured=(i == 0),
            )
        )
    return out


def real_outbox(repo, fast_policy) -> Outbox:  # type: ignore[no-untyped-def]
    """The renditions a reporter's photos get (1600 px), as in the issue's report."""
    return Outbox(
        repo, SecretStore(), PillowRenditions(max_side=1600), policy=fast_policy, sleep=lambda s: 0
    )


def _plain(text: str) -> str:
    """WordPress prints " - " as an en dash (wptexturize): compare as a reader reads."""
    return text.replace("\u2013", "-").replace("\xa0", " ")


def check_reader_page(page: browser.Page, lead: str, byline: str) -> None:
    text = _plain(page.text)
    head = lead[:60]
    assert text.count(head) == 1, f"lead shown {text.count(head)} times"
    assert "QK3 online - QK3 online" not in text
    captions = [_plain(c) for c in page.captions]
    for caption in CAPTIONS:
        assert caption in text, caption
        assert sum(caption in c for c in captions) == 1, (caption, captions)
    assert f"(Ảnh: {CREDIT})" in text
    assert byline in [line.strip() for line in text.splitlines()]
    assert page.images, "no image loaded"
    for img in page.images:
        assert img["right"] <= page.viewport and img["width"] <= page.viewport, img
    assert page.scroll_width <= page.inner_width, (page.scroll_width, page.inner_width)


def test_stock_wordpress_reads_like_the_preview(
    stock, repo, articles, memkeyring, fast_policy, tmp_path
):  # type: ignore[no-untyped-def]
    repo.add_target(Target("wp", TargetKind.WORDPRESS, stock.url, stock.user, {}))
    SecretStore().set("wp", stock.user, stock.app_password)
    article = articles.create(fixture_fields())
    photos = big_photos(tmp_path / "photos")
    outbox = real_outbox(repo, fast_policy)
    job = outbox.run_job(outbox.enqueue(article, photos, "wp").id)
    assert job.state is JobState.DONE, job.error_message

    page = browser.read_page(job.link, tmp_path / f"wordpress-{stock.permalinks}.png")
    browser.keep(page.screenshot)
    check_reader_page(page, article.lead, article.byline)
    # WordPress sized the photos itself: srcset on every content image; each photo shown
    # once (the default profile ``featured=figure``: no caption-less banner of the first)
    content_imgs = [i for i in page.images if "/wp-content/uploads/" in i["src"]]
    assert len(content_imgs) == 2 and all(i["srcset"] for i in content_imgs)

    # the block markup parsed back: ordinary blocks, every image an attachment of the post
    remote = repo.remote(article.id, "wp")
    with httpx.Client(auth=stock.auth, timeout=30) as http:
        post = http.get(stock.api(f"wp/v2/posts/{remote.remote_id}", context="edit")).json()
        attached = http.get(
            stock.api("wp/v2/media", parent=post["id"], context="edit", per_page=50)
        ).json()
    parsed = blocks.parse_blocks(post["content"]["raw"])
    assert "core/freeform" not in [b.name for b in parsed]
    image_ids = [b.attrs["id"] for b in blocks.walk(parsed) if b.name == "core/image"]
    assert len(image_ids) == 2
    assert set(image_ids) == {m["id"] for m in attached}
    assert post["featured_media"] == 0  # the featured photo is the first figure only
    for m in attached:
        assert m["post"] == post["id"]
        assert m["media_details"]["file"].split("/")[-1].startswith("tang-cuong-phoi-hop")


def test_reference_portal_reads_like_the_preview(
    portal, repo, articles, memkeyring, fast_policy, tmp_path
):  # type: ignore[no-untyped-def]
    browser.require()
    add_portal_target(repo, SecretStore(), portal.url, portal.secret)
    article = articles.create(fixture_fields())
    outbox = real_outbox(repo, fast_policy)
    job = outbox.run_job(outbox.enqueue(article, big_photos(tmp_path / "photos"), "portal").id)
    assert job.state is JobState.DONE, job.error_message
    page = browser.read_page(job.link, tmp_path / "reference-portal.png")
    browser.keep(page.screenshot)
    check_reader_page(page, article.lead, article.byline)
    # the one date rule: the page prints the date it was sent, as the preview does
    first = outbox.publications.first_published_at(article.id, "portal")
    assert first is not None and portal_date(first) in page.text
