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

    python benchmarks/publish.py [--quick] [--trace]

``--trace`` prints a timeline of the cold and warm runs (``_publish_trace.py``): each photo's
lane (rendition stages, its GET and PUT), the store writes, the post, and how many renditions
and requests were under way at once.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from PIL import Image

from _publish_common import Bench, PublishPhoto, make_jpeg
from _publish_trace import Timeline
from qk3editor.core.articles import ArticleFields
from qk3editor.photos.publish_providers import DeskRenditions
from qk3editor.publish.outbox import Outbox, default_publisher_factory
from qk3editor.publish.prepare import RenditionPreparer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the three one after another this many times; the JSON gives the medians",
    )
    ap.add_argument(
        "--trace",
        action="store_true",
        help="print a timeline of the cold and warm runs (renditions, their stages, requests)",
    )
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
    results: dict[str, list[float]] = {"sequential": [], "cold": [], "warm": []}
    cpu: dict[str, list[float]] = {k: [] for k in results}
    for rep in range(max(1, args.repeat)):
        runs = {
            "sequential": (1, DeskRenditions(None)),
            "cold": (args.workers, DeskRenditions(None, cache_dir=bench.tmp / f"cold{rep}")),
            "warm": (args.workers, DeskRenditions(None, cache_dir=bench.tmp / f"warm{rep}")),
        }
        for label, (workers, renditions) in runs.items():
            ms, cpu_ms = one_run(bench, photos, f"{label}{rep}", label, workers, renditions, args)
            results[label].append(ms)
            cpu[label].append(cpu_ms)
    med = {k: statistics.median(v) for k, v in results.items()}
    base = med["sequential"]
    ratio_cold = base / med["cold"]
    ratio_warm = base / med["warm"]
    if args.repeat > 1:
        for label, values in results.items():
            print(
                f"{label}: min {min(values):.0f} ms, median {med[label]:.0f} ms "
                f"({', '.join(f'{v:.0f}' for v in values)})"
            )
    print(f"cold (renditions made during the publish): {ratio_cold:.2f}x the sequential baseline")
    print(f"warm (renditions prepared beforehand): {ratio_warm:.2f}x the sequential baseline")
    print(
        json.dumps(
            {
                "benchmark": "publish",
                "photos": count,
                "runs": max(1, args.repeat),
                "median_ms": round(med["warm"], 1),
                "cold_ms": round(med["cold"], 1),
                "warm_ms": round(med["warm"], 1),
                "baseline_median_ms": round(base, 1),
                "ratio": round(ratio_warm, 2),
                "ratio_is": "warm: renditions prepared in the background before the click",
                "ratio_cold": round(ratio_cold, 2),
                "ratio_warm": round(ratio_warm, 2),
                "min_ms": {k: round(min(v), 1) for k, v in results.items()},
                "cpu_ms": {k: round(statistics.median(v)) for k, v in cpu.items()},
                "load_average": round(os.getloadavg()[0], 2),
                "goal": ">= 3",
            },
            ensure_ascii=False,
        )
    )


def one_run(
    bench: Bench,
    photos: list[PublishPhoto],
    name: str,
    label: str,
    workers: int,
    renditions: DeskRenditions,
    args: argparse.Namespace,
) -> tuple[float, float]:
    """One publish of the article to a fresh portal: (wall ms, CPU ms of this process)."""
    servers = bench.servers(name, latency=0.05)
    bench.target(name, servers.url)
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
    timeline = Timeline() if args.trace and label != "sequential" else None
    factory = default_publisher_factory
    if timeline is not None:
        timeline.install()
        factory = timeline.publisher_factory(factory)
    outbox = Outbox(
        bench.repo, bench.secrets, renditions, workers=workers, publisher_factory=factory
    )
    article = bench.articles.create(ArticleFields(title=f"Bài {name}", lead="Tin", body="Nội dung"))
    job = outbox.enqueue(article, photos, name)
    if timeline is not None:
        timeline.start()
    server_cpu = servers.cpu_ms()
    start, cpu_start = time.perf_counter(), time.process_time()
    done = outbox.run_job(job.id)
    wall = (time.perf_counter() - start) * 1000
    cpu = (time.process_time() - cpu_start) * 1000
    server_cpu = servers.cpu_ms() - server_cpu
    if timeline is not None:
        timeline.uninstall()
        print(f"--- {label} ---")
        print(timeline.report(wall, cpu))
    assert done.state.value == "done", done.error_message
    assert len(servers.store.get_item(article.id)["item"]["associations"]) == len(photos)
    servers.stop()
    size = Image.open(photos[0].source).size
    print(
        f"{label}: {wall:.0f} ms, {cpu:.0f} ms CPU in this process, {server_cpu:.0f} ms in "
        f"the portal's ({len(photos)} photos {size[0]}x{size[1]})"
    )
    return wall, cpu


if __name__ == "__main__":
    main()
