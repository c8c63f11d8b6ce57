"""The window: "Gửi về tòa soạn" with a note, then the desk's return shown in the library and
the editor after the next outbox run (the reporter's sync). With QK3_DESK_SCREENSHOT=PATH the
window with the returned article is saved there (docs/img/toa-soan-tra-lai.png)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields, Status
from qk3editor.paths import resources_dir
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.desk_repository import DeskRepository
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.library.model import COLUMNS
from qk3editor.ui.tasks import TaskRunner
from tests.thread_guard import ThreadGuard, thread_guard
from tests.ui.test_app import close_gui


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[ThreadGuard]:
    with thread_guard() as guard:
        yield guard
    assert not guard.violations, "\n".join(guard.violations)


def test_send_to_desk_and_see_the_return(qtbot, home: Path, newsroom_url: str, memkeyring) -> None:
    ctx = AppContext.open(language="vi")
    trs = install_translators(QApplication.instance(), "vi", resources_dir() / "translations")
    gui = build_gui(ctx, TaskRunner())
    qtbot.addWidget(gui.window)
    gui.window.resize(1366, 768)
    gui.window.show()
    desk_store = open_store(newsroom_url)
    try:
        gui.ctx.publishing.add_target("toasoan", "newsroom", newsroom_url, "qk3", "x")
        article = gui.ctx.articles.create(
            ArticleFields(
                title="Bộ đội giúp dân khắc phục hậu quả bão số 3",
                lead="Sáng nay, hơn 300 cán bộ, chiến sĩ có mặt tại các xã ven biển.",
                body="Ngay trong đêm, các đơn vị đã triển khai lực lượng.",
                category="Tin tức - Sự kiện",
                byline="Đức Việt",
            )
        )
        gui.library.refresh()
        gui.editor.open(article.id)
        qtbot.waitUntil(lambda: gui.editor.article_id == article.id, timeout=10_000)
        gui.window.send_to_desk_action.trigger()
        desk = gui.publish.desk
        qtbot.waitUntil(lambda: desk.dialog is not None, timeout=10_000)
        dialog = desk.dialog
        assert dialog.windowTitle() == "Gửi về tòa soạn"
        dialog.note.setPlainText("Bài có ảnh, xin duyệt trước 17 giờ")
        dialog.send_button.click()
        qtbot.waitUntil(lambda: "Đã gửi về tòa soạn" in dialog.message.text(), timeout=30_000)
        dialog.close()
        status_col = [k for k, _ in COLUMNS].index("status")
        model = gui.library.model
        row = model.row_of(article.id)
        qtbot.waitUntil(
            lambda: "đã gửi về tòa soạn" in str(model.data(model.index(row, status_col))),
            timeout=10_000,
        )
        assert ArticleRepository(desk_store).get(article.id).status is Status.SUBMITTED
        DeskRepository(desk_store).return_article(
            article.id, "Cần thêm ý kiến của chính quyền xã; bổ sung ảnh toàn cảnh", "Trưởng ban"
        )
        gui.publish.send_due()  # the next outbox run syncs
        qtbot.waitUntil(
            lambda: (
                "Bị trả lại" in str(model.data(model.index(model.row_of(article.id), status_col)))
            ),
            timeout=20_000,
        )
        tip = model.data(model.index(model.row_of(article.id), status_col), 3)  # tooltip
        assert "chính quyền xã" in str(tip)
        banner = desk.banner.label
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        assert "Tòa soạn trả lại (Trưởng ban" in banner.text()
        assert "bổ sung ảnh toàn cảnh" in banner.text()
        shot = os.environ.get("QK3_DESK_SCREENSHOT")
        if shot:
            qtbot.wait(300)
            gui.window.grab().save(shot)
    finally:
        desk_store.close()
        close_gui(gui, trs)
