"""Search on a real PostgreSQL server: the portable fallback (LIKE over the folded column)."""

from __future__ import annotations

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.search import SearchRepository
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401


def test_search_on_postgres(fresh_postgres: str) -> None:  # noqa: F811
    store = open_store(fresh_postgres)
    try:
        articles = ArticleRepository(store)
        a = articles.create(
            ArticleFields(title="Công tác dân vận", body="Đảng ủy Quân khu", byline="Đức Việt")
        )
        b = articles.create(ArticleFields(title="Dương liễu", body="100% an_toàn"))
        c = articles.create(ArticleFields(title="Con đường mới"))
        search = SearchRepository(store)
        for query in ("dan van", "DANG UY", "Đức Việt"):
            assert search.search_ids(query) == [a.id]
        hits = search.search("đường")
        assert [h.article_id for h in hits] == [c.id, b.id] and hits[0].exact
        for query in ('"', "(", "NEAR(", "%", "_", ""):
            assert isinstance(search.search(query), list)
        assert search.search_ids("an_toan") == [b.id]
        articles.update(a.id, ArticleFields(title="Huấn luyện"))
        assert search.search_ids("dan van") == []
    finally:
        store.close()


@pytest.mark.parametrize("window", [2_000, 1])
def test_postgres_searches_the_folded_words(
    fresh_postgres: str,  # noqa: F811
    window: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Words and prefixes as on SQLite (the server's tsvector of the folded words), newest
    first; a word fold() keeps non-ASCII letters in still found by the LIKE scan. With a
    window of 1 the older texts come from the GIN index's step."""
    from sqlalchemy import text

    from qk3editor.storage import search_postgres

    monkeypatch.setattr(search_postgres, "WINDOW", window)
    store = open_store(fresh_postgres)
    try:
        articles = ArticleRepository(store)
        old = articles.create(ArticleFields(title="Huấn luyện chiến sĩ mới", body="Straße 1"))
        new = articles.create(ArticleFields(title="Huấn luyện dân quân", body="an_toàn-100%"))
        search = SearchRepository(store)
        assert search.search_ids("huan luy") == [new.id, old.id]
        assert search.search_ids("huấn luyện dân") == [new.id]
        assert search.search_ids("uan") == []  # words, not any substring
        assert search.search_ids("toan 100") == [new.id]
        assert search.search_ids("strasse") == []
        assert search.search_ids("straße") == [old.id]  # the LIKE scan
        hits = search.search("Huấn luyện", prefix=False)
        assert [(h.article_id, h.exact) for h in hits] == [(new.id, True), (old.id, True)]
        hits = search.search("chiến sĩ")  # the exact tier comes first: the older article
        assert [(h.article_id, h.exact) for h in hits] == [(old.id, True)]
        plain = articles.create(ArticleFields(title="Chien si"))
        hits = search.search("chiến sĩ")
        assert [(h.article_id, h.exact) for h in hits] == [(old.id, True), (plain.id, False)]
        with store.read() as s:
            tsv = s.execute(
                text("SELECT folded_tsv::text FROM search_documents WHERE article_id = :a"),
                {"a": new.id},
            ).scalar()
        assert tsv is not None and "'toan'" in tsv and "'100'" in tsv and "'an'" in tsv
    finally:
        store.close()


@pytest.mark.parametrize("window", [2_000, 1])
def test_postgres_exact_tier_on_compressed_texts(
    fresh_postgres: str,  # noqa: F811
    window: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The words as typed, in one of their usual cases (as typed, capitalised, upper case),
    found in texts the server keeps compressed (issue 14: read once as bytes, not by
    ``strpos`` per word); a mixed case or the folded spelling is not the exact tier. Window 1:
    the older texts through the GIN index's step."""
    from sqlalchemy import text

    from qk3editor.storage import search_postgres
    from tests.storage.statements import counted

    monkeypatch.setattr(search_postgres, "WINDOW", window)
    store = open_store(fresh_postgres)
    try:
        articles = ArticleRepository(store)
        filler = "Quân khu tổ chức hội nghị tổng kết công tác dân vận. " * 120
        endings = ("ĐỨC VIỆT", "ĐứC Việt", "đức việt", "Duc Viet", "Đức Việt Nam", "VIỆT đỨc")
        ids = [articles.create(ArticleFields(title="Tin", body=filler + e)).id for e in endings]
        with store.read() as s:
            raw, stored = s.execute(
                text(
                    "SELECT min(octet_length(plain)), max(pg_column_size(plain)) "
                    "FROM search_documents"
                )
            ).one()
        assert raw > 3 * stored  # pglz-compressed: the case the change is for
        search = SearchRepository(store)
        newest_first = ids[::-1]
        exact = {ids[0], ids[2], ids[4]}
        expected = [(a, True) for a in newest_first if a in exact]
        expected += [(a, False) for a in newest_first if a not in exact]
        with counted(store) as seen:
            hits = search.search("Đức Việt")
        assert [(h.article_id, h.exact) for h in hits] == expected
        sql = " ".join(seen.queries)
        assert "convert_to" in sql and "strpos" not in sql
        hits = search.search("việt đức", prefix=False)  # the order of the words is free
        assert [(h.article_id, h.exact) for h in hits] == expected
        hits = search.search("VIỆT")  # as lower case: "Việt", "VIỆT" count, "Viet" not
        assert [(h.article_id, h.exact) for h in hits][-1] == (ids[3], False)
        assert all(h.exact for h in hits[:-1]) and len(hits) == len(ids)
        assert search.search_ids("duc viet") == newest_first  # no exact tier: newest first
    finally:
        store.close()
