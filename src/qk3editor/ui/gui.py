"""The GUI's objects as :func:`qk3editor.app.build_gui` builds them (apart from ``app``, whose
first frame makes no dataclass; issue 14)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.ui.checks.controller import ChecksController
    from qk3editor.ui.editor.article_editor import ArticleEditor
    from qk3editor.ui.editor.lease import LeaseController
    from qk3editor.ui.editor.wiring import EditorMenus
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.live import LiveUpdates
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.operations import ChangeBus, Operations
    from qk3editor.ui.photos.controller import PhotoDeskController
    from qk3editor.ui.preferences.relay import SettingsRelay
    from qk3editor.ui.publish.controller import PublishController
    from qk3editor.ui.roles import RoleGate
    from qk3editor.ui.tasks import TaskRunner
    from qk3editor.ui.welcome import WelcomePage


@dataclass
class Gui:
    """The GUI's objects, built once by :func:`build_gui`, for the event loop and for tests."""

    ctx: AppContext
    runner: TaskRunner
    window: MainWindow
    library: LibraryController
    editor: ArticleEditor
    photo_desk: PhotoDeskController
    publish: PublishController
    bus: ChangeBus  # changed(kind, ids): every view refreshes from it
    ops: Operations  # every change the GUI makes runs through it (the db lane)
    editor_menus: EditorMenus
    checks: ChecksController | None = None
    welcome: WelcomePage | None = None  # issue 10: shown while the store is empty
    settings_relay: SettingsRelay | None = None  # issue 10: the one settings-changed signal
    roles: RoleGate | None = None  # issue 16: the newsroom role (None on SQLite)
    leases: LeaseController | None = None  # issue 16: who edits the open article
    live: LiveUpdates | None = None  # issue 16: other processes' changes (PostgreSQL)
    # issue 10: a language change rebuilds the GUI in place (switch_language); whoever holds
    # this Gui is told of its successor through these callbacks
    replaced: list[Callable[[Gui], None]] = field(default_factory=list)
    translators: list[Any] = field(default_factory=list)  # the QTranslators installed

    def shutdown(self) -> None:
        """At quit: every timer stopped, every thread and worker process joined, store closed."""
        self.runner.shutdown()
        self.ctx.close()
