"""Benchmark: diacritic-insensitive search over a generated Vietnamese corpus.

    python benchmarks/search.py [--quick] [--articles N] [--keep DIR]

Builds a store through the migrations (100,000 articles of 500-1,500 words; --quick: 3,000),
then times :meth:`SearchRepository.search` per query (median and p95) against the naive
search in the same database: ``LIKE '%...%'`` over every article's folded text, newest first.
Goal (issue 3): median <= 5 ms and >= 100x faster than the scan. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from sqlalchemy import text  # noqa: E402

from qk3editor.storage.db import open_store  # noqa: E402
from qk3editor.storage.search import (  # noqa: E402
    SearchRepository,
    article_text,
    document_row,
    parse_query,
)
from qk3editor.storage.search_terms import refresh_terms  # noqa: E402
from vi_corpus import Corpus  # noqa: E402

QUERIES = (
    "dan van",
    "DANG UY",
    "Đức Việt",
    "chinh uy",
    "đường",
    "thủy lôi",
    "khinh khi cau",
    "Thiếu tướng",
    "huấn luyện sẵn sàng",
    "Nguyễn Thanh Hải",
    "Kiến Thụy",
    "Đồn Biên phòng Móng Cái",
    "tìm kiếm cứu nạn",
    "trực thăng",
    "xuong cao toc",
    "Hoàng Quang Sáng",
    "Lữ đoàn 242",
    "dương",
    "pháo phòng không",
    "Tin, ảnh",
)


def build(path: Path, n: int, batch: int = 500) -> None:
    store = open_store(f"sqlite:///{path}")
    corpus = Corpus(seed=2024)
    now = datetime(2024, 1, 1, tzinfo=UTC).isoformat(" ")
    t0 = time.perf_counter()
    raw = store.engine.raw_connection()  # outside a transaction (the store's begins one)
    raw.driver_connection.execute("PRAGMA synchronous=OFF")  # type: ignore[union-attr]
    raw.close()
    for start in range(0, n, batch):
        articles, docs = [], []
        for _ in range(min(batch, n - start)):
            a = corpus.article()
            aid = str(uuid.UUID(int=corpus.rng.getrandbits(128)))
            articles.append(
                {
                    "id": aid,
                    "title": a["title"],
                    "lead": a["lead"],
                    "body": a["body"],
                    "byline": a["byline"],
                    "tags": json.dumps(a["tags"], ensure_ascii=False),
                    "now": now,
                }
            )
            plain = article_text(a["title"], a["lead"], a["body"], a["byline"], a["tags"])
            docs.append(document_row("article", aid, aid, plain))
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, title, lead, body, byline, tags, status, "
                    "created_at, updated_at, version) VALUES (:id, :title, :lead, :body, "
                    ":byline, :tags, 'published', :now, :now, 1)"
                ),
                articles,
            )
            conn.execute(
                text(
                    "INSERT INTO search_documents (source, source_key, article_id, plain, folded) "
                    "VALUES (:source, :source_key, :article_id, :plain, :folded)"
                ),
                docs,
            )
        done = start + len(articles)
        if done % 10_000 == 0 or done == n:
            print(f"  {done} articles, {time.perf_counter() - t0:.0f} s", flush=True)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        refresh_terms(conn)  # the words of the rows written around index_text
    store.close()


def naive(store, query: str, limit: int = 50) -> list[str]:  # type: ignore[no-untyped-def]
    """The baseline: LIKE '%word%' over the folded text of every article (all matches, as a
    library filter needs them; a LIMIT would stop early on common words and rank nothing)."""
    words = parse_query(query, prefix=False).folded
    if not words:
        return []
    where = " AND ".join(f"folded LIKE :w{i}" for i in range(len(words)))
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    sql = text(f"SELECT article_id FROM search_documents WHERE {where} ORDER BY id DESC")
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(sql, params)]


def timed(fn, *args) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - t0) * 1000, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--articles", type=int)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    args = ap.parse_args()
    n = args.articles or (3_000 if args.quick else 100_000)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="qk3-search-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"search-{n}.sqlite3"
    try:
        if not path.exists():
            print(f"building {n} articles in {path} ...", flush=True)
            build(path, n)
        size_mb = path.stat().st_size / 1e6
        store = open_store(f"sqlite:///{path}")
        repo = SearchRepository(store)
        ours: list[float] = []
        base: list[float] = []
        counts = {}
        for q in QUERIES:
            repo.search(q, limit=50, prefix=False)  # warm the page cache for this query
            runs = [timed(repo.search, q, 50, False) for _ in range(7)]
            ours.extend(ms for ms, _ in runs)
            counts[q] = len(runs[0][1])  # type: ignore[arg-type]
            naive(store, q)
            base.append(timed(naive, store, q)[0])
        store.close()
        ours.sort()
        median = statistics.median(ours)
        p95 = ours[int(len(ours) * 0.95) - 1]
        base_median = statistics.median(base)
        print(f"corpus: {n} articles, database {size_mb:.0f} MB")
        for q in QUERIES:
            print(f"  {q!r}: {counts[q]} hits")
        print(
            f"search median {median:.2f} ms, p95 {p95:.2f} ms; "
            f"LIKE scan median {base_median:.1f} ms"
        )
        print(
            json.dumps(
                {
                    "benchmark": "search",
                    "articles": n,
                    "median_ms": round(median, 3),
                    "p95_ms": round(p95, 3),
                    "baseline_median_ms": round(base_median, 2),
                    "ratio": round(base_median / median, 1),
                    "goal": "median <= 5 ms and ratio >= 100",
                },
                ensure_ascii=False,
            )
        )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
