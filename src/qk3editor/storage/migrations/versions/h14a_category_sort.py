"""The library's category sort and category filter at newsroom scale (issue 14).

The windowed library reads the category sort a category at a time, each in id order
(``storage/library_pages.py``), and counts the rows a category filter lets through: one index
of category, id and status answers both without reading the article rows.

Revision ID: h14a_category_sort
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "h14a_category_sort"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_category_id_sort", "articles", ["category_id", "id", "status"])


def downgrade() -> None:
    op.drop_index("ix_articles_category_id_sort", table_name="articles")
