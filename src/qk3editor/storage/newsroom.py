"""A newsroom's roles on PostgreSQL (issue 16): ``newsroom init``, its users, the login's role.

``init`` (run by the database's owner or a superuser; idempotent) makes the four group roles
(NOLOGIN) ``qk3_reporter``, ``qk3_photo_editor``, ``qk3_editor``, ``qk3_admin``, grants on every
table and sequence (and, by ALTER DEFAULT PRIVILEGES, on tables later migrations add), then
narrows them table by table and turns on row-level security where rows differ by owner. The
rules (docs/newsroom-roles.md has the matrix):

- the policies hold the *new* row's rules (an article a reporter writes is theirs and a draft
  or submitted; a link or note goes to their own article);
- BEFORE UPDATE/DELETE guard triggers hold the *old* row's rules (a reporter may change only
  their own drafts). A guard raises SQLSTATE 42501 instead of letting a policy's USING clause
  skip the row silently: a refused UPDATE must be an error the client sees, not "0 rows";
- plain grants hold the rest (only editors write the publishing tables).

Users are LOGIN roles in exactly one group, made and moved by SECURITY DEFINER functions that
only administrators may call. The password never reaches the server in clear: the client
sends a SCRAM-SHA-256 verifier (:func:`scram_verifier`), so it is in no statement or log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from qk3editor.core.roles import ROLES_BY_RANK, Capabilities, Role
from qk3editor.storage.db import Store, migrate
from qk3editor.storage.newsroom_rules import GROUPS, rules

USER_NAME = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


@dataclass(frozen=True)
class InitReport:
    created_groups: tuple[str, ...]
    tables: int


def init_newsroom(store: Store) -> InitReport:
    """Make ``store`` (PostgreSQL, opened as its owner or a superuser) a newsroom; idempotent."""
    migrate(store.engine)
    created: list[str] = []
    with store.engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(1903716916)")  # one init at a time
        for group in GROUPS:
            if not _role_exists(conn, group):
                conn.exec_driver_sql(f'CREATE ROLE "{group}" NOLOGIN')
                created.append(group)
        existing = {
            r[0]
            for r in conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
        }
        cursor: Any = conn.connection.dbapi_connection.cursor()  # pyright: ignore[reportOptionalMemberAccess] (an open connection has one)
        try:
            for statement in rules(existing):
                cursor.execute(statement)  # no parameters: '%' in format() stays as it is
        finally:
            cursor.close()
    return InitReport(tuple(created), len(existing))


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    )


def scram_verifier(password: str, iterations: int = 4096, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677), so the
    password itself never leaves this process. NFKC stands in for SASLprep."""
    salt = os.urandom(16) if salt is None else salt
    secret = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", secret, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(b: bytes) -> str:
        return base64.b64encode(b).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def add_user(store: Store, name: str, password: str, role: Role) -> None:
    """A new LOGIN role ``name`` in ``role``'s group (administrators only, by the server)."""
    verifier = scram_verifier(password)
    with store.begin() as s:
        s.execute(
            text("SELECT qk3_add_user(:n, :v, :g)"), {"n": name, "v": verifier, "g": role.group}
        )


def set_role(store: Store, name: str, role: Role) -> None:
    with store.begin() as s:
        s.execute(text("SELECT qk3_set_user_role(:n, :g)"), {"n": name, "g": role.group})


@dataclass(frozen=True)
class NewsroomUser:
    name: str
    role: Role
    can_login: bool


def list_users(store: Store) -> list[NewsroomUser]:
    by_group = {r.group: r for r in ROLES_BY_RANK}
    with store.read() as s:
        rows = s.execute(text("SELECT name, grp, can_login FROM qk3_users()")).all()
    return [NewsroomUser(str(n), by_group[str(g)], bool(c)) for n, g, c in rows]


CAPABILITIES_SQL = (
    "SELECT session_user, "
    "(SELECT pg_get_userbyid(datdba) = session_user FROM pg_database "
    " WHERE datname = current_database()), "
    "ARRAY(SELECT rolname::text FROM pg_roles WHERE rolname = ANY(%s) "
    "      AND pg_has_role(session_user, oid, 'MEMBER'))"
)


def capabilities_of(dbapi_conn: Any) -> Capabilities:
    """The login's role, read on a raw driver connection (once per connection)."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute(CAPABILITIES_SQL, (list(GROUPS),))
        login, owns, groups = cur.fetchone()
    finally:
        cur.close()
    return Capabilities.from_groups(str(login), set(groups or ()), bool(owns))
