"""Typed publishing errors. Codes are stable; texts are English templates for Qt Linguist.

No error text ever holds a secret: messages are built from our own templates and from
parameters we choose (host, status code, the server's error *code*), never from request
headers or the server's free text.
"""

from __future__ import annotations

from typing import Any

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.publish_data import JobNotFound, TargetExists, TargetNotFound

__all__ = ["JobNotFound", "TargetExists", "TargetNotFound"]  # re-exported


class PublishError(QkError):
    """Base of publishing errors. ``retryable``: the outbox tries again by itself."""

    code = "publish"
    template = QT_TRANSLATE_NOOP("errors", "Publishing failed: {detail}")
    retryable = False


class NoKeyringError(PublishError):
    code = "no_keyring"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "No system keyring is available to keep the password safely; it was not saved",
    )


class SecretMissing(PublishError):
    code = "secret_missing"
    template = QT_TRANSLATE_NOOP(
        "errors", "No password is stored for the target {target}; set it again"
    )


class InvalidTarget(PublishError):
    code = "invalid_target"
    template = QT_TRANSLATE_NOOP("errors", "The target address is not usable: {detail}")


class TransportFailure(PublishError):
    """No answer: connection refused or reset, timeout, TLS failure."""

    code = "transport"
    template = QT_TRANSLATE_NOOP("errors", "No answer from {host}: {detail}")
    retryable = True

    def __init__(self, *, host: str, detail: str, maybe_sent: bool = True) -> None:
        self.maybe_sent = maybe_sent
        super().__init__(host=host, detail=detail)


class DeadlineExceeded(TransportFailure):
    """The whole exchange (connect, send, answer) took longer than the target's deadline."""

    code = "deadline"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} did not finish answering within {seconds} seconds; the job will be tried again",
    )

    def __init__(self, *, host: str, seconds: float) -> None:
        self.maybe_sent = True
        PublishError.__init__(self, host=host, seconds=f"{seconds:g}")


class UnsafeRedirect(PublishError):
    """A redirect that would take the credentials to another origin, or https to plain http."""

    code = "unsafe_redirect"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} redirected to {other}, another address; the password was not sent there. "
        "Use the final address as the target's URL",
    )


class InsecureDowngrade(PublishError):
    code = "insecure_downgrade"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} redirected from https to plain http ({other}); nothing was sent there",
    )


class UntrustedApiRoot(PublishError):
    """WordPress discovery named an API root outside the target's own origin."""

    code = "untrusted_api_root"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The site {host} names its WordPress API at another address ({other}); "
        "the password was not sent there. If that address is right, confirm it with "
        "“qk3editor target test {target} --trust-api-root {root}”",
    )

    def __init__(self, *, host: str, other: str, target: str, root: str) -> None:
        self.root = root
        self.other = other
        super().__init__(host=host, other=other, target=target, root=root)


class TlsFailure(PublishError):
    code = "tls"
    template = QT_TRANSLATE_NOOP(
        "errors", "The TLS certificate of {host} could not be verified; nothing was sent"
    )


class RemoteHttpError(PublishError):
    """An HTTP error answer. ``remote_code`` is the server's machine code (WordPress ``code``)."""

    code = "http"
    template = QT_TRANSLATE_NOOP("errors", "{host} answered {status} ({remote_code})")

    def __init__(
        self,
        *,
        host: str,
        status: int,
        remote_code: str = "",
        retry_after: float | None = None,
        body: Any = None,
    ) -> None:
        self.status = status
        self.remote_code = remote_code
        self.retry_after = retry_after
        self.body = body
        self.retryable = status == 429 or status >= 500
        super().__init__(host=host, status=status, remote_code=remote_code or "-")


class AuthFailed(PublishError):
    code = "auth"
    template = QT_TRANSLATE_NOOP(
        "errors", "{host} did not accept the user name or password ({status})"
    )


class ResponseTooLarge(PublishError):
    code = "too_large"
    template = QT_TRANSLATE_NOOP("errors", "The answer from {host} is larger than {limit} bytes")


class BadResponse(PublishError):
    code = "bad_response"
    template = QT_TRANSLATE_NOOP("errors", "{host} gave an answer qk3editor cannot read: {detail}")


class TermMissing(PublishError):
    code = "term_missing"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The {kind} \u201c{slug}\u201d does not exist on the site and this user may not create it",
    )


class RemoteGone(PublishError):
    code = "remote_gone"
    template = QT_TRANSLATE_NOOP(
        "errors", "The published article was deleted on the server ({target}); a person decides"
    )


class PublishConflict(PublishError):
    """The server holds newer edits than our last publish. Carries both versions."""

    code = "publish_conflict"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The article was edited on the server after the last publish; nothing was overwritten",
    )

    def __init__(self, *, local: dict[str, Any], remote: dict[str, Any]) -> None:
        self.local = local
        self.remote = remote
        super().__init__()


class JobNotRetryable(PublishError):
    code = "job_state"
    template = QT_TRANSLATE_NOOP("errors", "Job {id} is {state}; it cannot be changed now")


class RenditionFailed(PublishError):
    code = "rendition"
    template = QT_TRANSLATE_NOOP("errors", "The web rendition of photo {photo} failed: {detail}")


class PhotoMissing(PublishError):
    """A photo's original file is gone (moved, deleted, an unplugged disk)."""

    code = "photo_missing"
    template = QT_TRANSLATE_NOOP(
        "errors", "Photo {number} ({photo}) cannot be found: {path}. Nothing was published."
    )


class PhotoUnreadable(PublishError):
    """A photo's file is there but cannot be read as an image (damaged, not a photo)."""

    code = "photo_unreadable"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Photo {number} ({photo}) cannot be read ({detail}): {path}. Nothing was published.",
    )


class PublishInterrupted(PublishError):
    code = "interrupted"
    template = QT_TRANSLATE_NOOP(
        "errors", "Interrupted (Ctrl+C) during step {step}; a retry sends it exactly once"
    )


class PreviewWouldUnpublish(PublishError):
    code = "preview_public"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The article is already public on {target}: a preview draft would take it down. "
        "Open the published page, or publish the changes.",
    )
