"""Engine, sessions and migrations.

SQLite is the default (WAL, foreign keys, busy timeout); any SQLAlchemy URL works, PostgreSQL
included. Migrations run at start-up; an existing SQLite file is backed up first.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from qk3editor.core.errors import StoreError
from qk3editor.storage.heads import MIGRATIONS, script_heads
from qk3editor.storage.store_events import StoreEvents

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


@dataclass
class Store:
    """An open store: the engine and the session factory every repository uses, and the
    announcements its repositories make after each commit (:class:`StoreEvents`)."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    events: StoreEvents = field(default_factory=StoreEvents)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def begin(self) -> Generator[Session, None, None]:
        """One unit of work: commit on success, roll back on error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with our SQLite settings where it is SQLite."""
    if url.startswith("sqlite"):
        db_path = url.split("///", 1)[-1]
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_heads(engine: Engine) -> set[str]:
    try:
        with engine.connect() as conn:
            return {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except (OperationalError, ProgrammingError):
        return set()


def pending_migrations(engine: Engine) -> bool:
    return current_heads(engine) != script_heads()


def backup_sqlite(db_file: Path, backups_dir: Path) -> Path:
    """A consistent copy of a SQLite file (the online backup API, WAL included)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
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

    Returns the backup's path when one was made.
    """
    backup: Path | None = None
    if not pending_migrations(engine):
        return None
    if engine.dialect.name == "sqlite" and backups_dir is not None:
        db_path = engine.url.database
        if db_path and db_path != ":memory:" and Path(db_path).is_file():
            with engine.connect() as conn:
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
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return backup


def open_store(url: str, backups_dir: Path | None = None) -> Store:
    """Open (and migrate) the store at ``url``."""
    try:
        engine = make_engine(url)
        migrate(engine, backups_dir)
    except OperationalError as exc:
        raise StoreError(detail=str(exc.orig) if exc.orig else str(exc)) from None
    return Store(engine, sessionmaker(engine, expire_on_commit=False), url)
