"""One-click publishing: preflight, then each step with progress, ending with the public link.

The work runs on the TaskRunner's ``io`` lane; progress comes back through a queued signal.
A failure names the step and the reason (Vietnamese through the .ts); the article itself is
never changed by a publish.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from qk3editor.core.articles import Article, iso_utc, utcnow
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import Translator
from qk3editor.core.preflight import (
    default_text_checker,
    publish_preflight,
)
from qk3editor.core.publish_data import (
    Job,
    JobState,
    PublishPhoto,
)
from qk3editor.publish.service import PublishServices
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.ui.editor.preview_target import PreviewTargetChooser
from qk3editor.ui.operations import ChangeBus, Operations
from qk3editor.ui.publish.conflict_dialog import ConflictDialog
from qk3editor.ui.publish.dialog import (
    STEP_LABELS,
    PublishDialog,
    _link_html,
    tr,
)
from qk3editor.ui.publish.outbox_view import OutboxDialog
from qk3editor.ui.publish.targets_dialog import TargetsDialog
from qk3editor.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _log_failure(exc: BaseException) -> None:
    """A background outbox run failed outside any job (jobs record their own errors): logged,
    not shown, since it repeats every minute."""
    log.warning("outbox background run failed", exc_info=exc)


def default_who() -> str:
    """The OS account (app wiring gives the settings' name instead)."""
    from qk3editor.core.settings import Settings

    return Settings().who


class _Relay(QObject):
    progressed = Signal(object)


class PublishController(QObject):
    finished = Signal(object)  # the Job

    def __init__(
        self,
        services: PublishServices,
        articles: ArticleRepository,
        runner: TaskRunner,
        translator: Translator,
        parent: QWidget,
        ops: Operations | None = None,
    ) -> None:
        """``ops``: the app's operations (app.build_gui); a controller built alone gets its own."""
        super().__init__(parent)
        self.services = services
        self.articles = articles
        self.runner = runner
        self.ops = ops if ops is not None else Operations(runner, ChangeBus(self), translator, self)
        self.translator = translator
        self.parent_widget = parent
        self.dialog: PublishDialog | None = None
        self._relay = _Relay(self)
        self.ask_conflict = self._ask_conflict  # replaced in tests
        self.who: Callable[[], str] = default_who  # the person recorded on a publish
        # the house tone style of the moment (app wiring reads the settings; preferences may
        # change it while the window is open): the preflight advises toward it, as `check` does
        self.house_style: Callable[[], str] = lambda: "old"
        self.menu: Any = None  # the Publish menu (wiring)
        self.desk: Any = None  # the newsroom desk's controller (ui/publish/desk.py)
        self.preview_targets: PreviewTargetChooser | None = None  # set by install_publishing

    # -- the outbox in the background --------------------------------------------------------
    def recover_outbox(self) -> None:
        """At start: jobs a crash left running wait again; then everything due is sent."""
        self.ops.run(
            self.services.outbox.recover_interrupted,
            changes=[("outbox", ())],
            on_done=lambda _n: self.send_due(),
            on_error=_log_failure,
            lane="io",
        )

    def send_due(self) -> None:
        """Send the jobs whose retry time has come (every minute, from the runner's timer)."""
        outbox = self.services.outbox
        self.ops.run(
            outbox.run_due,
            # articles a newsroom returned (the reporter's sync) are read again everywhere
            changes=lambda _jobs: [("outbox", ()), ("article", tuple(outbox.returned))],
            on_error=_log_failure,
            lane="io",
            key="outbox",
        )

    # -- entry points --------------------------------------------------------------------
    def publish_from_editor(self, editor: Any) -> None:
        """The Publish action: publish exactly what the editor shows.

        The editor's unsaved text is saved through the ``db`` lane, and the article is read
        back on that same single-threaded lane after the save, so the snapshot holds it.
        If the save fails, nothing is published (the editor tells why).
        """
        article_id = getattr(editor, "article_id", None)
        if article_id is None:
            return
        editor.save()
        articles = self.articles
        autosaver = getattr(editor, "autosaver", None)

        def loaded(article: Article) -> None:
            # the save ran before this read on the same lane; its outcome is known now
            if getattr(autosaver, "failing", False):
                QMessageBox.warning(
                    self.parent_widget,
                    QCoreApplication.translate("Publish", "Cannot publish yet"),
                    QCoreApplication.translate(
                        "Publish", "The article could not be saved, so it was not published"
                    ),
                )
                return
            self.publish_article(article)

        self.ops.query(lambda: articles.get(article_id), loaded, self._on_load_error)

    def _on_load_error(self, exc: BaseException) -> None:
        text = self.ops.describe(exc)
        QMessageBox.warning(
            self.parent_widget, QCoreApplication.translate("Publish", "Cannot publish yet"), text
        )

    def publish(self, article_id: str | None) -> PublishDialog | None:
        if article_id is None:
            return None
        return self.publish_article(self.articles.get(article_id))

    def publish_article(self, article: Article) -> PublishDialog | None:
        targets = [t.name for t in self.services.repo.targets()]
        if not targets:
            QMessageBox.warning(
                self.parent_widget,
                QCoreApplication.translate("Publish", "Cannot publish yet"),
                QCoreApplication.translate(
                    "Publish", "No publish target yet: add one under Publish → Targets"
                ),
            )
            return None
        photos = self.services.photo_source(article)
        # the one preflight (core.preflight), the same decision as `qk3editor publish`
        findings = publish_preflight(article, photos, default_text_checker(self.house_style()))
        publications = self.services.outbox.publications
        dialog = PublishDialog(
            targets,
            self.parent_widget,
            article,
            photos=photos,
            findings=findings,
            first_published=lambda t: publications.first_published_at(article.id, t),
            translator=self.translator,
        )
        self.dialog = dialog
        chooser = self.preview_targets
        if chooser is not None:  # the target the preview shows, and the other way round
            chosen = chooser.current()
            if chosen is not None:
                dialog.target.setCurrentText(chosen.name)
            dialog.target.currentTextChanged.connect(chooser.select)
        dialog.start_button.clicked.connect(lambda: self.start(article, dialog, photos))
        dialog.preview_button.clicked.connect(
            lambda: self.preview_on_portal(article, dialog, photos)
        )
        dialog.show()
        return dialog

    def preview_on_portal(
        self, article: Article, dialog: PublishDialog, photos: Sequence[PublishPhoto] | None = None
    ) -> None:
        """ "Xem trên cổng": a draft on the chosen target, then the portal's own preview link
        in the system browser. Nothing becomes public."""
        services, outbox = self.services, self.services.outbox
        target, who, shown = dialog.target.currentText(), self.who(), photos

        def enqueue() -> Job:  # db lane: the photos are read and the draft job written there
            sent = shown if shown is not None else services.photo_source(article)
            return outbox.enqueue_preview(article, sent, target, who)

        dialog.preview_button.setEnabled(False)
        dialog.result.setText(
            QCoreApplication.translate("Publish", "Sending a draft for the preview…")
        )

        def done(finished: Job) -> None:
            dialog.preview_button.setEnabled(True)
            if finished.state is not JobState.DONE:
                self._on_done(finished, dialog)
                return
            link = outbox.preview_link(finished)
            dialog.result.setText(
                QCoreApplication.translate("Publish", "Preview on the portal: %1").replace(
                    "%1", _link_html(link)
                )
            )
            self.open_url(link)

        def failed(exc: BaseException) -> None:
            dialog.preview_button.setEnabled(True)
            if isinstance(exc, QkError):  # e.g. already public there: said as it is
                dialog.result.setText(html.escape(exc.message(self.translator)))
            else:
                self._on_error(exc, dialog)

        def send(job: Job) -> None:
            self.ops.run(
                lambda: outbox.run_job(job.id),
                changes=[("outbox", [job.id])],
                on_done=done,
                on_error=failed,
                lane="io",
            )

        self.ops.run(
            enqueue, changes=lambda job: [("outbox", [job.id])], on_done=send, on_error=failed
        )

    def open_url(self, link: str) -> None:
        """The system browser (replaced in tests)."""
        QDesktopServices.openUrl(QUrl(link))

    def start(
        self, article: Article, dialog: PublishDialog, photos: Sequence[PublishPhoto] | None = None
    ) -> None:
        problem = dialog.schedule_problem()
        if problem is not None:
            dialog.result.setText(problem)
            return
        if dialog.blocked():
            dialog.result.setText(
                QCoreApplication.translate(
                    "Publish",
                    "The preflight found blocking items: fix them, or tick “Publish anyway”.",
                )
            )
            return
        dialog.start_button.setEnabled(False)
        self._relay.progressed.connect(dialog.show_progress, Qt.ConnectionType.QueuedConnection)
        target = dialog.target.currentText()
        status = dialog.chosen_status()
        publish_at = dialog.publish_at()
        services = self.services
        forced = None
        if dialog.forced():
            forced = {
                "by": self.who(),
                "at": iso_utc(utcnow()),
                "findings": [f.code for f in dialog.blocking],
            }
        who = self.who()
        shown = photos  # the photos the dialog showed (None: read them on the db lane)

        def enqueue() -> Job:  # db lane: the photos are read and the job written there
            sent = shown if shown is not None else services.photo_source(article)
            return services.outbox.enqueue(
                article, sent, target, status, publish_at, who=who, forced=forced
            )

        self.ops.run(
            enqueue,
            changes=lambda job: [("outbox", [job.id])],
            on_done=lambda job: self._send(job.id, dialog, progress=True),
            on_error=lambda exc: self._on_error(exc, dialog),
        )

    def _send(self, job_id: int, dialog: PublishDialog, progress: bool = False) -> None:
        """Run the job on the ``io`` lane (uploads take long); the outbox records each step."""
        outbox = self.services.outbox
        emit = self._relay.progressed.emit if progress else None
        self.ops.run(
            lambda: outbox.run_job(job_id, progress=emit),
            # the article may now be published (status, library column): announced too
            changes=lambda done: [("outbox", [job_id]), ("article", [done.article_id])],
            on_done=lambda done: self._on_done(done, dialog),
            on_error=lambda exc: self._on_error(exc, dialog),
            lane="io",
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
                    "%1", _link_html(job.link or "")
                )
            )
        elif job.state is JobState.CONFLICT and job.conflict is not None:
            dialog.result.setText(
                QCoreApplication.translate(
                    "Publish", "Edited on the server: nothing was overwritten"
                )
            )
            overwrite = bool(self.ask_conflict(job.conflict))
            outbox, job_id = self.services.outbox, job.id
            self.ops.run(
                lambda: outbox.resolve_conflict(job_id, overwrite=overwrite),
                changes=[("outbox", [job_id])],
                on_done=(lambda _r: self._send(job_id, dialog)) if overwrite else None,
                on_error=lambda exc: self._on_error(exc, dialog),
            )
            if overwrite:
                return
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
        """The job's error (stored as code + params), translated here for the window."""
        return job.error_text(self.translator) or job.error_code or ""

    def _on_error(self, exc: BaseException, dialog: PublishDialog) -> None:
        text = self.ops.describe(exc)
        dialog.result.setText(
            QCoreApplication.translate("Publish", "Publishing failed: %1").replace("%1", text)
        )

    def _ask_conflict(self, conflict: dict[str, Any]) -> bool:
        return ConflictDialog(conflict, self.parent_widget).exec() == QDialog.DialogCode.Accepted

    def show_targets(self) -> TargetsDialog:
        dialog = TargetsDialog(self.services, self.ops, self.parent_widget)
        dialog.show()
        return dialog

    def show_outbox(self) -> OutboxDialog:
        dialog = OutboxDialog(self.services, self.ops, self.parent_widget)
        dialog.show()
        return dialog
