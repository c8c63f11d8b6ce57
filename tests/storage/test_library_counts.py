"""The counts the database keeps for the library (migration ``c14_library_counts``) stay equal
to ``COUNT(*)`` through every way an article is written: created, saved, moved through the
workflow, spiked and restored, deleted, its category changed or deleted, many rows at once,
copied in from another store (``store copy``), sent to the desk (PostgreSQL); and the
migration fills the table from a store's existing articles."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import delete, select, text, update

from qk3editor.core.articles import ArticleFields, ArticleQuery, Status
from qk3editor.storage.articles_models import ArticleModel, CategoryModel
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.storage.db import Store, alembic_config, make_engine, migrate, open_store
from qk3editor.storage.heads import script_heads
from qk3editor.storage.quick import QuickLibrary
from qk3editor.storage.store_copy import copy_store
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401

COUNTED = "SELECT status, COALESCE(category_id, 0) AS k, count(*) FROM articles GROUP BY status, k"


def kept_equals_counted(store: Store) -> dict[tuple[str, int], int]:
    """The table against a fresh COUNT(*), and every filter's count against the list."""
    with store.engine.connect() as conn:
        counted = {(s, int(k)): int(n) for s, k, n in conn.execute(text(COUNTED))}
        kept = {
            (s, int(k)): int(n)
            for s, k, n in conn.execute(text("SELECT status, category_key, n FROM library_counts"))
            if n != 0
        }
    assert kept == counted
    articles = ArticleRepository(store)
    pages = articles.pages()
    categories = [None, *(c.id for c in CategoryRepository(store).list())]
    for status in (None, *Status):
        for category in categories:
            for spiked in (False, True):
                q = ArticleQuery(status=status, category_id=category, include_spiked=spiked)
                assert pages.count_ids(q) == len(articles.list_ids(q)), q
    return counted


def mixed_writes(store: Store) -> None:
    articles = ArticleRepository(store)
    categories = CategoryRepository(store)
    slugs = [c.slug for c in categories.list()[:3]]
    made = [
        articles.create(ArticleFields(title=f"Bài {i}", category=[*slugs, ""][i % 4]))
        for i in range(24)
    ]
    kept_equals_counted(store)
    for i, a in enumerate(made):
        if i % 3 == 0:
            articles.set_status(a.id, Status.SUBMITTED)
        if i % 4 == 1:
            articles.spike(a.id)
        if i % 8 == 1:
            articles.restore(a.id)
        if i % 5 == 0:  # another category, then none
            articles.update(a.id, ArticleFields(title=a.title, category=slugs[(i + 1) % 3]))
        if i % 7 == 2:
            articles.update(a.id, ArticleFields(title=a.title + " sửa", category=""))
    kept_equals_counted(store)
    for a in made[:5]:
        articles.delete(a.id)
    with store.begin() as s:  # many rows in one statement, both columns at once
        s.execute(
            update(ArticleModel)
            .where(ArticleModel.title.like("Bài 1%"))
            .values(status=Status.APPROVED.value, category_id=None)
        )
        s.execute(update(ArticleModel).values(updated_at=ArticleModel.updated_at))  # no move
    kept_equals_counted(store)
    extra = categories.ensure("Chuyên mục tạm", "chuyen-muc-tam")
    for a in made[10:14]:
        articles.update(a.id, ArticleFields(title=a.title, category="chuyen-muc-tam"))
    with store.begin() as s:  # its articles lose their category (ON DELETE SET NULL)
        s.execute(delete(CategoryModel).where(CategoryModel.id == extra.id))
    with store.begin() as s:
        assert s.scalar(select(ArticleModel.id).where(ArticleModel.category_id == extra.id)) is None
    kept_equals_counted(store)


def test_counts_follow_every_write_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    store = open_store(url)
    mixed_writes(store)
    counted = kept_equals_counted(store)
    assert sum(counted.values()) == 19
    quick = QuickLibrary.open(url)  # the start-up reader sums the same table
    assert quick is not None
    pages = ArticleRepository(store).pages()
    for status in (None, Status.SPIKED, Status.APPROVED):
        for category in (None, 1, 2):
            q = ArticleQuery(status=status, category_id=category)
            assert quick.count_ids(q) == pages.count_ids(q), q
    quick.close()
    # store copy into a store that already has articles: added and replaced ones counted
    other = open_store(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    ArticleRepository(other).create(ArticleFields(title="Ở đích"))
    copy_store(store, other)
    copy_store(store, other)  # again: nothing doubled
    assert sum(kept_equals_counted(other).values()) == 20
    other.close()
    store.close()


def test_counts_follow_every_write_on_postgres(fresh_postgres: str, tmp_path: Path) -> None:  # noqa: F811
    from qk3editor.storage.newsroom_send import send_article

    store = open_store(fresh_postgres)
    mixed_writes(store)
    local = open_store(f"sqlite:///{tmp_path / 'local.sqlite3'}")
    mixed_writes(local)
    copy_store(local, store)  # a reporter's file into the newsroom store
    kept_equals_counted(store)
    sent = ArticleRepository(local).create(
        ArticleFields(title="Gửi tòa soạn", category="quoc-phong-an-ninh")
    )
    result = send_article(store.engine, sent, [], "", "Phóng viên", None)
    assert ArticleRepository(store).get(sent.id).status is Status.SUBMITTED, result
    kept_equals_counted(store)
    ArticleRepository(store).set_status(sent.id, Status.APPROVED)
    kept_equals_counted(store)
    local.close()
    store.close()


def test_the_migration_counts_the_articles_already_there(tmp_path: Path) -> None:
    """A store from the release before (every head but this one) with articles: upgrading
    fills the table from them, and the triggers keep it from then on."""
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for head in sorted(script_heads() - {"c14_library_counts"}):
            command.upgrade(cfg, head)
        conn.exec_driver_sql("INSERT INTO categories (slug, name, position) VALUES ('c', 'C', 0)")
        for i, (status, category) in enumerate(
            [("draft", 1), ("draft", 1), ("spiked", None), ("published", None), ("draft", None)]
        ):
            conn.execute(
                text(
                    "INSERT INTO articles (id, title, lead, body, byline, tags, status,"
                    " category_id, created_at, updated_at, version) VALUES (:id, 't', '', '',"
                    " '', '[]', :status, :category, '2020-01-01 00:00:00',"
                    " '2020-01-01 00:00:00', 1)"
                ),
                {"id": f"a{i}", "status": status, "category": category},
            )
    migrate(engine)
    engine.dispose()
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    counted = kept_equals_counted(store)
    assert counted[("draft", 1)] == 2 and counted[("draft", 0)] == 1
    ArticleRepository(store).spike("a0")
    assert kept_equals_counted(store)[("spiked", 0)] == 1
    store.close()
