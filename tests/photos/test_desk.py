from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import caption_photos, export_web, import_photos
from qk3editor.photos.errors import LocationLeak
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import read_metadata
from qk3editor.photos.renditions import RenditionSpec
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoRepository
from tests.photos.photo_factory import jpeg_bytes


@pytest.fixture
def repo(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield PhotoRepository(store)
    store.close()


def imported(repo: PhotoRepository, tmp_path: Path, n: int, **kw) -> list[int]:
    card = tmp_path / "card"
    card.mkdir(exist_ok=True)
    for i in range(n):
        (card / f"p{i}.jpg").write_bytes(jpeg_bytes(color=(i * 40, 10, 10), **kw))
    result = import_photos(repo, [card], IngestOptions(tmp_path / "t", workers=1))
    return [p.id for p in result.photos]


def test_batch_caption_goes_on_past_a_missing_file(repo, tmp_path: Path) -> None:
    ids = imported(repo, tmp_path, 4)
    Path(repo.get(ids[1]).path).unlink()
    lines = caption_photos(repo, ids, BatchEdit(values={"description": "Ảnh {seq} – {filename}"}))
    assert [line.ok for line in lines] == [True, False, True, True]
    assert lines[1].code == "photo_not_found"
    for i in (0, 2, 3):
        photo = repo.get(ids[i])
        expected = f"Ảnh {i + 1} – p{i}.jpg"
        assert photo.metadata.description == expected
        assert read_metadata(Path(photo.path)).metadata.description == expected


def test_export_uses_article_caption_and_blocks_nothing_without_location(repo, tmp_path) -> None:
    ids = imported(repo, tmp_path, 2, gps=True)
    store = repo._store
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo.attach(article.id, ids)
    repo.set_caption(article.id, ids[0], "Chú thích trong bài")
    out = export_web(
        repo, ids, tmp_path / "web", [RenditionSpec("web", 200, 80)], article_id=article.id
    )
    assert [r.path.name for r in out] == [f"photo-{ids[0]}-web.jpg", f"photo-{ids[1]}-web.jpg"]
    first = read_metadata(out[0].path)
    assert first.metadata.description == "Chú thích trong bài" and not first.gps
    repo.set_keep_location(ids[1], True, "Trưởng ban", datetime(2026, 11, 26, tzinfo=UTC))
    spec = [RenditionSpec("web", 200, 80)]
    out = export_web(repo, [ids[1]], tmp_path / "web2", spec)
    assert not read_metadata(out[0].path).gps  # the default policy: always removed
    out = export_web(repo, [ids[1]], tmp_path / "web3", spec, location_policy="per_photo")
    assert read_metadata(out[0].path).gps  # a person chose to keep it, and the policy lets it


def test_location_leak_is_an_error_with_a_code() -> None:
    err = LocationLeak(path="x.jpg", fields="Exif.GPSInfo.GPSLatitude")
    assert err.code == "location_leak" and "GPS" in err.message()


def test_the_users_credit_is_the_default_and_a_template_variable(repo, tmp_path: Path) -> None:
    """Preferences › Me › Photo credit: a photo captioned without a credit gets it (in the
    file and the store); a photo's own credit wins; ``{credit}`` is usable in a template."""
    ids = imported(repo, tmp_path, 2)
    own = caption_photos(repo, [ids[1]], BatchEdit(values={"credit": "TTXVN"}))
    assert own[0].ok
    edit = BatchEdit(values={"description": "Ảnh {seq}: {credit}"}, default_credit="Đức Việt")
    lines = caption_photos(repo, ids, edit)
    assert [line.ok for line in lines] == [True, True]
    first, second = repo.get(ids[0]), repo.get(ids[1])
    assert first.metadata.credit == "Đức Việt"
    assert read_metadata(Path(first.path)).metadata.credit == "Đức Việt"
    assert first.metadata.description == "Ảnh 1: Đức Việt"
    assert second.metadata.credit == "TTXVN"  # its own credit is kept
    assert second.metadata.description == "Ảnh 2: TTXVN"
    # without a default credit nothing is added
    (tmp_path / "more").mkdir()
    more = imported(repo, tmp_path / "more", 1, size=(300, 200))
    caption_photos(repo, more, BatchEdit(values={"description": "x"}))
    assert repo.get(more[0]).metadata.credit == ""


def test_imported_photos_without_a_credit_get_the_users(repo, tmp_path: Path) -> None:
    from qk3editor.photos.desk import record_captions, write_default_credit

    card = tmp_path / "card"
    card.mkdir()
    (card / "a.jpg").write_bytes(jpeg_bytes())
    (card / "b.jpg").write_bytes(
        jpeg_bytes(color=(9, 9, 9), iim={"Iptc.Application2.Credit": "AP"})
    )
    result = import_photos(repo, [card], IngestOptions(tmp_path / "t", workers=1))
    writes = write_default_credit(list(result.photos), "Văn Hải")
    assert len(writes) == 1  # only the photo without a credit is written
    record_captions(repo, writes)
    by_name = {Path(p.path).name: repo.get(p.id) for p in result.photos}
    assert by_name["a.jpg"].metadata.credit == "Văn Hải"
    assert read_metadata(card / "a.jpg").metadata.credit == "Văn Hải"
    assert by_name["b.jpg"].metadata.credit == "AP"
    assert write_default_credit(list(result.photos), "") == []
