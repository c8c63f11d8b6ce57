"""Publishing to a real WordPress 6 (tools/wordpress_env.py), pretty and plain permalinks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState, PublishStatus, Target, TargetKind
from qk3editor.publish.errors import AuthFailed
from qk3editor.publish.outbox import media_slug
from qk3editor.publish.secrets import SecretStore
from qk3editor.publish.wordpress import media_caption, media_marker

from .faultproxy import FaultProxy
from .helpers import make_photos

MODES = ["wordpress", "wordpress_plain"]


@pytest.fixture(params=MODES)
def wp(request):  # type: ignore[no-untyped-def]
    return request.getfixturevalue(request.param)


def add_wp_target(repo, wp, name="wp", author=False, options=None):  # type: ignore[no-untyped-def]
    user, password = wp.author_auth if author else wp.auth
    repo.add_target(Target(name, TargetKind.WORDPRESS, wp.url, user, options or {}))
    SecretStore().set(name, user, password)


def _new_article(articles, **extra):  # type: ignore[no-untyped-def]
    fields = {
        "title": f"Hội thi cán bộ Quân khu 3 {uuid.uuid4().hex[:6]}",
        "lead": "Sáng 21/10, Bộ Tư lệnh Quân khu 3 khai mạc hội thi.",
        "body": "Hội thi diễn ra **ba ngày** tại Hải Phòng.",
        "category": "Tin tức - Sự kiện",
        "byline": "Hữu Đức",
        "tags": ("huấn luyện",),
    }
    fields.update(extra)
    return articles.create(ArticleFields(**fields))


def _get(wp, route, **params):  # type: ignore[no-untyped-def]
    r = httpx.get(wp.api(route, **params), auth=wp.auth, timeout=30)
    r.raise_for_status()
    return r.json()


def test_two_captioned_photos_once_then_conflict(outbox, repo, articles, wp, tmp_path):
    # a profile that sets the post's featured image (the default, ``figure``, does not)
    add_wp_target(repo, wp, options={"profile": {"lead": "both", "featured": "image+figure"}})
    article = _new_article(articles)
    photos = make_photos(tmp_path / "photos", 2)
    job = outbox.run_job(outbox.enqueue(article, photos, "wp").id)
    assert job.state is JobState.DONE, job.error_message
    remote = repo.remote(article.id, "wp")
    post = _get(wp, f"wp/v2/posts/{remote.remote_id}", context="edit")
    assert post["title"]["raw"] == article.title
    assert post["excerpt"]["raw"] == article.lead
    assert post["link"] == job.link
    media = repo.media(article.id, "wp")
    assert post["featured_media"] == int(media[photos[0].key].remote_id)
    for i, photo in enumerate(photos, start=1):
        item = _get(wp, f"wp/v2/media/{media[photo.key].remote_id}", context="edit")
        assert item["caption"]["raw"] == media_caption(photo)
        assert item["caption"]["raw"].startswith(photo.caption)
        assert item["alt_text"] == photo.alt
        # attached to the post, named after the article's slug (issue 9)
        assert item["post"] == post["id"]
        assert item["media_details"]["file"].endswith(f"{media_slug(article)}-{i}.jpg")
        # the featured photo is the featured image and (stock theme profile) the first
        # figure; the others are appended after the body; each an image block of its own
        assert f'"id":{item["id"]},' in post["content"]["raw"]
        assert f'class="wp-image-{item["id"]}"' in post["content"]["raw"]
    cats = _get(wp, "wp/v2/categories", slug="tin-tuc-su-kien")
    assert post["categories"] == [cats[0]["id"]]
    assert cats[0]["name"] == "Tin tức - Sự kiện"

    # Published twice: still one post, photos not uploaded again.
    again = outbox.run_job(outbox.enqueue(article, photos, "wp").id)
    assert again.state is JobState.DONE
    found = _get(wp, "wp/v2/posts", search=article.id, status="any", context="edit")
    assert len(found) == 1
    assert repo.media(article.id, "wp") == media

    # Edited on the server, then re-published: qk3editor stops with both versions.
    r = httpx.post(
        wp.api(f"wp/v2/posts/{remote.remote_id}"),
        auth=wp.auth,
        timeout=30,
        json={"title": "Sửa trên máy chủ"},
    )
    r.raise_for_status()
    third = outbox.run_job(outbox.enqueue(article, photos, "wp").id)
    assert third.state is JobState.CONFLICT
    assert third.conflict["remote"]["title"] == "Sửa trên máy chủ"
    assert third.conflict["local"]["title"] == article.title
    assert _get(wp, f"wp/v2/posts/{remote.remote_id}", context="edit")["title"]["raw"] == (
        "Sửa trên máy chủ"
    )


def test_scheduled_post_date_gmt_is_utc(outbox, repo, articles, wordpress):
    add_wp_target(repo, wordpress)
    article = _new_article(articles)
    when = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    job = outbox.run_job(outbox.enqueue(article, [], "wp", PublishStatus.FUTURE, when).id)
    assert job.state is JobState.DONE, job.error_message
    post = _get(wordpress, f"wp/v2/posts/{repo.remote(article.id, 'wp').remote_id}", context="edit")
    assert post["status"] == "future"
    assert post["date_gmt"] == when.replace(tzinfo=None).isoformat()
    # The site is in Asia/Ho_Chi_Minh: local date is 7 hours later.
    assert post["date"] == (when + timedelta(hours=7)).replace(tzinfo=None).isoformat()


def test_author_cannot_create_category_clear_error(outbox, repo, articles, wordpress):
    add_wp_target(repo, wordpress, author=True)
    article = _new_article(articles, category=f"Chuyên mục {uuid.uuid4().hex[:6]}")
    job = outbox.run_job(outbox.enqueue(article, [], "wp", PublishStatus.DRAFT).id)
    assert job.state is JobState.FAILED
    assert job.error_code == "term_missing"
    assert job.error_step == "post"


def test_reset_after_create_finds_post_by_uuid(outbox, repo, articles, wordpress_plain, tmp_path):
    wp = wordpress_plain
    proxy = FaultProxy(wp.port).start()
    try:
        add_wp_target(repo, wp, options={"api_root": proxy.url + "/index.php?rest_route=/"})
        proxy.rules.append(("POST", "rest_route=%2Fwp%2Fv2%2Fposts", "reset"))
        proxy.rules.append(("POST", "rest_route=%2Fwp%2Fv2%2Fmedia", "reset"))
        article = _new_article(articles)
        photos = make_photos(tmp_path / "ph", 1)
        job = outbox.run_job(outbox.enqueue(article, photos, "wp").id)
        assert job.state is JobState.DONE, job.error_message
        assert ("POST", "reset") in {(m, o) for m, _, o in proxy.log}
        found = _get(wp, "wp/v2/posts", search=article.id, status="any", context="edit")
        assert len(found) == 1
        rec = repo.media(article.id, "wp")[photos[0].key]
        marker = media_marker(article.id, photos[0].key, rec.rendition_hash)
        same = _get(wp, "wp/v2/media", search=marker, context="edit")
        assert [m["id"] for m in same] == [int(rec.remote_id)]
    finally:
        proxy.stop()


def test_target_test_checks_login(outbox, repo, wordpress):
    add_wp_target(repo, wordpress)
    assert outbox.test_target("wp")
    repo.add_target(Target("bad", TargetKind.WORDPRESS, wordpress.url, wordpress.user, {}))
    SecretStore().set("bad", wordpress.user, "abcd efgh ijkl mnop qrst uvwx")
    with pytest.raises(AuthFailed) as info:
        outbox.test_target("bad")
    assert "abcd" not in str(info.value)
