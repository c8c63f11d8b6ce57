"""Engine, sessions and migrations.

SQLite is the default (WAL, foreign keys, busy timeout); any SQLAlchemy URL works, PostgreSQL
included. Migrations run at start-up; an existing SQLite file is backed up first.

A SQLite store is never written to blindly (issue 12):

- Write transactions start with ``BEGIN IMMEDIATE``. A deferred transaction that reads and
  then writes (insert-or-get of a category, any read-modify-write) cannot wait for another
  writer in WAL mode: SQLite answers SQLITE_BUSY at once, busy timeout or not, because its
  snapshot is stale. Taking the write lock at ``BEGIN`` makes it wait (busy timeout) instead.
  Reads (:meth:`Store.read`) keep the plain deferred ``BEGIN`` and never wait for writers.
- A file that cannot be written (read-only file, folder or file system) is opened read-only:
  reading works, a write raises :class:`~qk3editor.storage.errors.StoreOpenedReadOnly` with
  the reason.
- A zero-byte file or a file that fails ``PRAGMA quick_check`` is refused before anything is
  written (no migrations), with the offer of the last backup. The check runs only when the
  file changed since it was last found sound or closed by us (see :mod:`.checks`).
- Driver errors are turned into the store's own errors (:func:`.errors.classify`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Select, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from qk3editor.core.errors import QkError
from qk3editor.core.roles import Capabilities
from qk3editor.storage.errors import classify
from qk3editor.storage.heads import MIGRATIONS, script_heads
from qk3editor.storage.store_events import StoreEvents

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The PostgreSQL advisory lock that serialises migrations of one database across processes.
_MIGRATION_LOCK = 0x716B3365


@dataclass
class Store:
    """An open store: the engine and the session factory every repository uses, and the
    announcements its repositories make after each commit (:class:`StoreEvents`)."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    events: StoreEvents = field(default_factory=StoreEvents)
    read_only_reason: str | None = None  # why the store was opened read-only (None: writable)
    readers: sessionmaker[Session] | None = None  # sessions that start a deferred transaction
    state_file: Path | None = field(default=None, repr=False)
    backups_dir: Path | None = field(default=None, repr=False)  # daily backups (with state_file)
    # who new rows belong to on SQLite (the settings' user name); PostgreSQL ignores it and
    # records the login (migration s16_owner)
    owner_name: str = ""
    # PostgreSQL: the login's role, read on each new connection (issue 16; see .newsroom)
    roles: RoleCell | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def capabilities(self) -> Capabilities:
        """What the current login may do: everything on SQLite; on PostgreSQL its newsroom
        role, read once per connection (the last connection made tells)."""
        if self.roles is None:
            return Capabilities.local()
        if self.roles.value is None:
            with self.engine.connect():
                pass  # a new connection reads it (the pool's connections read it already)
        return self.roles.value or Capabilities.local()

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def begin(self) -> Generator[Session, None, None]:
        """One unit of work: commit on success, roll back on error.

        On SQLite it holds the write lock from its start (``BEGIN IMMEDIATE``); driver errors
        come out as the store's own errors (read-only, full, damaged, busy).
        """
        with store_errors(self.read_only_reason), self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Generator[Session, None, None]:
        """A unit of work that only reads: on SQLite it never waits for a writer."""
        with store_errors(self.read_only_reason), (self.readers or self.sessions).begin() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()
        path = self.sqlite_file
        if path is not None and self.state_file is not None and not self.read_only:
            from qk3editor.storage.checks import backup_if_due, remember_sound

            if self.backups_dir is not None and path.is_file():
                backup_if_due(path, self.backups_dir)  # once a day, checked
            remember_sound(self.state_file, path)


@dataclass
class RoleCell:
    """The login's capabilities as the newest connection read them."""

    value: Capabilities | None = None

    def on_connect(self, dbapi_conn: Any, _record: Any) -> None:
        from qk3editor.storage.newsroom import capabilities_of

        try:
            self.value = capabilities_of(dbapi_conn)
        finally:
            dbapi_conn.rollback()  # leave the connection as it was: no transaction open


