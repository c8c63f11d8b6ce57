"""The editor's tables: revisions, status changes, session state.

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.storage.articles_models import UTCDateTime

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("who", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False, server_default=""),
        sa.Column("title", sa.Text(), nullable=False, server_default=""),
        sa.Column("lead", sa.Text(), nullable=False, server_default=""),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("category", sa.String(200), nullable=False, server_default=""),
        sa.Column("byline", sa.String(300), nullable=False, server_default=""),
        sa.Column("tags", sa.JSON(), nullable=False),
    )
    op.create_index(
        "ix_article_revisions_article_number", "article_revisions", ["article_id", "number"]
    )
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("who", sa.String(200), nullable=False, server_default=""),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_status_changes_article_id", "status_changes", ["article_id"])
    op.create_table(
        "editor_session",
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("field", sa.String(20), nullable=False, server_default="body"),
        sa.Column("cursor", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("scroll", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("editor_session")
    op.drop_index("ix_status_changes_article_id", table_name="status_changes")
    op.drop_table("status_changes")
    op.drop_index("ix_article_revisions_article_number", table_name="article_revisions")
    op.drop_table("article_revisions")
