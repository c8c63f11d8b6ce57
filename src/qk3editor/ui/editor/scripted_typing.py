"""Test-only: type scripted text into the body through real Qt input events.

Enabled by the environment variable ``QK3EDITOR_TEST_TYPING`` (a UTF-8 file with the text to
type). Used by the kill harness (tests/ui/test_kill_harness.py, benchmarks/kill_harness.py):
the app creates a new article, focuses its body and types one character every
``QK3EDITOR_TEST_TYPING_MS`` (default 20) — ASCII through ``QTest.keyClick`` key events,
everything else (Vietnamese) as ``QInputMethodEvent`` commits, the way an IME delivers it —
and prints ``typed N`` after each character so the harness knows what was typed when it kills.
Nothing here runs unless that variable is set.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

ENV_TEXT = "QK3EDITOR_TEST_TYPING"
ENV_INTERVAL = "QK3EDITOR_TEST_TYPING_MS"
ENV_REPORT = "QK3EDITOR_TEST_REPORT"


def type_char(edit: QPlainTextEdit, ch: str) -> None:
    """One character through the event path a user's keyboard or IME would take."""
    from PySide6.QtTest import QTest  # loaded only when typing is scripted, not at start-up

    if ch == "\n":
        QTest.keyClick(edit, Qt.Key.Key_Return)
    elif ch.isascii() and ch.isprintable():
        QTest.keyClick(edit, ch)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(edit, event)


class ScriptedTyping(QObject):
    def __init__(
        self, edit: QPlainTextEdit, text: str, interval_ms: int, on_done: Callable[[], None]
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.text = text
        self.pos = 0
        self.on_done = on_done
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.edit.setFocus()
        self.timer.start()

    def _on_tick(self) -> None:
        if self.pos >= len(self.text):
            self.timer.stop()
            self.on_done()
            return
        type_char(self.edit, self.text[self.pos])
        self.pos += 1
        print(f"typed {self.pos}", flush=True)


def scripted_text() -> tuple[str, int] | None:
    path = os.environ.get(ENV_TEXT)
    if not path:
        return None
    return Path(path).read_text(encoding="utf-8"), int(os.environ.get(ENV_INTERVAL, "20"))


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
