"""Runs the reference portal and a fault proxy in their own process (benchmarks): the
server side must not share the client's interpreter lock. Prints {"portal": p, "proxy": q}.

    python benchmarks/_publish_servers.py DIR SECRET [--latency S] [--fault-rate R] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.publish.faultproxy import FaultProxy  # noqa: E402

from qk3editor.publish.portal import PortalServer, PortalStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("secret")
    ap.add_argument("--latency", type=float, default=0.0)
    ap.add_argument("--fault-rate", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    portal = PortalServer(0, PortalStore(args.dir), {"bench": args.secret})
    portal.start_background()
    proxy = FaultProxy(
        portal.port,
        fault_rate=args.fault_rate,
        seed=args.seed,
        latency=args.latency,
        slow_seconds=0.2,
        retry_after=1,
    ).start()
    print(json.dumps({"portal": portal.port, "proxy": proxy.port}), flush=True)
    try:
        sys.stdin.read()  # until the benchmark closes our stdin
    finally:
        print(json.dumps(dict(proxy.counts)), file=sys.stderr, flush=True)
    threading.Event().set()


if __name__ == "__main__":
    main()
