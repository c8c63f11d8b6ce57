"""Repositories: one unit of work per method, frozen dataclasses out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qk3editor.core.article_list import PUBLIC_REMOTE_STATUSES, newest_publications
from qk3editor.core.articles import (
    Article,
    ArticleFields,
    ArticleQuery,
    ArticleRow,
    Category,
    Status,
    check_transition,
    new_article_id,
    utcnow,
)
from qk3editor.core.errors import AmbiguousId, ArticleNotFound, ConflictError, ValidationError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.vietnamese.fold import slugify
from qk3editor.core.vietnamese.normalize import normalize
from qk3editor.storage.articles_models import ArticleModel, CategoryModel
from qk3editor.storage.db import Store, first_column
from qk3editor.storage.library_pages import LibraryPages, ordered
from qk3editor.storage.search import sync_article

__all__ = ["ArticleQuery", "ArticleRepository", "CategoryRepository"]


def article_from_model(m: ArticleModel) -> Article:
    return Article(
        id=m.id,
        title=m.title,
        lead=m.lead,
        body=m.body,
        category=m.category.name if m.category else None,
        category_slug=m.category.slug if m.category else None,
        byline=m.byline,
        tags=tuple(m.tags or ()),
        status=Status(m.status),
        created_at=m.created_at,
        updated_at=m.updated_at,
        version=m.version,
        publish_at=m.publish_at,
        owner=m.owner,
    )


class CategoryRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self) -> list[Category]:
        with self._store.read() as s:
            rows = s.scalars(select(CategoryModel).order_by(CategoryModel.position))
            return [Category(c.id, c.slug, c.name, c.position) for c in rows]

    def find(self, name_or_slug: str) -> Category | None:
        """A category by slug or by name (case-insensitive, NFC)."""
        key = normalize(name_or_slug).strip()
        for c in self.list():
            if c.slug == key or c.name.casefold() == key.casefold():
                return c
        return None

    def ensure(self, name: str, slug: str) -> Category:
        """The category with this name (or this slug), created with ``slug`` if there is none.

        Race-safe: two processes ensuring one new category get the same row.
        """
        with self._store.begin() as s:
            m = category_for(s, name, slug)
            return Category(m.id, m.slug, m.name, m.position)

    def rename(self, category_id: int, name: str) -> None:
        with self._store.begin() as s:
            m = s.get(CategoryModel, category_id)
            if m is None:
                raise ValidationError(detail=f"category {category_id}")
            m.name = normalize(name).strip()


class ArticleRepository:
    """Articles in the store. Every text field is stored NFC."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- reading ---------------------------------------------------------------------------
    def get(self, article_id: str) -> Article:
        with self._store.read() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            return article_from_model(m)

    def resolve_id(self, value: str) -> str:
        """The full id of the one article whose id is ``value`` or starts with it (as git does).

        Raises :class:`ArticleNotFound` for none, :class:`AmbiguousId` (naming each candidate
        with its title) for several.
        """
        value = value.strip()
        if not value:
            raise ArticleNotFound(id=value)
        with self._store.begin() as s:
            if s.get(ArticleModel, value) is not None:
                return value
            pattern = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = list(
                s.execute(
                    select(ArticleModel.id, ArticleModel.title)
                    .where(ArticleModel.id.like(pattern, escape="\\"))
                    .order_by(ArticleModel.id)
                    .limit(11)
                )
            )
        if not rows:
            raise ArticleNotFound(id=value)
        if len(rows) > 1:
            shown = [f"{i} ({t})" for i, t in rows[:10]]
            if len(rows) > 10:
                shown.append("…")
            raise AmbiguousId(prefix=value, candidates="; ".join(shown))
        return str(rows[0][0])

    def exists(self, article_id: str) -> bool:
        with self._store.read() as s:
            return s.get(ArticleModel, article_id) is not None

    def list(self, query: ArticleQuery | None = None) -> list[Article]:
        ids = self.list_ids(query)
        return self.get_many(ids)

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        with self._store.read() as s:
            rows = {
                m.id: m for m in s.scalars(select(ArticleModel).where(ArticleModel.id.in_(ids)))
            }
            return [article_from_model(rows[i]) for i in ids if i in rows]

    def list_ids(self, query: ArticleQuery | None = None) -> list[str]:
        """The ids the library shows, filtered and ordered by the database."""
        with self._store.read() as s:
            # on the driver's cursor: plain strings, no per-row work (100k ids at a time)
            return first_column(s, self.list_statement(query))

    @staticmethod
    def list_statement(query: ArticleQuery | None = None) -> Select[str]:
        """The query of :meth:`list_ids`. Every sort and filter walks an index in order
        (migration ``0006_library_sort``): see :func:`~qk3editor.storage.library_pages.ordered`."""
        return ordered(query or ArticleQuery())

    def pages(self) -> LibraryPages:
        """The library's list a window at a time (count, pages of ids, a row's position)."""
        return LibraryPages(self._store, self.rows)

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        """Library rows for ``ids`` in that order (one query; the library loads in chunks)."""
        stmt = (
            select(
                ArticleModel.id,
                ArticleModel.title,
                CategoryModel.name,
                ArticleModel.status,
                ArticleModel.updated_at,
                ArticleModel.byline,
            )
            .outerjoin(CategoryModel)
            .where(ArticleModel.id.in_(list(ids)))
        )
        with self._store.read() as s:
            found = {
                r[0]: ArticleRow(r[0], r[1], r[2], Status(r[3]), r[4], r[5])
                for r in s.connection().execute(stmt)
            }
            published = _published_rows(s, list(found))
        out: list[ArticleRow] = []
        for i in ids:
            row = found.get(i)
            if row is None:
                continue
            if i in published:
                when, target, changed = published[i]
                row = row._replace(
                    published_at=when,
                    published_target=target,
                    changed_since_published=changed,
                )
            out.append(row)
        return out

    def count(self) -> int:
        with self._store.read() as s:
            return s.scalar(select(func.count()).select_from(ArticleModel)) or 0

    # -- writing ---------------------------------------------------------------------------
    def create(self, fields: ArticleFields, article_id: str | None = None) -> Article:
        """A new draft with ``fields``."""
        now = utcnow()
        with self._store.begin() as s:
            m = ArticleModel(
                id=article_id or new_article_id(),
                title="",
                lead="",
                body="",
                byline="",
                tags=[],
                status=Status.DRAFT.value,
                created_at=now,
                updated_at=now,
                version=1,
                owner=self._store.owner_name or None,  # PostgreSQL: the server's trigger
            )
            self._apply(s, m, fields)
            s.add(m)
            s.flush()
            sync_article(s, m)
            s.refresh(m)
            return article_from_model(m)

    def update(
        self, article_id: str, fields: ArticleFields, expected_version: int | None = None
    ) -> Article:
        """Apply ``fields``; with ``expected_version``, refuse if someone saved in between."""
        with self._store.begin() as s:
            return article_from_model(self.update_in(s, article_id, fields, expected_version))

    def update_in(
        self,
        s: Session,
        article_id: str,
        fields: ArticleFields,
        expected_version: int | None = None,
    ) -> ArticleModel:
        """:meth:`update` inside the caller's unit of work (the editor's one-transaction
        autosave); returns the (refreshed) row."""
        lock = None if self._store.is_sqlite else {"of": ArticleModel}
        m = s.get(ArticleModel, article_id, with_for_update=lock)
        if m is None:
            raise ArticleNotFound(id=article_id)
        if expected_version is not None and m.version != expected_version:
            raise ConflictError(expected=expected_version, actual=m.version)
        if not self._apply(s, m, fields):
            return m
        m.version += 1
        m.updated_at = utcnow()
        s.flush()
        sync_article(s, m)
        s.refresh(m)
        return m

    def set_status(self, article_id: str, target: Status) -> Article:
        """Move the article through the workflow (rules in core)."""
        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            move_status(m, target)
            s.flush()
            s.refresh(m)
            return article_from_model(m)

    def spike(self, article_id: str) -> Article:
        return self.set_status(article_id, Status.SPIKED)

    def restore(self, article_id: str) -> Article:
        """Bring a spiked article back to the state it had before."""
        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            target = m.spiked_from or Status.DRAFT.value
        return self.set_status(article_id, Status(target))

    def delete(self, article_id: str) -> None:
        """Remove an article with its revisions, photo links and jobs (a newsroom lets a
        reporter delete only their own drafts: issue 16)."""
        from qk3editor.storage.search import ARTICLE_SOURCE, remove_text

        with self._store.begin() as s:
            m = s.get(ArticleModel, article_id)
            if m is None:
                raise ArticleNotFound(id=article_id)
            s.delete(m)
            s.flush()
            remove_text(s, ARTICLE_SOURCE, article_id)

    def _apply(self, s: object, m: ArticleModel, f: ArticleFields) -> bool:
        changed = False

        def put(attr: str, value: object) -> None:
            nonlocal changed
            if getattr(m, attr) != value:
                setattr(m, attr, value)
                changed = True

        for attr in ("title", "lead", "body", "byline"):
            value = getattr(f, attr)
            if value is not None:
                put(attr, normalize(value))
        if f.tags is not None:
            put("tags", _clean_tags(f.tags))
        if f.category is not None:
            put("category_id", self._category_id(s, f.category))
        if f.clear_publish_at:
            put("publish_at", None)
        elif f.publish_at is not None:
            put("publish_at", _aware(f.publish_at))
        return changed

    def _category_id(self, s: object, name_or_slug: str) -> int | None:
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        if not normalize(name_or_slug).strip():
            return None
        return category_for(s, name_or_slug).id


