"""Keystroke handling on a 20,000-word article with 20 figures while autosave, the live preview
and the preflight checks run: the worst event-loop stall while typing 2,000 characters.

A 1 ms precise timer watches the GUI event loop; a stall is the longest gap between two of its
ticks (minus the 1 ms). Characters are typed through Qt key events (QTest.keyClick) every 25 ms,
with a 600 ms pause after every 200 (so the preview and the checks re-run "after typing pauses",
and autosave writes every second). Baseline, same run: the same typing into a bare
QPlainTextEdit holding the same text (no autosave, no preview, no checks).

    python benchmarks/keystroke.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = "Chiến sĩ mới hăng hái luyện tập, đoàn kết. " * 60  # Vietnamese via IME commits


class StallMeter:
    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._on_tick)

    def _on_tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000 - 1.0)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.gaps.clear()
        self.timer.start()


def type_text(app, edit, count: int, interval_ms: int = 25) -> StallMeter:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QTextCursor

    from qk3editor.ui.testing import type_char

    meter = StallMeter()
    loop = QEventLoop()
    state = {"i": 0}
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    edit.setFocus()

    def tick() -> None:
        i = state["i"]
        if i >= count:
            loop.quit()
            return
        type_char(edit, TYPED[i % len(TYPED)])
        state["i"] = i + 1
        QTimer.singleShot(600 if (i + 1) % 200 == 0 else interval_ms, tick)

    meter.start()
    QTimer.singleShot(interval_ms, tick)
    loop.exec()
    meter.timer.stop()
    return meter


def wait_until(condition, timeout_s: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``condition()`` (no processEvents() busy loop: in PySide6 6.12
    each static QApplication.processEvents() call drops a reference to None, and a busy loop
    of them crashes the interpreter)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(
        lambda: loop.quit() if condition() or time.monotonic() > deadline else None
    )
    poll.start()
    loop.exec()
    poll.stop()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="400 characters instead of 2,000")
    args = ap.parse_args()
    count = 400 if args.quick else 2000
    home = Path(tempfile.mkdtemp(prefix="qk3-keys-"))
    os.environ["QK3EDITOR_HOME"] = str(home)

    from PySide6.QtWidgets import QPlainTextEdit

    from preview import make_article
    from qk3editor.app import build_gui, make_application
    from qk3editor.context import AppContext
    from qk3editor.core.articles import ArticleFields

    app = make_application(["keystroke"])
    body = "\n\n".join(make_article(20_000, 20))

    # baseline: a bare editor, nothing else running
    bare = QPlainTextEdit()
    bare.resize(700, 800)
    bare.setPlainText(body)
    bare.show()
    base = type_text(app, bare, count)
    bare.close()

    ctx = AppContext.open()
    article = ctx.articles.create(
        ArticleFields(title="Bài dài", lead="QK3 online - Sáng nay", body=body, byline="Đức Việt")
    )
    gui = build_gui(ctx)
    gui.window.resize(1600, 900)
    gui.window.show()
    gui.editor.open(article.id)
    wait_until(lambda: gui.editor.preview.shown_generation > 0)
    ours = type_text(app, gui.editor.view.body, count)
    saved = ctx.articles.get(article.id).body
    gui.editor.save()
    gui.runner.wait()
    renders = gui.editor.preview.shown_generation

    worst, p99 = max(ours.gaps), statistics.quantiles(ours.gaps, n=100)[98]
    bworst = max(base.gaps)
    print(f"typed {count} characters into a 20,000-word article (20 figures)")
    print(f"ours: worst stall {worst:.1f} ms, p99 {p99:.1f} ms, preview renders shown {renders}")
    print(f"autosave kept {len(saved) - len(body)} of {count} characters before the final save")
    print(f"baseline (bare QPlainTextEdit): worst stall {bworst:.1f} ms")
    gui.window.close()
    ctx.close()
    print(
        json.dumps(
            {
                "benchmark": "keystroke",
                "worst_stall_ms": round(worst, 1),
                "p99_stall_ms": round(p99, 1),
                "baseline_worst_stall_ms": round(bworst, 1),
                "ratio": round(bworst / worst, 2) if worst > 0 else None,
                "goal": "worst_stall_ms <= 16",
            }
        )
    )
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # PySide6 6.12 drops references to True/False/None in some calls; the interpreter then
    # crashes at shutdown (after the result is printed). Leave without the final GC.
    os._exit(code)
