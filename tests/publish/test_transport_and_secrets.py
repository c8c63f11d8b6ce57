"""Transport safety, secrets in the keyring only, and no secret in any text we write."""

from __future__ import annotations

import base64
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import keyring
import pytest
from keyring.backends import fail

from qk3editor.core.publish_data import JobState
from qk3editor.publish.errors import (
    NoKeyringError,
    ResponseTooLarge,
    TlsFailure,
    UnsafeRedirect,
)
from qk3editor.publish.http import HttpClient, HttpSettings
from qk3editor.publish.secrets import SecretStore
from qk3editor.publish.service import PublishServices
from qk3editor.publish.targets import make_target

from .conftest import add_portal_target


class _Recorder(BaseHTTPRequestHandler):
    seen: list[dict[str, str]]
    redirect_to: str | None = None
    big: bool = False

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        type(self).seen.append({k.lower(): v for k, v in self.headers.items()})
        if self.redirect_to and self.path == "/start":
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"x" * (2_000_000 if self.big else 10)
        self.send_response(200)
        if not self.big:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if self.big:
            self.close_connection = True


def _serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _handler(**attrs: object) -> type[_Recorder]:
    return type("H", (_Recorder,), {"seen": [], **attrs})


def test_redirect_to_other_host_with_credentials_is_refused():
    other_h = _handler()
    other = _serve(other_h)
    first_h = _handler(redirect_to=f"http://localhost:{other.server_address[1]}/landing")
    first = _serve(first_h)
    try:
        with HttpClient() as http:
            with pytest.raises(UnsafeRedirect) as caught:
                http.request(
                    "GET",
                    f"http://127.0.0.1:{first.server_address[1]}/start",
                    auth_headers={"Authorization": "Basic c2VjcmV0"},
                )
            assert f"localhost:{other.server_address[1]}" in str(caught.value)
            # without credentials the same redirect is followed
            r = http.request("GET", f"http://127.0.0.1:{first.server_address[1]}/start")
        assert r.status == 200
        assert first_h.seen[0]["authorization"] == "Basic c2VjcmV0"
        assert len(other_h.seen) == 1 and "authorization" not in other_h.seen[0]
    finally:
        first.shutdown()
        first.server_close()
        other.shutdown()
        other.server_close()


def test_same_origin_redirect_keeps_credentials():
    h = _handler()
    server = _serve(h)
    h.redirect_to = f"http://127.0.0.1:{server.server_address[1]}/landing"
    try:
        with HttpClient() as http:
            http.request(
                "GET",
                f"http://127.0.0.1:{server.server_address[1]}/start",
                auth_headers={"Authorization": "Basic c2VjcmV0"},
            )
        assert [s.get("authorization") for s in h.seen] == ["Basic c2VjcmV0"] * 2
    finally:
        server.shutdown()
        server.server_close()


def test_response_size_is_bounded():
    h = _handler(big=True)
    server = _serve(h)
    try:
        with HttpClient(HttpSettings(max_response_bytes=100_000)) as http:
            with pytest.raises(ResponseTooLarge):
                http.request("GET", f"http://127.0.0.1:{server.server_address[1]}/x")
    finally:
        server.shutdown()
        server.server_close()


def test_tls_is_verified(tmp_path):
    import ssl
    import subprocess

    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    done = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("openssl cannot make a test certificate here")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler())
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"https://127.0.0.1:{server.server_address[1]}/x"
    try:
        with HttpClient() as http, pytest.raises(TlsFailure):
            http.request("GET", url)
        with HttpClient(HttpSettings(ca_bundle=str(cert))) as http:  # the CA bundle setting
            assert http.request("GET", url).status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_no_keyring_is_a_clear_error_never_plain_text(store):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        svc = PublishServices.build(store)
        assert not svc.secrets.available()
        with pytest.raises(NoKeyringError):
            svc.add_target("p", "ninjs", "http://127.0.0.1:1", "u", "topsecret-123")
        assert svc.repo.targets() == []  # nothing half-saved
    finally:
        keyring.set_keyring(previous)


def test_target_urls_are_checked():
    from qk3editor.publish.errors import InvalidTarget

    for bad in ("http://example.com", "https://u:p@example.com", "ftp://x", "https://x/?a=1"):
        with pytest.raises(InvalidTarget):
            make_target("t", "wordpress", bad, "u")
    assert make_target("t", "wordpress", "https://qk3.vn/", "u").url == "https://qk3.vn"


def test_secret_never_in_store_logs_or_errors(
    outbox, repo, store, portal, article, tmp_path, caplog, memkeyring
):
    caplog.set_level(logging.DEBUG)
    add_portal_target(repo, SecretStore(), portal.url, portal.secret)
    ok = outbox.run_job(outbox.enqueue(article, [], "portal").id)
    assert ok.state is JobState.DONE
    wrong = "Wr0ng-" + "q" * 30
    SecretStore().set("portal", "editor", wrong)
    bad = outbox.run_job(outbox.enqueue(article, [], "portal").id)
    assert bad.state is JobState.FAILED
    store.close()
    texts = [caplog.text, json.dumps([j.to_json() for j in repo.jobs()], ensure_ascii=False)]
    db_bytes = b"".join(p.read_bytes() for p in tmp_path.glob("store.sqlite3*"))
    for secret in (portal.secret, wrong):
        for form in (secret, base64.b64encode(secret.encode()).decode()):
            assert form.encode() not in db_bytes
            assert all(form not in t for t in texts)
    assert memkeyring.store  # where the secret does live
