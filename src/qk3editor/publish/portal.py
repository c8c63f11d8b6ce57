"""The reference portal: a ninjs push receiver on 127.0.0.1 (``qk3editor portal``).

It verifies each request's HMAC, stores what it gets in a folder (one JSON file per item, one
file per photo, written atomically: :mod:`portal_store`) and serves each article as a web page
shaped like the QK3 portal's article page (:mod:`portal_pages`); what it accepts (ids, item
checks, the sanitiser) is :mod:`portal_items`. It is the working reference of
docs/ninjs-push-openapi.yaml, built to stand hostile clients:

- the signature covers the method, the path and every ``X-QK3-*`` header (the body's hash,
  the timestamp and ``X-QK3-Base-Modified`` among them) and is checked from the headers alone,
  after the Content-Length limit and before a byte of the body is read; a signature seen
  before is refused (replay);
- ids follow one strict grammar (:data:`ID_RE`, whole string, never all dashes);
- stored HTML is sanitised with the renderer's allow-lists (core/render.py);
- every handler is total: bad JSON, absurd nesting, bad dates, missing headlines answer 400
  and never break the pages of anyone else; a broken record is skipped on the index;
- at most ``max_clients`` connections are served at once (the others get 503), each request
  has a whole-request deadline and each read an idle timeout, so a slow client cannot keep
  a slot.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from qk3editor.core.json_values import as_object, objects_in
from qk3editor.publish.ninjs import API_PREFIX, BODY_HASH_HEADER, SIGNATURE_TOLERANCE_S, verify
from qk3editor.publish.portal_items import (
    item_problem,
    json_depth,
    sanitize_html,
    schema_validator,
    valid_id,
    valid_sha,
)
from qk3editor.publish.portal_pages import article_page, index_page
from qk3editor.publish.portal_store import PortalStore, load_or_create_secret

# the receiver's parts, importable from here as before the split
__all__ = [
    "PortalHandler",
    "PortalServer",
    "PortalStore",
    "article_page",
    "index_page",
    "load_or_create_secret",
    "sanitize_html",
    "valid_id",
]

log = logging.getLogger(__name__)

MAX_MEDIA_BODY = 40 * 1024 * 1024
MAX_ITEM_BODY = 8 * 1024 * 1024
MAX_BODY = MAX_MEDIA_BODY
MAX_JSON_DEPTH = 64
CHUNK = 64 * 1024
LINGER_SECONDS = 0.5
LINGER_BYTES = 256 * 1024


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(
        self,
        port: int,
        store: PortalStore,
        keys: dict[str, str],
        public_url: str | None = None,
        *,
        max_clients: int = 16,
        request_deadline: float = 60.0,
        idle_timeout: float = 10.0,
    ) -> None:
        super().__init__(("127.0.0.1", port), PortalHandler)
        self.store = store
        self.keys = keys
        self.public_url = (public_url or f"http://127.0.0.1:{self.server_address[1]}").rstrip("/")
        self.validator = schema_validator()
        self.max_clients = max_clients
        self.request_deadline = request_deadline
        self.idle_timeout = idle_timeout
        self._slots = threading.BoundedSemaphore(max_clients)
        self._busy = 0
        self._lock = threading.Lock()
        self._watched: dict[int, tuple[float, socket.socket]] = {}
        self._seen_signatures: dict[str, float] = {}
        self._closing = threading.Event()
        threading.Thread(target=self._watchdog, name="portal-watchdog", daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def busy(self) -> int:
        """Connections being served now."""
        with self._lock:
            return self._busy

    def start_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="portal", daemon=True)
        thread.start()
        return thread

    # -- bounded concurrency ---------------------------------------------------------------
    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            _refuse_busy(request)
            self.shutdown_request(request)
            return
        with self._lock:
            self._busy += 1
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._release()

    def _release(self) -> None:
        with self._lock:
            self._busy -= 1
        self._slots.release()

    # -- whole-request deadlines -----------------------------------------------------------
    def watch(self, key: int, sock: socket.socket) -> None:
        with self._lock:
            self._watched[key] = (time.monotonic() + self.request_deadline, sock)

    def unwatch(self, key: int) -> None:
        with self._lock:
            self._watched.pop(key, None)

    def _watchdog(self) -> None:
        while not self._closing.wait(0.1):
            now = time.monotonic()
            with self._lock:
                late = [k for k, (until, _s) in self._watched.items() if until <= now]
                socks = [self._watched.pop(k)[1] for k in late]
            for sock in socks:
                log.info("portal: a request passed its deadline; connection closed")
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def server_close(self) -> None:
        self._closing.set()
        super().server_close()

    # -- replays ---------------------------------------------------------------------------
    def first_use(self, signature: str) -> bool:
        """True the first time a signature is seen within the timestamp window."""
        now = time.monotonic()
        with self._lock:
            if len(self._seen_signatures) > 10_000:
                self._seen_signatures = {k: t for k, t in self._seen_signatures.items() if t > now}
            if self._seen_signatures.get(signature, 0.0) > now:
                return False
            self._seen_signatures[signature] = now + 2 * SIGNATURE_TOLERANCE_S + 5
            return True


def _refuse_busy(request: socket.socket) -> None:
    body = b'{"error": "busy"}'
    head = (
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    )
    try:  # a fresh connection's send buffer takes this at once: never wait in the accept loop
        request.setblocking(False)
        request.send(head.encode("ascii") + body)
    except OSError:
        pass


class PortalHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def portal(self) -> PortalServer:
        """The server this handler answers for (only ever a PortalServer)."""
        return cast(PortalServer, self.server)

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
