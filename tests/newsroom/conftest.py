from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.publish.helpers import MemoryKeyring


@pytest.fixture
def memkeyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def newsroom(fresh_postgres: str) -> Iterator[str]:  # noqa: F811
    """A newsroom store (the schema migrated) on the test server; its URL."""
    from qk3editor.storage.db import open_store

    open_store(fresh_postgres).close()
    yield fresh_postgres
