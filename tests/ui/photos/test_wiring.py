"""The photo desk inside the whole window, in Vietnamese: menus, insert at the cursor."""

from __future__ import annotations

from pathlib import Path

from qk3editor.core.photos import find_photo_placements
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.ui.photos.picker import PhotoPicker
from tests.photos.photo_factory import jpeg_bytes
from tests.ui.test_app import close_gui, open_gui


def test_photo_menus_in_vietnamese_and_insert_at_cursor(qtbot, home: Path, monkeypatch, tmp_path):
    gui, translators = open_gui(qtbot, "vi")
    try:
        titles = [a.text() for a in gui.window.menuBar().actions()]
        assert "Ả&nh" in titles
        photos_menu = next(a.menu() for a in gui.window.menuBar().actions() if a.text() == "Ả&nh")
        texts = [a.text() for a in photos_menu.actions()]
        assert texts == ["&Bàn ảnh", "&Nhập ảnh..."]
        desk = gui.photo_desk
        desk.workers = 1
        photos_menu.actions()[0].trigger()
        assert desk.view.isVisible() and desk.view.windowTitle() == "Bàn ảnh"
        assert desk.view.captions.apply_button.text()  # translated labels are in place

        p = tmp_path / "a.jpg"
        p.write_bytes(jpeg_bytes())
        repo = PhotoRepository(gui.ctx.store)
        (photo,) = import_photos(repo, [p], IngestOptions(tmp_path / "t", workers=1)).photos
        gui.editor.new_article()
        body = gui.editor.view.body
        body.setPlainText("Đoạn một.\n\nĐoạn hai.")
        cursor = body.textCursor()
        cursor.setPosition(len("Đoạn một.\n\n"))
        body.setTextCursor(cursor)
        monkeypatch.setattr(PhotoPicker, "pick", classmethod(lambda cls, *a: [photo.id]))
        insert = next(a for a in gui.window.article_menu.actions() if a.text() == "Chèn ả&nh...")
        insert.trigger()
        text = body.toPlainText()
        assert text.startswith("Đoạn một.\n\n![](qk3photo:") and text.endswith("Đoạn hai.")
        assert [r.photo_id for r in find_photo_placements(text)] == [str(photo.id)]
        article_id = gui.editor.article_id
        assert article_id and [a.photo.id for a in repo.article_photos(article_id)] == [photo.id]
    finally:
        close_gui(gui, translators)
