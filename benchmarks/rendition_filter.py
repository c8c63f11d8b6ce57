#!/usr/bin/env python3
"""Rendition filter: how far the web rendition's bicubic resize is from Lanczos, set against
what the rendition's own JPEG encode (quality 85) changes anyway, and what each costs in CPU.

For each picture: decoded as a rendition decodes it (JPEG draft for the 1600-px edge), shrunk
to 1600 px (a picture that small already: to half) with Lanczos and with the rendition's filter
(``qk3editor.photos.renditions.RESAMPLE``); PSNR and SSIM (8x8 blocks, luminance) between the
two, and between the Lanczos one and its own quality-85 JPEG. Pictures: the publish
benchmark's 24-MP file, a camera-like 24-MP file (benchmarks/_photos_common.py) and any
files named on the command line (real photos: the closer to the newsroom's, the better).

ratio = CPU of the Lanczos resize / CPU of the rendition's (goal: > 1 with the filter's
PSNR margin over the encode >= 4 dB on every picture: the difference is below what the encode
already changes, i.e. not visible).

    python benchmarks/rendition_filter.py [--quick] [PHOTO ...]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

from PIL import Image, ImageChops  # noqa: E402

from qk3editor.photos import jpeg  # noqa: E402
from qk3editor.photos.renditions import RESAMPLE  # noqa: E402

EDGE = 1600


def psnr(a: Image.Image, b: Image.Image) -> float:
    hist = ImageChops.difference(a, b).histogram()
    mse = sum(n * (i % 256) ** 2 for i, n in enumerate(hist)) / (a.width * a.height * 3)
    return 99.0 if mse == 0 else 10 * math.log10(255**2 / mse)


def ssim(a: Image.Image, b: Image.Image, tile: int = 8) -> float:
    """Mean SSIM over 8x8 blocks of the luminance (the standard constants)."""
    la, lb = a.convert("L"), b.convert("L")
    pa, pb = la.tobytes(), lb.tobytes()
    w, h = la.size
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    total, count, n = 0.0, 0, tile * tile
    for y in range(0, h - tile + 1, tile):
        for x in range(0, w - tile + 1, tile):
            xs = [pa[(y + j) * w + x + i] for j in range(tile) for i in range(tile)]
            ys = [pb[(y + j) * w + x + i] for j in range(tile) for i in range(tile)]
            mx, my = sum(xs) / n, sum(ys) / n
            vx = sum((v - mx) ** 2 for v in xs) / (n - 1)
            vy = sum((v - my) ** 2 for v in ys) / (n - 1)
            cxy = sum((p - mx) * (q - my) for p, q in zip(xs, ys, strict=True)) / (n - 1)
            total += ((2 * mx * my + c1) * (2 * cxy + c2)) / (
                (mx * mx + my * my + c1) * (vx + vy + c2)
            )
            count += 1
    return total / count


def decoded(path: Path) -> Image.Image:
    im = Image.open(path)
    if im.format == "JPEG":
        im.draft("RGB", jpeg.draft_size(im.size, EDGE))
    return im.convert("RGB")


def shrunk(im: Image.Image, edge: int, name: str) -> tuple[Image.Image, float]:
    out = im.copy()
    start = time.thread_time()
    out.thumbnail((edge, edge), getattr(Image.Resampling, name))
    return out, time.thread_time() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="6-MP generated pictures, not 24-MP")
    ap.add_argument("photos", nargs="*", type=Path)
    a = ap.parse_args()
    size = (3000, 2000) if a.quick else (6000, 4000)
    from tests.publish.helpers import make_jpeg

    from _photos_common import base_images

    with tempfile.TemporaryDirectory() as tmp:
        made = [make_jpeg(Path(tmp) / "publish.jpg", size, seed=0), Path(tmp) / "camera.jpg"]
        made[1].write_bytes(base_images(size, 1)[0])
        rows = []
        for path in [*made, *a.photos]:
            im = decoded(path)
            edge = EDGE if max(im.size) > EDGE else max(im.size) // 2
            ref, _ = shrunk(im, edge, "LANCZOS")
            ours, _ = shrunk(im, edge, RESAMPLE)
            lanczos_cpu = statistics.median(shrunk(im, edge, "LANCZOS")[1] for _ in range(3))
            ours_cpu = statistics.median(shrunk(im, edge, RESAMPLE)[1] for _ in range(3))
            buf = io.BytesIO()
            ref.save(buf, "JPEG", quality=85)
            encoded = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
            row = {
                "picture": path.name,
                "decoded": list(im.size),
                "rendition": list(ref.size),
                "filter_psnr_db": round(psnr(ref, ours), 1),
                "filter_ssim": round(ssim(ref, ours), 4),
                "encode_psnr_db": round(psnr(ref, encoded), 1),
                "encode_ssim": round(ssim(ref, encoded), 4),
                "lanczos_cpu_ms": round(lanczos_cpu * 1000, 1),
                "filter_cpu_ms": round(ours_cpu * 1000, 1),
            }
            rows.append(row)
            print(
                f"{row['picture']}: {RESAMPLE.lower()} vs Lanczos {row['filter_psnr_db']} dB, "
                f"SSIM {row['filter_ssim']}; Lanczos vs its q85 JPEG {row['encode_psnr_db']} dB, "
                f"SSIM {row['encode_ssim']}; resize CPU {row['filter_cpu_ms']} ms vs Lanczos "
                f"{row['lanczos_cpu_ms']} ms"
            )
    margin = min(r["filter_psnr_db"] - r["encode_psnr_db"] for r in rows)
    lanczos_ms = statistics.median(r["lanczos_cpu_ms"] for r in rows[:2])
    ours_ms = statistics.median(r["filter_cpu_ms"] for r in rows[:2])
    print(
        json.dumps(
            {
                "benchmark": "rendition_filter",
                "filter": RESAMPLE,
                "median_ms": ours_ms,
                "baseline_median_ms": lanczos_ms,
                "ratio": round(lanczos_ms / ours_ms, 2),
                "min_margin_over_encode_db": round(margin, 1),
                "pictures": rows,
                "goal": "ratio > 1 and margin >= 4 dB on every picture",
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
