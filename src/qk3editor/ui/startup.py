"""Start-up of the GUI, apart from the composition root (app.py): the QApplication, the check
that a window can be shown at all (issue 10), the offer of the last backup for a damaged store
(issue 12) and the photo check that runs once the store is open.

Qt is imported inside the functions: ``qk3editor.app`` imports this module at its top, and the
CLI must not load Qt.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from qk3editor.paths import Paths, resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from qk3editor.context import AppContext
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.operations import Operations

DESKTOP_ID = "vn.qk3.qk3editor"
# the window icon's rendered sizes (packaging/make_icons.py PNG_SIZES; tests/test_packaging.py
# holds the two to the same list): named, not globbed, at each start
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("qk3editor")
    app.setOrganizationName("qk3editor")
    app.setApplicationDisplayName("qk3editor")
    app.setDesktopFileName(DESKTOP_ID)  # Wayland/X11 match the window to the .desktop entry
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()  # the rendered sizes (packaging/make_icons.py), sharp at 16 px too
    hicolor = resources_dir() / "icons" / "hicolor"
    for side in ICON_SIZES:  # with its size, Qt reads a file only when it draws it
        icon.addFile(str(hicolor / f"{side}x{side}" / "apps" / "qk3editor.png"), QSize(side, side))
    app.setWindowIcon(icon)
    return app


def cannot_show_window(language: str) -> bool:
    """Say in one line (the person's language) why Qt's platform plugin cannot load here, before
    Qt aborts with its own text; True when the window cannot open."""
    from qk3editor import desktop_check

    if not desktop_check.no_display() and not desktop_check.missing_libraries():
        return False  # the usual case: no translator loaded, nothing printed
    from qk3editor.core.i18n import Translator, set_active

    set_active(Translator.load(language, resources_dir() / "translations"))
    message = desktop_check.problem()
    if message is None:
        return False
    print(message, file=sys.stderr)
    return True


def offer_backup(parent: object, exc: Exception, paths: Paths, store: str | None) -> bool:
    """For a damaged or empty store: tell the user and offer the last backup (issue 12).

    True when the user chose to restore it and it was put in place (the damaged file is kept
    aside), so the caller opens the store again.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from qk3editor.core.i18n import active
    from qk3editor.core.timezones import to_local
    from qk3editor.paths import resolve_store_url
    from qk3editor.storage.checks import latest_backup, restore_backup
    from qk3editor.storage.db import sqlite_path
    from qk3editor.storage.errors import StoreCorrupt

    if not isinstance(exc, StoreCorrupt):
        return False
    path = sqlite_path(resolve_store_url(paths, store, os.environ))
    last = latest_backup(paths.backups_dir, path) if path is not None else None
    if path is None or last is None:
        return False
    answer = QMessageBox.question(
        parent,  # type: ignore[arg-type]
        QCoreApplication.translate("App", "The store is damaged"),
        exc.message(active())
        + "\n\n"
        + QCoreApplication.translate(
            "App", "Restore the last backup, {name} ({when})? The damaged file is kept aside."
        )
        .replace("{name}", last.name)
        .replace("{when}", to_local(last.modified).strftime("%d/%m/%Y %H:%M")),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from qk3editor.context import store_state_file

    restore_backup(path, last.path, store_state_file(paths))
    return True


def start_photo_check(ctx: AppContext, ops: Operations, window: MainWindow) -> None:
    """Reconcile photos with the store in the background (what `photos check` does): temp
    files of interrupted writes removed, captions newer than the store read back."""
    import logging

    from PySide6.QtCore import QCoreApplication

    from qk3editor.photos.reconcile import CheckReport, reconcile

    repo = ctx.photos

    def done(report: CheckReport) -> None:
        read_back, removed = report.count("read_back"), report.count("temp_removed")
        if read_back or removed:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "App",
                    "Photos checked: {0} captions read back from their files, "
                    "{1} leftover temp files removed",
                ).format(read_back, removed),
                10_000,
            )

    def failed(exc: BaseException) -> None:
        logging.getLogger(__name__).warning("photo check at start failed: %s", exc)

    def changes(report: CheckReport) -> list[tuple[str, tuple[int, ...]]]:
        return [("photo", ())] if report.count("read_back") or report.count("written") else []

    ops.run(
        lambda: reconcile(repo, extra_folders=[ctx.paths.photos_dir]),
        changes=changes,
        on_done=done,
        on_error=failed,
    )
