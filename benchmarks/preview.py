"""Preview render of a 20,000-word article with 20 figures: median time per render.

Each round changes one word in a different paragraph (as typing does) and renders the whole
portal page. Ours: the block-cached renderer in qk3editor.core.render. Baseline, in the same
run: the unoptimised path — the whole body through python-markdown and nh3 on every render.

    python benchmarks/preview.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from qk3editor.core import render
from qk3editor.core.render import PhotoRef, RenderInput, render_page

WORDS = (
    "tăng cường phối hợp chỉ đạo công tác dân vận trong lực lượng vũ trang quân khu "
    "hội nghị sơ kết thực hiện chương trình giai đoạn đồng chí thiếu tướng chính ủy "
    "tuyên truyền vận động nhân dân đường lối chủ trương chính sách pháp luật nhà nước"
).split()


def make_article(words: int, figures: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    paras: list[str] = []
    per_para = 80
    for i in range(words // per_para):
        text = " ".join(rng.choice(WORDS) for _ in range(per_para))
        if i % 7 == 3:
            text = f"**{text[:40]}** {text[40:]}"
        paras.append(text.capitalize() + ".")
    step = max(1, len(paras) // (figures + 1))
    for k in range(figures):
        paras.insert((k + 1) * step + k, f"![Ảnh {k + 1}: chú thích hội nghị](qk3photo:p{k})")
    return paras


def resolver(photo_id: str) -> PhotoRef:
    return PhotoRef(f"file:///photos/{photo_id}.jpg", "", "Đức Việt")


def baseline_page(article: RenderInput) -> str:
    """The naive path: one markdown conversion and one sanitising pass over everything."""
    body = render.render_block.__wrapped__(article.body)
    body = render._resolve_figures(body, resolver)
    return body


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer rounds (same article size)")
    args = ap.parse_args()
    rounds = 15 if args.quick else 60
    paras = make_article(20_000, 20)
    rng = random.Random(7)

    def edited(i: int) -> RenderInput:
        p = list(paras)
        k = rng.randrange(len(p))
        if not p[k].startswith("!["):
            p[k] = p[k] + f" thêm{i}"
        return RenderInput(
            "Tiêu đề", "QK3 online - Sáng nay", "\n\n".join(p), "Tin tức", "Đức Việt"
        )

    render_page(edited(-1), resolver)  # warm the block cache as an open article would be
    ours, base = [], []
    for i in range(rounds):
        a = edited(i)
        t0 = time.perf_counter()
        render_page(a, resolver, anchors=True)
        ours.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        baseline_page(a)
        base.append((time.perf_counter() - t0) * 1000)
    med, bmed = statistics.median(ours), statistics.median(base)
    print(f"article: {len(paras)} blocks, 20,000 words, 20 figures; {rounds} renders each")
    print(f"ours (block cache): median {med:.2f} ms, max {max(ours):.2f} ms")
    print(f"baseline (whole body each time): median {bmed:.2f} ms")
    print(
        json.dumps(
            {
                "benchmark": "preview",
                "median_ms": round(med, 2),
                "baseline_median_ms": round(bmed, 2),
                "ratio": round(bmed / med, 1),
                "goal": "median_ms <= 30",
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
