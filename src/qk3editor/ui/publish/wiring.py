"""Adds publishing to the main window: a Publish menu, and the outbox sent in the background."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from qk3editor.core.i18n import Translator
from qk3editor.publish.service import PublishServices
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.ui.operations import Operations
from qk3editor.ui.publish.controller import PublishController
from qk3editor.ui.tasks import TaskRunner

OUTBOX_INTERVAL_MS = 60_000


def install_publishing(
    services: PublishServices,
    articles: ArticleRepository,
    runner: TaskRunner,
    translator: Translator,
    window: Any,
    editor: Any,
    ops: Operations,
    house_style: Callable[[], str] | None = None,
) -> PublishController:
    """Called once by app.build_gui, with the services the AppContext built."""
    controller = PublishController(services, articles, runner, translator, window, ops)
    if house_style is not None:
        controller.house_style = house_style  # the preflight advises toward the house style
    if callable(getattr(editor, "who", None)):
        controller.who = editor.who  # the settings' name, as the editor records it
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
    controller.menu = menu  # the newsroom desk adds its actions here (ui/publish/desk.py)

    # the preview follows the one date rule (issue 9)
    if hasattr(editor, "first_published_of"):
        editor.first_published_of = services.outbox.publications.first_published_at
        controller.finished.connect(lambda _job: editor.forget_publication_facts())

    # the preview shows the page of the target chosen above it (its portal profile); the
    # publish dialog starts on that target (issue 9)
    chooser = getattr(editor, "preview_targets", None)
    if chooser is not None:
        repo = services.repo
        chooser.follow(ops.bus, lambda: ops.query(repo.targets, chooser.set_targets))
        controller.preview_targets = chooser

    # Jobs left waiting (offline, 5xx, a crash) go out later, also after a restart. The timer
    # calls a method of the controller: it stops calling when the window (and it) is gone.
    controller.recover_outbox()
    runner.every(OUTBOX_INTERVAL_MS, controller.send_due)  # the runner stops it at quit
    return controller