def category_for(s: Session, name_or_slug: str, slug: str | None = None) -> CategoryModel:
    """The category named (or slugged) ``name_or_slug``, created if there is none: insert or
    get by slug, atomic on SQLite and PostgreSQL (``INSERT ... ON CONFLICT (slug) DO NOTHING``
    then ``SELECT``), a savepoint and a second look elsewhere.

    Names are matched by slug: "Quốc phòng", "Quoc phong" and "QUỐC PHÒNG" are one category,
    the one first created (its name is kept as it was first written).
    """
    key = normalize(name_or_slug).strip()
    for c in s.scalars(select(CategoryModel)):
        if c.slug == key or c.name.casefold() == key.casefold():
            return c
    slug = slug or slugify(key) or "category-" + hashlib.sha1(key.encode()).hexdigest()[:10]
    found = s.scalar(select(CategoryModel).where(CategoryModel.slug == slug))
    if found is not None:
        return found
    position = (s.scalar(select(func.max(CategoryModel.position))) or 0) + 1
    values = {"slug": slug, "name": key, "position": position}
    dialect = s.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert
        s.execute(
            insert(CategoryModel).values(**values).on_conflict_do_nothing(index_elements=["slug"])
        )
    else:
        try:
            with s.begin_nested():
                s.add(CategoryModel(**values))
        except IntegrityError:
            pass  # another writer created it first: take theirs
    made = s.scalar(select(CategoryModel).where(CategoryModel.slug == slug))
    assert made is not None
    return made


def _published_rows(s: Any, ids: list[str]) -> dict[str, tuple[datetime, str, bool]]:
    """Each article's newest public publish: (when, target, edited since)."""
    from qk3editor.storage.publication_models import ArticlePublicationModel as P

    if not ids:
        return {}
    stmt = (
        select(P.article_id, P.published_at, P.target, P.article_version, ArticleModel.version)
        .join(ArticleModel, ArticleModel.id == P.article_id)
        .where(P.article_id.in_(ids), P.remote_status.in_(PUBLIC_REMOTE_STATUSES))
    )
    return newest_publications(tuple(r) for r in s.execute(stmt))


def move_status(m: ArticleModel, target: Status) -> Status:
    """Apply one workflow move to a loaded row (rules in core); returns the state it left.

    The one place a status changes: plain moves here, recorded ones in EditorRepository.
    """
    source = Status(m.status)
    check_transition(source, target)
    if target is Status.SPIKED:
        m.spiked_from = source.value
    m.status = target.value
    m.version += 1
    m.updated_at = utcnow()
    return source


def _clean_tags(tags: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for t in tags:
        t = normalize(t).strip()
        if t and t not in seen:
            seen.append(t)
    return seen


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValidationError(detail=QT_TRANSLATE_NOOP("errors", "a date without a time zone"))
    return value
