"""The newsroom desk in the window (issue 16): "Gửi về tòa soạn" with a note, returned articles
marked with the desk's comment (library and editor), and the desk's "Trả lại phóng viên".

Every store write goes through ``Operations`` (the send is an outbox job run on the ``io``
lane, like a publish); the views follow the change bus.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.articles import Article
from qk3editor.core.desk import DeskMessage, DeskTextTooLong, desk_text
from qk3editor.core.publish_data import Job, JobState, TargetKind
from qk3editor.core.timezones import to_local
from qk3editor.publish.service import PublishServices
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.desk_repository import DeskRepository
from qk3editor.ui.errors import describe_error
from qk3editor.ui.operations import Operations

RETURNED_STYLE = (
    "QLabel { background: #fff4d6; color: #6b4500; padding: 6px;"
    " border-bottom: 1px solid #e0c27a; }"
)


def void(_value: object) -> None:
    """Drop a result (a callback that must return nothing)."""


def returned_text(m: DeskMessage) -> str:
    """“Tòa soạn trả lại (Trưởng ban, 05/12/2026 09:40): comment” — plain text."""
    who = m.author_name or m.author or QCoreApplication.translate("Desk", "the desk")
    when = to_local(m.created_at).strftime("%d/%m/%Y %H:%M")
    return (
        QCoreApplication.translate("Desk", "Returned by the desk (%1, %2): %3")
        .replace("%1", who)
        .replace("%2", when)
        .replace("%3", m.text)
    )


class SendToDeskDialog(QDialog):
    """Which newsroom, and a note for the desk."""

    def __init__(self, targets: list[str], article: Article, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("sendToDeskDialog")
        self.setWindowTitle(QCoreApplication.translate("Desk", "Send to the desk"))
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        untitled = QCoreApplication.translate("Desk", "(untitled)")
        title = QLabel(f"<b>{html.escape(article.title or untitled)}</b>", self)
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        self.target = QComboBox(self)
        self.target.addItems(targets)
        form.addRow(QCoreApplication.translate("Desk", "Newsroom:"), self.target)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("deskNote")
        self.note.setPlaceholderText(
            QCoreApplication.translate(
                "Desk", "A note for the desk (optional): what is urgent, sources…"
            )
        )
        form.addRow(QCoreApplication.translate("Desk", "Note:"), self.note)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(QCoreApplication.translate("Desk", "Send"), self)
        self.send_button.setDefault(True)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("Desk", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ReturnDialog(QDialog):
    """The desk's comment when it sends an article back to the reporter."""

    def __init__(self, article: Article, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("returnToReporterDialog")
        self.setWindowTitle(QCoreApplication.translate("Desk", "Return to the reporter"))
        self.resize(480, 240)
        layout = QVBoxLayout(self)
        label = QLabel(
            QCoreApplication.translate("Desk", "Why does “%1” go back to the reporter?").replace(
                "%1", html.escape(article.title or QCoreApplication.translate("Desk", "(untitled)"))
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("returnComment")
        layout.addWidget(self.comment, 1)
        self.message = QLabel(self)  # a comment over the budget: why it cannot go
        self.message.setObjectName("returnMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(
            QCoreApplication.translate("Desk", "Return"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Desk", "Cancel")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """A comment over the budget keeps the dialog open (the text stays) and says why."""
        try:
            desk_text(self.comment.toPlainText())
        except DeskTextTooLong as exc:
            self.message.setText(describe_error(exc))
            return
        super().accept()


class DeskController(QObject):
    def __init__(
        self,
        services: PublishServices,
        articles: ArticleRepository,
        desk: DeskRepository,
        ops: Operations,
        parent: QWidget,
        who: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.articles = articles
        self.desk = desk
        self.ops = ops
        self.parent_widget = parent
        self.who = who
        self.dialog: SendToDeskDialog | None = None
        self.return_dialog: ReturnDialog | None = None

    # -- Gửi về tòa soạn ---------------------------------------------------------------------
    def newsrooms(self) -> list[str]:
        return [t.name for t in self.services.repo.targets() if t.kind is TargetKind.NEWSROOM]

    def send_from_editor(self, editor: Any) -> None:
        article_id = getattr(editor, "article_id", None)
        if article_id is None:
            return
        editor.save()  # the same lane: the read below sees the save
        articles = self.articles
        self.ops.query(lambda: articles.get(article_id), lambda a: void(self.send_article(a)))

    def send_article(self, article: Article) -> SendToDeskDialog | None:
        targets = self.newsrooms()
        if not targets:
            QMessageBox.information(
                self.parent_widget,
                QCoreApplication.translate("Desk", "Send to the desk"),
                QCoreApplication.translate(
                    "Desk",
                    "No newsroom yet: add one under Publish → Targets (kind “newsroom”, the "
                    "address of the newsroom's PostgreSQL store)",
                ),
            )
            return None
        dialog = SendToDeskDialog(targets, article, self.parent_widget)
        self.dialog = dialog
        dialog.send_button.clicked.connect(lambda: self.start(article, dialog))
        dialog.show()
        return dialog

    def start(self, article: Article, dialog: SendToDeskDialog) -> None:
        services, who = self.services, self.who()
        target, note = dialog.target.currentText(), dialog.note.toPlainText()
        try:
            note = desk_text(note)  # over the budget: said at once, nothing queued
        except DeskTextTooLong as exc:
            dialog.message.setText(html.escape(self.ops.describe(exc)))
            return
        dialog.send_button.setEnabled(False)
        dialog.message.setText(QCoreApplication.translate("Desk", "Sending to the desk…"))

        def enqueue() -> Job:  # db lane: the photos are read and the job written there
            photos = services.photo_source(article)
            return services.outbox.enqueue(article, photos, target, who=who, note=note)

        def run(job: Job) -> None:
            self.ops.run(
                lambda: services.outbox.run_job(job.id, inline_retries=False),
                changes=[("outbox", [job.id]), ("article", [article.id])],
                on_done=lambda finished: self._sent(finished, dialog),
                on_error=lambda exc: self._failed(exc, dialog),
                lane="io",
            )

        self.ops.run(
            enqueue,
            changes=lambda job: [("outbox", [job.id])],
            on_done=run,
            on_error=lambda exc: self._failed(exc, dialog),
        )

    def _sent(self, job: Job, dialog: SendToDeskDialog) -> None:
        dialog.send_button.setEnabled(True)
        if job.state is JobState.DONE:
            dialog.message.setText(
                QCoreApplication.translate("Desk", "Sent to the desk %1.").replace("%1", job.target)
            )
        elif job.state is JobState.WAITING:
            dialog.message.setText(
                QCoreApplication.translate(
                    "Desk",
                    "No connection to the newsroom now (%1). The article waits in the outbox "
                    "and goes out by itself when the connection is back.",
                ).replace("%1", html.escape(job.error_text(self.ops.translator)))
            )
        elif job.state is JobState.CONFLICT:
            dialog.message.setText(
                QCoreApplication.translate(
                    "Desk",
                    "The desk changed this article after your last send; nothing was "
                    "overwritten. See the outbox to compare both versions.",
                )
            )
        else:
            dialog.message.setText(html.escape(job.error_text(self.ops.translator)))

    def _failed(self, exc: BaseException, dialog: SendToDeskDialog) -> None:
        dialog.send_button.setEnabled(True)
        dialog.message.setText(html.escape(self.ops.describe(exc)))

    # -- Trả lại phóng viên (the desk) ------------------------------------------------------
    def return_from_editor(self, editor: Any) -> None:
        article_id = getattr(editor, "article_id", None)
        if article_id is None:
            return
        articles = self.articles
        self.ops.query(lambda: articles.get(article_id), lambda a: void(self.ask_return(a)))

    def ask_return(self, article: Article) -> ReturnDialog:
        dialog = ReturnDialog(article, self.parent_widget)
        self.return_dialog = dialog
        dialog.accepted.connect(
            lambda: self.return_article(article.id, dialog.comment.toPlainText())
        )
        dialog.show()
        return dialog

    def return_article(self, article_id: str, comment: str) -> None:
        desk, who = self.desk, self.who()
        self.ops.run(
            lambda: desk.return_article(article_id, comment, who),
            changes=[("article", [article_id])],
            on_error=self._return_failed,
        )

    def _return_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(
            self.parent_widget,
            QCoreApplication.translate("Desk", "Return to the reporter"),
            self.ops.describe(exc),
        )


class ReturnedBanner(QObject):
    """The editor's note that the open article came back from the desk, with the comment."""

    def __init__(self, editor: Any, desk: DeskRepository, ops: Operations) -> None:
        super().__init__(editor)
        self.editor = editor
        self.desk = desk
        self.ops = ops
        self.label = QLabel(editor.workspace)
        self.label.setObjectName("deskReturnedBanner")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(RETURNED_STYLE)
        self.label.hide()
        editor.workspace.layout().insertWidget(1, self.label)
        editor.opened.connect(self.refresh)

    def on_changed(self, kind: str, ids: tuple[object, ...]) -> None:
        current = getattr(self.editor, "article_id", None)
        if kind == "article" and current is not None and current in ids:
            self.refresh(current)

    def refresh(self, article_id: str) -> None:
        desk = self.desk
        self.ops.query(
            lambda: desk.latest([article_id]).get(article_id),
            lambda m: self.show(article_id, m),
            key="desk-banner",
        )

    def show(self, article_id: str, m: DeskMessage | None) -> None:
        if getattr(self.editor, "article_id", None) != article_id:
            return
        if m is None or not m.returned:
            self.label.hide()
            return
        self.label.setText("↩ " + html.escape(returned_text(m)))
        self.label.show()


def install_desk(
    services: PublishServices,
    articles: ArticleRepository,
    desk: DeskRepository,
    ops: Operations,
    window: Any,
    editor: Any,
    library: Any,
    menu: Any,
    bus: Any,
    who: Callable[[], str],
) -> DeskController:
    """Called once by app.build_gui: the actions in the Publish menu, the library's marks,
    the editor's banner."""
    controller = DeskController(services, articles, desk, ops, window, who)
    menu.addSeparator()
    send = menu.addAction(QCoreApplication.translate("Desk", "Send to the desk…"))
    send.setObjectName("sendToDeskAction")
    send.setShortcut(QKeySequence("Ctrl+Shift+G"))
    send.triggered.connect(lambda: controller.send_from_editor(editor))
    back = menu.addAction(QCoreApplication.translate("Desk", "Return to the reporter…"))
    back.setObjectName("returnToReporterAction")
    back.triggered.connect(lambda: controller.return_from_editor(editor))
    window.send_to_desk_action = send
    window.return_to_reporter_action = back
    library.model.set_desk_marks(desk.latest)
    if hasattr(editor, "workspace") and hasattr(editor, "opened"):
        controller.banner = ReturnedBanner(editor, desk, ops)  # type: ignore[attr-defined]
        bus.changed.connect(controller.banner.on_changed)  # type: ignore[attr-defined]
    return controller
