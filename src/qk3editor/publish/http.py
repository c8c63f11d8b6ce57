"""The one HTTP client every publisher uses (httpx underneath).

- TLS is always verified; an optional CA bundle (internal portals) is added, never a bypass.
- A deadline for the whole exchange (connect, send, every read of the answer), not per read:
  a server that drips one byte at a time fails the request when the deadline passes
  (:class:`DeadlineExceeded`, retried like any outage). Uploads get extra time by size.
- Response bodies are read in chunks and capped.
- Redirects are followed by hand. A request that carries credentials (``auth_headers``, or an
  Authorization / Cookie header) is never redirected to another origin (scheme, host, port):
  it stops with :class:`UnsafeRedirect` and nothing is sent there; no request ever follows
  https → http (:class:`InsecureDowngrade`). Credentials go only to the client's credential
  origins (the first request's origin unless ``HttpSettings.credential_origins`` names them).
- Exceptions and log lines carry the method, host, path and status, never headers, bodies
  or query strings.
"""

from __future__ import annotations

import email.utils
import json
import logging
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.json_values import as_object
from qk3editor.publish.deadline import DeadlineTransport, check_deadline, verified_context
from qk3editor.publish.deadline import state as _deadline
from qk3editor.publish.errors import (
    BadResponse,
    InsecureDowngrade,
    RemoteHttpError,
    ResponseTooLarge,
    TlsFailure,
    TransportFailure,
    UnsafeRedirect,
)

log = logging.getLogger(__name__)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "qk3editor/0.1 (+publish)"
# header names whose presence makes a request "carry credentials" (lower case)
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True)
class HttpSettings:
    ca_bundle: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_timeout: float = 60.0
    max_response_bytes: int = 16 * 1024 * 1024
    max_redirects: int = 5
    max_connections: int = 16
    # the whole exchange, redirects included; an upload gets len(body) / upload_rate more
    deadline: float = 30.0
    upload_rate: float = 64 * 1024.0  # bytes per second we still accept on a slow line
    # origins ("scheme://host:port") that may receive credentials besides the first request's
    credential_origins: tuple[str, ...] = ()


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
    return (url.scheme, url.host.lower(), url.port or default)


def origin_of(url: str | httpx.URL) -> str:
    """``scheme://host:port`` of a URL (default port spelled out); "" when not a URL."""
    try:
        scheme, host, port = _origin(httpx.URL(url) if isinstance(url, str) else url)
    except Exception:
        return ""
    if not scheme or not host:
        return ""
    return f"{scheme}://{host}:{port}" if port else f"{scheme}://{host}"


def same_origin(a: str | httpx.URL, b: str | httpx.URL) -> bool:
    first, second = origin_of(a), origin_of(b)
    return bool(first) and first == second


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
        if s.ca_bundle:
            verify = ssl.create_default_context()
            verify.load_verify_locations(cafile=s.ca_bundle)
        else:
            verify = verified_context()
        limits = httpx.Limits(
            max_connections=s.max_connections, max_keepalive_connections=s.max_connections
        )
        self._client = httpx.Client(
            verify=verify,
            timeout=httpx.Timeout(
                connect=s.connect_timeout,
                read=s.read_timeout,
                write=s.write_timeout,
                pool=s.deadline,
            ),
            follow_redirects=False,
            limits=limits,
            headers={"User-Agent": USER_AGENT},
            transport=transport or DeadlineTransport(verify, limits),
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
        """One request within the deadline, redirects followed safely.

        ``auth_headers`` (and any Authorization or Cookie header) go only to the credential
        origins; a redirect elsewhere stops the request (:class:`UnsafeRedirect`), a redirect
        from https to http always does (:class:`InsecureDowngrade`).

        Raises :class:`TransportFailure` (retryable; ``maybe_sent`` tells whether the server may
        have acted on it; :class:`DeadlineExceeded` is one), :class:`TlsFailure`,
        :class:`ResponseTooLarge` and, with ``raise_for_status``, :class:`RemoteHttpError`.
        """
        s = self.settings
        current = httpx.URL(url)
        if params:
            current = current.copy_merge_params(dict(params))
        creds = dict(auth_headers or {})
        plain = dict(headers or {})
        carries = bool(creds) or any(k.lower() in CREDENTIAL_HEADERS for k in plain)
        allowed = set(s.credential_origins) or {origin_of(current)}
        if carries and origin_of(current) not in allowed:
            raise UnsafeRedirect(host=host_of(url), other=origin_of(current))
        budget = s.deadline + (len(content) / s.upload_rate if content else 0.0)
        outer = getattr(_deadline, "until", None), getattr(_deadline, "budget", None)
        _deadline.until = time.monotonic() + budget
        _deadline.budget = budget
        try:
            return self._request(
                method, current, plain, creds, carries, allowed, content, raise_for_status
            )
        finally:
            _deadline.until, _deadline.budget = outer

    def _request(
        self,
        method: str,
        current: httpx.URL,
        headers: dict[str, str],
        creds: dict[str, str],
        carries: bool,
        allowed: set[str],
        body: bytes | None,
        raise_for_status: bool,
    ) -> Response:
        for hop in range(self.settings.max_redirects + 1):
            send_headers = {**headers, **creds}
            status, resp_headers, data = self._send(method, current, send_headers, body)
            if status in REDIRECTS and "location" in resp_headers:
                try:
                    target = current.join(resp_headers["location"])
                except Exception:
                    raise BadResponse(
                        host=host_of(str(current)),
                        detail=QT_TRANSLATE_NOOP("errors", "bad redirect"),
                    ) from None
                log.info(
                    "redirect %s %s -> %s", status, safe_url(str(current)), safe_url(str(target))
                )
                if current.scheme == "https" and target.scheme != "https":
                    raise InsecureDowngrade(host=host_of(str(current)), other=safe_url(str(target)))
                if carries and origin_of(target) not in allowed:
                    raise UnsafeRedirect(host=host_of(str(current)), other=origin_of(target))
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
            host=host_of(str(current)), detail=QT_TRANSLATE_NOOP("errors", "too many redirects")
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
                    check_deadline(host)
                log.info("%s %s -> %s", method, safe_url(str(url)), resp.status_code)
                return (
                    resp.status_code,
                    {k.lower(): v for k, v in resp.headers.items()},
                    (b"".join(chunks)),
                )
        except httpx.TimeoutException as exc:
            check_deadline(host)
            if isinstance(exc, httpx.ConnectTimeout):
                raise TransportFailure(
                    host=host,
                    detail=QT_TRANSLATE_NOOP("errors", "connect timeout"),
                    maybe_sent=False,
                ) from None
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "timeout"), maybe_sent=True
            ) from None
        except httpx.ConnectError as exc:
            if _is_tls_error(exc):
                raise TlsFailure(host=host) from None
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "connection failed"), maybe_sent=False
            ) from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
            check_deadline(host)
            raise TransportFailure(
                host=host, detail=QT_TRANSLATE_NOOP("errors", "connection broken"), maybe_sent=True
            ) from None
        except httpx.TransportError:
            check_deadline(host)
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
