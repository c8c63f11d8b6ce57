"""The library's row counts kept by the database (issue 14): ``library_counts``.

The library shows how many articles its filters let through before it shows a row. Counting
them (``COUNT(*)`` on an index) grows with the store: 0.5 s at 1M articles on SQLite. Instead
the database keeps, per (status, category), how many articles there are, in a table of a few
dozen rows: triggers on ``articles`` add one on insert, take one on delete, and move one when
an article's status or category changes (whoever writes: the app, a newsroom send, a store
copy, another process, a category deleted, which sets its articles' category to none). A
status/category filter's count is then a sum over at most a few dozen rows.

On PostgreSQL the trigger function is SECURITY DEFINER (it runs as the store's owner), so
that a newsroom login that may write an article needs no grant on this table; the two rows a
move touches are updated in one order (the smaller key first), so that two moves in opposite
directions cannot deadlock on them. The table is filled from the articles in the same
transaction that creates the triggers (on PostgreSQL the trigger's lock holds writers off).

Revision ID: c14_library_counts
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c14_library_counts"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = (
    """CREATE TRIGGER library_counts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO library_counts (status, category_key, n)
        VALUES (NEW.status, COALESCE(NEW.category_id, 0), 1)
        ON CONFLICT (status, category_key) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER library_counts_delete AFTER DELETE ON articles BEGIN
        UPDATE library_counts SET n = n - 1
        WHERE status = OLD.status AND category_key = COALESCE(OLD.category_id, 0);
    END""",
    """CREATE TRIGGER library_counts_update AFTER UPDATE OF status, category_id ON articles
    WHEN OLD.status IS NOT NEW.status OR OLD.category_id IS NOT NEW.category_id BEGIN
        UPDATE library_counts SET n = n - 1
        WHERE status = OLD.status AND category_key = COALESCE(OLD.category_id, 0);
        INSERT INTO library_counts (status, category_key, n)
        VALUES (NEW.status, COALESCE(NEW.category_id, 0), 1)
        ON CONFLICT (status, category_key) DO UPDATE SET n = n + 1;
    END""",
)

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION qk3_library_count() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    old_status text; old_key integer; new_status text; new_key integer;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_status := OLD.status; old_key := COALESCE(OLD.category_id, 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_status := NEW.status; new_key := COALESCE(NEW.category_id, 0);
    END IF;
    -- a move touches two rows: the smaller key first, whichever way it goes
    IF TG_OP = 'UPDATE' AND (new_status, new_key) < (old_status, old_key) THEN
        PERFORM qk3_library_count_add(new_status, new_key, 1);
        PERFORM qk3_library_count_add(old_status, old_key, -1);
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM qk3_library_count_add(old_status, old_key, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM qk3_library_count_add(new_status, new_key, 1);
    END IF;
    RETURN NULL;
END
$$
"""

PG_ADD = """
CREATE OR REPLACE FUNCTION qk3_library_count_add(s text, k integer, d integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    INSERT INTO library_counts (status, category_key, n) VALUES (s, k, d)
    ON CONFLICT (status, category_key) DO UPDATE SET n = library_counts.n + d
$$
"""

PG_TRIGGERS = (
    "CREATE TRIGGER library_counts_write AFTER INSERT OR DELETE ON articles "
    "FOR EACH ROW EXECUTE FUNCTION qk3_library_count()",
    "CREATE TRIGGER library_counts_update AFTER UPDATE OF status, category_id ON articles "
    "FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.category_id IS DISTINCT FROM NEW.category_id) "
    "EXECUTE FUNCTION qk3_library_count()",
)

BACKFILL = (
    "INSERT INTO library_counts (status, category_key, n) "
    "SELECT status, COALESCE(category_id, 0), count(*) FROM articles "
    "GROUP BY status, COALESCE(category_id, 0)"
)


def upgrade() -> None:
    op.create_table(
        "library_counts",
        sa.Column("status", sa.String(20), primary_key=True),
        sa.Column("category_key", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.exec_driver_sql("SELECT current_schema()").scalar()
        op.execute(PG_ADD.format(schema=f'"{schema}"'))
        op.execute(PG_FUNCTION.format(schema=f'"{schema}"'))
        for statement in PG_TRIGGERS:  # first: their lock holds writers off until the commit
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS:  # the migration holds SQLite's write lock
            op.execute(statement)
    op.execute(BACKFILL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS library_counts_write ON articles")
        op.execute("DROP TRIGGER IF EXISTS library_counts_update ON articles")
        op.execute("DROP FUNCTION IF EXISTS qk3_library_count()")
        op.execute("DROP FUNCTION IF EXISTS qk3_library_count_add(text, integer, integer)")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS library_counts_{name}")
    op.drop_table("library_counts")
