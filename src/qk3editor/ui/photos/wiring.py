"""Puts the photo desk into the main window (called once from app.py's build_gui).

Adds a Photos menu (Photo desk, Import photos) and, in the Article menu, "Insert photo..."
(at the body's cursor, attaching the photo to the article) and "Photos of this article..."
(order, featured photo, the article's captions).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from qk3editor.photos.renditions import specs_from_settings
from qk3editor.ui.operations import Operations
from qk3editor.ui.photos.article_photos import ArticlePhotosDialog
from qk3editor.ui.photos.controller import PhotoDeskController
from qk3editor.ui.photos.picker import PhotoPicker
from qk3editor.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qk3editor.context import AppContext


def install_photo_desk(
    ctx: AppContext, runner: TaskRunner, window: Any, editor: Any, ops: Operations
) -> PhotoDeskController:
    repo = ctx.photos
    desk = PhotoDeskController(
        repo, runner, ctx.paths.thumbnails_dir, ctx.translator, window, ops=ops
    )
    desk.view.setWindowFlag(Qt.WindowType.Window, True)
    desk.view.setParent(window, Qt.WindowType.Window)
    desk.error.connect(lambda msg: window.statusBar().showMessage(msg, 10_000))
    desk.view.captions.house_style = getattr(ctx.settings, "tone_style", "old")
    desk.who = ctx.settings.who
    desk.default_credit = ctx.settings.photo_credit
    desk.set_location_policy(ctx.settings.location_policy)
    desk.specs = specs_from_settings(ctx.settings)
    desk.message.connect(lambda msg: window.statusBar().showMessage(msg, 5_000))
    codes_file = (ctx.settings.extra or {}).get("photo_codes_file")
    if codes_file and Path(codes_file).is_file():
        desk.load_codes(Path(codes_file), remember=False)

    def remember_codes(path: str) -> None:
        extra = dict(ctx.settings.extra or {})
        extra["photo_codes_file"] = path
        settings = ctx.settings.with_changes(extra=extra)
        ops.run(lambda: ctx.save_settings(settings), changes=[("settings", ["photo_codes_file"])])

    desk.codes_file_chosen.connect(remember_codes)

    menu = window.menuBar().addMenu(QCoreApplication.translate("PhotoDesk", "&Photos"))
    open_desk = QAction(QCoreApplication.translate("PhotoDesk", "Photo &desk"), window)
    open_desk.setShortcut(QKeySequence("Ctrl+Shift+D"))
    open_desk.triggered.connect(lambda: (desk.warm_pool(), desk.view.show(), desk.view.raise_()))
    import_photos = QAction(QCoreApplication.translate("PhotoDesk", "&Import photos..."), window)
    import_photos.triggered.connect(lambda: (desk.view.show(), desk.view.import_requested.emit()))
    menu.addAction(open_desk)
    menu.addAction(import_photos)

    insert = QAction(QCoreApplication.translate("PhotoDesk", "Insert &photo..."), window)
    insert.setShortcut(QKeySequence("Ctrl+Shift+I"))
    manage = QAction(QCoreApplication.translate("PhotoDesk", "Photos of this &article..."), window)

    def insert_photo() -> None:
        article_id = getattr(editor, "article_id", None)
        ids = PhotoPicker.pick(window, repo, desk.thumbs)
        if not ids:
            return
        body = getattr(getattr(editor, "view", None), "body", None)
        if body is not None:
            body.textCursor().insertText(PhotoPicker.snippets(repo, ids))
        if article_id:
            ops.run(lambda: repo.attach(article_id, ids), [("article_photos", [article_id])])

    def manage_photos() -> None:
        article_id = getattr(editor, "article_id", None)
        if article_id:
            ArticlePhotosDialog(repo, desk.thumbs, article_id, ops, window).open()

    insert.triggered.connect(insert_photo)
    manage.triggered.connect(manage_photos)
    window.article_menu.addSeparator()
    window.article_menu.addAction(insert)
    window.article_menu.addAction(manage)
    return desk
