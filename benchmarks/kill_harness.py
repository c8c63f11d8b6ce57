"""Kill harness: type into a new article through Qt input events, SIGKILL the app at a random
moment, restart it, compare what the store kept with what was typed.

    python benchmarks/kill_harness.py [--quick] [--trials N]

Each trial: a fresh QK3EDITOR_HOME; the app starts offscreen through the test launcher
(``python -m qk3editor.ui.testing --type FILE``, see qk3editor.ui.testing) and types Vietnamese
and ASCII text into a new article's body; after a random delay it is killed with SIGKILL;
``PRAGMA integrity_check`` runs on the store; the app is started again with ``--report``,
reopens what was open and prints it. Characters lost = typed - kept. The text kept must be
exactly the start of the text typed.
The tests (tests/ui/test_kill_harness.py) run a few trials of the same code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Sáng 10 - 11, tại quận Đồ Sơn, thành phố Hải Phòng, Cục Chính trị Quân khu phối hợp "
    "với Ban Dân vận 9 tỉnh, thành ủy tổ chức Hội nghị sơ kết.\nQK3 online - the meeting "
    "reviewed two years of work; Thiếu tướng Nguyễn Thanh Hải trao đổi với các đại biểu.\n"
) * 20


@dataclass
class Trial:
    typed: int
    kept: int
    lost: int
    typed_last_2s: int
    prefix_ok: bool
    integrity: str
    reopened: bool
    cursor_ok: bool


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QK3EDITOR_HOME=str(home),
        PYTHONPATH=str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", ""),
        PYTHONUNBUFFERED="1",
    )
    env.pop("QK3EDITOR_STORE", None)
    env.update(extra)
    return env


def _store_file(home: Path) -> Path:
    return home / "data" / "qk3editor.sqlite3"


def run_trial(rng: random.Random, min_s: float, max_s: float, interval_ms: int = 20) -> Trial:
    with tempfile.TemporaryDirectory(prefix="qk3kill-") as tmp:
        home = Path(tmp)
        script = home / "script.txt"
        script.write_text(TEXT, encoding="utf-8")
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "qk3editor.ui.testing",
                "--type",
                str(script),
                "--type-ms",
                str(interval_ms),
            ],
            env=_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        stamps: list[tuple[float, int]] = []
        started = threading.Event()

        def reader() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("typed "):
                    stamps.append((time.monotonic(), int(line.split()[1])))
                    started.set()

        t = threading.Thread(target=reader, daemon=True)
        t.start()
        if not started.wait(60):
            proc.kill()
            err = proc.stderr.read() if proc.stderr else ""
            raise RuntimeError(f"the app never started typing:\n{err[-3000:]}")
        time.sleep(rng.uniform(min_s, max_s))
        proc.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        proc.wait(30)
        t.join(5)
        typed = stamps[-1][1] if stamps else 0
        before = [n for ts, n in stamps if ts <= killed_at - 2.0]
        typed_last_2s = typed - (before[-1] if before else 0)

        con = sqlite3.connect(_store_file(home))
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        con.close()

        out = subprocess.run(
            [sys.executable, "-m", "qk3editor.ui.testing", "--report"],
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=120,
        )
        reports = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if not reports:
            raise RuntimeError(f"no report from the restarted app:\n{out.stderr[-3000:]}")
        report = json.loads(reports[-1])
        body = report.get("body") or ""
        kept = len(body)
        return Trial(
            typed=typed,
            kept=kept,
            lost=max(0, typed - kept),
            typed_last_2s=typed_last_2s,
            prefix_ok=TEXT.startswith(body),
            integrity=integrity,
            reopened=bool(report.get("article_id")),
            cursor_ok=report.get("field") == "body"
            and abs(int(report.get("cursor", -1)) - kept) <= 120,
        )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--trials", type=int, default=None)
    args = ap.parse_args()
    trials = args.trials or (5 if args.quick else 100)
    rng = random.Random(2026)
    results = []
    for i in range(trials):
        r = run_trial(rng, 0.3, 10.0 if not args.quick else 4.0)
        results.append(r)
        print(
            f"trial {i + 1}: typed {r.typed}, kept {r.kept}, lost {r.lost} "
            f"(typed in the last 2 s: {r.typed_last_2s}), integrity {r.integrity}, "
            f"prefix {'ok' if r.prefix_ok else 'BROKEN'}",
            flush=True,
        )
    worst = max(r.lost for r in results)
    ok = all(r.integrity == "ok" and r.prefix_ok and r.reopened for r in results)
    within = all(r.lost <= r.typed_last_2s + 1 for r in results)
    print(
        json.dumps(
            {
                "benchmark": "kill_harness",
                "trials": trials,
                "max_chars_lost": worst,
                "all_integrity_ok": ok,
                "all_within_last_2s": within,
                "goal": "lost <= typed in the last 2 s; integrity ok",
            }
        )
    )
    return 0 if ok and within else 1


if __name__ == "__main__":
    raise SystemExit(main())
