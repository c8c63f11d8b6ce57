"""The GUI's one describer, and the outbox showing why Retry or Cancel did not happen."""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import OperationalError

from qk3editor.core.articles import ArticleFields
from qk3editor.core.errors import ArticleNotFound
from qk3editor.core.i18n import Translator
from qk3editor.core.publish_data import PublishStatus, Target, TargetKind
from qk3editor.paths import resources_dir
from qk3editor.ui.errors import describe_error
from tests.ui.test_app import close_gui, open_gui


def test_describe_error_speaks_vietnamese(qtbot, caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QCoreApplication

    from qk3editor.ui.i18n import install_translators

    vi = Translator.load("vi", resources_dir() / "translations")
    app = QCoreApplication.instance()
    translators = install_translators(app, "vi", resources_dir() / "translations")
    try:
        assert describe_error(ArticleNotFound(id="a1"), vi) == "Không có bài viết nào có mã a1"
        full = OSError(errno.ENOSPC, "No space left on device", "/data/kho.sqlite3")
        assert describe_error(full, vi) == "Ổ đĩa đã đầy: /data/kho.sqlite3"
        locked = OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
        assert describe_error(locked, vi).startswith("Kho dữ liệu đang bận")
        request = httpx.Request("GET", "https://qk3.example/")
        assert describe_error(httpx.ConnectTimeout("slow", request=request), vi) == (
            "Trang web không trả lời kịp: https://qk3.example/"
        )
        with caplog.at_level(logging.ERROR, logger="qk3editor"):
            text = describe_error(KeyError("x"))
        assert text == "Lỗi không lường trước (KeyError); chi tiết có trong nhật ký"
        assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_the_outbox_shows_why_retry_was_refused(qtbot, home: Path) -> None:
    from qk3editor.ui.publish.outbox_view import OutboxDialog

    gui, trs = open_gui(qtbot)
    try:
        publish = gui.publish
        services = publish.services
        services.repo.add_target(Target("cong", TargetKind.NINJS, "http://127.0.0.1:9/", "e", {}))
        article = gui.ctx.articles.create(ArticleFields(title="Bài", lead="Sapo", body="Thân"))
        services.outbox.enqueue(article, [], "cong", PublishStatus.DRAFT)  # queued: no retry
        dialog = OutboxDialog(services, gui.ops, gui.window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.error_label.isHidden()
        dialog.table.selectRow(0)
        dialog.retry_button.click()
        assert dialog.last_error != ""
        assert dialog.error_label.isVisible() and dialog.error_label.text() == dialog.last_error
        dialog.cancel_button.click()  # a queued job can be cancelled: the error goes
        assert dialog.error_label.isHidden() and dialog.last_error == ""
    finally:
        close_gui(gui, trs)
