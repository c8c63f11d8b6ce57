"""Adds publishing to the main window: a Publish menu, and the outbox sent in the background."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence

from qk3editor.publish.prepare import install_preparation
from qk3editor.publish.service import services_for
from qk3editor.ui.publish.controller import PublishController
from qk3editor.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

OUTBOX_INTERVAL_MS = 60_000


def _log_failure(exc: BaseException) -> None:
    """A background outbox run failed outside any job (jobs record their own errors): logged,
    not shown, since it repeats every minute."""
    log.warning("outbox background run failed", exc_info=exc)


def install_publishing(ctx: Any, runner: TaskRunner, window: Any, editor: Any) -> PublishController:
    """Called once by app.build_gui."""
    services = services_for(ctx)
    # renditions made when photos are attached or captioned, so that publishing only uploads
    preparer = install_preparation(ctx)
    window.closing.connect(preparer.close)
    controller = PublishController(services, ctx.articles, runner, ctx.translator, window)
    controller.who = lambda: ctx.settings.who
    menu = window.menuBar().addMenu(QCoreApplication.translate("Publish", "&Publish"))
    publish_action = menu.addAction(QCoreApplication.translate("Publish", "Publish article…"))
    publish_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    publish_action.triggered.connect(lambda: controller.publish_from_editor(editor))
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("Publish", "Targets…")).triggered.connect(
        controller.show_targets
    )
    menu.addAction(QCoreApplication.translate("Publish", "Outbox…")).triggered.connect(
        controller.show_outbox
    )
    window.publish_action = publish_action

    # the preview follows the one date rule (issue 9)
    if hasattr(editor, "first_published_of"):
        editor.first_published_of = services.outbox.publications.first_published_at
        controller.finished.connect(lambda _job: editor.forget_publication_facts())

    # Jobs left waiting (offline, 5xx, a crash) go out later, also after a restart.
    def send_due() -> None:
        runner.submit("io", services.outbox.run_due, None, _log_failure, key="outbox")

    runner.submit("io", services.outbox.recover_interrupted, lambda _n: send_due(), _log_failure)
    timer = QTimer(window)
    timer.setInterval(OUTBOX_INTERVAL_MS)
    timer.timeout.connect(send_due)
    timer.start()
    controller.outbox_timer = timer  # type: ignore[attr-defined]
    return controller
