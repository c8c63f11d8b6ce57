"""What a Ctrl+C left behind, said in one line.

A command that does its work in steps says, as it goes, what an interrupt would leave and how
to go on (:func:`note`); ``cli.main`` prints that line (``qk3editor: stopped (Ctrl+C): ...``)
and exits 130. Without a note, the command's work is one store transaction: nothing changed.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from qk3editor.core.i18n import translate

_note: Callable[[], str] | None = None


def note(describe: Callable[[], str] | None) -> None:
    """``describe()`` says, at the moment of an interrupt, what was left and how to resume."""
    global _note
    _note = describe


def interrupted_line() -> str:
    """The one line printed on Ctrl+C (in the active language)."""
    detail = ""
    if _note is not None:
        try:
            detail = _note()
        except Exception:  # the line must be printed whatever the command's state
            detail = ""
    if not detail:
        detail = translate("cli", "nothing was changed; run the same command again to do the work")
    return translate("cli", "qk3editor: stopped (Ctrl+C): {detail}").format(detail=detail)


@contextmanager
def ctrl_c_stops(cancel: threading.Event) -> Iterator[None]:
    """While inside, the first Ctrl+C sets ``cancel`` (the work stops between files and keeps
    what is done); a second one interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(_signum: int, _frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
