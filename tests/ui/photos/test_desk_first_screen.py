"""The photo desk's first screen (issue 14): what it asks of the store, on SQLite and on a
real PostgreSQL server, where every session costs round trips. Real JPEG thumbnails on the
real task runner's io lane."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qk3editor.core.photos import PhotoMetadata
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.photos_repository import NewPhoto, PhotoRepository
from qk3editor.ui.photos.model import CHUNK, PhotoTableModel, ThumbnailCache
from qk3editor.ui.photos.view import PhotoDeskView
from qk3editor.ui.tasks import TaskRunner
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.photos.photo_factory import jpeg_bytes
from tests.storage.statements import counted

N = CHUNK * 2 + 60


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (
        f"sqlite:///{tmp_path / 's.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("fresh_postgres")
    )
    s = open_store(url)
    yield s
    s.close()


def _photos(repo: PhotoRepository, folder: Path) -> None:
    folder.mkdir()
    thumbs = []
    for i in range(12):  # thumbnail files as ingest makes them, shared by the photos
        path = folder / f"t{i}.jpg"
        path.write_bytes(jpeg_bytes((320, 213), color=(20 * i, 120, 200 - 10 * i)))
        thumbs.append(str(path))
    repo.add(
        NewPhoto(
            f"/card/DSC_{i:04d}.JPG",
            f"{i:064x}",
            PhotoMetadata(headline=f"Ảnh {i}"),
            date_taken=f"2026-11-01T{i // 60 % 24:02d}:{i % 60:02d}:00",
            thumbnail=thumbs[i % len(thumbs)],
        )
        for i in range(N)
    )


def test_the_desk_opens_on_one_session_and_tiles_read_no_store(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """The count and the first page in one session (two statements); each visible tile's
    thumbnail is read from its file on the io lane, never from the store; a page scrolled
    to is one more statement."""
    repo = PhotoRepository(store)
    _photos(repo, tmp_path / "thumbs")
    runner = TaskRunner(io_threads=2)
    try:
        with counted(store) as sent:
            thumbs = ThumbnailCache(runner)
            model = PhotoTableModel(repo, thumbs)
            model.refresh()
            view = PhotoDeskView(model)
            qtbot.addWidget(view)
            view.resize(1366, 768)
            view.show()
            qtbot.waitExposed(view)
            grid = view.grid
            area = grid.viewport().rect()
            visible = [
                model.photo_id(r)
                for r in range(CHUNK)
                if grid.visualRect(model.index(r, 0)).intersects(area)
            ]
            assert len(visible) >= 8
            qtbot.waitUntil(lambda: all(thumbs._pixmaps.get(p) is not None for p in visible))
            view.grab()
            assert sent.checkouts == 1, sent.queries
            assert len(sent.queries) == 2, sent.queries  # the count, the page with its rows
            assert thumbs._pixmaps[visible[0]].width() == 160  # the file, scaled to the tile
            sent.clear()
            grid.scrollTo(model.index(CHUNK + 5, 0))
            view.grab()
            assert (sent.checkouts, len(sent.queries)) == (1, 1), sent.queries
    finally:
        runner.shutdown()
