"""The desk's messages in a store: the reporter's notes, the desk's returns (issue 16).

The same table serves both sides: in the newsroom store it holds what reporters sent and what
the desk said; in a reporter's local store, the notes sent from here and the returns pulled
from the newsroom (``remote_id``: the newsroom's id of the message).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from qk3editor.core.articles import Status, utcnow
from qk3editor.core.desk import CommentNeeded, DeskMessage, DeskMessageKind, NotAtDesk, desk_text
from qk3editor.core.errors import ArticleNotFound
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.db import Store
from qk3editor.storage.desk_models import DeskMessageModel
from qk3editor.storage.editor_models import StatusChangeModel

RETURNABLE = (Status.SUBMITTED.value, Status.APPROVED.value)


def to_message(m: DeskMessageModel) -> DeskMessage:
    return DeskMessage(
        id=m.id,
        article_id=m.article_id,
        kind=DeskMessageKind(m.kind),
        author=m.author,
        author_name=m.author_name,
        text=m.text,
        created_at=m.created_at,
        article_version=m.article_version,
    )


def login_of(session: Session) -> str:
    """The server's name for who is connected (PostgreSQL ``session_user``); "" on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.execute(select(func.session_user())).scalar_one())
    return ""


class DeskRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def messages(self, article_id: str) -> list[DeskMessage]:
        with self._store.read() as s:
            rows = s.scalars(
                select(DeskMessageModel)
                .where(DeskMessageModel.article_id == article_id)
                .order_by(DeskMessageModel.id)
            )
            return [to_message(m) for m in rows]

    def latest(self, article_ids: Sequence[str]) -> dict[str, DeskMessage]:
        """The newest message of each of these articles that has one (the library's mark)."""
        out: dict[str, DeskMessage] = {}
        ids = list(dict.fromkeys(article_ids))
        with self._store.read() as s:
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                newest = (
                    select(func.max(DeskMessageModel.id))
                    .where(DeskMessageModel.article_id.in_(part))
                    .group_by(DeskMessageModel.article_id)
                )
                for m in s.scalars(select(DeskMessageModel).where(DeskMessageModel.id.in_(newest))):
                    out[m.article_id] = to_message(m)
        return out

    def add(
        self,
        article_id: str,
        kind: DeskMessageKind,
        text: str,
        author_name: str,
        article_version: int | None = None,
        remote_id: int | None = None,
    ) -> DeskMessage:
        """Record a message (a note sent from here, a return pulled from the newsroom)."""
        with self._store.begin() as s:
            m = _new_message(s, article_id, kind, text, author_name, article_version)
            m.remote_id = remote_id
            s.flush()
            return to_message(m)

    def known_remote_ids(self, article_ids: Sequence[str]) -> set[int]:
        with self._store.read() as s:
            out: set[int] = set()
            ids = list(article_ids)
            for start in range(0, len(ids), 500):
                out.update(
                    r
                    for r in s.scalars(
                        select(DeskMessageModel.remote_id).where(
                            DeskMessageModel.article_id.in_(ids[start : start + 500]),
                            DeskMessageModel.remote_id.is_not(None),
                        )
                    )
                    if r is not None
                )
            return out

    def return_article(self, article_id: str, comment: str, who: str) -> DeskMessage:
        """The desk sends a submitted article back to its reporter with ``comment``: status
        draft, the version bumped (every window and the reporter's next sync see it), a
        ``returned`` message carrying the new version, in one transaction."""
        comment = desk_text(comment)  # DeskTextTooLong: nothing changes
        if not comment:
            raise CommentNeeded()
        with self._store.begin() as s:
            row = s.execute(
                select(ArticleModel.status, ArticleModel.version)
                .where(ArticleModel.id == article_id)
                .with_for_update()
            ).first()
            if row is None:
                raise ArticleNotFound(id=article_id)
            status, version = str(row[0]), int(row[1])
            if status not in RETURNABLE:
                raise NotAtDesk(status=status)
            now = utcnow()
            s.execute(
                update(ArticleModel)
                .where(ArticleModel.id == article_id)
                .values(status=Status.DRAFT.value, version=version + 1, updated_at=now)
            )
            s.add(
                StatusChangeModel(
                    article_id=article_id,
                    from_status=status,
                    to_status=Status.DRAFT.value,
                    who=who,
                    at=now,
                )
            )
            m = _new_message(s, article_id, DeskMessageKind.RETURNED, comment, who, version + 1)
            s.flush()
            message = to_message(m)
        return message


def _new_message(
    s: Session,
    article_id: str,
    kind: DeskMessageKind,
    text: str,
    author_name: str,
    article_version: int | None,
) -> DeskMessageModel:
    m = DeskMessageModel(
        article_id=article_id,
        kind=kind.value,
        author=login_of(s),
        author_name=normalize(author_name),
        text=normalize(text).strip(),
        created_at=utcnow(),
        article_version=article_version,
    )
    s.add(m)
    return m
