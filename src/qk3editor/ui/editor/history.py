"""The history panel: an article's revisions, a readable diff between any two, restore."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.revisions import (
    FIELD_LABELS,
    REASON_LABELS,
    Revision,
    diff_html,
    diff_snapshots,
)
from qk3editor.core.timezones import to_local

_Index = QModelIndex | QPersistentModelIndex


class RevisionListModel(QAbstractListModel):
    """The revisions of one article (newest first); a short list, held whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Revision] = []

    def set_revisions(self, revisions: list[Revision]) -> None:
        self.beginResetModel()
        self._rows = list(revisions)
        self.endResetModel()

    def revision(self, row: int) -> Revision:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            reason = _tr_reason(r)
            when = to_local(r.created_at).strftime("%d/%m/%Y %H:%M")
            return f"#{r.number}  {when}  {reason}  {r.who}"
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


def _tr_reason(r: Revision) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("revisions", REASON_LABELS[r.reason])


class HistoryPanel(QWidget):
    """Pick two revisions to see what changed; restore the selected one as a new revision."""

    restore_requested = Signal(int)  # revision id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.model = RevisionListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("revisionList")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("revisionDiff")
        self.hint = QLabel(self.tr("Select two revisions to compare them."), self)
        self.hint.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore this revision"), self)
        self.restore_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.diff, 2)
        layout.addLayout(buttons)
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.restore_button.clicked.connect(self._on_restore_clicked)

    def set_revisions(self, revisions: list[Revision]) -> None:
        self.model.set_revisions(revisions)
        self.diff.clear()
        self.restore_button.setEnabled(False)

    def _selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.list.selectionModel().selectedRows())

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self._selected_rows()
        self.restore_button.setEnabled(len(rows) == 1)
        if len(rows) == 1 and rows[0] + 1 < self.model.rowCount():
            rows = [rows[0], rows[0] + 1]  # one selected: compare with the one before it
        if len(rows) < 2:
            self.diff.clear()
            return
        newer, older = self.model.revision(rows[0]), self.model.revision(rows[-1])
        self.show_diff(older, newer)

    def show_diff(self, older: Revision, newer: Revision) -> None:
        from PySide6.QtCore import QCoreApplication

        labels = {k: QCoreApplication.translate("revisions", v) for k, v in FIELD_LABELS.items()}
        lines = diff_snapshots(older.snapshot, newer.snapshot)
        head = f"<p><b>#{older.number} → #{newer.number}</b></p>"
        if not lines:
            self.diff.setHtml(head + "<p>" + self.tr("No difference.") + "</p>")
        else:
            self.diff.setHtml(head + diff_html(lines, labels))

    def _on_restore_clicked(self) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            self.restore_requested.emit(self.model.revision(rows[0]).id)
