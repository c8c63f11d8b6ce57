"""One article with 20 photos (24-megapixel originals) to the reference portal through a proxy
adding 50 ms latency per request, with the photo desk's real web renditions (resized, sRGB,
location stripped and re-checked: ``qk3editor.photos.publish_providers.DeskRenditions``).

Three runs in the same process, each to a fresh portal:

* ``sequential`` (the baseline): render, upload, post one at a time, no rendition cache;
* ``cold``: the outbox as it is (parallel, bounded uploads; renditions made during the
  publish on threads, which Pillow lets use both cores), empty rendition cache;
* ``warm``: what a reporter gets: the renditions were prepared in the background when the
  photos were attached/captioned (``qk3editor.publish.prepare``), so the click only uploads
  and posts. The preparation is not timed; it is printed.

The JSON's ``ratio`` is the warm figure (``ratio_warm``); ``ratio_cold`` is printed beside
it. Goal: >= 3x (both; the full size, 20 x 24 MP; ``--quick`` is 6 x 6 MP). Each run also
prints the CPU this process spent and the JSON the load average: on a loaded machine the
renditions (CPU) stretch and the uploads (latency) do not, which lowers the cold ratio.

    python benchmarks/publish.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import time

from _publish_common import Bench, PublishPhoto, make_jpeg
from qk3editor.core.articles import ArticleFields
from qk3editor.photos.publish_providers import DeskRenditions
from qk3editor.publish.outbox import Outbox
from qk3editor.publish.prepare import RenditionPreparer


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
            credit="Hữu Đức",
            featured=i == 0,
        )
        for i in range(count)
    ]
    runs = {
        "sequential": (1, DeskRenditions(None)),
        "cold": (args.workers, DeskRenditions(None, cache_dir=bench.tmp / "cache-cold")),
        "warm": (args.workers, DeskRenditions(None, cache_dir=bench.tmp / "cache-warm")),
    }
    results: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for label, (workers, renditions) in runs.items():
        servers = bench.servers(label, latency=0.05)
        bench.target(label, servers.url)
        if label == "warm":
            preparer = RenditionPreparer(renditions, lambda _a, ph=photos: list(ph))
            start = time.perf_counter()
            preparer.prepare_article("bench")
            preparer.wait()
            preparer.close()
            print(
                f"warm: renditions prepared in the background in "
                f"{(time.perf_counter() - start) * 1000:.0f} ms (not timed below)"
            )
        outbox = Outbox(bench.repo, bench.secrets, renditions, workers=workers)
        article = bench.articles.create(
            ArticleFields(title=f"Bài {label}", lead="Tin", body="Nội dung")
        )
        job = outbox.enqueue(article, photos, label)
        start, cpu_start = time.perf_counter(), time.process_time()
        done = outbox.run_job(job.id)
        results[label] = (time.perf_counter() - start) * 1000
        cpu[label] = (time.process_time() - cpu_start) * 1000
        assert done.state.value == "done", done.error_message
        assert len(servers.store.get_item(article.id)["item"]["associations"]) == count
        servers.stop()
        print(
            f"{label}: {results[label]:.0f} ms, {cpu[label]:.0f} ms CPU in this process "
            f"({count} photos {size[0]}x{size[1]})"
        )
    base = results["sequential"]
    ratio_cold = base / results["cold"]
    ratio_warm = base / results["warm"]
    print(f"cold (renditions made during the publish): {ratio_cold:.2f}x the sequential baseline")
    print(f"warm (renditions prepared beforehand): {ratio_warm:.2f}x the sequential baseline")
    print(
        json.dumps(
            {
                "benchmark": "publish",
                "photos": count,
                "median_ms": round(results["warm"], 1),
                "cold_ms": round(results["cold"], 1),
                "warm_ms": round(results["warm"], 1),
                "baseline_median_ms": round(base, 1),
                "ratio": round(ratio_warm, 2),
                "ratio_is": "warm: renditions prepared in the background before the click",
                "ratio_cold": round(ratio_cold, 2),
                "ratio_warm": round(ratio_warm, 2),
                "cpu_ms": {k: round(v) for k, v in cpu.items()},
                "load_average": round(os.getloadavg()[0], 2),
                "goal": ">= 3",
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
