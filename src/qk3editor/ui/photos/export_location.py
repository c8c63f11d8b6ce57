"""The photo desk's web copies and the location choice (issue 7, issue 11): part of
:class:`~qk3editor.ui.photos.controller.PhotoDeskController`, apart to keep the controller's
module under the house's ~450 lines.

Its messages keep the controller's translation context ("PhotoDeskController").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from qk3editor.photos.desk import export_web

if TYPE_CHECKING:
    from qk3editor.core.photos import Photo
    from qk3editor.photos.renditions import RenditionFile, RenditionSpec
    from qk3editor.storage.photos_repository import PhotoRepository
    from qk3editor.ui.operations import Operations
    from qk3editor.ui.photos.view import PhotoDeskView
    from qk3editor.ui.tasks import TaskRunner


class ExportAndLocation:
    """Export for web, the location policy and the per-photo keep-location choice."""

    # (the controller's, set in its __init__)
    repo: PhotoRepository
    runner: TaskRunner
    ops: Operations
    view: PhotoDeskView
    who: str
    location_policy: str
    specs: Sequence[RenditionSpec]
    message: Any
    exported: Any
    location_changed: Any
    _on_error: Callable[[BaseException], None]
    selected_ids: Callable[[], list[int]]
    shown_selection: Callable[[], list[Photo]]

    def _on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.view, QCoreApplication.translate("PhotoDeskController", "Export for web")
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        specs, policy = list(self.specs), self.location_policy

        def done(renditions: list[RenditionFile]) -> None:
            self.message.emit(
                QCoreApplication.translate(
                    "PhotoDeskController", "%n web copies written", "", len(renditions)
                )
            )
            self.exported.emit(renditions)

        self.runner.submit(
            "io",
            lambda: export_web(self.repo, ids, folder, specs, location_policy=policy),
            on_done=done,
            on_error=self._on_error,
        )

    def set_location_policy(self, policy: str) -> None:
        """Preferences › Photos › Location: under ``strip`` every web copy loses its location
        and the per-photo choice is not offered; under ``per_photo`` the Location button
        records a person's choice for the selected photos."""
        self.location_policy = policy
        button = self.view.location_button
        button.setEnabled(policy == "per_photo")
        button.setToolTip(
            QCoreApplication.translate(
                "PhotoDeskController",
                "Choose whether the web copies of the selected photos keep their location",
            )
            if policy == "per_photo"
            else QCoreApplication.translate(
                "PhotoDeskController",
                "Web copies never keep a location (Preferences › Photos › Location in web photos)",
            )
        )

    def _on_location_clicked(self) -> None:
        if self.location_policy != "per_photo":
            return
        photos = self.shown_selection()  # the model's rows: no query per click
        if not photos:
            return
        keep = not all(p.keep_location for p in photos)
        question = (
            QCoreApplication.translate(
                "PhotoDeskController",
                "Publish the selected photos WITH the place where they were taken?",
            )
            if keep
            else QCoreApplication.translate(
                "PhotoDeskController",
                "Remove the location from the web copies of the selected photos again?",
            )
        )
        answer = QMessageBox.question(
            self.view, QCoreApplication.translate("PhotoDeskController", "Location"), question
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.set_keep_location([p.id for p in photos], keep)

    def set_keep_location(self, ids: list[int], keep: bool) -> None:
        """Record the choice, with who made it and when (UTC), on the db lane."""
        who = self.who or "?"
        at = datetime.now(UTC)

        def job() -> list[Photo]:
            return [self.repo.set_keep_location(pid, keep, who, at) for pid in ids]

        self.ops.run(
            job,
            changes=[("photo", ids)],
            on_done=self.location_changed.emit,
            on_error=self._on_error,
        )
