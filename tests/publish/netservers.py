"""Small scripted HTTP(S) servers on 127.0.0.1 for the hostile-network tests.

Each server is its own origin (its own port). A route answers with a fixed status, headers and
body; every request is recorded with its headers so a test can count what reached the server.

``stop()`` ends every thread the server started before it returns: a connection thread left
blocked in a (TLS) read after its test would wake up at some later test, when the client is
garbage-collected, and OpenSSL work in a stray thread during other tests is how a CI run once
died with a segmentation fault.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # a list of (status, body) answers used one by one before the fixed answer
    first: list[tuple[int, bytes]] = field(default_factory=list)
    drip: float = 0.0  # seconds between single bytes of the body (0: send at once)


class ScriptedServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, str, dict[str, str]]] = []  # (method, path, headers)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.connections: dict[threading.Thread, socket.socket] = {}
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_address[1]}"

    def route(self, path: str, **kw: Any) -> Route:
        self.routes[path] = Route(**kw)
        return self.routes[path]

    def find(self, path: str) -> Route | None:
        """The route of ``path``: exact, then without the query, then the longest "prefix*"."""
        bare = path.split("?")[0]
        found = self.routes.get(path) or self.routes.get(bare)
        if found is None:
            prefixes = [k for k in self.routes if k.endswith("*") and bare.startswith(k[:-1])]
            if prefixes:
                found = self.routes[max(prefixes, key=len)]
        return found

    def authorised_requests(self) -> int:
        return sum(1 for _m, _p, h in self.seen if "authorization" in h)

    def process_request(self, request: Any, client_address: Any) -> None:
        """One thread per connection, as ThreadingMixIn, but remembered so stop() can end it."""
        thread = threading.Thread(
            target=self._serve_connection, args=(request, client_address), daemon=True
        )
        with self.lock:
            self.connections[thread] = request
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self.lock:
                self.connections.pop(threading.current_thread(), None)

    def stop(self) -> None:
        """Stop serving and end every connection thread (a second call does nothing)."""
        if self.stopping.is_set():
            return
        self.stopping.set()
        self.shutdown()
        self.thread.join()
        end_connection_threads(self.connections, self.lock)
        self.server_close()


def end_connection_threads(connections: dict[threading.Thread, socket.socket], lock: Any) -> None:
    """Wake each connection thread's blocked read and join it; fail if one does not end.

    The socket is shut down at the kernel level (``socket.socket.shutdown``, not
    ``SSLSocket.shutdown``): the thread's read returns end-of-file and the thread closes its own
    connection, so a TLS connection's OpenSSL state is only ever touched by its own thread.
    """
    with lock:
        left = list(connections.items())
    for _thread, conn in left:
        try:
            socket.socket.shutdown(conn, socket.SHUT_RDWR)
        except OSError:
            pass  # already closed by its thread
    for thread, _conn in left:
        thread.join(10)
    stuck = [t.name for t, _c in left if t.is_alive()]
    assert not stuck, f"connection threads still running after stop(): {stuck}"


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with self.server.lock:
            self.server.seen.append(
                (self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
            )
            route = self.server.find(self.path)
            if route is None:
                status, body, headers, drip = 404, b'{"code":"rest_no_route"}', {}, 0.0
            elif route.first:
                status, body = route.first.pop(0)
                headers, drip = {}, 0.0
            else:
                status, body, headers, drip = route.status, route.body, route.headers, route.drip
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not drip:
            self.wfile.write(body)
            return
        for i in range(len(body)):  # one byte at a time, forever slow
            if self.server.stopping.wait(drip):
                return
            try:
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
            except OSError:
                return

    do_GET = do_POST = do_PUT = _answer


def self_signed(folder: Path) -> tuple[Path, Path] | None:
    """(cert, key) for 127.0.0.1 made by openssl, or None when openssl cannot."""
    key, cert = folder / "k.pem", folder / "c.pem"
    done = subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
            "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        capture_output=True,
    )  # fmt: skip
    return (cert, key) if done.returncode == 0 else None


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx
