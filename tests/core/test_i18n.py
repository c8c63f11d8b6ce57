from __future__ import annotations

from qk3editor.core.errors import ArticleNotFound
from qk3editor.core.i18n import Translator
from qk3editor.paths import resources_dir


def test_vietnamese_is_loaded_from_the_linguist_source() -> None:
    t = Translator.load("vi", resources_dir() / "translations")
    assert t.lookup("status", "Draft") == "Bản nháp"
    assert ArticleNotFound(id="42").message(t) == "Không có bài viết nào có mã 42"


def test_english_is_the_fallback() -> None:
    t = Translator.load("en", resources_dir() / "translations")
    assert t.lookup("status", "Draft") == "Draft"
    assert Translator.load("xx", resources_dir() / "translations").lookup("a", "b") == "b"
