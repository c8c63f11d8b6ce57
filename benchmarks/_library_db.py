#!/usr/bin/env python3
"""The library's database costs alone (issue 14): an exact ``COUNT(*)`` against the kept
counts (``library_counts``), a page at 90 % of the list by ``OFFSET`` against one from an
anchor, and the anchors' walk. Median of 5, over the scale benchmark's cached 100k/1M stores
(``$QK3_BENCH_CACHE``; run ``scale.py`` first) and, with ``--postgres``, 100k on a PostgreSQL
server started and filled for the run. One JSON line per store.

    python benchmarks/_library_db.py [--postgres]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]


def median_ms(fn: Callable[[], Any], k: int = 5) -> float:
    times = []
    for _ in range(k):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def measure(url: str, name: str) -> None:
    from sqlalchemy import func, select

    from qk3editor.core.articles import ArticleQuery, Status
    from qk3editor.storage.articles_repository import ArticleRepository
    from qk3editor.storage.db import open_store
    from qk3editor.storage.library_pages import filtered

    store = open_store(url)
    pages = ArticleRepository(store).pages()
    out: dict[str, Any] = {"store": name, "load": round(os.getloadavg()[0], 1)}
    for label, q in (
        ("all", ArticleQuery()),
        ("published", ArticleQuery(status=Status.PUBLISHED)),
        ("category 3", ArticleQuery(category_id=3)),
    ):

        def exact(q: ArticleQuery = q) -> Any:
            with store.read() as s:
                return s.scalar(select(func.count()).select_from(filtered(q).subquery()))

        kept = median_ms(lambda q=q: pages.count_ids(q))
        out[f"count {label}: COUNT(*) / kept"] = (median_ms(exact), kept)
    for order in ("updated_at", "title"):
        q = ArticleQuery(order_by=order, descending=order == "updated_at")
        target = int(pages.count_ids(q) * 0.9)
        t0 = time.perf_counter()
        anchors = pages.anchors(q)
        walk = round((time.perf_counter() - t0) * 1000)
        row = max(r for r in anchors if r < target)
        out[f"page at 90% by {order}: OFFSET / from an anchor / anchors walk"] = (
            median_ms(lambda q=q, t=target: pages.page_ids(q, t, 100)),
            median_ms(
                lambda q=q, t=target, a=(row, anchors[row]): pages.page_ids(q, t, 100, after=a)
            ),
            walk,
        )
    store.close()
    print(json.dumps(out, ensure_ascii=False), flush=True)


def main() -> int:
    from _scale_build import cache_dir, fill, postgres_server

    for p in sorted(cache_dir().glob("scale-a1*-p50k-*.sqlite3")):
        if "c14_library_counts" in p.name:
            measure(f"sqlite:///{p}", "sqlite " + p.name.split("-")[1])
    if "--postgres" in sys.argv:
        with postgres_server() as url:
            fill(url, 100_000, 50_000, cache_dir() / "scale-thumbs")
            measure(url, "postgresql a100k")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
