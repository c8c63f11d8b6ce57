"""Issue 9's acceptance from the GUI: the fixture article with two captioned 3000×2000 photos
from the photo desk (the real renditions provider), previewed for the stock WordPress target,
sent as a draft by "Xem trên cổng" (nothing public), then published from the dialog; a real
Chromium at 1280 px reads the page as the preview showed it; the article is Đã đăng in the
library (column and "changed since publishing" filter)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from qk3editor.core.articles import ArticleFields
from qk3editor.core.render import portal_date
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.ui.library.controller import CHANGED
from qk3editor.ui.library.model import published_text
from tests.ui.test_app import close_gui, open_gui

from . import browser
from .helpers import make_jpeg
from .test_portal_pages import CAPTIONS, CREDIT, check_reader_page, fixture_fields


def test_gui_publish_to_stock_wordpress_reads_like_the_preview(
    qtbot, home, wordpress_stock, memkeyring, tmp_path: Path
):  # type: ignore[no-untyped-def]
    browser.require()
    wp = wordpress_stock
    gui, trs = open_gui(qtbot)
    try:
        card = tmp_path / "card"
        card.mkdir()
        for i in range(2):
            make_jpeg(card / f"hoi-nghi-{i}.jpg", (3000, 2000), seed=40 + i)
        photos = PhotoRepository(gui.ctx.store)
        imported = import_photos(photos, [card], IngestOptions(tmp_path / "thumbs", workers=1))
        ids = sorted(p.id for p in imported.photos)
        article = gui.ctx.articles.create(fixture_fields())
        photos.attach(article.id, ids)
        photos.set_featured(article.id, ids[0])
        for photo_id, caption in zip(ids, CAPTIONS, strict=True):
            photos.set_caption(article.id, photo_id, caption)
            stored = photos.get(photo_id)
            photos.update_metadata(photo_id, replace(stored.metadata, credit=CREDIT))
        svc = gui.ctx.publishing
        svc.add_target("wp", "wordpress", wp.url, wp.user, wp.app_password)
        gui.bus.announce("target", ())

        # the preview shows the stock WordPress page: lead, the featured photo first
        editor, pane = gui.editor, gui.editor.workspace.preview
        bar = editor.workspace.preview_target
        qtbot.waitUntil(lambda: bar.combo.currentData() == "wp", timeout=5_000)
        editor.open(article.id)
        editor.preview.render_now()
        qtbot.waitUntil(lambda: CAPTIONS[1] in pane.toPlainText(), timeout=10_000)
        shown = pane.toPlainText()
        assert shown.count(article.lead[:60]) == 1
        assert all(shown.count(c) == 1 for c in CAPTIONS)
        assert shown.index(CAPTIONS[0]) < shown.index(CAPTIONS[1])
        assert pane.toHtml().count("<img") == 2

        dialog = gui.publish.publish_article(gui.ctx.articles.get(article.id))
        assert dialog is not None and dialog.target.currentText() == "wp"
        # what will be sent: each photo with its thumbnail and caption, the date
        items = [dialog.photo_list.item(i) for i in range(dialog.photo_list.count())]
        assert [CAPTIONS[i] in items[i].text() for i in range(2)] == [True, True]
        assert all(not item.icon().isNull() for item in items)
        assert dialog.date_label.text().startswith(portal_date(dialog.shown_date()))
        assert not dialog.blocking

        # "Xem trên cổng": a WordPress draft and its own preview link; nothing public
        opened: list[str] = []
        gui.publish.open_url = opened.append
        dialog.preview_button.click()
        qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
        remote = svc.repo.remote(article.id, "wp")
        assert remote is not None and opened[0].endswith("preview=true")
        assert f"p={remote.remote_id}" in opened[0]
        with httpx.Client(auth=wp.auth, timeout=30) as http:
            post = http.get(wp.api(f"wp/v2/posts/{remote.remote_id}", context="edit")).json()
            assert post["status"] == "draft"
            assert httpx.get(post["link"], timeout=30).status_code == 404  # not public
        assert gui.ctx.articles.get(article.id).status.value != "published"

        dialog.start_button.click()
        qtbot.waitUntil(lambda: "Đã đăng" in dialog.result.text(), timeout=120_000)
        job = svc.repo.jobs()[-1]
        page = browser.read_page(job.link or "", tmp_path / "gui-wordpress.png")
        browser.keep(page.screenshot)
        check_reader_page(page, article.lead, article.byline)
        uploads = [i for i in page.images if "/wp-content/uploads/" in i["src"]]
        assert len(uploads) == 2  # each photo once: no caption-less banner (featured=figure)

        # Đã đăng locally, with its link, target and time; the library column and filter
        assert gui.ctx.articles.get(article.id).status.value == "published"
        (row,) = gui.ctx.articles.rows([article.id])
        assert published_text(row).startswith("wp · ")
        assert not row.changed_since_published
        gui.ctx.articles.update(article.id, ArticleFields(title="Tăng cường phối hợp (sửa)"))
        (row,) = gui.ctx.articles.rows([article.id])
        assert "đã sửa sau khi đăng" in published_text(row)
        library = gui.library
        status_filter = library.view.status_filter
        status_filter.setCurrentIndex(status_filter.findData(CHANGED))
        qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=5_000)
    finally:
        close_gui(gui, trs)


def test_cli_publish_to_stock_wordpress_reads_like_the_preview(
    home, wordpress_stock, memkeyring, tmp_path: Path
):  # type: ignore[no-untyped-def]
    """The same from `qk3editor publish`: the page read in Chromium, both media attached to
    the post and named from the slug, the article Đã đăng."""
    from qk3editor.cli import main
    from qk3editor.context import AppContext
    from qk3editor.publish import blocks

    browser.require()
    wp = wordpress_stock
    ctx = AppContext.open()
    try:
        card = tmp_path / "card"
        card.mkdir()
        for i in range(2):
            make_jpeg(card / f"hoi-nghi-{i}.jpg", (3000, 2000), seed=50 + i)
        photos = PhotoRepository(ctx.store)
        imported = import_photos(photos, [card], IngestOptions(tmp_path / "thumbs", workers=1))
        ids = sorted(p.id for p in imported.photos)
        article = ctx.articles.create(fixture_fields())
        photos.attach(article.id, ids)
        photos.set_featured(article.id, ids[0])
        for photo_id, caption in zip(ids, CAPTIONS, strict=True):
            photos.set_caption(article.id, photo_id, caption)
            stored = photos.get(photo_id)
            photos.update_metadata(photo_id, replace(stored.metadata, credit=CREDIT))
        ctx.publishing.add_target("wp", "wordpress", wp.url, wp.user, wp.app_password)
    finally:
        ctx.close()

    assert main(["publish", article.id, "--target", "wp"]) == 0
    ctx = AppContext.open()
    try:
        job = ctx.publishing.repo.jobs()[-1]
        remote = ctx.publishing.repo.remote(article.id, "wp")
        assert ctx.articles.get(article.id).status.value == "published"
    finally:
        ctx.close()
    page = browser.read_page(job.link or "", tmp_path / "cli-wordpress.png")
    browser.keep(page.screenshot)
    check_reader_page(page, article.lead, article.byline)
    assert len([i for i in page.images if "/wp-content/uploads/" in i["src"]]) == 2
    assert remote is not None
    with httpx.Client(auth=wp.auth, timeout=30) as http:
        post = http.get(wp.api(f"wp/v2/posts/{remote.remote_id}", context="edit")).json()
        attached = http.get(
            wp.api("wp/v2/media", parent=post["id"], context="edit", per_page=50)
        ).json()
    parsed = blocks.parse_blocks(post["content"]["raw"])
    assert "core/freeform" not in [b.name for b in parsed]
    image_ids = [b.attrs["id"] for b in blocks.walk(parsed) if b.name == "core/image"]
    assert sorted(image_ids) == sorted(m["id"] for m in attached) and len(image_ids) == 2
    for m in attached:
        assert m["media_details"]["file"].split("/")[-1].startswith("tang-cuong-phoi-hop")
        assert m["caption"]["raw"] and m["alt_text"] and m["title"]["raw"]
