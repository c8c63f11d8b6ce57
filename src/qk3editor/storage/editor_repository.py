"""The editor's repository: revisions, workflow moves with who/when, session state.

Every method is one unit of work and returns frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from qk3editor.core.articles import Article, ArticleFields, Status, utcnow
from qk3editor.core.errors import ArticleNotFound, NotFoundError, StoreError, StoreReadOnly
from qk3editor.core.revisions import (
    TYPING_INTERVAL,
    RetentionPolicy,
    Revision,
    RevisionReason,
    Snapshot,
    revisions_to_prune,
    typing_snapshot_due,
)
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.articles_repository import ArticleRepository, article_from_model, move_status
from qk3editor.storage.db import Store
from qk3editor.storage.editor_models import EditorSessionModel, RevisionModel, StatusChangeModel


@dataclass(frozen=True)
class StatusChange:
    article_id: str
    from_status: Status
    to_status: Status
    who: str
    at: datetime


@dataclass(frozen=True)
class SessionEntry:
    """One article the editor had open: which field had the cursor, where, the scroll."""

    article_id: str
    active: bool = False
    field: str = "body"
    cursor: int = 0
    scroll: int = 0


@contextmanager
def store_errors() -> Generator[None, None, None]:
    """Turn the database's write failures into errors the user is told about."""
    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig or exc).lower()
        if any(k in text for k in ("readonly", "read-only", "full", "disk i/o", "unable to open")):
            raise StoreReadOnly() from exc
        raise StoreError(detail=str(exc.orig or exc)) from exc


def _to_revision(m: RevisionModel) -> Revision:
    return Revision(
        id=m.id,
        article_id=m.article_id,
        number=m.number,
        created_at=m.created_at,
        reason=RevisionReason(m.reason),
        who=m.who,
        status=m.status,
        snapshot=Snapshot(
            title=m.title,
            lead=m.lead,
            body=m.body,
            category=m.category,
            byline=m.byline,
            tags=tuple(m.tags or ()),
        ),
    )


def snapshot_in(s: Session, m: ArticleModel, reason: RevisionReason, who: str) -> Revision:
    """A revision of ``m`` inside the caller's transaction (also the published state's)."""
    number = (
        s.scalar(select(func.max(RevisionModel.number)).where(RevisionModel.article_id == m.id))
        or 0
    ) + 1
    r = RevisionModel(
        article_id=m.id,
        number=number,
        created_at=utcnow(),
        reason=reason.value,
        who=who,
        status=m.status,
        title=m.title,
        lead=m.lead,
        body=m.body,
        category=m.category.name if m.category else "",
        byline=m.byline,
        tags=list(m.tags or ()),
    )
    s.add(r)
    s.flush()
    return _to_revision(r)


