"""The user guide's screenshots (docs/huong-dan/img), taken from the real app.

Called by docs/make_screenshots.py. A fresh QK3EDITOR_HOME with the fixture article imported
and a captioned photo (through the CLI, as a reporter would), then the window at 1366×768,
grabbed offscreen with the interface in Vietnamese (``--lang en``: the English copies, suffix
``-en``). Dialogs opened from the menus are grabbed when they show and closed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "qk3-article-2018-10-21.txt"
SIZE = (1366, 768)


def cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
    )
    return done.stdout


def prepare_store(tmp: Path) -> str:
    """The fixture article and one captioned photo attached to it; returns the article id."""
    from PIL import Image, ImageDraw

    sys.path.insert(0, str(ROOT))
    from tests.conftest import fixture_article_markdown  # the portal's article as markdown

    text = fixture_article_markdown()
    text = "\n".join(line for line in text.splitlines() if "(qk3photo:" not in line)
    source = tmp / "tang-cuong-phoi-hop.md"
    source.write_text(text + "\n", encoding="utf-8")
    article = cli("import", str(source)).split()[0]
    photo = tmp / "huan-luyen.jpg"
    image = Image.new("RGB", (1600, 1067), (86, 110, 72))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 700, 1600, 1067), fill=(140, 120, 80))
    draw.ellipse((1150, 120, 1350, 320), fill=(250, 220, 120))
    for x in range(200, 1400, 260):
        draw.rectangle((x, 520, x + 90, 760), fill=(40, 60, 40))
        draw.ellipse((x + 15, 450, x + 75, 510), fill=(40, 60, 40))
    image.save(photo, quality=90)
    cli("photos", "import", "--article", article, str(photo))
    cli(
        "photos",
        "caption",
        "1",
        "--caption",
        "Cán bộ, chiến sĩ Quân khu 3 huấn luyện bắn súng tiểu liên",
        "--credit",
        "Ảnh: Đức Việt",
    )
    return article


def settle(app: object, rounds: int = 8) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(20)


def grab_dialog(
    trigger: Callable[[], object],
    path: Path,
    size: tuple[int, int] | None,
    prepare: Callable[[object], object] | None = None,
) -> bool:
    """Run ``trigger``; grab the dialog or window it opens (modal or not), then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    done: list[bool] = []
    tries = [0]

    def shoot() -> None:
        new = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and id(w) not in before and w.windowType() != 0x10  # no tooltips
        ]
        modal = QApplication.activeModalWidget()
        target: QWidget | None = modal or (new[-1] if new else None)
        if target is None:
            tries[0] += 1
            if tries[0] < 20:
                QTimer.singleShot(200, shoot)
            return
        if prepare is not None:
            prepare(target)
        if size is not None:
            target.resize(*size)
        settle(None, 4)
        target.grab().save(str(path))
        done.append(True)
        if isinstance(target, QDialog):
            target.reject()
        else:
            target.close()

    QTimer.singleShot(300, shoot)
    trigger()
    for _ in range(40):  # a non-modal window: the timer fires here
        if done:
            break
        settle(None, 2)
    return bool(done)


def shoot(language: str, out: Path, tmp: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from qk3editor.app import build_gui, make_application
    from qk3editor.context import AppContext
    from qk3editor.paths import resources_dir
    from qk3editor.ui.i18n import install_translators
    from qk3editor.ui.tasks import InlineTaskRunner

    article = prepare_store(tmp)
    app = make_application()
    install_translators(app, language, resources_dir() / "translations")
    ctx = AppContext.open(language=language)
    gui = build_gui(ctx, InlineTaskRunner())
    window = gui.window
    window.resize(*SIZE)
    window.show()
    settle(app)
    suffix = "" if language == "vi" else f"-{language}"
    written: list[Path] = []

    def save(name: str) -> Path:
        path = out / f"{name}{suffix}.png"
        written.append(path)
        return path

    # 1. the window: library left, the article in the editor with its preview
    gui.editor.open(article)
    settle(app)
    window.grab().save(str(save("cua-so-chinh")))

    # 2. the Vietnamese checks: the tone-mark style dialog over the article
    action = next(
        (a for a in window.edit_menu.actions() if a.objectName() == "toneStyleAction"), None
    )
    if action is not None:
        grab_dialog(action.trigger, save("kiem-tra-dau-thanh"), None)

    # 3. the photo desk, with the captioned photo
    desk_action = next(
        a
        for m in window.menuBar().actions()
        for a in m.menu().actions()
        if a.shortcut().toString() == "Ctrl+Shift+D"
    )

    def select_first(view: object) -> None:
        from PySide6.QtWidgets import QAbstractItemView

        for items in view.findChildren(QAbstractItemView):  # type: ignore[attr-defined]
            model = items.model()
            if model is not None and model.rowCount() > 0 and items.isVisible():
                items.setCurrentIndex(model.index(0, 0))
                items.selectionModel().select(
                    model.index(0, 0), items.selectionModel().SelectionFlag.ClearAndSelect
                )
                break
        settle(None, 6)

    grab_dialog(desk_action.trigger, save("ban-anh"), (1200, 720), select_first)

    # 4. publishing: the targets and the outbox
    publish_menu = next(  # the menu holding "Publish article…" (Help is the last menu)
        m.menu()
        for m in window.menuBar().actions()
        if m.menu() is not None and window.publish_action in m.menu().actions()
    )
    items = [a for a in publish_menu.actions() if not a.isSeparator()]
    for a, name in zip(items, ("dang-bai", "noi-dang", "hop-thu-di"), strict=False):
        grab_dialog(a.trigger, save(name), None)

    # 5. the crash report (a made-up error, nothing is raised)
    from qk3editor.ui.crash import CrashDialog, build_report

    try:
        raise RuntimeError("ví dụ: lỗi không lường trước")
    except RuntimeError as exc:
        report = build_report(type(exc), exc, exc.__traceback__, None, "GUI")
    dialog = CrashDialog(
        "RuntimeError: ví dụ: lỗi không lường trước",
        report,
        ctx.paths.log_dir / "qk3editor.log",
        window,
    )
    dialog.show()
    settle(app)
    dialog.grab().save(str(save("bao-loi")))
    dialog.close()

    gui.runner.wait()
    window.close()
    gui.shutdown()
    QApplication.processEvents()
    return [p for p in written if p.is_file()]
