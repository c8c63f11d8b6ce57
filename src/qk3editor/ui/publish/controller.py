"""One-click publishing: preflight, then each step with progress, ending with the public link.

The work runs on the TaskRunner's ``io`` lane; progress comes back through a queued signal.
A failure names the step and the reason (Vietnamese through the .ts); the article itself is
never changed by a publish.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.articles import Article
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, Translator
from qk3editor.core.publishing import Job, JobState, PublishStatus
from qk3editor.publish.outbox import Progress
from qk3editor.publish.service import PublishServices
from qk3editor.storage.repositories import ArticleRepository
from qk3editor.ui.publish.conflict_dialog import ConflictDialog
from qk3editor.ui.publish.outbox_view import OutboxDialog
from qk3editor.ui.publish.targets_dialog import TargetsDialog
from qk3editor.ui.tasks import TaskRunner

STEP_LABELS = {
    "connect": QT_TRANSLATE_NOOP("Publish", "Connecting"),
    "rendition": QT_TRANSLATE_NOOP("Publish", "Web rendition"),
    "upload": QT_TRANSLATE_NOOP("Publish", "Photo upload"),
    "post": QT_TRANSLATE_NOOP("Publish", "Article"),
    "retry": QT_TRANSLATE_NOOP("Publish", "Retrying"),
    "done": QT_TRANSLATE_NOOP("Publish", "Done"),
}
STATUS_LABELS = {
    PublishStatus.PUBLISH: QT_TRANSLATE_NOOP("Publish", "Publish now"),
    PublishStatus.DRAFT: QT_TRANSLATE_NOOP("Publish", "Draft on the site"),
    PublishStatus.PENDING: QT_TRANSLATE_NOOP("Publish", "Pending review"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Publish", text)


def preflight(article: Article) -> list[str]:
    """A simple preflight until the editor's own exists: what blocks a publish."""
    problems = []
    if not article.title.strip():
        problems.append(QCoreApplication.translate("Publish", "The article has no title"))
    if not article.body.strip():
        problems.append(QCoreApplication.translate("Publish", "The article has no body"))
    if not article.lead.strip():
        problems.append(QCoreApplication.translate("Publish", "The article has no lead"))
    return problems


class _Relay(QObject):
    progressed = Signal(object)


class PublishDialog(QDialog):
    """Choose target and status, then watch the steps."""

    def __init__(self, targets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish"))
        self.target = QComboBox(self)
        self.target.addItems(targets)
        self.status = QComboBox(self)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(tr(label), status.value)
        form = QFormLayout()
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Status"), self.status)
        self.steps = QListWidget(self)
        self.bar = QProgressBar(self)
        self.result = QLabel(self)
        self.result.setOpenExternalLinks(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.steps)
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    def show_progress(self, p: Progress) -> None:
        label = tr(STEP_LABELS.get(p.step, p.step))
        self.steps.addItem(f"{label} {p.done}/{p.total} {p.detail}".strip())
        self.steps.scrollToBottom()
        if p.step in ("upload", "post") and p.total:
            self.bar.setMaximum(p.total)
            self.bar.setValue(p.done)


class PublishController(QObject):
    finished = Signal(object)  # the Job

    def __init__(
        self,
        services: PublishServices,
        articles: ArticleRepository,
        runner: TaskRunner,
        translator: Translator,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.articles = articles
        self.runner = runner
        self.translator = translator
        self.parent_widget = parent
        self.dialog: PublishDialog | None = None
        self._relay = _Relay(self)
        self.ask_conflict = self._ask_conflict  # replaced in tests

    # -- entry points --------------------------------------------------------------------
    def publish(self, article_id: str | None) -> PublishDialog | None:
        if article_id is None:
            return None
        article = self.articles.get(article_id)
        problems = preflight(article)
        targets = [t.name for t in self.services.repo.targets()]
        if not targets:
            problems.append(
                QCoreApplication.translate(
                    "Publish", "No publish target yet: add one under Publish → Targets"
                )
            )
        if problems:
            QMessageBox.warning(
                self.parent_widget,
                QCoreApplication.translate("Publish", "Cannot publish yet"),
                "\n".join(problems),
            )
            return None
        dialog = PublishDialog(targets, self.parent_widget)
        self.dialog = dialog
        dialog.start_button.clicked.connect(lambda: self.start(article, dialog))
        dialog.show()
        return dialog

    def start(self, article: Article, dialog: PublishDialog) -> None:
        dialog.start_button.setEnabled(False)
        self._relay.progressed.connect(dialog.show_progress, Qt.ConnectionType.QueuedConnection)
        target = dialog.target.currentText()
        status = PublishStatus(dialog.status.currentData())
        photos = self.services.photo_source(article)
        outbox = self.services.outbox
        job = outbox.enqueue(article, photos, target, status)
        emit = self._relay.progressed.emit
        self.runner.submit(
            "io",
            lambda: outbox.run_job(job.id, progress=emit),
            lambda done: self._on_done(done, dialog),
            lambda exc: self._on_error(exc, dialog),
        )

    # -- results ---------------------------------------------------------------------------
    def _on_done(self, job: Job, dialog: PublishDialog) -> None:
        try:
            self._relay.progressed.disconnect(dialog.show_progress)
        except (RuntimeError, TypeError):
            pass
        if job.state is JobState.DONE:
            dialog.bar.setValue(dialog.bar.maximum())
            dialog.result.setText(
                QCoreApplication.translate("Publish", "Published: %1").replace(
                    "%1", f'<a href="{job.link}">{job.link}</a>'
                )
            )
        elif job.state is JobState.CONFLICT and job.conflict is not None:
            dialog.result.setText(
                QCoreApplication.translate(
                    "Publish", "Edited on the server: nothing was overwritten"
                )
            )
            if self.ask_conflict(job.conflict):
                self.services.outbox.resolve_conflict(job.id, overwrite=True)
                self.runner.submit(
                    "io",
                    lambda: self.services.outbox.run_job(job.id),
                    lambda done: self._on_done(done, dialog),
                    lambda exc: self._on_error(exc, dialog),
                )
                return
            self.services.outbox.resolve_conflict(job.id, overwrite=False)
        else:
            step = tr(STEP_LABELS.get(job.error_step or "", job.error_step or ""))
            reason = self._reason(job)
            if job.state is JobState.WAITING:
                text = QCoreApplication.translate(
                    "Publish",
                    "Not sent yet (step: %1): %2. It stays in the outbox and goes out "
                    "when the site answers.",
                )
            else:
                text = QCoreApplication.translate("Publish", "Publishing failed at step %1: %2")
            dialog.result.setText(text.replace("%1", step).replace("%2", reason))
        self.finished.emit(job)

    def _reason(self, job: Job) -> str:
        """The job's error, already in the UI language (the outbox uses the active translator)."""
        return job.error_message or job.error_code or ""

    def _on_error(self, exc: BaseException, dialog: PublishDialog) -> None:
        text = exc.message(self.translator) if isinstance(exc, QkError) else type(exc).__name__
        dialog.result.setText(
            QCoreApplication.translate("Publish", "Publishing failed: %1").replace("%1", text)
        )

    def _ask_conflict(self, conflict: dict[str, Any]) -> bool:
        return ConflictDialog(conflict, self.parent_widget).exec() == QDialog.DialogCode.Accepted

    def show_targets(self) -> TargetsDialog:
        dialog = TargetsDialog(self.services, self.runner, self.translator, self.parent_widget)
        dialog.show()
        return dialog

    def show_outbox(self) -> OutboxDialog:
        dialog = OutboxDialog(self.services, self.translator, self.parent_widget)
        dialog.show()
        return dialog
