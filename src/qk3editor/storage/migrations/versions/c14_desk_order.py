"""The photo desk's order on an index (issue 14: its first screen at 50k photos).

The desk lists photos by date taken, the undated last, the id breaking ties
(``photos_repository.desk_statement``). No index gave that order, so every page, the first
screen's too, read and sorted the whole table: 35 ms at 50k photos on PostgreSQL (a parallel
scan), 12 ms on SQLite. One index per direction of the date (oldest / newest first) on the
same expressions the query orders by (``DESK_UNDATED``: both databases match an ordering
expression to an index expression by its text, so it is written out, not bound) lets a page
walk the index and stop after its rows.

Revision ID: c14_desk_order
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c14_desk_order"
down_revision = "0004"
branch_labels = None
depends_on = None

# the same text as photos_repository.DESK_UNDATED (a migration keeps its own copy)
UNDATED = "(CASE WHEN date_taken = '' THEN 1 ELSE 0 END)"


def upgrade() -> None:
    op.create_index("ix_photos_desk_oldest", "photos", [sa.text(UNDATED), "date_taken", "id"])
    op.create_index(
        "ix_photos_desk_newest", "photos", [sa.text(UNDATED), sa.text("date_taken DESC"), "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_photos_desk_newest", table_name="photos")
    op.drop_index("ix_photos_desk_oldest", table_name="photos")
