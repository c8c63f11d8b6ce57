"""The preflight panel: what stands between the article and "ready"; a click jumps there."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from qk3editor.core.preflight import Location, PreflightFinding, PreflightSeverity, is_ready

_Index = QModelIndex | QPersistentModelIndex


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class FindingListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreflightFinding] = []

    def set_findings(self, findings: list[PreflightFinding]) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> PreflightFinding:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "⛔" if f.severity is PreflightSeverity.ERROR else "⚠"
            where = ""
            if f.location.field == "body":
                where = " — " + QCoreApplication.translate("PreflightPanel", "line %1").replace(
                    "%1", str(f.location.line + 1)
                )
            return f"{mark} {f.message(_tr)}{where}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#a30000") if f.severity is PreflightSeverity.ERROR else QColor("#8a6d00")
        return None


class PreflightPanel(QWidget):
    jump_requested = Signal(object)  # Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preflightPanel")
        self.summary = QLabel(self)
        self.summary.setObjectName("preflightSummary")
        self.model = FindingListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("preflightList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.clicked.connect(self._on_list_clicked)
        self.list.activated.connect(self._on_list_clicked)

    def set_findings(self, findings: list[PreflightFinding]) -> None:
        self.model.set_findings(findings)
        if not findings:
            self.summary.setText(self.tr("Ready: nothing to fix."))
        elif is_ready(findings):
            self.summary.setText(self.tr("Ready, with %n remark(s).", "", len(findings)))
        else:
            self.summary.setText(self.tr("Not ready: %n item(s) to fix.", "", len(findings)))

    def _on_list_clicked(self, index: QModelIndex) -> None:
        location: Location = self.model.finding(index.row()).location
        self.jump_requested.emit(location)
