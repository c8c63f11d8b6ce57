"""ninjs push: ninjs 2.x documents and the signed HTTP contract of docs/ninjs-push-openapi.yaml.

Every request carries ``X-QK3-Key`` (the user), ``X-QK3-Timestamp`` (Unix seconds),
``X-QK3-Nonce`` (random), ``X-QK3-Content-SHA256`` (hex SHA-256 of the exact body, also for an
empty one) and ``X-QK3-Signature: sha256=<hex>``: the HMAC-SHA256 with the shared secret over
the canonical string (:func:`canonical_request`)::

    qk3-v2\\n{METHOD}\\n{path-with-query}\\n{name}:{value}\\n{name}:{value}

(lines joined by a line feed, none at the end) with one ``name:value`` line for every
``X-QK3-*`` header but the signature (names in lower case, sorted, values trimmed; the body
hash and the timestamp are among them). Every header
that changes what a request means (``X-QK3-Base-Modified`` too) is an ``X-QK3-*`` header, so a
changed or added one breaks the signature. The receiver checks the signature from the headers
alone, before it reads the body, then reads the body and checks its hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets as pysecrets
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from qk3editor.core.articles import Article, iso_utc, utcnow
from qk3editor.core.json_values import as_object, object_or_empty, objects_in
from qk3editor.core.publish_data import (
    MediaRecord,
    PortalProfile,
    PublishPhoto,
    PublishStatus,
    Rendition,
    Target,
)
from qk3editor.core.vietnamese.fold import slugify
from qk3editor.publish.base import PostRequest, RemotePost
from qk3editor.publish.content import article_html, meta_hash
from qk3editor.publish.errors import AuthFailed, PublishConflict, RemoteHttpError
from qk3editor.publish.http import HttpClient, host_of

API_PREFIX = "/ninjs/v1"
SIGNATURE_TOLERANCE_S = 300
SIGNATURE_VERSION = "qk3-v2"
SIGNED_PREFIX = "x-qk3-"
SIGNATURE_HEADER = "X-QK3-Signature"
BODY_HASH_HEADER = "X-QK3-Content-SHA256"


def article_uri(article_id: str) -> str:
    return f"urn:qk3editor:article:{article_id}"


def photo_uri(media_id: str) -> str:
    return f"urn:qk3editor:photo:{media_id}"


def signed_fields(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The ``X-QK3-*`` headers but the signature: (lower-case name, trimmed value), sorted."""
    return sorted(
        (name.lower(), value.strip())
        for name, value in headers
        if name.lower().startswith(SIGNED_PREFIX) and name.lower() != SIGNATURE_HEADER.lower()
    )


def canonical_request(method: str, path: str, headers: Iterable[tuple[str, str]]) -> bytes:
    lines = [SIGNATURE_VERSION, method.upper(), path]
    lines += [f"{name}:{value}" for name, value in signed_fields(headers)]
    return "\n".join(lines).encode("utf-8")


def sign(secret: str, method: str, path: str, headers: Mapping[str, str]) -> str:
    return _mac(secret, canonical_request(method, path, headers.items()))


def _mac(secret: str, message: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(
    secret: str,
    method: str,
    path: str,
    headers: Iterable[tuple[str, str]],
    signature: str,
    now: float | None = None,
) -> bool:
    """The signature over the request line and its ``X-QK3-*`` headers (not the body: the
    signed ``X-QK3-Content-SHA256`` is checked against the body once it is read)."""
    fields = list(headers)
    stamps = [v for n, v in fields if n.lower() == "x-qk3-timestamp"]
    stamp = stamps[0].strip() if len(stamps) == 1 else ""
    if not (stamp.isascii() and stamp.isdigit() and len(stamp) < 20):
        return False
    if abs((now if now is not None else time.time()) - int(stamp)) > SIGNATURE_TOLERANCE_S:
        return False
    return hmac.compare_digest(_mac(secret, canonical_request(method, path, fields)), signature)


def signed_headers(
    secret: str,
    user: str,
    method: str,
    path: str,
    body: bytes,
    extra: Mapping[str, str] | None = None,
    now: float | None = None,
) -> dict[str, str]:
    """Every ``X-QK3-*`` header of a request, the signature included."""
    fields = {
        "X-QK3-Key": user,
        "X-QK3-Timestamp": str(int(now if now is not None else time.time())),
        "X-QK3-Nonce": pysecrets.token_hex(16),
        BODY_HASH_HEADER: hashlib.sha256(body).hexdigest(),
        **{k: v for k, v in (extra or {}).items() if k.lower().startswith(SIGNED_PREFIX)},
    }
    fields[SIGNATURE_HEADER] = sign(secret, method, path, fields)
    return fields


def pubstatus(status: PublishStatus) -> str:
    return "usable" if status in (PublishStatus.PUBLISH, PublishStatus.FUTURE) else "withheld"


def build_item(
    article: Article,
    photos: Sequence[PublishPhoto],
    media: dict[str, MediaRecord],
    status: PublishStatus,
    publish_at: datetime | None,
    now: datetime | None = None,
    date: datetime | None = None,
    profile: PortalProfile | None = None,
) -> dict[str, Any]:
    """The ninjs 2.x document of an article; photos as ``picture`` associations.

    ``firstcreated`` is the date readers see (the one date rule,
    :func:`qk3editor.core.publish_data.publication_date`); ``versioncreated`` is when this
    version was sent.
    """
    sent = [p for p in photos if p.key in media]
    sent_at = now or utcnow()
    item: dict[str, Any] = {
        "uri": article_uri(article.id),
        "type": "text",
        "representationtype": "full",
        "profile": "qk3-article",
        "version": str(article.version),
        "firstcreated": iso_utc(date or sent_at),
        "versioncreated": iso_utc(sent_at),
        "pubstatus": pubstatus(status),
        "language": "vi",
        "headlines": [{"role": "main", "value": article.title}],
        "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": article.lead}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": article_html(article, photos, media, profile=profile),
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
            "headlines": [{"role": "main", "value": photo.title or photo.caption[:80]}],
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
        plain = {k: v for k, v in (headers or {}).items() if not k.lower().startswith("x-qk3-")}
        auth = signed_headers(
            self._secret, self.target.user, method, full_path, body, headers, self._clock()
        )
        try:
            resp = self.http.request(
                method,
                self.base + path,
                headers=plain,
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
        doc = build_item(
            req.article,
            req.photos,
            req.media,
            req.status,
            req.publish_at,
            date=req.date,
            profile=self.target.profile,
        )
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
