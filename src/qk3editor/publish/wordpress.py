"""WordPress REST API v2 with Application Passwords.

The API root is discovered (Link header ``rel="https://api.w.org/"``, then ``/wp-json/``, then
``?rest_route=``) so pretty and plain permalinks both work. A root is trusted only on the
target's own origin (scheme, host, port); one elsewhere stops with :class:`UntrustedApiRoot`
until the user confirms it (``target test NAME --trust-api-root URL`` stores it in the
target's ``api_root`` option). An outage during discovery (5xx, 429) is retried like any
other. Errors are told apart by the answer's ``code``, never by its ``message`` (which is
translated by WordPress).
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from datetime import UTC, datetime
from typing import Any

import httpx

from qk3editor.core.articles import Article
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.json_values import as_object, object_or_empty, objects_in
from qk3editor.core.photos import headline_from
from qk3editor.core.publish_data import MediaRecord, PublishPhoto, PublishStatus, Rendition, Target
from qk3editor.core.vietnamese.fold import slugify
from qk3editor.publish.base import PostRequest, RemotePost
from qk3editor.publish.blocks import BlockImage
from qk3editor.publish.content import banner_photo, has_marker, meta_hash, wordpress_content
from qk3editor.publish.errors import (
    AuthFailed,
    BadResponse,
    RemoteHttpError,
    TermMissing,
    UntrustedApiRoot,
)
from qk3editor.publish.http import (
    HttpClient,
    Response,
    host_of,
    origin_of,
    parse_retry_after,
    remote_error_code,
    same_origin,
)

API_REL = "https://api.w.org/"
AUTH_CODES = frozenset(
    {
        "rest_not_logged_in",
        "incorrect_password",
        "invalid_username",
        "invalid_email",
        "application_passwords_disabled",
        "rest_forbidden",
    }
)
CANNOT_CREATE_TERM = frozenset({"rest_cannot_create", "rest_forbidden", "rest_cannot_edit"})


def wp_gmt(value: datetime) -> str:
    """WordPress ``*_gmt`` fields: UTC, no offset, no Z."""
    return value.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat()


def media_caption(photo: PublishPhoto) -> str:
    """The caption as the page prints it: the text, then the credit."""
    credit = re.sub(r"^(?:ảnh|Ảnh|ẢNH)\s*:\s*", "", photo.credit.strip())
    if credit:
        return f"{photo.caption.strip()} (Ảnh: {credit})".strip()
    return photo.caption.strip()


def media_marker(article_id: str, photo_key: str, rendition_hash: str) -> str:
    digest = hashlib.sha256(f"{article_id}|{photo_key}|{rendition_hash}".encode()).hexdigest()
    return f"qk3m{digest[:24]}"


def _link_api_root(header: str | None) -> str | None:
    if not header:
        return None
    for part in header.split(","):
        m = re.match(r"\s*<([^>]+)>\s*;(.*)", part)
        if m and f'rel="{API_REL}"' in m.group(2).replace("'", '"'):
            return m.group(1)
    return None


def _unless_outage(resp: Response) -> Response:
    """A 5xx or 429 during discovery is an outage: raised as retryable, never "no API"."""
    if resp.status >= 500 or resp.status == 429:
        raise RemoteHttpError(
            host=host_of(resp.url),
            status=resp.status,
            remote_code=remote_error_code(resp.content),
            retry_after=parse_retry_after(resp.headers.get("retry-after")),
        )
    return resp


class WordPressPublisher:
    def __init__(self, target: Target, secret: str, http: HttpClient) -> None:
        self.target = target
        self.http = http
        token = base64.b64encode(f"{target.user}:{secret}".encode()).decode("ascii")
        self._auth = {"Authorization": f"Basic {token}"}
        self._root: str | None = target.options.get("api_root")
        self._root_lock = threading.Lock()
        self._terms: dict[tuple[str, str], int] = {}
        self.post_id: str | None = None  # set by the outbox when the post exists already
        self._attached: dict[str, str] = {}  # media id -> the post it is attached to

    def close(self) -> None:
        self.http.close()

    # -- plumbing --------------------------------------------------------------------------
    def api_root(self) -> str:
        with self._root_lock:
            if self._root is None:
                self._root = self._discover()
            return self._root

    def _discover(self) -> str:
        site = self.target.url.rstrip("/") + "/"
        resp = _unless_outage(self.http.request("GET", site, raise_for_status=False))
        found = _link_api_root(resp.headers.get("link"))
        if found:
            try:
                root = str(httpx.URL(resp.url).join(found))
            except Exception:
                raise BadResponse(
                    host=host_of(site), detail=QT_TRANSLATE_NOOP("errors", "bad API link")
                ) from None
            return self._own_root(root)
        for candidate in (site + "wp-json/", site + "?rest_route=/"):
            r = _unless_outage(self.http.request("GET", candidate, raise_for_status=False))
            if r.status == 200 and r.content.lstrip().startswith(b"{"):
                return self._own_root(candidate if same_origin(r.url, candidate) else r.url)
        raise BadResponse(
            host=host_of(site), detail=QT_TRANSLATE_NOOP("errors", "no WordPress REST API found")
        )

    def _own_root(self, root: str) -> str:
        """``root`` if it is on the target's own origin; otherwise the user must confirm it."""
        if same_origin(root, self.target.url):
            return root
        raise UntrustedApiRoot(
            host=host_of(self.target.url),
            other=origin_of(root) or "?",
            target=self.target.name,
            root=root,
        )

    def endpoint(self, route: str) -> str:
        root = self.api_root()
        url = httpx.URL(root)
        if "rest_route" in url.params:
            return str(url.copy_set_param("rest_route", "/" + route.lstrip("/")))
        return root.rstrip("/") + "/" + route.lstrip("/")

    def _call(
        self,
        method: str,
        route: str,
        *,
        json_body: Any = None,
        params: dict[str, str] | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        send_headers = dict(headers or {})
        body = content
        if json_body is not None:
            import json

            body = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            send_headers["Content-Type"] = "application/json; charset=utf-8"
        try:
            return self.http.request(
                method,
                self.endpoint(route),
                headers=send_headers,
                auth_headers=self._auth,
                content=body,
                params=params,
            )
        except RemoteHttpError as exc:
            if exc.status in (401, 403) and exc.remote_code in AUTH_CODES:
                raise AuthFailed(host=host_of(self.target.url), status=exc.status) from None
            raise

    # -- login -----------------------------------------------------------------------------
    def check_login(self) -> str:
        data = self._call("GET", "wp/v2/users/me", params={"context": "edit"}).json()
        return str(data.get("name") or data.get("slug") or self.target.user)

    # -- media -----------------------------------------------------------------------------
    def _media_record(
        self, article: Article, photo: PublishPhoto, rendition_hash: str, data: dict[str, Any]
    ) -> MediaRecord:
        return MediaRecord(
            article_id=article.id,
            target=self.target.name,
            photo_key=photo.key,
            remote_id=str(data["id"]),
            url=str(data.get("source_url") or data.get("link") or ""),
            rendition_hash=rendition_hash,
            meta_hash=meta_hash(photo),
        )

    def _media_params(self, photo: PublishPhoto) -> dict[str, str]:
        """Title, caption (with the credit, as the page prints it) and alt text in the
        article's own Vietnamese; the description is the caption too (the marker by which a
        lost upload is found again goes after it)."""
        caption = media_caption(photo)
        return {
            "title": photo.title or headline_from(photo.caption) or photo.key,
            "caption": caption,
            "alt_text": photo.alt or photo.caption,
            "description": caption,
        }

    def media_exists(
        self, article: Article, photo: PublishPhoto, rendition: Rendition, retrying: bool
    ) -> MediaRecord | None:
        """After an upload whose outcome was unknown: the media item, found by its marker."""
        if not retrying:
            return None
        marker = media_marker(article.id, photo.key, rendition.sha256)
        found = self._call(
            "GET", "wp/v2/media", params={"search": marker, "context": "edit", "per_page": "5"}
        ).json()
        for item in objects_in(found):
            desc = item.get("description", {})
            rich = as_object(desc)
            raw = str(rich.get("raw", "")) if rich is not None else str(desc)
            if marker in raw:
                return self._media_record(article, photo, rendition.sha256, item)
        return None

    def upload_media(
        self, article: Article, photo: PublishPhoto, rendition: Rendition
    ) -> MediaRecord:
        params = self._media_params(photo)
        marker = media_marker(article.id, photo.key, rendition.sha256)
        params["description"] = f"{params['description']}\n\n<!-- {marker} -->".lstrip()
        if self.post_id:  # an update: attached to its post from the start
            params["post"] = self.post_id
        data = self._call(
            "POST",
            "wp/v2/media",
            content=rendition.data,
            params=params,
            headers={
                "Content-Type": rendition.content_type,
                "Content-Disposition": f'attachment; filename="{rendition.filename}"',
            },
        ).json()
        return self._media_record(article, photo, rendition.sha256, data)

    def update_media_meta(self, record: MediaRecord, photo: PublishPhoto) -> MediaRecord:
        params: dict[str, Any] = dict(self._media_params(photo))
        params.pop("description")  # keeps the marker written at upload
        self._call("POST", f"wp/v2/media/{record.remote_id}", json_body=params)
        return MediaRecord(**{**record.__dict__, "meta_hash": meta_hash(photo)})

    def _images(self, media: dict[str, MediaRecord]) -> dict[str, BlockImage]:
        """Photo key → the size an image block shows: ``large`` (WordPress' biggest size that
        fits a content column, served with ``srcset``), or ``full`` for a small photo."""
        ids = {rec.remote_id: key for key, rec in media.items()}
        if not ids:
            return {}
        found = self._call(
            "GET",
            "wp/v2/media",
            params={"include": ",".join(ids), "per_page": "100", "context": "edit"},
        ).json()
        out: dict[str, BlockImage] = {}
        for item in objects_in(found):
            media_id = str(item.get("id"))
            key = ids.get(media_id)
            if key is None:
                continue
            self._attached[media_id] = str(item.get("post") or "")
            sizes = object_or_empty(object_or_empty(item.get("media_details")).get("sizes"))
            large = object_or_empty(sizes.get("large"))
            if large.get("source_url"):
                out[key] = BlockImage(int(media_id), str(large["source_url"]), "large")
            else:
                out[key] = BlockImage(int(media_id), str(item.get("source_url", "")), "full")
        for key, rec in media.items():  # listed nowhere (should not happen): the file itself
            out.setdefault(key, BlockImage(int(rec.remote_id), rec.url, "full"))
        return out

    def attach_media(self, post_id: str, media: dict[str, MediaRecord]) -> None:
        """Every photo's media item attached to the post (``post``): the media library then
        lists them under it instead of "unattached"."""
        for rec in media.values():
            if self._attached.get(rec.remote_id) == str(post_id):
                continue  # attached already (an update): no request
            self._call("POST", f"wp/v2/media/{rec.remote_id}", json_body={"post": int(post_id)})
            self._attached[rec.remote_id] = str(post_id)

    # -- terms -----------------------------------------------------------------------------
    def term_id(self, taxonomy: str, name: str, slug: str) -> int:
        key = (taxonomy, slug)
        if key in self._terms:
            return self._terms[key]
        found = self._call(
            "GET", f"wp/v2/{taxonomy}", params={"slug": slug, "context": "view"}
        ).json()
        terms = objects_in(found)
        if terms:
            term = int(terms[0]["id"])
        else:
            try:
                created = self._call(
                    "POST", f"wp/v2/{taxonomy}", json_body={"name": name, "slug": slug}
                ).json()
                term = int(created["id"])
            except AuthFailed:
                raise TermMissing(kind=taxonomy, slug=slug) from None
            except RemoteHttpError as exc:
                if exc.remote_code in CANNOT_CREATE_TERM:
                    raise TermMissing(kind=taxonomy, slug=slug) from None
                existing = object_or_empty(object_or_empty(exc.body).get("data")).get("term_id")
                if exc.remote_code == "term_exists" and existing is not None:
                    term = int(existing)
                else:
                    raise
        self._terms[key] = term
        return term

    # -- posts -----------------------------------------------------------------------------
    def _post_from(self, data: dict[str, Any]) -> RemotePost:
        def text(field: str) -> str:
            value = data.get(field, "")
            rich = as_object(value)
            if rich is not None:
                return str(rich.get("raw", rich.get("rendered", "")))
            return str(value)

        return RemotePost(
            remote_id=str(data["id"]),
            link=str(data.get("link", "")),
            modified=str(data.get("modified_gmt", "")),
            title=text("title"),
            content=text("content"),
            status=str(data.get("status", "")),
        )

    def find_post(self, article_id: str) -> RemotePost | None:
        found = self._call(
            "GET",
            "wp/v2/posts",
            params={"search": article_id, "status": "any", "context": "edit", "per_page": "20"},
        ).json()
        for item in objects_in(found):
            post = self._post_from(item)
            if has_marker(post.content, article_id):
                return post
        return None

    def get_post(self, remote_id: str) -> RemotePost | None:
        try:
            data = self._call("GET", f"wp/v2/posts/{remote_id}", params={"context": "edit"}).json()
        except RemoteHttpError as exc:
            if exc.status in (404, 410) or exc.remote_code == "rest_post_invalid_id":
                return None
            raise
        post = self._post_from(data)
        return None if post.status == "trash" else post

    def _payload(self, req: PostRequest) -> dict[str, Any]:
        a = req.article
        profile = self.target.profile
        images = self._images(req.media)
        payload: dict[str, Any] = {
            "title": a.title,
            "content": wordpress_content(a, req.photos, req.media, images.get, profile),
            "excerpt": a.lead if profile.lead_in_excerpt else "",
            "status": req.status.value,
        }
        if a.category:
            slug = a.category_slug or slugify(a.category)
            payload["categories"] = [self.term_id("categories", a.category, slug)]
        if a.tags:
            payload["tags"] = [self.term_id("tags", t, slugify(t)) for t in a.tags]
        # profile ``figure``: the featured photo is only the content's first figure
        featured = banner_photo([p for p in req.photos if p.key in req.media], profile)
        payload["featured_media"] = int(req.media[featured.key].remote_id) if featured else 0
        if req.status is PublishStatus.FUTURE and req.publish_at is None:
            raise BadResponse(
                host="-", detail=QT_TRANSLATE_NOOP("errors", "a scheduled post needs a time")
            )
        when = req.date or req.publish_at
        if when is not None and req.status is not PublishStatus.DRAFT:
            payload["date_gmt"] = wp_gmt(when)  # the one date rule (core.publish_data)
        return payload

    def create_post(self, req: PostRequest) -> RemotePost:
        data = self._call("POST", "wp/v2/posts", json_body=self._payload(req)).json()
        post = self._post_from(data)
        self.attach_media(post.remote_id, req.media)
        return post

    def update_post(self, remote_id: str, req: PostRequest, base_modified: str) -> RemotePost:
        data = self._call("POST", f"wp/v2/posts/{remote_id}", json_body=self._payload(req)).json()
        post = self._post_from(data)
        self.attach_media(post.remote_id, req.media)
        return post

    def preview_link(self, post: RemotePost) -> str:
        """The portal's own preview of a draft (opens after a login in the browser)."""
        link = post.link or self.target.url.rstrip("/") + f"/?p={post.remote_id}"
        sep = "&" if "?" in link else "?"
        if "?p=" not in link and "&p=" not in link:
            link = self.target.url.rstrip("/") + f"/?p={post.remote_id}"
            sep = "&"
        return f"{link}{sep}preview=true"
