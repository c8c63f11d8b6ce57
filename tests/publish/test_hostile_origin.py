"""Hostile servers: the WordPress password never leaves the target's origin (issue 12, #1).

Two servers on 127.0.0.1 with different ports are two origins. Each case counts the requests
that reached the other origin carrying an Authorization header: it must be 0.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from qk3editor.cli import main
from qk3editor.core.publish_data import Target, TargetKind
from qk3editor.publish.errors import (
    InsecureDowngrade,
    InvalidTarget,
    RemoteHttpError,
    UnsafeRedirect,
    UntrustedApiRoot,
)
from qk3editor.publish.http import HttpClient
from qk3editor.publish.targets import http_settings, trusted_api_root
from qk3editor.publish.wordpress import WordPressPublisher

from .netservers import ScriptedServer, self_signed, tls_context

ME = json.dumps({"id": 1, "name": "Biên tập viên"}).encode()
API_INDEX = b'{"namespaces": ["wp/v2"]}'


@pytest.fixture
def two() -> Iterator[tuple[ScriptedServer, ScriptedServer]]:
    a, b = ScriptedServer(), ScriptedServer()
    yield a, b
    a.stop()
    b.stop()


def _publisher(url: str, **options: object) -> WordPressPublisher:
    target = Target("wp", TargetKind.WORDPRESS, url, "bientap", dict(options))
    return WordPressPublisher(target, "abcd efgh ijkl mnop", HttpClient(http_settings(target)))


def _serve_wordpress(server: ScriptedServer) -> None:
    server.route("/", headers={"Link": f'<{server.origin}/wp-json/>; rel="https://api.w.org/"'})
    server.route("/wp-json/", body=API_INDEX)
    server.route("/wp-json/wp/v2/users/me", body=ME)


def _cli_add(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("abcd efgh ijkl mnop\n"))
    args = ["target", "add", "wp", "--kind", "wordpress", "--url", url, "--user", "bientap"]
    assert main(args) == 0


def test_root_redirect_to_another_origin_sends_no_password(
    two, home, memkeyring, monkeypatch, capsys
):
    a, b = two
    a.route("/", status=302, headers={"Location": b.origin + "/"})
    _serve_wordpress(b)
    _cli_add(a.origin, monkeypatch)
    capsys.readouterr()
    assert main(["target", "test", "wp"]) != 0
    err = capsys.readouterr().err
    assert b.authorised_requests() == 0 and a.authorised_requests() == 0
    # the message, in Vietnamese, names the other origin and how to confirm it
    assert "mật khẩu không được gửi tới đó" in err
    assert b.origin in err and f"--trust-api-root {b.origin}/wp-json/" in err
    # the user confirms that root: it is stored with the target and the login goes there
    assert main(["target", "test", "wp", "--trust-api-root", b.origin + "/wp-json/"]) == 0
    out = capsys.readouterr().out
    assert "Biên tập viên" in out
    assert b.authorised_requests() == 1
    capsys.readouterr()
    assert main(["target", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["options"]["api_root"] == b.origin + "/wp-json/"


def test_link_header_naming_another_origin_is_not_trusted(two):
    a, b = two
    a.route("/", headers={"Link": f'<{b.origin}/wp-json/>; rel="https://api.w.org/"'})
    _serve_wordpress(b)
    wp = _publisher(a.origin)
    with pytest.raises(UntrustedApiRoot) as caught:
        wp.check_login()
    wp.close()
    assert caught.value.other == b.origin and caught.value.root == b.origin + "/wp-json/"
    assert b.seen == [] and a.authorised_requests() == 0


def test_same_origin_link_is_trusted_and_relative_links_resolve(two):
    a, _b = two
    _serve_wordpress(a)
    a.route("/", headers={"Link": '</wp-json/>; rel="https://api.w.org/"'})
    wp = _publisher(a.origin)
    assert wp.check_login() == "Biên tập viên"
    wp.close()
    assert a.authorised_requests() == 1


def test_fallback_root_that_redirects_away_is_not_trusted(two):
    a, b = two
    a.route("/", body=b"<html></html>")  # no Link header: the fallbacks are tried
    a.route("/wp-json/", status=301, headers={"Location": b.origin + "/wp-json/"})
    _serve_wordpress(b)
    wp = _publisher(a.origin)
    with pytest.raises(UntrustedApiRoot):
        wp.check_login()
    wp.close()
    assert b.authorised_requests() == 0


def test_api_call_redirected_to_another_origin_is_refused(two):
    a, b = two
    _serve_wordpress(a)
    _serve_wordpress(b)
    a.route("/wp-json/wp/v2/users/me", status=307, headers={"Location": b.origin + "/x"})
    wp = _publisher(a.origin)
    with pytest.raises(UnsafeRedirect) as caught:
        wp.check_login()
    wp.close()
    assert b.origin in str(caught.value)
    assert b.seen == [] and a.authorised_requests() == 1


def test_https_site_redirecting_to_http_sends_nothing_there(tmp_path, two):
    pair = self_signed(tmp_path)
    if pair is None:
        pytest.skip("openssl cannot make a test certificate here")
    cert, key = pair
    _a, plain = two
    _serve_wordpress(plain)
    secure = ScriptedServer(tls=tls_context(cert, key))
    try:
        secure.route("/", status=302, headers={"Location": plain.origin + "/"})
        wp = _publisher(secure.origin, ca_bundle=str(cert))
        with pytest.raises(InsecureDowngrade) as caught:
            wp.check_login()
        wp.close()
        assert plain.origin in str(caught.value)
        # a Link header naming plain http on the same host is another origin too
        secure.route("/", headers={"Link": f'<{plain.origin}/wp-json/>; rel="https://api.w.org/"'})
        wp = _publisher(secure.origin, ca_bundle=str(cert))
        with pytest.raises(UntrustedApiRoot):
            wp.check_login()
        wp.close()
        # and the user cannot confirm a plain-http root for an https site
        with pytest.raises(InvalidTarget):
            trusted_api_root(wp.target, plain.origin + "/wp-json/")
        # with credentials, a downgrade of an API call is refused as well
        secure.route("/wp-json/", body=API_INDEX)
        secure.route("/", headers={"Link": '</wp-json/>; rel="https://api.w.org/"'})
        secure.route("/wp-json/wp/v2/users/me", status=302, headers={"Location": plain.origin})
        wp = _publisher(secure.origin, ca_bundle=str(cert))
        with pytest.raises(InsecureDowngrade):
            wp.check_login()
        wp.close()
        assert secure.authorised_requests() == 1
        assert plain.seen == []
    finally:
        secure.stop()


def test_outage_during_discovery_is_retryable(two):
    a, _b = two
    _serve_wordpress(a)
    a.routes["/"].first = [(500, b"down"), (503, b"down")]
    wp = _publisher(a.origin)
    for status in (500, 503):
        with pytest.raises(RemoteHttpError) as caught:
            wp.check_login()
        assert caught.value.status == status and caught.value.retryable
    assert wp.check_login() == "Biên tập viên"
    wp.close()
