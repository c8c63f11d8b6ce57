#!/usr/bin/env python3
"""The photo desk's first screen on PostgreSQL and SQLite, phase by phase (issue 14).

    python benchmarks/_desk_pg.py [--photos 10k] [--articles 1k] [--repeat 7] [--sqlite-only]

A reproduction of ``scale.py``'s desk figure small enough to iterate on: a PostgreSQL server
started as ``scale.py --postgres`` starts it (tests/pg_fixture.py's way) and a SQLite file,
both filled by ``_scale_build.fill`` (through the migrations), then the desk opened as
``scale.py``'s ``open_desk`` opens it (``PhotoTableModel`` + ``PhotoDeskView`` over a real
``TaskRunner``) and waited on until every visible tile's thumbnail is loaded, ``repeat``
times on one warm engine. Printed per backend, median of the repeats: the time of each
phase (the count, the view built and painted, the thumbnails), the statements sent
(SQLAlchemy's ``before_cursor_execute`` plus the driver's own: the pool's ping, ``BEGIN``,
``COMMIT``/``ROLLBACK``), connections checked out, and the time spent in the driver.
Last line: one JSON object.
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
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from _scale_build import cache_dir, fill, parse_size, postgres_server  # noqa: E402


class Counter:
    """Statements, checkouts and driver time of an engine (SQLAlchemy events)."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.statements = 0
        self.checkouts = 0
        self.commits = 0
        self.rollbacks = 0
        self.driver_s = 0.0
        self._t0 = 0.0
        self.sql: list[str] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        event.listen(engine, "checkout", self._checkout)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "rollback", self._rollback)
        event.listen(engine, "connect", self._connect)
        self.raw = 0  # every execute on a driver cursor: ours, SQLAlchemy's, the pool's ping

    def _connect(self, dbapi_conn: Any, _record: Any) -> None:
        counter = self
        if hasattr(dbapi_conn, "cursor_factory"):  # psycopg: count on the cursor itself
            base = dbapi_conn.cursor_factory

            class Counting(base):  # type: ignore[misc, valid-type]
                def execute(self, query: Any, *a: Any, **k: Any) -> Any:
                    counter.raw += 1
                    counter.sql.append("raw: " + str(query).split("\n")[0][:84])
                    return super().execute(query, *a, **k)

            dbapi_conn.cursor_factory = Counting
        elif hasattr(dbapi_conn, "set_trace_callback"):  # sqlite3: every statement it runs

            def traced(sql: str) -> None:
                counter.raw += 1
                counter.sql.append("raw: " + sql.split("\n")[0][:84])

            dbapi_conn.set_trace_callback(traced)

    def _before(self, *_a: Any) -> None:
        self.statements += 1
        self.sql.append(_a[2].split("\n")[0][:90])
        self._t0 = time.perf_counter()

    def _after(self, *_a: Any) -> None:
        self.driver_s += time.perf_counter() - self._t0

    def _checkout(self, *_a: Any) -> None:
        self.checkouts += 1

    def _commit(self, *_a: Any) -> None:
        self.commits += 1

    def _rollback(self, *_a: Any) -> None:
        self.rollbacks += 1

    def snapshot(self) -> dict[str, Any]:
        return {
            "statements": self.statements,
            "raw": self.raw,
            "checkouts": self.checkouts,
            "commits": self.commits,
            "rollbacks": self.rollbacks,
            "driver_ms": self.driver_s * 1000,
        }


def open_once(app: Any, repo: Any, runner: Any, counter: Counter) -> dict[str, Any]:
    from qk3editor.ui.photos.model import PhotoTableModel, ThumbnailCache
    from qk3editor.ui.photos.view import PhotoDeskView

    before = counter.snapshot()
    counter.sql.clear()
    t0 = time.perf_counter()
    thumbs = ThumbnailCache(runner)
    model = PhotoTableModel(repo, thumbs)
    model.refresh()
    t_count = time.perf_counter()
    view = PhotoDeskView(model)
    view.show()
    view.grab()
    t_open = time.perf_counter()
    opened = counter.snapshot()
    grid = view.grid
    area = grid.viewport().rect()
    want = []
    for r in range(max(grid.indexAt(area.topLeft()).row(), 0), model.rowCount()):
        rect = grid.visualRect(model.index(r, 0))
        if rect.top() > area.bottom():
            break
        if rect.intersects(area):
            want.append(model.photo_id(r))
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        app.processEvents()
        if all(thumbs._pixmaps.get(pid) is not None for pid in want):
            break
        time.sleep(0.002)
    view.grab()
    t_done = time.perf_counter()
    after = counter.snapshot()
    sql = list(counter.sql)
    view.close()
    view.deleteLater()
    for pool in runner._pools.values():  # late thumbnails finish before the next run
        pool.waitForDone(10_000)
    for _ in range(20):
        app.processEvents()
    return {
        "count_ms": (t_count - t0) * 1000,
        "open_ms": (t_open - t0) * 1000,
        "first_thumbnails_ms": (t_done - t0) * 1000,
        "visible_tiles": len(want),
        "open_statements": opened["statements"] - before["statements"],
        "open_checkouts": opened["checkouts"] - before["checkouts"],
        "open_driver_ms": opened["driver_ms"] - before["driver_ms"],
        "statements": after["statements"] - before["statements"],
        "raw": after["raw"] - before["raw"],
        "checkouts": after["checkouts"] - before["checkouts"],
        "commits": after["commits"] - before["commits"],
        "rollbacks": after["rollbacks"] - before["rollbacks"],
        "driver_ms": after["driver_ms"] - before["driver_ms"],
        "sql": sql,
    }


