"""Publish targets: list, add (login checked first; secret to the keyring or the encrypted
file), edit, test, remove. The panel (:mod:`targets_panel`, also a preferences page) in a dialog
of its own; the list model is in :mod:`targets_model`."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from qk3editor.publish.service import PublishServices
from qk3editor.ui.operations import Operations
from qk3editor.ui.publish.targets_model import TargetsModel
from qk3editor.ui.publish.targets_panel import TargetsPanel

__all__ = ["TargetsDialog", "TargetsModel", "TargetsPanel"]


class TargetsDialog(QDialog):
    """The targets panel in a dialog of its own (menu Publish → Targets…)."""

    def __init__(
        self,
        services: PublishServices,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish targets"))
        self.panel = TargetsPanel(services, ops, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(close)

    def __getattr__(self, name: str) -> Any:
        """The panel's widgets and actions (``dialog.add_button``...), as before the panel."""
        panel = self.__dict__.get("panel")
        if panel is None:
            raise AttributeError(name)
        return getattr(panel, name)
