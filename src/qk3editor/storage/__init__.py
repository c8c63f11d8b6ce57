"""SQLAlchemy 2 storage: models, migrations and repositories that return frozen dataclasses.

Nothing outside this package knows which database it runs on. The package itself imports
nothing heavy, so that :mod:`qk3editor.storage.quick` can serve the first frame without
SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # at run time they are loaded on first use (see __getattr__)
    from qk3editor.storage.db import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from qk3editor.storage import db

        return getattr(db, name)
    raise AttributeError(name)
