"""Puts the reporter's editor into the main window: menus, shortcuts, drag-and-drop import,
session recovery, and the test-only hooks of the kill harness. Called once from app.py."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from qk3editor.core import atomic
from qk3editor.core.errors import QkError
from qk3editor.core.exporters import export_docx, export_html
from qk3editor.core.importers import IMPORT_SUFFIXES
from qk3editor.core.markdown_io import export_markdown
from qk3editor.core.preflight import TextFinding
from qk3editor.storage.editor_import import save_imported
from qk3editor.ui.checks.legacy import import_with_legacy_check
from qk3editor.ui.editor.article_editor import ArticleEditor
from qk3editor.ui.editor.scripted_typing import ENV_REPORT, ScriptedTyping, scripted_text
from qk3editor.ui.editor.view import ArticleEditorView
from qk3editor.ui.editor.workspace import EditorWorkspace

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.tasks import TaskRunner


translate = QCoreApplication.translate
SWITCH_INTERVAL_S = 0.001
LEAD_LIMIT_RANGE = (10, 500)  # words


def build_editor(
    window: MainWindow, ctx: AppContext, runner: TaskRunner, workspace: EditorWorkspace | None
) -> ArticleEditor:
    """The editor's controller on the workspace the shell built (or a new one, as a panel)."""
    # Saves, checks and renders run in worker threads while the reporter types. Python hands
    # the GIL back to the GUI thread only every "switch interval" (5 ms by default), and a
    # keystroke waiting on it twice is a dropped frame: 1 ms keeps typing smooth.
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
    if workspace is None:
        workspace = EditorWorkspace(ArticleEditorView(window), window)
        window.add_panel(workspace, 5)
    editor = ArticleEditor(
        workspace,
        ctx.articles,
        ctx.categories,
        ctx.revisions,
        runner,
        ctx.translator,
        who=lambda: ctx.settings.who,
        retention_days=lambda: ctx.settings.revision_retention_days,
        photos_dir=ctx.paths.photos_dir,
        photo_library=_photo_library(ctx),
        parent=window,
        lead_max_words=lambda: ctx.settings.lead_max_words,
    )
    editor.featured_photo_of = _featured_photo_of(ctx)
    editor.text_checker = _house_style_checker(ctx)  # issue 11: advice toward the house style
    _recheck_on_photo_changes(ctx, editor)
    return editor


class _PhotoChanges(QObject):
    """Photo changes (any thread) brought to the GUI thread by a queued signal."""

    changed = Signal(object)


def _recheck_on_photo_changes(ctx: AppContext, editor: ArticleEditor) -> None:
    """Attaching photos or choosing the featured one re-runs the open article's preflight."""
    relay = _PhotoChanges(editor)

    def on_changed(article_ids: object) -> None:
        if editor.article_id is not None and editor.article_id in article_ids:  # type: ignore[operator]
            editor.run_preflight()

    relay.changed.connect(on_changed)
    ctx.events.article_photos.subscribe(relay.changed.emit)


def _photo_library(ctx: AppContext) -> object | None:
    """The photo repository's ``get`` (issue 5's photo library)."""
    return ctx.photos.get


def _featured_photo_of(ctx: AppContext) -> Callable[[str], str | None] | None:
    """The article's featured photo (the photo desk's ``article_photos.featured`` flag)."""
    repo = ctx.photos

    def featured(article_id: str) -> str | None:
        return next(
            (str(ap.photo.id) for ap in repo.article_photos(article_id) if ap.featured), None
        )

    return featured


