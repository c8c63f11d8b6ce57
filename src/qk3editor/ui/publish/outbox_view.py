"""The outbox: every publish job, its state and error; retry or cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.i18n import QT_TRANSLATE_NOOP, Translator
from qk3editor.core.publish_data import Job, JobState
from qk3editor.core.timezones import to_local
from qk3editor.publish.service import PublishServices
from qk3editor.ui.operations import Operations

Index = QModelIndex | QPersistentModelIndex

STATE_LABELS = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("Outbox", "Queued"),
    JobState.RUNNING: QT_TRANSLATE_NOOP("Outbox", "Sending"),
    JobState.WAITING: QT_TRANSLATE_NOOP("Outbox", "Waiting to retry"),
    JobState.DONE: QT_TRANSLATE_NOOP("Outbox", "Published"),
    JobState.FAILED: QT_TRANSLATE_NOOP("Outbox", "Failed"),
    JobState.CONFLICT: QT_TRANSLATE_NOOP("Outbox", "Conflict"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("Outbox", "Cancelled"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("Outbox", "Job"),
    QT_TRANSLATE_NOOP("Outbox", "State"),
    QT_TRANSLATE_NOOP("Outbox", "Target"),
    QT_TRANSLATE_NOOP("Outbox", "Article"),
    QT_TRANSLATE_NOOP("Outbox", "Updated"),
    QT_TRANSLATE_NOOP("Outbox", "Link or error"),
)


class OutboxModel(QAbstractTableModel):
    """Over job ids, with a lazy row cache."""

    def __init__(
        self, services: PublishServices, translator: Translator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._translator = translator
        self._ids: list[int] = []
        self._cache: dict[int, Job] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._services.repo.job_ids()
        self._cache.clear()
        self.endResetModel()

    def job_at(self, row: int) -> Job:
        job_id = self._ids[row]
        if job_id not in self._cache:
            self._cache[job_id] = self._services.repo.job(job_id)
        return self._cache[job_id]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Outbox", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        job = self.job_at(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return job.id
        col = index.column()
        if col == 0:
            return job.id
        if col == 1:
            return QCoreApplication.translate("Outbox", STATE_LABELS[job.state])
        if col == 2:
            return job.target
        if col == 3:
            return str(job.payload.get("article", {}).get("title", job.article_id))
        if col == 4:
            return to_local(job.updated_at).strftime("%d/%m/%Y %H:%M")
        return job.link or job.error_message or ""


class OutboxDialog(QDialog):
    """The jobs; Retry and Cancel are operations, the table follows ``outbox`` changes."""

    def __init__(
        self, services: PublishServices, ops: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outbox"))
        self.services = services
        self.ops = ops
        self.translator = ops.translator or Translator("en")
        self.model = OutboxModel(services, self.translator, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.cancel_button = QPushButton(self.tr("Cancel job"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.error_label = QLabel(self)  # why the last Retry/Cancel did not happen
        self.error_label.setObjectName("outboxError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        row = QHBoxLayout()
        for b in (self.retry_button, self.cancel_button, self.refresh_button):
            row.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        layout.addWidget(close)
        self.retry_button.clicked.connect(lambda: self._act(self.services.outbox.retry))
        self.cancel_button.clicked.connect(lambda: self._act(self.services.outbox.cancel))
        self.refresh_button.clicked.connect(self.model.reload)
        ops.bus.changed.connect(self._on_bus_changed)
        self.resize(900, 400)
        self.last_error = ""

    def _on_bus_changed(self, kind: str, _ids: tuple[object, ...]) -> None:
        if kind == "outbox":
            self.model.reload()

    def selected_job(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.mapToSource(index).siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)

    def _act(self, op: Callable[[int], object]) -> None:
        job_id = self.selected_job()
        if job_id is None:
            return
        self.ops.run(
            lambda: op(job_id),
            changes=[("outbox", [job_id])],
            on_done=lambda _r: self._show_error(""),
            on_error=lambda exc: self._show_error(self.ops.describe(exc)),
        )

    def _show_error(self, text: str) -> None:
        self.last_error = text
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
