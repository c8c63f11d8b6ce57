"""`qk3editor newsroom ...` as a user runs it (real processes, the real PostgreSQL server)."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import make_url, text

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.roles import Role
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.newsroom import scram_verifier
from tests.conftest import subprocess_env


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        text=True,
        input=input,
        env=subprocess_env(),
        timeout=120,
    )


def as_user(url: str, name: str) -> str:
    return make_url(url).set(username=name).render_as_string(hide_password=False)


def _count(store: Store, sql: str) -> int:
    with store.read() as s:
        return int(s.execute(text(sql)).scalar_one())


def test_init_is_idempotent_and_covers_tables_added_later(
    fresh_postgres: str,
    home: Path,
) -> None:
    first = run("--store", fresh_postgres, "newsroom", "init")
    assert first.returncode == 0, first.stderr
    store = open_store(fresh_postgres)
    try:
        policies = _count(store, "SELECT count(*) FROM pg_policies")
        triggers = _count(store, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")
        assert policies > 10 and triggers >= 5
        again = run("--store", fresh_postgres, "newsroom", "init")
        assert again.returncode == 0, again.stderr
        assert "qk3_reporter" not in again.stdout  # the group roles existed: none made again
        assert _count(store, "SELECT count(*) FROM pg_policies") == policies
        assert _count(store, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal") == triggers

        # a later migration adds a table: the groups may use it at once (default privileges),
        # before init is run again
        with store.begin() as s:
            s.execute(text("CREATE TABLE later_notes (id serial PRIMARY KEY, note text)"))
        name = f"u{uuid.uuid4().hex[:10]}"
        added = run(
            "--store", fresh_postgres, "newsroom", "add-user", name, "--role", "reporter",
            input="pw\n",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        reporter = open_store(as_user(fresh_postgres, name))
        try:
            mine = ArticleRepository(reporter).create(ArticleFields(title="Tin"))
            with reporter.begin() as s:  # default privileges: the new table is usable at once
                s.execute(text("INSERT INTO later_notes (note) VALUES ('x')"))
            # the desk messages (migration s16_desk) get their narrowed rules from init
            assert run("--store", fresh_postgres, "newsroom", "init").returncode == 0
            u = make_url(fresh_postgres)
            with psycopg.connect(
                host=u.host, port=u.port, user=name, dbname=u.database, autocommit=True
            ) as conn:
                conn.execute(
                    "INSERT INTO desk_messages (article_id, kind, author, author_name, text, "
                    f"created_at) VALUES ('{mine.id}', 'note', '{name}', 'PV', 'Gửi tòa soạn', "
                    "now())"
                )
                for refused in (
                    "INSERT INTO desk_messages (article_id, kind, author, author_name, text, "
                    f"created_at) VALUES ('{mine.id}', 'returned', '{name}', 'PV', '', now())",
                    "DELETE FROM desk_messages",
                ):
                    try:
                        conn.execute(refused)
                    except psycopg.errors.InsufficientPrivilege:
                        continue
                    raise AssertionError(f"allowed: {refused}")
        finally:
            reporter.close()
    finally:
        store.close()


def test_users_added_listed_and_moved_the_password_never_shown(
    fresh_postgres: str,
    home: Path,
) -> None:
    assert run("--store", fresh_postgres, "newsroom", "init").returncode == 0
    name = f"u{uuid.uuid4().hex[:10]}"
    password = f"Mật-khẩu-{uuid.uuid4().hex}"
    out = run(
        "--store", fresh_postgres, "newsroom", "add-user", name, "--role", "reporter",
        input=password + "\n",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    again = run(
        "--store", fresh_postgres, "newsroom", "add-user", name, "--role", "editor",
        input=password + "\n",
    )  # fmt: skip
    assert again.returncode == 1 and "newsroom role" in again.stderr
    assert "Traceback" not in again.stderr
    listed = run("--store", fresh_postgres, "newsroom", "users")
    assert f"{name}\treporter\tphóng viên" in listed.stdout, listed.stdout + listed.stderr
    moved = run("--store", fresh_postgres, "newsroom", "role", name, "photo_editor")
    assert moved.returncode == 0, moved.stderr
    listed = run("--store", fresh_postgres, "newsroom", "users").stdout
    assert f"{name}\tphoto_editor" in listed and f"{name}\treporter" not in listed
    who = run("--store", as_user(fresh_postgres, name), "newsroom", "whoami")
    assert who.stdout.strip() == f"{name}\tphoto_editor\tbiên tập ảnh"

    # the password is nowhere: not in any output, any log, nor on the server in clear
    logs = "".join(p.read_text("utf-8", "replace") for p in home.rglob("*.log*") if p.is_file())
    for seen in (out.stdout, out.stderr, again.stdout, again.stderr, logs):
        assert password not in seen
    u = make_url(fresh_postgres)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as conn:
        (stored,) = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (name,)
        ).fetchone() or ("",)
    assert stored.startswith("SCRAM-SHA-256$") and password not in stored


def test_the_scram_verifier_is_the_one_postgresql_makes(fresh_postgres: str) -> None:
    """PostgreSQL hashes a clear password itself: same salt, same verifier as ours."""
    name = f"u{uuid.uuid4().hex[:10]}"
    u = make_url(fresh_postgres)
    with psycopg.connect(
        host=u.host, port=u.port, user=u.username, dbname=u.database, autocommit=True
    ) as conn:
        conn.execute("SET password_encryption = 'scram-sha-256'")
        conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD 'Mật khẩu 1'")
        try:
            (stored,) = conn.execute(
                "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (name,)
            ).fetchone() or ("",)
        finally:
            conn.execute(f"DROP ROLE {name}")
    m = re.fullmatch(r"SCRAM-SHA-256\$(\d+):([^$]+)\$.*", stored)
    assert m is not None
    import base64

    salt = base64.b64decode(m.group(2))
    assert scram_verifier("Mật khẩu 1", int(m.group(1)), salt) == stored


def test_the_cli_refuses_early_in_vietnamese(
    newsroom: Store,
    make_user: object,
    home: Path,
) -> None:
    make = make_user  # (role) -> (login, url)
    reporter, reporter_url = make(Role.REPORTER)  # type: ignore[operator]
    _, other_url = make(Role.REPORTER)  # type: ignore[operator]
    other = open_store(other_url)
    try:
        theirs = ArticleRepository(other).create(ArticleFields(title="Bài người khác"))
    finally:
        other.close()
    cases = [
        ("edit", theirs.id, "--title", "Đổi"),
        ("edit", theirs.id, "--status", "submitted"),
        ("spike", theirs.id),
        ("newsroom", "add-user", "x" + uuid.uuid4().hex[:8], "--role", "admin"),
        ("target", "remove", "web"),
    ]
    for args in cases:
        out = run("--store", reporter_url, *args, input="pw\n")
        assert out.returncode == 1, (args, out.stdout, out.stderr)
        assert "qk3editor: lỗi:" in out.stderr and "Traceback" not in out.stderr, out.stderr
        assert re.search(r"phóng viên|biên tập viên|quản trị", out.stderr), out.stderr
    assert ArticleRepository(newsroom).get(theirs.id).title == "Bài người khác"
    assert ArticleRepository(newsroom).get(theirs.id).status is Status.DRAFT
    mine = run("--store", reporter_url, "new", "--title", "Bài của tôi")
    assert mine.returncode == 0, mine.stderr
    article_id = mine.stdout.strip()
    assert ArticleRepository(newsroom).get(article_id).owner == reporter
    sent = run("--store", reporter_url, "edit", article_id, "--status", "submitted")
    assert sent.returncode == 0, sent.stderr
    late = run("--store", reporter_url, "edit", article_id, "--title", "Sửa sau khi gửi")
    assert late.returncode == 1 and "đã được gửi" in late.stderr, late.stderr


def test_newsroom_commands_need_postgresql(home: Path) -> None:
    out = run("newsroom", "init")
    assert out.returncode == 1 and "PostgreSQL" in out.stderr, out.stderr
    who = run("newsroom", "whoami")
    assert who.returncode == 0 and who.stdout.strip()
