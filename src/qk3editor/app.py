"""The composition root: builds every object of the GUI once and wires them together.

Qt is imported inside the functions, so ``qk3editor --help`` and the CLI never load it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from qk3editor.paths import Paths, resources_dir
from qk3editor.ui.startup import (  # start-up checks and offers; re-exported for their callers
    DESKTOP_ID,  # noqa: F401  (tests/test_packaging.py reads it here)
    cannot_show_window,
    make_application,
    offer_backup,
    start_photo_check,
)

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.storage.quick import QuickLibrary
    from qk3editor.ui.editor.view import ArticleEditorView
    from qk3editor.ui.editor.workspace import EditorWorkspace
    from qk3editor.ui.gui import Gui
    from qk3editor.ui.library.model import LibraryModel
    from qk3editor.ui.library.view import LibraryView
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.tasks import TaskRunner
    from qk3editor.ui.welcome import WelcomePage


class Shell:
    """The window and the library as the first frame shows them, before the store is open.

    (A plain class, as :class:`qk3editor.ui.gui.Gui` lives apart: a dataclass costs its class
    ~0.5 ms to make and ``dataclasses`` 2 ms to import, all before the first frame; issue 14.)
    """

    def __init__(
        self,
        window: MainWindow,
        library_view: LibraryView,
        editor_view: ArticleEditorView,
        library_model: LibraryModel | None,
        editor_workspace: EditorWorkspace | None = None,  # issue 4: preview, preflight, history
    ) -> None:
        self.window = window
        self.library_view = library_view
        self.editor_view = editor_view
        self.library_model = library_model
        self.editor_workspace = editor_workspace


class StartHooks(Protocol):
    """What a test harness or benchmark may do at start (``qk3editor.ui.testing``); the app
    itself passes none."""

    def first_frame(self, shell: Shell, gui: Gui | None) -> None:
        """The first frame with the library is on screen."""

    def started(self, gui: Gui, first_frame_reported: bool) -> bool:
        """The GUI is built; True when the hook opens an article itself (no session restore)."""
        ...


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
        model = LibraryModel(quick, window)
        library_view.set_model(model)
        library_view.configure_columns()
    header = library_view.table.horizontalHeader()
    window.restore_state(only=[window.splitter, header])  # the named ones of the first frame
    if model is not None:
        library_view.sort_as_remembered(window.saved_sort(header))
        model.refresh()  # one count, once the sort and the remembered columns are in place
    return Shell(window, library_view, editor_view, model)


def build_gui(ctx: AppContext, runner: TaskRunner | None = None, shell: Shell | None = None) -> Gui:
    """Every window, view and controller, wired. Needs a QApplication."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from qk3editor.ui.editor.wiring import EditorMenus, build_editor
    from qk3editor.ui.errors import describe_error
    from qk3editor.ui.gui import Gui
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.operations import ChangeBus, Operations
    from qk3editor.ui.tasks import TaskRunner

    translate = QCoreApplication.translate
    runner = runner or TaskRunner()
    runner.use(ctx.tasks)  # one owner for every pool the services run on
    shell = shell or build_shell(ctx.paths)
    window = shell.window
    bus = ChangeBus(window)
    ops = Operations(runner, bus, ctx.translator, window)

    from qk3editor.ui.passphrase import PassphrasePrompt

    # without a system keyring, the encrypted password file's passphrase is asked in a dialog
    ctx.publishing.secrets.passphrase = PassphrasePrompt(window)
    library = LibraryController(
        shell.library_view,
        ctx.articles,
        ctx.categories,
        window,
        model=shell.library_model,
        runner=runner,
    )
    if shell.editor_workspace is None:
        shell.editor_workspace = _workspace_in_place(shell)
    editor = build_editor(window, ctx, runner, shell.editor_workspace, ops)

    from qk3editor.ui.checks import attach_editor_checks
    from qk3editor.ui.search import attach_library_search

    view = shell.editor_view
    from qk3editor.ui.checks.photo_captions import ArticleCaptions

    # the tone dialog covers the article's photo captions too (issue 11)
    captions = ArticleCaptions(ctx.photos, ops, lambda: editor.article_id)
    checks = attach_editor_checks(
        window,
        view.body,
        runner,
        lambda: ctx.settings,
        {"title": view.title, "lead": view.lead},
        captions,
    )
    from qk3editor.ui.checks.legacy import attach_legacy_paste_bar

    legacy_bar = attach_legacy_paste_bar(shell.editor_view)
    editor.opened.connect(lambda _id: legacy_bar.dismiss())  # an offer is for one article
    attach_library_search(library, ctx.search, runner)

    # the library follows the change bus (saves, moves, imports) instead of the editor
    bus.changed.connect(lambda kind, ids: library.on_changed(kind, ids, bus.remote))
    library.open_requested.connect(editor.open)
    editor.opened.connect(lambda i: library.view.select_article(library.model.row_of(i)))
    editor.error.connect(lambda msg: window.statusBar().showMessage(msg, 10_000))
    editor.saved.connect(
        lambda _i: window.statusBar().showMessage(translate("App", "Saved"), 2_000)
    )
    ops.failed.connect(lambda msg: window.statusBar().showMessage(msg, 10_000))
    runner.failed.connect(
        lambda exc: window.statusBar().showMessage(describe_error(exc, ctx.translator), 10_000)
    )
    window.new_action.triggered.connect(editor.new_article)
    window.save_action.triggered.connect(editor.save_revision)  # a revision, not only a write
    window.spike_action.triggered.connect(editor.spike)
    window.restore_action.triggered.connect(editor.restore)

    from qk3editor.ui.photos.wiring import install_photo_desk

    photo_desk = install_photo_desk(ctx, runner, window, editor, ops)
    start_photo_check(ctx, ops, window)  # issue 12: after a crash, files and store agree
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
    menus = EditorMenus.build(window, ctx, editor, ops)  # issue 4: import, export, menus, drops
    from qk3editor.ui.publish.wiring import install_publishing  # issue 6

    publish = install_publishing(
        ctx.publishing,
        ctx.articles,
        runner,
        ctx.translator,
        window,
        editor,
        ops,
        house_style=lambda: ctx.settings.tone_style,
    )
    from qk3editor.storage.desk_repository import DeskRepository
    from qk3editor.ui.publish.desk import install_desk  # issue 16: the newsroom desk

    publish.desk = install_desk(
        ctx.publishing,
        ctx.articles,
        DeskRepository(ctx.store),
        ops,
        window,
        editor,
        library,
        publish.menu,
        bus,
        publish.who,
    )
    # renditions made when photos are attached or captioned, so that publishing only uploads
    window.closing.connect(ctx.preparer.close)
    gui = Gui(
        ctx, runner, window, library, editor, photo_desk, publish, bus, ops, menus, checks=checks
    )
    gui.welcome = _install_welcome(gui, shell)  # issue 10: an empty store's first page
    from qk3editor.ui.preferences import install_preferences

    gui.settings_relay = install_preferences(ctx, ops, window, editor, checks, photo_desk)
    from qk3editor.ui.newsroom import install_newsroom  # issue 16: leases, live updates

    assert shell.editor_workspace is not None
    install_newsroom(gui, shell.editor_workspace)
    from qk3editor.ui.publish.local_portal import stop_local_portals

    window.closing.connect(stop_local_portals)  # a test portal started from the window
    from qk3editor.ui.roles import install_roles  # issue 16: the newsroom role

    gui.roles = install_roles(ctx.store.capabilities, window, editor, photo_desk, gui.leases)
    from qk3editor.ui.language_switch import follow_language

    follow_language(gui)  # a language chosen in Preferences rebuilds the GUI at once
    window.keep_help_last()  # every feature has added its menu: Help goes last (also on a rebuild)
    return gui


