"""The deadline of one HTTP exchange: every socket operation of the request running in this
thread is capped by the time left (used by :mod:`qk3editor.publish.http`)."""

from __future__ import annotations

import ssl
import threading
import time
from typing import Any

import httpcore
import httpx

from qk3editor.publish.errors import DeadlineExceeded

# -- the deadline ----------------------------------------------------------------------------
# The deadline of the request running in this thread (sync httpx does its socket work in the
# calling thread). Every socket operation's timeout is capped by the time left, so neither a
# slow connect, a slow reader of our upload nor a dripping answer outlives it.
state = threading.local()
_SLICE = 64 * 1024


def _time_left(kind: type[Exception]) -> float | None:
    until: float | None = getattr(state, "until", None)
    if until is None:
        return None
    left = until - time.monotonic()
    if left <= 0:
        raise kind("deadline")
    return left


def _cap(timeout: float | None, kind: type[Exception]) -> float | None:
    left = _time_left(kind)
    if left is None:
        return timeout
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        view = memoryview(buffer)
        for start in range(0, len(view), _SLICE):
            self._inner.write(
                bytes(view[start : start + _SLICE]), _cap(timeout, httpcore.WriteTimeout)
            )

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        capped = _cap(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, capped))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        capped = _cap(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.connect_tcp(host, port, capped, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        capped = _cap(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, capped, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


_default_tls: ssl.SSLContext | None = None
_default_tls_lock = threading.Lock()


def verified_context() -> ssl.SSLContext:
    """The default verifying TLS context (certifi's roots), made once: loading the roots is
    the slow part of making a client, and a context is safe to share between threads."""
    global _default_tls
    with _default_tls_lock:
        if _default_tls is None:
            _default_tls = httpx.create_ssl_context()
        return _default_tls


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport over a connection pool whose sockets obey the deadline."""

    def __init__(self, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        super().__init__(verify=ssl_context, limits=limits, trust_env=False)
        self._pool = httpcore.ConnectionPool(  # the same pool, with our network backend
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_DeadlineBackend(),
        )


def check_deadline(host: str) -> None:
    until: float | None = getattr(state, "until", None)
    if until is not None and time.monotonic() >= until:
        raise DeadlineExceeded(host=host, seconds=round(getattr(state, "budget", 0.0), 1))
