#!/usr/bin/env python3
"""Scale: how the library, search and photo desk cost grows from 1k to 1M articles.

    python benchmarks/scale.py [--quick] [--sizes 1k,10k,100k,1m] [--photos 1k,10k,50k]

For each size a store is built through the migrations (schema by alembic, rows by bulk
``executemany``: articles with their search text, photos with captions and thumbnail files) and
cached under ``$QK3_BENCH_CACHE`` (default: the temp folder's ``qk3-bench-cache``), keyed by the
size and the schema's heads, so re-runs reuse it. When the schema gained migrations since, a
cached store of the same size is copied and upgraded through them (``storage.db.migrate``, as
a user's store reaches a new release) instead of being built again. The photo count of a size
is the ``--photos`` entry at the same position (the last one for the rest).

Each size is measured in its own process (so its memory is its own), over the real GUI pieces
offscreen: the library's ``LibraryController`` + ``LibraryView`` over the store, the photo
desk's ``PhotoTableModel`` + ``PhotoDeskView`` with its thumbnail cache on a real TaskRunner.
Every interactive figure is the time until the view has painted (``grab()``: the model's
``data()`` for the visible rows included). Printed per size:

- library open to first rows; sort by each column; filter by status, by category;
- scroll 1,000 rows a page at a time (the slowest page and the total);
- search (``SearchRepository.search_ids``, the library's search box) median and p95, and the
  library showing the results;
- photo desk open to first rows, and to its first screen of thumbnails;
- memory: peak and steady PSS (``/proc/self/smaps_rollup``), with the library and the desk open;
- store size on disk.

Baselines in the same run, same store, interleaved with ours (the library opened again
between two naive opens): a naive library that loads every row into Python, sorts there and
shows them in a table (what a ``QSortFilterProxyModel`` over a full model does; capped at
100,000 rows), and a ``LIKE '%word%'`` scan over the search text (capped at 5 queries). The
library is measured after a bare table has been painted (``qt_warmup_ms``: Qt's first style
and font work, which a running app has done).

``ratio`` in the last line: how many times faster the naive open grew than ours from the
smallest size run to the largest (the benchmark's question is flat cost; at 1k the naive
library is as fast as ours, so naive / ours at one size would invert between ``--quick`` and
the full run); ``open_ratio_largest`` is naive / ours at the largest size.

Goals (issue 14), at 100k: every interactive figure < 100 ms, search median <= 5 ms, steady
memory < 300 MB; at 1M: < 200 ms and <= 20 ms. ``--quick`` runs 1k and 10k (under a minute
once the stores are cached; the goals are for 100k/1M, quick only shows the slope).
``--postgres`` measures 100k on a PostgreSQL server started for the run (tests/pg_fixture.py's
way; needs the Debian package). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

NAIVE_CAP = 100_000
JUMPS = (0.5, 0.6, 0.7, 0.8, 0.9)  # where the scrollbar is dragged to, share of the list
QUERIES = (
    "dan van",
    "Đức Việt",
    "huấn luyện",
    "bien phong",
    "Hải Phòng",
    "tìm kiếm cứu nạn",
    "quân khu",
    "thủy",
    "lu doan",
    "Nguyễn",
    "trực thăng",
    "dân quân tự vệ",
)
from _scale_build import ensure, label, parse_size, pss_mb, store_path  # noqa: E402
from _scale_report import growth, report  # noqa: E402


# -- measuring -----------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.peak = 0.0

    def ms(self, fn: Callable[[], Any]) -> float:
        t0 = time.perf_counter()
        fn()
        dt = (time.perf_counter() - t0) * 1000
        self.peak = max(self.peak, pss_mb())
        return dt


def naive_library(store: Any) -> int:
    """Baseline: every library row into Python, sorted there (capped at NAIVE_CAP rows), and
    shown in a table as ours is (what a QSortFilterProxyModel over a full model does)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView
    from sqlalchemy import text

    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.id, a.title, c.name, a.status, a.updated_at, a.byline FROM articles a "
                "LEFT JOIN categories c ON c.id = a.category_id WHERE a.status != 'spiked' "
                "LIMIT :cap"
            ),
            {"cap": NAIVE_CAP},
        ).all()
    rows.sort(key=lambda r: (r[4], r[0]), reverse=True)

    class Rows(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 4

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(rows[index.row()][(1, 2, 3, 4)[index.column()]])
            return None

    table = QTableView()
    model = Rows(table)
    table.setModel(model)
    table.verticalHeader().hide()
    table.resize(1200, 800)
    table.show()
    table.grab()
    table.close()
    table.deleteLater()
    return len(rows)


def naive_search(store: Any, query: str) -> int:
    from sqlalchemy import text

    from qk3editor.storage.search import parse_query

    words = parse_query(query, prefix=False).folded
    where = " AND ".join(f"folded LIKE :w{i}" for i in range(len(words)))
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    with store.engine.connect() as conn:
        return len(
            conn.execute(
                text(f"SELECT article_id FROM search_documents WHERE {where} ORDER BY id DESC"),
                params,
            ).all()
        )


def measure(url: str, n: int, photos: int, path: Path | None) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
    from qk3editor.storage.db import open_store
    from qk3editor.storage.photos_repository import PhotoRepository
    from qk3editor.storage.search import SearchRepository
    from qk3editor.ui.library.controller import LibraryController
    from qk3editor.ui.library.model import ANCHORS_FROM, COLUMNS
    from qk3editor.ui.library.view import LibraryView
    from qk3editor.ui.photos.model import PhotoTableModel, ThumbnailCache
    from qk3editor.ui.photos.view import PhotoDeskView
    from qk3editor.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = Clock()
    out: dict[str, Any] = {"articles": n, "photos": photos, "load_start": os.getloadavg()[0]}
    # the running app has painted a window already: a bare table painted first (Qt's style,
    # fonts), so that the library's figure is its own, at every size
    out["qt_warmup_ms"] = clock.ms(_bare_table)
    start_pss = pss_mb()
    store = open_store(url)
    with store.read() as s:  # the store opened (the app's start-up did), not yet read
        s.connection()
    articles = ArticleRepository(store)
    categories = CategoryRepository(store)

    # library open to first rows (with the app's TaskRunner: anchors for deep jumps)
    runner = TaskRunner(io_threads=2)
    holder: dict[str, Any] = {}

    def open_library() -> None:
        view = LibraryView()
        view.resize(1200, 800)
        holder["view"] = view
        holder["ctl"] = LibraryController(view, articles, categories, runner=runner)
        view.show()
        view.grab()

    out["library_open_ms"] = clock.ms(open_library)  # the first: a cold store
    view: LibraryView = holder["view"]
    ctl: LibraryController = holder["ctl"]
    model = ctl.model
    out["library_rows"] = model.rowCount()

    from PySide6.QtCore import Qt

    sorts: dict[str, float] = {}
    for col, (key, _label) in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            name = f"{key}_{'asc' if order == Qt.SortOrder.AscendingOrder else 'desc'}"
            sorts[name] = clock.ms(lambda c=col, o=order: (model.sort(c, o), view.table.grab()))
    out["sort_ms"] = sorts
    model.sort(3, Qt.SortOrder.DescendingOrder)

    filters: dict[str, float] = {}
    sf, cf = view.status_filter, view.category_filter
    for i in range(1, sf.count()):
        filters[f"status:{sf.itemData(i)}"] = clock.ms(
            lambda i=i: (sf.setCurrentIndex(i), view.table.grab())
        )
    sf.setCurrentIndex(0)
    for i in (1, 2, cf.count() - 1):
        filters[f"category:{cf.itemData(i)}"] = clock.ms(
            lambda i=i: (cf.setCurrentIndex(i), view.table.grab())
        )
    cf.setCurrentIndex(0)
    out["filter_ms"] = filters

    # scroll 1,000 rows, a page at a time
    bar = view.table.verticalScrollBar()
    bar.setValue(0)
    view.table.grab()
    page = max(
        1, view.table.viewport().height() // view.table.verticalHeader().defaultSectionSize()
    )
    steps: list[float] = []
    row = 0
    loads0 = model.loads
    while row < min(1_000, model.rowCount() - page):
        row += page
        steps.append(
            clock.ms(lambda r=row: (view.table.scrollTo(model.index(r, 0)), view.table.grab()))
        )
    out["scroll_rows"] = row
    out["scroll_page_ms_max"] = max(steps) if steps else 0.0
    out["scroll_page_ms_median"] = statistics.median(steps) if steps else 0.0
    out["scroll_total_ms"] = sum(steps)
    out["scroll_chunk_loads"] = model.loads - loads0

    # deep jumps: the scrollbar dragged to 50-90% of the list (median and worst of five).
    # Once the list has been still for a moment its anchors are read off the GUI thread
    # (``anchors_ready_ms`` after the sort: the delay and the walk); a jump then starts from
    # the nearest one (keyset).
    # Beside it the same jump right after a refresh, before the anchors: LIMIT/OFFSET. (A
    # list shorter than ANCHORS_FROM gets none: both figures are OFFSET reads there.)
    deep: dict[str, float] = {}
    for col, order in ((3, Qt.SortOrder.DescendingOrder), (0, Qt.SortOrder.AscendingOrder)):
        name = f"{COLUMNS[col][0]}_{'asc' if order == Qt.SortOrder.AscendingOrder else 'desc'}"
        ready: list[float] = []
        model.anchors_ready = lambda ready=ready: ready.append(time.perf_counter())
        t0 = time.perf_counter()
        model.sort(col, order)
        view.table.grab()
        while model.rowCount() >= ANCHORS_FROM and not ready and time.perf_counter() < t0 + 120:
            app.processEvents()
            time.sleep(0.005)
        deep[f"{name}_anchors_ready_ms"] = (ready[0] - t0) * 1000 if ready else float("nan")
        keyset, offset = [], []
        for share in JUMPS:  # each to a page not read yet
            target = int(model.rowCount() * share)
            keyset.append(
                clock.ms(
                    lambda t=target: (view.table.scrollTo(model.index(t, 0)), view.table.grab())
                )
            )
        for share in JUMPS:
            model.refresh(recount=False)  # anchors dropped until the list is still again
            target = int(model.rowCount() * share) + 500
            offset.append(
                clock.ms(
                    lambda t=target: (view.table.scrollTo(model.index(t, 0)), view.table.grab())
                )
            )
        deep[f"{name}_keyset_ms"] = statistics.median(keyset)
        deep[f"{name}_keyset_max_ms"] = max(keyset)
        deep[f"{name}_offset_ms"] = statistics.median(offset)
        deep[f"{name}_offset_max_ms"] = max(offset)
    model.anchors_ready = None
    model.sort(3, Qt.SortOrder.DescendingOrder)
    view.table.scrollToTop()
    out["deep_jump_ms"] = deep

    # search: the repository, then the library showing the results (the search box's path)
    search = SearchRepository(store)
    times, shown = [], []
    for q in QUERIES:
        times.append(clock.ms(lambda q=q: search.search_ids(q)))
    for q in QUERIES:
        times.append(clock.ms(lambda q=q: search.search_ids(q)))
        shown.append(
            clock.ms(lambda q=q: (model.set_ranked(search.search_ids(q)), view.table.grab()))
        )
    model.set_ranked(None)
    panel = sorted(clock.ms(lambda q=q: search.search(q, limit=50)) for q in QUERIES * 2)
    out["search50_median_ms"] = statistics.median(panel)
    out["search50_p95_ms"] = panel[min(len(panel) - 1, int(len(panel) * 0.95))]
    times.sort()
    out["search_median_ms"] = statistics.median(times)
    out["search_p95_ms"] = times[min(len(times) - 1, int(len(times) * 0.95))]
    out["search_in_library_median_ms"] = statistics.median(shown)
    out["search_in_library_max_ms"] = max(shown)

    # photo desk
    photos_repo = PhotoRepository(store)
    desk: dict[str, Any] = {}

    def open_desk() -> None:
        thumbs = ThumbnailCache(runner)
        pmodel = PhotoTableModel(photos_repo, thumbs)
        pmodel.refresh()
        dview = PhotoDeskView(pmodel)
        dview.show()
        dview.grab()
        desk.update(thumbs=thumbs, model=pmodel, view=dview)

    t0 = time.perf_counter()
    out["desk_open_ms"] = clock.ms(open_desk)
    dview = desk["view"]
    grid = dview.grid
    pmodel = desk["model"]
    area = grid.viewport().rect()
    want = []
    for r in range(max(grid.indexAt(area.topLeft()).row(), 0), pmodel.rowCount()):
        rect = grid.visualRect(pmodel.index(r, 0))
        if rect.top() > area.bottom():
            break
        if rect.intersects(area):
            want.append(pmodel.photo_id(r))
    thumbs = desk["thumbs"]
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        app.processEvents()
        if all(thumbs._pixmaps.get(pid) is not None for pid in want):
            break
        time.sleep(0.002)
    dview.grab()
    out["desk_first_thumbnails_ms"] = (time.perf_counter() - t0) * 1000
    out["desk_visible_tiles"] = len(want)
    out["desk_rows"] = desk["model"].rowCount()

    # memory: with the library and the desk open
    gc.collect()
    app.processEvents()
    out["pss_start_mb"] = start_pss
    out["pss_steady_mb"] = pss_mb()
    out["pss_peak_mb"] = max(clock.peak, out["pss_steady_mb"])

    # the baselines after the memory figures (theirs are not ours): the naive library
    # interleaved with ours opening again, then the LIKE scan
    naive, again = [], []
    for _ in range(3):
        naive.append(clock.ms(lambda: naive_library(store)))
        again.append(clock.ms(lambda: _reopen(open_library, holder)))
    holder["view"], holder["ctl"] = view, ctl
    out["naive_open_ms"] = min(naive)
    out["library_reopen_ms"] = min(again)
    out["naive_capped"] = n > NAIVE_CAP
    base = [clock.ms(lambda q=q: naive_search(store, q)) for q in QUERIES[:5]]
    out["naive_search_median_ms"] = statistics.median(base)
    if path is not None:
        out["store_mb"] = sum(
            p.stat().st_size / 1e6 for p in (path, Path(f"{path}-wal")) if p.exists()
        )
    else:
        from sqlalchemy import text

        with store.engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        out["store_mb"] = int(size or 0) / 1e6
    runner.shutdown()
    store.close()
    out["load_end"] = os.getloadavg()[0]
    return out


def _bare_table() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(30, 4)
    for r in range(30):
        model.setItem(r, 0, QStandardItem(f"hàng {r}"))
    table = QTableView()
    table.setModel(model)
    table.resize(1200, 800)
    table.show()
    table.grab()
    table.close()


def _reopen(open_library: Callable[[], None], holder: dict[str, Any]) -> None:
    """The library opened again beside the first (a warm store), then closed."""
    open_library()
    holder["view"].close()
    holder["view"].deleteLater()


def run_child(args: argparse.Namespace) -> int:
    n, photos = args.one
    url = args.url
    path = None
    if url is None:
        path = store_path(n, photos)
        url = f"sqlite:///{path}"
    result = measure(url, n, photos, path)
    result["backend"] = "postgresql" if url.startswith("postgresql") else "sqlite"
    print("RESULT " + json.dumps(result), flush=True)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sizes", help="article counts, e.g. 1k,10k,100k,1m")
    ap.add_argument("--photos", help="photo counts by position, e.g. 1k,10k,50k")
    ap.add_argument("--postgres", action="store_true", help="also at 100k on PostgreSQL")
    ap.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return run_child(args)
    sizes = [
        parse_size(s)
        for s in (args.sizes or ("1k,10k" if args.quick else "1k,10k,100k")).split(",")
    ]
    photo_sizes = [parse_size(s) for s in (args.photos or "1k,10k,50k").split(",")]
    results = []
    for i, n in enumerate(sizes):
        photos = photo_sizes[min(i, len(photo_sizes) - 1)]
        ensure(store_path(n, photos), n, photos)
        r = _child(["--one", str(n), str(photos)])
        report(r)
        results.append(r)
    if args.postgres:
        r = run_postgres(parse_size("100k"), photo_sizes[min(2, len(photo_sizes) - 1)])
        if r:
            report(r)
            results.append(r)
    sqlite = [r for r in results if r["backend"] == "sqlite"]
    big = sqlite[-1]
    summary = {
        "benchmark": "scale",
        "sizes": [label(r["articles"]) for r in sqlite],
        "largest": label(big["articles"]),
        # how much faster the naive library's open grows than ours from the smallest size to
        # the largest (the benchmark's question: flat cost); one size: naive / ours there
        "ratio": round(growth(sqlite, "naive_open_ms") / growth(sqlite, "library_reopen_ms"), 2)
        if len(sqlite) > 1
        else round(big["naive_open_ms"] / big["library_reopen_ms"], 2),
        "open_ratio_largest": round(big["naive_open_ms"] / big["library_reopen_ms"], 2),
        "search_ratio": round(
            growth(sqlite, "naive_search_median_ms") / growth(sqlite, "search_median_ms"), 1
        )
        if len(sqlite) > 1
        else round(big["naive_search_median_ms"] / big["search_median_ms"], 1),
        "search_ratio_largest": round(big["naive_search_median_ms"] / big["search_median_ms"], 1),
        "results": results,
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def _child(extra: list[str]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *extra],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    sys.stderr.write(proc.stdout + proc.stderr)
    raise SystemExit(f"measuring failed: {extra}")


def run_postgres(n: int, photos: int) -> dict[str, Any] | None:
    """The same measures on a real PostgreSQL server (started here, filled through the
    migrations as the SQLite stores are; not cached: the server lives for this run only)."""
    from _scale_build import cache_dir, fill, postgres_server

    with postgres_server() as url:
        print(f"PostgreSQL: filling {label(n)} articles + {label(photos)} photos ...", flush=True)
        fill(url, n, photos, cache_dir() / "scale-thumbs")
        return _child(["--one", str(n), str(photos), "--url", url])


if __name__ == "__main__":
    raise SystemExit(main())
