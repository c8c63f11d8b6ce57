"""Quitting the GUI: the task runner owns every executor, so one shutdown ends them all."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.photos.ingest import INGEST_POOL
from qk3editor.ui.tasks import TaskRunner


def test_gui_shutdown_leaves_no_thread_timer_or_worker_process(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    before = set(threading.enumerate())
    ctx = AppContext.open(language="en")
    gui = build_gui(ctx, TaskRunner())
    qtbot.addWidget(gui.window)
    assert gui.runner.pools is ctx.tasks.pools  # the services' pools are the runner's
    gui.photo_desk.workers = 2
    gui.photo_desk.warm_pool()  # the desk's process pool, started when the desk opens
    pool = gui.runner.pools.processes(INGEST_POOL)
    pids = {pool.submit(os.getpid).result(60) for _ in range(4)}
    article = ctx.articles.create(ArticleFields(title="Bài có ảnh"))
    ctx.preparer.prepare_article(article.id)  # the rendition preparer's threads
    assert ctx.preparer.wait(30)
    timers = [t for t in gui.runner.findChildren(QTimer) if t.isActive()]
    assert timers  # the outbox's

    gui.runner.wait()
    gui.shutdown()

    assert [t for t in timers if t.isActive()] == []
    ours = [t.name for t in threading.enumerate() if t not in before and t.name.startswith("qk3-")]
    assert ours == []
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert ctx.tasks.pools.closed
