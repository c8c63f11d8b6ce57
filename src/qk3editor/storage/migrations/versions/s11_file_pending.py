"""A photo whose caption the store holds but its file does not yet (issue 11): the write to
the file failed (read-only, offline drive, disk full) or is still to be made. The desk shows
it with the "not yet written to the file" badge; ``photos check`` writes it again.

Revision ID: s11_file_pending
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s11_file_pending"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.add_column(
            sa.Column("file_pending", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("file_pending")
