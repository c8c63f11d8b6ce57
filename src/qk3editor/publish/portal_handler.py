"""The reference portal's request handler: signature and length checks before the body,
the push API (``/api/v1/...``) and the web pages. The server around it is :mod:`portal`."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import socket
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote, urlsplit

from qk3editor.core.json_values import as_object, objects_in
from qk3editor.publish.ninjs import API_PREFIX, BODY_HASH_HEADER, verify
from qk3editor.publish.portal_items import (
    item_problem,
    json_depth,
    sanitize_html,
    valid_id,
    valid_sha,
)
from qk3editor.publish.portal_pages import article_page, index_page

if TYPE_CHECKING:
    from qk3editor.publish.portal import PortalServer

log = logging.getLogger("qk3editor.publish.portal")

MAX_MEDIA_BODY = 40 * 1024 * 1024
MAX_ITEM_BODY = 8 * 1024 * 1024
MAX_JSON_DEPTH = 64
CHUNK = 64 * 1024
LINGER_SECONDS = 0.5
LINGER_BYTES = 256 * 1024


class PortalHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def portal(self) -> PortalServer:
        """The server this handler answers for (only ever a PortalServer)."""
        return cast("PortalServer", self.server)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("portal %s", format % args)

    def setup(self) -> None:
        super().setup()
        # each read waits this long at most; the watchdog bounds the whole request
        self.connection.settimeout(self.portal.idle_timeout)

    def handle_one_request(self) -> None:
        self.portal.watch(id(self), self.connection)
        try:
            super().handle_one_request()
        except (OSError, ValueError):
            self.close_connection = True  # cut by the watchdog, or the client went away
        finally:
            self.portal.unwatch(id(self))

    # -- responses -------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json")

    def _error(self, status: int, code: str, **extra: Any) -> None:
        self._json(status, {"error": code, **extra})

    def _refuse(self, status: int, code: str) -> None:
        """An answer without reading the body: the connection cannot be reused."""
        self.close_connection = True
        self._linger = True
        self._error(status, code)

    def finish(self) -> None:
        """After a refusal, close gently: stop writing, then drop what the client still sends
        for a moment (at most LINGER_BYTES), so that its stack does not reset the connection
        before the client has read our answer. The body is never kept."""
        super().finish()
        if not getattr(self, "_linger", False):
            return
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(LINGER_SECONDS)
            left = LINGER_BYTES
            while left > 0:
                chunk = self.connection.recv(min(CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _total(self, handler: Any, *args: Any) -> None:
        """Run a handler; whatever it raises becomes a JSON 500, never a dead page."""
        try:
            handler(*args)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:
            log.exception("portal: %s %s failed", self.command, urlsplit(self.path).path)
            self.close_connection = True
            try:
                self._error(500, "internal")
            except OSError:
                pass

    # -- checks ----------------------------------------------------------------------------
    def _authorised(self) -> bool:
        """The signature over the request line and the X-QK3-* headers; no body needed."""
        user = self.headers.get("X-QK3-Key", "")
        secret = self.portal.keys.get(user)
        signature = self.headers.get("X-QK3-Signature", "")
        ok = (
            secret is not None
            and verify(secret, self.command, self.path, self.headers.items(), signature)
            and len(self.headers.get_all(BODY_HASH_HEADER) or []) == 1
        )
        if not ok:
            self._refuse(401, "bad_signature")
            return False
        if not self.portal.first_use(signature):
            self._refuse(401, "replayed")
            return False
        return True

    def _length(self, limit: int) -> int | None:
        if self.headers.get("Transfer-Encoding"):
            self._refuse(411, "length_required")
            return None
        length = self.headers.get("Content-Length")
        if length is None or not (length.isascii() and length.isdigit() and len(length) < 20):
            self._refuse(411, "length_required")
            return None
        if int(length) > limit:
            self._refuse(413, "too_large")
            return None
        return int(length)

    def _body(self, length: int) -> bytes | None:
        """The body, read in chunks, checked against the signed hash."""
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        left = length
        while left:
            chunk = self.rfile.read(min(CHUNK, left))
            if not chunk:
                self.close_connection = True
                return None
            digest.update(chunk)
            chunks.append(chunk)
            left -= len(chunk)
        if digest.hexdigest() != self.headers.get(BODY_HASH_HEADER, "").strip().lower():
            self._error(400, "body_hash_mismatch")
            return None
        return b"".join(chunks)

    # -- routing ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        if self.headers.get("Content-Length", "0") not in ("", "0"):
            self.close_connection = True  # a body we will not read
        path = unquote(urlsplit(self.path).path)
        if path.startswith(API_PREFIX + "/"):
            if self._authorised():
                self._total(self._api_get, path[len(API_PREFIX) + 1 :])
            return
        self._total(self._web_get, path)

    do_HEAD = do_GET

    def do_PUT(self) -> None:
        path = unquote(urlsplit(self.path).path)
        parts = path[len(API_PREFIX) + 1 :].split("/") if path.startswith(API_PREFIX + "/") else []
        if len(parts) == 2 and parts[0] == "media" and valid_sha(parts[1]):
            handler, limit = self._put_media, MAX_MEDIA_BODY
        elif len(parts) == 2 and parts[0] == "items" and valid_id(parts[1]):
            handler, limit = self._put_item, MAX_ITEM_BODY
        else:
            self._refuse(404, "not_found")
            return
        length = self._length(limit)
        if length is None or not self._authorised():
            return
        body = self._body(length)
        if body is not None:
            self._total(handler, parts[1], body)

    def do_POST(self) -> None:
        self._refuse(405, "method_not_allowed")

    do_DELETE = do_PATCH = do_POST

    def _api_get(self, rest: str) -> None:
        parts = rest.split("/")
        if parts == ["whoami"]:
            self._json(200, {"user": self.headers.get("X-QK3-Key")})
        elif len(parts) == 2 and parts[0] == "media" and valid_sha(parts[1]):
            if self.portal.store.has_media(parts[1]):
                self._json(200, self._media_info(parts[1]))
            else:
                self._error(404, "not_found")
        elif len(parts) == 2 and parts[0] == "items" and valid_id(parts[1]):
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

    def _put_item(self, item_id: str, body: bytes) -> None:
        try:
            parsed: object = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self._error(400, "not_json")
            return
        if json_depth(parsed) > MAX_JSON_DEPTH:
            self._error(400, "too_deep", detail=f"more than {MAX_JSON_DEPTH} levels")
            return
        item = as_object(parsed)
        if item is None or item.get("uri") != f"urn:qk3editor:article:{item_id}":
            self._error(422, "uri_mismatch")
            return
        problem = item_problem(item)
        if problem:
            self._error(400, "invalid_item", detail=problem)
            return
        validator = self.portal.validator
        if validator is not None:
            errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
            if errors:
                self._error(422, "invalid_ninjs", detail=errors[0].message[:300])
                return
        for part in objects_in(item.get("bodies")):
            part["value"] = sanitize_html(str(part.get("value", "")))
        base = self.headers.get("X-QK3-Base-Modified", "none")
        status, record = self.portal.store.put_item(item_id, item, base)
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
        m = re.fullmatch(r"/bai-viet/([^/]+)", path)
        if m and valid_id(m.group(1)):
            record = store.get_item(m.group(1))
            if record and record["item"].get("pubstatus") == "usable":
                page = article_page(record)
                self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
                return
        if path == "/":
            self._send(200, index_page(store.items()).encode("utf-8"), "text/html; charset=utf-8")
            return
        self._send(404, b"<h1>404</h1>", "text/html; charset=utf-8")
