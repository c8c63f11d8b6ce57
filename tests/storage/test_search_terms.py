"""A prefix is searched as the index's words (issue 14), and never wrongly when they lag."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from qk3editor.core.articles import ArticleFields
from qk3editor.storage import search_terms
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.search import SearchRepository, index_text
from qk3editor.storage.search_terms import expand, refresh_terms, terms_current


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    yield s
    s.close()


@pytest.fixture
def matches(store: Store) -> list[str]:
    """The FTS5 queries the store is asked."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "MATCH" in statement:
            seen.append(str(params[0] if isinstance(params, tuple) else params["q"]))

    event.listen(store.engine, "before_cursor_execute", note)
    return seen


def test_prefix_becomes_the_words_it_starts(store: Store, matches: list[str]) -> None:
    repo = ArticleRepository(store)
    a = repo.create(ArticleFields(title="Huấn luyện chiến sĩ mới"))
    b = repo.create(ArticleFields(title="Lũy tre làng"))
    search = SearchRepository(store)
    with store.read() as s:
        assert expand(s.connection(), "luy", folded=True) == ["luy", "luyen"]
        assert expand(s.connection(), "lu", folded=False) == ["luy", "luyen", "luyện"]
        assert expand(s.connection(), "lũ", folded=False) == ["lũy"]
    assert search.search_ids("huan luy") == [a.id]
    assert search.search_ids("luy") == [b.id, a.id]
    hits = search.search("lũ")  # as typed: the exact tier is lũy
    assert [(h.article_id, h.exact) for h in hits] == [(b.id, True), (a.id, False)]
    assert matches and not any("*" in m for m in matches)
    matches.clear()
    assert search.search_ids("xyz") == []  # no word starts so: FTS5 is not asked
    assert matches == []


def test_a_writer_behind_index_text_is_still_found(store: Store, matches: list[str]) -> None:
    repo = ArticleRepository(store)
    a = repo.create(ArticleFields(title="Bài cũ"))
    path = store.sqlite_file
    assert path is not None
    con = sqlite3.connect(path)  # a bulk import straight into the table
    con.execute(
        "INSERT INTO search_documents (source, source_key, article_id, plain, folded) "
        "VALUES ('import', 'k1', ?, 'Xylophone', 'xylophone')",
        (a.id,),
    )
    con.commit()
    con.close()
    search = SearchRepository(store)
    with store.read() as s:
        assert not terms_current(s.connection())
    assert search.search_ids("xylo") == [a.id]  # FTS5's own prefix query while words lag
    assert any(m.endswith("*") for m in matches)
    with store.begin() as s:  # the next write through index_text catches up
        index_text(s, "import", "k2", a.id, "khác")
    with store.read() as s:
        assert terms_current(s.connection())
        assert expand(s.connection(), "xylo", folded=True) == ["xylophone"]
    matches.clear()
    assert search.search_ids("xylo") == [a.id]
    assert matches and not any("*" in m for m in matches)


def test_too_many_words_use_the_prefix_query(
    store: Store, matches: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_terms, "MAX_EXPANSION", 2)
    repo = ArticleRepository(store)
    a = repo.create(ArticleFields(title="Tha thanh thang thao"))
    b = repo.create(ArticleFields(title="Thủy thủ"))
    with store.read() as s:
        assert expand(s.connection(), "th", folded=True) is None
    assert SearchRepository(store).search_ids("th") == [b.id, a.id]
    assert any(m.endswith("*") for m in matches)


def test_refresh_terms_reads_the_index(store: Store) -> None:
    repo = ArticleRepository(store)
    repo.create(ArticleFields(title="Đảng ủy Quân khu"))
    with store.begin() as s:
        conn = s.connection()
        conn.exec_driver_sql("DELETE FROM search_fts_terms")
        conn.exec_driver_sql("INSERT INTO search_fts_pending(doc_id) VALUES (12345)")
        refresh_terms(conn)
        assert terms_current(conn)
        terms = {r[0] for r in conn.exec_driver_sql("SELECT term FROM search_fts_terms")}
        assert terms == {"đảng", "ủy", "quân", "khu", "dang", "uy", "quan"}
        assert terms == search_terms.words_of("Đảng ủy Quân khu", "dang uy quan khu")


def test_our_words_are_the_index_words(store: Store) -> None:
    """The words ``index_text`` adds are the ones FTS5's tokenizer indexes (a real article:
    punctuation, numbers, quotes, capitals)."""
    text = (Path(__file__).parents[1] / "core" / "vietnamese" / "fixture-article.txt").read_text(
        encoding="utf-8"
    )
    repo = ArticleRepository(store)
    repo.create(ArticleFields(title="Bài mẫu", body=text + " 100% an_toàn; “Chính uỷ” Ð‐x"))
    with store.begin() as s:
        conn = s.connection()
        ours = {r[0] for r in conn.exec_driver_sql("SELECT term FROM search_fts_terms")}
        conn.exec_driver_sql("DELETE FROM search_fts_terms")
        refresh_terms(conn)
        theirs = {r[0] for r in conn.exec_driver_sql("SELECT term FROM search_fts_terms")}
    assert len(ours) > 100 and ours == theirs
