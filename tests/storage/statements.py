"""Counting the statements a piece of code sends to the store, at the driver (issue 14).

SQLAlchemy's ``before_cursor_execute`` does not see what reads the driver's cursor directly
(``storage.db.first_column``) nor the pool's ping, so the count is taken below it: SQLite's
trace callback (every statement the library runs) and, on PostgreSQL, a psycopg cursor
class that counts its ``execute`` calls. Transaction control (``BEGIN``, ``COMMIT``,
``ROLLBACK``) and the pool's ping are kept apart from the queries; ``checkouts`` counts the
sessions (each a connection taken from the pool).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event

from qk3editor.storage.db import Store

CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@dataclass
class Statements:
    queries: list[str] = field(default_factory=list)
    control: list[str] = field(default_factory=list)
    checkouts: int = 0

    def note(self, sql: str) -> None:
        text = " ".join(sql.split())
        if not text.strip(" ;"):
            self.control.append("ping")
        elif text.upper().startswith(CONTROL) or text.upper().startswith("PRAGMA"):
            self.control.append(text)
        else:
            self.queries.append(text)

    def clear(self) -> None:
        self.queries.clear()
        self.control.clear()
        self.checkouts = 0


@contextmanager
def counted(store: Store) -> Iterator[Statements]:
    """Count what goes to ``store`` inside the block (its pooled connections are closed
    first, so each one is traced from its first statement)."""
    seen = Statements()

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        if hasattr(dbapi_conn, "set_trace_callback"):  # sqlite3
            dbapi_conn.set_trace_callback(seen.note)
            return
        base = dbapi_conn.cursor_factory  # psycopg

        class Counting(base):  # type: ignore[misc, valid-type]
            def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
                seen.note(str(query))
                return super().execute(query, *args, **kwargs)

        dbapi_conn.cursor_factory = Counting

    def on_checkout(*_args: Any) -> None:
        seen.checkouts += 1

    store.engine.dispose()
    event.listen(store.engine, "connect", on_connect)
    event.listen(store.engine, "checkout", on_checkout)
    try:
        yield seen
    finally:
        event.remove(store.engine, "connect", on_connect)
        event.remove(store.engine, "checkout", on_checkout)
        store.engine.dispose()
