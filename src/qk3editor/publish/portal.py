"""The reference portal: a ninjs push receiver on 127.0.0.1 (``qk3editor portal``).

It verifies each request's HMAC, stores what it gets in a folder (one JSON file per item, one
file per photo, written atomically) and serves each article as a web page shaped like the QK3
portal's article page. It is the working reference of docs/ninjs-push-openapi.yaml, built to
stand hostile clients:

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
import html
import json
import logging
import os
import re
import secrets as pysecrets
import socket
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

import nh3

from qk3editor.core import atomic, render
from qk3editor.core.json_values import as_object, list_or_empty, object_or_empty, objects_in
from qk3editor.core.vietnamese.dates import format_portal_date
from qk3editor.publish.ninjs import API_PREFIX, BODY_HASH_HEADER, SIGNATURE_TOLERANCE_S, verify

log = logging.getLogger(__name__)

MAX_MEDIA_BODY = 40 * 1024 * 1024
MAX_ITEM_BODY = 8 * 1024 * 1024
MAX_BODY = MAX_MEDIA_BODY
MAX_JSON_DEPTH = 64
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")  # always with fullmatch
SHA_RE = re.compile(r"[0-9a-f]{64}")
CHUNK = 64 * 1024
LINGER_SECONDS = 0.5
LINGER_BYTES = 256 * 1024
# what our own renderer puts on its output besides the sanitiser's allow-list (classes and
# alignment of paragraphs, the body's div, the credit's span)
RENDERED_ATTRIBUTES = {"p": {"class", "align"}, "div": {"class"}, "span": {"class"}}


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def valid_id(value: str) -> bool:
    """An item id: 1-128 of ``A-Z a-z 0-9 _ -``, starting with a letter or digit, whole."""
    return ID_RE.fullmatch(value) is not None and value.strip("-") != ""


def valid_sha(value: str) -> bool:
    return SHA_RE.fullmatch(value) is not None


def sanitize_html(fragment: str) -> str:
    """HTML as the portal stores it: core/render.py's allow-lists (tags, attributes, URL
    schemes; scripts dropped with their content, script URLs hidden by blanks emptied), plus
    the presentational attributes our own renderer writes."""
    attributes = {tag: set(names) for tag, names in render.ALLOWED_ATTRIBUTES.items()}
    for tag, names in RENDERED_ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(names)
    cleaned = nh3.clean(
        fragment,
        tags=set(render.ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=attributes,
        url_schemes=set(render.URL_SCHEMES) - {render.PHOTO_SCHEME},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _URL_ATTR.sub(_empty_script_url, cleaned)


_SCRIPTISH = ("javascript:", "vbscript:", "livescript:", "data:")
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


def _empty_script_url(m: re.Match[str]) -> str:
    """Like the renderer: a URL a lenient browser could still read as a script URL (blanks or
    control characters inside the scheme) is emptied."""
    compact = "".join(ch for ch in html.unescape(m.group(2)) if ch > " ").lower()
    return f'{m.group(1)}=""' if compact.startswith(_SCRIPTISH) else m.group(0)


def json_depth(value: object) -> int:
    """How deeply lists and objects nest (iterative: no recursion on hostile input)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        obj, children = as_object(node), list_or_empty(node)
        if obj is not None:
            children = list(obj.values())
        elif not isinstance(node, list):
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _list_of_dicts(item: dict[str, Any], key: str, text: str) -> str | None:
    problem = f"{key} must be a list of objects with a text {text}"
    value: object = item.get(key, [])
    entries = list_or_empty(value)
    if not isinstance(value, list):
        return problem
    for entry in entries:
        obj = as_object(entry)
        if obj is None or not isinstance(obj.get(text, ""), str):
            return problem
    return None


