"""Sending to the desk (Gửi về tòa soạn, issue 16): a newsroom is a publish target whose
"site" is the shared PostgreSQL store.

A send is a job in the same outbox as publishing (queued offline, retried when the connection
comes back, resumed after a cut). What one attempt does:

1. each photo original goes into the newsroom's ``photo_blobs`` in a transaction of its own,
   1 MiB at a time (a cut keeps the originals already whole; a retry skips them);
2. the article, its photos (rows with every caption field) and links, and the reporter's
   note go in as ONE transaction (:func:`qk3editor.storage.newsroom_send.send_article`):
   exactly once by the article's UUID, never over a newer desk edit (a conflict with both
   versions, as for WordPress).

The reporter's next sync (every outbox run) pulls the desk's returns: the comment and the
returned state come into the local store.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from qk3editor.core.budgets import NEWSROOM_CONNECT_SECONDS
from qk3editor.core.desk import DeskMessageKind
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.publish_data import Job, PublishPhoto, Target, article_from_json
from qk3editor.publish.content import body_html
from qk3editor.publish.errors import (
    InvalidTarget,
    PhotoMissing,
    PublishConflict,
    PublishError,
    RemoteGone,
    TransportFailure,
)
from qk3editor.storage.db import Store
from qk3editor.storage.desk_repository import DeskRepository
from qk3editor.storage.newsroom_send import (
    SendOutcome,
    SendPhoto,
    returned_messages,
    send_article,
)
from qk3editor.storage.photo_blobs import file_sha256, put_blob
from qk3editor.storage.photos_models import PhotoModel
from qk3editor.storage.publish_repository import PublishRepository

log = logging.getLogger(__name__)

NEWSROOM_DRIVERS = ("postgresql+psycopg", "postgresql")
DESK_REVISION = "s16_desk"


class AtTheDesk(PublishError):
    code = "at_desk"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The desk holds this article already and it has changed since; it can be sent again "
        "when the desk returns it",
    )


class NotANewsroom(PublishError):
    code = "not_newsroom"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} is not a newsroom store yet (run “qk3editor --store URL newsroom init” there)",
    )


class NewsroomRefused(PublishError):
    code = "permission_denied"
    template = QT_TRANSLATE_NOOP(
        "errors", "The newsroom refused: your login may not do this ({detail})"
    )


class NewsroomLoginFailed(PublishError):
    code = "auth"
    template = QT_TRANSLATE_NOOP(
        "errors", "{host} did not accept the user name or password of the newsroom"
    )


def newsroom_url(url: str, user: str) -> str:
    """Check a newsroom address: ``postgresql+psycopg://USER@HOST:PORT/DB``, no password in
    it (the password lives in the keyring), the user the same as ``--user``."""
    url = unicodedata.normalize("NFC", url.strip())
    try:
        parsed = make_url(url)
    except Exception:
        raise InvalidTarget(detail=QT_TRANSLATE_NOOP("errors", "not a URL")) from None
    if parsed.drivername not in NEWSROOM_DRIVERS or not parsed.host or not parsed.database:
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP("errors", "use postgresql+psycopg://USER@HOST:PORT/DB")
        )
    if parsed.password:
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP(
                "errors", "no password inside the URL (it goes in the keyring)"
            )
        )
    if parsed.username and parsed.username != user:
        raise InvalidTarget(
            detail=QT_TRANSLATE_NOOP("errors", "the user in the URL differs from --user")
        )
    parsed = parsed.set(drivername="postgresql+psycopg", username=user)
    return parsed.render_as_string(hide_password=False)


def _host(target: Target) -> str:
    u = make_url(target.url)
    return f"{u.host}:{u.port or 5432}"


def transport_error(target: Target, exc: BaseException) -> PublishError:
    """A driver error as a publishing error: no connection → retried later; refused by the
    roles → a person; a wrong password → a person."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(getattr(orig, "diag", None), "sqlstate", None) or getattr(
        orig, "sqlstate", None
    )
    message = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if state in ("42501",) or "row-level security" in message:
        return NewsroomRefused(detail=state or "42501")
    if state in ("28P01", "28000") or "password authentication failed" in message:
        return NewsroomLoginFailed(host=_host(target))
    if state is not None and str(state).startswith("42"):  # no such table, column: not migrated
        return NotANewsroom(host=_host(target))
    return TransportFailure(host=_host(target), detail=message[:200])