@contextmanager
def store_errors(read_only_reason: str | None = None) -> Generator[None, None, None]:
    """Turn the driver's errors into the store's own (QkErrors pass through unchanged)."""
    try:
        yield
    except QkError:
        raise
    except IntegrityError:
        raise  # a rule of the schema, not a fault of the store: the caller's to handle
    except DBAPIError as exc:
        raise classify(exc, read_only_reason) from exc


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for memory and other databases)."""
    if not url.startswith("sqlite"):
        return None
    db = make_url(url).database or ""
    if db.startswith("file:"):
        db = db[len("file:") :]
    if not db or db == ":memory:":
        return None
    return Path(db)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we say BEGIN ourselves (see _begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    if conn.get_execution_options().get("qk3_read"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_deferred(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: str, read_only: str | None = None) -> Engine:
    """An engine for ``url`` with our SQLite settings where it is SQLite.

    ``read_only`` ("ro" or "immutable") opens a SQLite file for reading only.
    """
    path = sqlite_path(url)
    if url.startswith("sqlite"):
        if path is not None and read_only:
            query = "mode=ro" + ("&immutable=1" if read_only == "immutable" else "")
            engine = create_engine(
                f"sqlite:///file:{path}?{query}&uri=true", connect_args={"timeout": 10}
            )
            event.listen(engine, "connect", _sqlite_read_only_pragmas)
            event.listen(engine, "begin", _begin_deferred)
            return engine
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    if url.startswith("postgresql"):
        from qk3editor.storage.notify_sql import origin_name

        # the live-update triggers name the writer, so a process skips its own news
        return create_engine(
            url, pool_pre_ping=True, connect_args={"application_name": origin_name()}
        )
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_heads(engine: Engine) -> set[str]:
    try:
        with engine.connect() as conn:
            return _heads(conn.execution_options(qk3_read=True))
    except (OperationalError, ProgrammingError):
        return set()


def _heads(conn: Any) -> set[str]:
    try:
        with conn.begin_nested() if conn.in_transaction() else _nothing():
            return {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except (OperationalError, ProgrammingError):
        return set()


@contextmanager
def _nothing() -> Generator[None, None, None]:
    yield


def pending_migrations(engine: Engine) -> bool:
    return current_heads(engine) != script_heads()


def backup_sqlite(db_file: Path, backups_dir: Path) -> Path:
    """A consistent copy of a SQLite file (the online backup API, WAL included)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups_dir / f"{db_file.stem}-{stamp}.sqlite3"
    src = sqlite3.connect(str(db_file))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, backups_dir: Path | None = None) -> Path | None:
    """Bring the schema to the newest revision; back up an existing SQLite file first.

    Several processes may start on one store at once: the migration holds the write lock
    (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock) and looks at the schema's
    revision again once it has it, so only the first migrates and the others find it done.
    Returns the backup's path when one was made.
    """
    backup: Path | None = None
    if not pending_migrations(engine):
        return None
    if engine.dialect.name == "sqlite" and backups_dir is not None:
        db_path = engine.url.database
        if db_path and db_path != ":memory:" and Path(db_path).is_file():
            with engine.connect() as conn:
                conn.execution_options(qk3_read=True)
                has_tables = bool(
                    conn.exec_driver_sql(
                        "SELECT count(*) FROM sqlite_master WHERE type='table'"
                    ).scalar()
                )
            if has_tables:
                backup = backup_sqlite(Path(db_path), backups_dir)
                log.info("store backed up to %s before migrating", backup)
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        if _heads(conn) == script_heads():
            return backup  # another process migrated while we waited for the lock
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        from qk3editor.storage.photos_models import ensure_desk_indexes

        ensure_desk_indexes(conn)  # a batch copy of photos on SQLite drops them (see there)
        if engine.dialect.name == "postgresql":
            from qk3editor.storage import notify_sql

            notify_sql.install(conn)  # live updates on every table, whichever branch came last
    return backup


def open_store(url: str, backups_dir: Path | None = None, state_file: Path | None = None) -> Store:
    """Open (and migrate) the store at ``url``.

    A SQLite file is checked first (:func:`.checks.check_sqlite_file`): a damaged or empty
    file raises before anything is written; a file we may not write is opened read-only.
    ``state_file`` remembers files found sound, so an unchanged file is not checked again.
    """
    from qk3editor.storage.checks import check_sqlite_file, read_only_mode

    path = sqlite_path(url)
    reason: str | None = None
    mode: str | None = None
    if path is not None and path.exists():
        reason, mode = read_only_mode(path)
        check_sqlite_file(path, backups_dir, state_file, mode or "ro")
    elif path is not None:
        _create_sqlite(path)
    roles: RoleCell | None = None
    try:
        engine = make_engine(url, mode)
        if engine.dialect.name == "postgresql":
            roles = RoleCell()
            event.listen(engine, "connect", roles.on_connect)
        if reason is None:
            migrate(engine, backups_dir)
        elif pending_migrations(engine):
            log.warning("read-only store %s needs migrating; reading it as it is", path)
    except QkError:
        raise
    except DBAPIError as exc:
        raise classify(exc, reason) from None
    readers = sessionmaker(engine.execution_options(qk3_read=True), expire_on_commit=False)
    return Store(
        engine,
        sessionmaker(engine, expire_on_commit=False),
        url,
        read_only_reason=reason,
        readers=readers,
        state_file=state_file,
        backups_dir=backups_dir,
        roles=roles,
    )


def _create_sqlite(path: Path) -> None:
    """A new store at ``path``, made whole beside it and then put in place in one step.

    SQLite makes a zero-byte file when it connects and writes the header only with the first
    page; another process starting meanwhile would find an empty file, which we refuse as
    damaged. So the new store is built (migrated) under a temporary name and linked into
    place; when another process got there first, its store is used and ours dropped.
    """
    from qk3editor.storage.checks import folder_reason
    from qk3editor.storage.errors import StoreOpenedReadOnly

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise StoreOpenedReadOnly(reason=folder_reason(_existing(path.parent))) from None
    if not os.access(path.parent, os.W_OK):
        raise StoreOpenedReadOnly(reason=folder_reason(path.parent))
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    engine = make_engine(f"sqlite:///{tmp}")
    try:
        migrate(engine)
    finally:
        engine.dispose()
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass  # another process made it first: theirs is the store
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(tmp, path)
    for extra in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        try:
            extra.unlink()
        except FileNotFoundError:
            pass


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def first_column(session: Session, stmt: Select[Any]) -> list[Any]:
    """The first column of ``stmt``'s rows, read on the driver's cursor (issue 14).

    For listings of many ids (the library, the photo desk: 100k rows and more): SQLAlchemy's
    result rows cost about as much again as the query. Only for statements whose parameters
    and first column need no type conversion (strings, integers).
    """
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    sql = str(compiled)
    if "POSTCOMPILE" in sql:  # an expanding IN (...) parameter: let SQLAlchemy render it
        return list(session.execute(stmt).scalars().all())
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(params[name] for name in compiled.positiontup)
    cursor: Any = conn.connection.dbapi_connection.cursor()  # pyright: ignore[reportOptionalMemberAccess] (an open session's connection has one)
    try:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()
