"""The reference portal: a ninjs push receiver on 127.0.0.1 (``qk3editor portal``).

It verifies each request's HMAC, stores what it gets in a folder (one JSON file per item, one
file per photo, written atomically) and serves each article as a web page shaped like the QK3
portal's article page. It is the working reference of docs/ninjs-push-openapi.yaml.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import secrets as pysecrets
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from qk3editor.core import atomic
from qk3editor.core.json_values import as_object, object_or_empty, objects_in
from qk3editor.core.vietnamese.dates import format_portal_date
from qk3editor.publish.ninjs import API_PREFIX, verify

log = logging.getLogger(__name__)

MAX_BODY = 40 * 1024 * 1024
UUID_RE = re.compile(r"^[0-9a-fA-F-]{36}$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _schema_validator() -> Any:
    try:
        import jsonschema
    except ImportError:  # the portal still works; it just does not validate
        return None
    from qk3editor.paths import resources_dir

    path = resources_dir() / "ninjs" / "ninjs-schema_2.2.json"
    if not path.is_file():
        return None
    return jsonschema.Draft202012Validator(json.loads(path.read_text("utf-8")))


class PortalStore:
    """Items and media in a folder. Thread-safe."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "items").mkdir(parents=True, exist_ok=True)
        (root / "media").mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()

    def _item_path(self, uuid: str) -> Path:
        return self.root / "items" / f"{uuid.lower()}.json"

    def get_item(self, uuid: str) -> dict[str, Any] | None:
        path = self._item_path(uuid)
        with self._lock:
            if not path.is_file():
                return None
            return json.loads(path.read_text("utf-8"))

    def put_item(
        self, uuid: str, item: dict[str, Any], base_modified: str
    ) -> tuple[int, dict[str, Any]]:
        """(200|201, record) or (409, current record) when ``base_modified`` is stale."""
        with self._lock:
            current = self.get_item(uuid)
            if current is None and base_modified != "none":
                return 404, {}
            if current is not None and current["modified"] != base_modified:
                return 409, current
            record = {
                "id": uuid.lower(),
                "item": item,
                "modified": _now_iso(),
                "creates": (current or {}).get("creates", 0) + (0 if current else 1),
                "updates": (current or {}).get("updates", 0) + (1 if current else 0),
            }
            atomic.write_bytes(
                self._item_path(uuid), json.dumps(record, ensure_ascii=False).encode()
            )
            return (200 if current else 201), record

    def edit_item(self, uuid: str, title: str) -> dict[str, Any]:
        """An edit made on the portal's side (its own CMS): a new title and modified time."""
        with self._lock:
            record = self.get_item(uuid)
            if record is None:
                raise KeyError(uuid)
            record["item"]["headlines"][0]["value"] = title
            record["modified"] = _now_iso()
            atomic.write_bytes(
                self._item_path(uuid), json.dumps(record, ensure_ascii=False).encode()
            )
            return record

    def items(self) -> list[dict[str, Any]]:
        with self._lock:
            return [
                json.loads(p.read_text("utf-8"))
                for p in sorted((self.root / "items").glob("*.json"))
            ]

    def media_path(self, sha: str) -> Path:
        return self.root / "media" / f"{sha}.jpg"

    def has_media(self, sha: str) -> bool:
        return self.media_path(sha).is_file()

    def put_media(self, sha: str, data: bytes) -> bool:
        with self._lock:
            path = self.media_path(sha)
            if path.is_file():
                return False
            atomic.write_bytes(path, data)
            return True


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, port: int, store: PortalStore, keys: dict[str, str], public_url: str | None = None
    ) -> None:
        super().__init__(("127.0.0.1", port), PortalHandler)
        self.store = store
        self.keys = keys
        self.public_url = (public_url or f"http://127.0.0.1:{self.server_address[1]}").rstrip("/")
        self.validator = _schema_validator()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="portal", daemon=True)
        thread.start()
        return thread


class PortalHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def portal(self) -> PortalServer:
        """The server this handler answers for (only ever a PortalServer)."""
        return cast(PortalServer, self.server)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("portal %s", format % args)

    # -- responses -------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json")

    def _error(self, status: int, code: str, **extra: Any) -> None:
        self._json(status, {"error": code, **extra})

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._error(411, "length_required")
            return None
        if int(length) > MAX_BODY:
            self._error(413, "too_large")
            return None
        return self.rfile.read(int(length))

    def _authorised(self, body: bytes) -> bool:
        user = self.headers.get("X-QK3-Key", "")
        secret = self.portal.keys.get(user)
        ok = secret is not None and verify(
            secret,
            self.headers.get("X-QK3-Timestamp", ""),
            self.command,
            self.path,
            body,
            self.headers.get("X-QK3-Signature", ""),
        )
        if not ok:
            self._error(401, "bad_signature")
        return ok

    # -- routing ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path.startswith(API_PREFIX + "/"):
            if not self._authorised(b""):
                return
            self._api_get(path[len(API_PREFIX) + 1 :])
            return
        self._web_get(path)

    do_HEAD = do_GET

    def do_PUT(self) -> None:
        path = unquote(urlsplit(self.path).path)
        body = self._body()
        if body is None:
            return
        if not path.startswith(API_PREFIX + "/") or not self._authorised(body):
            if not path.startswith(API_PREFIX + "/"):
                self._error(404, "not_found")
            return
        parts = path[len(API_PREFIX) + 1 :].split("/")
        if len(parts) == 2 and parts[0] == "media" and SHA_RE.match(parts[1]):
            self._put_media(parts[1], body)
        elif len(parts) == 2 and parts[0] == "items" and UUID_RE.match(parts[1]):
            self._put_item(parts[1], body)
        else:
            self._error(404, "not_found")

    def _api_get(self, rest: str) -> None:
        parts = rest.split("/")
        if parts == ["whoami"]:
            self._json(200, {"user": self.headers.get("X-QK3-Key")})
        elif len(parts) == 2 and parts[0] == "media" and SHA_RE.match(parts[1]):
            if self.portal.store.has_media(parts[1]):
                self._json(200, self._media_info(parts[1]))
            else:
                self._error(404, "not_found")
        elif len(parts) == 2 and parts[0] == "items" and UUID_RE.match(parts[1]):
            record = self.portal.store.get_item(parts[1])
            if record is None:
                self._error(404, "not_found")
            else:
                self._json(200, self._item_info(record))
        else:
            self._error(404, "not_found")

    def _media_info(self, sha: str) -> dict[str, Any]:
        return {"id": sha, "sha256": sha, "href": f"{self.portal.public_url}/media/{sha}.jpg"}

    def _item_info(self, record: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": record["id"],
            "link": f"{self.portal.public_url}/bai-viet/{record['id']}",
            "modified": record["modified"],
            "item": record["item"],
        }

    def _put_media(self, sha: str, body: bytes) -> None:
        if hashlib.sha256(body).hexdigest() != sha:
            self._error(400, "hash_mismatch")
            return
        if not body.startswith(b"\xff\xd8"):
            self._error(415, "not_jpeg")
            return
        created = self.portal.store.put_media(sha, body)
        self._json(201 if created else 200, self._media_info(sha))

    def _put_item(self, uuid: str, body: bytes) -> None:
        try:
            item = as_object(json.loads(body.decode("utf-8")))
        except (UnicodeDecodeError, ValueError):
            self._error(400, "not_json")
            return
        if item is None or item.get("uri") != f"urn:qk3editor:article:{uuid}":
            self._error(422, "uri_mismatch")
            return
        validator = self.portal.validator
        if validator is not None:
            errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
            if errors:
                self._error(422, "invalid_ninjs", detail=errors[0].message[:300])
                return
        base = self.headers.get("X-QK3-Base-Modified", "none")
        status, record = self.portal.store.put_item(uuid, item, base)
        if status == 409:
            self._error(409, "conflict", current=self._item_info(record))
        elif status == 404:
            self._error(404, "not_found")
        else:
            self._json(status, self._item_info(record))

    # -- the web pages ---------------------------------------------------------------------
    def _web_get(self, path: str) -> None:
        store = self.portal.store
        m = re.fullmatch(r"/media/([0-9a-f]{64})\.jpg", path)
        if m and store.has_media(m.group(1)):
            self._send(200, store.media_path(m.group(1)).read_bytes(), "image/jpeg")
            return
        m = re.fullmatch(r"/bai-viet/([0-9a-fA-F-]{36})", path)
        if m:
            record = store.get_item(m.group(1))
            if record and record["item"].get("pubstatus") == "usable":
                page = article_page(record)
                self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
                return
        if path == "/":
            self._send(200, index_page(store.items()).encode("utf-8"), "text/html; charset=utf-8")
            return
        self._send(404, b"<h1>404</h1>", "text/html; charset=utf-8")