class NewsroomPublisher:
    """What :func:`~qk3editor.publish.outbox.default_publisher_factory` gives for a newsroom:
    the connection to the shared store (opened on first use, closed with :meth:`close`)."""

    def __init__(
        self, target: Target, secret: str, connect_timeout: float = NEWSROOM_CONNECT_SECONDS
    ) -> None:
        self.target = target
        self._secret = secret
        self._timeout = connect_timeout
        self._engine: Engine | None = None
        self._kept = False

    def keep_connection(self) -> None:
        """Keep one connection open between uses (the outbox's sync, every minute) instead
        of opening one per use: checked with a ping before each use, so a connection the
        line or the server dropped meanwhile is replaced, not reported. Before first use."""
        self._kept = True

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            pooling: dict[str, Any] = (
                {"pool_size": 1, "max_overflow": 1, "pool_pre_ping": True, "pool_recycle": 900}
                if self._kept
                else {"poolclass": NullPool}
            )
            self._engine = create_engine(
                self.target.url,
                **pooling,
                connect_args={
                    "password": self._secret,
                    "connect_timeout": max(1, int(self._timeout)),
                    "application_name": "qk3editor",
                    # a cut line is noticed in seconds, not after the kernel's two hours
                    "keepalives": 1,
                    "keepalives_idle": 10,
                    "keepalives_interval": 5,
                    "keepalives_count": 3,
                },
            )
        return self._engine

    def check_login(self) -> str:
        """Log in; the server's name for the user. A store without the desk's tables (not a
        newsroom) is refused."""
        try:
            with self.engine.connect() as conn:
                login = str(conn.execute(text("SELECT session_user")).scalar_one())
                heads: set[str]
                try:
                    heads = {
                        str(r[0])
                        for r in conn.execute(text("SELECT version_num FROM alembic_version"))
                    }
                except DBAPIError:
                    heads = set()
        except DBAPIError as exc:
            raise transport_error(self.target, exc) from None
        if DESK_REVISION not in heads:
            raise NotANewsroom(host=_host(self.target))
        return login

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # -- sending ---------------------------------------------------------------------------
    def send(
        self,
        job: Job,
        local: Store,
        repo: PublishRepository,
        report: Callable[[str, int, int, str], None],
    ) -> str:
        """One attempt at a send job (see the module docs); returns the job's link."""
        article = article_from_json(job.payload["article"])
        photos = [PublishPhoto.from_json(p) for p in job.payload.get("photos", [])]
        try:
            prepared = [self._prepare(local, p, n) for n, p in enumerate(photos, start=1)]
            for n, (photo, path) in enumerate(prepared, start=1):
                report("upload", n - 1, len(prepared), photo.key)
                put_blob(self.engine, path, photo.sha256, path.stat().st_size)
            report("upload", len(prepared), len(prepared), "")
            report("post", 0, 1, article.title)
            remote = repo.remote(article.id, self.target.name)
            force = repo.job_force(job.id)  # a person chose to overwrite the desk's version
            result = send_article(
                self.engine,
                article,
                [p for p, _path in prepared],
                str(job.payload.get("note", "")),
                str(job.payload.get("who", "")),
                remote.modified if remote is not None else None,
                force=force,
            )
        except QkError:
            raise
        except (DBAPIError, OperationalError) as exc:
            raise transport_error(self.target, exc) from None
        except OSError as exc:
            raise TransportFailure(host=_host(self.target), detail=type(exc).__name__) from None
        link = f"newsroom:{self.target.name}/{article.id}"
        if result.outcome is SendOutcome.CONFLICT and result.desk is not None:
            raise PublishConflict(
                local={
                    "title": article.title,
                    "content": body_html(article),
                    "lead": article.lead,
                    "modified": remote.modified if remote else "",
                },
                remote={
                    "title": result.desk.title,
                    "content": result.desk.body,
                    "modified": str(result.desk.version),
                    "link": link,
                },
            )
        if result.outcome is SendOutcome.AT_DESK and result.desk is not None:
            raise AtTheDesk(status=result.desk.status)
        if result.outcome is SendOutcome.GONE:
            raise RemoteGone(target=self.target.name)
        repo.save_remote(
            article.id,
            self.target.name,
            remote_id=article.id,
            link=link,
            modified=str(result.version),
            create_attempted=True,
        )
        if result.outcome is SendOutcome.SENT:
            note = str(job.payload.get("note", ""))
            DeskRepository(local).add(
                article.id,
                DeskMessageKind.NOTE if note.strip() else DeskMessageKind.SUBMITTED,
                note,
                str(job.payload.get("who", "")),
                article_version=article.version,
            )
        report("post", 1, 1, link)
        return link

    def _prepare(self, local: Store, photo: PublishPhoto, number: int) -> tuple[SendPhoto, Path]:
        path = Path(photo.source)
        if not path.is_file():
            raise PhotoMissing(number=number, photo=photo.caption or path.name, path=str(path))
        sha, size = file_sha256(path)
        fields: dict[str, Any] = {}
        content_hash = sha
        if photo.key.isdigit():
            with local.read() as s:
                m = s.get(PhotoModel, int(photo.key))
                if m is not None:
                    fields = {c.key: getattr(m, c.key) for c in PhotoModel.__table__.columns}
                    content_hash = m.content_hash
        if not fields:
            fields = {
                "description": photo.caption,
                "alt_text": photo.alt,
                "title": photo.title,
                "credit": photo.credit,
                "format": path.suffix.lstrip(".").upper(),
            }
        fields["size_bytes"] = size  # the bytes hashed and sent, not a second look
        send = SendPhoto(
            key=photo.key,
            sha256=sha,
            name=os.path.basename(path),
            content_hash=content_hash,
            fields=fields,
            caption=photo.caption,
            featured=photo.featured,
        )
        return send, path

    # -- the reporter's sync ---------------------------------------------------------------
    def pull_returns(self, local: Store, repo: PublishRepository, ids: list[str]) -> list[str]:
        """Bring the desk's new returns of ``ids`` (the articles sent from here,
        ``repo.remote_article_ids``) into the local store; the ids of the articles returned
        since the last sync."""
        if not ids:
            return []
        try:
            messages = returned_messages(self.engine, ids)
        except DBAPIError as exc:
            raise transport_error(self.target, exc) from None
        desk = DeskRepository(local)
        known = desk.known_remote_ids(ids)
        returned: list[str] = []
        for m in messages:
            if m.id in known:
                continue
            desk.add(
                m.article_id,
                DeskMessageKind.RETURNED,
                m.text,
                m.author_name or m.author,
                article_version=m.article_version,
                remote_id=m.id,
            )
            if m.article_version is not None:
                # the reporter's next send may replace the version the desk returned
                repo.save_remote(m.article_id, self.target.name, modified=str(m.article_version))
            returned.append(m.article_id)
        return list(dict.fromkeys(returned))
