"""The newsroom desk (issue 16): desk messages and photo originals kept in the store.

Revision ID: s16_desk
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.storage.articles_models import UTCDateTime

revision = "s16_desk"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("article_version", sa.Integer(), nullable=True),
        sa.Column("remote_id", sa.Integer(), nullable=True),
    )
    op.create_index("ix_desk_messages_article", "desk_messages", ["article_id", "id"])
    op.create_table(
        "photo_blobs",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("total_size", sa.Integer(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # the pieces are JPEG data already: no compression attempt, kept out of line
        op.execute("ALTER TABLE photo_blobs ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("photo_blobs")
    op.drop_index("ix_desk_messages_article", "desk_messages")
    op.drop_table("desk_messages")
