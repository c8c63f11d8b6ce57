"""The photo desk's order on an index (issue 14: its first screen at 50k photos).

The desk lists photos by date taken, the undated last, the id breaking ties
(``photos_repository._desk_statement``). No index gave that order, so every page, the first
screen's too, read and sorted the whole table: 35 ms at 50k photos on PostgreSQL (a parallel
scan), 12 ms on SQLite. One index per direction of the date (oldest / newest first) on the
expressions the query orders by lets a page walk the index and stop after its rows.

The indexes are on an expression, which Alembic's batch mode on SQLite cannot carry over
when a later migration copies ``photos`` into a new table: ``storage.db.migrate`` makes them
again after every upgrade (``photos_models.ensure_desk_indexes``).

Revision ID: c14_desk_order
Revises: 0004
"""

from __future__ import annotations

from alembic import op

from qk3editor.storage.photos_models import DESK_INDEXES, ensure_desk_indexes

revision = "c14_desk_order"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ensure_desk_indexes(op.get_bind())


def downgrade() -> None:
    for name in DESK_INDEXES:
        op.drop_index(name, table_name="photos")
