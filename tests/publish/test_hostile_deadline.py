"""Deadlines for every network exchange, and outages during discovery (issue 12, #4).

The servers drip one byte at a time, far faster than any per-read timeout, so only a deadline
for the whole request can stop them. Deadlines here are about a second: each test stays short.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from qk3editor.core import i18n
from qk3editor.core.i18n import Translator
from qk3editor.core.publish_data import JobState, Target, TargetKind
from qk3editor.paths import resources_dir
from qk3editor.publish.errors import DeadlineExceeded
from qk3editor.publish.http import HttpClient, HttpSettings
from qk3editor.publish.secrets import SecretStore

from .netservers import ScriptedServer, end_connection_threads

# per-read timeouts far above the drip interval: they alone would never end these requests
SLOW_READS = {"read_timeout": 30.0, "connect_timeout": 30.0, "write_timeout": 30.0}


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    s = ScriptedServer()
    yield s
    s.stop()


@pytest.fixture
def vi() -> Iterator[Translator]:
    translator = Translator.load("vi", resources_dir() / "translations")
    previous = i18n.active()
    i18n.set_active(translator)
    yield translator
    i18n.set_active(previous)


class RawServer:
    """Accepts connections and runs ``behave(conn)`` on each (a raw socket, no HTTP).

    ``stop()`` ends every thread it started (see netservers.end_connection_threads).
    """

    def __init__(self, behave) -> None:  # type: ignore[no-untyped-def]
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.stopping = threading.Event()
        self.behave = behave
        self.lock = threading.Lock()
        self.connections: dict[threading.Thread, socket.socket] = {}
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _loop(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self.stopping.is_set():
                conn.close()
                return
            thread = threading.Thread(target=self._run, args=(conn,), daemon=True)
            with self.lock:
                self.connections[thread] = conn
            thread.start()

    def _run(self, conn: socket.socket) -> None:
        try:
            self.behave(conn, self.stopping)
        except OSError:
            pass
        finally:
            conn.close()
            with self.lock:
                self.connections.pop(threading.current_thread(), None)

    def stop(self) -> None:
        self.stopping.set()
        # closing a socket does not wake a thread blocked in its accept(): one last connection does
        try:
            socket.create_connection(self.sock.getsockname(), timeout=5).close()
        except OSError:
            pass
        self.thread.join(10)
        self.sock.close()
        end_connection_threads(self.connections, self.lock)
        assert not self.thread.is_alive(), "the accept loop did not end"


def test_dripping_body_fails_at_the_deadline_with_a_vietnamese_message(server, vi):
    server.route("/slow", body=b"x" * 10_000, drip=0.2)
    with HttpClient(HttpSettings(deadline=1.0, **SLOW_READS)) as http:
        with pytest.raises(DeadlineExceeded) as caught:
            http.request("GET", server.origin + "/slow")
    assert caught.value.retryable
    text = caught.value.message(vi)
    assert text == f"127.0.0.1:{server.server_address[1]} không trả lời xong trong 1 giây; " + (
        "việc đăng sẽ được thử lại"
    )


def test_dripping_headers_fail_at_the_deadline():
    head = b"HTTP/1.1 200 OK\r\n" + b"X-Pad: " + b"a" * 5000 + b"\r\n\r\n"

    def drip(conn: socket.socket, stopping: threading.Event) -> None:
        conn.recv(65536)
        for i in range(len(head)):
            if stopping.wait(0.2):
                return
            conn.sendall(head[i : i + 1])

    raw = RawServer(drip)
    try:
        with HttpClient(HttpSettings(deadline=1.0, **SLOW_READS)) as http:
            with pytest.raises(DeadlineExceeded):
                http.request("GET", raw.url + "/")
    finally:
        raw.stop()


def test_upload_to_a_server_that_never_reads_fails_at_the_deadline():
    def never_read(conn: socket.socket, stopping: threading.Event) -> None:
        stopping.wait(30)

    raw = RawServer(never_read)
    try:
        settings = HttpSettings(deadline=1.0, upload_rate=1e12, **SLOW_READS)
        with HttpClient(settings) as http:
            with pytest.raises(DeadlineExceeded):
                http.request("PUT", raw.url + "/up", content=b"\0" * (64 * 1024 * 1024))
    finally:
        raw.stop()


def test_uploads_get_time_by_size():
    """The allowance is the deadline plus the body at the slowest accepted rate."""
    from qk3editor.publish import http as transport

    seen = {}
    client = HttpClient(HttpSettings(deadline=2.0, upload_rate=1000.0))

    def fake(*args, **kw):  # type: ignore[no-untyped-def]
        seen["budget"] = transport._deadline.budget
        return transport.Response(200, {}, b"", "http://127.0.0.1/")

    client._request = fake  # type: ignore[method-assign]
    client.request("PUT", "http://127.0.0.1:1/x", content=b"a" * 5000)
    client.close()
    assert seen["budget"] == pytest.approx(7.0)


def test_a_dripping_portal_leaves_the_job_waiting_never_running(
    server, outbox, repo, article, memkeyring, vi
):
    server.route("*", body=b'{"id": "x"}' * 200, drip=0.2)
    repo.add_target(
        Target("slow", TargetKind.NINJS, server.origin, "editor", {"deadline": 1.0, **SLOW_READS})
    )
    SecretStore().set("slow", "editor", "s3cret-s3cret")
    job = outbox.run_job(outbox.enqueue(article, [], "slow").id, inline_retries=False)
    assert job.state is JobState.WAITING
    assert job.error_code == "deadline" and job.next_attempt_at is not None
    assert "không trả lời xong trong 1 giây" in job.error_text(vi)  # stored as code + params
    assert "did not finish answering" in (job.error_message or "")  # no translation stored
    assert repo.jobs([JobState.RUNNING]) == []


def _wordpress_routes(server: ScriptedServer) -> None:
    post = {
        "id": 7,
        "link": server.origin + "/?p=7",
        "modified_gmt": "2026-01-01T00:00:00",
        "title": {"raw": "t"},
        "content": {"raw": ""},
        "status": "publish",
    }
    server.route("/", headers={"Link": '</wp-json/>; rel="https://api.w.org/"'})
    server.route("/wp-json/wp/v2/*", body=json.dumps(post).encode())


def test_discovery_outage_is_retried_then_publishes(server, outbox, repo, article, memkeyring):
    _wordpress_routes(server)
    server.routes["/"].first = [(500, b"down"), (502, b"down")]
    repo.add_target(Target("wp", TargetKind.WORDPRESS, server.origin, "bientap", {}))
    SecretStore().set("wp", "bientap", "abcd efgh ijkl mnop")
    job = outbox.run_job(outbox.enqueue(article, [], "wp").id)
    assert job.state is JobState.DONE, job.error_message
    assert job.attempts == 3
    assert [p for m, p, _h in server.seen if p == "/"] == ["/", "/", "/"]


def test_discovery_outage_without_inline_retries_waits(server, outbox, repo, article, memkeyring):
    _wordpress_routes(server)
    server.routes["/"].first = [(503, b"down")]
    repo.add_target(Target("wp", TargetKind.WORDPRESS, server.origin, "bientap", {}))
    SecretStore().set("wp", "bientap", "abcd efgh ijkl mnop")
    job = outbox.run_job(outbox.enqueue(article, [], "wp").id, inline_retries=False)
    assert job.state is JobState.WAITING and job.error_code == "http"
    # nothing listens on this port any more: a connection failure during discovery waits too
    port = server.server_address[1]
    server.stop()
    repo.add_target(Target("gone", TargetKind.WORDPRESS, f"http://127.0.0.1:{port}", "u", {}))
    SecretStore().set("gone", "u", "abcd efgh ijkl mnop")
    gone = outbox.run_job(outbox.enqueue(article, [], "gone").id, inline_retries=False)
    assert gone.state is JobState.WAITING and gone.error_code == "transport"
