"""Where each article stands on each target after a successful publish (issue 9)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qk3editor.storage.articles_models import Base, UTCDateTime


class ArticlePublicationModel(Base):
    __tablename__ = "article_publications"
    __table_args__ = (UniqueConstraint("article_id", "target", name="uq_publication_target"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    target: Mapped[str] = mapped_column(String(200))
    link: Mapped[str] = mapped_column(Text, default="")
    remote_status: Mapped[str] = mapped_column(String(20), default="publish")
    first_published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the last publish
    article_version: Mapped[int] = mapped_column(Integer)  # the version that went out
    revision_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    who: Mapped[str] = mapped_column(String(200), default="")
    forced_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    forced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    forced_findings: Mapped[str | None] = mapped_column(Text, nullable=True)
