"""The window on a newsroom store as a reporter: what the role may not do is disabled with the
reason, and a client that skips that check still meets the server's refusal, in Vietnamese."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtWidgets import QApplication

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.photos import PhotoMetadata
from qk3editor.core.roles import Role
from qk3editor.paths import resources_dir
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.photos_repository import NewPhoto, PhotoRepository
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.tasks import InlineTaskRunner


def test_a_reporter_sees_why_and_the_server_refuses_anyway(
    qtbot: Any, home: Path, newsroom: Store, make_user: Any
) -> None:
    login, url = make_user(Role.REPORTER)
    _, other_url = make_user(Role.REPORTER)
    other = open_store(other_url)
    try:
        theirs = ArticleRepository(other).create(
            ArticleFields(title="Bài của phóng viên khác", body="Nội dung")
        )
        (their_photo,) = PhotoRepository(other).add([NewPhoto("/a.jpg", "a" * 64, PhotoMetadata())])
    finally:
        other.close()
    me = open_store(url)
    try:
        (my_photo,) = PhotoRepository(me).add([NewPhoto("/b.jpg", "b" * 64, PhotoMetadata())])
    finally:
        me.close()

    ctx = AppContext.open(store=url, language="vi")
    translators = install_translators(
        QApplication.instance(), "vi", resources_dir() / "translations"
    )
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    try:
        w, editor = gui.window, gui.editor
        assert gui.roles is not None
        assert gui.roles.label.text() == f"Tòa soạn: {login} (phóng viên)"
        assert w.publish_action is not None and not w.publish_action.isEnabled()
        assert "biên tập viên" in w.publish_action.toolTip()

        editor.open(theirs.id)
        assert editor.article is not None and editor.article.id == theirs.id
        assert not w.save_action.isEnabled()
        assert w.save_action.toolTip().startswith("Là phóng viên, bạn chỉ được sửa bài")
        assert not w.spike_action.isEnabled()
        assert w.spike_action.toolTip().startswith("Chỉ biên tập viên mới được")
        assert editor.view.body.isReadOnly() and editor.view.title.isReadOnly()
        assert gui.leases is not None and gui.leases.held == ()  # no lease: the desk may edit
        submit = editor.workflow.actions[Status.SUBMITTED]
        assert submit.isVisible() and not submit.isEnabled() and submit.toolTip()
        if os.environ.get("QK3_SCREENSHOTS"):
            w.resize(1366, 768)
            w.show()
            qtbot.waitExposed(w)
            w.grab().save(os.environ["QK3_SCREENSHOTS"] + "/newsroom-reporter-role.png")

        desk = gui.photo_desk
        desk.apply_query()
        rows = {desk.model.photo_id(r): r for r in range(desk.model.rowCount())}
        grid = desk.view.grid.selectionModel()
        apply = desk.view.captions.apply_button
        grid.select(
            desk.model.index(rows[my_photo.id], 0), QItemSelectionModel.SelectionFlag.Select
        )
        assert apply.isEnabled() and not apply.toolTip()
        grid.select(
            desk.model.index(rows[their_photo.id], 0), QItemSelectionModel.SelectionFlag.Select
        )
        assert not apply.isEnabled()
        assert apply.toolTip().startswith("Là phóng viên, bạn chỉ được viết chú thích")

        # a modified client: the disabled action run anyway; the server says no, in Vietnamese
        editor.spike()
        assert "Máy chủ tòa soạn từ chối" in w.statusBar().currentMessage()
        assert ArticleRepository(newsroom).get(theirs.id).status is Status.DRAFT

        w.new_action.trigger()  # their own draft: everything open again
        mine = editor.article
        assert mine is not None and mine.owner == login
        assert w.save_action.isEnabled() and w.spike_action.isEnabled() is False
        assert not editor.view.body.isReadOnly()
        assert gui.leases.held == (mine.id,)
        assert editor.workflow.actions[Status.SUBMITTED].isEnabled()
        editor.workflow.actions[Status.SUBMITTED].trigger()
        assert ArticleRepository(newsroom).get(mine.id).status is Status.SUBMITTED
        assert editor.view.body.isReadOnly()  # submitted: the desk's now
        assert gui.leases.held == ()  # and its lease given back
    finally:
        gui.window.close()
        for t in translators:
            QCoreApplication.removeTranslator(t)
        ctx.close()


def test_a_local_store_has_no_role_gate(qtbot: Any, home: Path) -> None:
    ctx = AppContext.open(language="vi")
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    try:
        assert gui.roles is None
        assert gui.window.publish_action is not None and gui.window.publish_action.isEnabled()
        gui.window.new_action.trigger()
        assert gui.editor.article is not None and gui.editor.article.owner == ctx.settings.who
        assert gui.window.spike_action.isEnabled()
    finally:
        gui.window.close()
        ctx.close()
