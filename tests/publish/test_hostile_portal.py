"""Attacks on the reference portal, each against a real ``PortalServer`` on 127.0.0.1 (#2).

A hostile client holds a captured signed request, or no key at all; after each attack the
portal keeps its data and keeps serving ``GET /`` to everyone.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from qk3editor.core.publish_data import JobState
from qk3editor.publish.ninjs import API_PREFIX, article_uri, signed_headers
from qk3editor.publish.portal import PortalServer, PortalStore
from qk3editor.publish.secrets import SecretStore

from .conftest import Portal, add_portal_target

ID = "5b0c6c53-8c39-4a31-9d33-1f0d8f3a1c11"


def _item(item_id: str = ID, title: str = "Bài gốc", **extra: object) -> dict:
    item = {
        "uri": article_uri(item_id),
        "type": "text",
        "pubstatus": "usable",
        "versioncreated": "2026-12-05T01:00:00Z",
        "headlines": [{"role": "main", "value": title}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Nội dung</p>"}],
    }
    item.update(extra)
    return item


def _signed(
    portal: Portal,
    method: str,
    path: str,
    body: bytes = b"",
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    return signed_headers(portal.secret, "editor", method, path, body, extra)


def _put(portal: Portal, item_id: str, body: bytes, base: str = "none") -> httpx.Response:
    path = f"{API_PREFIX}/items/{item_id}"
    headers = _signed(portal, "PUT", path, body, {"X-QK3-Base-Modified": base})
    return httpx.put(portal.url + path, content=body, headers=headers, timeout=10)


def _index_ok(portal: Portal) -> bool:
    return httpx.get(portal.url + "/", timeout=10).status_code == 200


def _raw(portal: Portal, head: str, body: bytes = b"") -> bytes:
    """Send bytes on a raw connection; the answer up to the server's close (it must close)."""
    with socket.create_connection(("127.0.0.1", portal.server.port), timeout=5) as sock:
        sock.sendall(head.encode("latin-1") + body)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
        return answer


def test_replay_with_a_changed_base_modified_is_refused(portal):
    first = _put(portal, ID, json.dumps(_item()).encode())
    assert first.status_code == 201
    stale = first.json()["modified"]
    body = json.dumps(_item(title="Bản cũ bị phát lại")).encode()
    path = f"{API_PREFIX}/items/{ID}"
    captured = _signed(portal, "PUT", path, body, {"X-QK3-Base-Modified": stale})
    # the portal side edits the article: the captured update is now stale (409 if sent)
    current = portal.store.edit_item(ID, "Sửa trên cổng")["modified"]
    forged = {**captured, "X-QK3-Base-Modified": current}
    r = httpx.put(portal.url + path, content=body, headers=forged)
    assert r.status_code == 401 and r.json()["error"] == "bad_signature"
    # an added X-QK3-* header breaks the signature too
    added = {**captured, "X-QK3-Force": "1"}
    assert httpx.put(portal.url + path, content=body, headers=added).status_code == 401
    # the captured request as it was: it is stale, so a conflict, not a revert
    assert httpx.put(portal.url + path, content=body, headers=captured).status_code == 409
    # and sent once more: a replay
    again = httpx.put(portal.url + path, content=body, headers=captured)
    assert again.status_code == 401 and again.json()["error"] == "replayed"
    assert portal.store.get_item(ID)["item"]["headlines"][0]["value"] == "Sửa trên cổng"
    # a different body under the captured headers: the signed body hash does not match
    other = json.dumps(_item(title="Khác")).encode()
    fresh = _signed(portal, "PUT", path, body, {"X-QK3-Base-Modified": current})
    r = httpx.put(portal.url + path, content=other, headers=fresh)
    assert r.status_code == 400 and r.json()["error"] == "body_hash_mismatch"
    assert portal.store.get_item(ID)["item"]["headlines"][0]["value"] == "Sửa trên cổng"


