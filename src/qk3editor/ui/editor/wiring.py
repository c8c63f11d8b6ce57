"""Puts the reporter's editor into the main window, one small class per menu area (as Picard
has one class per preferences page): File (import, export, drops), Edit (undo, find), Article
(workflow moves, the lead-length limit), Photos (the formatting bar's photo button), View
(focus mode). :class:`EditorMenus` builds them once; app.build_gui calls it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMessageBox

from qk3editor.core import atomic
from qk3editor.core.articles import Article
from qk3editor.core.errors import QkError
from qk3editor.core.exporters import export_docx, export_html
from qk3editor.core.importers import IMPORT_SUFFIXES, ImportedDocument
from qk3editor.core.markdown_io import export_markdown
from qk3editor.core.preflight import TextFinding
from qk3editor.storage.editor_import import save_imported
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.ui.checks.legacy import import_with_legacy_check
from qk3editor.ui.editor.article_editor import ArticleEditor
from qk3editor.ui.editor.view import ArticleEditorView
from qk3editor.ui.editor.workspace import EditorWorkspace
from qk3editor.ui.errors import describe_error
from qk3editor.ui.operations import Operations

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.ui.main_window import MainWindow
    from qk3editor.ui.tasks import TaskRunner


translate = QCoreApplication.translate
SWITCH_INTERVAL_S = 0.001
LEAD_LIMIT_RANGE = (10, 500)  # words


def build_editor(
    window: MainWindow,
    ctx: AppContext,
    runner: TaskRunner,
    workspace: EditorWorkspace | None,
    ops: Operations,
) -> ArticleEditor:
    """The editor's controller on the workspace the shell built (or a new one, as a panel)."""
    # Saves, checks and renders run in worker threads while the reporter types. Python hands
    # the GIL back to the GUI thread only every "switch interval" (5 ms by default), and a
    # keystroke waiting on it twice is a dropped frame: 1 ms keeps typing smooth.
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
    if workspace is None:
        workspace = EditorWorkspace(ArticleEditorView(window), window)
        window.add_panel(workspace, 5)
    photos = ctx.photos
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
        photo_library=photos.get,
        parent=window,
        lead_max_words=lambda: ctx.settings.lead_max_words,
        ops=ops,
    )
    editor.featured_photo_of = _featured_photo_of(photos)
    editor.page_photos_of = ctx.photo_source.for_id  # the preview shows the portal's page
    # the preflight is checked again on the change bus (article_photos, photo, settings)
    editor.text_checker = _house_style_checker(ctx)  # issue 11: advice toward the house style
    return editor


def _featured_photo_of(repo: PhotoRepository) -> Callable[[str], str | None]:
    """The article's featured photo (the photo desk's ``article_photos.featured`` flag)."""

    def featured(article_id: str) -> str | None:
        return next(
            (str(ap.photo.id) for ap in repo.article_photos(article_id) if ap.featured), None
        )

    return featured


def _add_action(
    window: MainWindow, menu: QMenu, text: str, shortcut: str | None, slot: Callable[[], object]
) -> QAction:
    a = QAction(text, window)
    if shortcut:
        a.setShortcut(QKeySequence(shortcut))
    a.triggered.connect(slot)
    menu.addAction(a)
    return a


