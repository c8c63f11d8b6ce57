"""The app on a 1366×768 laptop screen: layout checks and the screenshots of the docs.

    python docs/make_screenshots_1366.py --check          # one JSON line: the layout problems
    python docs/make_screenshots_1366.py --out docs/img   # the PNGs (Vietnamese)

It starts itself on Qt's offscreen platform with one 1366×768 screen (a configuration file for
the offscreen plugin), in a fresh QK3EDITOR_HOME holding the fixture article, a few captioned
photos, a reference portal with one published and one failed job. The windows are sized by
the app's own code (nothing here resizes them), then:

- every top-level window (main window with the preview, photo desk as grid and as table,
  publish dialog, outbox, targets) must lie inside the screen's free area;
- every visible widget inside it (outside scrolled content) must lie inside its window, and
  no combo box or button may be narrower than its own minimum (clipped text);
- the preview takes at least a third of the main window, the library's title column at least
  40 % of the table, the title field shows its start, Help is the last menu;
- the photo table shows its status column and gives the caption a useful width; the
  outbox's link/error column gets at least a quarter of the table.

tests/ui/test_layout_1366.py runs ``--check`` and fails on any problem.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"width": 1366, "height": 768}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="print the layout problems as JSON")
    ap.add_argument("--out", type=Path, help="write the screenshots here")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.child:  # re-run with the 1366×768 offscreen screen and a fresh home
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "screen.json"
            screen = {"name": "laptop", "x": 0, "y": 0, "logicalDpiX": 96, "logicalDpiY": 96}
            config.write_text(
                json.dumps({"windowFrameMargins": True, "screens": [{**screen, **SCREEN}]})
            )
            env = dict(
                os.environ,
                QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                QK3EDITOR_HOME=str(Path(tmp) / "home"),
                PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            )
            env.pop("QK3EDITOR_STORE", None)
            return subprocess.call([sys.executable, __file__, *sys.argv[1:], "--child"], env=env)
    return run(args.lang, args.check, args.out)


# -- the sample newsroom -----------------------------------------------------------------------
def _memory_keyring() -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.values: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    keyring.set_keyring(Memory())


def sample_newsroom(home: Path) -> tuple[Any, str]:
    """A store with the fixture article (its photo attached), captioned photos, a portal
    with one published and one failed job. Returns the portal server and the article id."""
    import secrets as pysecrets

    from PIL import Image
    from tests.conftest import fixture_article_markdown

    from qk3editor.context import AppContext
    from qk3editor.core.markdown_io import read_article_file
    from qk3editor.core.publish_data import PublishStatus, Target, TargetKind
    from qk3editor.photos.captions import BatchEdit
    from qk3editor.photos.desk import caption_photos, import_photos
    from qk3editor.photos.ingest import IngestOptions
    from qk3editor.publish.portal import PortalServer, PortalStore
    from qk3editor.publish.secrets import SecretStore

    _memory_keyring()
    work = home.parent / "sample"
    work.mkdir(parents=True, exist_ok=True)
    md = work / "bai.md"
    md.write_text(fixture_article_markdown(), encoding="utf-8")
    ctx = AppContext.open(language="vi")
    try:
        article = ctx.articles.create(read_article_file(md))
        folder = work / "anh"
        folder.mkdir(exist_ok=True)
        for i in range(6):
            img = Image.effect_noise((1200, 800), 30 + 8 * i).convert("RGB")
            img.save(folder / f"DSC_{4810 + i}.jpg", quality=85)
        result = import_photos(
            ctx.photos, [folder], IngestOptions(thumbnails_dir=ctx.paths.thumbnails_dir)
        )
        ids = sorted(p.id for p in result.photos)
        edit = BatchEdit(
            values={
                "description": "Hội nghị sơ kết 2 năm thực hiện Quy chế phối hợp công tác dân vận",
                "headline": "Sơ kết công tác dân vận",
                "credit": "Ảnh: Đức Việt",
                "city": "Hải Phòng",
            },
            creator=("Đức Việt",),
            keywords=("dân vận", "Quân khu 3"),
        )
        caption_photos(ctx.photos, ids[:4], edit)
        secret = pysecrets.token_urlsafe(16)
        portal = PortalServer(0, PortalStore(work / "portal"), {"editor": secret})
        portal.start_background()
        url = f"http://127.0.0.1:{portal.port}"
        ctx.publishing.repo.add_target(Target("Cổng QK3", TargetKind.NINJS, url, "editor", {}))
        SecretStore().set("Cổng QK3", "editor", secret)
        ctx.publishing.repo.add_target(
            Target("Máy chủ thử", TargetKind.NINJS, "http://127.0.0.1:9", "editor", {})
        )
        SecretStore().set("Máy chủ thử", "editor", "x")
        saved = ctx.articles.get(article.id)
        outbox = ctx.publishing.outbox
        job = outbox.enqueue(saved, [], "Cổng QK3", PublishStatus.PUBLISH, None)
        outbox.run_job(job.id)
        failed = outbox.enqueue(saved, [], "Máy chủ thử", PublishStatus.PUBLISH, None)
        outbox.run_job(failed.id, inline_retries=False)
    finally:
        ctx.close()
    return portal, article.id


# -- the checks ----------------------------------------------------------------------------------
def _settle(rounds: int = 8) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def _inside_scrolled_content(w: Any, top: Any) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = w.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def window_problems(name: str, window: Any) -> list[str]:
    """A window outside the screen's free area, a widget outside its window, a clipped
    combo box or button."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

    out: list[str] = []
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not screen.contains(frame):
        out.append(f"{name}: window {frame.getRect()} outside the screen {screen.getRect()}")
    inner = window.rect().adjusted(-1, -1, 1, 1)
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.isWindow() or _inside_scrolled_content(w, window):
            continue
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not inner.contains(rect):
            out.append(f"{name}: {type(w).__name__}#{w.objectName()} {rect.getRect()} outside")
        if isinstance(w, (QComboBox, QAbstractButton)) and w.width() < w.minimumSizeHint().width():
            text = w.currentText() if isinstance(w, QComboBox) else w.text()
            out.append(
                f"{name}: {type(w).__name__}#{w.objectName()} clipped "
                f"({w.width()} < {w.minimumSizeHint().width()} px): {text!r}"
            )
    return out