def _install_welcome(gui: Gui, shell: Shell) -> WelcomePage | None:
    from qk3editor.ui.welcome import install_welcome, open_user_guide

    window, view = gui.window, gui.photo_desk.view
    actions = {
        "new": window.new_action.trigger,
        "import": window.import_action.trigger,
        "photos": lambda: (view.show(), view.import_requested.emit()),
        "portal": lambda: gui.publish.show_targets().panel.offer_local_portal(
            gui.ctx.paths.data_dir / "portal"
        ),
        "guide": open_user_guide,
    }
    empty = gui.ctx.articles.count() == 0
    return install_welcome(window, shell.editor_workspace, gui.editor.opened, actions, empty)


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


def run_gui(
    store: str | None = None,
    language: str | None = None,
    hooks: StartHooks | None = None,
    create: bool = False,
    files: str | None = None,
) -> int:
    """Show the window (library first, from the quick reader), open the store, run the loop.

    ``hooks``: only the test harness and benchmarks pass them (``python -m qk3editor.ui.testing``).
    ``files``: paths joined by NUL (``qk3editor bai.docx``, "open with"), imported once the GUI
    is built.

    The collector paused by the process's start (``ui/fast_start.py``) is resumed once the GUI
    is built, and in any case when this returns.
    """
    from qk3editor.ui.fast_start import resume_gc

    try:
        return _run_gui(store, language, hooks, create, files)
    finally:
        resume_gc()


