"""The PostgreSQL side of live updates (issue 16): every change to a watched table is
announced on the channel ``qk3_changes`` as ``{"kind": ..., "ids": [...], "origin": ...}``.

``kind`` is one of the GUI's change kinds (``qk3editor.ui.operations.CHANGE_KINDS``) plus
``lease``; ``origin`` is the writer's ``application_name`` (:func:`origin_name`), so that a
process can skip what it announced itself. One function, ``qk3_notify_change()``, serves
every trigger (its arguments: the kind and the id column). Installing is idempotent and only
touches tables that exist, so it can run again after later migrations (``newsroom init``).
"""

from __future__ import annotations

import os
import socket
from typing import Any

CHANNEL = "qk3_changes"

# table -> (kind, id column)
WATCHED: dict[str, tuple[str, str]] = {
    "articles": ("article", "id"),
    "photos": ("photo", "id"),
    "article_photos": ("article_photos", "article_id"),
    "publish_jobs": ("outbox", "id"),
    "publish_targets": ("target", "name"),
    "article_leases": ("lease", "article_id"),
}

FUNCTION = f"""
CREATE OR REPLACE FUNCTION qk3_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'kind', TG_ARGV[0],
        'ids', json_build_array(r -> TG_ARGV[1]),
        'origin', current_setting('application_name', true))::text);
    RETURN NULL;
END
$$
"""


def origin_name() -> str:
    """This process's ``application_name`` on PostgreSQL (at most 63 bytes)."""
    return f"qk3editor {socket.gethostname()[:40]} {os.getpid()}"


def install(conn: Any) -> None:
    """The function and one trigger per watched table that exists (a SQLAlchemy connection)."""
    conn.exec_driver_sql(FUNCTION)
    for table, (kind, column) in WATCHED.items():
        found = conn.exec_driver_sql(f"SELECT to_regclass('{table}')").scalar()
        if found is None:
            continue
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS qk3_notify ON {table}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS qk3_notify_update ON {table}")
        call = f"EXECUTE FUNCTION qk3_notify_change('{kind}', '{column}')"
        if table == "article_leases":
            # a heartbeat (every few seconds per open article) is no news: only a new
            # holder, a release or a takeover is announced
            conn.exec_driver_sql(
                f"CREATE TRIGGER qk3_notify AFTER INSERT OR DELETE ON {table} FOR EACH ROW {call}"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER qk3_notify_update AFTER UPDATE ON {table} FOR EACH ROW "
                "WHEN (OLD.holder IS DISTINCT FROM NEW.holder OR OLD.host IS DISTINCT FROM "
                "NEW.host OR OLD.pid IS DISTINCT FROM NEW.pid OR "
                f"OLD.acquired_at IS DISTINCT FROM NEW.acquired_at) {call}"
            )
        else:
            conn.exec_driver_sql(
                f"CREATE TRIGGER qk3_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW {call}"
            )


def uninstall(conn: Any) -> None:
    for table in WATCHED:
        if conn.exec_driver_sql(f"SELECT to_regclass('{table}')").scalar() is None:
            continue
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS qk3_notify ON {table}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS qk3_notify_update ON {table}")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS qk3_notify_change()")
