"""Issue 10: the photo settings of Preferences change what the app does at once: the user's
photo credit (Me) and the location policy (Photos)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from qk3editor.core.publish_data import PublishPhoto
from qk3editor.photos.metadata import read_metadata, read_metadata_bytes
from tests.photos.photo_factory import jpeg_bytes
from tests.ui.test_app import close_gui, open_gui


def test_photo_credit_is_the_default_for_imported_and_captioned_photos(  # type: ignore[no-untyped-def]
    qtbot, home: Path, tmp_path: Path
) -> None:
    gui, trs = open_gui(qtbot)
    try:
        ctx, desk = gui.ctx, gui.photo_desk
        desk.workers = 1
        card = tmp_path / "card"
        card.mkdir()
        (card / "a.jpg").write_bytes(jpeg_bytes())
        with qtbot.waitSignal(desk.imported, timeout=10_000):
            desk.import_paths([card / "a.jpg"])
        gui.runner.wait()
        (first,) = ctx.photos.get_many(ctx.photos.list_ids())
        assert first.metadata.credit == ""  # no credit set: nothing added

        gui.window.preferences_action.trigger()
        dialog = gui.window.preferences_dialog
        qtbot.addWidget(dialog)
        me = dialog.show_page("me")
        me.credit.setText("Đức Việt")
        me.credit.editingFinished.emit()
        assert ctx.settings.photo_credit == "Đức Việt"
        assert desk.default_credit == "Đức Việt"  # no restart

        (card / "b.jpg").write_bytes(jpeg_bytes(color=(20, 200, 20)))
        with qtbot.waitSignal(desk.captioned, timeout=10_000):  # the credit written after import
            desk.import_paths([card / "b.jpg"])
        gui.runner.wait()
        second = next(p for p in ctx.photos.get_many(ctx.photos.list_ids()) if p.id != first.id)
        assert second.metadata.credit == "Đức Việt"
        assert read_metadata(card / "b.jpg").metadata.credit == "Đức Việt"

        # captioning the first photo gives it the credit too, and {credit} in a template
        from qk3editor.photos.captions import BatchEdit

        desk.model.refresh()
        row = next(r for r in range(desk.model.rowCount()) if desk.model.photo_id(r) == first.id)
        desk.view.grid.setCurrentIndex(desk.model.index(row, 0))
        assert desk.selected_ids() == [first.id]
        with qtbot.waitSignal(desk.captioned, timeout=10_000):
            desk.apply_caption(BatchEdit(values={"description": "Diễn tập. Ảnh: {credit}"}))
        gui.runner.wait()
        captioned = ctx.photos.get(first.id)
        assert captioned.metadata.credit == "Đức Việt"
        assert captioned.metadata.description == "Diễn tập. Ảnh: Đức Việt"
        assert read_metadata(Path(captioned.path)).metadata.credit == "Đức Việt"
    finally:
        gui.runner.wait()
        close_gui(gui, trs)


def test_location_policy_decides_what_web_copies_carry(qtbot, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui, trs = open_gui(qtbot)
    try:
        ctx, desk = gui.ctx, gui.photo_desk
        path = tmp_path / "gps.jpg"
        path.write_bytes(jpeg_bytes(gps=True))
        from qk3editor.photos.desk import import_photos
        from qk3editor.photos.ingest import IngestOptions

        (photo,) = import_photos(
            ctx.photos, [path], IngestOptions(tmp_path / "t", workers=1)
        ).photos
        ctx.photos.set_keep_location(
            photo.id, True, "Trưởng ban", datetime(2026, 12, 1, tzinfo=UTC)
        )
        web = PublishPhoto(key=str(photo.id), source=str(path), caption="Chú thích")

        def published_gps() -> bool:
            return read_metadata_bytes(ctx.renditions(web).data).gps

        assert ctx.settings.location_policy == "strip"  # the default
        assert not published_gps()  # a recorded choice does not count under "strip"
        assert not desk.view.location_button.isEnabled()  # and no choice is offered

        gui.window.preferences_action.trigger()
        dialog = gui.window.preferences_dialog
        qtbot.addWidget(dialog)
        page = dialog.show_page("photos")
        assert page.location.currentData() == "strip"
        page.location.setCurrentIndex(page.location.findData("per_photo"))
        assert ctx.settings.location_policy == "per_photo"
        assert desk.view.location_button.isEnabled()
        assert published_gps()  # the person's choice counts now
        ctx.photos.set_keep_location(photo.id, False, "Trưởng ban")
        assert not published_gps()  # and only while a person chose it

        ctx.photos.set_keep_location(photo.id, True, "Trưởng ban")
        page.location.setCurrentIndex(page.location.findData("strip"))
        assert not published_gps()
        assert not desk.view.location_button.isEnabled()
    finally:
        gui.runner.wait()
        close_gui(gui, trs)
