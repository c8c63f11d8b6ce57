"""Indexes for the library's sorts and filters at newsroom scale (issue 14).

Each sort column and each filter gets an index the library's query walks in order, so the
database neither reads the large article rows nor sorts them (100k-1M articles):
title and byline (with id, the tie-break, and status, the spiked filter), status then
updated_at (the status filter, newest first), category then updated_at (the category filter).

Revision ID: 0006_library_sort
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0006_library_sort"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_articles_title_sort": ["title", "id", "status"],
    "ix_articles_byline_sort": ["byline", "id", "status"],
    "ix_articles_status_updated": ["status", "updated_at", "id"],
    "ix_articles_category_updated": ["category_id", "updated_at", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "articles", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="articles")
