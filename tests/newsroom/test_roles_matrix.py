"""Each newsroom role tries every action, through the repositories and through hand-written SQL
on its own PostgreSQL login: refused where it must be (SQLSTATE 42501, the row unchanged),
allowed where it must be. The server is the authority: nothing here goes through the
client's own checks (core.roles)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy import make_url, text

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.photos import PhotoMetadata
from qk3editor.core.publish_data import PublishStatus
from qk3editor.core.roles import Role
from qk3editor.edge_errors import PermissionDenied
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.editor_repository import EditorRepository
from qk3editor.storage.newsroom import add_user, init_newsroom, set_role
from qk3editor.storage.photos_repository import NewPhoto, PhotoRepository
from qk3editor.storage.publish_repository import PublishRepository
from tests.pg_fixture import postgres_url  # noqa: F401

EVERYONE = frozenset(Role)
DESK = frozenset({Role.EDITOR, Role.ADMIN})
CAPTIONERS = frozenset({Role.PHOTO_EDITOR, Role.EDITOR, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})


@dataclass
class World:
    desk: Store  # the database owner (superuser): sets the scene, reads the truth
    other: Store  # another reporter
    me: Store
    login: str
    sql: psycopg.Connection[Any]  # my login, autocommit: hand-written statements
    stores: list[Store] = field(default_factory=list)

    def article(self, by: Store, status: Status = Status.DRAFT) -> str:
        repo = ArticleRepository(by)
        a = repo.create(ArticleFields(title="Bài " + uuid.uuid4().hex[:6]))
        path = [Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED]
        steps = path[: path.index(status) + 1] if status in path else [status]
        for step in steps if status is not Status.DRAFT else []:
            ArticleRepository(self.desk).set_status(a.id, step)
        return a.id

    def photo(self, by: Store) -> int:
        digest = uuid.uuid4().hex * 2
        (p,) = PhotoRepository(by).add([NewPhoto(f"/the/{digest}.jpg", digest, PhotoMetadata())])
        return p.id

    def row(self, table: str, key: object) -> dict[str, Any] | None:
        where = "content_hash = :k AND seq = 0" if table == "photo_blobs" else "id = :k"
        with self.desk.read() as s:
            got = s.execute(
                text(f"SELECT row_to_json(t)::text FROM {table} t WHERE {where}"), {"k": key}
            ).scalar()
        return got

    def blob(self) -> str:
        """A photo original's first piece, written by the desk; its hash."""
        digest = uuid.uuid4().hex * 2
        with self.desk.begin() as s:
            s.execute(
                text(
                    "INSERT INTO photo_blobs (content_hash, seq, data, total_size) "
                    "VALUES (:h, 0, 'abc', 3)"
                ),
                {"h": digest},
            )
        return digest

    def message(self, article_id: str) -> int:
        """A desk message on the article, written by the desk; its id."""
        now = datetime.now(UTC).isoformat()
        with self.desk.begin() as s:
            got = s.execute(
                text(
                    "INSERT INTO desk_messages (article_id, kind, author, author_name, text, "
                    "created_at) VALUES (:a, 'note', '', 'Đức Việt', 'Xin duyệt', :t) "
                    "RETURNING id"
                ),
                {"a": article_id, "t": now},
            )
            return int(got.scalar_one())


