"""ninjs push: ninjs 2.x documents and the signed HTTP contract of docs/ninjs-push-openapi.yaml.

Every request carries ``X-QK3-Key`` (the user), ``X-QK3-Timestamp`` (Unix seconds) and
``X-QK3-Signature: sha256=<hex>``, the HMAC-SHA256 with the shared secret over
``"{timestamp}\\n{METHOD}\\n{path}\\n"`` followed by the exact body bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from qk3editor.core.articles import Article, iso_utc, utcnow
from qk3editor.core.json_values import as_object, object_or_empty, objects_in
from qk3editor.core.photos import headline_from
from qk3editor.core.publish_data import MediaRecord, PublishPhoto, PublishStatus, Rendition, Target
from qk3editor.core.vietnamese.fold import slugify
from qk3editor.publish.base import PostRequest, RemotePost
from qk3editor.publish.content import article_html, meta_hash
from qk3editor.publish.errors import AuthFailed, PublishConflict, RemoteHttpError
from qk3editor.publish.http import HttpClient, host_of

API_PREFIX = "/ninjs/v1"
SIGNATURE_TOLERANCE_S = 300


def article_uri(article_id: str) -> str:
    return f"urn:qk3editor:article:{article_id}"


def photo_uri(media_id: str) -> str:
    return f"urn:qk3editor:photo:{media_id}"


def signing_message(timestamp: str, method: str, path: str, body: bytes) -> bytes:
    return f"{timestamp}\n{method.upper()}\n{path}\n".encode() + body


def sign(secret: str, timestamp: str, method: str, path: str, body: bytes) -> str:
    mac = hmac.new(
        secret.encode("utf-8"), signing_message(timestamp, method, path, body), hashlib.sha256
    )
    return "sha256=" + mac.hexdigest()


def verify(
    secret: str,
    timestamp: str,
    method: str,
    path: str,
    body: bytes,
    signature: str,
    now: float | None = None,
) -> bool:
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - ts) > SIGNATURE_TOLERANCE_S:
        return False
    return hmac.compare_digest(sign(secret, timestamp, method, path, body), signature)


def pubstatus(status: PublishStatus) -> str:
    return "usable" if status in (PublishStatus.PUBLISH, PublishStatus.FUTURE) else "withheld"


def build_item(
    article: Article,
    photos: Sequence[PublishPhoto],
    media: dict[str, MediaRecord],
    status: PublishStatus,
    publish_at: datetime | None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The ninjs 2.x document of an article; photos as ``picture`` associations."""
    sent = [p for p in photos if p.key in media]
    item: dict[str, Any] = {
        "uri": article_uri(article.id),
        "type": "text",
        "representationtype": "full",
        "profile": "qk3-article",
        "version": str(article.version),
        "firstcreated": iso_utc(article.created_at),
        "versioncreated": iso_utc(now or utcnow()),
        "pubstatus": pubstatus(status),
        "language": "vi",
        "headlines": [{"role": "main", "value": article.title}],
        "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": article.lead}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": article_html(article, photos, media),
            }
        ],
        "altids": [{"role": "qk3editor", "value": article.id}],
        "slugline": slugify(article.title)[:120],
    }
    if article.byline:
        item["by"] = article.byline
    if status is PublishStatus.FUTURE and publish_at is not None:
        item["embargoed"] = iso_utc(publish_at)
    subjects: list[dict[str, str]] = []
    if article.category:
        subjects.append(
            {
                "name": article.category,
                "literal": article.category_slug or slugify(article.category),
                "rel": "category",
            }
        )
    subjects.extend({"name": t, "literal": slugify(t), "rel": "tag"} for t in article.tags)
    if subjects:
        item["subjects"] = subjects
    associations: list[dict[str, Any]] = []
    for index, photo in enumerate(sent, start=1):
        rec = media[photo.key]
        assoc: dict[str, Any] = {
            "name": f"photo{index}",
            "uri": photo_uri(rec.remote_id),
            "type": "picture",
            "representationtype": "partial",
            "headlines": [{"role": "main", "value": photo.title or headline_from(photo.caption)}],
            "descriptions": [
                {"role": "caption", "contenttype": "text/plain", "value": photo.caption},
                {"role": "alt", "contenttype": "text/plain", "value": photo.alt},
            ],
            "renditions": [{"name": "web", "href": rec.url, "contenttype": "image/jpeg"}],
        }
        if photo.credit:
            assoc["by"] = photo.credit
        if photo.featured:
            assoc["altids"] = [{"role": "featured", "value": "true"}]
        associations.append(assoc)
    if associations:
        item["associations"] = associations
    return item


