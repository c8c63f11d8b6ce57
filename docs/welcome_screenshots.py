"""Screenshots of the welcome page and of each preferences page, for the docs (docs/img).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py   # runs this too
    QT_QPA_PLATFORM=offscreen python docs/welcome_screenshots.py [--lang vi|en] [--out docs/img]

A fresh QK3EDITOR_HOME in a temporary folder (an empty store: the welcome page), the window at
1366×768, grabbed offscreen; the preferences dialog grabbed once per page.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QK3EDITOR_HOME"] = str(Path(tmp) / "home")
        return shoot(args.lang, args.out)


def shoot(language: str, out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from qk3editor.app import build_gui, make_application
    from qk3editor.context import AppContext
    from qk3editor.paths import resources_dir
    from qk3editor.ui.i18n import install_translators
    from qk3editor.ui.preferences import show_preferences
    from qk3editor.ui.tasks import InlineTaskRunner

    app = make_application()
    install_translators(app, language, resources_dir() / "translations")
    ctx = AppContext.open(language=language)
    gui = build_gui(ctx, InlineTaskRunner())
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if language == "vi" else f"-{language}"
    window = gui.window
    window.resize(1366, 768)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    written = []
    path = out / f"welcome{suffix}.png"
    window.grab().save(str(path))
    written.append(path)
    dialog = show_preferences(ctx, gui.ops, window)
    dialog.resize(860, 560)
    for key in dialog.pages:
        dialog.show_page(key)
        for _ in range(3):
            QApplication.processEvents()
        path = out / f"preferences-{key}{suffix}.png"
        dialog.grab().save(str(path))
        written.append(path)
    dialog.close()
    window.close()
    gui.runner.wait()
    ctx.close()
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
