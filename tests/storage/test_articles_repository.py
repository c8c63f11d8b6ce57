from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.errors import ArticleNotFound, ConflictError, InvalidTransition
from qk3editor.storage.articles_repository import (
    ArticleQuery,
    ArticleRepository,
    CategoryRepository,
)
from qk3editor.storage.db import open_store


@pytest.fixture
def repos(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield ArticleRepository(store), CategoryRepository(store)
    store.close()


def test_create_get_update_with_versions(repos) -> None:  # type: ignore[no-untyped-def]
    articles, _ = repos
    a = articles.create(ArticleFields(title="Hội nghị", category="tin-tuc-su-kien"))
    assert a.status is Status.DRAFT and a.version == 1 and a.category == "Tin tức - Sự kiện"
    assert a.created_at.tzinfo is not None
    b = articles.update(a.id, ArticleFields(body="Nội dung"), expected_version=1)
    assert b.version == 2 and b.body == "Nội dung" and b.updated_at >= a.updated_at
    with pytest.raises(ConflictError):
        articles.update(a.id, ArticleFields(body="cũ"), expected_version=1)
    # An update that changes nothing is no new version.
    assert articles.update(a.id, ArticleFields(body="Nội dung")).version == 2


def test_text_is_stored_nfc_and_tags_cleaned(repos) -> None:  # type: ignore[no-untyped-def]
    articles, _ = repos
    nfd = unicodedata.normalize("NFD", "Đảng ủy")
    a = articles.create(ArticleFields(title=nfd, tags=(nfd, " Đảng ủy ", "", "LLVT")))
    assert a.title == "Đảng ủy" and a.tags == ("Đảng ủy", "LLVT")


def test_unknown_category_is_created_once(repos) -> None:  # type: ignore[no-untyped-def]
    articles, categories = repos
    n = len(categories.list())
    articles.create(ArticleFields(category="Biển đảo"))
    articles.create(ArticleFields(category="biển đảo"))
    assert len(categories.list()) == n + 1
    assert categories.find("Biển đảo") is not None


def test_list_filters_and_orders_in_the_database(repos) -> None:  # type: ignore[no-untyped-def]
    articles, categories = repos
    a = articles.create(ArticleFields(title="B", category="tin-tuc-su-kien"))
    b = articles.create(ArticleFields(title="A"))
    c = articles.create(ArticleFields(title="C"))
    articles.spike(c.id)
    assert articles.list_ids() == [b.id, a.id]  # newest first, spiked hidden
    assert articles.list_ids(ArticleQuery(order_by="title", descending=False)) == [b.id, a.id]
    assert articles.list_ids(ArticleQuery(status=Status.SPIKED)) == [c.id]
    cat = categories.find("tin-tuc-su-kien")
    assert articles.list_ids(ArticleQuery(category_id=cat.id)) == [a.id]
    rows = articles.rows([a.id, b.id])
    assert [r.title for r in rows] == ["B", "A"]


def test_spike_and_restore_return_to_the_previous_state(repos) -> None:  # type: ignore[no-untyped-def]
    articles, _ = repos
    a = articles.create(ArticleFields(title="x"))
    articles.set_status(a.id, Status.SUBMITTED)
    assert articles.spike(a.id).status is Status.SPIKED
    assert articles.restore(a.id).status is Status.SUBMITTED
    with pytest.raises(InvalidTransition):
        articles.set_status(a.id, Status.PUBLISHED)
    with pytest.raises(ArticleNotFound):
        articles.get("nope")


def test_publish_date_must_be_aware(repos) -> None:  # type: ignore[no-untyped-def]
    articles, _ = repos
    when = datetime(2018, 10, 21, 1, 0, tzinfo=UTC)
    a = articles.create(ArticleFields(publish_at=when))
    assert articles.get(a.id).publish_at == when


def test_the_store_repairs_what_nfc_cannot(repos) -> None:  # type: ignore[no-untyped-def]
    articles, _ = repos
    # ETH instead of Đ, and a tone typed before the circumflex: NFC alone keeps both wrong.
    a = articles.create(ArticleFields(title="\u00d0a\u0309ng u\u0309y", body="Tie\u0301\u0302ng"))
    assert a.title == "Đảng ủy" and a.body == "Tiếng"
