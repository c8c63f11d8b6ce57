"""Caption write benchmark: a different Vietnamese caption into each of 200 camera JPEGs.

Ours: :func:`qk3editor.photos.metadata.write_metadata` (XMP + IIM with the UTF-8 marker,
atomic: temp file, fsync, replace) from a few threads, as the desk writes a batch. Baseline in
the same run: ``exiftool -overwrite_original`` in one ``-stay_open`` batch writing the same
fields to copies of the same files, timed until its files are on disk (``sync``), since ours
are fsynced; its time before that sync is reported too (``ratio_vs_nosync``).
ratio = exiftool time / our time (goal >= 1.5).

    python benchmarks/caption_write.py [--quick]
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _photos_common import FULL_SIZE, QUICK_SIZE, camera_files
from qk3editor.photos.desk import WRITE_THREADS
from qk3editor.photos.metadata import PhotoMetadata, read_metadata, write_metadata


def caption(i: int) -> str:
    return f"Thiếu tướng Nguyễn Thanh Hải, Phó Chính ủy Quân khu 3, thăm đơn vị số {i}"


def write_one(args: tuple[str, int]) -> int:
    path, i = args
    md = PhotoMetadata(description=caption(i), headline=f"Ảnh {i}", credit="Báo Quân khu 3")
    write_metadata(Path(path), md, only=["description", "headline", "credit"])
    return i


def run_ours(files: list[Path]) -> float:
    """As the desk writes a batch: a few threads, each write atomic (temp, fsync, replace)."""
    jobs = [(str(f), i) for i, f in enumerate(files)]
    os.sync()
    start = time.perf_counter()
    with cf.ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
        list(pool.map(write_one, jobs))
    return time.perf_counter() - start


def run_exiftool(files: list[Path]) -> tuple[float, float]:
    """exiftool's time, and its time until its files are on disk too (a final sync: ours
    are fsynced one by one, so this is the like-for-like durability)."""
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(
        ["exiftool", "-stay_open", "True", "-@", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin and proc.stdout
    for i, f in enumerate(files):
        args = [
            "-overwrite_original",
            "-charset",
            "iptc=UTF8",
            "-IPTC:CodedCharacterSet=UTF8",
            f"-XMP-dc:Description={caption(i)}",
            f"-IPTC:Caption-Abstract={caption(i)}",
            f"-XMP-photoshop:Headline=Ảnh {i}",
            f"-IPTC:Headline=Ảnh {i}",
            "-XMP-photoshop:Credit=Báo Quân khu 3",
            "-IPTC:Credit=Báo Quân khu 3",
            str(f),
            "-execute",
        ]
        proc.stdin.write(("\n".join(args) + "\n").encode("utf-8"))
        proc.stdin.flush()
        while not proc.stdout.readline().startswith(b"{ready"):
            pass
    proc.stdin.write(b"-stay_open\nFalse\n")
    proc.stdin.close()
    proc.wait()
    done = time.perf_counter() - start
    os.sync()
    return done, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("-n", type=int, default=None)
    args = ap.parse_args()
    n = args.n or (24 if args.quick else 200)
    size = QUICK_SIZE if args.quick else FULL_SIZE
    work = Path(tempfile.mkdtemp(prefix="qk3-bench-caption-"))
    try:
        ours_files = camera_files(work / "ours", n, size)
        theirs = work / "exiftool"
        shutil.copytree(work / "ours", theirs)
        their_files = [theirs / f.name for f in ours_files]
        ours = run_ours(ours_files)
        base_nosync, base = run_exiftool(their_files)
        # both wrote the same caption: check a sample reads back identically
        for i in (0, n - 1):
            assert read_metadata(ours_files[i]).metadata.description == caption(i)
            assert read_metadata(their_files[i]).metadata.description == caption(i)
        print(f"ours:     {n / ours:7.1f} files/s ({ours:.2f}s)")
        print(f"exiftool: {n / base:7.1f} files/s ({base:.2f}s, on disk)")
        print(f"exiftool: {n / base_nosync:7.1f} files/s ({base_nosync:.2f}s, before its sync)")
        print(
            json.dumps(
                {
                    "benchmark": "caption_write",
                    "files": n,
                    "median_ms": round(1000 * ours / n, 2),
                    "baseline_median_ms": round(1000 * base / n, 2),
                    "ratio": round(base / ours, 2),
                    "baseline_nosync_median_ms": round(1000 * base_nosync / n, 2),
                    "ratio_vs_nosync": round(base_nosync / ours, 2),
                    "goal": ">= 1.5",
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
