"""Published state: each article's publication on each target (issue 9).

Revision ID: s9_publications
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qk3editor.storage.articles_models import UTCDateTime

revision = "s9_publications"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_publications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("remote_status", sa.String(20), nullable=False),
        sa.Column("first_published_at", UTCDateTime(), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=False),
        sa.Column("article_version", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("forced_by", sa.String(200), nullable=True),
        sa.Column("forced_at", UTCDateTime(), nullable=True),
        sa.Column("forced_findings", sa.Text(), nullable=True),
        sa.UniqueConstraint("article_id", "target", name="uq_publication_target"),
    )
    op.create_index("ix_article_publications_article_id", "article_publications", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_article_publications_article_id", "article_publications")
    op.drop_table("article_publications")
