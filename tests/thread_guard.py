"""The GUI tests' thread guard: no store write and no keyring call on the GUI thread.

Installed by an autouse fixture (tests/ui/conftest.py, the GUI publish tests). It listens to
every SQLAlchemy engine (``before_cursor_execute``) and wraps the keyring calls of
:class:`~qk3editor.publish.secrets.SecretStore`. A write statement or keyring call is a
violation when it runs on the main (GUI) thread, outside any TaskRunner job
(:func:`qk3editor.ui.tasks.current_lane`: the inline test runner runs a job on the calling
thread but marks it), and with GUI code (``qk3editor/ui``, ``qk3editor/app.py``) on the call
stack: a test's own setup (``ctx.articles.create(...)``) is not GUI code and may write.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
KEYRING_CALLS = ("set", "get", "delete", "available")
GUI_CODE = ("/qk3editor/ui/", "/qk3editor/app.py")


class ThreadGuard:
    def __init__(self) -> None:
        self.violations: list[str] = []

    def check(self, what: str) -> None:
        from qk3editor.ui.tasks import current_lane

        if threading.current_thread() is not threading.main_thread():
            return
        if current_lane() is not None:
            return
        caller = _gui_caller()
        if caller is not None:
            self.violations.append(f"{what} on the GUI thread, from {caller}")

    def _on_execute(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            self.check(statement.split("\n", 1)[0][:80])


def _gui_caller() -> str | None:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename.replace("\\", "/")
        if any(part in name for part in GUI_CODE):
            return f"{name.rsplit('/qk3editor/', 1)[-1]}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return None


def _guarded(guard: ThreadGuard, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        guard.check(f"keyring {name}")
        return fn(*args, **kwargs)

    return call


@contextmanager
def thread_guard() -> Iterator[ThreadGuard]:
    """Active inside the block; the caller asserts ``guard.violations`` is empty."""
    from qk3editor.publish.secrets import SecretStore

    guard = ThreadGuard()
    listener = guard._on_execute
    event.listen(Engine, "before_cursor_execute", listener)
    originals = {name: getattr(SecretStore, name) for name in KEYRING_CALLS}
    for name, fn in originals.items():
        setattr(SecretStore, name, _guarded(guard, name, fn))
    try:
        yield guard
    finally:
        event.remove(Engine, "before_cursor_execute", listener)
        for name, fn in originals.items():
            setattr(SecretStore, name, fn)
