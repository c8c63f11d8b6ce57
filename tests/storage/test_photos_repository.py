from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from qk3editor.core.articles import ArticleFields
from qk3editor.core.errors import PhotoIdNotFound, ValidationError
from qk3editor.core.photos import PhotoMetadata
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import NewPhoto, PhotoQuery, PhotoRepository


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}", tmp_path / "backups")
    yield s
    s.close()


def new(n: int, **md) -> NewPhoto:
    date = md.pop("date_taken", f"2026-11-{n:02d}T08:00:00")
    return NewPhoto(
        path=f"/card/IMG_{n:04d}.JPG",
        content_hash=f"{n:064x}",
        metadata=PhotoMetadata(**md),
        date_taken=date,
        gps=md.get("city") == "Hải Phòng",
    )


def test_migration_0004_creates_the_tables(store) -> None:
    insp = inspect(store.engine)
    cols = {c["name"] for c in insp.get_columns("photos")}
    assert {"content_hash", "description", "keywords", "keep_location_by", "gps"} <= cols
    link = {c["name"] for c in insp.get_columns("article_photos")}
    assert {"article_id", "photo_id", "position", "featured", "caption_override"} <= link


def test_add_get_and_duplicates_by_hash(store) -> None:
    repo = PhotoRepository(store)
    (p,) = repo.add([new(1, description="Chú thích", keywords=("b", "a"), creator=("A",))])
    assert repo.add([new(1)]) == []  # same content hash: not stored twice
    got = repo.get(p.id)
    assert got.metadata.description == "Chú thích" and got.metadata.keywords == ("b", "a")
    assert repo.id_for_hash(f"{1:064x}") == p.id
    assert got.status_flags == ("no_credit",)
    with pytest.raises(PhotoIdNotFound):
        repo.get(999)


def test_list_filter_status_and_sort_by_date_taken(store) -> None:
    repo = PhotoRepository(store)
    repo.add(
        [
            new(3, description="Lễ duyệt binh", city="Hải Phòng"),
            new(1, description="", credit="QK3"),
            new(2, description="HẢI ĐĂNG", credit="QK3"),
            new(4, date_taken=""),
        ]
    )
    ids = repo.list_ids()
    dates = [p.date_taken for p in repo.get_many(ids)]
    assert dates == ["2026-11-01T08:00:00", "2026-11-02T08:00:00", "2026-11-03T08:00:00", ""]
    newest = repo.get_many(repo.list_ids(PhotoQuery(newest_first=True)))
    assert [p.date_taken for p in newest][:3] == [
        "2026-11-03T08:00:00",
        "2026-11-02T08:00:00",
        "2026-11-01T08:00:00",
    ]
    found = repo.get_many(repo.list_ids(PhotoQuery(text="hải")))  # Vietnamese case-folded
    assert {p.metadata.description for p in found} == {"Lễ duyệt binh", "HẢI ĐĂNG"}
    assert len(repo.list_ids(PhotoQuery(status="no_caption"))) == 2
    assert len(repo.list_ids(PhotoQuery(status="gps"))) == 1
    assert len(repo.list_ids(PhotoQuery(text="img_0002"))) == 1
    assert repo.list_ids(PhotoQuery(text="100%")) == []
    # the windowed desk (issue 14): counts and pages agree with the whole list
    for q in (PhotoQuery(), PhotoQuery(newest_first=True), PhotoQuery(text="hải"),
              PhotoQuery(status="no_caption"), PhotoQuery(text="100%")):  # fmt: skip
        whole = repo.list_ids(q)
        assert repo.count_ids(q) == len(whole), q
        assert [i for o in range(0, 6, 2) for i in repo.page_ids(q, o, 2)] == whole, q


def test_keep_location_is_recorded_with_who_and_when(store) -> None:
    repo = PhotoRepository(store)
    (p,) = repo.add([new(1)])
    when = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    got = repo.set_keep_location(p.id, True, "Trưởng ban", when)
    assert got.keep_location and got.keep_location_by == "Trưởng ban"
    assert got.keep_location_at == when
    with pytest.raises(ValidationError):
        repo.set_keep_location(p.id, True, " ")


def test_photos_in_an_article(store) -> None:
    repo = PhotoRepository(store)
    article = ArticleRepository(store).create(ArticleFields(title="Bài có ảnh"))
    a, b, c = repo.add([new(1, description="Của tệp"), new(2), new(3)])
    placed = repo.attach(article.id, [a.id, b.id, c.id, a.id])
    assert [ap.photo.id for ap in placed] == [a.id, b.id, c.id]
    assert [ap.featured for ap in placed] == [True, False, False]
    placed = repo.reorder(article.id, [c.id, a.id])
    assert [ap.photo.id for ap in placed] == [c.id, a.id, b.id]
    placed = repo.set_featured(article.id, b.id)
    assert [ap.photo.id for ap in placed if ap.featured] == [b.id]
    ap = repo.set_caption(article.id, a.id, "Chú thích riêng của bài")
    assert ap.caption == "Chú thích riêng của bài" and ap.photo.metadata.description == "Của tệp"
    assert repo.set_caption(article.id, a.id, None).caption == "Của tệp"
    assert [x.photo.id for x in repo.detach(article.id, c.id)] == [a.id, b.id]


def test_update_metadata(store) -> None:
    repo = PhotoRepository(store)
    (p,) = repo.add([new(1)])
    got = repo.update_metadata(p.id, PhotoMetadata(description="Mới", credit="QK3"))
    assert got.metadata.description == "Mới" and not got.status_flags


def test_a_store_from_before_the_photo_desk_upgrades(tmp_path: Path) -> None:
    """A store at revision 0001 (articles only) gains the photo tables; its articles stay."""
    from alembic import command

    from qk3editor.storage.db import alembic_config, make_engine

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    engine = make_engine(url)
    assert "photos" not in inspect(engine).get_table_names()
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO articles (id, title, lead, body, byline, tags, status, created_at,"
            " updated_at, version) VALUES ('a1', 'Bài cũ', '', '', '', '[]', 'draft',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)"
        )
    engine.dispose()
    store = open_store(url, tmp_path / "backups")
    try:
        assert {"photos", "article_photos"} <= set(inspect(store.engine).get_table_names())
        assert ArticleRepository(store).get("a1").title == "Bài cũ"
        assert list((tmp_path / "backups").iterdir())  # backed up before the upgrade
    finally:
        store.close()
