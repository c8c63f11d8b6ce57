"""Publishing: targets (no secrets), jobs, remote records, remote media.

Revision ID: 0005
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.storage.articles_models import UTCDateTime

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publish_targets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "publish_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("publish_at", UTCDateTime(), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("error_code", sa.String(100), nullable=True),
        sa.Column("error_step", sa.String(100), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("conflict", sa.JSON(), nullable=True),
        sa.Column("force", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_publish_jobs_article_id", "publish_jobs", ["article_id"])
    op.create_index("ix_publish_jobs_target", "publish_jobs", ["target"])
    op.create_index("ix_publish_jobs_state", "publish_jobs", ["state"])
    op.create_table(
        "publish_remote",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("remote_id", sa.String(200), nullable=True),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("modified", sa.String(100), nullable=True),
        sa.Column("create_attempted", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("article_id", "target", name="uq_publish_remote"),
    )
    op.create_table(
        "publish_media",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("photo_key", sa.String(200), nullable=False),
        sa.Column("remote_id", sa.String(200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("rendition_hash", sa.String(64), nullable=False),
        sa.Column("meta_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("article_id", "target", "photo_key", name="uq_publish_media"),
    )


def downgrade() -> None:
    op.drop_table("publish_media")
    op.drop_table("publish_remote")
    op.drop_index("ix_publish_jobs_state", "publish_jobs")
    op.drop_index("ix_publish_jobs_target", "publish_jobs")
    op.drop_index("ix_publish_jobs_article_id", "publish_jobs")
    op.drop_table("publish_jobs")
    op.drop_table("publish_targets")