class FileDropFilter(QObject):
    """Files dropped on the window (or on the editor) are imported as new articles."""

    def __init__(self, on_files: Callable[[list[Path]], None], parent: QObject | None = None):
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
        # DragEnter and DragMove events are QDragMoveEvents, a Drop a QDropEvent
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)
            if self.importable(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = self.importable(event)
            if files:
                event.acceptProposedAction()
                self.on_files(files)
                return True
        return False


class FileActions(QObject):
    """File: Import (dialog and drag-and-drop; Word, markdown, web pages), Export."""

    exported = Signal(object)  # the Path written

    def __init__(
        self, window: MainWindow, ctx: AppContext, editor: ArticleEditor, ops: Operations
    ) -> None:
        super().__init__(window)
        self.window, self.ctx, self.editor, self.ops = window, ctx, editor, ops
        window.import_action.triggered.connect(self.ask_import)
        menu = window.file_menu.addMenu(translate("EditorWiring", "&Export"))
        for fmt, text in (
            ("md", translate("EditorWiring", "Markdown (.md)…")),
            ("html", translate("EditorWiring", "Portal web page (.html)…")),
            ("docx", translate("EditorWiring", "Word (.docx)…")),
        ):
            _add_action(window, menu, text, None, lambda fmt=fmt: self.ask_export(fmt))
        self.drop_filter = FileDropFilter(self.import_paths, self)
        workspace = editor.workspace
        body = workspace.view.body
        window.setAcceptDrops(True)
        for w in (window, body, workspace.preview, workspace.preview.viewport(), body.viewport()):
            w.installEventFilter(self.drop_filter)
            w.setAcceptDrops(True)

    def ask_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            translate("EditorWiring", "Import articles"),
            "",
            translate("EditorWiring", "Articles (*.docx *.md *.markdown *.txt *.html *.htm)"),
        )
        self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        """Read the files here (TCVN3/VNI asks the person), save them as one operation, then
        open the last one."""
        docs: list[ImportedDocument] = []
        for p in paths:
            try:
                doc = import_with_legacy_check(p, self.window)
            except QkError as exc:
                self._warn(exc)
                continue
            if isinstance(doc, ImportedDocument):
                docs.append(doc)
        if not docs:
            return
        articles, photos_dir = self.ctx.articles, self.ctx.paths.photos_dir

        def save() -> list[Article]:
            return [save_imported(doc, articles, photos_dir) for doc in docs]

        self.ops.run(
            save,
            changes=lambda saved: [("article", [a.id for a in saved])],
            on_done=lambda saved: self.editor.open(saved[-1].id),
            on_error=self._warn,
        )

    def _warn(self, exc: BaseException) -> None:
        QMessageBox.warning(
            self.window,
            translate("EditorWiring", "Import"),
            describe_error(exc, self.ctx.translator),
        )

    def ask_export(self, fmt: str) -> None:
        if self.editor.article is None:
            return
        filters = {
            "md": translate("EditorWiring", "Markdown (*.md)"),
            "html": translate("EditorWiring", "Web page (*.html)"),
            "docx": translate("EditorWiring", "Word document (*.docx)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("EditorWiring", "Export article"),
            f"article.{fmt}",
            filters[fmt],
        )
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        """Write the open article as the editor shows it (``md``, ``html`` or ``docx``).

        The widgets are read here; rendering and writing the file run on the ``io`` lane.
        """
        editor = self.editor
        if editor.article is None:
            return
        editor.save()
        build = editor.render_input()
        resolver = editor.preview.resolver
        fields = editor.workspace.view.read_fields()
        article = replace(
            editor.article,
            title=fields.title or "",
            lead=fields.lead or "",
            body=fields.body or "",
            byline=fields.byline or "",
            tags=fields.tags or (),
        )

        def write() -> Path:
            if fmt == "md":
                atomic.write_text(path, export_markdown(article))
            elif fmt == "html":
                atomic.write_text(path, export_html(build(), resolver))
            else:
                atomic.write_bytes(path, export_docx(build(), resolver))
            return path

        self.ops.run(write, on_done=self.exported.emit, on_error=self._warn_export, lane="io")

    def _warn_export(self, exc: BaseException) -> None:
        QMessageBox.warning(
            self.window,
            translate("EditorWiring", "Export"),
            describe_error(exc, self.ctx.translator),
        )


class EditActions(QObject):
    """Edit: undo/redo (of the focused field), find, find and replace, find next."""

    def __init__(self, window: MainWindow, editor: ArticleEditor) -> None:
        super().__init__(window)
        find_bar = editor.workspace.find_bar
        menu = window.edit_menu
        _add_action(window, menu, translate("EditorWiring", "&Undo"), "Ctrl+Z", self.undo)
        _add_action(window, menu, translate("EditorWiring", "&Redo"), "Ctrl+Shift+Z", self.redo)
        menu.addSeparator()
        _add_action(window, menu, translate("EditorWiring", "&Find…"), "Ctrl+F", find_bar.open_bar)
        _add_action(
            window,
            menu,
            translate("EditorWiring", "Find and &replace…"),
            "Ctrl+R",
            lambda: find_bar.open_bar(replace=True),
        )
        _add_action(window, menu, translate("EditorWiring", "Find next"), "F3", find_bar.find)

    @staticmethod
    def undo() -> None:
        _focused_text("undo")

    @staticmethod
    def redo() -> None:
        _focused_text("redo")


def _focused_text(op: str) -> None:
    fn = getattr(QApplication.focusWidget(), op, None)
    if callable(fn):
        fn()


class ArticleActions(QObject):
    """Article: the workflow moves, and the preflight's lead-length limit (a setting)."""

    def __init__(
        self, window: MainWindow, ctx: AppContext, editor: ArticleEditor, ops: Operations
    ) -> None:
        super().__init__(window)
        self.window, self.ctx, self.ops = window, ctx, ops
        window.article_menu.addSeparator()
        for a in editor.workflow.actions.values():
            window.article_menu.addAction(a)
        window.article_menu.addSeparator()
        self.lead_limit_action = _add_action(
            window,
            window.article_menu,
            translate("EditorWiring", "Lead length limit…"),
            None,
            self.ask_lead_limit,
        )

    def ask_lead_limit(self) -> None:
        value, ok = QInputDialog.getInt(
            self.window,
            translate("EditorWiring", "Lead length limit"),
            translate("EditorWiring", "Longest lead (sapo), in words:"),
            self.ctx.settings.lead_max_words,
            LEAD_LIMIT_RANGE[0],
            LEAD_LIMIT_RANGE[1],
        )
        if ok:
            self.set_lead_limit(value)

    def set_lead_limit(self, words: int) -> None:
        """Keep ``words`` as the longest lead the preflight accepts; the editor checks the
        open article again when the bus announces the settings change."""
        words = max(LEAD_LIMIT_RANGE[0], min(LEAD_LIMIT_RANGE[1], int(words)))
        ctx = self.ctx
        settings = ctx.settings.with_changes(lead_max_words=words)
        self.ops.run(
            lambda: ctx.save_settings(settings), changes=[("settings", ["lead_max_words"])]
        )


class PhotoActions(QObject):
    """Photos: the formatting bar's photo button runs the photo library's "Insert photo..."
    (issue 5) when that is installed, with one shortcut for both."""

    def __init__(self, window: MainWindow, editor: ArticleEditor) -> None:
        super().__init__(window)
        bar_photo = editor.workspace.formatting.photo
        for other in window.findChildren(QAction):
            if other is not bar_photo and other.shortcut() == bar_photo.shortcut():
                bar_photo.setShortcut(QKeySequence())
                bar_photo.triggered.disconnect()
                bar_photo.triggered.connect(other.trigger)
                break


class ViewActions(QObject):
    """View: focus mode (only the editor, without its side panels)."""

    def __init__(self, window: MainWindow, editor: ArticleEditor) -> None:
        super().__init__(window)
        self.window, self.workspace = window, editor.workspace
        self.focus_action = QAction(translate("EditorWiring", "&Focus mode"), window)
        self.focus_action.setCheckable(True)
        self.focus_action.setShortcut(QKeySequence("F11"))
        self.focus_action.toggled.connect(self.set_focus_mode)
        window.view_menu.addAction(self.focus_action)

    def set_focus_mode(self, on: bool) -> None:
        self.workspace.set_focus_mode(on)
        for i in range(self.window.splitter.count()):
            w = self.window.splitter.widget(i)
            if w is not self.workspace:
                w.setVisible(not on)


class StoreStatus(QObject):
    """The status bar tells when the store cannot be written, and when it can again."""

    def __init__(self, window: MainWindow, editor: ArticleEditor) -> None:
        super().__init__(window)
        bar = window.statusBar()
        editor.store_failed.connect(bar.showMessage)
        editor.store_recovered.connect(
            lambda: bar.showMessage(
                translate("EditorWiring", "Saved again: nothing was lost"), 5000
            )
        )


@dataclass
class EditorMenus:
    """The editor's menu areas, built once by app.build_gui (after the photo desk, whose
    "Insert photo..." the formatting bar's button shares)."""

    file: FileActions
    edit: EditActions
    article: ArticleActions
    photos: PhotoActions
    view: ViewActions
    store: StoreStatus

    @classmethod
    def build(
        cls, window: MainWindow, ctx: AppContext, editor: ArticleEditor, ops: Operations
    ) -> EditorMenus:
        return cls(
            file=FileActions(window, ctx, editor, ops),
            edit=EditActions(window, editor),
            article=ArticleActions(window, ctx, editor, ops),
            photos=PhotoActions(window, editor),
            view=ViewActions(window, editor),
            store=StoreStatus(window, editor),
        )


def _house_style_checker(ctx: AppContext) -> Callable[[str], Iterable[TextFinding]]:
    """The preflight's Vietnamese checks with the house tone style of the moment (the
    preferences may change it while the editor is open)."""
    from qk3editor.core.preflight import default_text_checker

    def check(text: str) -> Iterable[TextFinding]:
        checker = default_text_checker(ctx.settings.tone_style)
        return checker(text) if checker is not None else ()

    return check
