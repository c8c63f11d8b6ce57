#!/usr/bin/env python3
"""Start-up: process start to main window shown, with a library of 10,000 articles.

Baseline: a bare PySide6 QMainWindow started the same way (a new Python process, offscreen) in
the same run. ratio = bare time / our time (goal >= 0.67, i.e. at most 1.5x the bare window).

    python benchmarks/startup.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1280, 800)
w.show()
import time
QTimer.singleShot(0, lambda: (w.grab(), print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def fill_store(home: Path, count: int) -> None:
    from qk3editor.context import AppContext
    from qk3editor.storage.articles_models import ArticleModel

    os.environ["QK3EDITOR_HOME"] = str(home)
    ctx = AppContext.open()
    base = datetime(2025, 1, 1, tzinfo=UTC)
    words = "Quân khu tổ chức hội nghị tổng kết công tác dân vận năm trong LLVT".split()
    rows = []
    for i in range(count):
        t = base + timedelta(minutes=i)
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "title": f"{' '.join(words[i % 5 : i % 5 + 7])} số {i}",
                "lead": "QK3 online - " + " ".join(words) * 3,
                "body": (" ".join(words) + ". ") * 60,
                "category_id": 1 + i % 8,
                "byline": "Đức Việt",
                "tags": ["dân vận"],
                "status": "draft",
                "created_at": t,
                "updated_at": t,
                "version": 1,
            }
        )
    with ctx.store.begin() as s:
        s.bulk_insert_mappings(ArticleModel, rows)  # type: ignore[arg-type]
    ctx.close()


def time_process(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from just before the process is spawned to its first frame being shown."""
    t0 = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("shown")), "")
    if not line:
        raise SystemExit(f"no 'shown' line from {cmd}: {out.stderr[-2000:]}")
    return float(line.split()[1]) - t0, line


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    count = 10_000
    runs = 3 if a.quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        fill_store(home, count)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env["QK3EDITOR_HOME"] = str(home)
        env["PYTHONPATH"] = str(ROOT / "src")
        # Bytecode as an installed app has it (pip and the PyInstaller bundle ship compiled
        # modules; PySide6 and the standard library have theirs here too): the warm-up run
        # compiles our modules into a cache of this run, for both children alike. Without this,
        # PYTHONDONTWRITEBYTECODE (set on some machines) made every timed start compile the
        # app's source again, a cost no installed copy pays.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        # the test launcher: the normal window, plus the hook that prints the first frame
        ours_cmd = [sys.executable, "-m", "qk3editor.ui.testing", "--exit-after-shown"]
        bare_cmd = [sys.executable, "-c", BARE]
        # One warm-up each (disk cache, .pyc), then interleaved runs.
        time_process(ours_cmd, env)
        time_process(bare_cmd, env)
        ours, bare, loaded = [], [], ""
        for _ in range(runs):
            t, line = time_process(ours_cmd, env)
            ours.append(t)
            loaded = line.split("rows=")[-1]
            bare.append(time_process(bare_cmd, env)[0])
    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(bare) * 1000
    print(
        f"articles: {count}; ours: {ours_ms:.0f} ms; bare PySide6 window: {bare_ms:.0f} ms; "
        f"rows in the library at first frame: {loaded}"
    )
    print(
        json.dumps(
            {
                "benchmark": "startup",
                "articles": count,
                "median_ms": round(ours_ms, 1),
                "baseline_median_ms": round(bare_ms, 1),
                "ratio": round(bare_ms / ours_ms, 3),
                "library_rows_shown": int(loaded) if loaded.isdigit() else None,
                "runs": runs,
                "load_average": round(os.getloadavg()[0], 2),
                "goal": ">= 0.67",
                "goal_for": "10,000 articles, the full run (--quick: the same size, 3 runs)",
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
