"""Typed ORM models. Only this package sees them; repositories hand out core dataclasses."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class CategoryModel(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ArticleModel(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), nullable=True, index=True
    )
    byline: Mapped[str] = mapped_column(String(300), default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    spiked_from: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    publish_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # migration s16_owner: the login that made it (PostgreSQL: set by the server)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)

    category: Mapped[CategoryModel | None] = relationship(lazy="joined")

    __table_args__ = (
        Index("ix_articles_library", "updated_at", "id", "status"),
        # migration 0006_library_sort: the library's other sorts and its filters
        Index("ix_articles_title_sort", "title", "id", "status"),
        Index("ix_articles_byline_sort", "byline", "id", "status"),
        Index("ix_articles_status_updated", "status", "updated_at", "id"),
        Index("ix_articles_category_updated", "category_id", "updated_at", "id"),
        # migration h14a_category_sort: the category sort a category at a time, its counts
        Index("ix_articles_category_id_sort", "category_id", "id", "status"),
    )


class LibraryCountModel(Base):
    """How many articles have each (status, category): kept by triggers (migration
    ``c14_library_counts``), so that the library's row count costs the same at 1k and 1M
    articles. ``category_key`` is the category's id, 0 for none (ids start at 1)."""

    __tablename__ = "library_counts"

    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    category_key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer, default=0)