def measure(url: str, repeat: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from qk3editor.storage.db import open_store
    from qk3editor.storage.photos_repository import PhotoRepository
    from qk3editor.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(url)
    with store.read() as s:
        s.connection()
    counter = Counter(store.engine)
    store.engine.dispose()  # new connections, counted from their first statement
    runner = TaskRunner(io_threads=2)
    repo = PhotoRepository(store)
    runs = [open_once(app, repo, runner, counter) for _ in range(repeat)]
    runner.shutdown()
    store.close()
    out: dict[str, Any] = {"backend": url.split(":")[0].split("+")[0]}
    for key in runs[0]:
        if key == "sql":
            continue
        values = [r[key] for r in runs]
        out[key] = statistics.median(values)
        if key.endswith("_ms"):
            out[key + "_all"] = [round(v, 1) for v in values]
    out["sql_last"] = runs[-1]["sql"]
    return out


def show(r: dict[str, Any]) -> None:
    print(
        f"{r['backend']:>10}: count {r['count_ms']:.1f}  open {r['open_ms']:.1f}  "
        f"first thumbnails {r['first_thumbnails_ms']:.1f} ms "
        f"({r['visible_tiles']} tiles); open: {r['open_statements']} statements, "
        f"{r['open_checkouts']} checkouts, driver {r['open_driver_ms']:.1f} ms; to thumbnails: "
        f"{r['statements']} statements ({r['raw']} on the driver), {r['checkouts']} checkouts, "
        f"{r['commits']} commits, "
        f"{r['rollbacks']} rollbacks, driver {r['driver_ms']:.1f} ms",
        flush=True,
    )
    print("   first thumbnails, each run:", r["first_thumbnails_ms_all"], flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", default="10k")
    ap.add_argument("--articles", default="1k")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--sqlite-only", action="store_true")
    ap.add_argument("--sql", action="store_true", help="print the last run's statements")
    ap.add_argument("--url", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.url:
        print("RESULT " + json.dumps(measure(args.url, args.repeat)), flush=True)
        return 0
    photos, n = parse_size(args.photos), parse_size(args.articles)
    results: dict[str, Any] = {"benchmark": "desk_pg", "photos": photos, "articles": n}
    results["load_start"] = os.getloadavg()[0]
    thumbs = cache_dir() / "scale-thumbs"
    with tempfile.TemporaryDirectory(prefix="qk3-desk-") as tmp:
        sqlite_url = f"sqlite:///{Path(tmp) / 'desk.sqlite3'}"
        fill(sqlite_url, n, photos, thumbs)
        results["sqlite"] = _child(sqlite_url, args.repeat)
        show(results["sqlite"])
    if not args.sqlite_only:
        with postgres_server() as url:
            fill(url, n, photos, thumbs)
            results["postgresql"] = _child(url, args.repeat)
            show(results["postgresql"])
    if args.sql:
        for backend in ("sqlite", "postgresql"):
            if backend in results:
                print(f"-- {backend}:", *results[backend]["sql_last"], sep="\n   ")
    results["load_end"] = os.getloadavg()[0]
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            results[backend].pop("sql_last", None)
    print(json.dumps(results))
    return 0


def _child(url: str, repeat: int) -> dict[str, Any]:
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--url", url, "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    sys.stderr.write(proc.stdout + proc.stderr)
    raise SystemExit(f"measuring failed: {url}")


if __name__ == "__main__":
    raise SystemExit(main())
