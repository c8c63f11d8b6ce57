"""Diacritic-insensitive search: a folded shadow table, and FTS5 over it on SQLite.

``search_documents`` holds one row per searchable text (an article today; photo captions
and other sources later) with the NFC text and its ``fold()``. On SQLite an FTS5
external-content table indexes both columns (unicode61 never folds đ, so we fold
ourselves) and triggers keep it in sync. Other databases search the folded column with LIKE.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded, plain, content='search_documents', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, folded, plain) VALUES (new.id, new.folded, new.plain); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded, plain) "
    "VALUES ('delete', old.id, old.folded, old.plain); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded, plain) "
    "VALUES ('delete', old.id, old.folded, old.plain); "
    "INSERT INTO search_fts(rowid, folded, plain) VALUES (new.id, new.folded, new.plain); END",
)


def upgrade() -> None:
    op.create_table(
        "search_documents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("source_key", sa.String(80), nullable=False),
        sa.Column(
            "article_id",
            sa.String(36),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("plain", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.UniqueConstraint("source", "source_key", name="uq_search_documents_source"),
    )
    op.create_index("ix_search_documents_article_id", "search_documents", ["article_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in FTS_STATEMENTS:
            op.execute(statement)
    # Index what is already stored.
    from qk3editor.storage.search import article_text, document_row

    articles = sa.table(
        "articles",
        sa.column("id", sa.String),
        sa.column("title", sa.Text),
        sa.column("lead", sa.Text),
        sa.column("body", sa.Text),
        sa.column("byline", sa.String),
        sa.column("tags", sa.JSON),
    )
    docs = sa.table(
        "search_documents",
        sa.column("source", sa.String),
        sa.column("source_key", sa.String),
        sa.column("article_id", sa.String),
        sa.column("plain", sa.Text),
        sa.column("folded", sa.Text),
    )
    rows: list[dict[str, Any]] = []
    for r in bind.execute(sa.select(articles)):
        text = article_text(r.title, r.lead, r.body, r.byline, r.tags or [])
        rows.append(document_row("article", r.id, r.id, text))
        if len(rows) >= 500:
            bind.execute(docs.insert(), rows)
            rows = []
    if rows:
        bind.execute(docs.insert(), rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_documents_ai", "search_documents_ad", "search_documents_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index("ix_search_documents_article_id", "search_documents")
    op.drop_table("search_documents")
