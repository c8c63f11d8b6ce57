"""Session-scoped pytest fixtures: a real WordPress 6 on 127.0.0.1 (tools/wordpress_env.py).

Use from a test module or a conftest.py in tests/publish/::

    from wordpress_fixture import WordPress, wordpress, wordpress_plain  # noqa: F401

``wordpress`` has pretty permalinks (API root ``…/wp-json/``), ``wordpress_plain`` plain ones
(API root ``…/index.php?rest_route=/``). Each starts once per test session, in its own
temporary directory and port, and is stopped at the end. Both are shared by all tests of the
session: create content with unique titles/UUIDs and do not assume an empty site.

Where the Debian packages are absent and cannot be installed (not root, no apt-get, apt
fails) the fixtures skip with the reason. Set ``QK3_REQUIRE_WORDPRESS=1`` (CI) to turn that
skip into a failure, so WordPress tests can never silently disappear.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "wordpress_env.py"


def _load_tool():
    spec = importlib.util.spec_from_file_location("qk3_wordpress_env", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class WordPress:
    """A running WordPress instance."""

    url: str  # site URL, e.g. "http://127.0.0.1:40123" (no trailing slash)
    api_root: str  # as advertised by WordPress: ".../wp-json/" or ".../index.php?rest_route=/"
    user: str  # administrator login
    app_password: str  # the administrator's Application Password
    author_user: str  # a user with role "author" (cannot create categories or tags)
    author_app_password: str
    admin_password: str  # the administrator's login password (wp-login.php), not for REST
    permalinks: str  # "pretty" | "plain"
    timezone: str  # site time zone, "Asia/Ho_Chi_Minh" (UTC+7), to catch date_gmt mistakes
    version: str  # WordPress version, e.g. "6.1.9"
    dir: Path  # instance directory (logs: php-server.log, php-errors.log, mariadb.log)
    port: int

    @property
    def auth(self) -> tuple[str, str]:
        """(user, app_password) for HTTP Basic auth, e.g. ``httpx.Client(auth=wp.auth)``."""
        return (self.user, self.app_password)

    @property
    def author_auth(self) -> tuple[str, str]:
        return (self.author_user, self.author_app_password)

    def api(self, route: str, **params: str | int) -> str:
        """Full URL of a REST route such as ``"wp/v2/posts"`` for either permalink mode."""
        url = self.api_root + route.lstrip("/")
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params)
        return url


def _fail_or_skip(reason: str) -> None:
    if os.environ.get("QK3_REQUIRE_WORDPRESS") == "1":
        pytest.fail(f"WordPress required (QK3_REQUIRE_WORDPRESS=1) but: {reason}")
    pytest.skip(reason)


_packages_checked: list[bool] = []


def _ensure_packages() -> None:
    """Makes sure the Debian packages are there (installing them if possible), once."""
    if _packages_checked:
        return
    tool = _load_tool()
    missing = tool.missing_parts()
    if missing:
        if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
            _fail_or_skip(
                "WordPress test environment unavailable: missing "
                + ", ".join(missing)
                + " and cannot apt-get install as non-root/non-Debian "
                + "(run: sudo python3 tools/wordpress_env.py install)"
            )
        res = subprocess.run(
            [sys.executable, str(TOOL), "install"], capture_output=True, text=True, timeout=1800
        )
        if res.returncode != 0:
            _fail_or_skip(
                "WordPress test environment unavailable: installing the Debian packages "
                f"failed: {res.stderr.strip()[-500:]}"
            )
    _packages_checked.append(True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(
    tmp_path_factory: pytest.TempPathFactory, permalinks: str, theme: str = "minimal"
) -> Iterator[WordPress]:
    _ensure_packages()
    root = tmp_path_factory.mktemp(f"wordpress-{permalinks}-{theme}")
    last = ""
    for _attempt in range(3):  # a free port can be taken between probe and bind
        res = subprocess.run(
            [
                sys.executable,
                str(TOOL),
                "start",
                "--dir",
                str(root),
                "--port",
                str(_free_port()),
                "--permalinks",
                permalinks,
                "--theme",
                theme,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if res.returncode == 0:
            break
        last = res.stderr
        if "in use" not in last:
            break
    else:
        res = None
    if res is None or res.returncode != 0:
        pytest.fail(f"could not start WordPress ({permalinks}):\n{last[-3000:]}")
    info = json.loads(res.stdout.strip().splitlines()[-1])
    try:
        yield WordPress(
            url=info["url"],
            api_root=info["api_root"],
            user=info["user"],
            app_password=info["app_password"],
            author_user=info["author_user"],
            author_app_password=info["author_app_password"],
            admin_password=info["admin_password"],
            permalinks=info["permalinks"],
            timezone=info["timezone"],
            version=info["wordpress_version"],
            dir=Path(info["dir"]),
            port=int(info["port"]),
        )
    finally:
        subprocess.run(
            [sys.executable, str(TOOL), "stop", "--dir", str(root)],
            capture_output=True,
            timeout=120,
        )


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """WordPress with pretty permalinks (/%year%/%monthnum%/%day%/%postname%/)."""
    yield from _start(tmp_path_factory, "pretty")


@pytest.fixture(scope="session")
def wordpress_plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """WordPress with plain permalinks (?p=123, REST at index.php?rest_route=/)."""
    yield from _start(tmp_path_factory, "plain")


@pytest.fixture(scope="session")
def wordpress_stock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """WordPress with its stock theme (Twenty Twenty-Three) and pretty permalinks: what a
    reader of a new site sees (the browser tests)."""
    yield from _start(tmp_path_factory, "pretty", "stock")


@pytest.fixture(scope="session")
def wordpress_stock_plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """The stock theme with plain permalinks."""
    yield from _start(tmp_path_factory, "plain", "stock")
