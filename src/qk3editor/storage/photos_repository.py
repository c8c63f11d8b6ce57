"""The photo desk's repository: one unit of work per method, frozen dataclasses out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.orm import Session

from qk3editor.core.articles import utcnow
from qk3editor.core.errors import ArticleNotFound, PhotoIdNotFound, ValidationError
from qk3editor.core.photos import FIELDS, LIST_FIELDS, ArticlePhoto, Photo, PhotoMetadata
from qk3editor.core.vietnamese.normalize import normalize, to_nfc
from qk3editor.storage.articles_models import ArticleModel
from qk3editor.storage.db import Store, first_column
from qk3editor.storage.photo_blobs import blob_of_path, write_blob_file
from qk3editor.storage.photo_search import index_photo_captions
from qk3editor.storage.photos_models import DESK_UNDATED_SQL, ArticlePhotoModel, PhotoModel

STATUS_FILTERS = ("no_caption", "no_credit", "gps")
# the desk's order puts the undated last: the text of its indexes (photos_models.DESK_INDEXES)
DESK_UNDATED = DESK_UNDATED_SQL.replace("date_taken", "photos.date_taken")


@dataclass(frozen=True)
class PhotoQuery:
    """What the desk shows: a text filter, a status filter, the order by date taken."""

    text: str = ""
    status: str | None = None  # one of STATUS_FILTERS
    newest_first: bool = False


@dataclass(frozen=True)
class NewPhoto:
    """What ingest found for one file (see qk3editor.photos.ingest.IngestItem)."""

    path: str
    content_hash: str
    metadata: PhotoMetadata
    size_bytes: int = 0
    width: int = 0
    height: int = 0
    format: str = ""
    thumbnail: str = ""
    camera: str = ""
    date_taken: str = ""
    gps: bool = False
    has_iim: bool = False


def _to_photo(m: PhotoModel) -> Photo:
    values: dict[str, Any] = {}
    for name in FIELDS:
        stored = getattr(m, name)  # the JSON list columns hold lists of text
        values[name] = tuple(cast(list[str], stored or [])) if name in LIST_FIELDS else stored
    md = PhotoMetadata(**values)
    return Photo(
        id=m.id,
        path=m.path,
        content_hash=m.content_hash,
        metadata=md,
        date_taken=m.date_taken,
        width=m.width,
        height=m.height,
        format=m.format,
        thumbnail=m.thumbnail,
        camera=m.camera,
        gps=m.gps,
        has_iim=m.has_iim,
        keep_location=m.keep_location,
        keep_location_by=m.keep_location_by,
        keep_location_at=m.keep_location_at,
        file_pending=bool(m.file_pending),
        imported_at=m.imported_at,
        updated_at=m.updated_at,
        owner=m.owner,
    )


def _put_metadata(m: PhotoModel, md: PhotoMetadata) -> None:
    md = md.normalized()
    for name in FIELDS:
        value: str | tuple[str, ...] = getattr(md, name)
        setattr(m, name, list(value) if isinstance(value, tuple) else value)
    # the desk's filter: NFC, case-folded (SQLite's LIKE folds ASCII only)
    parts = [md.headline, md.description, md.title, md.city, md.credit, *md.keywords, *md.creator]
    parts.append(m.path.replace("\\", "/").rsplit("/", 1)[-1] if m.path else "")
    m.search_text = "\n".join(p for p in parts if p).casefold()


class PhotoRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- photos ----------------------------------------------------------------------------
    def write_original(self, path: str, out: Path) -> None:
        """Write the original of a photo the store keeps itself (a ``qk3blob:`` path) to
        ``out``, checked against its SHA-256 (:class:`BlobDamaged`); one piece in memory."""
        digest = blob_of_path(path)
        if digest is None:
            raise ValueError(f"not an original kept in the store: {path}")
        with self._store.read() as s:
            write_blob_file(s, digest, out)

    def add(self, new: Iterable[NewPhoto]) -> list[Photo]:
        """Store newly ingested photos (a content hash already stored is skipped)."""
        now = utcnow()
        out: list[Photo] = []
        with self._store.begin() as s:
            for n in new:
                if s.scalar(select(PhotoModel.id).where(PhotoModel.content_hash == n.content_hash)):
                    continue
                m = PhotoModel(
                    path=to_nfc(n.path),
                    content_hash=n.content_hash,
                    size_bytes=n.size_bytes,
                    width=n.width,
                    height=n.height,
                    format=n.format,
                    thumbnail=n.thumbnail,
                    camera=normalize(n.camera),
                    date_taken=n.date_taken,
                    gps=n.gps,
                    has_iim=n.has_iim,
                    keep_location=False,
                    keep_location_by="",
                    imported_at=now,
                    updated_at=now,
                    owner=self._store.owner_name or None,  # PostgreSQL: the server's trigger
                )
                _put_metadata(m, n.metadata)
                s.add(m)
                s.flush()
                out.append(_to_photo(m))
        return out

    def add_ingested(self, items: Iterable[Any]) -> list[Photo]:
        """Store the ``imported`` lines of an ingest report."""
        return self.add(new_photo_from_ingest(i) for i in items if i.status == "imported")

    def id_for_hash(self, content_hash: str) -> int | None:
        with self._store.begin() as s:
            return s.scalar(select(PhotoModel.id).where(PhotoModel.content_hash == content_hash))

    def get(self, photo_id: int) -> Photo:
        with self._store.begin() as s:
            m = s.get(PhotoModel, photo_id)
            if m is None:
                raise PhotoIdNotFound(id=photo_id)
            return _to_photo(m)

    def get_many(self, ids: Sequence[int]) -> list[Photo]:
        """Photos for ``ids`` in that order (unknown ids are left out)."""
        with self._store.read() as s:
            rows = {
                m.id: m for m in s.scalars(select(PhotoModel).where(PhotoModel.id.in_(list(ids))))
            }
            return [_to_photo(rows[i]) for i in ids if i in rows]

    def list_ids(self, query: PhotoQuery | None = None) -> list[int]:
        """The ids the desk shows, filtered and ordered by the database."""
        with self._store.read() as s:
            return first_column(s, _desk_statement(query or PhotoQuery()))

    def count_ids(self, query: PhotoQuery) -> int:
        """How many photos the desk's filters let through (issue 14: the windowed desk)."""
        with self._store.read() as s:
            return int(s.scalar(_count_statement(query)) or 0)

    def page_ids(self, query: PhotoQuery, offset: int, limit: int) -> list[int]:
        """``limit`` ids from row ``offset`` of the desk's list, in its order."""
        stmt = _desk_statement(query).offset(max(offset, 0)).limit(limit)
        with self._store.read() as s:
            return first_column(s, stmt)

    def page(self, query: PhotoQuery, offset: int, limit: int) -> list[Photo]:
        """The photos of rows ``offset`` to ``offset + limit`` of the desk's list: one
        statement (the page's ids and then their rows were two sessions, each a few round
        trips on PostgreSQL)."""
        with self._store.read() as s:
            return self._page(s, query, offset, limit)

    def first_screen(self, query: PhotoQuery, limit: int) -> tuple[int, list[Photo]]:
        """How many photos the desk's filters let through and the first ``limit`` of them,
        in one unit of work (the desk's open: one session, two statements)."""
        with self._store.read() as s:
            count = int(s.scalar(_count_statement(query)) or 0)
            return count, self._page(s, query, 0, limit) if count else []

    def _page(self, s: Session, query: PhotoQuery, offset: int, limit: int) -> list[Photo]:
        # the page's ids walk the order's index (PostgreSQL: without reading the rows it
        # skips), then only the page's rows are read, by their key
        ids = _desk_statement(query).offset(max(offset, 0)).limit(limit).subquery()
        stmt = _desk_order(
            select(PhotoModel).join(ids, ids.c.id == PhotoModel.id), query.newest_first
        )
        return [_to_photo(m) for m in s.scalars(stmt)]

    def count(self) -> int:
        with self._store.begin() as s:
            return s.scalar(select(func.count()).select_from(PhotoModel)) or 0

    def update_metadata(
        self, photo_id: int, metadata: PhotoMetadata, *, file_pending: bool = False
    ) -> Photo:
        """Record the metadata now in the file (after a successful write); with
        ``file_pending``, metadata the file does not hold yet (its write failed: the desk
        shows "not yet written to the file" and ``photos check`` writes it again)."""
        with self._store.begin() as s:
            m = s.get(PhotoModel, photo_id)
            if m is None:
                raise PhotoIdNotFound(id=photo_id)
            _put_metadata(m, metadata)
            m.file_pending = file_pending
            m.updated_at = utcnow()
            s.flush()
            photo = _to_photo(m)
            articles = self._articles_of(s, photo_id)
            for article_id in articles:
                index_photo_captions(s, article_id, self._article_photos(s, article_id))
        self._store.events.article_photos.announce_ids(articles)
        return photo

    def _articles_of(self, s: Session, photo_id: int) -> list[str]:
        stmt = select(ArticlePhotoModel.article_id).where(ArticlePhotoModel.photo_id == photo_id)
        return list(dict.fromkeys(s.scalars(stmt)))

    def set_keep_location(
        self, photo_id: int, keep: bool, by: str, at: datetime | None = None
    ) -> Photo:
        """A person's choice to publish this photo with (or without) its location."""
        by = normalize(by).strip()
        if keep and not by:
            raise ValidationError(detail="who chose to keep the location")
        with self._store.begin() as s:
            m = s.get(PhotoModel, photo_id)
            if m is None:
                raise PhotoIdNotFound(id=photo_id)
            m.keep_location = keep
            m.keep_location_by = by
            m.keep_location_at = at or utcnow()
            m.updated_at = utcnow()
            s.flush()
            return _to_photo(m)

    # -- photos in articles ----------------------------------------------------------------
    def article_photos(self, article_id: str) -> list[ArticlePhoto]:
        with self._store.begin() as s:
            return self._article_photos(s, article_id)

    def _article_photos(self, s: Session, article_id: str) -> list[ArticlePhoto]:
        stmt = (
            select(ArticlePhotoModel, PhotoModel)
            .join(PhotoModel, PhotoModel.id == ArticlePhotoModel.photo_id)
            .where(ArticlePhotoModel.article_id == article_id)
            .order_by(ArticlePhotoModel.position, ArticlePhotoModel.id)
        )
        return [
            ArticlePhoto(article_id, _to_photo(p), ap.position, ap.featured, ap.caption_override)
            for ap, p in s.execute(stmt)
        ]

    def attach(self, article_id: str, photo_ids: Sequence[int]) -> list[ArticlePhoto]:
        """Add photos to an article (at the end; already attached ones stay where they are).

        The first photo of an article becomes its featured photo.
        """
        with self._store.begin() as s:
            if s.get(ArticleModel, article_id) is None:
                raise ArticleNotFound(id=article_id)
            existing = {
                ap.photo_id: ap
                for ap in s.scalars(
                    select(ArticlePhotoModel).where(ArticlePhotoModel.article_id == article_id)
                )
            }
            position = max((ap.position for ap in existing.values()), default=-1) + 1
            for pid in photo_ids:
                if pid in existing:
                    continue
                if s.get(PhotoModel, pid) is None:
                    raise PhotoIdNotFound(id=pid)
                ap = ArticlePhotoModel(
                    article_id=article_id,
                    photo_id=pid,
                    position=position,
                    featured=not existing,
                )
                s.add(ap)
                existing[pid] = ap
                position += 1
            s.flush()
            out = self._article_photos(s, article_id)
            index_photo_captions(s, article_id, out)
        self._store.events.article_photos.announce_ids([article_id])
        return out

    def detach(self, article_id: str, photo_id: int) -> list[ArticlePhoto]:
        with self._store.begin() as s:
            for ap in s.scalars(
                select(ArticlePhotoModel).where(
                    ArticlePhotoModel.article_id == article_id,
                    ArticlePhotoModel.photo_id == photo_id,
                )
            ):
                s.delete(ap)
            s.flush()
            out = self._article_photos(s, article_id)
            index_photo_captions(s, article_id, out)
        self._store.events.article_photos.announce_ids([article_id])
        return out

    def reorder(self, article_id: str, photo_ids: Sequence[int]) -> list[ArticlePhoto]:
        """Put the article's photos in this order (photos not named keep their order, after)."""
        with self._store.begin() as s:
            rows = list(
                s.scalars(
                    select(ArticlePhotoModel)
                    .where(ArticlePhotoModel.article_id == article_id)
                    .order_by(ArticlePhotoModel.position, ArticlePhotoModel.id)
                )
            )
            rank = {pid: i for i, pid in enumerate(photo_ids)}
            rows.sort(key=lambda ap: (rank.get(ap.photo_id, len(rank)), ap.position))
            for i, ap in enumerate(rows):
                ap.position = i
            s.flush()
            out = self._article_photos(s, article_id)
        self._store.events.article_photos.announce_ids([article_id])
        return out

    def set_featured(self, article_id: str, photo_id: int) -> list[ArticlePhoto]:
        """Make ``photo_id`` the article's one featured photo."""
        with self._store.begin() as s:
            rows = list(
                s.scalars(
                    select(ArticlePhotoModel).where(ArticlePhotoModel.article_id == article_id)
                )
            )
            if photo_id not in {ap.photo_id for ap in rows}:
                raise PhotoIdNotFound(id=photo_id)
            for ap in rows:
                ap.featured = ap.photo_id == photo_id
            s.flush()
            out = self._article_photos(s, article_id)
        self._store.events.article_photos.announce_ids([article_id])
        return out

    def set_caption(self, article_id: str, photo_id: int, caption: str | None) -> ArticlePhoto:
        """The article's own caption for the photo; ``None`` goes back to the file's caption."""
        with self._store.begin() as s:
            ap = s.scalar(
                select(ArticlePhotoModel).where(
                    ArticlePhotoModel.article_id == article_id,
                    ArticlePhotoModel.photo_id == photo_id,
                )
            )
            if ap is None:
                raise PhotoIdNotFound(id=photo_id)
            ap.caption_override = None if caption is None else normalize(caption).strip()
            s.flush()
            photos = self._article_photos(s, article_id)
            index_photo_captions(s, article_id, photos)
        self._store.events.article_photos.announce_ids([article_id])
        return next(a for a in photos if a.photo.id == photo_id)