def test_signature_is_checked_before_the_body_is_read(portal):
    path = f"{API_PREFIX}/media/{'a' * 64}"
    big = 39 * 1024 * 1024
    # only the headers are sent: an answer can come only if nothing waits for the body
    unsigned = _raw(portal, f"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {big}\r\n\r\n")
    assert unsigned.startswith(b"HTTP/1.1 401") and b"bad_signature" in unsigned
    signed = _signed(portal, "PUT", path, b"")
    head = "".join(f"{k}: {v}\r\n" for k, v in signed.items())
    too_large = _raw(
        portal, f"PUT {path} HTTP/1.1\r\nHost: x\r\n{head}Content-Length: {2 * big}\r\n\r\n"
    )
    assert too_large.startswith(b"HTTP/1.1 413")
    no_length = _raw(portal, f"PUT {path} HTTP/1.1\r\nHost: x\r\n{head}\r\n")
    assert no_length.startswith(b"HTTP/1.1 411")
    chunked = _raw(
        portal, f"PUT {path} HTTP/1.1\r\nHost: x\r\n{head}Transfer-Encoding: chunked\r\n\r\n"
    )
    assert chunked.startswith(b"HTTP/1.1 411")
    # digits that are not ASCII digits ("²" in latin-1) are refused, never a crash
    odd = _raw(portal, f"PUT {path} HTTP/1.1\r\nHost: x\r\n{head}Content-Length: \xb2\r\n\r\n")
    assert odd.startswith(b"HTTP/1.1 411")
    stamp = _raw(portal, f"GET {API_PREFIX}/whoami HTTP/1.1\r\nX-QK3-Timestamp: \xb2\r\n\r\n")
    assert stamp.startswith(b"HTTP/1.1 401")
    assert list((portal.store.root / "media").iterdir()) == []
    assert _index_ok(portal)


@pytest.mark.parametrize(
    "bad_id",
    [ID + "%0A", "-" * 36, "a" * 129, "_abc", "..%2F..%2Fsecret", "a b", "%00a", "ab%0D"],
)
def test_ids_outside_the_grammar_are_refused(portal, bad_id):
    body = json.dumps(_item(bad_id)).encode()
    r = _put(portal, bad_id, body)
    assert r.status_code == 404
    assert list((portal.store.root / "items").iterdir()) == []
    assert httpx.get(f"{portal.url}/bai-viet/{bad_id}").status_code == 404


def test_stored_html_is_sanitised(portal):
    hostile = (
        "<p>Tin</p><script>alert(1)</script><img src=x onerror=alert(2)>"
        '<a href="javascript:alert(3)">x</a><a href="java\tscript:alert(4)">y</a>'
        '<iframe src="https://evil.example"></iframe><p style="x" onclick="alert(5)">z</p>'
    )
    item = _item(bodies=[{"role": "main", "contenttype": "text/html", "value": hostile}])
    item["associations"] = [
        {
            "name": "photo1",
            "uri": "urn:qk3editor:photo:x",
            "type": "picture",
            "altids": [{"role": "featured", "value": "true"}],
            "renditions": [{"name": "web", "href": "javascript:alert(6)"}],
        }
    ]
    assert _put(portal, ID, json.dumps(item).encode()).status_code == 201
    stored = portal.store.get_item(ID)["item"]["bodies"][0]["value"]
    page = httpx.get(f"{portal.url}/bai-viet/{ID}").text
    for text in (stored, page):
        lowered = text.lower()
        for bad in ("<script", "onerror", "javascript", "<iframe", "onclick", "alert"):
            assert bad not in lowered, (bad, text)
    assert "<p>Tin</p>" in stored


def test_our_own_html_is_stored_unchanged(outbox, repo, portal, article, tmp_path):
    from .helpers import make_photos

    add_portal_target(repo, SecretStore(), portal.url, portal.secret)
    job = outbox.run_job(outbox.enqueue(article, make_photos(tmp_path / "p", 1), "portal").id)
    assert job.state is JobState.DONE
    stored = portal.store.get_item(article.id)["item"]["bodies"][0]["value"]
    assert stored.startswith('<div class="qk3-body">') and 'class="qk3-byline"' in stored