@pytest.fixture(scope="module")
def module_newsroom(postgres_url: str) -> Iterator[Store]:  # noqa: F811
    """One newsroom for the whole matrix (every case makes its own rows): init once."""
    import sqlalchemy as sa

    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    store = open_store(postgres_url)
    init_newsroom(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def world(module_newsroom: Store, request: pytest.FixtureRequest) -> Iterator[World]:
    """The role's own login (and another reporter's), once per role for the module."""
    newsroom = module_newsroom
    role: Role = request.param
    made: list[Store] = []

    def login(r: Role) -> tuple[str, Store]:
        name = f"u{uuid.uuid4().hex[:10]}"
        add_user(newsroom, name, "mật khẩu", r)
        url = make_url(newsroom.url).set(username=name)
        store = open_store(url.render_as_string(hide_password=False))
        made.append(store)
        return name, store

    _, other = login(Role.REPORTER)
    me_name, me = login(role)
    u = make_url(newsroom.url)
    conn = psycopg.connect(
        host=u.host, port=u.port, user=me_name, dbname=u.database, autocommit=True
    )
    try:
        yield World(newsroom, other, me, me_name, conn)
    finally:
        conn.close()
        for s in made:
            s.close()


Action = Callable[[World], tuple[str, object, Callable[[], object]]]
# an action: (table, key of the row it touches, the call); the row must be unchanged if refused


def _repo_edit(by_me: bool, status: Status = Status.DRAFT) -> Action:
    def act(w: World) -> tuple[str, object, Callable[[], object]]:
        aid = w.article(w.me if by_me else w.other, status)
        return "articles", aid, lambda: ArticleRepository(w.me).update(aid, ArticleFields(body="x"))

    return act


def _repo_status(by_me: bool, start: Status, target: Status) -> Action:
    def act(w: World) -> tuple[str, object, Callable[[], object]]:
        aid = w.article(w.me if by_me else w.other, start)
        return "articles", aid, lambda: ArticleRepository(w.me).set_status(aid, target)

    return act


def _repo_delete(by_me: bool) -> Action:
    def act(w: World) -> tuple[str, object, Callable[[], object]]:
        aid = w.article(w.me if by_me else w.other)
        return "articles", aid, lambda: ArticleRepository(w.me).delete(aid)

    return act


def _repo_publish(w: World) -> tuple[str, object, Callable[[], object]]:
    aid = w.article(w.me)
    return (
        "articles",
        aid,
        lambda: PublishRepository(w.me).create_job(aid, "web", PublishStatus.PUBLISH, None, {}),
    )


def _repo_caption(w: World) -> tuple[str, object, Callable[[], object]]:
    pid = w.photo(w.other)
    meta = PhotoMetadata(description="Chú thích mới của bàn ảnh")
    return "photos", pid, lambda: PhotoRepository(w.me).update_metadata(pid, meta)


def _repo_link(by_me: bool) -> Action:
    def act(w: World) -> tuple[str, object, Callable[[], object]]:
        aid = w.article(w.me if by_me else w.other)
        pid = w.photo(w.me)
        return "articles", aid, lambda: PhotoRepository(w.me).attach(aid, [pid])

    return act


def _repo_add_user(w: World) -> tuple[str, object, Callable[[], object]]:
    name = f"u{uuid.uuid4().hex[:10]}"
    return "articles", "-", lambda: add_user(w.me, name, "bí mật", Role.EDITOR)


def _repo_set_role(w: World) -> tuple[str, object, Callable[[], object]]:
    return "articles", "-", lambda: set_role(w.me, w.login, Role.ADMIN)


def _editor(by_me: bool, what: str) -> Action:
    """The editor's own paths (one transaction with revisions and the status history)."""

    def act(w: World) -> tuple[str, object, Callable[[], object]]:
        aid = w.article(w.me if by_me else w.other)
        editor = EditorRepository(w.me)
        if what == "autosave":
            return (
                "articles",
                aid,
                lambda: editor.autosave(aid, ArticleFields(body="gõ"), None, "t"),
            )
        return "articles", aid, lambda: editor.change_status(aid, Status(what), "t")

    return act


REPO_CASES: dict[str, tuple[Action, frozenset[Role]]] = {
    "create": (lambda w: ("articles", "-", lambda: w.article(w.me)), EVERYONE),
    "edit own draft": (_repo_edit(True), EVERYONE),
    "edit own submitted": (_repo_edit(True, Status.SUBMITTED), DESK),
    "edit other's draft": (_repo_edit(False), DESK),
    "delete own draft": (_repo_delete(True), EVERYONE),
    "delete other's draft": (_repo_delete(False), DESK),
    "submit own draft": (_repo_status(True, Status.DRAFT, Status.SUBMITTED), EVERYONE),
    "approve other's": (_repo_status(False, Status.SUBMITTED, Status.APPROVED), DESK),
    "return other's": (_repo_status(False, Status.SUBMITTED, Status.DRAFT), DESK),
    "publish other's": (_repo_status(False, Status.APPROVED, Status.PUBLISHED), DESK),
    "queue a publish job": (_repo_publish, DESK),
    "spike own draft": (_repo_status(True, Status.DRAFT, Status.SPIKED), DESK),
    "spike other's": (_repo_status(False, Status.SUBMITTED, Status.SPIKED), DESK),
    "caption other's photo": (_repo_caption, CAPTIONERS),
    "link a photo to own draft": (_repo_link(True), EVERYONE),
    "link a photo to other's": (_repo_link(False), DESK),
    "autosave own draft": (_editor(True, "autosave"), EVERYONE),
    "autosave other's draft": (_editor(False, "autosave"), DESK),
    "submit own draft (editor)": (_editor(True, "submitted"), EVERYONE),
    "spike other's draft (editor)": (_editor(False, "spiked"), DESK),
    "add a user": (_repo_add_user, ADMINS),
    "change a role": (_repo_set_role, ADMINS),
}


@pytest.mark.parametrize("world", list(Role), indirect=True, ids=[r.value for r in Role])
@pytest.mark.parametrize("case", list(REPO_CASES))
def test_each_role_through_the_repositories(world: World, case: str) -> None:
    action, allowed = REPO_CASES[case]
    table, key, call = action(world)
    role = world.me.capabilities.role
    assert role is not None
    before = world.row(table, key)
    if role in allowed:
        call()
        return
    with pytest.raises(PermissionDenied) as caught:
        call()
    assert caught.value.code == "permission_denied"
    assert world.row(table, key) == before  # refused: nothing changed


# -- hand-written SQL on the role's own login ---------------------------------------------
def _insert_article(status: str, owner: str = "") -> Callable[[World], tuple[str, str, str]]:
    def make(w: World) -> tuple[str, str, str]:
        aid = str(uuid.uuid4())
        now = datetime.now(UTC).isoformat()
        sql = (
            "INSERT INTO articles (id, title, lead, body, byline, tags, status, created_at, "
            f"updated_at, version, owner) VALUES ('{aid}', 'SQL', '', '', '', '[]', '{status}', "
            f"'{now}', '{now}', 1, '{owner or w.login}')"
        )
        return "articles", aid, sql

    return make


def _update(by_me: bool, set_: str, status: Status = Status.DRAFT) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, str, str]:
        aid = w.article(w.me if by_me else w.other, status)
        return "articles", aid, f"UPDATE articles SET {set_} WHERE id = '{aid}'"

    return make


