"""Articles and categories.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.core.articles import DEFAULT_CATEGORIES
from qk3editor.storage.articles_models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    categories = op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(200), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False, server_default=""),
        sa.Column("lead", sa.Text(), nullable=False, server_default=""),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column(
            "category_id",
            sa.Integer(),
            sa.ForeignKey("categories.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("byline", sa.String(300), nullable=False, server_default=""),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="draft"),
        sa.Column("spiked_from", sa.String(20), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("publish_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_index("ix_articles_category_id", "articles", ["category_id"])
    op.create_index("ix_articles_status", "articles", ["status"])
    # Covering index for the library's default listing (newest first, spiked hidden): the ids
    # come from the index alone, without reading the large rows.
    op.create_index("ix_articles_library", "articles", ["updated_at", "id", "status"])
    op.bulk_insert(
        categories,
        [
            {"slug": slug, "name": name, "position": i}
            for i, (slug, name) in enumerate(DEFAULT_CATEGORIES)
        ],
    )


def downgrade() -> None:
    op.drop_table("articles")
    op.drop_table("categories")
