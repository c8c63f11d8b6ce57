"""Several editors on one store (issue 16): article leases, their history, and on PostgreSQL
the triggers that announce every change on the channel ``qk3_changes`` (live updates).

Revision ID: s16_leases
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.storage.articles_models import UTCDateTime

revision = "s16_leases"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_leases",
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("holder_name", sa.String(200), nullable=False),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("acquired_at", UTCDateTime(), nullable=False),
        sa.Column("heartbeat_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_article_leases_expires_at", "article_leases", ["expires_at"])
    op.create_table(
        "lease_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("by_name", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_lease_events_article_id", "lease_events", ["article_id"])
    if op.get_bind().dialect.name == "postgresql":
        # on the tables there are now; storage.db.migrate installs them again once every
        # head is applied (the photo and publishing branches may come after this one)
        from qk3editor.storage import notify_sql

        notify_sql.install(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        from qk3editor.storage import notify_sql

        notify_sql.uninstall(op.get_bind())
    op.drop_index("ix_lease_events_article_id", "lease_events")
    op.drop_table("lease_events")
    op.drop_index("ix_article_leases_expires_at", "article_leases")
    op.drop_table("article_leases")
