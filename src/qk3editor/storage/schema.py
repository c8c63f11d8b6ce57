"""Every table of the store, in one metadata: what the migrations must build.

Each feature keeps its models in its own module; importing them all here gives alembic and
the schema test the whole picture, whichever modules the rest of the process has loaded.
"""

from __future__ import annotations

from qk3editor.storage import (
    desk_models,
    editor_models,
    lease_models,
    photos_models,
    publication_models,
    publish_models,
    search,
)
from qk3editor.storage.articles_models import Base

# Named so that a checker (and a reader) sees why they are imported.
FEATURE_MODULES = (
    desk_models,
    editor_models,
    lease_models,
    photos_models,
    publication_models,
    publish_models,
    search,
)
metadata = Base.metadata
