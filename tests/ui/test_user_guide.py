"""Issue 15: the user guide (docs/huong-dan), its screenshots, and Help → User guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from qk3editor.ui.help import chapters, guide_dir, render_guide
from tests.ui.test_app import close_gui, open_gui

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "huong-dan"
TOPICS = (
    "bat-dau",
    "viet",
    "kiem-tra",
    "anh",
    "dang-bai",
    "cai-dat",
    "dong-lenh",
    "loi",
    "toa-soan",
)


@pytest.mark.parametrize("folder", [GUIDE, GUIDE / "en"], ids=["vi", "en"])
def test_every_chapter_is_linked_and_every_picture_exists(folder: Path) -> None:
    index = (folder / "README.md").read_text(encoding="utf-8")
    files = chapters(folder)
    assert len(files) == 10  # the index, eight chapters and the newsroom page
    for chapter in files[1:]:
        assert f"]({chapter.name})" in index, chapter.name
    pictures = 0
    for chapter in files:
        text = chapter.read_text(encoding="utf-8")
        for target in re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text):
            assert (folder / target).is_file(), f"{chapter.name}: {target}"
            pictures += 1
    assert pictures >= 7


def test_the_vietnamese_guide_covers_the_topics_in_order() -> None:
    names = [c.stem for c in chapters(GUIDE)[1:]]
    for name, topic in zip(names, TOPICS, strict=True):
        assert topic in name, (name, topic)
    text = "".join(c.read_text(encoding="utf-8") for c in chapters(GUIDE))
    import unicodedata

    assert unicodedata.normalize("NFC", text) == text


def test_every_screenshot_is_used() -> None:
    used = "".join(
        c.read_text(encoding="utf-8") for f in (GUIDE, GUIDE / "en") for c in chapters(f)
    )
    for png in (GUIDE / "img").glob("*.png"):
        assert f"img/{png.name})" in used, png.name


def test_render_guide_is_one_page_with_working_pictures(tmp_path: Path) -> None:
    assert guide_dir() == GUIDE
    page_path = render_guide(tmp_path, "vi")
    assert page_path is not None
    page = page_path.read_text(encoding="utf-8")
    assert page.count("<section") == 10
    newsroom = page[page.index('<section id="toa-soan">') :]
    parts = ("Gửi về tòa soạn", "Bài bị trả lại", "Nhiều người cùng sửa", "Vai trò")
    places = [newsroom.find(f">{h}</h2>") for h in parts]
    assert -1 not in places and places == sorted(places), places  # the newsroom page, in order
    assert 'href="#02-viet-va-xem-truoc"' in page  # chapter links point inside the page
    base = re.search(r'<base href="file://([^"]+)"', page)
    assert base is not None and Path(base.group(1)) == GUIDE
    srcs = re.findall(r'<img [^>]*src="([^"]+)"', page)
    assert srcs and all((GUIDE / s).is_file() for s in srcs)
    english = render_guide(tmp_path, "en")
    assert english is not None
    text = english.read_text(encoding="utf-8")
    assert "<h1>qk3editor user guide</h1>" in text and 'lang="en"' in text
    assert re.search(r'<base href="file://[^"]+/huong-dan/en/"', text)


def test_help_menu_opens_the_guide(qtbot, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    gui, trs = open_gui(qtbot)
    try:
        action = gui.window.findChild(QObject, "userGuideAction")
        assert gui.window.help_menu.actions()[0] is action
        assert action.text() == "&Hướng dẫn sử dụng" and action.shortcut().toString() == "F1"
        action.trigger()
        assert len(opened) == 1
        page = Path(opened[0])
        assert page.parent == gui.ctx.paths.cache_dir
        text = page.read_text(encoding="utf-8")
        assert "<h1>Hướng dẫn sử dụng qk3editor</h1>" in text and 'lang="vi"' in text
    finally:
        close_gui(gui, trs)
