#!/usr/bin/env python3
"""Scale: how the library, search and photo desk cost grows from 1k to 1M articles.

    python benchmarks/scale.py [--quick] [--sizes 1k,10k,100k,1m] [--photos 1k,10k,50k]

For each size a store is built through the migrations (schema by alembic, rows by bulk
``executemany``: articles with their search text, photos with captions and thumbnail files) and
cached under ``$QK3_BENCH_CACHE`` (default: the temp folder's ``qk3-bench-cache``), keyed by the
size and the schema's heads, so re-runs reuse it. The photo count of a size is the ``--photos``
entry at the same position (the last one for the rest).

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

Baselines in the same run, same store: a naive library that loads every row into Python and
sorts there (what a ``QSortFilterProxyModel`` over a full model does; capped at 100,000 rows),
and a ``LIKE '%word%'`` scan over the search text (capped at 5 queries). ``ratio`` in the last
line is naive open / our open at the largest size run.

Goals (issue 14), at 100k: every interactive figure < 100 ms, search median <= 5 ms, steady
memory < 300 MB; at 1M: < 200 ms and <= 20 ms. ``--quick`` runs 1k and 10k (under a minute
once the stores are cached; the goals are for 100k/1M, quick only shows the slope).
Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

NAIVE_CAP = 100_000
THUMBS = 64  # distinct thumbnail files the photos share
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
WORDS = (
    "Quân khu tổ chức hội nghị tổng kết công tác dân vận năm trong lực lượng vũ trang "
    "Bộ đội Biên phòng Hải Phòng huấn luyện sẵn sàng chiến đấu tìm kiếm cứu nạn trực thăng "
    "Lữ đoàn pháo phòng không Đức Việt Nguyễn Thanh Hải Kiến Thụy Móng Cái đường thủy lôi "
    "dân quân tự vệ Thiếu tướng chính ủy đảng ủy bảo đảm an toàn giao thông biển đảo"
).split()


def parse_size(text: str) -> int:
    t = text.strip().lower()
    mult = 1_000_000 if t.endswith("m") else 1_000 if t.endswith("k") else 1
    return int(float(t.rstrip("km")) * mult)


def label(n: int) -> str:
    return f"{n // 1_000_000}m" if n >= 1_000_000 else f"{n // 1_000}k" if n >= 1_000 else str(n)


def pss_mb() -> float:
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# -- building ------------------------------------------------------------------------------
def cache_dir() -> Path:
    d = Path(os.environ.get("QK3_BENCH_CACHE") or Path(tempfile.gettempdir()) / "qk3-bench-cache")
    d.mkdir(parents=True, exist_ok=True)
    return d


def store_path(n: int, photos: int) -> Path:
    from qk3editor.storage.heads import script_heads

    heads = "-".join(sorted(script_heads()))
    return cache_dir() / f"scale-a{label(n)}-p{label(photos)}-{heads}.sqlite3"


def _sentence(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(k))


def make_thumbnails(folder: Path) -> list[str]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(THUMBS):
        p = folder / f"t{i}.jpg"
        if not p.exists():
            colour = (40 + i * 3 % 200, 90 + i * 7 % 160, 160 - i % 120)
            Image.new("RGB", (320, 213), colour).save(p, quality=80)
        paths.append(str(p))
    return paths


def build(path: Path, n: int, photos: int, batch: int = 2_000) -> None:
    from sqlalchemy import insert

    from qk3editor.storage.articles_models import ArticleModel
    from qk3editor.storage.db import open_store
    from qk3editor.storage.photos_models import PhotoModel
    from qk3editor.storage.search import article_text, document_row

    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{tmp}")  # the schema through the migrations
    rng = random.Random(14)
    base = datetime(2020, 1, 1, tzinfo=UTC)
    statuses = ["published"] * 6 + ["draft", "submitted", "approved", "spiked"]
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        n_cat = len(conn.exec_driver_sql("SELECT id FROM categories").all())
    articles = ArticleModel.__table__
    from qk3editor.storage.search import SearchDocumentModel

    docs_table = SearchDocumentModel.__table__
    for start in range(0, n, batch):
        rows, docs = [], []
        for i in range(start, min(n, start + batch)):
            aid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            title = _sentence(rng, rng.randint(6, 12)).capitalize()
            lead = _sentence(rng, 30)
            body = "\n\n".join(_sentence(rng, 40) for _ in range(3))
            byline = rng.choice(("Đức Việt", "Thanh Hải", "Minh Anh", "Hoàng Sáng", ""))
            when = base + timedelta(minutes=i * 3 + rng.randint(0, 2))
            rows.append(
                {
                    "id": aid,
                    "title": title,
                    "lead": lead,
                    "body": body,
                    "category_id": 1 + i % n_cat if i % 17 else None,
                    "byline": byline,
                    "tags": ["dân vận"],
                    "status": statuses[i % len(statuses)],
                    "created_at": when,
                    "updated_at": when,
                    "version": 1,
                }
            )
            plain = article_text(title, lead, body, byline, ["dân vận"])
            docs.append(document_row("article", aid, aid, plain))
        with store.engine.begin() as conn:
            conn.execute(insert(articles), rows)
            conn.execute(insert(docs_table), docs)
        done = start + len(rows)
        if done % 100_000 == 0 or done == n:
            print(f"  {done} articles, {time.perf_counter() - t0:.0f} s", flush=True)
    thumbs = make_thumbnails(path.parent / "scale-thumbs")
    photo_table = PhotoModel.__table__
    for start in range(0, photos, batch):
        rows = []
        for i in range(start, min(photos, start + batch)):
            headline = _sentence(rng, 6).capitalize()
            description = _sentence(rng, 25) if i % 9 else ""
            credit = "QK3 online" if i % 13 else ""
            name = f"/photos/{2020 + i // 20_000}/DSC_{i:06d}.JPG"
            rows.append(
                {
                    "path": name,
                    "content_hash": f"{i:064x}",
                    "size_bytes": 8_000_000,
                    "width": 6000,
                    "height": 4000,
                    "format": "JPEG",
                    "thumbnail": thumbs[i % len(thumbs)],
                    "camera": "NIKON D750",
                    "date_taken": (base + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%S")
                    if i % 50
                    else "",
                    "gps": i % 11 == 0,
                    "has_iim": True,
                    "headline": headline,
                    "description": description,
                    "credit": credit,
                    "city": "Hải Phòng",
                    "creator": ["Đức Việt"],
                    "keywords": ["dân vận", "biên phòng"],
                    "search_text": "\n".join((headline, description, credit, name)).casefold(),
                    "imported_at": base,
                    "updated_at": base,
                }
            )
        with store.engine.begin() as conn:
            conn.execute(insert(photo_table), rows)
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    store.close()
    tmp.rename(path)
    print(f"  built {path.name} in {time.perf_counter() - t0:.0f} s", flush=True)


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
    """Baseline: every library row into Python, sorted there (capped at NAIVE_CAP rows)."""
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
    from qk3editor.ui.library.model import COLUMNS
    from qk3editor.ui.library.view import LibraryView
    from qk3editor.ui.photos.model import PhotoTableModel, ThumbnailCache
    from qk3editor.ui.photos.view import PhotoDeskView
    from qk3editor.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = Clock()
    out: dict[str, Any] = {"articles": n, "photos": photos}
    start_pss = pss_mb()
    store = open_store(url)
    articles = ArticleRepository(store)
    categories = CategoryRepository(store)

    # library open to first rows
    holder: dict[str, Any] = {}

    def open_library() -> None:
        view = LibraryView()
        view.resize(1200, 800)
        holder["view"] = view
        holder["ctl"] = LibraryController(view, articles, categories)
        view.show()
        view.grab()

    out["library_open_ms"] = clock.ms(open_library)
    view: LibraryView = holder["view"]
    ctl: LibraryController = holder["ctl"]
    model = ctl.model
    out["library_rows"] = model.rowCount()
    # naive baseline, same store, same run
    naive = [clock.ms(lambda: naive_library(store)) for _ in range(2)]
    out["naive_open_ms"] = min(naive)
    out["naive_capped"] = n > NAIVE_CAP

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

    # search: the repository, then the library showing the results (the search box's path)
    search = SearchRepository(store)
    times, shown = [], []
    for q in QUERIES:
        times.append(clock.ms(lambda q=q: search.search_ids(q)))
    for q in QUERIES:
        times.append(clock.ms(lambda q=q: search.search_ids(q)))
        shown.append(
            clock.ms(
                lambda q=q: (
                    model.set_id_filter(lambda ids, q=q: _keep(ids, search.search_ids(q))),
                    view.table.grab(),
                )
            )
        )
    model.set_id_filter(None)
    panel = sorted(clock.ms(lambda q=q: search.search(q, limit=50)) for q in QUERIES * 2)
    out["search50_median_ms"] = statistics.median(panel)
    out["search50_p95_ms"] = panel[min(len(panel) - 1, int(len(panel) * 0.95))]
    times.sort()
    out["search_median_ms"] = statistics.median(times)
    out["search_p95_ms"] = times[min(len(times) - 1, int(len(times) * 0.95))]
    out["search_in_library_median_ms"] = statistics.median(shown)
    out["search_in_library_max_ms"] = max(shown)
    base = [clock.ms(lambda q=q: naive_search(store, q)) for q in QUERIES[:5]]
    out["naive_search_median_ms"] = statistics.median(base)

    # photo desk
    runner = TaskRunner(io_threads=2)
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
    if path is not None:
        out["store_mb"] = sum(
            p.stat().st_size / 1e6 for p in (path, Path(f"{path}-wal")) if p.exists()
        )
    runner.shutdown()
    store.close()
    return out


def _keep(ids: list[str], hits: list[str]) -> list[str]:
    allowed = set(ids)
    return [h for h in hits if h in allowed]


GOALS = {100_000: (100.0, 5.0), 1_000_000: (200.0, 20.0)}


def interactive(r: dict[str, Any]) -> dict[str, float]:
    figs = {
        "library_open": r["library_open_ms"],
        "scroll_page": r["scroll_page_ms_max"],
        "search_in_library": r["search_in_library_max_ms"],
        "desk_open": r["desk_open_ms"],
    }
    figs.update({f"sort_{k}": v for k, v in r["sort_ms"].items()})
    figs.update({f"filter_{k}": v for k, v in r["filter_ms"].items()})
    return figs


def report(r: dict[str, Any]) -> None:
    n = r["articles"]
    print(f"\n== {label(n)} articles, {label(r['photos'])} photos ({r.get('backend', 'sqlite')})")
    print(
        f"  library open {r['library_open_ms']:.1f} ms ({r['library_rows']} rows); "
        f"naive load-all {r['naive_open_ms']:.1f} ms{' (capped)' if r['naive_capped'] else ''}"
    )
    print("  sort  " + "  ".join(f"{k} {v:.1f}" for k, v in r["sort_ms"].items()))
    print("  filter " + "  ".join(f"{k} {v:.1f}" for k, v in r["filter_ms"].items()))
    print(
        f"  scroll {r['scroll_rows']} rows: page max {r['scroll_page_ms_max']:.1f} ms, median "
        f"{r['scroll_page_ms_median']:.1f}, total {r['scroll_total_ms']:.0f} ms, "
        f"{r['scroll_chunk_loads']} chunk loads"
    )
    print(
        f"  search (50 hits) median {r['search50_median_ms']:.2f} ms p95 "
        f"{r['search50_p95_ms']:.2f} ms; library ids (1,000) median "
        f"{r['search_median_ms']:.2f} ms p95 {r['search_p95_ms']:.2f} ms; in the "
        f"library median {r['search_in_library_median_ms']:.1f} max "
        f"{r['search_in_library_max_ms']:.1f}; naive LIKE median {r['naive_search_median_ms']:.1f}"
    )
    print(
        f"  photo desk open {r['desk_open_ms']:.1f} ms, first {r['desk_visible_tiles']} "
        f"thumbnails {r['desk_first_thumbnails_ms']:.1f} ms ({r['desk_rows']} photos)"
    )
    print(
        f"  PSS start {r['pss_start_mb']:.0f} MB, peak {r['pss_peak_mb']:.0f} MB, steady "
        f"{r['pss_steady_mb']:.0f} MB; store {r.get('store_mb', float('nan')):.0f} MB"
    )
    goal = GOALS.get(n)
    if goal:
        figs = interactive(r)
        slow = {k: round(v, 1) for k, v in figs.items() if v >= goal[0]}
        r["goal_interactive_ms"] = goal[0]
        r["over_goal"] = slow
        print(
            f"  goals: interactive < {goal[0]:.0f} ms: {'met' if not slow else f'missed {slow}'}; "
            f"search median <= {goal[1]:.0f} ms: "
            f"{'met' if r['search50_median_ms'] <= goal[1] else 'missed'} (50 hits), "
            f"{'met' if r['search_median_ms'] <= goal[1] else 'missed'} (1,000 ids)"
            + (
                f"; steady PSS < 300 MB: {'met' if r['pss_steady_mb'] < 300 else 'missed'}"
                if n == 100_000
                else ""
            )
        )


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
        path = store_path(n, photos)
        if not path.exists():
            print(
                f"building {label(n)} articles + {label(photos)} photos in {path} ...", flush=True
            )
            build(path, n, photos)
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
        "ratio": round(big["naive_open_ms"] / big["library_open_ms"], 2),
        "search_ratio": round(big["naive_search_median_ms"] / big["search_median_ms"], 1),
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
    print("PostgreSQL: not run (see the report)", flush=True)
    return None


if __name__ == "__main__":
    raise SystemExit(main())
