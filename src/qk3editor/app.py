"""The composition root: builds every object of the GUI once and wires them together.

Qt is imported inside the functions, so ``qk3editor --help`` and the CLI never load it.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qk3editor.paths import Paths, resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from qk3editor.context import AppContext
    from qk3editor.storage.quick import QuickLibrary
    from qk3editor.ui.editor.controller import EditorController
    from qk3editor.ui.editor.view import ArticleEditorView
    from qk3editor.ui.editor.workspace import EditorWorkspace
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.library.model import LibraryModel
    from qk3editor.ui.library.view import LibraryView
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.photos.controller import PhotoDeskController
    from qk3editor.ui.publish.controller import PublishController
    from qk3editor.ui.tasks import TaskRunner


@dataclass
class Shell:
    """The window and the library as the first frame shows them, before the store is open."""

    window: MainWindow
    library_view: LibraryView
    editor_view: ArticleEditorView
    library_model: LibraryModel | None
    editor_workspace: EditorWorkspace | None = None  # issue 4: preview, preflight, history


@dataclass
class Gui:
    """The GUI's objects, built once by :func:`build_gui`, for the event loop and for tests."""

    ctx: AppContext
    runner: TaskRunner
    window: MainWindow
    library: LibraryController
    editor: EditorController
    photo_desk: PhotoDeskController
    publish: PublishController

    def shutdown(self) -> None:
        """At quit: every timer stopped, every thread and worker process joined, store closed."""
        self.runner.shutdown()
        self.ctx.close()


def build_shell(paths: Paths, quick: QuickLibrary | None = None) -> Shell:
    """The main window with its panels; with a quick reader, the library is filled already."""
    from PySide6.QtCore import QSettings

    from qk3editor.ui.editor.view import ArticleEditorView
    from qk3editor.ui.library.model import LibraryModel
    from qk3editor.ui.library.view import LibraryView
    from qk3editor.ui.main_window import MainWindow

    qsettings = QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(qsettings)
    library_view = LibraryView(window)
    editor_view = ArticleEditorView(window)
    window.add_panel(library_view, 2)
    # The editor's preview, preflight and history (EditorWorkspace) are built with the rest
    # of the GUI once the store is open: the first frame needs only the form.
    window.add_panel(editor_view, 5)
    model = None
    if quick is not None:
        model = LibraryModel(quick.list_ids, quick.rows, window)
        library_view.table.setModel(model)
        library_view.configure_columns()
        model.refresh()
    window.restore_state()
    return Shell(window, library_view, editor_view, model)


