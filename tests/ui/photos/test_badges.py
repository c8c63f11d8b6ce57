"""Every state badge of the photo desk (issue 11, deliverable 4), on real files: no caption,
location present, location kept by choice, not yet written to the file, caption kept only in
the store (HEIC); each shown on its tile and in the table's status column, and named in the
legend, in Vietnamese."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from qk3editor.core.i18n import Translator
from qk3editor.paths import resources_dir
from qk3editor.photos import desk as desk_ops
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import caption_photos, import_photos
from qk3editor.photos.errors import DiskFull
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.photos.controller import PhotoDeskController
from qk3editor.ui.photos.model import BADGES_ROLE
from qk3editor.ui.tasks import InlineTaskRunner
from tests.photos.photo_factory import jpeg_bytes
from tests.photos.test_heic import heic_bytes

SHOWN = {
    "no_caption": "chưa có chú thích",
    "gps": "có vị trí chụp",
    "location_kept": "giữ vị trí theo lựa chọn",
    "file_pending": "chưa ghi vào tệp",
    "store_only": "chú thích chỉ lưu trong kho (HEIC)",
}


def test_every_badge_on_its_photo_and_in_the_legend(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(
        QCoreApplication.instance(), "vi", resources_dir() / "translations"
    )
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        repo = PhotoRepository(store)
        card = tmp_path / "card"
        card.mkdir()
        (card / "a_plain.jpg").write_bytes(jpeg_bytes(color=(10, 10, 10)))
        (card / "b_gps.jpg").write_bytes(jpeg_bytes(color=(50, 10, 10), gps=True))
        (card / "c_kept.jpg").write_bytes(jpeg_bytes(color=(90, 10, 10), gps=True))
        (card / "d_pending.jpg").write_bytes(jpeg_bytes(color=(130, 10, 10)))
        (card / "e_phone.heic").write_bytes(heic_bytes(gps=False))
        photos = import_photos(repo, [card], IngestOptions(tmp_path / "t", workers=1)).photos
        by = {Path(p.path).name.split("_")[0]: p.id for p in photos}
        repo.set_keep_location(by["c"], True, "Trưởng ban", datetime(2026, 12, 5, tzinfo=UTC))

        def full(path: Path, *_a: object, **_k: object) -> None:
            raise DiskFull(path=str(path))  # a full disk: a fault the test machine lacks

        with monkeypatch.context() as m:
            m.setattr(desk_ops, "write_metadata", full)
            caption_photos(repo, [by["d"]], BatchEdit(values={"description": "Chờ ghi"}))
        caption_photos(repo, [by["e"]], BatchEdit(values={"description": "Điện thoại"}))

        desk = PhotoDeskController(repo, InlineTaskRunner(), tmp_path / "th", Translator("vi"))
        qtbot.addWidget(desk.view)
        model = desk.model
        rows = {Path(model.photo(r).path).name.split("_")[0]: r for r in range(model.rowCount())}
        status = model.COLUMNS.index("status")

        def badges(key: str) -> set[str]:
            return set(model.index(rows[key], 0).data(BADGES_ROLE))

        def status_text(key: str) -> str:
            return str(model.index(rows[key], status).data())

        assert badges("a") >= {"no_caption"} and "gps" not in badges("a")
        assert {"gps"} <= badges("b") and "location_kept" not in badges("b")
        assert {"gps", "location_kept"} <= badges("c")
        assert "file_pending" in badges("d") and "no_caption" not in badges("d")
        assert "store_only" in badges("e") and "file_pending" not in badges("e")
        for key, code in [("a", "no_caption"), ("b", "gps"), ("c", "location_kept")]:
            assert SHOWN[code] in status_text(key), status_text(key)
        assert SHOWN["file_pending"] in status_text("d")
        assert SHOWN["store_only"] in status_text("e")
        legend = desk.view.legend.text()
        for name in SHOWN.values():
            assert name in legend, (name, legend)
    finally:
        store.close()
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_selected_photo_shows_its_creator_and_a_vietnamese_date(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Creator field shows the photo's by-line; the preview line its date as dd/mm/yyyy
    HH:MM (was ISO, "2018-10-11 08:30:00")."""
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        repo = PhotoRepository(store)
        card = tmp_path / "card"
        card.mkdir()
        (card / "a.jpg").write_bytes(jpeg_bytes(date_taken="2018:10:11 08:30:00"))
        (card / "b.jpg").write_bytes(jpeg_bytes(color=(9, 9, 9)))
        ids = [p.id for p in import_photos(repo, [card], IngestOptions(tmp_path / "t")).photos]
        caption_photos(repo, ids[:1], BatchEdit(values={}, creator=("Đức Việt",)))
        desk = PhotoDeskController(repo, InlineTaskRunner(), tmp_path / "th", Translator("vi"))
        qtbot.addWidget(desk.view)
        model = desk.model
        rows = {p.id: r for r in range(model.rowCount()) if (p := model.photo(r)) is not None}
        desk.view.grid.setCurrentIndex(model.index(rows[ids[0]], 0))
        assert desk.view.captions.creator.text() == "Đức Việt"
        assert "11/10/2018 08:30" in desk.view.preview_info.text()
        desk.view.grid.setCurrentIndex(model.index(rows[ids[1]], 0))
        assert desk.view.captions.creator.text() == ""
    finally:
        store.close()