def _filtered(q: PhotoQuery) -> Select[Any]:
    stmt = select(PhotoModel.id)
    text = normalize(q.text).strip().casefold()
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(PhotoModel.search_text.like(f"%{escaped}%", escape="\\"))
    if q.status == "no_caption":
        stmt = stmt.where(PhotoModel.description == "")
    elif q.status == "no_credit":
        stmt = stmt.where(PhotoModel.credit == "")
    elif q.status == "gps":
        stmt = stmt.where(PhotoModel.gps.is_(True))
    return stmt


def _count_statement(q: PhotoQuery) -> Select[Any]:
    return select(func.count()).select_from(_filtered(q).subquery())


def _desk_statement(q: PhotoQuery) -> Select[Any]:
    """The desk's list: by date taken (undated last), the id breaking ties; each direction
    walks its index (migration ``c14_desk_order``)."""
    return _desk_order(_filtered(q), q.newest_first)


def _desk_order(stmt: Select[Any], newest_first: bool) -> Select[Any]:
    order = PhotoModel.date_taken.desc() if newest_first else PhotoModel.date_taken.asc()
    return stmt.order_by(literal_column(DESK_UNDATED), order, PhotoModel.id)


def new_photo_from_ingest(item: Any) -> NewPhoto:
    """A :class:`NewPhoto` from an ``IngestItem`` (kept here so ingest stays store-free)."""
    return NewPhoto(
        path=item.path,
        content_hash=item.content_hash,
        metadata=PhotoMetadata.from_dict(item.metadata),
        size_bytes=item.size_bytes,
        width=item.width,
        height=item.height,
        format=item.format,
        thumbnail=item.thumbnail,
        camera=item.camera,
        date_taken=item.date_taken,
        gps=item.gps,
        has_iim=item.has_iim,
    )
