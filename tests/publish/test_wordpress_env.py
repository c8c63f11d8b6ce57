"""The real-WordPress test environment works the way tools/WORDPRESS.md promises."""

from __future__ import annotations

import io
import sys
import unicodedata
import uuid
from pathlib import Path

import httpx
import pytest
from PIL import Image

# The fixtures ``wordpress`` and ``wordpress_plain`` come from tests/publish/conftest.py, which
# imports them once so that each WordPress starts only once per session.
try:
    from wordpress_fixture import WordPress
except ImportError:  # --import-mode=importlib does not put this directory on sys.path
    sys.path.insert(0, str(Path(__file__).parent))
    from wordpress_fixture import WordPress

MODES = ["wordpress", "wordpress_plain"]
TITLE = unicodedata.normalize("NFC", "Lễ kỷ niệm 80 năm Ngày truyền thống Quân khu 3")


@pytest.fixture(params=MODES)
def wp(request: pytest.FixtureRequest) -> WordPress:
    return request.getfixturevalue(request.param)


def client(wp: WordPress, author: bool = False) -> httpx.Client:
    return httpx.Client(auth=wp.author_auth if author else wp.auth, timeout=30)


def jpeg(width: int = 900, height: int = 600) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 40)).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def test_api_root_is_advertised_and_matches_permalink_mode(wp: WordPress) -> None:
    home = httpx.get(wp.url + "/", timeout=30)
    assert home.status_code == 200
    assert f'<{wp.api_root}>; rel="https://api.w.org/"' in home.headers["link"]
    if wp.permalinks == "pretty":
        assert wp.api_root == wp.url + "/wp-json/"
    else:
        assert wp.api_root == wp.url + "/index.php?rest_route=/"
    index = httpx.get(wp.api_root, timeout=30).json()
    assert "wp/v2" in index["namespaces"]


def test_users_me_with_application_password_over_http(wp: WordPress) -> None:
    with client(wp) as c:
        me = c.get(wp.api("wp/v2/users/me", context="edit"))
    assert me.status_code == 200, me.text
    assert me.json()["username"] == wp.user
    assert "administrator" in me.json()["roles"]
    with client(wp, author=True) as c:
        assert c.get(wp.api("wp/v2/users/me", context="edit")).json()["roles"] == ["author"]
    anonymous = httpx.get(wp.api("wp/v2/users/me"), timeout=30)
    assert anonymous.status_code == 401
    wrong = httpx.get(wp.api("wp/v2/users/me"), auth=(wp.user, "wrong pass word"), timeout=30)
    assert wrong.status_code == 401
    # WordPress 6.1 resolves the user before REST_REQUEST is defined, so a wrong application
    # password is reported as "not logged in" (newer versions say "incorrect_password").
    assert wrong.json()["code"] in {"rest_not_logged_in", "incorrect_password"}


def test_post_with_vietnamese_title_is_published_and_viewable(wp: WordPress) -> None:
    content = "<p>Sáng nay, tại Hải Phòng, Bộ Tư lệnh Quân khu tổ chức lễ kỷ niệm.</p>"
    with client(wp) as c:
        made = c.post(
            wp.api("wp/v2/posts"),
            json={"title": TITLE, "content": content, "status": "publish"},
        )
        assert made.status_code == 201, made.text
        post = made.json()
        again = c.get(wp.api(f"wp/v2/posts/{post['id']}", context="edit")).json()
    assert again["title"]["raw"] == TITLE
    assert again["content"]["raw"] == content
    if wp.permalinks == "pretty":
        assert post["link"].startswith(wp.url + "/20") and post["slug"] in post["link"]
    else:
        assert post["link"] == f"{wp.url}/?p={post['id']}"
    page = httpx.get(post["link"], timeout=30)
    assert page.status_code == 200
    assert TITLE in page.text
    assert "Bộ Tư lệnh Quân khu" in page.text


def test_media_upload_with_vietnamese_caption_and_featured_image(wp: WordPress) -> None:
    data = jpeg()
    caption = "Chiến sĩ Trung đoàn 50 huấn luyện trên thao trường"
    with client(wp) as c:
        up = c.post(
            wp.api("wp/v2/media"),
            files={"file": ("huan-luyen.jpg", data, "image/jpeg")},
            data={"title": "Huấn luyện", "caption": caption, "alt_text": "Chiến sĩ huấn luyện"},
        )
        assert up.status_code == 201, up.text
        media = up.json()
        post = c.post(
            wp.api("wp/v2/posts"),
            json={"title": "Có ảnh đại diện", "status": "draft", "featured_media": media["id"]},
        ).json()
        media = c.get(wp.api(f"wp/v2/media/{media['id']}", context="edit")).json()
    assert media["caption"]["raw"] == caption
    assert media["alt_text"] == "Chiến sĩ huấn luyện"
    assert media["title"]["raw"] == "Huấn luyện"
    assert media["media_details"]["width"] == 900
    assert post["featured_media"] == media["id"]
    served = httpx.get(media["source_url"], timeout=30)
    assert served.status_code == 200
    assert served.content == data


def test_post_is_found_again_by_uuid_meta(wp: WordPress) -> None:
    article_uuid = str(uuid.uuid4())
    with client(wp) as c:
        made = c.post(
            wp.api("wp/v2/posts"),
            json={"title": "Bản nháp", "status": "draft", "meta": {"qk3_uuid": article_uuid}},
        )
        assert made.status_code == 201, made.text
        assert made.json()["meta"]["qk3_uuid"] == article_uuid
        found = c.get(
            wp.api("wp/v2/posts", qk3_uuid=article_uuid, status="any", context="edit")
        ).json()
        other = c.get(
            wp.api("wp/v2/posts", qk3_uuid=str(uuid.uuid4()), status="any", context="edit")
        ).json()
    assert [p["id"] for p in found] == [made.json()["id"]]
    assert other == []


def test_post_is_found_by_uuid_in_content_without_the_plugin(wp: WordPress) -> None:
    """The fallback for portals without the mu-plugin: search for a marker in the content."""
    article_uuid = str(uuid.uuid4())
    content = f'<!-- qk3:uuid={article_uuid} -->\n<p data-qk3-uuid="{article_uuid}">Tin</p>'
    with client(wp, author=True) as c:
        made = c.post(
            wp.api("wp/v2/posts"),
            json={"title": "Tin vắn", "content": content, "status": "pending"},
        )
        assert made.status_code == 201, made.text
        found = c.get(
            wp.api("wp/v2/posts", search=article_uuid, status="pending", context="edit")
        ).json()
    assert [p["id"] for p in found] == [made.json()["id"]]
    assert article_uuid in found[0]["content"]["raw"]


def test_categories_by_slug_and_author_may_not_create_them(wp: WordPress) -> None:
    with client(wp, author=True) as c:
        cats = c.get(wp.api("wp/v2/categories", slug="thoi-su")).json()
        denied = c.post(wp.api("wp/v2/categories"), json={"name": "Mới", "slug": "moi"})
    assert [x["name"] for x in cats] == ["Thời sự"]
    assert denied.status_code == 403
    assert denied.json()["code"] == "rest_cannot_create"


def test_site_time_zone_is_not_utc(wp: WordPress) -> None:
    with client(wp) as c:
        post = c.post(
            wp.api("wp/v2/posts"),
            json={"title": "Hẹn giờ", "status": "future", "date_gmt": "2099-01-02T03:00:00"},
        ).json()
    assert post["status"] == "future"
    assert post["date_gmt"] == "2099-01-02T03:00:00"
    assert post["date"] == "2099-01-02T10:00:00"  # Asia/Ho_Chi_Minh, UTC+7
