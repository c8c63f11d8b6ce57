"""The ingest report: one line per file that was not simply imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qk3editor.photos.ingest import IngestReport


class IngestReportDialog(QDialog):
    """A transient report (not stored data), so a QTableWidget is fine here."""

    def __init__(self, report: IngestReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ingestReport")
        self.setWindowTitle(self.tr("Import report"))
        status = {
            "imported": self.tr("imported"),
            "duplicate": self.tr("duplicate"),
            "error": self.tr("error"),
            "cancelled": self.tr("cancelled"),
        }
        summary = QLabel(
            self.tr("{0} imported, {1} duplicates, {2} errors, {3} cancelled").format(
                report.count("imported"),
                report.count("duplicate"),
                report.count("error"),
                report.count("cancelled"),
            ),
            self,
        )
        rows = [i for i in report.items if i.status != "imported"]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Detail")]
        )
        for r, item in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(Path(item.path).name))
            self.table.setItem(r, 1, QTableWidgetItem(status.get(item.status, item.status)))
            detail = item.message if item.status != "duplicate" else item.duplicate_of
            self.table.setItem(r, 2, QTableWidgetItem(detail))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
