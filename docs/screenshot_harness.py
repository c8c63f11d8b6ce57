"""The one screenshot harness: a laptop screen, a sample newsroom, the layout checks.

Used by docs/make_screenshots.py (the only entry point) and tests/ui/test_layout_1366.py:

    python docs/make_screenshots.py                          # every picture of the docs
    python docs/make_screenshots.py --check --size 1600x900  # one JSON line: layout problems

:func:`on_laptop_screen` re-runs a command on Qt's offscreen platform with one screen of the
asked size (a configuration file for the offscreen plugin) in a fresh QK3EDITOR_HOME.
:func:`sample_newsroom` fills it: the fixture article with a real JPEG attached and placed in
its body, captioned photos (real JPEG files), a reference portal with one published and one
failed job. The windows are sized by the app's own code (nothing here resizes them), then
:func:`layout_run` checks and grabs:

- every top-level window (main window with the preview, photo desk as grid and as table,
  publish dialog, outbox, targets, each preferences page) must lie inside the screen's free
  area;
- every visible widget inside it (outside scrolled content) must lie inside its window, and
  no combo box or button may be narrower than its own minimum (clipped text);
- the preview takes at least a third of the main window, the library's title column at least
  40 % of the table, the title field shows its start, Help is the last menu;
- the photo table shows its status column and gives the caption a useful width; the
  outbox's link/error column gets at least a quarter of the table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LAPTOP = (1366, 768)


def on_laptop_screen(script: str, argv: Sequence[str], size: tuple[int, int] = LAPTOP) -> int:
    """Run ``script argv`` on an offscreen screen of ``size`` in a fresh home."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screen.json"
        screen = {"name": "laptop", "x": 0, "y": 0, "logicalDpiX": 96, "logicalDpiY": 96}
        screen.update(width=size[0], height=size[1])
        config.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}))
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={config}",
            QK3EDITOR_HOME=str(Path(tmp) / "home"),
            PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT), str(ROOT / "docs")]),
        )
        env.pop("QK3EDITOR_STORE", None)
        return subprocess.call([sys.executable, script, *argv], env=env)


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


def _scene(path: Path, i: int) -> None:
    """A real JPEG that looks like a photo (sky, field, people), different for each ``i``."""
    from PIL import Image, ImageDraw, ImageFilter

    sky = (120 + 12 * i % 60, 160, 200 - 10 * i)
    image = Image.new("RGB", (1600, 1067), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 640 + 20 * i, 1600, 1067), fill=(86 + 9 * i, 110, 72))
    draw.ellipse((1150 - 90 * i, 120, 1330 - 90 * i, 300), fill=(250, 220, 120))
    for x in range(160 + 30 * i, 1500, 230):
        draw.rectangle((x, 560, x + 80, 800), fill=(40, 60 + 8 * i, 40))
        draw.ellipse((x + 12, 490, x + 68, 546), fill=(200, 160, 130))
    noise = Image.effect_noise((1600, 1067), 18).convert("RGB")
    image = Image.blend(image, noise, 0.12).filter(ImageFilter.SMOOTH)
    exif = Image.Exif()
    exif[0x0110] = "NIKON D750"
    exif[0x8769] = {0x9003: f"2018:10:{10 + i // 3:02d} 08:{15 + 7 * i:02d}:00"}  # taken
    if i == 4:  # one photo with its location, as a phone or a GPS unit leaves it
        exif[0x8825] = {1: "N", 2: (20.0, 43.0, 0.0), 3: "E", 4: (106.0, 46.0, 0.0)}
    image.save(path, quality=88, exif=exif.tobytes())


def sample_newsroom(home: Path) -> tuple[Any, str]:
    """A store with the fixture article (a real photo attached and placed in its body),
    captioned photos (real JPEG files), a portal with one published and one failed job.
    Returns the portal server and the article id."""
    import secrets as pysecrets

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
    ctx = AppContext.open(language="vi")
    try:
        folder = work / "anh"
        folder.mkdir(exist_ok=True)
        for i in range(6):
            _scene(folder / f"DSC_{4810 + i}.jpg", i)
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
        # the fixture's photo is the first sample photo: a real file in the store
        md = work / "bai.md"
        text = fixture_article_markdown().replace("qk3photo:phctttdvvqk20177", f"qk3photo:{ids[0]}")
        md.write_text(text, encoding="utf-8")
        article = ctx.articles.create(read_article_file(md))
        ctx.photos.attach(article.id, [ids[0]])
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
def settle(rounds: int = 8) -> None:
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


