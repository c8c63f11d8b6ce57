"""The reference portal: a ninjs push receiver on 127.0.0.1 (``qk3editor portal``).

It verifies each request's HMAC, stores what it gets in a folder (one JSON file per item, one
file per photo, written atomically: :mod:`portal_store`; the requests are :mod:`portal_handler`)
and serves each article as a web page shaped like the QK3 portal's article page
(:mod:`portal_pages`); what it accepts (ids, item checks, the sanitiser) is :mod:`portal_items`.
It is the working reference of docs/ninjs-push-openapi.yaml, built to stand hostile clients:

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

import logging
import socket
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

from qk3editor.publish.ninjs import SIGNATURE_TOLERANCE_S
from qk3editor.publish.portal_handler import PortalHandler
from qk3editor.publish.portal_items import (
    sanitize_html,
    schema_validator,
    valid_id,
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
