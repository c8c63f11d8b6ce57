"""The library marks the articles somebody else is editing (issue 16): a pencil on the title,
"Đức Việt đang sửa" in its tooltip, read for the pages shown only, following live changes."""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qk3editor.core.articles import ArticleFields
from qk3editor.core.leases import Lease, LeaseOwner
from qk3editor.storage.leases_repository import LeaseRepository
from qk3editor.ui.library.holds import LibraryHolds
from qk3editor.ui.library.model import CHUNK
from tests.newsroom.test_lease_gui import (  # the same window and thread guard
    _close,
    _hold,
    _open,
    gui_thread_guard,  # noqa: F401  (autouse)
)
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

VIET = LeaseOwner("viet", "Đức Việt", "bientap-02", 4242)
WAIT_MS = 30_000  # a bound for a slow machine; it usually takes a few milliseconds
DECO = Qt.ItemDataRole.DecorationRole
TIP = Qt.ItemDataRole.ToolTipRole


def _cell(gui: Any, article_id: str, role: Qt.ItemDataRole) -> Any:
    model = gui.library.model
    return model.index(model.row_of(article_id), 0).data(role)


def _recording(leases: LeaseRepository) -> list[list[str]]:
    """Every ``holders(ids)`` call's ids (on the instance the window uses)."""
    asked: list[list[str]] = []
    real = leases.holders

    def holders(ids: Sequence[str]) -> dict[str, Lease]:
        asked.append(list(ids))
        return real(ids)

    leases.holders = holders  # type: ignore[method-assign]
    return asked


def test_the_library_marks_what_another_edits_and_follows_release_and_own_leases(
    qtbot: Any, home: Path
) -> None:
    gui, trs = _open(qtbot)
    ctx = gui.ctx
    held = ctx.articles.create(ArticleFields(title="Bài Việt đang sửa"))
    free = ctx.articles.create(ArticleFields(title="Bài không ai sửa"))
    mine = ctx.articles.create(ArticleFields(title="Bài tôi mở"))
    viet = LeaseRepository(ctx.store, VIET)  # another app on the same file
    assert viet.acquire(held.id).granted
    gui.library.refresh()
    gui.library.view.article_activated.emit(mine.id)  # this window holds it: no mark
    assert gui.leases.held == (mine.id,)
    gui.library.refresh()
    assert _cell(gui, held.id, DECO) is not None
    tip = _cell(gui, held.id, TIP)
    assert "Bài Việt đang sửa" in tip and "Đức Việt đang sửa (trên máy bientap-02, từ " in tip
    assert _cell(gui, free.id, DECO) is None and _cell(gui, mine.id, DECO) is None
    assert _cell(gui, free.id, TIP) == "Bài không ai sửa"
    assert _cell(gui, held.id, Qt.ItemDataRole.DisplayRole) == "Bài Việt đang sửa"

    assert viet.release(held.id)
    gui.bus.announce_remote("lease", [held.id])  # what the listener tells on PostgreSQL
    assert _cell(gui, held.id, DECO) is None
    assert _cell(gui, held.id, TIP) == "Bài Việt đang sửa"
    _close(gui, trs)


def test_a_take_over_in_this_window_clears_the_mark(
    qtbot: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gui, trs = _open(qtbot)
    ctx = gui.ctx
    held = ctx.articles.create(ArticleFields(title="Bài Việt đang sửa"))
    assert LeaseRepository(ctx.store, VIET).acquire(held.id).granted
    gui.library.refresh()
    assert _cell(gui, held.id, DECO) is not None
    gui.library.view.article_activated.emit(held.id)
    gui.leases.take_over("Anh Việt đi công tác")
    assert gui.leases.held == (held.id,)
    assert _cell(gui, held.id, DECO) is None  # ours now: nothing to warn about
    _close(gui, trs)


def test_leases_are_read_for_the_rows_read_only(qtbot: Any, home: Path) -> None:
    gui, trs = _open(qtbot)
    ctx = gui.ctx
    for i in range(3 * CHUNK + 7):
        ctx.articles.create(ArticleFields(title=f"Bài {i:04d}"))
    holds = gui.window.findChild(LibraryHolds, "libraryHolds")
    assert holds is not None
    asked = _recording(ctx.leases)
    model = gui.library.model
    gui.library.refresh()
    model.index(0, 0).data()
    qtbot.wait(10)
    assert asked and all(len(ids) <= CHUNK for ids in asked)
    first = {i for ids in asked for i in ids}
    assert len(first) <= 2 * CHUNK  # the first page (and what the view painted), not 307
    far = model.article_id(3 * CHUNK + 3)  # the view scrolls to the end: that page is asked
    assert far is not None and any(far in ids for ids in asked)
    assert len({i for ids in asked for i in ids}) <= 3 * CHUNK  # never the whole list
    _close(gui, trs)


def test_on_postgres_a_hold_elsewhere_shows_live_and_goes_when_the_holder_dies(
    qtbot: Any,
    home: Path,
    fresh_postgres: str,  # noqa: F811
) -> None:
    gui, trs = _open(qtbot, fresh_postgres)
    ctx = gui.ctx
    article = ctx.articles.create(ArticleFields(title="Bài sắp bị giữ"))
    gui.library.refresh()
    assert gui.live is not None
    qtbot.waitUntil(lambda: gui.live.listener.conn is not None, timeout=WAIT_MS)
    assert _cell(gui, article.id, DECO) is None
    child = _hold(fresh_postgres, article.id, "2")  # another process takes the lease
    try:
        qtbot.waitUntil(lambda: _cell(gui, article.id, DECO) is not None, timeout=WAIT_MS)
        assert "Biên tập" in _cell(gui, article.id, TIP)
        os.kill(child.pid, signal.SIGKILL)  # its app dies: no release, no NOTIFY
        child.wait()
        qtbot.waitUntil(lambda: _cell(gui, article.id, DECO) is None, timeout=WAIT_MS)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    _close(gui, trs)
