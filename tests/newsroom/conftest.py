"""Fixtures of the newsroom tests: a PostgreSQL store made a newsroom, and its users."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import keyring
import pytest
from sqlalchemy import make_url

from qk3editor.core.roles import Role
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.newsroom import add_user, init_newsroom
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.publish.helpers import MemoryKeyring


@pytest.fixture
def newsroom(fresh_postgres: str) -> Iterator[Store]:  # noqa: F811
    """The store as its owner (the server's superuser), after ``newsroom init``."""
    store = open_store(fresh_postgres)
    init_newsroom(store)
    yield store
    store.close()


@pytest.fixture
def make_user(newsroom: Store) -> Iterator[Callable[[Role], tuple[str, str]]]:
    """``make_user(role)`` -> (login, URL): a new user (unique name: roles are cluster-wide)."""
    opened: list[Store] = []

    def make(role: Role) -> tuple[str, str]:
        name = f"u{uuid.uuid4().hex[:10]}_{role.value}"
        add_user(newsroom, name, "mật khẩu " + name, role)
        url = make_url(newsroom.url).set(username=name)
        return name, url.render_as_string(hide_password=False)

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def memkeyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def newsroom_url(fresh_postgres: str) -> Iterator[str]:  # noqa: F811
    """A newsroom store (the schema migrated, no roles set up) on the test server; its URL."""
    open_store(fresh_postgres).close()
    yield fresh_postgres