def _delete(by_me: bool, status: Status = Status.DRAFT) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, str, str]:
        aid = w.article(w.me if by_me else w.other, status)
        return "articles", aid, f"DELETE FROM articles WHERE id = '{aid}'"

    return make


def _job(w: World) -> tuple[str, str, str]:
    aid = w.article(w.me)
    now = datetime.now(UTC).isoformat()
    return (
        "articles",
        aid,
        "INSERT INTO publish_jobs (article_id, target, status, state, attempts, payload, "
        f"force, created_at, updated_at) VALUES ('{aid}', 'web', 'publish', 'queued', 0, "
        f"'{{}}', false, '{now}', '{now}')",
    )


def _photo_update(set_: str) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, int, str]:
        pid = w.photo(w.other)
        return "photos", pid, f"UPDATE photos SET {set_} WHERE id = {pid}"

    return make


def _link(by_me: bool) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, str, str]:
        aid = w.article(w.me if by_me else w.other)
        pid = w.photo(w.me)
        return (
            "articles",
            aid,
            "INSERT INTO article_photos (article_id, photo_id, position, featured) "
            f"VALUES ('{aid}', {pid}, 0, false)",
        )

    return make


def _unlink_others(w: World) -> tuple[str, int, str]:
    aid = w.article(w.other)
    pid = w.photo(w.other)
    PhotoRepository(w.other).attach(aid, [pid])
    with w.desk.read() as s:
        link = s.execute(text("SELECT id FROM article_photos WHERE article_id = :a"), {"a": aid})
        link_id = int(link.scalar_one())
    return "article_photos", link_id, f"DELETE FROM article_photos WHERE id = {link_id}"


