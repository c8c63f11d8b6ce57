"""ORM models of the photo desk: photos and their places in articles (revision 0004)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
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


# The desk's order (migration c14_desk_order): by date taken, the undated last, the id
# breaking ties, one index per direction of the date. A database matches an ordering
# expression to an index expression by its text, so the query orders by this very text
# (``photos_repository.DESK_UNDATED``), the empty string written out, not bound.
DESK_UNDATED_SQL = "(CASE WHEN date_taken = '' THEN 1 ELSE 0 END)"
DESK_INDEXES = {
    "ix_photos_desk_oldest": f"{DESK_UNDATED_SQL}, date_taken, id",
    "ix_photos_desk_newest": f"{DESK_UNDATED_SQL}, date_taken DESC, id",
}


def ensure_desk_indexes(conn: Connection) -> None:
    """Make the desk's order indexes where they are missing. Alembic's batch mode on SQLite
    copies a table it alters into a new one and cannot carry an index on an expression over
    (it does not reflect them): a later migration that alters ``photos`` in batch, on any
    branch, would drop them. ``storage.db.migrate`` calls this after every upgrade."""
    for name, columns in DESK_INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON photos ({columns})")