def _deep(levels: int) -> bytes:
    return b'{"uri": "x", "a": ' + b"[" * levels + b"]" * levels + b"}"


def _no_headlines() -> bytes:
    return json.dumps({k: v for k, v in _item().items() if k != "headlines"}).encode()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "not_json"),
        (b"\xff\xfe\x00", "not_json"),
        (b"[" * 100_000 + b"]" * 100_000, "not_json"),
        (_deep(200), "too_deep"),
        (json.dumps(_item(versioncreated="hôm qua")).encode(), "invalid_item"),
        (json.dumps(_item(versioncreated=5)).encode(), "invalid_item"),
        (_no_headlines(), "invalid_item"),
        (json.dumps(_item(headlines=[])).encode(), "invalid_item"),
        (json.dumps(_item(headlines=[{"value": 5}])).encode(), "invalid_item"),
        (json.dumps(_item(bodies="<p>x</p>")).encode(), "invalid_item"),
        (json.dumps(_item(subjects=[{"name": ["x"]}])).encode(), "invalid_item"),
        (json.dumps(_item(associations=[{"renditions": [5]}])).encode(), "invalid_item"),
    ],
)
def test_bad_items_answer_400_and_every_page_keeps_working(portal, body, code):
    first = _put(portal, ID, json.dumps(_item()).encode())
    assert first.status_code == 201
    r = _put(portal, ID, body, base=first.json()["modified"])
    assert r.status_code == 400
    assert r.json()["error"] == (code or "invalid_item")
    assert portal.store.get_item(ID)["modified"] == first.json()["modified"]  # unchanged
    assert _index_ok(portal)
    assert httpx.get(f"{portal.url}/bai-viet/{ID}").status_code == 200


def test_a_damaged_record_on_disk_does_not_take_the_index_down(portal):
    assert _put(portal, ID, json.dumps(_item()).encode()).status_code == 201
    items = portal.store.root / "items"
    (items / "hong.json").write_text('{"id": "hong", "item": {"pubstatus": "usable"}}', "utf-8")
    (items / "vo.json").write_text("{", "utf-8")
    (items / "ngay.json").write_text(
        json.dumps({"id": "ngay", "modified": "x", "item": _item("ngay", versioncreated="?")}),
        "utf-8",
    )
    index = httpx.get(portal.url + "/")
    assert index.status_code == 200 and "Bài gốc" in index.text
    assert httpx.get(f"{portal.url}/bai-viet/ngay").status_code == 200
    assert httpx.get(f"{portal.url}/bai-viet/hong").status_code == 500
    assert _index_ok(portal)


@pytest.fixture
def small_portal(tmp_path: Path) -> Iterator[PortalServer]:
    server = PortalServer(
        0,
        PortalStore(tmp_path / "small"),
        {"editor": "s3cret"},
        max_clients=2,
        request_deadline=1.0,
        idle_timeout=0.8,
    )
    server.start_background()
    yield server
    server.shutdown()
    server.server_close()


def test_slow_clients_cannot_hold_the_slots(small_portal):
    port = small_portal.port
    slow = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(2)]
    try:
        for sock in slow:
            sock.sendall(b"G")
        for _ in range(100):
            if small_portal.busy == 2:
                break
            time.sleep(0.02)
        assert small_portal.busy == 2
        # every slot is taken: a third client is told so at once, no thread is spawned
        busy = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert busy.status_code == 503 and busy.json()["error"] == "busy"
        # the slow ones drip a byte now and then (well within the idle timeout) ...
        cut = [False, False]
        answered = None
        for _ in range(60):
            for i, sock in enumerate(slow):
                try:
                    sock.sendall(b"E")
                except OSError:
                    cut[i] = True
            time.sleep(0.1)
            if all(cut):
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                if r.status_code == 200:
                    answered = r
                    break
        # ... yet the request deadline cut them off and the portal serves everyone again
        assert all(cut) and answered is not None
    finally:
        for sock in slow:
            sock.close()