def _run_gui(
    store: str | None,
    language: str | None,
    hooks: StartHooks | None,
    create: bool,
    files: str | None,
) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from qk3editor.ui.fast_start import resume_gc, skip_feature_scan

    skip_feature_scan()  # before the modules of the first frame are imported (fast_start.py)
    from qk3editor.core.settings import choose_language, load_settings
    from qk3editor.paths import resolve_paths, resolve_store_url
    from qk3editor.storage.quick import QuickLibrary
    from qk3editor.ui.i18n import install_translators

    paths = resolve_paths().ensure()
    lang = choose_language(language, os.environ, load_settings(paths.settings_file))
    if cannot_show_window(lang):
        return 1
    app = make_application()
    translators = install_translators(app, lang, resources_dir() / "translations")
    quick = QuickLibrary.open(resolve_store_url(paths, store, os.environ))
    shell = build_shell(paths, quick)
    shell.window.show()
    state: dict[str, Gui] = {}

    def finish_start() -> None:
        try:
            build()
        finally:
            resume_gc()  # the GUI is built (or the start failed): collect as usual again

    def build() -> None:
        from qk3editor.context import AppContext
        from qk3editor.core.errors import QkError

        try:
            try:
                ctx = AppContext.open(store=store, language=lang, create=create)
            except QkError as exc:
                if not offer_backup(shell.window, exc, paths, store):
                    raise
                ctx = AppContext.open(
                    store=store, language=lang, create=create
                )  # the restored store
        except Exception as exc:  # a store that cannot be opened, a full disk, ...
            from PySide6.QtWidgets import QMessageBox  # (not before the first frame)

            from qk3editor.ui.errors import describe_error

            QMessageBox.critical(
                shell.window,
                QCoreApplication.translate("App", "qk3editor cannot start"),
                describe_error(exc),
            )
            app.exit(1)
            return
        gui = state["gui"] = build_gui(ctx, shell=shell)
        gui.translators = translators
        from qk3editor.ui.crash import install_crash_reporter  # issue 15

        install_crash_reporter(gui)

        def replaced(new: Gui) -> None:  # the language changed: the GUI was rebuilt
            state["gui"] = new
            install_crash_reporter(new)

        gui.replaced.append(replaced)
        if hooks is None or not hooks.started(gui, quick is not None):
            gui.editor.restore_session()  # reopen what was open
        if files:
            from qk3editor.ui.open_files import open_files

            open_files(gui, files.split("\0"))
        if quick is not None:
            quick.close()

    if hooks is not None and quick is not None:
        QTimer.singleShot(0, lambda: hooks.first_frame(shell, None))
    QTimer.singleShot(0, finish_start)
    try:
        return app.exec()
    finally:
        if state:
            state["gui"].runner.wait()
            state["gui"].shutdown()
