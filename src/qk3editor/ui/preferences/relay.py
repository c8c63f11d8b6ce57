"""The one settings-changed signal of the GUI: AppContext's subscription, relayed in Qt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class SettingsRelay(QObject):
    """``changed(settings)`` after every ``ctx.update_settings``; GUI parts connect to it."""

    changed = Signal(object)

    def __init__(self, ctx: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = ctx.subscribe_settings(self.changed.emit)
        self.destroyed.connect(lambda *_: self._unsubscribe())
