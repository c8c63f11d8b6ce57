"""A throw-away PostgreSQL server on 127.0.0.1 for the storage tests (Debian's postgresql).

Started once per test session in a temporary folder (initdb, pg_ctl) and stopped at the end.
Skipped with a clear reason where the server binaries are absent, unless
QK3_REQUIRE_POSTGRES=1 (CI), where their absence is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; Debian's package creates the 'postgres' account.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    bindir = _bin_dir()
    try:
        import psycopg  # noqa: F401
    except ImportError:
        bindir = None
    if bindir is None:
        if os.environ.get("QK3_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL server binaries or psycopg are missing")
        pytest.skip("PostgreSQL is not installed here (Debian package 'postgresql' and psycopg)")
    root = Path(tempfile.mkdtemp(prefix="qk3pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        os.chmod(root, 0o755)
    port = _free_port()
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "qk3",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-w",
                "-l",
                str(root / "log"),
                "-o",
                f"-h 127.0.0.1 -p {port} -k {root} -F",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            _as_server_user(
                [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "qk3", "qk3"]
            ),
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://qk3@127.0.0.1:{port}/qk3"
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def fresh_postgres(postgres_url: str) -> Iterator[str]:
    """The server's database, emptied before the test (schema rebuilt by the migrations)."""
    import sqlalchemy as sa

    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    yield postgres_url
