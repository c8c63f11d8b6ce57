"""The desk with a held article (issue 16): docs/img/toa-soan-dang-sua.png (``-en``).

    QT_QPA_PLATFORM=offscreen python docs/newsroom_screenshots.py [--lang vi|en]

A fresh QK3EDITOR_HOME with a few articles; "Đức Việt" on another machine holds the lease of
one, "Thu Lan" of another; the window (1366×768) opens Việt's: the banner says who is
editing, the fields are read-only, "Take over…" is offered; the library marks both held
articles with a pencil (its tooltip: "Thu Lan đang sửa (trên máy …, từ …)"). Look at the
picture before committing it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def shoot(language: str, out: Path) -> Path:
    from tests.conftest import fixture_article_markdown

    from qk3editor.app import build_gui, make_application
    from qk3editor.context import AppContext
    from qk3editor.core.articles import ArticleFields
    from qk3editor.core.leases import LeaseOwner
    from qk3editor.core.markdown_io import read_article_file
    from qk3editor.paths import resources_dir
    from qk3editor.storage.leases_repository import LeaseRepository
    from qk3editor.ui.i18n import install_translators
    from qk3editor.ui.tasks import InlineTaskRunner

    sys.path.insert(0, str(ROOT / "docs"))
    from guide_screenshots import SIZE, settle

    tmp = Path(os.environ["QK3EDITOR_HOME"]).parent
    source = tmp / "bai.md"
    text = fixture_article_markdown()
    source.write_text(
        "\n".join(line for line in text.splitlines() if "(qk3photo:" not in line) + "\n",
        encoding="utf-8",
    )
    app = make_application()
    install_translators(app, language, resources_dir() / "translations")
    ctx = AppContext.open(language=language)
    made = [
        ctx.articles.create(ArticleFields(title=title, byline="Thu Lan"))
        for title in ("Sư đoàn 395 tổ chức hội thao", "Bộ CHQS tỉnh Hải Dương diễn tập")
    ]
    lan = LeaseOwner("lan", "Thu Lan", "phongvien-05", 3310)  # the library marks her article
    assert LeaseRepository(ctx.store, lan).acquire(made[1].id).granted
    held = ctx.articles.create(read_article_file(source))
    viet = LeaseOwner("viet", "Đức Việt", "bientap-02", 5120)
    assert LeaseRepository(ctx.store, viet).acquire(held.id).granted
    gui = build_gui(ctx, InlineTaskRunner())
    window = gui.window
    window.resize(*SIZE)
    window.show()
    settle(app)
    gui.library.refresh()
    gui.library.view.article_activated.emit(held.id)
    settle(app)
    suffix = "" if language == "vi" else f"-{language}"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"toa-soan-dang-sua{suffix}.png"
    window.grab().save(str(path))
    gui.runner.shutdown()
    window.close()
    ctx.close()
    return path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("QK3EDITOR_STORE", None)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QK3EDITOR_HOME"] = str(Path(tmp) / "home")
        os.environ["QK3EDITOR_LANG"] = args.lang
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        print(shoot(args.lang, args.out).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