def encode(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


class NinjsPublisher:
    """The client side of the ninjs push contract (the reference portal is the server side)."""

    def __init__(
        self, target: Target, secret: str, http: HttpClient, clock: Callable[[], float] = time.time
    ) -> None:
        self.target = target
        self.http = http
        self._secret = secret
        self._clock = clock
        self.base = target.url.rstrip("/")

    def close(self) -> None:
        self.http.close()

    def _call(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Any:
        full_path = httpx.URL(self.base + path).raw_path.decode("ascii")
        ts = str(int(self._clock()))
        auth = {
            "X-QK3-Key": self.target.user,
            "X-QK3-Timestamp": ts,
            "X-QK3-Signature": sign(self._secret, ts, method, full_path, body),
        }
        try:
            resp = self.http.request(
                method,
                self.base + path,
                headers=headers,
                auth_headers=auth,
                content=body if method in ("PUT", "POST") else None,
            )
        except RemoteHttpError as exc:
            if exc.status == 401:
                raise AuthFailed(host=host_of(self.base), status=401) from None
            raise
        return resp.json() if resp.content else None

    def check_login(self) -> str:
        data = self._call("GET", f"{API_PREFIX}/whoami")
        return str(data.get("user", self.target.user))

    # -- media: content-addressed, so "already there" is a GET away ------------------------
    def _record(self, article: Article, photo: PublishPhoto, sha: str, url: str) -> MediaRecord:
        return MediaRecord(article.id, self.target.name, photo.key, sha, url, sha, meta_hash(photo))

    def media_exists(
        self, article: Article, photo: PublishPhoto, rendition: Rendition, retrying: bool
    ) -> MediaRecord | None:
        try:
            data = self._call("GET", f"{API_PREFIX}/media/{rendition.sha256}")
        except RemoteHttpError as exc:
            if exc.status == 404:
                return None
            raise
        return self._record(article, photo, rendition.sha256, str(data["href"]))

    def upload_media(
        self, article: Article, photo: PublishPhoto, rendition: Rendition
    ) -> MediaRecord:
        data = self._call(
            "PUT",
            f"{API_PREFIX}/media/{rendition.sha256}",
            rendition.data,
            {"Content-Type": rendition.content_type},
        )
        return self._record(article, photo, rendition.sha256, str(data["href"]))

    def update_media_meta(self, record: MediaRecord, photo: PublishPhoto) -> MediaRecord:
        # Captions travel in the article's associations; nothing to send here.
        return MediaRecord(**{**record.__dict__, "meta_hash": meta_hash(photo)})

    # -- items -----------------------------------------------------------------------------
    def _post(self, data: dict[str, Any]) -> RemotePost:
        item = object_or_empty(data.get("item"))
        bodies = objects_in(item.get("bodies")) or [{}]
        headlines = objects_in(item.get("headlines")) or [{}]
        return RemotePost(
            remote_id=str(data["id"]),
            link=str(data.get("link", "")),
            modified=str(data.get("modified", "")),
            title=str(headlines[0].get("value", "")),
            content=str(bodies[0].get("value", "")),
            status=str(item.get("pubstatus", "")),
        )

    def get_post(self, remote_id: str) -> RemotePost | None:
        try:
            return self._post(self._call("GET", f"{API_PREFIX}/items/{quote(remote_id)}"))
        except RemoteHttpError as exc:
            if exc.status in (404, 410):
                return None
            raise

    def find_post(self, article_id: str) -> RemotePost | None:
        return self.get_post(article_id)

    def _put(self, req: PostRequest, base_modified: str | None) -> RemotePost:
        doc = build_item(req.article, req.photos, req.media, req.status, req.publish_at)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-QK3-Base-Modified": base_modified or "none",
        }
        try:
            data = self._call(
                "PUT", f"{API_PREFIX}/items/{quote(req.article.id)}", encode(doc), headers
            )
        except RemoteHttpError as exc:
            body = as_object(exc.body)
            if exc.status == 409 and exc.remote_code == "conflict" and body is not None:
                current = self._post(as_object(body.get("current")) or {"id": req.article.id})
                raise PublishConflict(
                    local={
                        "title": req.article.title,
                        "content": doc["bodies"][0]["value"],
                        "modified": base_modified or "",
                    },
                    remote={
                        "title": current.title,
                        "content": current.content,
                        "modified": current.modified,
                    },
                ) from None
            raise
        return self._post(data)

    def create_post(self, req: PostRequest) -> RemotePost:
        return self._put(req, None)

    def update_post(self, remote_id: str, req: PostRequest, base_modified: str) -> RemotePost:
        return self._put(req, base_modified)
