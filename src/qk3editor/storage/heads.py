"""The schema's newest revisions, read from the migration files as text (no alembic import).

Importing alembic costs a tenth of a second; at start-up we only need to know whether the
store is current, so the revision graph is read without it (alembic runs when it is not).
"""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


def script_heads() -> set[str]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for f in (MIGRATIONS / "versions").glob("*.py"):
        source = f.read_text(encoding="utf-8")
        m = _REVISION.search(source)
        if not m:
            continue
        revisions.add(m.group(1))
        d = _DOWN.search(source)
        if d:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", d.group(1)))
    return revisions - parents
