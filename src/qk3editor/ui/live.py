"""Live updates in the window (issue 16): what other processes change on a PostgreSQL store
arrives on the :class:`~qk3editor.ui.operations.ChangeBus` within a moment, as if this window
had made the change (libraries, open articles, the photo desk and the outbox refresh).

The listener (:class:`qk3editor.storage.change_listener.ChangeListener`) runs on a background
thread of the task runner; its batches come to the GUI thread through a queued signal. A
SQLite store (one machine) has no listener: nothing changes there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from qk3editor.storage.change_listener import RESYNC, Change, ChangeListener
from qk3editor.ui.operations import CHANGE_KINDS, ChangeBus

if TYPE_CHECKING:
    from qk3editor.context import AppContext


class LiveUpdates(QObject):
    arrived = Signal(object)  # a batch of changes (from the listener's thread)

    def __init__(self, bus: ChangeBus, resync: list[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.resync = resync  # callables run after a reconnect (the library's refresh)
        self.received = 0  # batches handled (tests wait on it)
        self.listener: ChangeListener | None = None
        self.arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)

    def deliver(self, batch: list[Change]) -> None:
        """On the listener's thread: hand the batch to the GUI thread (if the window lives)."""
        if shiboken6.isValid(self):
            self.arrived.emit(batch)

    def _on_arrived(self, batch: list[Change]) -> None:
        self.received += 1
        for kind, ids in batch:
            if kind == RESYNC:
                for fn in self.resync:
                    fn()
                for k in ("photo", "outbox", "target"):
                    self.bus.announce_remote(k, ())
            elif kind in CHANGE_KINDS:
                self.bus.announce_remote(kind, ids)


def install_live_updates(
    ctx: AppContext, bus: ChangeBus, resync: list[Any], parent: QObject
) -> LiveUpdates | None:
    """Start listening when the store is PostgreSQL (None on SQLite)."""
    if ctx.store.is_sqlite:
        return None
    live = LiveUpdates(bus, resync, parent)
    live.listener = ChangeListener(ctx.store.url, live.deliver)
    ctx.tasks.background("listen", live.listener.run, live.listener.stop)
    return live
