"""Tables of the newsroom desk (issue 16, revision s16_desk): the messages that go with an
article between the reporter and the desk, and the photo originals kept in the store."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qk3editor.core.budgets import BLOB_PIECE_BYTES
from qk3editor.storage.articles_models import Base, UTCDateTime

# Photo originals are kept in the store in pieces of this size (see PhotoBlobModel).
BLOB_CHUNK = BLOB_PIECE_BYTES


class DeskMessageModel(Base):
    """A reporter's note with a send (``note``), the desk's comment when it returns an article
    (``returned``), or a record of the submission (``submitted``)."""

    __tablename__ = "desk_messages"
    __table_args__ = (Index("ix_desk_messages_article", "article_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # note | returned | submitted
    author: Mapped[str] = mapped_column(String(200), default="")  # the login
    author_name: Mapped[str] = mapped_column(String(200), default="")  # shown name
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # the article's version right after this message (a return: the version the reporter's
    # next send may replace without a conflict)
    article_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # in a reporter's local store: the desk's id of a message pulled from the newsroom
    remote_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class PhotoBlobModel(Base):
    """A photo original's bytes, content-addressed (SHA-256 of the file), in pieces of
    :data:`BLOB_CHUNK` bytes numbered from 0. All pieces of one original are written in one
    transaction, so piece 0 present means the original is whole.

    Why pieces of ``bytea`` in a table (not large objects, not an S3 store): a 24-megapixel
    JPEG (10-30 MB) streams in and out one megabyte at a time (the client never holds the
    whole file, the server never builds a 30 MB value); grants and row-level security apply
    as to any table (large objects have their own, all-or-nothing ACLs and are not covered by
    policies); ``pg_dump`` of the database is the whole backup (no second store to back up
    and keep consistent); no extra server or credentials on a reporter's machine; a send that
    is cut keeps the originals already whole (resumed, they are not sent again).
    """

    __tablename__ = "photo_blobs"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    total_size: Mapped[int] = mapped_column(Integer, default=0)