def main_window_problems(gui: Any) -> list[str]:
    out: list[str] = []
    window = gui.window
    width = window.width()
    preview = gui.editor.workspace.tabs if hasattr(gui.editor, "workspace") else None
    if preview is None:
        from PySide6.QtWidgets import QTabWidget

        preview = window.findChild(QTabWidget, "editorTabs")
    if preview.width() * 3 < width:
        out.append(f"main: preview {preview.width()} px is less than a third of {width} px")
    table = gui.library.view.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    if header.sectionSize(0) < 0.4 * viewport:
        out.append(f"main: library title column {header.sectionSize(0)} of {viewport} px")
    visible_right = max(
        header.sectionViewportPosition(c) + header.sectionSize(c)
        for c in range(header.count())
        if not header.isSectionHidden(c)
    )
    if visible_right > viewport + 1:
        out.append(f"main: library columns end at {visible_right}, beyond {viewport} px")
    title = gui.editor.view.title
    if title.cursorPosition() != 0:
        out.append(f"main: the title field shows its end (cursor at {title.cursorPosition()})")
    actions = window.menuBar().actions()
    if actions[-1] is not window.help_menu.menuAction():
        names = [a.text() for a in actions]
        out.append(f"main: Help is not the last menu: {names}")
    return out


def table_problems(name: str, table: Any, wide: str, share: float) -> list[str]:
    """Every visible column inside the viewport; column ``wide`` at least ``share`` of it."""
    from PySide6.QtCore import Qt

    header = table.horizontalHeader()
    model = table.model()
    viewport = table.viewport().width()
    out: list[str] = []
    for c in range(header.count()):
        if header.isSectionHidden(c):
            continue
        right = header.sectionViewportPosition(c) + header.sectionSize(c)
        title = model.headerData(c, Qt.Orientation.Horizontal)
        if right > viewport + 1:
            out.append(f"{name}: column {title!r} ends at {right}, beyond {viewport} px")
        if title == wide and header.sectionSize(c) < share * viewport:
            out.append(f"{name}: column {title!r} {header.sectionSize(c)} of {viewport} px")
    return out


def run(language: str, check: bool, out: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from qk3editor.app import build_gui, make_application
    from qk3editor.context import AppContext
    from qk3editor.paths import resources_dir
    from qk3editor.ui.i18n import install_translators
    from qk3editor.ui.tasks import InlineTaskRunner

    home = Path(os.environ["QK3EDITOR_HOME"])
    portal, article_id = sample_newsroom(home)
    app = make_application()
    install_translators(app, language, resources_dir() / "translations")
    ctx = AppContext.open(language=language)
    gui = build_gui(ctx, InlineTaskRunner())
    problems: list[str] = []
    shots: dict[str, Any] = {}
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    try:
        window = gui.window
        window.show()
        _settle()
        gui.library.view.article_activated.emit(article_id)
        _settle()
        problems += window_problems("main", window) + main_window_problems(gui)
        shots["main-window"] = window

        desk = gui.photo_desk.view
        desk.show()
        _settle()
        problems += window_problems("photo desk (grid)", desk)
        if out is not None:
            desk.grab().save(str(out / "photo-desk.png"))
            print(out / "photo-desk.png")
        desk.toggle.setChecked(True)
        _settle()
        problems += window_problems("photo desk (table)", desk)
        problems += table_problems("photo table", desk.table, _header(desk.table, 3), 0.15)
        shots["photo-desk-table"] = desk

        dialog = gui.publish.publish_article(ctx.articles.get(article_id))
        _settle()
        if dialog is None:
            problems.append("publish dialog: refused to open for the sample article")
        else:
            problems += window_problems("publish dialog", dialog)
            shots["publish-dialog"] = dialog
        outbox = gui.publish.show_outbox()
        _settle()
        problems += window_problems("outbox", outbox)
        problems += table_problems("outbox", outbox.table, _header(outbox.table, 5), 0.25)
        shots["outbox"] = outbox
        targets = gui.publish.show_targets()
        _settle()
        problems += window_problems("targets", targets)
        if out is not None:
            for name, widget in shots.items():
                widget.raise_()
                _settle(3)
                widget.grab().save(str(out / f"{name}.png"))
                print(out / f"{name}.png")
        for w in (targets, outbox, dialog, desk):
            if w is not None:
                w.close()
        window.close()
    finally:
        gui.runner.wait()
        ctx.close()
        portal.shutdown()
        portal.server_close()
        QApplication.processEvents()
    if check:
        print(json.dumps({"problems": problems}, ensure_ascii=False))
    return 0


def _header(table: Any, column: int) -> str:
    from PySide6.QtCore import Qt

    return str(table.model().headerData(column, Qt.Orientation.Horizontal))


if __name__ == "__main__":
    raise SystemExit(main())
