"""Autosave: every change is in the store within 2 s of typing.

The clock starts at the first unsaved edit and is not pushed back by later ones, so steady
typing still saves every ``DELAY_MS``. Before reading the widgets the input method's
composition is committed (a Vietnamese word being composed is part of the save). One save is in
flight at a time; edits made meanwhile are saved right after. A failed save (read-only store,
full disk) keeps the text in the editor, tells the user, and is retried until it succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from qk3editor.ui.tasks import TaskRunner

DELAY_MS = 1000
RETRY_MS = 3000


class CompositionTracker(QObject):
    """Knows the input method's uncommitted text (preedit) in the widgets it watches.

    ``commit()`` asks the platform input method to commit; where the platform has none that
    does (offscreen, some IMEs on focus changes), the pending preedit is committed by sending
    the widget the commit event an IME would send, so a word being composed is never lost.
    """

    def __init__(self, widgets: list[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preedit: dict[QWidget, str] = {}
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.InputMethod and isinstance(watched, QWidget):
            assert isinstance(event, QInputMethodEvent)
            self._preedit[watched] = event.preeditString()
        return False

    def pending(self) -> dict[QWidget, str]:
        return {w: p for w, p in self._preedit.items() if p}

    def commit(self) -> None:
        QGuiApplication.inputMethod().commit()
        for widget, text in self.pending().items():
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        self._preedit.clear()


class Autosaver(QObject):
    """Schedules writes of a snapshot taken on the GUI thread; see the module docstring.

    Writes go to the runner's single-threaded ``db`` lane, so they land in the order they
    were taken even when one is submitted while another is still running.
    """

    saved = Signal(object)  # whatever the write returned
    failed = Signal(object)  # the exception (the UI tells the user)
    recovered = Signal()  # a save succeeded after failures

    def __init__(
        self,
        runner: TaskRunner,
        snapshot: Callable[[], Callable[[], Any] | None],
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
        retry_ms: int = RETRY_MS,
        composition: CompositionTracker | None = None,
    ) -> None:
        """``snapshot()`` reads the widgets and returns the write job (or None: nothing open)."""
        super().__init__(parent)
        self.composition = composition
        self.runner = runner
        self.snapshot = snapshot
        self.dirty = False
        self.failing = False
        self.in_flight = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._delay_ms = delay_ms
        self._retry_ms = retry_ms

    def note_edit(self) -> None:
        """A change was made: save within the delay (the clock is not restarted)."""
        self.dirty = True
        if not self._timer.isActive():
            self._timer.start(self._delay_ms)

    def flush(self) -> None:
        """Save now if anything is unsaved (explicit save, switching article, closing)."""
        self._timer.stop()
        if not self.dirty:
            return
        # the word being composed belongs to the save
        if self.composition is not None:
            self.composition.commit()
        else:
            QGuiApplication.inputMethod().commit()
        job = self.snapshot()
        self.dirty = False
        if job is None:
            return
        self.in_flight += 1
        self.runner.submit("db", job, self._on_done, self._on_error)

    def _on_done(self, result: object) -> None:
        self.in_flight -= 1
        if self.failing and not self.dirty:
            self.failing = False
            self.recovered.emit()
        self.saved.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        self.in_flight -= 1
        self.dirty = True  # the text is still in the editor: it is saved on the next try
        self.failing = True
        self.failed.emit(exc)
        self._timer.start(self._retry_ms)
