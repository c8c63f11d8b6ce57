"""8 processes × 50 imports sharing new category names: no row is lost (SQLite, PostgreSQL).

Real processes, the real CLI, a real SQLite file and the real PostgreSQL server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from qk3editor.core.vietnamese.fold import slugify
from qk3editor.storage.db import open_store
from tests.conftest import subprocess_env
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.storage.concurrent_import_worker import CATEGORIES

WORKERS, IMPORTS = 8, 50


def _run_importers(store: str, tmp_path: Path) -> list[str]:
    procs = []
    for w in range(WORKERS):
        folder = tmp_path / f"in{w}"
        folder.mkdir()
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.storage.concurrent_import_worker",
                    store,
                    str(w),
                    str(IMPORTS),
                    str(folder),
                ],
                cwd=Path(__file__).resolve().parents[2],
                env=subprocess_env(QK3EDITOR_HOME=str(tmp_path / "home")),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    lines: list[str] = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        assert "Traceback" not in err, err
        lines += out.splitlines()
    return lines


def _slugs(store_url: str) -> set[str]:
    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            return {r[0] for r in conn.execute(text("SELECT slug FROM categories"))}
    finally:
        store.close()


def _check(store_url: str, lines: list[str], before: set[str]) -> None:
    failures = [line for line in lines if not line.startswith("ok ")]
    assert failures == [], (len(failures), failures[:2])
    ids = {line.split()[1] for line in lines}
    assert len(ids) == WORKERS * IMPORTS
    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT a.id, c.slug FROM articles a"
                    " LEFT JOIN categories c ON c.id = a.category_id"
                )
            ).all()
            slugs = sorted(r[0] for r in conn.execute(text("SELECT slug FROM categories")))
    finally:
        store.close()
    assert {r[0] for r in rows} == ids  # 0 lost, 0 extra
    assert all(r[1] is not None for r in rows)  # every article kept its category
    # one new category per slug, whatever the spelling ("Quốc phòng", "Quoc phong")
    expected = {slugify(c) for c in CATEGORIES}
    assert set(slugs) - before == expected - before
    assert len(expected) == 3


def test_eight_sqlite_importers_lose_no_row(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    before = _slugs(f"sqlite:///{db}")  # an existing store, as in the newsroom
    _check(f"sqlite:///{db}", _run_importers(str(db), tmp_path), before)


def test_eight_sqlite_importers_on_a_new_store_lose_no_row(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite3"  # the first command of all of them creates the store
    lines = _run_importers(str(db), tmp_path)
    _check(f"sqlite:///{db}", lines, _slugs("sqlite://"))


def test_eight_postgres_importers_lose_no_row(fresh_postgres: str, tmp_path: Path) -> None:  # noqa: F811
    before = _slugs(fresh_postgres)
    _check(fresh_postgres, _run_importers(fresh_postgres, tmp_path), before)
