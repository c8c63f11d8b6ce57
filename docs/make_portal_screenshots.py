#!/usr/bin/env python3
"""The user guide's pictures of issue 9: the fixture article as the preview shows it and as a
reader sees it on a real WordPress 6.1 with its stock theme (Twenty Twenty-Three) and on the
reference portal, side by side.

    .venv/bin/python docs/make_portal_screenshots.py [--out docs/img]

Starts a private WordPress (tools/wordpress_env.py, --theme stock) and the reference portal on
127.0.0.1, publishes the fixture article (tests/data/qk3-article-2018-10-21.txt) with two
captioned 3000×2000 photos through the real outbox, opens each page in headless Chromium at
1280 px and grabs the app's preview pane (offscreen Qt) for the same article with each target
chosen above it (its portal profile). Writes ``preview.png``, ``wordpress.png``,
``preview-vs-wordpress.png``, ``reference-portal.png`` and ``preview-vs-reference-portal.png``
(docs/img), and the user guide's copy ``docs/huong-dan/img/xem-truoc-va-cong.png``.
Needs: chromium, chromium-driver, selenium, the WordPress packages (tools/WORDPRESS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SE_OFFLINE", "true")

CAPTIONS = (
    "Thiếu tướng Nguyễn Thanh Hải, Phó Chính uỷ Quân khu trao đổi với các đại biểu",
    "Cục Chính trị Quân khu và Ban Dân vận 9 tỉnh, thành ủy ký Quy chế phối hợp",
)
CREDIT = "Hữu Đức"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def article_fields(photo_keys: list[str]):  # type: ignore[no-untyped-def]
    """The fixture article; the second photo placed before the last paragraph. The first one
    is the featured photo, not placed: the target's portal profile decides where it shows
    (WordPress' default ``featured=figure``: the content's first captioned figure)."""
    from tests.core.editor_fixture import fixture_article

    from qk3editor.core.articles import ArticleFields
    from qk3editor.core.photos import photo_snippet

    src = fixture_article()
    paras = [p for p in src.body.split("\n\n") if p.strip() and "qk3photo:" not in p]
    second = photo_snippet(photo_keys[1], CAPTIONS[1], CREDIT)
    body = "\n\n".join([*paras[:-1], second, paras[-1]]) + "\n"
    return ArticleFields(
        title=src.title, lead=src.lead.strip(), body=body, category=src.category, byline=src.byline
    )


def make_photos(folder: Path):  # type: ignore[no-untyped-def]
    from tests.publish.helpers import make_jpeg

    from qk3editor.core.publish_data import PublishPhoto

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, caption in enumerate(CAPTIONS):
        path = make_jpeg(folder / f"hoi-nghi-{i + 1}.jpg", (3000, 2000), seed=40 + i)
        out.append(
            PublishPhoto(
                key=f"photo{i + 1}",
                source=str(path),
                caption=caption,
                alt=caption,
                credit=CREDIT,
                featured=(i == 0),
            )
        )
    return out


def grab_preview(article, photos, target, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The app's own preview pane (QTextBrowser, offscreen, the whole page) as the editor
    shows it with ``target`` chosen above it: the same segments and page plan
    (``page_segments`` with ``publish.content.page_plan`` of the target's portal profile)."""
    from PySide6.QtWidgets import QApplication

    from qk3editor.core.articles import utcnow
    from qk3editor.core.publish_data import PublishStatus, publication_date
    from qk3editor.core.render import PhotoRef, RenderInput
    from qk3editor.publish.content import page_plan
    from qk3editor.ui.editor.preview import PreviewPane
    from qk3editor.ui.editor.preview_doc import SegmentedDocument, page_segments

    app = QApplication.instance() or QApplication([])
    by_key = {p.key: p for p in photos}

    def resolve(photo_id: str) -> PhotoRef | None:
        p = by_key.get(photo_id)
        return None if p is None else PhotoRef(Path(p.source).as_uri(), width=560)

    source = RenderInput(
        article.title,
        article.lead,
        article.body,
        article.category,
        article.byline,
        publication_date(PublishStatus.PUBLISH, None, None, utcnow()),
        page_plan(article.body, photos, target.kind, target.profile),
    )
    segments, _lines = page_segments(source, resolve)
    doc = SegmentedDocument()
    doc.build(segments)
    pane = PreviewPane()
    pane.resize(820, 900)
    pane.setDocument(doc.document)
    pane.show()
    app.processEvents()
    height = int(pane.document().size().height()) + 40
    pane.resize(820, min(height, 6000))
    app.processEvents()
    pane.grab().save(str(out))
    pane.close()


