#!/usr/bin/env python3
"""The library's search on PostgreSQL, the exact tier's share (issue 14).

    python benchmarks/_search_pg.py [--articles 100k] [--repeat 5] [--explain QUERY]

A reproduction of ``scale.py --postgres``'s search figures small enough to iterate on: a
PostgreSQL server started as ``scale.py --postgres`` starts it, filled by
``_scale_build.fill`` (through the migrations), then ``SearchRepository.search_ids`` (1,000
ids, the library's search box) and ``search`` (50 hits) timed for ``scale.py``'s queries,
each query ``repeat`` times on one warm engine, with the storage of ``search_documents.plain``
(how many rows keep it compressed inline, out of line, or plain) and EXPLAIN (ANALYZE,
BUFFERS) of the exact tier's first step for one query. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from _scale_build import fill, parse_size, postgres_server  # noqa: E402
from scale import QUERIES  # noqa: E402


def storage(engine: Any) -> dict[str, Any]:
    """The column's declared storage and the bytes its values take, stored and raw."""
    with engine.connect() as conn:
        declared = conn.exec_driver_sql(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'search_documents'::regclass"
            " AND attname = 'plain'"
        ).scalar()
        stored, raw = conn.exec_driver_sql(
            "SELECT avg(pg_column_size(plain)), avg(octet_length(plain)) FROM search_documents"
        ).one()
        toast = conn.exec_driver_sql(
            "SELECT pg_total_relation_size(reltoastrelid) FROM pg_class"
            " WHERE relname = 'search_documents'"
        ).scalar()
    return {
        "attstorage": declared,
        "plain_stored_bytes": round(float(stored)),
        "plain_raw_bytes": round(float(raw)),
        "toast_bytes": int(toast or 0),
    }


def timings(store: Any, repeat: int) -> dict[str, Any]:
    from qk3editor.storage.search import SearchRepository, parse_query

    search = SearchRepository(store)
    per: dict[str, float] = {}
    ids1000: list[float] = []
    hits50: list[float] = []
    for q in QUERIES:
        search.search_ids(q)  # warm
        ts = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            search.search_ids(q)
            ts.append((time.perf_counter() - t0) * 1000)
        per[q] = round(statistics.median(ts), 2)
        ids1000 += ts
        for _ in range(repeat):
            t0 = time.perf_counter()
            search.search(q, limit=50)
            hits50.append((time.perf_counter() - t0) * 1000)
    exact = [per[q] for q in QUERIES if parse_query(q).has_exact_tier]
    plain = [per[q] for q in QUERIES if not parse_query(q).has_exact_tier]
    return {
        "ids1000_median_ms": round(statistics.median(ids1000), 2),
        "ids1000_p95_ms": round(sorted(ids1000)[int(len(ids1000) * 0.95)], 2),
        "ids1000_diacritics_median_ms": round(statistics.median(exact), 2),
        "ids1000_plain_median_ms": round(statistics.median(plain), 2),
        "hits50_median_ms": round(statistics.median(hits50), 2),
        "per_query_ms": per,
    }


def answers(store: Any) -> dict[str, list[str]]:
    from qk3editor.storage.search import SearchRepository

    search = SearchRepository(store)
    return {q: search.search_ids(q) for q in QUERIES}


def explain(store: Any, query: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of every statement ``search_ids(query)`` sends."""
    from sqlalchemy import event

    from qk3editor.storage.search import SearchRepository

    sent: list[tuple[str, Any]] = []

    def before(conn: Any, cursor: Any, statement: str, params: Any, *_a: Any) -> None:
        if "search_documents" in statement and "max(" not in statement:
            sent.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", before)
    SearchRepository(store).search_ids(query)
    event.remove(store.engine, "before_cursor_execute", before)
    out = []
    with store.engine.connect() as conn:
        for statement, params in sent[:2]:
            conn.exec_driver_sql("SELECT set_config('enable_bitmapscan', 'off', true)")
            conn.exec_driver_sql("SELECT set_config('enable_seqscan', 'off', true)")
            rows = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
            out.append("\n".join(r[0] for r in rows))
            conn.rollback()
    return "\n\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", default="100k")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--explain", default="tìm kiếm cứu nạn")
    ap.add_argument("--try-external", action="store_true",
                    help="also measure after SET STORAGE EXTERNAL and a rewrite")  # fmt: skip
    args = ap.parse_args()
    n = parse_size(args.articles)
    from qk3editor.storage.db import open_store

    out: dict[str, Any] = {"articles": n}
    with postgres_server() as url:
        fill(url, n, 0, Path(tempfile.gettempdir()) / "qk3-bench-cache" / "scale-thumbs")
        store = open_store(url)
        out["storage"] = storage(store.engine)
        out["now"] = timings(store, args.repeat)
        print(json.dumps(out["storage"]), json.dumps(out["now"], ensure_ascii=False), flush=True)
        print(explain(store, args.explain), flush=True)
        if args.try_external:
            before = answers(store)
            with store.engine.connect() as conn:
                c = conn.execution_options(isolation_level="AUTOCOMMIT")
                c.exec_driver_sql(
                    "ALTER TABLE search_documents ALTER COLUMN plain SET STORAGE EXTERNAL"
                )
                t0 = time.perf_counter()
                c.exec_driver_sql("VACUUM FULL search_documents")
                out["rewrite_s"] = round(time.perf_counter() - t0, 1)
                c.exec_driver_sql("VACUUM ANALYZE search_documents")
            store.engine.dispose()
            out["storage_external"] = storage(store.engine)
            out["external"] = timings(store, args.repeat)
            out["same_answers"] = answers(store) == before
            print(json.dumps(out["storage_external"]), flush=True)
            print(json.dumps(out["external"], ensure_ascii=False), flush=True)
            print(explain(store, args.explain), flush=True)
        store.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
