"""Help → User guide: the guide in docs/huong-dan (Vietnamese; English in its en/ folder).

The guide's markdown chapters are rendered into one HTML page in the cache folder (with a
``<base>`` pointing at the guide's folder, so its screenshots show) and opened in the browser.
The guide ships in the wheel and in the bundle as ``resources/huong-dan``; in a source checkout
it is read from ``docs/huong-dan``.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices

from qk3editor.paths import resources_dir


def guide_dir() -> Path | None:
    """The installed guide, or the source tree's; ``None`` when neither is there."""
    for candidate in (
        resources_dir() / "huong-dan",
        Path(__file__).resolve().parents[3] / "docs" / "huong-dan",
    ):
        if (candidate / "README.md").is_file():
            return candidate
    return None


def chapters(folder: Path) -> list[Path]:
    """The index first, then the numbered chapters in order, then the named pages that
    several features write into (the newsroom: ``toa-soan.md``)."""
    extra = [folder / name for name in EXTRA_PAGES if (folder / name).is_file()]
    return [folder / "README.md", *sorted(folder.glob("[0-9][0-9]-*.md")), *extra]


EXTRA_PAGES = ("toa-soan.md",)


def render_guide(out_dir: Path, language: str = "vi") -> Path | None:
    """One HTML page of the whole guide (``language`` en: the English chapters where ready)."""
    from markdown_it import MarkdownIt  # the app's own markdown parser (core.render uses it)

    md = MarkdownIt("commonmark").enable("table")
    root = guide_dir()
    if root is None:
        return None
    folder = root / "en" if language == "en" and (root / "en" / "README.md").is_file() else root
    parts = []
    for chapter in chapters(folder):
        text = chapter.read_text(encoding="utf-8")
        for other in chapters(folder):  # a link to a chapter becomes a link inside the page
            text = text.replace(f"]({other.name})", f"](#{other.stem})")
        body = md.render(text)
        parts.append(f'<section id="{chapter.stem}">{body}</section>')
    title = "qk3editor — hướng dẫn sử dụng" if folder == root else "qk3editor — user guide"
    page = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f'<base href="{QUrl.fromLocalFile(str(folder) + "/").toString()}">'
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:'DejaVu Sans',sans-serif;max-width:980px;margin:2em auto;"
        "padding:0 1em;line-height:1.5}img{max-width:100%;border:1px solid #ccc}"
        "code,pre{background:#f4f4f4}section{border-bottom:1px solid #ddd;padding-bottom:1em}"
        "</style></head><body>" + "\n".join(parts) + "</body></html>"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"huong-dan-{language}.html"
    out.write_text(page, encoding="utf-8")
    return out


def open_user_guide(cache_dir: Path, language: str = "vi") -> bool:
    page = render_guide(cache_dir, language)
    if page is None:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(page)))


def install_help_menu(window: object, cache_dir: Path, language: str) -> QAction:
    """Help → User guide (F1), before About."""
    action = QAction(QCoreApplication.translate("Help", "&User guide"), window)  # type: ignore[arg-type]
    action.setObjectName("userGuideAction")
    action.setShortcut("F1")
    action.triggered.connect(lambda: open_user_guide(cache_dir, language))
    menu = window.help_menu  # type: ignore[attr-defined]
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    return action
