"""The one HTTP client every publisher uses (httpx underneath).

- TLS is always verified; an optional CA bundle (internal portals) is added, never a bypass.
- Connect and read timeouts; response bodies are read in chunks and capped.
- Redirects are followed by hand: credentials are sent only to the origin they were meant
  for, and an https → http downgrade drops them too.
- Exceptions and log lines carry the method, host, path and status, never headers, bodies
  or query strings.
"""

from __future__ import annotations

import email.utils
import json
import logging
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.json_values import as_object
from qk3editor.publish.errors import (
    BadResponse,
    RemoteHttpError,
    ResponseTooLarge,
    TlsFailure,
    TransportFailure,
)

log = logging.getLogger(__name__)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "qk3editor/0.1 (+publish)"


@dataclass(frozen=True)
class HttpSettings:
    ca_bundle: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_timeout: float = 60.0
    max_response_bytes: int = 16 * 1024 * 1024
    max_redirects: int = 5
    max_connections: int = 16


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    content: bytes
    url: str
    elapsed_hops: int = 0
    extra: dict[str, Any] = field(default_factory=dict[str, Any])

    def json(self) -> Any:
        try:
            return json.loads(self.content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadResponse(
                host=host_of(self.url), detail=QT_TRANSLATE_NOOP("errors", "not JSON")
            ) from None


def host_of(url: str) -> str:
    try:
        parsed = httpx.URL(url)
    except Exception:
        return "?"
    return f"{parsed.host}:{parsed.port}" if parsed.port else parsed.host


def safe_url(url: str) -> str:
    """The URL without user info, query or fragment (for logs and messages)."""
    try:
        parsed = httpx.URL(url)
    except Exception:
        return "?"
    return str(parsed.copy_with(username=None, password=None, query=None, fragment=None))


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, url.port or default)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def remote_error_code(content: bytes) -> str:
    """The machine code of an error answer (WordPress ``code``, our portal ``error``)."""
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return ""
    obj = as_object(data)
    if obj is not None:
        code = obj.get("code") or obj.get("error")
        if isinstance(code, str):
            return code[:100]
    return ""


class HttpClient:
    """Thread-safe; one per target (connection pool shared by the parallel uploads)."""

    def __init__(
        self, settings: HttpSettings | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.settings = settings or HttpSettings()
        s = self.settings
        verify: ssl.SSLContext | bool = True
        if s.ca_bundle:
            ctx = ssl.create_default_context()
            ctx.load_verify_locations(cafile=s.ca_bundle)
            verify = ctx
        self._client = httpx.Client(
            verify=verify,
            timeout=httpx.Timeout(
                connect=s.connect_timeout, read=s.read_timeout, write=s.write_timeout, pool=None
            ),
            follow_redirects=False,
            limits=httpx.Limits(
                max_connections=s.max_connections, max_keepalive_connections=s.max_connections
            ),
            headers={"User-Agent": USER_AGENT},
            transport=transport,
            trust_env=False,
        )
        self._lock = threading.Lock()
        self.requests_sent = 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        auth_headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
        raise_for_status: bool = True,
    ) -> Response:
        """One request, redirects followed safely. ``auth_headers`` go to the first origin only.

        Raises :class:`TransportFailure` (retryable; ``maybe_sent`` tells whether the server may
        have acted on it), :class:`TlsFailure`, :class:`ResponseTooLarge` and, with
        ``raise_for_status``, :class:`RemoteHttpError` for 4xx/5xx.
        """
        current = httpx.URL(url)
        if params:
            current = current.copy_merge_params(dict(params))
        first_origin = _origin(current)
        creds = dict(auth_headers or {})
        body = content
        for hop in range(self.settings.max_redirects + 1):
            send_headers = dict(headers or {})
            if creds and _origin(current) == first_origin:
                send_headers.update(creds)
            status, resp_headers, data = self._send(method, current, send_headers, body)
            if status in REDIRECTS and "location" in resp_headers:
                target = current.join(resp_headers["location"])
                log.info(
                    "redirect %s %s -> %s", status, safe_url(str(current)), safe_url(str(target))
                )
                if _origin(target) != first_origin:
                    creds = {}  # never hand credentials to another host (or to plain http)
                if status == 303 or (status in (301, 302) and method not in ("GET", "HEAD")):
                    method, body = "GET", None
                current = target
                continue
            response = Response(status, resp_headers, data, str(current), hop)
            if raise_for_status and status >= 400:
                raise RemoteHttpError(
                    host=host_of(str(current)),
                    status=status,
                    remote_code=remote_error_code(data),
                    retry_after=parse_retry_after(resp_headers.get("retry-after")),
                    body=_json_or_none(data),
                )
            return response
        raise BadResponse(
            host=host_of(url), detail=QT_TRANSLATE_NOOP("errors", "too many redirects")
        )

    def _send(
        self, method: str, url: httpx.URL, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, dict[str, str], bytes]:
        host = f"{url.host}:{url.port}" if url.port else url.host
        limit = self.settings.max_response_bytes
        with self._lock:
            self.requests_sent += 1
        try:
            with self._client.stream(method, url, headers=headers, content=body) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise ResponseTooLarge(host=host, limit=limit)
                chunks: list[bytes] = []
                total = 0
                for chunk in resp.iter_bytes():
                    total += len(chunk)
                    if total > limit:
                        raise ResponseTooLarge(host=host, limit=limit)
                    chunks.append(chunk)
                log.info("%s %s -> %s", method, safe_url(str(url)), resp.status_code)
                return (
                    resp.status_code,
                    {k.lower(): v for k, v in resp.headers.items()},
                    (b"".join(chunks)),
                )
        except httpx.ConnectTimeout:
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "connect timeout"), maybe_sent=False
            ) from None
        except httpx.ConnectError as exc:
            if _is_tls_error(exc):
                raise TlsFailure(host=host) from None
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "connection failed"), maybe_sent=False
            ) from None
        except httpx.TimeoutException:
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "timeout"), maybe_sent=True
            ) from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "connection broken"), maybe_sent=True
            ) from None
        except httpx.TransportError:
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "transport error"), maybe_sent=True
            ) from None


def _is_tls_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in repr(exc)


def _json_or_none(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
