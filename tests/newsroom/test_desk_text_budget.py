"""A note for the desk and the desk's return comment have a budget (MAX_DESK_TEXT_CHARS,
docs/LIMITS.md): over it, a Vietnamese message in the CLI and the window, nothing sent or
stored; the worst case (a pasted book, typed decomposed) is refused on its length alone."""

from __future__ import annotations

import io
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from qk3editor.app import build_gui
from qk3editor.cli import main
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.budgets import MAX_DESK_TEXT_CHARS
from qk3editor.core.desk import DeskTextTooLong, desk_text
from qk3editor.paths import resources_dir
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.desk_repository import DeskRepository
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.tasks import InlineTaskRunner
from tests.thread_guard import ThreadGuard, thread_guard
from tests.ui.test_app import close_gui

from .send_helpers import article_with_photos, reporter

NFC_E = "ệ"  # one character; typed decomposed it is three code points
DECOMPOSED_E = unicodedata.normalize("NFD", NFC_E)
WORST = DECOMPOSED_E * 3_000_000  # 9 million code points pasted, 3 million characters


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[ThreadGuard]:
    with thread_guard() as guard:
        yield guard
    assert not guard.violations, "\n".join(guard.violations)


def test_the_budget_counts_characters_after_nfc() -> None:
    assert len(DECOMPOSED_E) == 3
    at_limit = DECOMPOSED_E * MAX_DESK_TEXT_CHARS  # three times as many code points
    assert desk_text(f"  {at_limit}\n") == NFC_E * MAX_DESK_TEXT_CHARS
    with pytest.raises(DeskTextTooLong) as over:
        desk_text(NFC_E * (MAX_DESK_TEXT_CHARS + 1))
    assert over.value.params == {"size": MAX_DESK_TEXT_CHARS + 1, "limit": MAX_DESK_TEXT_CHARS}
    with pytest.raises(DeskTextTooLong) as worst:
        desk_text(WORST)
    assert worst.value.params["size"] == len(WORST)


def test_cli_refuses_an_over_long_note_and_comment_storing_nothing(
    home: Path,
    tmp_path: Path,
    newsroom_url: str,
    memkeyring: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    r = reporter(home.parent / "prep")
    article = article_with_photos(r, tmp_path, sizes=(10_000,))
    r.close()
    store = str(home.parent / "prep" / "local.sqlite3")
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu\n"))
    add = ["--store", store, "target", "add", "toasoan", "--kind", "newsroom"]
    assert main([*add, "--url", newsroom_url, "--user", "qk3"]) == 0
    capsys.readouterr()

    code = main(
        ["--store", store, "publish", article.id[:8], "--target", "toasoan", "--note", WORST]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert f"quá dài ({len(WORST)} ký tự; tối đa {MAX_DESK_TEXT_CHARS})" in err
    assert "không có gì được gửi hay lưu" in err
    assert main(["--store", store, "outbox", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"  # no job queued
    desk = open_store(newsroom_url)
    try:
        assert ArticleRepository(desk).count() == 0  # nothing reached the desk

        assert main(["--store", store, "publish", article.id[:8], "--target", "toasoan"]) == 0
        capsys.readouterr()
        long_comment = "Thiếu ảnh. " * (MAX_DESK_TEXT_CHARS // 10)  # just over, after trim
        assert len(long_comment.strip()) > MAX_DESK_TEXT_CHARS
        ret = ["--store", newsroom_url, "desk", "return", article.id]
        assert main([*ret, "--comment", long_comment]) != 0
        assert "quá dài" in capsys.readouterr().err
        assert ArticleRepository(desk).get(article.id).status is Status.SUBMITTED
        assert [m.kind.value for m in DeskRepository(desk).messages(article.id)] == ["submitted"]
        fits = long_comment[: MAX_DESK_TEXT_CHARS - 10]
        assert main([*ret, "--comment", fits]) == 0  # within the budget: returned
        assert ArticleRepository(desk).get(article.id).status is Status.DRAFT
    finally:
        desk.close()


def _window(qtbot: Any) -> tuple[Any, list[Any]]:
    ctx = AppContext.open(language="vi", create=True)
    trs = install_translators(QApplication.instance(), "vi", resources_dir() / "translations")
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    gui.window.resize(1366, 768)
    gui.window.show()
    return gui, trs


def test_the_window_says_why_and_keeps_the_text(
    qtbot: Any, home: Path, newsroom_url: str, memkeyring: object
) -> None:
    gui, trs = _window(qtbot)
    try:
        ctx = gui.ctx
        ctx.publishing.add_target("toasoan", "newsroom", newsroom_url, "qk3", "x")
        article = ctx.articles.create(ArticleFields(title="Bài gửi kèm ghi chú dài"))
        desk = gui.publish.desk
        dialog = desk.send_article(ctx.articles.get(article.id))
        assert dialog is not None
        dialog.note.setPlainText(NFC_E * (MAX_DESK_TEXT_CHARS + 1))
        dialog.send_button.click()
        assert "quá dài (4001 ký tự; tối đa 4000)" in dialog.message.text()
        assert dialog.send_button.isEnabled()  # fix the note and send again
        assert ctx.publishing.repo.jobs() == []  # nothing queued, nothing sent
        dialog.close()

        ctx.articles.set_status(article.id, Status.SUBMITTED)
        returning = desk.ask_return(ctx.articles.get(article.id))
        returning.comment.setPlainText("x" * (MAX_DESK_TEXT_CHARS + 1))
        returning.ok.click()
        assert returning.isVisible()  # the dialog stays, with the text
        assert "quá dài" in returning.message.text()
        assert ctx.articles.get(article.id).status is Status.SUBMITTED
        assert DeskRepository(ctx.store).messages(article.id) == []
        returning.comment.setPlainText("Bổ sung ảnh")
        returning.ok.click()
        assert not returning.isVisible()
        assert ctx.articles.get(article.id).status is Status.DRAFT
    finally:
        close_gui(gui, trs)
