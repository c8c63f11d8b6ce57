"""Named publish targets: validation and the HTTP settings each one implies."""

from __future__ import annotations

import ipaddress
import unicodedata
from typing import Any

import httpx

from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.publish_data import Target, TargetKind
from qk3editor.publish.errors import InvalidTarget
from qk3editor.publish.http import HttpSettings, origin_of

LOOPBACK_NAMES = frozenset({"localhost"})


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_url(url: str) -> str:
    """Check and tidy a target URL: https (plain http only on this machine), no user info."""
    url = unicodedata.normalize("NFC", url.strip())
    try:
        parsed = httpx.URL(url)
    except Exception:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "not a URL")) from None
    if parsed.scheme not in ("https", "http") or not parsed.host:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "use https://host/..."))
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP(
                "errors", "plain http is only allowed for this machine (127.0.0.1)"
            )
        )
    if parsed.username or parsed.password:
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP("errors", "no user name or password inside the URL")
        )
    if parsed.query or parsed.fragment:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "no query or fragment"))
    text = str(parsed)
    return text.rstrip("/")


def make_target(
    name: str, kind: str, url: str, user: str, options: dict[str, Any] | None = None
) -> Target:
    name = unicodedata.normalize("NFC", name.strip())
    if not name or any(ch in name for ch in "\x00\x1f/"):
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "a name is needed"))
    try:
        target_kind = TargetKind(kind)
    except ValueError:
        raise InvalidTarget(
            detail=f"kind must be wordpress, ninjs or newsroom, not {kind}"
        ) from None
    user = unicodedata.normalize("NFC", user.strip())
    if not user:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "a user name is needed"))
    if target_kind is TargetKind.NEWSROOM:
        from qk3editor.publish.newsroom import newsroom_url

        return Target(name, target_kind, newsroom_url(url, user), user, dict(options or {}))
    return Target(name, target_kind, normalise_url(url), user, dict(options or {}))


API_ROOT_OPTION = "api_root"  # a WordPress API root the user confirmed (may be elsewhere)


def trusted_api_root(target: Target, url: str) -> str:
    """Check an API root the user confirms for ``target``: https unless the target is plain
    http on this machine, no user info; returns it tidied."""
    url = unicodedata.normalize("NFC", url.strip())
    try:
        parsed = httpx.URL(url)
    except Exception:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "not a URL")) from None
    if parsed.scheme not in ("https", "http") or not parsed.host:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "use https://host/..."))
    if parsed.scheme == "http" and (
        httpx.URL(target.url).scheme == "https" or not is_loopback(parsed.host)
    ):
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP("errors", "the API root must use https like the site")
        )
    if parsed.username or parsed.password or parsed.fragment:
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP("errors", "no user name, password or fragment inside the URL")
        )
    return str(parsed)


def credential_origins(target: Target) -> tuple[str, ...]:
    """Where the target's password may go: its own origin and a root the user confirmed."""
    origins = [origin_of(target.url)]
    root = target.options.get(API_ROOT_OPTION)
    if root and origin_of(str(root)) not in origins:
        origins.append(origin_of(str(root)))
    return tuple(o for o in origins if o)


def http_settings(target: Target) -> HttpSettings:
    o = target.options
    return HttpSettings(
        ca_bundle=target.ca_bundle,
        connect_timeout=float(o.get("connect_timeout", 10.0)),
        read_timeout=float(o.get("read_timeout", 60.0)),
        max_response_bytes=int(o.get("max_response_bytes", 16 * 1024 * 1024)),
        deadline=float(o.get("deadline", 30.0)),
        credential_origins=credential_origins(target),
    )