def build_gui(ctx: AppContext, runner: TaskRunner | None = None, shell: Shell | None = None) -> Gui:
    """Every window, view and controller, wired. Needs a QApplication."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from qk3editor.core.errors import QkError
    from qk3editor.ui.editor.wiring import build_editor, wire_editor
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.tasks import TaskRunner

    translate = QCoreApplication.translate
    runner = runner or TaskRunner()
    runner.use(ctx.tasks)  # one owner for every pool the services run on
    shell = shell or build_shell(ctx.paths)
    window = shell.window
    library = LibraryController(
        shell.library_view, ctx.articles, ctx.categories, window, model=shell.library_model
    )
    if shell.editor_workspace is None:
        shell.editor_workspace = _workspace_in_place(shell)
    editor = build_editor(window, ctx, runner, shell.editor_workspace)

    from qk3editor.ui.checks import attach_editor_checks
    from qk3editor.ui.search import attach_library_search

    attach_editor_checks(window, shell.editor_view.body, runner, lambda: ctx.settings)
    from qk3editor.ui.checks.legacy import attach_legacy_paste_bar

    legacy_bar = attach_legacy_paste_bar(shell.editor_view)
    editor.opened.connect(lambda _id: legacy_bar.dismiss())  # an offer is for one article
    attach_library_search(library, ctx.search, runner)

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
    window.save_action.triggered.connect(editor.save_revision)  # a revision, not only a write
    window.spike_action.triggered.connect(editor.spike)
    window.restore_action.triggered.connect(editor.restore)

    from qk3editor.ui.photos.wiring import install_photo_desk

    photo_desk = install_photo_desk(ctx, runner, window, editor)
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

    from qk3editor.ui.help import install_help_menu  # issue 15: Help → User guide

    install_help_menu(window, ctx.paths.cache_dir, ctx.translator.language)

    def on_closing() -> None:
        editor.save()
        runner.wait()

    window.closing.connect(on_closing)
    wire_editor(window, ctx, runner, editor, library)  # issue 4: import, export, menus, drops
    from qk3editor.ui.publish.wiring import install_publishing  # issue 6

    publish = install_publishing(
        ctx.publishing, ctx.articles, runner, ctx.translator, window, editor
    )
    # renditions made when photos are attached or captioned, so that publishing only uploads
    window.closing.connect(ctx.preparer.close)
    return Gui(ctx, runner, window, library, editor, photo_desk, publish)


def _workspace_in_place(shell: Shell) -> EditorWorkspace:
    """The editor workspace around the shell's form, in the form's place in the splitter."""
    from qk3editor.ui.editor.workspace import EditorWorkspace

    splitter = shell.window.splitter
    sizes = splitter.sizes()
    index = splitter.indexOf(shell.editor_view)
    workspace = EditorWorkspace(shell.editor_view, shell.window)  # takes the form inside it
    splitter.insertWidget(index, workspace)
    splitter.setStretchFactor(index, 5)
    if shell.window.isVisible():
        splitter.setSizes(sizes)  # as on screen a moment ago
    else:
        shell.window.restore_splitter()
    return workspace


GUI_FILE_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".html", ".htm")  # core.importers


def gui_arguments(argv: list[str]) -> dict[str, str | None] | None:
    """``--store``/``--lang`` when ``argv`` names no command (the GUI starts), else ``None``.

    Files to import (``qk3editor bai.docx``: the desktop's "open with") are under ``"files"``,
    joined by NUL, when some are named. Parsed by hand so that starting the window loads
    neither argparse nor the commands.
    """
    found: dict[str, str | None] = {"store": None, "lang": None}
    files: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("-") and arg.lower().endswith(GUI_FILE_SUFFIXES):
            files.append(arg)
            i += 1
            continue
        name, eq, value = arg.partition("=")
        if name not in ("--store", "--lang"):
            return None
        if not eq:
            if i + 1 >= len(argv):
                return None
            value = argv[i + 1]
            i += 1
        if name == "--lang" and value not in ("vi", "en"):
            return None
        found[name[2:]] = value
        i += 1
    if files:
        found["files"] = "\0".join(files)
    return found


DESKTOP_ID = "vn.qk3.qk3editor"


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("qk3editor")
    app.setOrganizationName("qk3editor")
    app.setApplicationDisplayName("qk3editor")
    app.setDesktopFileName(DESKTOP_ID)  # Wayland/X11 match the window to the .desktop entry
    from PySide6.QtGui import QIcon

    icon = QIcon()  # the rendered sizes (packaging/make_icons.py), sharp at 16 px too
    for png in sorted((resources_dir() / "icons" / "hicolor").glob("*/apps/qk3editor.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    return app


def run_gui(store: str | None = None, language: str | None = None, files: str | None = None) -> int:
    """Show the window (library first, from the quick reader), open the store, run the loop."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QMessageBox

    from qk3editor.core.errors import QkError
    from qk3editor.core.settings import choose_language, load_settings
    from qk3editor.paths import resolve_paths, resolve_store_url
    from qk3editor.storage.quick import QuickLibrary
    from qk3editor.ui.i18n import install_translators

    app = make_application()
    paths = resolve_paths().ensure()
    lang = choose_language(language, os.environ, load_settings(paths.settings_file))
    install_translators(app, lang, resources_dir() / "translations")
    quick = QuickLibrary.open(resolve_store_url(paths, store, os.environ))
    shell = build_shell(paths, quick)
    shell.window.show()
    bench = bool(os.environ.get("QK3EDITOR_EXIT_AFTER_SHOWN"))
    state: dict[str, Gui] = {}

    def report_shown() -> None:
        # Used by benchmarks/startup.py: when the first frame with the library is out.
        shell.window.grab()  # paint every widget once, as the first frame does
        model = shell.library_model or (state["gui"].library.model if state else None)
        rows = model.rowCount() if model is not None else 0
        print(f"shown {time.time():.6f} rows={rows}", flush=True)

    def finish_start() -> None:
        from qk3editor.context import AppContext

        try:
            ctx = AppContext.open(store=store, language=lang)
        except QkError as exc:
            from qk3editor.core.i18n import active

            QMessageBox.critical(
                shell.window,
                QCoreApplication.translate("App", "qk3editor cannot start"),
                exc.message(active()),
            )
            app.exit(1)
            return
        state["gui"] = build_gui(ctx, shell=shell)
        from qk3editor.ui.editor.wiring import start_editor

        start_editor(state["gui"].editor)  # type: ignore[arg-type]  # reopen what was open
        from qk3editor.ui.crash import install_crash_reporter  # issue 15

        install_crash_reporter(state["gui"])
        if files:
            from qk3editor.ui.open_files import open_files

            open_files(state["gui"], files.split("\0"))
        if quick is not None:
            quick.close()
        if bench:
            if quick is None:
                report_shown()
            app.quit()

    if bench and quick is not None:
        QTimer.singleShot(0, report_shown)
    QTimer.singleShot(0, finish_start)
    try:
        return app.exec()
    finally:
        if state:
            state["gui"].runner.wait()
            state["gui"].shutdown()
