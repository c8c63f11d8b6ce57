"""The composition root: builds every object of the GUI once and wires them together.

Qt is imported inside the functions, so ``qk3editor --help`` and the CLI never load it.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qk3editor.context import AppContext
from qk3editor.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from qk3editor.ui.editor.controller import EditorController
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.tasks import TaskRunner


@dataclass
class Gui:
    """The GUI's objects, for the event loop and for tests."""

    ctx: AppContext
    runner: TaskRunner
    window: MainWindow
    library: LibraryController
    editor: EditorController


def build_gui(ctx: AppContext, runner: TaskRunner | None = None) -> Gui:
    """Every window, view and controller, wired. Needs a QApplication."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from qk3editor.core.errors import QkError
    from qk3editor.core.markdown_io import read_article_file
    from qk3editor.ui.editor.controller import EditorController
    from qk3editor.ui.editor.view import ArticleEditorView
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.library.view import LibraryView
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.tasks import TaskRunner

    translate = QCoreApplication.translate
    runner = runner or TaskRunner()
    qsettings = QSettings(str(ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(qsettings)
    library_view = LibraryView(window)
    editor_view = ArticleEditorView(window)
    window.add_panel(library_view, 2)
    window.add_panel(editor_view, 3)
    library = LibraryController(library_view, ctx.articles, ctx.categories, window)
    editor = EditorController(
        editor_view, ctx.articles, ctx.categories, runner, ctx.translator, window
    )

    library.open_requested.connect(editor.open)
    editor.saved.connect(library.article_saved)
    editor.opened.connect(lambda i: library.view.select_article(library.model.row_of(i)))
    editor.status_changed.connect(lambda _i: library.refresh(editor.article_id))
    editor.error.connect(lambda msg: window.statusBar().showMessage(msg, 10_000))
    editor.saved.connect(
        lambda _i: window.statusBar().showMessage(translate("App", "Saved"), 2_000)
    )
    runner.failed.connect(
        lambda exc: window.statusBar().showMessage(
            exc.message(ctx.translator)
            if isinstance(exc, QkError)
            else translate("App", "Unexpected error: {0}").format(type(exc).__name__),
            10_000,
        )
    )
    window.new_action.triggered.connect(editor.new_article)
    window.save_action.triggered.connect(editor.save)
    window.spike_action.triggered.connect(editor.spike)
    window.restore_action.triggered.connect(editor.restore)

    def import_files() -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            window,
            translate("App", "Import articles"),
            "",
            translate("App", "Articles (*.md *.markdown *.txt)"),
        )
        last = None
        for p in paths:
            try:
                last = ctx.articles.create(read_article_file(Path(p)))
            except QkError as exc:
                QMessageBox.warning(window, translate("App", "Import"), exc.message(ctx.translator))
        if last is not None:
            library.refresh()
            editor.open(last.id)

    window.import_action.triggered.connect(import_files)
    from qk3editor.ui.photos.wiring import install_photo_desk

    install_photo_desk(ctx, runner, window, editor)
    window.about_action.triggered.connect(
        lambda: QMessageBox.about(
            window,
            translate("App", "About qk3editor"),
            translate(
                "App",
                "qk3editor: the editor of the QK3 online newsroom.\nLicence: GPL-3.0-or-later.",
            ),
        )
    )

    def on_closing() -> None:
        editor.save()
        runner.wait()

    window.closing.connect(on_closing)
    window.restore_state()
    return Gui(ctx, runner, window, library, editor)


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("qk3editor")
    app.setOrganizationName("qk3editor")
    app.setApplicationDisplayName("qk3editor")
    return app


def run_gui(store: str | None = None, language: str | None = None) -> int:
    """Open the store, build the GUI, run the event loop."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QMessageBox

    from qk3editor.core.errors import QkError
    from qk3editor.ui.i18n import install_translators

    app = make_application()
    try:
        ctx = AppContext.open(store=store, language=language)
    except QkError as exc:
        from qk3editor.core.i18n import active

        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "qk3editor cannot start"),
            exc.message(active()),
        )
        return 1
    install_translators(app, ctx.translator.language, resources_dir() / "translations")
    gui = build_gui(ctx)
    gui.window.show()
    if os.environ.get("QK3EDITOR_EXIT_AFTER_SHOWN"):
        # Used by benchmarks/startup.py: report when the first frame is out, then quit.
        def shown() -> None:
            gui.window.grab()  # paint every widget once, as the first frame does
            cached = len(gui.library.model._cache)
            print(f"shown {time.time():.6f} rows_loaded={cached}", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    try:
        return app.exec()
    finally:
        gui.runner.wait()
        ctx.close()
