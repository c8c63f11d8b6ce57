"""Who is editing which article (issue 16): the lease table and its history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qk3editor.storage.articles_models import Base, UTCDateTime


class ArticleLeaseModel(Base):
    """One row per article being edited; a row whose ``expires_at`` passed is free."""

    __tablename__ = "article_leases"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    holder: Mapped[str] = mapped_column(String(200))  # the login (PostgreSQL: session_user)
    holder_name: Mapped[str] = mapped_column(String(200), default="")  # shown: "Đức Việt"
    host: Mapped[str] = mapped_column(String(200), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class LeaseEventModel(Base):
    """What happened to leases: acquire, release, takeover (with its reason), expire."""

    __tablename__ = "lease_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(200))
    by_name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
