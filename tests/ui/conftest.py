"""Every GUI test runs with the thread guard: no store write or keyring call on the GUI
thread (see tests/thread_guard.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.thread_guard import ThreadGuard, thread_guard


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[ThreadGuard]:
    with thread_guard() as guard:
        yield guard
    assert not guard.violations, "\n".join(guard.violations)
