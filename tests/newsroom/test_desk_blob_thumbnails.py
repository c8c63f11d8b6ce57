"""Photos whose originals the newsroom store keeps (``qk3blob:``) show thumbnails on the photo
desk: made once from the stored original, off the GUI thread, then read from the thumbnail
cache like any other (issue 16), on the real PostgreSQL server."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qk3editor.core.i18n import Translator
from qk3editor.core.photos import PhotoMetadata
from qk3editor.photos.ingest_file import thumbnail_path
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.photo_blobs import blob_path, put_blob
from qk3editor.storage.photos_repository import NewPhoto, PhotoRepository
from qk3editor.ui.photos.controller import PhotoDeskController
from qk3editor.ui.photos.model import ThumbnailCache
from qk3editor.ui.tasks import TaskRunner
from tests.pg_fixture import fresh_postgres, postgres_url  # noqa: F401
from tests.photos.photo_factory import jpeg_bytes
from tests.thread_guard import ThreadGuard, thread_guard

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[ThreadGuard]:
    with thread_guard() as guard:
        yield guard
    assert not guard.violations, "\n".join(guard.violations)


@pytest.fixture
def desk_store(fresh_postgres: str) -> Iterator[Store]:  # noqa: F811
    s = open_store(fresh_postgres)
    yield s
    s.close()


def _sent_photo(store: Store, tmp_path: Path, name: str, size: tuple[int, int]) -> int:
    """A photo as a send to the desk leaves it: the original in the store, no thumbnail."""
    data = jpeg_bytes(size, color=(30, 120, 200))
    file = tmp_path / name
    file.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    put_blob(store.engine, file, sha, len(data))
    file.unlink()  # nothing on this machine but the store
    (photo,) = PhotoRepository(store).add(
        [
            NewPhoto(
                path=blob_path(sha, name),
                content_hash=f"img-{sha[:20]}",
                metadata=PhotoMetadata(description="Ảnh gửi từ đơn vị"),
                width=size[0],
                height=size[1],
                format="JPEG",
            )
        ]
    )
    return photo.id


def test_a_sent_photo_gets_its_thumbnail_from_the_store_once(
    qtbot: Any, desk_store: Store, tmp_path: Path
) -> None:
    pid = _sent_photo(desk_store, tmp_path, "anh-don-vi.jpg", (1200, 800))
    repo = PhotoRepository(desk_store)
    reads: list[str] = []
    real = repo.write_original

    def counting(path: str, out: Path) -> None:
        reads.append(path)
        real(path, out)

    repo.write_original = counting  # type: ignore[method-assign]
    thumbs_dir = tmp_path / "thumbs"
    runner = TaskRunner()  # the real pools: the thumbnail is made off the GUI thread
    desk = PhotoDeskController(repo, runner, thumbs_dir, Translator("en"))
    qtbot.addWidget(desk.view)
    desk.view.show()
    model = desk.model
    assert model.rowCount() == 1
    icon_of = lambda: model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)  # noqa: E731
    icon_of()  # the view asks; the thumbnail is made on the io lane
    qtbot.waitUntil(lambda: desk.thumbs.pixmap(repo.get(pid)) is not None, timeout=WAIT_MS)
    pixmap = desk.thumbs.pixmap(repo.get(pid))
    assert pixmap is not None and max(pixmap.width(), pixmap.height()) == 160
    assert pixmap.width() > pixmap.height()  # the photo's shape, not a blank square
    made = thumbnail_path(thumbs_dir, repo.get(pid).content_hash)
    assert made.is_file()
    assert not [p for p in thumbs_dir.iterdir() if p.name.startswith(".original-")]
    assert len(reads) == 1

    # another session (a new cache): the file made before is read, the store is not
    again = ThumbnailCache(runner, None, (repo.write_original, thumbs_dir))
    assert again.pixmap(repo.get(pid)) is None
    qtbot.waitUntil(lambda: again.pixmap(repo.get(pid)) is not None, timeout=WAIT_MS)
    assert len(reads) == 1
    runner.shutdown()
