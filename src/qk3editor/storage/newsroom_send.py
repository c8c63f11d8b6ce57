"""One send of an article to the newsroom store, in one transaction (issue 16).

The order follows the roles' policies (a reporter writes only their own drafts): the article
is inserted or updated as ``draft`` (same UUID as in the reporter's store), its photos (rows
pointing at originals already in ``photo_blobs``) and links are written, a desk message goes
in, and only then the status becomes ``submitted``. The desk's current row is locked first
and compared with the version recorded at the reporter's last send: a newer desk edit is
never overwritten (:attr:`SendOutcome.CONFLICT`, nothing written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from qk3editor.core.articles import Article, Status, utcnow
from qk3editor.core.desk import DeskMessageKind
from qk3editor.storage.articles_models import ArticleModel, CategoryModel
from qk3editor.storage.desk_models import DeskMessageModel
from qk3editor.storage.desk_repository import login_of
from qk3editor.storage.photo_blobs import blob_path
from qk3editor.storage.photos_models import ArticlePhotoModel, PhotoModel
from qk3editor.storage.search import sync_article

HELD = "held"  # DeskState.status of a draft this login may not change
PHOTO_REF = re.compile(r"qk3photo:(\d+)")
# photo columns that belong to one store (its own id, file, thumbnail, times)
LOCAL_PHOTO_COLUMNS = frozenset({"id", "path", "thumbnail", "imported_at", "updated_at", "owner"})


class SendOutcome(StrEnum):
    SENT = "sent"
    UNCHANGED = "unchanged"  # the desk holds exactly this already: nothing to do
    CONFLICT = "conflict"  # the desk edited it since our last send
    AT_DESK = "at_desk"  # submitted (or further): the desk owns it until it returns it
    GONE = "gone"  # we sent it before and the desk deleted it


@dataclass(frozen=True)
class SendPhoto:
    """A photo as it goes to the desk: the original's hash (already in ``photo_blobs``), the
    photo's catalogue fields (caption, credit, ...) and its place in the article."""

    key: str  # the local photo id (as in ``qk3photo:ID``) or another stable key
    sha256: str
    name: str  # the original's file name
    content_hash: str
    fields: dict[str, Any]
    caption: str
    featured: bool


@dataclass(frozen=True)
class DeskState:
    status: str
    version: int
    title: str
    lead: str
    body: str
    byline: str
    tags: tuple[str, ...]
    updated_at: datetime


@dataclass
class SendResult:
    outcome: SendOutcome
    version: int = 0
    desk: DeskState | None = None
    photo_ids: dict[str, int] = field(default_factory=dict[str, int])


def rewrite_photo_refs(body: str, ids: dict[str, int]) -> str:
    """``qk3photo:LOCAL`` → ``qk3photo:DESK`` (the stores number photos each their own way)."""
    return PHOTO_REF.sub(
        lambda m: f"qk3photo:{ids[m.group(1)]}" if m.group(1) in ids else m.group(0), body
    )


def _same(article: Article, body: str, desk: DeskState) -> bool:
    return (
        desk.title == article.title
        and desk.lead == article.lead
        and desk.body == body
        and desk.byline == article.byline
        and tuple(desk.tags) == tuple(article.tags)
    )


def _desk_state(s: Session, article_id: str) -> DeskState | None:
    """The desk's row of the article; a draft the sender may change is locked first.

    Under the roles' row-level security ``SELECT … FOR UPDATE`` skips rows the login may not
    update (a submitted article, another's): so the row is read plainly, and locked only when
    it is a draft; a draft the lock cannot see is reported as held by the desk."""
    a = ArticleModel
    columns = (a.status, a.version, a.title, a.lead, a.body, a.byline, a.tags, a.updated_at)
    row = s.execute(select(*columns).where(a.id == article_id)).first()
    if row is None:
        return None
    status = str(row[0])
    if status == Status.DRAFT.value:
        locked = s.execute(select(*columns).where(a.id == article_id).with_for_update()).first()
        if locked is None:  # not ours to change: the desk (or another reporter) holds it
            status = HELD
        else:
            row = locked
            status = str(row[0])
    return DeskState(
        status, int(row[1]), row[2], row[3], row[4], row[5], tuple(row[6] or ()), row[7]
    )


def _known_photo_ids(s: Session, photos: list[SendPhoto]) -> dict[str, int]:
    hashes = [p.content_hash for p in photos]
    if not hashes:
        return {}
    found = {
        str(h): int(i)
        for h, i in s.execute(
            select(PhotoModel.content_hash, PhotoModel.id).where(
                PhotoModel.content_hash.in_(hashes)
            )
        )
    }
    return {p.key: int(found[p.content_hash]) for p in photos if p.content_hash in found}


def _category_id(s: Session, article: Article) -> int | None:
    if not article.category_slug:
        return None
    found = s.scalar(select(CategoryModel.id).where(CategoryModel.slug == article.category_slug))
    if found is not None:
        return int(found)
    s.execute(
        pg_insert(CategoryModel)
        .values(slug=article.category_slug, name=article.category or article.category_slug)
        .on_conflict_do_nothing()
    )
    return s.scalar(select(CategoryModel.id).where(CategoryModel.slug == article.category_slug))