def _status_change(w: World) -> tuple[str, str, str]:
    aid = w.article(w.me)
    now = datetime.now(UTC).isoformat()
    return (
        "articles",
        aid,
        "INSERT INTO status_changes (article_id, from_status, to_status, who, at) "
        f"VALUES ('{aid}', 'submitted', 'published', 'x', '{now}')",
    )


def _users(call: str) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, str, str]:
        return "articles", "-", call.format(name=f"u{uuid.uuid4().hex[:10]}", me=w.login)

    return make


def _blob_insert(w: World) -> tuple[str, str, str]:
    digest = uuid.uuid4().hex * 2
    return (
        "photo_blobs",
        digest,
        "INSERT INTO photo_blobs (content_hash, seq, data, total_size) "
        f"VALUES ('{digest}', 0, 'abc', 3)",
    )


def _blob_change(sql: str) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, str, str]:
        digest = w.blob()
        return "photo_blobs", digest, sql.format(h=digest)

    return make


def _message_insert(kind: str, by_me: bool) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, str, str]:
        aid = w.article(w.me if by_me else w.other)
        now = datetime.now(UTC).isoformat()
        return (
            "articles",
            aid,
            "INSERT INTO desk_messages (article_id, kind, author, author_name, text, created_at)"
            f" VALUES ('{aid}', '{kind}', 'x', 'Đức Việt', 'Ghi chú', '{now}')",
        )

    return make


def _message_change(sql: str) -> Callable[..., Any]:
    def make(w: World) -> tuple[str, int, str]:
        mid = w.message(w.article(w.other, Status.SUBMITTED))
        return "desk_messages", mid, sql.format(id=mid)

    return make


SCRAM = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy"
SQL_CASES: dict[str, tuple[Callable[..., Any], frozenset[Role]]] = {
    "insert own draft": (_insert_article("draft"), EVERYONE),
    "insert as published": (_insert_article("published"), DESK),
    "edit own draft": (_update(True, "body = 'sql'"), EVERYONE),
    "edit own submitted": (_update(True, "body = 'sql'", Status.SUBMITTED), DESK),
    "edit other's draft": (_update(False, "body = 'sql'"), DESK),
    "take other's article": (_update(False, "owner = session_user"), DESK),
    "submit own draft": (_update(True, "status = 'submitted'"), EVERYONE),
    "publish own draft": (_update(True, "status = 'published'"), DESK),
    "approve other's": (_update(False, "status = 'approved'", Status.SUBMITTED), DESK),
    "publish other's": (_update(False, "status = 'published'", Status.APPROVED), DESK),
    "spike other's": (_update(False, "status = 'spiked'", Status.SUBMITTED), DESK),
    "return own submitted": (_update(True, "status = 'draft'", Status.SUBMITTED), DESK),
    "delete own draft": (_delete(True), EVERYONE),
    "delete own submitted": (_delete(True, Status.SUBMITTED), DESK),
    "delete other's draft": (_delete(False), DESK),
    "delete other's published": (_delete(False, Status.PUBLISHED), DESK),
    "insert a publish job": (_job, DESK),
    "fake a status change": (_status_change, DESK),
    "caption other's photo": (_photo_update("description = 'chú thích'"), CAPTIONERS),
    "move other's photo file": (_photo_update("path = '/elsewhere.jpg'"), DESK),
    "delete other's photo": (
        lambda w: (lambda pid: ("photos", pid, f"DELETE FROM photos WHERE id = {pid}"))(
            w.photo(w.other)
        ),
        DESK,
    ),
    "link a photo to own draft": (_link(True), EVERYONE),
    "link a photo to other's": (_link(False), DESK),
    "unlink other's photo": (_unlink_others, DESK),
    "add a photo original": (_blob_insert, EVERYONE),
    "rewrite a photo original": (
        _blob_change("UPDATE photo_blobs SET data = 'xyz' WHERE content_hash = '{h}'"),
        DESK,
    ),
    "delete a photo original": (
        _blob_change("DELETE FROM photo_blobs WHERE content_hash = '{h}'"),
        DESK,
    ),
    "note on own draft": (_message_insert("note", True), EVERYONE),
    "note on other's draft": (_message_insert("note", False), DESK),
    "return own draft by a message": (_message_insert("returned", True), DESK),
    "edit a desk message": (
        _message_change("UPDATE desk_messages SET text = 'sửa' WHERE id = {id}"),
        DESK,
    ),
    "delete a desk message": (
        _message_change("DELETE FROM desk_messages WHERE id = {id}"),
        DESK,
    ),
    "add a user": (_users(f"SELECT qk3_add_user('{{name}}', '{SCRAM}', 'qk3_admin')"), ADMINS),
    "make oneself admin": (_users("SELECT qk3_set_user_role('{me}', 'qk3_admin')"), ADMINS),
    "create a role by hand": (_users("CREATE ROLE {name} LOGIN"), frozenset()),
    "grant oneself the desk": (_users("GRANT qk3_editor TO {me}"), frozenset()),
}


