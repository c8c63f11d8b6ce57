"""The publish targets as a list model (names, kinds, addresses) for the targets panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from qk3editor.core.publish_data import Target
from qk3editor.publish.service import PublishServices

Index = QModelIndex | QPersistentModelIndex


class TargetsModel(QAbstractListModel):
    def __init__(self, services: PublishServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[Target] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._services.repo.targets()
        self.endResetModel()

    def targets(self) -> list[Target]:
        """The targets as last read (their portal profiles included)."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{t.name} — {t.kind.value} — {t.url} ({t.user})"
        if role == Qt.ItemDataRole.UserRole:
            return t.name
        return None
