"""The lease in the window: banner, read-only editor, take-over; live refresh on PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.leases import LeaseOwner
from qk3editor.paths import resources_dir
from qk3editor.storage.leases_repository import LeaseRepository
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.tasks import InlineTaskRunner
from tests.conftest import ROOT, subprocess_env
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.thread_guard import ThreadGuard, thread_guard
from tests.ui.test_app import type_text

VIET = LeaseOwner("viet", "Đức Việt", "may-toa-soan", 4242)
WAIT_MS = 30_000  # a bound for a slow machine; it usually takes a few milliseconds


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Any:
    with thread_guard() as guard:
        yield guard
    assert not guard.violations, "\n".join(guard.violations)


def _open(qtbot: Any, store: str | None = None) -> tuple[Any, list[Any]]:
    ctx = AppContext.open(store=store, language="vi", create=True)
    translators = install_translators(
        QApplication.instance(), "vi", resources_dir() / "translations"
    )
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    gui.window.resize(1366, 768)
    gui.window.show()
    return gui, translators


def _close(gui: Any, translators: list[Any]) -> None:
    gui.window.close()
    for t in translators:
        QCoreApplication.removeTranslator(t)
    gui.ctx.close()


def test_an_article_held_by_another_opens_read_only_and_can_be_taken_over(
    qtbot: Any, home: Path, monkeypatch: pytest.MonkeyPatch, gui_thread_guard: ThreadGuard
) -> None:
    gui, trs = _open(qtbot)
    ctx = gui.ctx
    article = ctx.articles.create(ArticleFields(title="Hội nghị quân chính", body="Bản gốc."))
    viet = LeaseRepository(ctx.store, VIET)  # another app on the same file
    assert viet.acquire(article.id).granted
    gui.library.refresh()
    gui.library.view.article_activated.emit(article.id)
    banner = gui.leases.banner
    assert banner.isVisible()
    assert "Đức Việt đang sửa" in banner.label.text()
    view = gui.editor.view
    assert view.body.isReadOnly() and view.title.isReadOnly() and gui.editor.read_only
    type_text(view.body, "chữ gõ vào")  # read-only: nothing changes, nothing is saved
    gui.editor.save()
    assert ctx.articles.get(article.id).body == "Bản gốc."

    monkeypatch.setattr(
        "qk3editor.ui.editor.lease.QInputDialog.getText",
        lambda *_a, **_k: ("Anh Việt nghỉ ốm, tôi sửa tiếp", True),
    )
    banner.button.click()
    assert not banner.isVisible() and not view.body.isReadOnly()
    view.body.moveCursor(view.body.textCursor().MoveOperation.End)
    type_text(view.body, " Đã sửa.")
    gui.editor.save()
    assert ctx.articles.get(article.id).body.endswith("Đã sửa.")
    assert viet.renew([article.id]) == [article.id]  # Việt's app learns it lost the article
    takeover = [e for e in viet.events(article.id) if e.action == "takeover"]
    assert [(e.by_name, e.reason) for e in takeover] == [
        (ctx.settings.who, "Anh Việt nghỉ ốm, tôi sửa tiếp")
    ]
    _close(gui, trs)
    assert viet.current(article.id) is None  # closing the window gave it back


def test_a_holder_whose_article_is_taken_over_turns_read_only(qtbot: Any, home: Path) -> None:
    gui, trs = _open(qtbot)
    ctx = gui.ctx
    article = ctx.articles.create(ArticleFields(title="Bài đang sửa"))
    gui.library.refresh()
    gui.library.view.article_activated.emit(article.id)
    assert not gui.editor.read_only and gui.leases.held == (article.id,)
    LeaseRepository(ctx.store, VIET).acquire(article.id, takeover_reason="Cần sửa gấp")
    gui.bus.announce("lease", [article.id])  # what the listener (or the heartbeat) tells
    assert gui.editor.read_only
    assert "Đức Việt" in gui.leases.banner.label.text()
    _close(gui, trs)


def _hold(url: str, article_id: str, ttl_s: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.newsroom.lease_worker", url, article_id, "hold", ttl_s],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_on_postgres_other_processes_saves_show_live_and_a_dead_holder_frees_the_article(
    qtbot: Any,
    home: Path,
    fresh_postgres: str,  # noqa: F811
) -> None:
    gui, trs = _open(qtbot, fresh_postgres)
    ctx = gui.ctx
    held = ctx.articles.create(ArticleFields(title="Bài bị giữ", body="Đoạn một."))
    other = ctx.articles.create(ArticleFields(title="Bài khác"))
    gui.library.refresh()
    assert gui.live is not None
    qtbot.waitUntil(lambda: gui.live.listener.conn is not None, timeout=WAIT_MS)

    # another process saves: the library shows it (the CLI, a process of its own)
    out = subprocess.run(
        [sys.executable, "-m", "qk3editor", "--store", fresh_postgres, "edit", other.id,
         "--title", "Bài khác (sửa ở máy bên)"],
        cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    model = gui.library.model
    qtbot.waitUntil(
        lambda: model.index(model.row_of(other.id), 0).data() == "Bài khác (sửa ở máy bên)",
        timeout=WAIT_MS,
    )

    child = _hold(fresh_postgres, held.id, "2")
    try:
        gui.library.view.article_activated.emit(held.id)
        assert gui.editor.read_only and gui.leases.banner.isVisible()
        # the holder saves: the read-only window follows
        engine = sa.create_engine(fresh_postgres)
        with engine.begin() as conn:
            conn.execute(
                sa.text("UPDATE articles SET body = :b, version = version + 1 WHERE id = :i"),
                {"b": "Đoạn một. Đoạn hai của người giữ bài.", "i": held.id},
            )
        engine.dispose()
        view = gui.editor.view
        qtbot.waitUntil(
            lambda: view.body.toPlainText() == "Đoạn một. Đoạn hai của người giữ bài.",
            timeout=WAIT_MS,
        )
        os.kill(child.pid, signal.SIGKILL)  # the holder's app dies
        child.wait()
        qtbot.waitUntil(lambda: not gui.editor.read_only, timeout=WAIT_MS)
        assert not gui.leases.banner.isVisible() and not view.body.isReadOnly()
        assert gui.leases.held == (held.id,)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    _close(gui, trs)