CHECKED: list[str] = []  # the windows looked at (the --check line lists them)


def _label_clipped(w: Any) -> str:
    """How a label's text is cut ("" when it is not): a one-line label narrower than its
    text, a wrapped one lower than its lines at its width."""
    from PySide6.QtWidgets import QLabel

    if not isinstance(w, QLabel) or not w.text() or (w.pixmap() is not None and not w.text()):
        return ""
    if w.wordWrap():
        need = w.heightForWidth(w.width())
        return f"{w.height()} < {need} px high" if need > w.height() + 1 else ""
    need = w.sizeHint().width()
    return f"{w.width()} < {need} px" if w.width() + 1 < need else ""


def window_problems(name: str, window: Any) -> list[str]:
    """A window outside the screen's free area, a widget outside its window, a clipped
    combo box or button."""
    CHECKED.append(name)
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
        clipped_label = _label_clipped(w)
        if clipped_label:
            out.append(f"{name}: QLabel#{w.objectName()} clipped ({clipped_label}): {w.text()!r}")
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


def layout_run(language: str, check: bool, out: Path | None, suffix: str = "") -> int:
    """Open every window named in issue 11 on this screen; print the problems (``check``) as
    one JSON line; grab the pictures into ``out``."""
    from PySide6.QtWidgets import QApplication

    from qk3editor.app import build_gui, make_application
    from qk3editor.context import AppContext
    from qk3editor.paths import resources_dir
    from qk3editor.ui.i18n import install_translators
    from qk3editor.ui.preferences import show_preferences
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
        settle()
        gui.library.view.article_activated.emit(article_id)
        if gui.checks is not None:
            gui.checks.check_now()  # the word count and underlines, not after the debounce
        settle()
        problems += window_problems("main", window) + main_window_problems(gui)
        shots["main-window"] = window

        desk = gui.photo_desk.view
        desk.show()
        desk.grid.setCurrentIndex(desk.grid.model().index(0, 0))  # its preview and caption
        settle()
        problems += window_problems("photo desk (grid)", desk)
        if out is not None:
            desk.grab().save(str(out / f"photo-desk{suffix}.png"))
            print(out / f"photo-desk{suffix}.png")
        desk.toggle.setChecked(True)
        settle()
        problems += window_problems("photo desk (table)", desk)
        problems += table_problems("photo table", desk.table, _header(desk.table, 3), 0.15)
        shots["photo-desk-table"] = desk

        dialog = gui.publish.publish_article(ctx.articles.get(article_id))
        settle()
        if dialog is None:
            problems.append("publish dialog: refused to open for the sample article")
        else:
            problems += window_problems("publish dialog", dialog)
            shots["publish-dialog"] = dialog
        outbox = gui.publish.show_outbox()
        settle()
        problems += window_problems("outbox", outbox)
        problems += table_problems("outbox", outbox.table, _header(outbox.table, 5), 0.25)
        shots["outbox"] = outbox
        targets = gui.publish.show_targets()
        settle()
        problems += window_problems("targets", targets)
        targets.close()
        preferences = show_preferences(ctx, gui.ops, window)
        for key in preferences.pages:
            preferences.show_page(key)
            settle(3)
            problems += window_problems(f"preferences ({key})", preferences)
        preferences.close()
        if out is not None:
            for name, widget in shots.items():
                widget.raise_()
                settle(3)
                widget.grab().save(str(out / f"{name}{suffix}.png"))
                print(out / f"{name}{suffix}.png")
        for w in (outbox, dialog, desk):
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
        print(json.dumps({"problems": problems, "windows": CHECKED}, ensure_ascii=False))
    return 0


def _header(table: Any, column: int) -> str:
    from PySide6.QtCore import Qt

    return str(table.model().headerData(column, Qt.Orientation.Horizontal))
