"""Search over a real SQLite store built through the migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.search import SearchRepository, index_text, parse_query, remove_text

# A copy of ../shared/fixtures/qk3-article-2018-10-21.txt
FIXTURE = Path(__file__).parents[1] / "core" / "vietnamese" / "fixture-article.txt"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    yield s
    s.close()


def _fixture_fields() -> ArticleFields:
    lines = [line.strip() for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title = "Tăng cường phối hợp chỉ đạo công tác dân vận trong LLVT Quân khu"
    lead = next(line for line in lines if line.startswith("QK3 online"))
    body = "\n\n".join(line for line in lines if line not in (title, lead))
    return ArticleFields(title=title, lead=lead, body=body, byline="Đức Việt", tags=("dân vận",))


@pytest.fixture
def fixture_id(store: Store) -> str:
    repo = ArticleRepository(store)
    repo.create(ArticleFields(title="Bài khác", body="Huấn luyện chiến sĩ mới năm 2024"))
    return repo.create(_fixture_fields()).id


@pytest.mark.parametrize("query", ["dan van", "DANG UY", "Đức Việt", "chinh uy", "Sư kiện"])
def test_fixture_article_is_found(store: Store, fixture_id: str, query: str) -> None:
    hits = SearchRepository(store).search(query)
    assert [h.article_id for h in hits] == [fixture_id]


@pytest.mark.parametrize(
    "query", ['"', "(", "NEAR(", "", "   ", ")", "dan AND", "OR", "*", "-", "a:b", "'", "{x}", "^"]
)
def test_any_query_is_safe(store: Store, fixture_id: str, query: str) -> None:
    hits = SearchRepository(store).search(query)
    assert isinstance(hits, list)


def test_operators_are_words(store: Store, fixture_id: str) -> None:
    repo = SearchRepository(store)
    assert repo.search('"dan van" NEAR(') == []  # "near" is a word no article has
    assert [h.article_id for h in repo.search('"dân vận" (LLVT)')] == [fixture_id]


def test_exact_matches_rank_first(store: Store) -> None:
    repo = ArticleRepository(store)
    only_folded = [
        repo.create(ArticleFields(title=f"Dương {i}", body="Âm dương")).id for i in range(3)
    ]
    exact = repo.create(ArticleFields(title="Mở đường", body="Con đường mới")).id
    hits = SearchRepository(store).search("đường", prefix=False)
    assert hits[0].article_id == exact and hits[0].exact
    assert {h.article_id for h in hits[1:]} == set(only_folded)
    assert not any(h.exact for h in hits[1:])
    # Unaccented query: every match, no exact tier.
    assert len(SearchRepository(store).search("duong", prefix=False)) == 4


def test_index_follows_updates(store: Store) -> None:
    repo = ArticleRepository(store)
    search = SearchRepository(store)
    a = repo.create(ArticleFields(title="Diễn tập phòng thủ"))
    assert search.search_ids("dien tap") == [a.id]
    repo.update(a.id, ArticleFields(title="Hội thao quốc phòng"))
    assert search.search_ids("dien tap") == []
    assert search.search_ids("hoi thao") == [a.id]


def test_prefix_search_as_you_type(store: Store) -> None:
    repo = ArticleRepository(store)
    a = repo.create(ArticleFields(title="Thanh niên tình nguyện"))
    search = SearchRepository(store)
    assert search.search_ids("thanh nien tinh ng") == [a.id]
    assert search.search_ids("thanh nien tinh ng ", prefix=True) == []


def test_other_sources_add_text(store: Store) -> None:
    repo = ArticleRepository(store)
    a = repo.create(ArticleFields(title="Ảnh hội nghị"))
    with store.begin() as s:
        index_text(s, "photo_caption", "photo-1", a.id, "Thiếu tướng Nguyễn Thanh Hải phát biểu")
    search = SearchRepository(store)
    assert search.search_ids("thieu tuong") == [a.id]
    with store.begin() as s:
        remove_text(s, "photo_caption", "photo-1")
    assert search.search_ids("thieu tuong") == []
    # The article's own text is still indexed.
    assert search.search_ids("hoi nghi") == [a.id]


def test_migration_indexes_existing_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    from alembic import command

    from qk3editor.storage.db import alembic_config, make_engine

    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO articles (id, title, lead, body, byline, tags, status, created_at,"
        " updated_at, version) VALUES ('a1', 'Đảng ủy Quân khu', '', '', '', '[]', 'draft',"
        " '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
    )
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{path}")
    try:
        assert SearchRepository(store).search_ids("dang uy") == ["a1"]
    finally:
        store.close()


def test_parse_query_drops_operators() -> None:
    q = parse_query('"Đảng  ủy" NEAR( (x', prefix=False)
    assert q.folded == ("dang", "uy", "near", "x")
    assert q.exact == ("đảng", "ủy", "near", "x")
    assert parse_query('"').folded == ()


def test_like_fallback_matches_fts(store: Store, fixture_id: str) -> None:
    """The non-SQLite path (LIKE over the folded column) finds the same article."""
    repo = SearchRepository(store)
    from qk3editor.storage.search import parse_query as pq

    with store.begin() as s:
        ids = repo._like_ids(s, pq("Đức Việt", prefix=False), 10)
    assert ids == [(fixture_id, True)]
    with store.begin() as s:
        ids = repo._like_ids(s, pq("dan van", prefix=False), 10)
    assert ids == [(fixture_id, False)]


def test_newest_first_within_a_tier(store: Store) -> None:
    repo = ArticleRepository(store)
    older = repo.create(ArticleFields(title="Hội thao quân sự")).id
    newer = repo.create(ArticleFields(title="Hội thao thể thao")).id
    assert SearchRepository(store).search_ids("hoi thao") == [newer, older]
    # An edit keeps the article's place (its search text is updated in place).
    repo.update(older, ArticleFields(title="Hội thao quân sự năm 2024"))
    assert SearchRepository(store).search_ids("hoi thao") == [newer, older]
