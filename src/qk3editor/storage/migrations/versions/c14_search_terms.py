"""Search as you type at newsroom scale (issue 14): the index's words, to expand a prefix.

FTS5 answers a prefix query (``"luy"*``) by merging the whole list of every word that starts
so into memory before the first row comes out: 5 ms at 100,000 articles, 50-400 ms at a
million, whatever the LIMIT. The same query written as the words themselves
(``("luyen" OR "luyenh")``) walks the index newest-first and stops at the LIMIT (0.1 ms).
So the search keeps every word the index holds in ``search_fts_terms`` (a few thousand:
Vietnamese has about 7,000 syllables) and expands the prefix there.

On SQLite: ``search_fts_terms`` (one row per word, never removed: a stale word only finds
nothing), ``search_fts_pending`` (the documents written since their words were added, kept by
triggers, so that a writer that goes around :func:`qk3editor.storage.search.index_text`, a
bulk import for instance, is noticed: the search then uses FTS5's own prefix query until
``index_text`` or :func:`qk3editor.storage.search.refresh_terms` has caught up). The existing
index's words are copied from FTS5's vocabulary (about 10 s for a million articles).
On PostgreSQL, where the search was a ``LIKE '%word%'`` scan: ``folded_tsv``, the words of the
folded text (letters a-z and digits: the folded text's words, as our own parser splits them)
as a tsvector the server keeps (a generated column, so every writer is covered), with a GIN
index (see ``storage/search_postgres.py``). Adding the column rewrites the table once.

Revision ID: c14_search_terms
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "c14_search_terms"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_STATEMENTS = (
    "CREATE TABLE search_fts_terms (term TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE search_fts_pending (doc_id INTEGER PRIMARY KEY)",
    # the article of each FTS5 hit read from a small index, not from the row with its text
    # (2,000 hits of a search for the library: 1.3 ms instead of 6.5 at 100,000 articles)
    "CREATE INDEX ix_search_fts_doc_article ON search_documents(id, article_id)",
    "CREATE TRIGGER search_fts_pending_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT OR IGNORE INTO search_fts_pending(doc_id) VALUES (new.id); END",
    "CREATE TRIGGER search_fts_pending_au AFTER UPDATE OF plain, folded ON search_documents "
    "BEGIN INSERT OR IGNORE INTO search_fts_pending(doc_id) VALUES (new.id); END",
)

POSTGRES_STATEMENTS = (
    "ALTER TABLE search_documents ADD COLUMN folded_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "
    "regexp_replace(folded, '[^a-z0-9]+', ' ', 'g'))) STORED",
    "CREATE INDEX ix_search_documents_folded_tsv ON search_documents USING gin (folded_tsv)",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_STATEMENTS:
            op.execute(statement)
        from qk3editor.storage.search_terms import refresh_terms

        refresh_terms(bind)
    elif bind.dialect.name == "postgresql":
        for statement in POSTGRES_STATEMENTS:
            op.execute(statement)
        op.execute("ANALYZE search_documents")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("search_fts_pending_ai", "search_fts_pending_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts_pending")
        op.execute("DROP TABLE IF EXISTS search_fts_terms")
        op.execute("DROP INDEX IF EXISTS ix_search_fts_doc_article")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_documents_folded_tsv")
        op.execute("ALTER TABLE search_documents DROP COLUMN IF EXISTS folded_tsv")