def _photo_id(s: Session, photo: SendPhoto) -> int:
    now = utcnow()
    values = {k: v for k, v in photo.fields.items() if k not in LOCAL_PHOTO_COLUMNS}
    values.update(
        content_hash=photo.content_hash,
        path=blob_path(photo.sha256, photo.name),
        thumbnail="",
        imported_at=now,
        updated_at=now,
    )
    s.execute(pg_insert(PhotoModel).values(**values).on_conflict_do_nothing())
    return int(
        s.execute(
            select(PhotoModel.id).where(PhotoModel.content_hash == photo.content_hash)
        ).scalar_one()
    )


def send_article(
    engine: Engine,
    article: Article,
    photos: list[SendPhoto],
    note: str,
    author_name: str,
    recorded_version: str | None,
    force: bool = False,
) -> SendResult:
    """See the module docs. ``recorded_version``: the desk's version after our last send (or
    the version the desk returned the article at); None when never sent from here. ``force``:
    a person saw the conflict and chose to replace the desk's draft (never a submitted one)."""
    with Session(engine) as s, s.begin():
        desk = _desk_state(s, article.id)
        known = _known_photo_ids(s, photos)
        if desk is not None:
            same = len(known) == len(photos) and _same(
                article, rewrite_photo_refs(article.body, known), desk
            )
            if desk.status != Status.DRAFT.value:
                outcome = SendOutcome.UNCHANGED if same else SendOutcome.AT_DESK
                return SendResult(outcome, desk.version, desk, known)
            if str(desk.version) != (recorded_version or "") and not same and not force:
                return SendResult(SendOutcome.CONFLICT, desk.version, desk, known)
        elif recorded_version:
            return SendResult(SendOutcome.GONE)
        now = utcnow()
        category_id = _category_id(s, article)
        base = {
            "title": article.title,
            "lead": article.lead,
            "body": article.body,
            "category_id": category_id,
            "byline": article.byline,
            "tags": list(article.tags),
            "publish_at": article.publish_at,
            "updated_at": now,
        }
        if desk is None:
            version = 1
            s.execute(
                pg_insert(ArticleModel).values(
                    id=article.id,
                    status=Status.DRAFT.value,
                    created_at=article.created_at,
                    version=version,
                    **base,
                )
            )
        else:
            version = desk.version + 1
            s.execute(
                update(ArticleModel)
                .where(ArticleModel.id == article.id)
                .values(status=Status.DRAFT.value, version=version, **base)
            )
        ids = {p.key: _photo_id(s, p) for p in photos}
        s.execute(delete(ArticlePhotoModel).where(ArticlePhotoModel.article_id == article.id))
        descriptions = {
            int(i): str(d)
            for i, d in s.execute(
                select(PhotoModel.id, PhotoModel.description).where(
                    PhotoModel.id.in_(list(ids.values()))
                )
            )
        }
        seen: set[int] = set()
        for position, p in enumerate(photos):
            pid = ids[p.key]
            if pid in seen:
                continue
            seen.add(pid)
            s.add(
                ArticlePhotoModel(
                    article_id=article.id,
                    photo_id=pid,
                    position=position,
                    featured=p.featured,
                    caption_override=None if p.caption == descriptions.get(pid) else p.caption,
                )
            )
        s.flush()
        version += 1
        s.add(
            DeskMessageModel(
                article_id=article.id,
                kind=(DeskMessageKind.NOTE if note.strip() else DeskMessageKind.SUBMITTED).value,
                author=login_of(s),
                author_name=author_name,
                text=note.strip(),
                created_at=now,
                article_version=version,
            )
        )
        s.flush()
        s.execute(
            update(ArticleModel)
            .where(ArticleModel.id == article.id)
            .values(
                status=Status.SUBMITTED.value,
                body=rewrite_photo_refs(article.body, ids),
                version=version,
                updated_at=now,
            )
        )
        row = s.get(ArticleModel, article.id, populate_existing=True)
        assert row is not None
        sync_article(s, row)  # the desk's search finds it
        return SendResult(SendOutcome.SENT, version, desk, ids)


@dataclass(frozen=True)
class ReturnedMessage:
    id: int
    article_id: str
    author: str
    author_name: str
    text: str
    created_at: datetime
    article_version: int | None


def returned_messages(engine: Engine, article_ids: list[str]) -> list[ReturnedMessage]:
    """The desk's returns of these articles (a reporter's sync pulls the new ones)."""
    out: list[ReturnedMessage] = []
    with Session(engine) as s, s.begin():
        for start in range(0, len(article_ids), 500):
            rows = s.scalars(
                select(DeskMessageModel)
                .where(
                    DeskMessageModel.article_id.in_(article_ids[start : start + 500]),
                    DeskMessageModel.kind == DeskMessageKind.RETURNED.value,
                )
                .order_by(DeskMessageModel.id)
            )
            out.extend(
                ReturnedMessage(
                    m.id,
                    m.article_id,
                    m.author,
                    m.author_name,
                    m.text,
                    m.created_at,
                    m.article_version,
                )
                for m in rows
            )
    return out