def side_by_side(left: Path, right: Path, out: Path) -> None:
    from PIL import Image

    a, b = Image.open(left), Image.open(right)
    height = 1800
    a = a.resize((int(a.width * height / max(a.height, height)), min(a.height, height)))
    b = b.crop((0, 0, b.width, min(b.height, int(height * b.width / 1280))))
    b = b.resize((int(b.width * a.height / b.height), a.height))
    canvas = Image.new("RGB", (a.width + b.width + 30, a.height), "white")
    canvas.paste(a, (0, 0))
    canvas.paste(b, (a.width + 30, 0))
    canvas.save(out, optimize=True)


def guide_copy(source: Path, out: Path) -> None:
    """A smaller copy for the user guide (1200 px wide)."""
    from PIL import Image

    image = Image.open(source).convert("RGB")
    width = 1200
    image = image.resize((width, int(image.height * width / image.width)), Image.LANCZOS)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out, optimize=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--guide", type=Path, default=ROOT / "docs" / "huong-dan" / "img")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="qk3-shots-"))
    os.environ["QK3EDITOR_HOME"] = str(work / "home")
    tool = ROOT / "tools" / "wordpress_env.py"
    wp_dir = work / "wordpress"
    started = subprocess.run(
        [sys.executable, str(tool), "start", "--dir", str(wp_dir), "--port", str(free_port()),
         "--theme", "stock"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    wp = json.loads(started.stdout.strip().splitlines()[-1])
    try:
        import keyring
        from tests.publish.browser import read_page
        from tests.publish.helpers import MemoryKeyring

        from qk3editor.core.publish_data import JobState, Target, TargetKind
        from qk3editor.publish.outbox import Outbox
        from qk3editor.publish.portal import PortalServer, PortalStore
        from qk3editor.publish.renditions import PillowRenditions
        from qk3editor.publish.secrets import SecretStore
        from qk3editor.storage.articles_repository import ArticleRepository
        from qk3editor.storage.db import open_store
        from qk3editor.storage.publish_repository import PublishRepository

        keyring.set_keyring(MemoryKeyring())
        store = open_store("sqlite:///" + str(work / "store.sqlite3"))
        repo = PublishRepository(store)
        outbox = Outbox(repo, SecretStore(), PillowRenditions(max_side=1600))
        photos = make_photos(work / "photos")
        article = ArticleRepository(store).create(article_fields([p.key for p in photos]))

        wp_target = Target("wp", TargetKind.WORDPRESS, wp["url"], wp["user"], {})
        repo.add_target(wp_target)  # the default portal profile: lead=both, featured=figure
        SecretStore().set("wp", wp["user"], wp["app_password"])
        job = outbox.run_job(outbox.enqueue(article, photos, "wp").id)
        assert job.state is JobState.DONE, job.error_message
        read_page(job.link, args.out / "wordpress.png")

        portal = PortalServer(0, PortalStore(work / "portal"), {"editor": "s3cret-key-0123"})
        portal.start_background()
        try:
            url = f"http://127.0.0.1:{portal.port}"
            portal_target = Target("cong", TargetKind.NINJS, url, "editor", {})
            repo.add_target(portal_target)
            SecretStore().set("cong", "editor", "s3cret-key-0123")
            job = outbox.run_job(outbox.enqueue(article, photos, "cong").id)
            assert job.state is JobState.DONE, job.error_message
            read_page(job.link, args.out / "reference-portal.png")
        finally:
            portal.shutdown()
            portal.server_close()

        grab_preview(article, photos, wp_target, args.out / "preview.png")
        side_by_side(
            args.out / "preview.png",
            args.out / "wordpress.png",
            args.out / "preview-vs-wordpress.png",
        )
        grab_preview(article, photos, portal_target, work / "preview-reference-portal.png")
        side_by_side(
            work / "preview-reference-portal.png",
            args.out / "reference-portal.png",
            args.out / "preview-vs-reference-portal.png",
        )
        # the user guide's copy (the guide folder is what the app bundle ships)
        guide_copy(args.out / "preview-vs-wordpress.png", args.guide / "xem-truoc-va-cong.png")
        store.close()
    finally:
        subprocess.run([sys.executable, str(tool), "stop", "--dir", str(wp_dir)], check=False)
    for name in (
        "preview.png",
        "wordpress.png",
        "reference-portal.png",
        "preview-vs-wordpress.png",
        "preview-vs-reference-portal.png",
    ):
        print(args.out / name)
    print(args.guide / "xem-truoc-va-cong.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
