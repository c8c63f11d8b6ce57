"""One article with 20 photos (24-megapixel originals) to the reference portal through a proxy
adding 50 ms latency per request: the outbox (parallel renditions and uploads) against a
sequential baseline (render, upload, post one at a time) in the same run. Goal: >= 3x.

    python benchmarks/publish.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import time

from _publish_common import Bench, PublishPhoto, make_jpeg
from qk3editor.core.articles import ArticleFields
from qk3editor.publish.outbox import Outbox
from qk3editor.publish.renditions import PillowRenditions


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--workers", type=int, default=8)
    args = ap.parse_args()
    count, size = (6, (3000, 2000)) if args.quick else (20, (6000, 4000))
    bench = Bench()
    folder = bench.tmp / "originals"
    folder.mkdir()
    photos = [
        PublishPhoto(
            f"p{i}",
            str(make_jpeg(folder / f"p{i}.jpg", size, seed=i)),
            caption=f"Ảnh {i + 1}: bộ đội huấn luyện",
            alt=f"Ảnh {i + 1}",
            featured=i == 0,
        )
        for i in range(count)
    ]
    results = {}
    for label, workers in (("sequential", 1), ("parallel", args.workers)):
        servers = bench.servers(label, latency=0.05)
        bench.target(label, servers.url)
        outbox = Outbox(bench.repo, bench.secrets, PillowRenditions(), workers=workers)
        article = bench.articles.create(
            ArticleFields(title=f"Bài {label}", lead="Tin", body="Nội dung")
        )
        job = outbox.enqueue(article, photos, label)
        start = time.perf_counter()
        done = outbox.run_job(job.id)
        results[label] = (time.perf_counter() - start) * 1000
        assert done.state.value == "done", done.error_message
        assert len(servers.store.get_item(article.id)["item"]["associations"]) == count
        servers.stop()
        print(f"{label}: {results[label]:.0f} ms ({count} photos {size[0]}x{size[1]})")
    ratio = results["sequential"] / results["parallel"]
    print(
        json.dumps(
            {
                "benchmark": "publish",
                "photos": count,
                "median_ms": round(results["parallel"], 1),
                "baseline_median_ms": round(results["sequential"], 1),
                "ratio": round(ratio, 2),
                "goal": ">= 3",
            }
        )
    )


if __name__ == "__main__":
    main()