PAGE_CSS = (
    "body{font-family:Arial,sans-serif;max-width:820px;margin:auto;color:#222}"
    "header{background:#0b5d1e;color:#fff;padding:8px 12px}"
    ".crumb{color:#0b5d1e;margin:12px 0}.lead{font-weight:bold}"
    "figure{margin:16px 0;text-align:center}figure img{max-width:100%}"
    "figcaption{font-style:italic;color:#444}.byline{text-align:right;font-weight:bold}"
)


def _vn_date(iso: str) -> str:
    """``Chủ nhật, 21/10/2018`` for an ISO time, in Vietnam (the day may differ from UTC's)."""
    return format_portal_date(datetime.fromisoformat(iso.replace("Z", "+00:00")))


def article_page(record: dict[str, Any]) -> str:
    item = object_or_empty(record["item"])
    title = html.escape(str(objects_in(item["headlines"])[0]["value"]))
    lead = str(_with_role(item.get("descriptions"), "summary").get("value", ""))
    body = str((objects_in(item.get("bodies")) or [{}])[0].get("value", ""))
    crumb = html.escape(str((objects_in(item.get("subjects")) or [{}])[0].get("name", "Tin tức")))
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{PAGE_CSS}</style></head><body>"
        f"<header><strong>QK3 online</strong> · Đường dây nóng · "
        f"{_vn_date(item.get('versioncreated', record['modified']))}</header>"
        f'<nav class="crumb">Trang chủ › {crumb}</nav><article><h1>{title}</h1>'
        f'<p class="lead">QK3 online - {html.escape(lead)}</p>'
        f"{_featured_figure(item, body)}{body}</article></body></html>"
    )


def _with_role(values: object, role: str) -> dict[str, Any]:
    """The first object of a ninjs array whose ``role`` is ``role`` (or an empty one)."""
    none: dict[str, Any] = {}
    return next((d for d in objects_in(values) if d.get("role") == role), none)


def _featured_figure(item: dict[str, Any], body: str) -> str:
    """The featured picture above the body when the body does not show it already."""
    for assoc in objects_in(item.get("associations")):
        if not _with_role(assoc.get("altids"), "featured"):
            continue
        href = str((objects_in(assoc.get("renditions")) or [{}])[0].get("href", ""))
        if not href or html.escape(href, quote=True) in body:
            return ""
        caption = str(_with_role(assoc.get("descriptions"), "caption").get("value", ""))
        credit = f" ({html.escape(str(assoc['by']))})" if assoc.get("by") else ""
        return (
            f'<figure class="qk3-featured"><img src="{html.escape(href, quote=True)}" '
            f'alt="{html.escape(caption, quote=True)}"><figcaption>{html.escape(caption)}'
            f"{credit}</figcaption></figure>"
        )
    return ""


def index_page(records: list[dict[str, Any]]) -> str:
    rows = "".join(
        f'<li><a href="/bai-viet/{r["id"]}">{html.escape(r["item"]["headlines"][0]["value"])}'
        f"</a></li>"
        for r in records
        if r["item"].get("pubstatus") == "usable"
    )
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>QK3 online'
        f"</title><style>{PAGE_CSS}</style></head><body><header><strong>QK3 online"
        f"</strong></header><ul>{rows}</ul></body></html>"
    )


def load_or_create_secret(folder: Path) -> tuple[str, Path]:
    """The portal's shared secret from ``folder/secret`` (0600), made on first start."""
    path = folder / "secret"
    folder.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        return path.read_text("utf-8").strip(), path
    value = pysecrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value, path