@pytest.mark.parametrize("world", list(Role), indirect=True, ids=[r.value for r in Role])
@pytest.mark.parametrize("case", list(SQL_CASES))
def test_each_role_through_hand_written_sql(world: World, case: str) -> None:
    make, allowed = SQL_CASES[case]
    table, key, sql = make(world)
    role = world.me.capabilities.role
    assert role is not None
    before = world.row(table, key)
    if role in allowed:
        world.sql.execute(sql)
        if table == "articles" and sql.startswith("INSERT INTO articles"):
            assert world.row(table, key) is not None
        return
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        world.sql.execute(sql)
    assert world.row(table, key) == before  # refused: nothing changed


@pytest.mark.parametrize("world", [Role.REPORTER], indirect=True, ids=["reporter"])
def test_the_server_sets_the_owner_whatever_the_client_sends(world: World) -> None:
    _, aid, sql = _insert_article("draft", owner="someone_else")(world)
    world.sql.execute(sql)
    row = world.row("articles", aid)
    assert row is not None and f'"owner":"{world.login}"' in row
    assert ArticleRepository(world.me).get(aid).owner == world.login


@pytest.mark.parametrize("world", [Role.EDITOR], indirect=True, ids=["editor"])
def test_an_editor_cannot_give_an_article_away(world: World) -> None:
    aid = world.article(world.other)
    world.sql.execute(f"UPDATE articles SET owner = 'someone_else' WHERE id = '{aid}'")
    with world.desk.read() as s:
        owner = s.execute(text("SELECT owner FROM articles WHERE id = :a"), {"a": aid}).scalar()
    assert owner == world.other.capabilities.login


@pytest.mark.parametrize("world", list(Role), indirect=True, ids=[r.value for r in Role])
def test_the_server_sets_a_desk_messages_author(world: World) -> None:
    """A note's author is the login whatever the client writes (nobody writes in another's
    name); an UPDATE (the desk's) cannot change it either."""
    aid = world.article(world.me)
    now = datetime.now(UTC).isoformat()
    got = world.sql.execute(
        "INSERT INTO desk_messages (article_id, kind, author, author_name, text, created_at) "
        f"VALUES ('{aid}', 'note', 'someone_else', 'Đức Việt', 'Ghi chú', '{now}') RETURNING id"
    ).fetchone()
    assert got is not None
    row = world.row("desk_messages", got[0])
    assert row is not None and f'"author":"{world.login}"' in row
    if world.me.capabilities.role in DESK:
        world.sql.execute(f"UPDATE desk_messages SET author = 'someone_else' WHERE id = {got[0]}")
        row = world.row("desk_messages", got[0])
        assert row is not None and f'"author":"{world.login}"' in row
