from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from qk3editor.storage.db import alembic_config, make_engine, migrate, open_store
from qk3editor.storage.schema import metadata
from qk3editor.storage.search import alembic_include_name


def test_schema_is_built_by_migrations_and_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    migrate(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": alembic_include_name})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_sqlite_pragmas(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    store.close()


def test_upgrade_from_the_first_schema_backs_up_the_file_first(tmp_path: Path) -> None:
    """A store made by the first release (revision 0001) upgrades, after a backup."""
    import pytest
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    if set(ScriptDirectory.from_config(cfg).get_heads()) == {"0001"}:
        pytest.skip("only one schema revision exists")
    db = tmp_path / "s.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql(
            "INSERT INTO articles (id, title, lead, body, byline, tags, status, created_at,"
            " updated_at, version) VALUES ('a1', 'Tiêu đề cũ', '', '', '', '[]', 'draft',"
            " '2020-01-01 00:00:00', '2020-01-01 00:00:00', 1)"
        )
    backup = migrate(engine, tmp_path / "backups")
    engine.dispose()
    assert backup is not None and backup.parent == tmp_path / "backups"
    rows = sqlite3.connect(backup).execute("SELECT title FROM articles").fetchall()
    assert rows == [("Tiêu đề cũ",)]
    store = open_store(f"sqlite:///{db}")
    from qk3editor.storage.articles_repository import ArticleRepository

    assert ArticleRepository(store).get("a1").title == "Tiêu đề cũ"
    store.close()


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    from qk3editor.storage.db import backup_sqlite

    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE categories SET name = 'Tin mới' WHERE position = 0")
    copy = backup_sqlite(tmp_path / "s.sqlite3", tmp_path / "b")
    store.close()
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT name FROM categories WHERE position = 0").fetchone() == ("Tin mới",)


def test_seeded_categories(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with store.engine.connect() as conn:
        names = [
            r[0] for r in conn.exec_driver_sql("SELECT name FROM categories ORDER BY position")
        ]
    assert names[0] == "Tin tức - Sự kiện"
    assert len(names) >= 8
    store.close()


def test_start_up_reads_the_same_heads_as_alembic() -> None:
    from alembic.script import ScriptDirectory

    from qk3editor.storage.db import script_heads

    assert script_heads() == set(ScriptDirectory.from_config(alembic_config()).get_heads())
