"""Article leases in the store (issue 16): acquire, renew, release, take over, list.

Each decision is one unit of work that holds the article's lock while it looks and writes:
on SQLite the write lock (``BEGIN IMMEDIATE``, so processes sharing one file agree), on
PostgreSQL a transaction-scoped advisory lock on the article (two editors asking at the same
moment: one gets it, the other sees who). Times are the server's on PostgreSQL (machines'
clocks differ), this machine's on SQLite (one machine).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from qk3editor.core.budgets import (
    LEASE_EVENTS_KEEP_DAYS,
    LEASE_EVENTS_PER_ARTICLE,
    LEASE_PRUNE_BATCH,
    MAX_LEASE_REASON_CHARS,
)
from qk3editor.core.leases import (
    LEASE_TTL,
    Lease,
    LeaseEvent,
    LeaseOwner,
    LeaseReasonMissing,
    LeaseReasonTooLong,
    LeaseResult,
)
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.db import Store
from qk3editor.storage.lease_models import ArticleLeaseModel, LeaseEventModel

_LOCK_SPACE = 0x716B3316  # the advisory locks' first key: "qk3" leases
IN_BATCH = 500  # ids in one IN (...) (a library page is 100)
log = logging.getLogger(__name__)


class LeaseRepository:
    def __init__(self, store: Store, owner: LeaseOwner, ttl: timedelta = LEASE_TTL) -> None:
        self.store = store
        self._owner = owner
        self.ttl = ttl
        self._login: str | None = None

    @property
    def owner(self) -> LeaseOwner:
        """Who we are; on PostgreSQL the login is the server's ``session_user``."""
        if self._login is None:
            login = self._owner.login
            if not self.store.is_sqlite:
                with self.store.read() as s:
                    login = str(s.connection().exec_driver_sql("SELECT session_user").scalar())
            self._login = login
        o = self._owner
        return LeaseOwner(self._login, o.name, o.host, o.pid)

    # -- reading -------------------------------------------------------------------------
    def current(self, article_id: str) -> Lease | None:
        """The article's lease while it runs (None: free, or the last one expired)."""
        with self.store.read() as s:
            row = s.get(ArticleLeaseModel, article_id)
            now = self._now(s)
            return _lease(row) if row is not None and row.expires_at > now else None

    def active(self) -> list[Lease]:
        """Every running lease, the oldest first."""
        with self.store.read() as s:
            now = self._now(s)
            rows = s.scalars(
                select(ArticleLeaseModel)
                .where(ArticleLeaseModel.expires_at > now)
                .order_by(ArticleLeaseModel.acquired_at)
            ).all()
            return [_lease(r) for r in rows]

    def holders(self, article_ids: Sequence[str]) -> dict[str, Lease]:
        """The running leases of ``article_ids`` (the library's visible page) held by somebody
        else, by article: one indexed read per :data:`IN_BATCH` ids (this app's own are left
        out: the library marks what somebody else is editing)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        me = self.owner
        found: dict[str, Lease] = {}
        with self.store.read() as s:
            now = self._now(s)
            for start in range(0, len(ids), IN_BATCH):
                rows = s.scalars(
                    select(ArticleLeaseModel).where(
                        ArticleLeaseModel.article_id.in_(ids[start : start + IN_BATCH]),
                        ArticleLeaseModel.expires_at > now,
                    )
                ).all()
                for row in rows:
                    lease = _lease(row)
                    if not lease.held_by(me):
                        found[lease.article_id] = lease
        return found

    def events(self, article_id: str) -> list[LeaseEvent]:
        with self.store.read() as s:
            rows = s.scalars(
                select(LeaseEventModel)
                .where(LeaseEventModel.article_id == article_id)
                .order_by(LeaseEventModel.id)
            ).all()
            return [
                LeaseEvent(r.article_id, r.action, r.by, r.by_name, r.reason, r.at) for r in rows
            ]

    # -- writing -------------------------------------------------------------------------
    def acquire(self, article_id: str, takeover_reason: str | None = None) -> LeaseResult:
        """Hold the article for editing. Refused (``granted`` False, with the holder's lease)
        while another's lease runs, unless ``takeover_reason`` is given: then it is taken
        over and the reason recorded. An expired lease is recorded as expired and replaced."""
        me = self.owner
        if takeover_reason is not None and not takeover_reason.strip():
            raise LeaseReasonMissing()
        if takeover_reason is not None and len(takeover_reason) > MAX_LEASE_REASON_CHARS:
            raise LeaseReasonTooLong(size=len(takeover_reason), limit=MAX_LEASE_REASON_CHARS)
        with self.store.begin() as s:
            self._lock(s, article_id)
            now = self._now(s)
            row = s.get(ArticleLeaseModel, article_id, populate_existing=True)
            old = _lease(row) if row is not None else None
            if old is not None and old.held_by(me):
                row_ = _renew(row, now, self.ttl)  # type: ignore[arg-type]
                return LeaseResult(True, _lease(row_))
            replaced: Lease | None = None
            if old is not None and not old.expired(now):
                if takeover_reason is None:
                    return LeaseResult(False, old)
                self._event(s, article_id, "takeover", me, takeover_reason.strip(), now)
                replaced = old
            elif old is not None:
                s.add(
                    LeaseEventModel(
                        article_id=article_id,
                        action="expire",
                        by=old.holder,
                        by_name=old.holder_name,
                        reason=None,
                        at=now,
                    )
                )
                replaced = old
            if row is None:
                row = ArticleLeaseModel(article_id=article_id)
                s.add(row)
            row.holder, row.holder_name, row.host, row.pid = me.login, me.name, me.host, me.pid
            row.acquired_at = now
            _renew(row, now, self.ttl)
            if replaced is None or replaced.expired(now):
                self._event(s, article_id, "acquire", me, None, now)
            s.flush()
            return LeaseResult(True, _lease(row), replaced)

    def renew(self, article_ids: Iterable[str]) -> list[str]:
        """The heartbeat: push our leases' expiry on. Returns the ids no longer ours (taken
        over, or the article is gone)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        me = self.owner
        with self.store.begin() as s:
            now = self._now(s)
            mine = _mine(me)
            s.execute(
                update(ArticleLeaseModel)
                .where(ArticleLeaseModel.article_id.in_(ids), *mine)
                .values(heartbeat_at=now, expires_at=now + self.ttl)
            )
            kept = set(
                s.scalars(
                    select(ArticleLeaseModel.article_id).where(
                        ArticleLeaseModel.article_id.in_(ids), *mine
                    )
                ).all()
            )
        return [i for i in ids if i not in kept]

    def release(self, article_id: str) -> bool:
        """Give the article back (closing it). False when it was not ours any more."""
        me = self.owner
        with self.store.begin() as s:
            now = self._now(s)
            gone = s.execute(
                delete(ArticleLeaseModel).where(
                    ArticleLeaseModel.article_id == article_id, *_mine(me)
                )
            )
            if not getattr(gone, "rowcount", 0):
                return False
            if s.get(ArticleModel, article_id) is not None:
                self._event(s, article_id, "release", me, None, now)
            return True

    # -- helpers -------------------------------------------------------------------------
    def _lock(self, s: Session, article_id: str) -> None:
        if not self.store.is_sqlite:
            s.connection().exec_driver_sql(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_LOCK_SPACE, article_id)
            )

    def _now(self, s: Session) -> datetime:
        if self.store.is_sqlite:
            return datetime.now(UTC)
        value = s.connection().exec_driver_sql("SELECT clock_timestamp()").scalar()
        assert isinstance(value, datetime)
        return value.astimezone(UTC)

    @staticmethod
    def _event(
        s: Session, article_id: str, action: str, me: LeaseOwner, reason: str | None, at: datetime
    ) -> None:
        s.add(
            LeaseEventModel(
                article_id=article_id,
                action=action,
                by=me.login,
                by_name=me.name,
                reason=reason,
                at=at,
            )
        )
        _cap_events(s, article_id)


