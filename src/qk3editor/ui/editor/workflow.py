"""Workflow actions: the moves core allows from the article's state, as buttons and menu items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction

from qk3editor.core.articles import Status, can_transition
from qk3editor.core.i18n import QT_TRANSLATE_NOOP

# What the button says for a move to each state.
ACTION_LABELS: dict[Status, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("workflow", "Back to draft"),
    Status.SUBMITTED: QT_TRANSLATE_NOOP("workflow", "Submit"),
    Status.APPROVED: QT_TRANSLATE_NOOP("workflow", "Approve"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("workflow", "Mark published"),
    Status.CORRECTED: QT_TRANSLATE_NOOP("workflow", "Mark corrected"),
    Status.UNPUBLISHED: QT_TRANSLATE_NOOP("workflow", "Unpublish"),
}


class WorkflowActions(QObject):
    """One action per target state; only the moves allowed now are enabled."""

    move_requested = Signal(object)  # Status
    updated = Signal(object)  # the Status (or None) the actions were set for

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions: dict[Status, QAction] = {}
        # why the newsroom role may not make a move (None: it may); ui.roles sets it
        self.refusal: Callable[[Status], str | None] = lambda _target: None
        for target, label in ACTION_LABELS.items():
            action = QAction(QCoreApplication.translate("workflow", label), self)
            action.setObjectName(f"workflow_{target.value}")
            action.triggered.connect(lambda _c=False, t=target: self.move_requested.emit(t))
            self.actions[target] = action
        self.update_for(None)

    def update_for(self, status: Status | None) -> None:
        for target, action in self.actions.items():
            allowed = (
                status is not None
                and status is not Status.SPIKED
                and can_transition(status, target)
            )
            why = self.refusal(target) if allowed else None
            action.setEnabled(allowed and why is None)
            action.setVisible(allowed)
            action.setToolTip(why or "")
        self.updated.emit(status)
