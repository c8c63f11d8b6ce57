"""Benchmark: the hostile inputs of issue 12, worst time and peak memory per case.

    python benchmarks/hostile.py [--quick] [--cap SECONDS] [--filter TEXT]

Each case of tests/hostile/cases.py runs in a child process (RLIMIT_AS 1 GiB, wall-clock kill;
tests/hostile/harness.py) at the size the issue reported and at twice it (``--quick``: the
reported size only). Printed per case: the outcome (ok, or the code it was refused with), the
worst wall time and the worst peak memory (the child's ru_maxrss), and the same input through
the old path (python-markdown, yaml.safe_load, reading the whole file, ...) in the same run,
killed at the cap and then reported as ">= cap".

Goal (issue 12): every case under 5,000 ms and 500 MB, or refused with its message. The last
line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE.parent)]

from tests.hostile import cases as C  # noqa: E402
from tests.hostile.harness import CaseResult, run_case  # noqa: E402

GOAL_MS = 5000
GOAL_MB = 500


def _outcome(r: CaseResult) -> str:
    if r.outcome == "refused":
        return f"refused {r.code}"
    if r.outcome == "ok" and r.data.get("rc") not in (None, 0):
        return f"refused (exit {r.data['rc']})"
    if r.outcome == "error":
        return f"error {r.error}"
    return r.outcome


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="the reported size only")
    ap.add_argument("--cap", type=float, default=20.0, help="seconds before a baseline is killed")
    ap.add_argument("--filter", default="", help="only cases whose name contains this")
    ap.add_argument("--no-baseline", action="store_true")
    opts = ap.parse_args()
    worst_ms = worst_mb = baseline_worst = 0.0
    misses: list[str] = []
    print(f"{'case':<62} {'outcome':<34} {'ms':>7} {'MB':>6}   {'old ms':>9} {'old MB':>6}")
    with tempfile.TemporaryDirectory(prefix="qk3-hostile-") as tmp:
        home = Path(tmp) / "home"
        env = {"QK3EDITOR_HOME": str(home), "QK3EDITOR_LANG": "vi"}
        for index, case in enumerate(C.ALL):
            if opts.filter not in case.name:
                continue
            scales = case.scales[:1] if opts.quick else case.scales
            case_ms = case_mb = 0.0
            old_ms = old_mb = 0.0
            old_note = ""
            outcome = ""
            outcomes: list[str] = []
            for scale in scales:
                folder = Path(tmp) / f"in-{index}-{scale:g}"
                folder.mkdir(exist_ok=True)
                args = case.make(folder, scale)
                args["store"] = str(Path(tmp) / "store.sqlite3")
                r = run_case(case.source, args, wall_s=case.wall_s, env=env)
                outcome = _outcome(r)
                outcomes.append(outcome)
                case_ms, case_mb = max(case_ms, r.wall_ms), max(case_mb, r.peak_mb)
                refused = outcome.startswith("refused")
                expect = case.expected(scale)
                expected = (expect == "ok" and outcome == "ok") or (expect != "ok" and refused)
                if not expected or (not refused and (r.wall_ms >= GOAL_MS or r.peak_mb >= GOAL_MB)):
                    misses.append(f"{case.name} x{scale:g}: {outcome}")
                if case.baseline and not opts.no_baseline:
                    b = run_case(case.baseline, args, wall_s=opts.cap, env=env)
                    ms = opts.cap * 1000 if b.outcome == "killed" else b.wall_ms
                    if ms >= old_ms:
                        old_ms = ms
                        old_note = {"killed": ">= cap", "error": f"{b.error}"}.get(b.outcome, "")
                    old_mb = max(old_mb, b.peak_mb)
                for p in folder.iterdir():
                    p.unlink()
            worst_ms, worst_mb = max(worst_ms, case_ms), max(worst_mb, case_mb)
            baseline_worst = max(baseline_worst, old_ms)
            old = f"{old_ms:>9.0f} {old_mb:>6.0f} {old_note}" if old_ms else f"{'-':>9} {'-':>6}"
            shown = " / ".join(dict.fromkeys(outcomes))  # per scale, repeats once
            print(f"{case.name:<62} {shown:<34} {case_ms:>7.0f} {case_mb:>6.0f}   {old}")
            sys.stdout.flush()
    for m in misses:
        print("MISSED:", m)
    result = {
        "benchmark": "hostile",
        "worst_ms": round(worst_ms),
        "worst_peak_mb": round(worst_mb),
        "baseline_worst_ms": round(baseline_worst),
        "baseline_cap_ms": round(opts.cap * 1000),
        "ratio": round(baseline_worst / worst_ms, 2) if worst_ms else None,
        "goal": f"every case < {GOAL_MS} ms and < {GOAL_MB} MB or refused",
        "goal_met": not misses,
    }
    print(json.dumps(result))
    return 0 if not misses else 1


if __name__ == "__main__":
    sys.exit(main())