def item_problem(item: dict[str, Any]) -> str | None:
    """Why the portal cannot store and show ``item``, or None."""
    headlines = list_or_empty(item.get("headlines"))
    first = as_object(headlines[0]) if headlines else None
    if first is None or not isinstance(first.get("value"), str):
        return "headlines[0].value is required"
    for key in ("versioncreated", "firstcreated", "embargoed"):
        if key in item and not _is_time(item[key]):
            return f"{key} is not an ISO 8601 time"
    for key, text in (
        ("bodies", "value"),
        ("descriptions", "value"),
        ("subjects", "name"),
        ("associations", "name"),
    ):
        problem = _list_of_dicts(item, key, text)
        if problem:
            return problem
    for assoc in objects_in(item.get("associations")):
        for key, text in (("renditions", "href"), ("descriptions", "value"), ("altids", "role")):
            problem = _list_of_dicts(assoc, key, text)
            if problem:
                return "associations: " + problem
        if not isinstance(assoc.get("by", ""), str):
            return "associations: by must be text"
    for key in ("pubstatus", "by"):
        if not isinstance(item.get(key, ""), str):
            return f"{key} must be text"
    return None


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
        """Every readable record (one that cannot be read is logged and left out)."""
        out: list[dict[str, Any]] = []
        with self._lock:
            for path in sorted((self.root / "items").glob("*.json")):
                try:
                    out.append(object_or_empty(json.loads(path.read_text("utf-8"))))
                except (OSError, UnicodeDecodeError, ValueError, RecursionError):
                    log.warning("portal: %s cannot be read", path.name)
        return out

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
        self.validator = _schema_validator()
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


PAGE_CSS = (
    "body{font-family:Arial,sans-serif;max-width:820px;margin:auto;color:#222}"
    "header{background:#0b5d1e;color:#fff;padding:8px 12px}"
    ".crumb{color:#0b5d1e;margin:12px 0}.lead{font-weight:bold}"
    "figure{margin:16px 0;text-align:center}figure img{max-width:100%}"
    "figcaption{font-style:italic;color:#444}.byline{text-align:right;font-weight:bold}"
)


def _vn_date(iso: object) -> str:
    """``Chủ nhật, 21/10/2018`` for an ISO time, in Vietnam (the day may differ from UTC's);
    "" for a value that is not one (a page never fails on its date)."""
    try:
        return format_portal_date(datetime.fromisoformat(str(iso).replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        return ""


LEAD_PREFIX = "QK3 online - "


def portal_lead(lead: str) -> str:
    """The lead as printed: "QK3 online - " before it, unless the reporter wrote it already
    (the house style starts every lead with it: never twice)."""
    lead = lead.strip()
    if not lead or lead.casefold().startswith(LEAD_PREFIX.strip(" -").casefold()):
        return lead
    return LEAD_PREFIX + lead


def shown_date(item: dict[str, Any], record: dict[str, Any]) -> str:
    """The date a reader sees: the embargo of a scheduled item, else ``firstcreated`` (the
    sender's one date rule: when it was first sent), else this version's time."""
    return str(
        item.get("embargoed")
        or item.get("firstcreated")
        or item.get("versioncreated")
        or record["modified"]
    )


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
        f"{_vn_date(shown_date(item, record))}</header>"
        f'<nav class="crumb">Trang chủ › {crumb}</nav><article><h1>{title}</h1>'
        f"{_lead_paragraph(lead, body)}"
        f"{_featured_figure(item, body)}{body}</article></body></html>"
    )


def _lead_paragraph(lead: str, body: str) -> str:
    """The summary in bold, unless the body starts with the lead already (a target whose
    portal profile puts the lead in the content): a reader sees it once."""
    if body.lstrip().startswith('<p class="qk3-lead">'):
        return ""
    return f'<p class="lead">{html.escape(portal_lead(lead))}</p>'


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
        if not re.match(r"https?://", href, re.I) or html.escape(href, quote=True) in body:
            return ""
        caption = str(_with_role(assoc.get("descriptions"), "caption").get("value", ""))
        credit = f" ({html.escape(str(assoc['by']))})" if assoc.get("by") else ""
        return (
            f'<figure class="qk3-featured"><img src="{html.escape(href, quote=True)}" '
            f'alt="{html.escape(caption, quote=True)}"><figcaption>{html.escape(caption)}'
            f"{credit}</figcaption></figure>"
        )
    return ""


def _index_row(record: dict[str, Any]) -> str:
    """One line of the index; "" for a record that is not shown or cannot be (never raises)."""
    try:
        item = record["item"]
        if item.get("pubstatus") != "usable" or not valid_id(str(record["id"])):
            return ""
        title = html.escape(str(item["headlines"][0]["value"]))
    except (KeyError, IndexError, TypeError, AttributeError):
        log.warning("portal: a stored item cannot be listed")
        return ""
    return f'<li><a href="/bai-viet/{record["id"]}">{title}</a></li>'


def index_page(records: list[dict[str, Any]]) -> str:
    rows = "".join(_index_row(r) for r in records)
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
