"""SQLAlchemy 2 storage: models, migrations and repositories that return frozen dataclasses.

Nothing outside this package knows which database it runs on.
"""

from qk3editor.storage.db import Store, open_store

__all__ = ["Store", "open_store"]
