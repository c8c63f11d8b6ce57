from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from qk3editor.core.articles import ArticleFields
from qk3editor.core.i18n import Translator
from qk3editor.core.photos import find_photo_placements
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import read_metadata
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.photos_repository import PhotoQuery, PhotoRepository
from qk3editor.ui.photos.article_photos import ArticlePhotosDialog
from qk3editor.ui.photos.caption_panel import CaptionPanel
from qk3editor.ui.photos.controller import PhotoDeskController
from qk3editor.ui.photos.picker import PhotoPicker
from qk3editor.ui.tasks import InlineTaskRunner
from tests.photos.photo_factory import jpeg_bytes

THAI = "Thiếu tướng Nguyễn Thanh Hải, Phó Chính ủy Quân khu"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield s
    s.close()


@pytest.fixture
def desk(qtbot, store, tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = InlineTaskRunner()
    c = PhotoDeskController(PhotoRepository(store), runner, tmp_path / "thumbs", Translator("en"))
    c.workers = 1
    qtbot.addWidget(c.view)
    yield c
    runner.shutdown()  # the runner owns the desk's pools (caption writes): their threads end


def shoot(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"IMG_{i:03d}.jpg"
        p.write_bytes(
            jpeg_bytes(
                color=(i * 20 % 255, 80, 80),
                exif_thumb=i % 2 == 0,
                gps=i == 0,
                date_taken=f"2026:11:{20 - i:02d} 08:00:00",
            )
        )
        paths.append(p)
    return paths


def test_ingest_shows_progress_placeholders_and_report(qtbot, desk, tmp_path: Path) -> None:
    shoot(tmp_path / "card", 4)
    (tmp_path / "card" / "bad.jpg").write_text("không phải ảnh")
    with qtbot.waitSignal(desk.imported) as blocker:
        desk.import_paths([tmp_path / "card"])
    result = blocker.args[0]
    assert result.report.count("imported") == 4 and result.report.count("error") == 1
    assert desk.model.rowCount() == 4
    incoming = desk.view.incoming_model
    assert incoming.rowCount() == 5
    assert all(incoming.index(r).data(Qt.ItemDataRole.DecorationRole) is not None for r in range(4))
    assert desk.view.progress.value() == 5
    report = desk.view.findChild(object, "ingestReport")
    assert report is not None and report.table.rowCount() == 1


def test_drop_a_folder_on_the_desk_imports_it(qtbot, desk, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    shoot(tmp_path / "card", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "card"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(desk.imported):
        desk.view.dropEvent(event)
    assert desk.model.rowCount() == 2


def test_model_filter_sort_and_status(qtbot, desk, tmp_path: Path) -> None:
    with qtbot.waitSignal(desk.imported):
        desk.import_paths(shoot(tmp_path / "card", 5))
    QAbstractItemModelTester(desk.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # oldest first: IMG_004 was taken on the 16th
    assert desk.model.index(0, 0).data() == "IMG_004.jpg"
    desk.view.order.setCurrentIndex(1)
    assert desk.model.index(0, 0).data() == "IMG_000.jpg"
    desk.view.status.setCurrentIndex(3)  # GPS present
    assert desk.model.rowCount() == 1
    assert "location present" in desk.model.index(0, 5).data()
    desk.view.status.setCurrentIndex(0)
    desk.view.filter.setText("img_003")
    desk.apply_query()
    assert desk.model.rowCount() == 1


def test_batch_caption_from_the_panel(qtbot, desk, tmp_path: Path) -> None:
    paths = shoot(tmp_path / "card", 3)
    with qtbot.waitSignal(desk.imported):
        desk.import_paths(paths)
    view = desk.view
    view.captions.codes = {"thai": THAI}
    sel = view.grid.selectionModel()
    for row in (0, 1):
        sel.select(desk.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    assert view.captions.apply_button.isEnabled()
    caption = view.captions.fields["description"]
    caption.setFocus()
    qtbot.keyClicks(caption, "=thai=")  # QTest types ASCII only; the code expands at its "="
    assert caption.toPlainText() == THAI
    caption.insertPlainText(" tại {filename}")
    assert caption.toPlainText() == f"{THAI} tại {{filename}}"
    qtbot.keyClicks(view.captions.fields["credit"], "QK3")
    with qtbot.waitSignal(desk.captioned) as blocker:
        view.captions.apply_button.click()
    assert all(line.ok for line in blocker.args[0])
    for row in (0, 1):
        photo = desk.model.photo(row)
        assert photo is not None
        md = read_metadata(Path(photo.path)).metadata
        assert md.description == f"{THAI} tại {Path(photo.path).name}"
        assert desk.model.index(row, 4).data() == "QK3"
    untouched = desk.model.photo(2)
    assert untouched is not None and untouched.metadata.credit == ""


def test_undo_is_per_field_edit(qtbot) -> None:
    panel = CaptionPanel()
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.fields["headline"], "Tieu de")
    qtbot.keyClicks(panel.fields["credit"], "QK3")
    assert panel.undo_stack.count() == 2  # consecutive keystrokes of one field merge
    panel.undo_stack.undo()
    assert panel.field_text("credit") == "" and panel.field_text("headline") == "Tieu de"
    panel.undo_stack.undo()
    assert panel.field_text("headline") == ""
    panel.undo_stack.redo()
    assert panel.field_text("headline") == "Tieu de"


def test_caption_panel_shows_vietnamese_checks(qtbot) -> None:
    panel = CaptionPanel()
    qtbot.addWidget(panel)
    caption = panel.fields["description"]
    caption.setPlainText("Sư kiện khai mạc")  # a confusion the toolkit knows: sự kiện
    assert panel.findings.text()
    caption.setPlainText("Sự kiện khai mạc")
    assert panel.findings.text() == ""


def test_unknown_template_variable_is_reported(qtbot) -> None:
    panel = CaptionPanel()
    qtbot.addWidget(panel)
    panel.set_field_text("description", "{nowhere}")
    with qtbot.waitSignal(panel.error) as blocker:
        panel.apply_button.setEnabled(True)
        panel.apply_button.click()
    assert "nowhere" in blocker.args[0]


def test_picker_snippets_and_article_photos(qtbot, store, tmp_path: Path) -> None:
    repo = PhotoRepository(store)
    from qk3editor.photos.desk import import_photos

    import_photos(
        repo,
        shoot(tmp_path / "card", 3),
        IngestOptions(thumbnails_dir=tmp_path / "t", workers=1),
    )
    ids = repo.list_ids(PhotoQuery())
    text = PhotoPicker.snippets(repo, ids[:2])
    assert [r.photo_id for r in find_photo_placements(text)] == [str(i) for i in ids[:2]]

    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    repo.attach(article.id, ids)
    desk = PhotoDeskController(repo, InlineTaskRunner(), tmp_path / "t", Translator("en"))
    qtbot.addWidget(desk.view)
    dialog = ArticlePhotosDialog(repo, desk.thumbs, article.id, desk.ops)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentIndex(dialog.model.index(2))
    dialog.up.click()
    assert [a.photo.id for a in repo.article_photos(article.id)] == [ids[0], ids[2], ids[1]]
    dialog.featured.click()
    assert [a.photo.id for a in repo.article_photos(article.id) if a.featured] == [ids[2]]
    dialog.caption.setPlainText("Chú thích của bài")
    dialog.save_caption.click()
    placed = {a.photo.id: a for a in repo.article_photos(article.id)}
    assert placed[ids[2]].caption == "Chú thích của bài"

    picker = PhotoPicker(repo, desk.thumbs)
    qtbot.addWidget(picker)
    picker.grid.selectionModel().select(
        picker.model.index(0, 0), QItemSelectionModel.SelectionFlag.Select
    )
    assert len(picker.selected_ids()) == 1


def test_keyboard_moves_through_the_shoot(qtbot, desk, tmp_path: Path) -> None:
    with qtbot.waitSignal(desk.imported):
        desk.import_paths(shoot(tmp_path / "card", 3))
    grid = desk.view.grid
    grid.setCurrentIndex(desk.model.index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert grid.currentIndex().row() == 2
    assert "IMG_000.jpg" in desk.view.preview_info.text()
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert grid.currentIndex().row() == 0


def test_ingest_on_the_real_task_runner(qtbot, store, tmp_path: Path) -> None:
    from qk3editor.ui.tasks import TaskRunner

    runner = TaskRunner()
    c = PhotoDeskController(PhotoRepository(store), runner, tmp_path / "t", Translator("en"))
    qtbot.addWidget(c.view)
    c.workers = 2  # the warm process pool the desk keeps
    c.warm_pool()
    try:
        with qtbot.waitSignal(c.imported, timeout=60_000) as blocker:
            c.import_paths(shoot(tmp_path / "card", 5))
        assert blocker.args[0].report.count("imported") == 5
        assert c.view.incoming_model.rowCount() == 5 and c.model.rowCount() == 5
        assert c.view.progress.value() == 5
    finally:
        runner.wait()
        runner.shutdown()  # the runner owns the desk's process pool


def test_incoming_and_article_models_pass_the_model_tester(qtbot, store, tmp_path: Path) -> None:
    from qk3editor.photos.ingest import IngestItem
    from qk3editor.ui.photos.article_photos import ArticlePhotosModel
    from qk3editor.ui.photos.incoming import IncomingModel

    incoming = IncomingModel()
    QAbstractItemModelTester(incoming, QAbstractItemModelTester.FailureReportingMode.Fatal)
    incoming.add_placeholder("/a.jpg", jpeg_bytes(size=(64, 48)))
    incoming.finish(IngestItem(path="/b.jpg", status="error", message="hỏng"), None)
    assert incoming.rowCount() == 2
    assert incoming.index(1).data(Qt.ItemDataRole.ToolTipRole) == "hỏng"
    incoming.clear()
    assert incoming.rowCount() == 0

    repo = PhotoRepository(store)
    from qk3editor.photos.desk import import_photos

    import_photos(repo, shoot(tmp_path / "c", 2), IngestOptions(tmp_path / "t", workers=1))
    article = ArticleRepository(store).create(ArticleFields(title="Bài"))
    placed = repo.attach(article.id, repo.list_ids(PhotoQuery()))
    desk = PhotoDeskController(repo, InlineTaskRunner(), tmp_path / "t", Translator("en"))
    qtbot.addWidget(desk.view)
    model = ArticlePhotosModel(desk.thumbs)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_items(placed)
    assert model.rowCount() == 2 and model.index(0).data().startswith("★ ")
    with qtbot.waitSignal(model.dataChanged) as changed:  # a thumbnail arrived: repaint
        desk.thumbs.loaded.emit(placed[1].photo.id)
    assert changed.args[0].row() == 1


def test_template_codes_export_and_location_choice(qtbot, desk, tmp_path: Path) -> None:
    from qk3editor.photos.metadata import read_metadata as read

    with qtbot.waitSignal(desk.imported):
        desk.import_paths(shoot(tmp_path / "card", 2))
    view = desk.view
    codes = tmp_path / "codes.tsv"
    codes.write_text(f"thai\t{THAI}\n", encoding="utf-8")
    with qtbot.waitSignal(desk.codes_file_chosen) as chosen:
        desk.load_codes(codes)
    assert chosen.args == [str(codes)] and view.captions.codes == {"thai": THAI}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- not a mapping\n", encoding="utf-8")
    with qtbot.waitSignal(desk.error):
        desk.load_template(bad)
    grid_sel = view.grid.selectionModel()  # select first: a new selection shows its values
    for row in (0, 1):
        grid_sel.select(desk.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    template = tmp_path / "t.yaml"
    template.write_text(
        "description: '=thai= – {filename}'\ncredit: QK3\nkeywords: [diễn tập]\n"
        "instructions: Không dùng cho quảng cáo\n",
        "utf-8",
    )
    desk.load_template(template)
    assert view.captions.field_text("credit") == "QK3"
    assert view.captions.keywords.text() == "diễn tập"
    view.captions.undo_stack.undo()  # the template's last field change is one step
    assert view.captions.field_text("credit") == ""
    view.captions.undo_stack.redo()

    desk.apply_caption(view.captions.batch_edit())
    photos = desk.selected_photos()
    assert {read(Path(p.path)).metadata.instructions for p in photos} == {
        "Không dùng cho quảng cáo"
    }  # a template field the panel shows no box for still applies
    assert {read(Path(p.path)).metadata.description for p in photos} == {
        f"{THAI} – {Path(p.path).name}" for p in photos
    }

    desk.who = "Trưởng ban biên tập"
    assert not view.location_button.isEnabled()  # the default policy offers no choice
    desk.set_location_policy("per_photo")
    assert view.location_button.isEnabled()
    with qtbot.waitSignal(desk.location_changed):
        desk.set_keep_location([photos[0].id], True)
    kept = desk.repo.get(photos[0].id)
    assert kept.keep_location and kept.keep_location_by == "Trưởng ban biên tập"
    assert kept.keep_location_at is not None

    from qk3editor.photos.renditions import RenditionSpec

    desk.specs = [RenditionSpec("web", 120, 80)]
    with qtbot.waitSignal(desk.exported) as exported:
        desk.export_to(tmp_path / "web")
    renditions = exported.args[0]
    assert len(renditions) == 2
    by_id = {r.path.name: r for r in renditions}
    gps_photo = next(p for p in photos if p.gps)
    r = by_id[f"photo-{gps_photo.id}-web.jpg"]
    assert read(r.path).gps == (gps_photo.id == kept.id)  # only a kept location survives


def test_grid_tiles_are_full_size_and_show_thumbnails(qtbot, desk, tmp_path: Path) -> None:
    with qtbot.waitSignal(desk.imported):
        desk.import_paths(shoot(tmp_path / "card", 2))
    desk.view.resize(1000, 700)
    desk.view.show()
    qtbot.waitExposed(desk.view)
    rect = desk.view.grid.visualRect(desk.model.index(0, 0))
    assert rect.height() >= 150 and rect.width() >= 150  # not squashed to a line of text
    icon = desk.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()


def test_desk_model_reads_only_the_pages_shown(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: a 50k-photo archive opens on a count and the first page, not every id."""
    from qk3editor.core.photos import Photo, PhotoMetadata
    from qk3editor.storage.photos_repository import NewPhoto
    from qk3editor.ui.photos import model as desk_model
    from qk3editor.ui.photos.model import CHUNK, PhotoTableModel, ThumbnailCache

    monkeypatch.setattr(desk_model, "MAX_PAGES", 2)
    repo = PhotoRepository(store)
    n = CHUNK * 3 + 5
    repo.add(
        NewPhoto(
            f"/card/DSC_{i:04d}.JPG",
            f"{i:064x}",
            PhotoMetadata(headline=f"Ảnh {i}"),
            date_taken=f"2026-11-01T{i // 60 % 24:02d}:{i % 60:02d}:00",
        )
        for i in range(n)
    )
    offsets: list[int] = []
    page = repo.page

    def counted(query: PhotoQuery, offset: int, limit: int) -> list[Photo]:
        offsets.append(offset)
        return page(query, offset, limit)

    monkeypatch.setattr(repo, "page", counted)
    model = PhotoTableModel(repo, ThumbnailCache(InlineTaskRunner()))
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.refresh()  # the count and the first page, together
    offsets.clear()
    assert model.rowCount() == n
    assert model.index(n - 1, 0).data() == f"DSC_{n - 1:04d}.JPG"
    assert model.index(0, 2).data() == "Ảnh 0"
    assert offsets == [CHUNK * 3]  # two windows (the first read with the count), not the list
    model.index(CHUNK, 0).data()  # a third page: the least recently read one is dropped
    assert model.row_of(model.photo_id(0) or -1) == 0
    assert model.row_of(model.photo_id(CHUNK) or -1) == CHUNK
    assert offsets == [CHUNK * 3, CHUNK]
    model.index(n - 1, 0).data()  # dropped: read again
    assert offsets[-1] == CHUNK * 3
    last_ten = f"dsc_{(n - 1) // 10:03d}"  # DSC_..00 to DSC_..04
    model.set_query(PhotoQuery(text=last_ten))
    assert model.ids() == repo.list_ids(PhotoQuery(text=last_ten))
    assert model.rowCount() == 5
