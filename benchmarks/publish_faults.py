"""Reliability run: N articles with photos published through a proxy injecting 30% faults
(drops, 500s, 429 with Retry-After, slow answers, resets after the body was sent).
Afterwards each article is on the portal exactly once with all its photos, and the outbox
is empty. The baseline is the same run without faults (ratio = clean time / faulty time).

    python benchmarks/publish_faults.py [--quick] [--articles N] [--rate R]
"""

from __future__ import annotations

import argparse
import json
import time

from _publish_common import Bench, PublishPhoto, make_jpeg
from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState
from qk3editor.publish.outbox import Outbox, RetryPolicy
from qk3editor.publish.renditions import PillowRenditions


def run(bench: Bench, label: str, count: int, photos_each: int, rate: float) -> float:
    servers = bench.servers(label, fault_rate=rate, seed=7)
    bench.target(label, servers.url)
    outbox = Outbox(
        bench.repo,
        bench.secrets,
        PillowRenditions(max_side=800),
        policy=RetryPolicy(base=0.05, cap=1.0, inline_attempts=3),
        workers=4,
    )
    folder = bench.tmp / f"{label}-photos"
    folder.mkdir()
    expected: dict[str, int] = {}
    for n in range(count):
        a = bench.articles.create(
            ArticleFields(title=f"{label} bài {n}", lead="Tin", body="Nội dung bài viết.")
        )
        photos = [
            PublishPhoto(
                f"{n}-{i}",
                str(make_jpeg(folder / f"{n}-{i}.jpg", (1600, 1200), seed=n * 100 + i)),
                caption=f"Ảnh {i} của bài {n}",
            )
            for i in range(photos_each)
        ]
        outbox.enqueue(a, photos, label)
        expected[a.id] = photos_each
    start = time.perf_counter()
    while True:
        outbox.run_due()
        open_jobs = bench.repo.jobs([JobState.QUEUED, JobState.WAITING, JobState.RUNNING])
        mine = [j for j in open_jobs if j.target == label]
        if not mine:
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    counts = servers.stop()
    states = [j.state for j in bench.repo.jobs() if j.target == label]
    assert states == [JobState.DONE] * count, states
    for article_id, n_photos in expected.items():
        rec = servers.store.get_item(article_id)
        assert rec is not None and rec["creates"] == 1, article_id
        hrefs = [x["renditions"][0]["href"] for x in rec["item"]["associations"]]
        assert len(hrefs) == n_photos
        assert all(servers.store.has_media(h.rsplit("/", 1)[1][:-4]) for h in hrefs)
    assert len(servers.store.items()) == count
    print(f"{label}: {count} articles in {elapsed:.1f} s; proxy outcomes {counts.strip()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--rate", type=float, default=0.3)
    args = ap.parse_args()
    count, photos_each = (10, 2) if args.quick else (args.articles, 3)
    bench = Bench()
    clean = run(bench, "clean", count, photos_each, 0.0)
    faulty = run(bench, "faulty", count, photos_each, args.rate)
    print(
        json.dumps(
            {
                "benchmark": "publish_faults",
                "articles": count,
                "median_ms": round(faulty * 1000, 1),
                "baseline_median_ms": round(clean * 1000, 1),
                "ratio": round(clean / faulty, 3),
                "exactly_once": True,
                "outbox_empty": True,
                "goal": "exactly once, outbox empty",
            }
        )
    )


if __name__ == "__main__":
    main()
