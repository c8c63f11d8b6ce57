"""Hostile network run (issue 12, #1 #2 #4), against real servers on 127.0.0.1.

- credentials: the three leaks of the attack run (site root redirected to another origin, a
  ``Link`` header naming another origin, https redirected to http): Authorization headers that
  reached another origin (baseline: 3 of 3 cases leaked);
- deadline: a server dripping one byte every 0.25 s; seconds until the request fails
  (baseline: unbounded, the timeout was per read; 420 s and still running in the attack run);
- portal: ``qk3editor portal`` as its own process; its peak memory growth while 8 clients
  without a key each announce a 39 MB body (baseline: +180 MB), and the answer time to a
  signed 100k-deep JSON item; ``GET /`` must still answer afterwards.

    python benchmarks/hostile_net.py [--quick]

The last line is one JSON object; ``ratio`` = cases held / cases run.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402
from tests.publish.netservers import ScriptedServer, self_signed, tls_context  # noqa: E402

from qk3editor.core.publish_data import Target, TargetKind  # noqa: E402
from qk3editor.publish.errors import PublishError  # noqa: E402
from qk3editor.publish.http import HttpClient, HttpSettings  # noqa: E402
from qk3editor.publish.ninjs import API_PREFIX, signed_headers  # noqa: E402
from qk3editor.publish.targets import http_settings  # noqa: E402
from qk3editor.publish.wordpress import WordPressPublisher  # noqa: E402

ME = b'{"id": 1, "name": "x"}'


def _wordpress(server: ScriptedServer) -> None:
    server.route("/", headers={"Link": f'<{server.origin}/wp-json/>; rel="https://api.w.org/"'})
    server.route("/wp-json/", body=b"{}")
    server.route("/wp-json/wp/v2/users/me", body=ME)


def _login(url: str, **options: object) -> str:
    target = Target("wp", TargetKind.WORDPRESS, url, "u", dict(options))
    wp = WordPressPublisher(target, "abcd efgh ijkl mnop", HttpClient(http_settings(target)))
    try:
        return wp.check_login()
    except PublishError as exc:
        return exc.code
    finally:
        wp.close()


def credentials(tmp: Path) -> dict[str, object]:
    leaked, outcomes = 0, {}
    a, b = ScriptedServer(), ScriptedServer()
    _wordpress(b)
    try:
        a.route("/", status=302, headers={"Location": b.origin + "/"})
        outcomes["root_redirect"] = _login(a.origin)
        a.route("/", headers={"Link": f'<{b.origin}/wp-json/>; rel="https://api.w.org/"'})
        outcomes["foreign_link"] = _login(a.origin)
        pair = self_signed(tmp)
        if pair:
            secure = ScriptedServer(tls=tls_context(*pair))
            secure.route("/", status=302, headers={"Location": b.origin + "/"})
            outcomes["https_to_http"] = _login(secure.origin, ca_bundle=str(pair[0]))
            secure.stop()
        leaked += b.authorised_requests()
    finally:
        a.stop()
        b.stop()
    return {"credentials_sent_elsewhere": leaked, "outcomes": outcomes}


def deadline(seconds: float) -> dict[str, object]:
    server = ScriptedServer()
    server.route("/slow", body=b"x" * 100_000, drip=0.25)
    settings = HttpSettings(deadline=seconds, read_timeout=60.0)
    start = time.monotonic()
    try:
        with HttpClient(settings) as http:
            http.request("GET", server.origin + "/slow")
        code = "answered"
    except PublishError as exc:
        code = exc.code
    took = time.monotonic() - start
    server.stop()
    return {"deadline_s": seconds, "failed_after_s": round(took, 2), "error": code}


def _rss_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _announce(port: int, size: int, out: list[bytes]) -> None:
    """An unauthenticated PUT announcing ``size`` bytes, then pushing the body until refused."""
    path = f"{API_PREFIX}/media/{'a' * 64}"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                f"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n".encode()
            )
            chunk = b"\0" * 65536
            try:
                for _ in range(size // len(chunk)):
                    sock.sendall(chunk)
            except OSError:
                pass
            answer = b""
            try:
                while part := sock.recv(4096):
                    answer += part
            except OSError:
                pass
            out.append(answer[:12])
    except OSError:
        out.append(b"")


def portal(tmp: Path, clients: int) -> dict[str, object]:
    secret = "bench-secret-0123456789"
    env = {**os.environ, "QK3EDITOR_HOME": str(tmp / "home"), "QK3EDITOR_PORTAL_SECRET": secret}
    if os.environ.get("QK3_BENCH_PORTAL_SRC"):  # measure another tree's portal (a baseline)
        env["PYTHONPATH"] = os.environ["QK3_BENCH_PORTAL_SRC"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "qk3editor", "portal", "--port", "0", "--dir", str(tmp / "portal")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        url = next(w for w in line.split() if w.startswith("http://127.0.0.1:")).rstrip(",;")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        before = _rss_kb(proc.pid, "VmRSS")
        answers: list[bytes] = []
        threads = [
            threading.Thread(target=_announce, args=(port, 39 * 1024 * 1024, answers))
            for _ in range(clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        peak = _rss_kb(proc.pid, "VmHWM")
        item_id = "deep0001"
        path = f"{API_PREFIX}/items/{item_id}"
        body = b"[" * 100_000 + b"]" * 100_000
        headers = signed_headers(secret, "qk3editor", "PUT", path, body)
        start = time.monotonic()
        deep = httpx.put(url + path, content=body, headers=headers, timeout=30)
        deep_s = time.monotonic() - start
        index = httpx.get(url + "/", timeout=10).status_code
        return {
            "unauthenticated_bodies": clients,
            "refused_401": sum(a.startswith(b"HTTP/1.1 401") for a in answers),
            "rss_before_mb": round(before / 1024, 1),
            "rss_growth_mb": round((peak - before) / 1024, 1),
            "deep_json_status": deep.status_code,
            "deep_json_s": round(deep_s, 3),
            "index_after": index,
        }
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        creds = credentials(tmp)
        drip = deadline(1.0 if args.quick else 3.0)
        port = portal(tmp, 4 if args.quick else 8)
    held = [
        creds["credentials_sent_elsewhere"] == 0,
        drip["error"] == "deadline",
        port["refused_401"] == port["unauthenticated_bodies"],
        port["rss_growth_mb"] < 50,
        port["deep_json_status"] == 400,
        port["index_after"] == 200,
    ]
    print(json.dumps(creds, ensure_ascii=False))
    print(json.dumps(drip))
    print(json.dumps(port))
    print(
        json.dumps(
            {
                "benchmark": "hostile_net",
                "credentials_sent_elsewhere": creds["credentials_sent_elsewhere"],
                "baseline_credentials_sent_elsewhere": "3 of 3 cases",
                "drip_failed_after_s": drip["failed_after_s"],
                "baseline_drip": "unbounded (> 420 s)",
                "portal_rss_growth_mb": port["rss_growth_mb"],
                "baseline_portal_rss_growth_mb": 180,
                "ratio": round(sum(held) / len(held), 3),
                "goal": "0 credentials elsewhere, deadline holds, portal refuses before reading",
            }
        )
    )


if __name__ == "__main__":
    main()
