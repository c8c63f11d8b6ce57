"""At start the GUI reconciles photos with the store in the background (issue 12)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from qk3editor.context import AppContext
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import read_metadata, write_metadata
from qk3editor.storage.photos_repository import PhotoRepository
from tests.photos.photo_factory import jpeg_bytes
from tests.ui.test_app import close_gui, open_gui


def test_start_reads_back_newer_captions_and_removes_stray_temps(
    qtbot,
    home: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    photo = tmp_path / "card" / "anh.jpg"
    photo.parent.mkdir()
    photo.write_bytes(jpeg_bytes(xmp={"Xmp.dc.description": {'lang="x-default"': "Cũ"}}))
    ctx = AppContext.open()
    repo = PhotoRepository(ctx.store)
    (stored,) = import_photos(
        repo, [photo], IngestOptions(thumbnails_dir=tmp_path / "thumbs")
    ).photos
    ctx.close()
    time.sleep(0.05)
    # a caption batch that died after the file was replaced, before the store heard of it
    write_metadata(
        photo, replace(read_metadata(photo).metadata, description="Mới"), ["description"]
    )
    stray = photo.parent / ".anh.jpg.abc123.qk3tmp"
    stray.write_bytes(b"half")
    gui, trs = open_gui(qtbot, language="en")
    try:
        gui.runner.wait()
        assert PhotoRepository(gui.ctx.store).get(stored.id).metadata.description == "Mới"
        assert not stray.exists()
        assert "1 captions read back" in gui.window.statusBar().currentMessage()
    finally:
        close_gui(gui, trs)
