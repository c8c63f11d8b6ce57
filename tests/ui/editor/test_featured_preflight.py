"""Preflight reads the featured photo from the photo desk (article_photos.featured)."""

from __future__ import annotations

from pathlib import Path

from qk3editor.core.articles import ArticleFields
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.photos_repository import PhotoRepository
from tests.photos.photo_factory import jpeg_bytes
from tests.ui.test_app import close_gui, open_gui


def _codes(editor) -> list[str]:  # type: ignore[no-untyped-def]
    model = editor.workspace.preflight.model
    return [model.finding(i).code for i in range(model.rowCount())]


def test_no_featured_photo_warns_only_without_one(qtbot, home: Path, tmp_path: Path) -> None:
    gui, trs = open_gui(qtbot)
    try:
        card = tmp_path / "card"
        card.mkdir()
        for i in range(2):
            (card / f"p{i}.jpg").write_bytes(jpeg_bytes(size=(320, 240), color=(i * 90, 20, 20)))
        repo = PhotoRepository(gui.ctx.store)
        result = import_photos(repo, [card], IngestOptions(tmp_path / "thumbs", workers=1))
        ids = [p.id for p in result.photos]
        article = gui.ctx.articles.create(ArticleFields(title="Bài", lead="Sapo.", body="Thân."))
        gui.editor.open(article.id)
        gui.editor.run_preflight()
        assert "no_featured_photo" in _codes(gui.editor)

        photos_changed = [("article_photos", [article.id])]
        # the first photo becomes the featured one, through the app's one operation path
        gui.ops.run(lambda: repo.attach(article.id, ids), photos_changed)
        # the change bus re-runs the preflight by itself
        qtbot.waitUntil(lambda: "no_featured_photo" not in _codes(gui.editor), timeout=5_000)
        repo.set_featured(article.id, ids[1])
        gui.editor.run_preflight()
        assert "no_featured_photo" not in _codes(gui.editor)
        # the featured one goes: nothing is featured
        gui.ops.run(lambda: repo.detach(article.id, ids[1]), photos_changed)
        qtbot.waitUntil(lambda: "no_featured_photo" in _codes(gui.editor), timeout=5_000)
    finally:
        close_gui(gui, trs)
