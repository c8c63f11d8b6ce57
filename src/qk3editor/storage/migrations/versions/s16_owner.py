"""Who created each article and photo (issue 16): ``articles.owner``, ``photos.owner``.

On PostgreSQL the server sets the owner: a BEFORE INSERT trigger writes ``session_user`` (the
login) whatever the client sent, and a BEFORE UPDATE trigger keeps it unchanged, so that the
row-level security policies of ``newsroom init`` can trust it. On SQLite the repositories
write the settings' user name (there are no logins there). Rows from before have no owner
(NULL): on a newsroom only editors may change them.

Revision ID: s16_owner
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s16_owner"
# after 0004 (photos must exist), as s11_error_params follows 0005: a depends_on would keep
# 0004 out of alembic_version, which the start-up's text reading of the heads cannot know
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("articles", "photos")

OWNER_FUNCTION = """
CREATE OR REPLACE FUNCTION qk3_set_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.owner := session_user;
    ELSE
        NEW.owner := OLD.owner;
    END IF;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("owner", sa.String(200), nullable=True))
        op.create_index(f"ix_{table}_owner", table, ["owner"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(OWNER_FUNCTION)
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_owner BEFORE INSERT OR UPDATE OF owner ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION qk3_set_owner()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_owner ON {table}")
        op.execute("DROP FUNCTION IF EXISTS qk3_set_owner()")
    for table in TABLES:
        op.drop_index(f"ix_{table}_owner", table_name=table)
        op.drop_column(table, "owner")
