"""Alembic environment: run programmatically by :func:`qk3editor.storage.db.migrate`."""

from __future__ import annotations

from alembic import context

from qk3editor.storage.schema import metadata
from qk3editor.storage.search import alembic_include_name

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - we never run alembic from its own CLI
    raise RuntimeError("qk3editor runs its migrations itself (qk3editor.storage.db.migrate)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=alembic_include_name,
)
with context.begin_transaction():
    context.run_migrations()