class EditorRepository:
    def __init__(self, store: Store, articles: ArticleRepository | None = None) -> None:
        self._store = store
        self._articles = articles or ArticleRepository(store)

    # -- autosave ----------------------------------------------------------------------------
    def autosave(
        self,
        article_id: str,
        fields: ArticleFields,
        position: SessionEntry | None,
        who: str,
        typing_interval: timedelta = TYPING_INTERVAL,
    ) -> tuple[Article, Revision | None]:
        """Write the editor's text and cursor; a "while typing" snapshot when one is due.

        Raises :class:`StoreReadOnly` when the store cannot be written (read-only, disk full).
        """
        with store_errors(), self._store.begin() as s:  # one unit of work (one transaction)
            m = self._articles.update_in(s, article_id, fields)
            if position is not None:
                self._update_position_in(s, position)
            revision = None
            if typing_snapshot_due(
                self._last_revision_at_in(s, article_id), utcnow(), typing_interval
            ):
                revision = self._snapshot(s, m, RevisionReason.TYPING, who)
            return article_from_model(m), revision

    # -- revisions ---------------------------------------------------------------------------
    def _snapshot(self, s: Session, m: ArticleModel, reason: RevisionReason, who: str) -> Revision:
        return snapshot_in(s, m, reason, who)

    def add_revision(self, article_id: str, reason: RevisionReason, who: str) -> Revision:
        """A snapshot of the article as stored now."""
        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            return self._snapshot(s, m, reason, who)

    def revisions(self, article_id: str) -> list[Revision]:
        """The article's revisions, newest first."""
        with self._store.begin() as s:
            rows = s.scalars(
                select(RevisionModel)
                .where(RevisionModel.article_id == article_id)
                .order_by(RevisionModel.number.desc())
            )
            return [_to_revision(r) for r in rows]

    def revision(self, revision_id: int) -> Revision:
        with self._store.begin() as s:
            r = s.get(RevisionModel, revision_id)
            if r is None:
                raise NotFoundError(what=f"revision {revision_id}")
            return _to_revision(r)

    def last_revision_at(self, article_id: str) -> datetime | None:
        with self._store.begin() as s:
            return self._last_revision_at_in(s, article_id)

    @staticmethod
    def _last_revision_at_in(s: Session, article_id: str) -> datetime | None:
        return s.scalar(
            select(func.max(RevisionModel.created_at)).where(RevisionModel.article_id == article_id)
        )

    def restore(self, article_id: str, revision_id: int, who: str) -> tuple[Article, Revision]:
        """Bring back an old revision's text; the result is itself a new revision."""
        old = self.revision(revision_id)
        if old.article_id != article_id:
            raise NotFoundError(what=f"revision {revision_id}")
        snap = old.snapshot
        article = self._articles.update(
            article_id,
            ArticleFields(
                title=snap.title,
                lead=snap.lead,
                body=snap.body,
                category=snap.category,
                byline=snap.byline,
                tags=snap.tags,
            ),
        )
        return article, self.add_revision(article_id, RevisionReason.RESTORE, who)

    def prune(self, article_id: str, policy: RetentionPolicy, now: datetime | None = None) -> int:
        """Delete what the retention policy lets go; returns how many."""
        ids = revisions_to_prune(self.revisions(article_id), now or utcnow(), policy)
        if ids:
            with self._store.begin() as s:
                s.execute(delete(RevisionModel).where(RevisionModel.id.in_(ids)))
        return len(ids)

    # -- workflow ----------------------------------------------------------------------------
    def change_status(self, article_id: str, target: Status, who: str) -> Article:
        """Move the article (rules in core), record who and when, snapshot it: one transaction."""
        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            source = move_status(m, target)
            now = m.updated_at
            s.add(
                StatusChangeModel(
                    article_id=article_id,
                    from_status=source.value,
                    to_status=target.value,
                    who=who,
                    at=now,
                )
            )
            s.flush()
            self._snapshot(s, m, RevisionReason.STATUS, who)
            s.refresh(m)
            return article_from_model(m)

    def unspike(self, article_id: str, who: str) -> Article:
        """Bring a spiked article back to the state it had before (draft if unknown)."""
        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            target = Status(m.spiked_from or Status.DRAFT.value)
        return self.change_status(article_id, target, who)

    def status_history(self, article_id: str) -> list[StatusChange]:
        """Every workflow move of the article, oldest first."""
        with self._store.begin() as s:
            rows = s.scalars(
                select(StatusChangeModel)
                .where(StatusChangeModel.article_id == article_id)
                .order_by(StatusChangeModel.at, StatusChangeModel.id)
            )
            return [
                StatusChange(r.article_id, Status(r.from_status), Status(r.to_status), r.who, r.at)
                for r in rows
            ]

    # -- session state -----------------------------------------------------------------------
    def save_session(self, entries: Sequence[SessionEntry]) -> None:
        """Replace the recorded session with ``entries`` (in tab order)."""
        now = utcnow()
        with self._store.begin() as s:
            s.execute(delete(EditorSessionModel))
            for i, e in enumerate(entries):
                s.add(
                    EditorSessionModel(
                        article_id=e.article_id,
                        position=i,
                        active=e.active,
                        field=e.field,
                        cursor=e.cursor,
                        scroll=e.scroll,
                        updated_at=now,
                    )
                )

    def update_position(self, entry: SessionEntry) -> None:
        """Record where the cursor is in one open article (cheap; called with autosave)."""
        with self._store.begin() as s:
            self._update_position_in(s, entry)

    @staticmethod
    def _update_position_in(s: Session, entry: SessionEntry) -> None:
        m = s.get(EditorSessionModel, entry.article_id)
        if m is None:
            count = s.scalar(select(func.count()).select_from(EditorSessionModel)) or 0
            m = EditorSessionModel(article_id=entry.article_id, position=count, updated_at=utcnow())
            s.add(m)
        if entry.active:
            for other in s.scalars(
                select(EditorSessionModel).where(EditorSessionModel.active.is_(True))
            ):
                other.active = False
        m.active = entry.active
        m.field = entry.field
        m.cursor = entry.cursor
        m.scroll = entry.scroll
        m.updated_at = utcnow()

    def close_in_session(self, article_id: str) -> None:
        with self._store.begin() as s:
            s.execute(delete(EditorSessionModel).where(EditorSessionModel.article_id == article_id))

    def load_session(self) -> list[SessionEntry]:
        """What was open at the last run, in tab order (articles since deleted are dropped)."""
        with self._store.begin() as s:
            rows = s.scalars(select(EditorSessionModel).order_by(EditorSessionModel.position))
            return [SessionEntry(r.article_id, r.active, r.field, r.cursor, r.scroll) for r in rows]