class FileDropFilter(QObject):
    """Files dropped on the window (or on the editor) are imported as new articles."""

    def __init__(self, on_files: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_files = on_files

    @staticmethod
    def importable(event: QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.importable(event):  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            files = self.importable(event)  # type: ignore[arg-type]
            if files:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.on_files(files)  # type: ignore[operator]
                return True
        return False


def wire_editor(
    window: MainWindow,
    ctx: AppContext,
    runner: TaskRunner,
    editor: ArticleEditor,
    library: object,
) -> None:
    """Menus, shortcuts, drag-and-drop, import/export; ``library`` is the LibraryController."""
    workspace = editor.workspace
    body = workspace.view.body

    def action(menu: object, text: str, shortcut: str | None, slot: object) -> QAction:
        a = QAction(text, window)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(a)  # type: ignore[attr-defined]
        return a

    # File: import takes Word and web pages too; export

    def import_paths(paths: list[Path]) -> None:
        last = None
        for p in paths:
            try:
                doc = import_with_legacy_check(p, window)  # TCVN3/VNI: ask (issue 3)
                if doc is None:
                    continue
                last = save_imported(doc, ctx.articles, ctx.paths.photos_dir)  # type: ignore[arg-type]
            except QkError as exc:
                QMessageBox.warning(
                    window, translate("EditorWiring", "Import"), exc.message(ctx.translator)
                )
        if last is not None:
            library.refresh()  # type: ignore[attr-defined]
            editor.open(last.id)

    def import_dialog() -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            window,
            translate("EditorWiring", "Import articles"),
            "",
            translate("EditorWiring", "Articles (*.docx *.md *.markdown *.txt *.html *.htm)"),
        )
        import_paths([Path(p) for p in paths])

    window.import_action.triggered.connect(import_dialog)

    def export(fmt: str) -> None:
        if editor.article is None:
            return
        editor.save()
        filters = {
            "md": translate("EditorWiring", "Markdown (*.md)"),
            "html": translate("EditorWiring", "Web page (*.html)"),
            "docx": translate("EditorWiring", "Word document (*.docx)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            window, translate("EditorWiring", "Export article"), f"article.{fmt}", filters[fmt]
        )
        if not path:
            return
        data = editor._render_input()
        try:
            if fmt == "md":
                fields = workspace.view.read_fields()
                from dataclasses import replace

                article = replace(
                    editor.article,
                    title=fields.title or "",
                    lead=fields.lead or "",
                    body=fields.body or "",
                    byline=fields.byline or "",
                    tags=fields.tags or (),
                )
                atomic.write_text(Path(path), export_markdown(article))
            elif fmt == "html":
                atomic.write_text(Path(path), export_html(data, editor.preview.resolver))
            else:
                atomic.write_bytes(Path(path), export_docx(data, editor.preview.resolver))
        except OSError as exc:
            QMessageBox.warning(window, translate("EditorWiring", "Export"), str(exc))

    export_menu = window.file_menu.addMenu(translate("EditorWiring", "&Export"))
    action(export_menu, translate("EditorWiring", "Markdown (.md)…"), None, lambda: export("md"))
    action(
        export_menu,
        translate("EditorWiring", "Portal web page (.html)…"),
        None,
        lambda: export("html"),
    )
    action(export_menu, translate("EditorWiring", "Word (.docx)…"), None, lambda: export("docx"))

    # Edit: undo/redo, find/replace
    action(
        window.edit_menu,
        translate("EditorWiring", "&Undo"),
        "Ctrl+Z",
        lambda: _focused_text(window, "undo"),
    )
    action(
        window.edit_menu,
        translate("EditorWiring", "&Redo"),
        "Ctrl+Shift+Z",
        lambda: _focused_text(window, "redo"),
    )
    window.edit_menu.addSeparator()
    action(
        window.edit_menu,
        translate("EditorWiring", "&Find…"),
        "Ctrl+F",
        lambda: workspace.find_bar.open_bar(),
    )
    action(
        window.edit_menu,
        translate("EditorWiring", "Find and &replace…"),
        "Ctrl+R",
        lambda: workspace.find_bar.open_bar(replace=True),
    )
    action(
        window.edit_menu,
        translate("EditorWiring", "Find next"),
        "F3",
        lambda: workspace.find_bar.find(),
    )

    # Article: workflow moves
    window.article_menu.addSeparator()
    for a in editor.workflow.actions.values():
        window.article_menu.addAction(a)

    # Article: the preflight's lead-length limit (a setting)
    def ask_lead_limit() -> None:
        value, ok = QInputDialog.getInt(
            window,
            translate("EditorWiring", "Lead length limit"),
            translate("EditorWiring", "Longest lead (sapo), in words:"),
            ctx.settings.lead_max_words,
            LEAD_LIMIT_RANGE[0],
            LEAD_LIMIT_RANGE[1],
        )
        if ok:
            set_lead_limit(ctx, editor, value)

    window.article_menu.addSeparator()
    window.lead_limit_action = action(  # type: ignore[attr-defined]
        window.article_menu,
        translate("EditorWiring", "Lead length limit…"),
        None,
        ask_lead_limit,
    )

    # View: focus mode
    focus = QAction(translate("EditorWiring", "&Focus mode"), window)
    focus.setCheckable(True)
    focus.setShortcut(QKeySequence("F11"))

    def toggle_focus(on: bool) -> None:
        workspace.set_focus_mode(on)
        for i in range(window.splitter.count()):
            w = window.splitter.widget(i)
            if w is not workspace:
                w.setVisible(not on)

    focus.toggled.connect(toggle_focus)
    window.view_menu.addAction(focus)

    # the store: tell the user when it cannot be written
    editor.store_failed.connect(lambda msg: window.statusBar().showMessage(msg))
    editor.store_recovered.connect(
        lambda: window.statusBar().showMessage(
            translate("EditorWiring", "Saved again: nothing was lost"), 5000
        )
    )

    # the photo library's "Insert photo..." (issue 5) serves the toolbar button and its shortcut
    bar_photo = workspace.formatting.photo
    for other in window.findChildren(QAction):
        if other is not bar_photo and other.shortcut() == bar_photo.shortcut():
            bar_photo.setShortcut(QKeySequence())
            bar_photo.triggered.disconnect()
            bar_photo.triggered.connect(other.trigger)
            break

    # drag a file onto the window
    drop = FileDropFilter(import_paths, window)
    window.setAcceptDrops(True)
    for w in (window, body, workspace.preview, workspace.preview.viewport(), body.viewport()):
        w.installEventFilter(drop)
        w.setAcceptDrops(True)
    window.file_drop_filter = drop  # type: ignore[attr-defined]
    window.import_paths = import_paths  # type: ignore[attr-defined]


def set_lead_limit(ctx: AppContext, editor: ArticleEditor, words: int) -> None:
    """Keep ``words`` as the longest lead the preflight accepts; check the open article again."""
    words = max(LEAD_LIMIT_RANGE[0], min(LEAD_LIMIT_RANGE[1], int(words)))
    ctx.save_settings(ctx.settings.with_changes(lead_max_words=words))
    editor.run_preflight()


def _focused_text(window: QWidget, op: str) -> None:
    w = QApplication.focusWidget()
    fn = getattr(w, op, None)
    if callable(fn):
        fn()


def start_editor(editor: ArticleEditor) -> None:
    """After the window is shown: reopen the last session, or run a test hook."""
    script = scripted_text()
    if script is not None:
        text, interval = script

        # the kill harness: a new article, typed into through Qt input events
        def on_opened(_article_id: str) -> None:
            editor.opened.disconnect(on_opened)
            typing = ScriptedTyping(editor.view.body, text, interval, lambda: None)
            editor._scripted_typing = typing  # type: ignore[attr-defined]  # keep it alive
            typing.start()

        editor.opened.connect(on_opened)
        editor.new_article()
        return
    import os

    if os.environ.get(ENV_REPORT):

        def report(article_id: str) -> None:
            entry = editor._position()
            print(
                json.dumps(
                    {
                        "article_id": article_id,
                        "field": entry.field if entry else None,
                        "cursor": entry.cursor if entry else None,
                        "body": editor.view.body.toPlainText(),
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
            QTimer.singleShot(0, QApplication.quit)

        editor.session_restored.connect(report)
    editor.restore_session()


def _house_style_checker(ctx: AppContext) -> Callable[[str], Iterable[TextFinding]]:
    """The preflight's Vietnamese checks with the house tone style of the moment (the
    preferences may change it while the editor is open)."""
    from qk3editor.core.preflight import default_text_checker

    def check(text: str) -> Iterable[TextFinding]:
        checker = default_text_checker(ctx.settings.tone_style)
        return checker(text) if checker is not None else ()

    return check
