"""The editor's preview follows the portal profile of the target chosen above it (issue 9):
the lead printed or not, the featured photo as the first captioned figure and/or the theme's
caption-less banner; the publish dialog starts on the same target."""

from __future__ import annotations

from pathlib import Path

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import Target, TargetKind
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.photos_repository import PhotoRepository
from tests.photos.photo_factory import jpeg_bytes
from tests.ui.test_app import close_gui, open_gui

LEAD = "QK3 online - Sáng 10/11, hội nghị phối hợp công tác dân vận."
CAPTION = "Các đại biểu dự hội nghị"


def _target(name: str, lead: str, featured: str) -> Target:
    profile = {"profile": {"lead": lead, "featured": featured}}
    return Target(name, TargetKind.WORDPRESS, "https://qk3.example.vn", "bientap", profile)


def test_preview_follows_the_chosen_targets_profile(qtbot, home: Path, tmp_path: Path) -> None:
    gui, trs = open_gui(qtbot)
    try:
        card = tmp_path / "card"
        card.mkdir()
        (card / "p0.jpg").write_bytes(jpeg_bytes(size=(320, 240), color=(90, 20, 20)))
        repo = PhotoRepository(gui.ctx.store)
        (photo,) = import_photos(repo, [card], IngestOptions(tmp_path / "thumbs", workers=1)).photos
        fields = ArticleFields(title="Hội nghị", lead=LEAD, body="Thân bài.", category="Tin tức")
        article = gui.ctx.articles.create(fields)
        repo.attach(article.id, [photo.id])
        repo.set_featured(article.id, photo.id)
        repo.set_caption(article.id, photo.id, CAPTION)
        editor, pane = gui.editor, gui.editor.workspace.preview
        bar = editor.workspace.preview_target
        editor.open(article.id)
        editor.preview.render_now()
        qtbot.waitUntil(lambda: "Thân bài." in pane.toPlainText(), timeout=5_000)
        # no target yet: the chooser is hidden, the QK3 look (lead in bold, no photo added)
        assert bar.isHidden() and LEAD in pane.toPlainText()
        assert CAPTION not in pane.toPlainText()

        publishing = gui.ctx.publishing
        stock = _target("wp-mac-dinh", "both", "figure")
        theme = _target("wp-sapo-rieng", "excerpt", "image")
        gui.ops.run(
            lambda: [publishing.repo.add_target(t) for t in (stock, theme)],
            changes=[("target", ())],
        )
        qtbot.waitUntil(lambda: bar.combo.count() == 2, timeout=5_000)
        assert not bar.isHidden()

        def shows(lead: bool, caption: bool, images: int) -> bool:
            text, page = pane.toPlainText(), pane.toHtml()
            return (
                (LEAD in text) == lead
                and (CAPTION in text) == caption
                and page.count("<img") == images
            )

        bar.combo.setCurrentIndex(bar.combo.findData("wp-mac-dinh"))
        # figure: the lead as the bold first paragraph, the photo once, with its caption
        qtbot.waitUntil(lambda: shows(True, True, 1), timeout=5_000)
        bar.combo.setCurrentIndex(bar.combo.findData("wp-sapo-rieng"))
        # excerpt + image: the stock theme prints neither the lead nor the caption, only
        # the featured image as its banner
        qtbot.waitUntil(lambda: shows(False, False, 1), timeout=5_000)

        # the publish dialog starts on the target the preview shows, and leads it
        dialog = gui.publish.publish_article(gui.ctx.articles.get(article.id))
        assert dialog is not None and dialog.target.currentText() == "wp-sapo-rieng"
        dialog.target.setCurrentText("wp-mac-dinh")
        assert bar.combo.currentData() == "wp-mac-dinh"
        qtbot.waitUntil(lambda: shows(True, True, 1), timeout=5_000)
        dialog.close()
    finally:
        close_gui(gui, trs)