def _cap_events(s: Session, article_id: str) -> None:
    """Keep the article's newest :data:`LEASE_EVENTS_PER_ARTICLE` events (its index: cheap)."""
    s.flush()
    oldest_kept = s.scalar(
        select(LeaseEventModel.id)
        .where(LeaseEventModel.article_id == article_id)
        .order_by(LeaseEventModel.id.desc())
        .offset(LEASE_EVENTS_PER_ARTICLE - 1)
        .limit(1)
    )
    if oldest_kept is not None:
        s.execute(
            delete(LeaseEventModel).where(
                LeaseEventModel.article_id == article_id, LeaseEventModel.id < oldest_kept
            )
        )


def prune_lease_events(store: Store, now: datetime | None = None) -> int:
    """Delete lease events older than :data:`LEASE_EVENTS_KEEP_DAYS` (the outbox's run, every
    minute in the GUI). Only the oldest :data:`LEASE_PRUNE_BATCH` rows by primary key are looked
    at (ids grow with time): the cost is the same on a history of any length, and a backlog
    goes a batch a run. Housekeeping never stops a send: a store that refuses (read-only, the
    server away) is left for the next run. Returns how many were deleted."""
    if store.read_only:
        return 0
    cutoff = (now or datetime.now(UTC)) - timedelta(days=LEASE_EVENTS_KEEP_DAYS)
    try:
        with store.begin() as s:
            oldest = s.execute(
                select(LeaseEventModel.id, LeaseEventModel.at)
                .order_by(LeaseEventModel.id)
                .limit(LEASE_PRUNE_BATCH)
            ).all()
            old = [event_id for event_id, at in oldest if at < cutoff]
            if old:
                s.execute(delete(LeaseEventModel).where(LeaseEventModel.id.in_(old)))
            return len(old)
    except SQLAlchemyError as exc:
        log.info("lease events not pruned: %s", exc)
        return 0


def _mine(me: LeaseOwner) -> tuple[ColumnElement[bool], ...]:
    return (
        ArticleLeaseModel.holder == me.login,
        ArticleLeaseModel.host == me.host,
        ArticleLeaseModel.pid == me.pid,
    )


def _renew(row: ArticleLeaseModel, now: datetime, ttl: timedelta) -> ArticleLeaseModel:
    row.heartbeat_at = now
    row.expires_at = now + ttl
    return row


def _lease(row: ArticleLeaseModel) -> Lease:
    return Lease(
        row.article_id,
        row.holder,
        row.holder_name,
        row.host,
        row.pid,
        row.acquired_at,
        row.heartbeat_at,
        row.expires_at,
    )
