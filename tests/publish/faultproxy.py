"""A fault-injecting reverse proxy on 127.0.0.1 (tests and benchmarks).

Each request is read whole, then, by a seeded draw or a scripted plan, one of:
``ok`` (forwarded), ``drop`` (connection closed, nothing forwarded), ``500``, ``429`` (with
Retry-After), ``slow`` (forwarded after a pause), ``reset`` (forwarded *and acted on by the
server*, then the client connection is reset before any answer: the unknown outcome).
``latency`` adds a fixed delay to every request.
"""

from __future__ import annotations

import http.client
import random
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from collections.abc import Sequence

FAULTS = ("drop", "500", "429", "slow", "reset")


class FaultProxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(
        self,
        upstream_port: int,
        fault_rate: float = 0.0,
        seed: int = 1,
        latency: float = 0.0,
        slow_seconds: float = 0.3,
        retry_after: int = 0,
        faults: Sequence[str] = FAULTS,
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream_port = upstream_port
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.latency = latency
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after
        self.faults = tuple(faults)
        self.plan: list[str] = []  # scripted outcomes, used first
        # one-shot rules: (method, path fragment, outcome), matched before the plan
        self.rules: list[tuple[str, str, str]] = []
        self.log: list[tuple[str, str, str]] = []  # (method, path, outcome)
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.enabled = True

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def choose(self, method: str = "", path: str = "") -> str:
        with self.lock:
            rule = next((r for r in self.rules if r[0] == method and r[1] in path), None)
            if rule is not None:
                self.rules.remove(rule)
                outcome = rule[2]
            elif self.plan:
                outcome = self.plan.pop(0)
            elif self.enabled and self.rng.random() < self.fault_rate:
                outcome = self.rng.choice(self.faults)
            else:
                outcome = "ok"
            self.counts[outcome] += 1
            self.log.append((method, path, outcome))
            return outcome

    def start(self) -> FaultProxy:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def _read_request(rfile) -> tuple[bytes, dict[str, str], bytes] | None:  # type: ignore[no-untyped-def]
    line = rfile.readline(65537)
    if not line:
        return None
    headers: dict[str, str] = {}
    raw_headers = [line]
    while True:
        h = rfile.readline(65537)
        raw_headers.append(h)
        if h in (b"\r\n", b"\n", b""):
            break
        name, _, value = h.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = rfile.read(length) if length else b""
    return line, headers, body


class _Handler(socketserver.StreamRequestHandler):
    server: FaultProxy

    def handle(self) -> None:
        while True:
            req = _read_request(self.rfile)
            if req is None:
                return
            line, headers, body = req
            method, path, _ = line.decode("latin-1").split(" ", 2)
            outcome = self.server.choose(method, path)
            if self.server.latency:
                time.sleep(self.server.latency)
            if outcome == "drop":
                self.connection.close()
                return
            if outcome in ("500", "429"):
                extra = f"Retry-After: {self.server.retry_after}\r\n" if outcome == "429" else ""
                payload = b'{"code":"injected","error":"injected"}'
                self.wfile.write(
                    f"HTTP/1.1 {outcome} Injected\r\nContent-Type: application/json\r\n"
                    f"{extra}Content-Length: {len(payload)}\r\n\r\n".encode()
                    + payload
                )
                continue
            if outcome == "slow":
                time.sleep(self.server.slow_seconds)
            status, reason, resp_headers, data = self._forward(line, headers, body)
            if outcome == "reset":
                # The server acted on it; the client never hears back.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
                return
            out = [f"HTTP/1.1 {status} {reason}\r\n".encode()]
            for name, value in resp_headers:
                if name.lower() in ("transfer-encoding", "connection", "content-length"):
                    continue
                out.append(f"{name}: {value}\r\n".encode("latin-1"))
            out.append(f"Content-Length: {len(data)}\r\n\r\n".encode())
            self.wfile.write(b"".join(out) + data)

    def _forward(
        self, line: bytes, headers: dict[str, str], body: bytes
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        method, target, _ = line.decode("latin-1").split(" ", 2)
        conn = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=60)
        try:
            send = {k: v for k, v in headers.items() if k not in ("connection", "keep-alive")}
            send["host"] = f"127.0.0.1:{self.server.upstream_port}"
            conn.request(method, target, body=body or None, headers=send)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, resp.reason, resp.getheaders(), data
        finally:
            conn.close()
