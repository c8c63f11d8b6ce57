"""ORM models of the photo desk: photos and their places in articles (revision 0004)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from qk3editor.storage.articles_models import Base, UTCDateTime


class PhotoModel(Base):
    __tablename__ = "photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    format: Mapped[str] = mapped_column(String(16), default="")
    thumbnail: Mapped[str] = mapped_column(Text, default="")
    camera: Mapped[str] = mapped_column(String(200), default="")
    date_taken: Mapped[str] = mapped_column(String(32), default="", index=True)
    gps: Mapped[bool] = mapped_column(Boolean, default=False)
    has_iim: Mapped[bool] = mapped_column(Boolean, default=False)
    # IPTC fields (the XMP and IIM mappings are in qk3editor.photos.xmp and qk3editor.photos.iim)
    headline: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    creator: Mapped[list[str]] = mapped_column(JSON, default=list)
    credit: Mapped[str] = mapped_column(Text, default="")
    copyright: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    date_created: Mapped[str] = mapped_column(String(32), default="")
    sublocation: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(Text, default="")
    province_state: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(Text, default="")
    job_id: Mapped[str] = mapped_column(Text, default="")
    instructions: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    # publishing with the location is a person's recorded choice
    keep_location: Mapped[bool] = mapped_column(Boolean, default=False)
    keep_location_by: Mapped[str] = mapped_column(String(200), default="")
    keep_location_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the store holds a caption the file does not yet (the write failed or is to be made)
    file_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # migration s16_owner: the login that imported it (PostgreSQL: set by the server)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)


class ArticlePhotoModel(Base):
    __tablename__ = "article_photos"
    __table_args__ = (UniqueConstraint("article_id", "photo_id", name="uq_article_photo"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    caption_override: Mapped[str | None] = mapped_column(Text, nullable=True)
