"""Photos and article_photos (the photo desk, issue 5).

Revision ID: 0004
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.storage.articles_models import UTCDateTime

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    "headline",
    "description",
    "alt_text",
    "credit",
    "copyright",
    "sublocation",
    "city",
    "province_state",
    "country",
    "job_id",
    "instructions",
    "title",
)


def upgrade() -> None:
    op.create_table(
        "photos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("size_bytes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("width", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("height", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("format", sa.String(16), nullable=False, server_default=""),
        sa.Column("thumbnail", sa.Text(), nullable=False, server_default=""),
        sa.Column("camera", sa.String(200), nullable=False, server_default=""),
        sa.Column("date_taken", sa.String(32), nullable=False, server_default=""),
        sa.Column("gps", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("has_iim", sa.Boolean(), nullable=False, server_default=sa.false()),
        *[sa.Column(c, sa.Text(), nullable=False, server_default="") for c in TEXT_COLUMNS],
        sa.Column("creator", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("date_created", sa.String(32), nullable=False, server_default=""),
        sa.Column("search_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("keep_location", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("keep_location_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("keep_location_at", UTCDateTime(), nullable=True),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_photos_date_taken", "photos", ["date_taken"])
    op.create_table(
        "article_photos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "photo_id", sa.Integer(), sa.ForeignKey("photos.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("featured", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("caption_override", sa.Text(), nullable=True),
        sa.UniqueConstraint("article_id", "photo_id", name="uq_article_photo"),
    )
    op.create_index("ix_article_photos_article_id", "article_photos", ["article_id"])
    op.create_index("ix_article_photos_photo_id", "article_photos", ["photo_id"])


def downgrade() -> None:
    op.drop_table("article_photos")
    op.drop_index("ix_photos_date_taken", table_name="photos")
    op.drop_table("photos")
