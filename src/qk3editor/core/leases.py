"""Who is editing an article (issue 16), as plain data: leases, their events, the error.

An article opened for editing is *held* by a lease: the holder's login and display name, the
machine and process, and an expiry the holder's heartbeat keeps pushing forward. A lease
whose expiry passed (the app died, the laptop slept) is free for the next one. The lease is
advisory: someone else may take it over, giving a reason that is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP

LEASE_TTL = timedelta(seconds=30)  # not renewed for this long: the lease is free
HEARTBEAT_MS = 5_000  # the holder renews every few seconds


@dataclass(frozen=True)
class LeaseOwner:
    """Who asks for leases: one running app (login, display name, machine, process)."""

    login: str
    name: str
    host: str
    pid: int


@dataclass(frozen=True)
class Lease:
    article_id: str
    holder: str
    holder_name: str
    host: str
    pid: int
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime

    @property
    def who(self) -> str:
        """The name people see ("Đức Việt"), or the login without one."""
        return self.holder_name or self.holder

    def held_by(self, owner: LeaseOwner) -> bool:
        return (self.holder, self.host, self.pid) == (owner.login, owner.host, owner.pid)

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now


@dataclass(frozen=True)
class LeaseResult:
    """What :meth:`acquire` found: ``granted`` with our lease, or the other holder's."""

    granted: bool
    lease: Lease
    replaced: Lease | None = None  # the lease we took over or found expired


@dataclass(frozen=True)
class LeaseEvent:
    article_id: str
    action: str  # acquire | release | takeover | expire
    by: str
    by_name: str
    reason: str | None
    at: datetime


class LeaseHeld(QkError):
    """The article is being edited by someone else."""

    code = "lease_held"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{name} is editing this article (on {host}, since {since}); open it read-only, or "
        'take it over giving a reason (--force --reason "...")',
    )


class LeaseReasonMissing(QkError):
    code = "lease_reason_missing"
    template = QT_TRANSLATE_NOOP("errors", "Taking over an article needs a reason")


class LeaseReasonTooLong(QkError):
    code = "lease_reason_too_long"
    template = QT_TRANSLATE_NOOP(
        "errors", "The reason is too long ({size} characters; at most {limit})"
    )
