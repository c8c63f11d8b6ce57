"""Over the article budget the preview keeps its last good render and says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from qk3editor.core import budgets
from qk3editor.core.articles import ArticleFields
from tests.ui.test_app import close_gui, open_gui, type_text


def test_over_budget_keeps_the_last_render_and_shows_why(
    qtbot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budgets, "MAX_ARTICLE_CHARS", 60)
    gui, trs = open_gui(qtbot)
    a = gui.ctx.articles.create(ArticleFields(title="Bài", body="Đoạn đầu tiên của bài.\n"))
    gui.window.show()
    gui.editor.open(a.id)
    pane = gui.editor.workspace.preview
    qtbot.waitUntil(lambda: "Đoạn đầu tiên" in pane.toPlainText())
    assert not pane.notice.isVisible()
    body = gui.editor.view.body
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    type_text(body, "\n\nĐoạn thứ hai làm bài dài hơn giới hạn sáu mươi ký tự.")
    qtbot.waitUntil(lambda: pane.notice.isVisible(), timeout=5000)
    # the last good render stays, the notice says what the limit is, in Vietnamese
    assert "Đoạn đầu tiên" in pane.toPlainText() and "Đoạn thứ hai" not in pane.toPlainText()
    assert "60" in pane.notice.text() and "quá dài" in pane.notice.text()
    # back under the budget: the preview catches up and the notice goes
    body.selectAll()
    body.textCursor().insertText("Ngắn.\n")
    qtbot.waitUntil(lambda: "Ngắn." in pane.toPlainText(), timeout=5000)
    assert not pane.notice.isVisible()
    close_gui(gui, trs)
