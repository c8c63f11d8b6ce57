"""Issue 10: Preferences, one page per area; every page opens in both languages with nothing
left in English; each setting changes behaviour at once (one settings-changed signal)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.settings import load_settings
from qk3editor.ui.preferences import show_preferences
from qk3editor.ui.preferences.pages import PAGES
from tests.ui.test_app import close_gui, open_gui
from tests.ui.test_every_dialog import SAME_IN_BOTH, texts_of

KEYS = [p.key for p in PAGES]


def _page_texts(qtbot, language: str) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    gui, trs = open_gui(qtbot, language)
    try:
        gui.window.show()
        dialog = show_preferences(gui.ctx, gui.ops, gui.window)
        qtbot.addWidget(dialog)
        found = {"areas": [("areas", dialog.areas.item(i).text()) for i in range(len(KEYS))]}
        found["dialog"] = [("title", dialog.windowTitle())]
        for key in KEYS:
            page = dialog.show_page(key)
            assert page.isVisible()
            found[key] = texts_of(page)
        dialog.close()
        return found
    finally:
        gui.runner.wait()
        close_gui(gui, trs)


def test_every_page_opens_in_both_languages(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    assert KEYS == ["me", "text", "photos", "portals", "language", "store"]
    english = _page_texts(qtbot, "en")
    vietnamese = _page_texts(qtbot, "vi")
    assert [t for _w, t in english["areas"]] == [
        "Me",
        "Text",
        "Photos",
        "Portals",
        "Language",
        "Store",
    ]
    assert [t for _w, t in vietnamese["areas"]] == [
        "Cá nhân",
        "Văn bản",
        "Ảnh",
        "Cổng đăng bài",
        "Ngôn ngữ",
        "Kho dữ liệu",
    ]
    assert vietnamese["dialog"] == [("title", "Cài đặt")]
    untranslated = []
    for area, en_texts in english.items():
        vi_texts = dict(vietnamese[area])
        assert len(vietnamese[area]) == len(en_texts), area
        for where, en in en_texts:
            vi = vi_texts.get(where)
            if en == vi and re.search(r"[A-Za-z]{3}", en) and en not in SAME_IN_BOTH:
                untranslated.append(f"{area} {where}: {en!r}")
    allowed = {"Tiếng Việt", "English"}  # the names of the languages, in their own language
    untranslated = [u for u in untranslated if not any(a in u for a in allowed)]
    assert untranslated == [], "\n".join(untranslated)


@pytest.fixture
def prefs(qtbot, home: Path):  # type: ignore[no-untyped-def]
    """The GUI with Preferences opened from its menu action, and the settings signals seen."""
    gui, trs = open_gui(qtbot)
    gui.window.show()
    seen: list[object] = []
    gui.settings_relay.changed.connect(seen.append)
    gui.window.preferences_action.trigger()
    dialog = gui.window.preferences_dialog
    qtbot.addWidget(dialog)
    yield gui, dialog, seen
    gui.runner.wait()
    close_gui(gui, trs)


def _open_article(qtbot, gui, **fields: str):  # type: ignore[no-untyped-def]
    article = gui.ctx.articles.create(ArticleFields(**fields))
    gui.editor.open(article.id)
    qtbot.waitUntil(lambda: gui.editor.article is not None, timeout=5_000)
    return article


def test_name_is_who_does_things(qtbot, prefs) -> None:  # type: ignore[no-untyped-def]
    gui, dialog, seen = prefs
    me = dialog.show_page("me")
    me.name.setText("Đức Việt")
    me.name.editingFinished.emit()
    assert gui.ctx.settings.who == "Đức Việt"
    assert gui.photo_desk.who == "Đức Việt"  # recorded on a location choice, at once
    article = _open_article(qtbot, gui, title="Tin", body="Đoạn.")
    gui.window.save_action.trigger()  # an explicit save keeps a revision by this person
    gui.runner.wait()
    revisions = gui.ctx.revisions.revisions(article.id)
    assert revisions and {r.who for r in revisions} == {"Đức Việt"}
    assert len(seen) == 1  # one notification per change


def test_byline_starts_a_new_article(qtbot, prefs) -> None:  # type: ignore[no-untyped-def]
    gui, dialog, _seen = prefs
    me = dialog.show_page("me")
    me.byline.setText("Đức Việt - Văn Hải")
    me.byline.editingFinished.emit()
    assert load_settings(gui.ctx.paths.settings_file).byline == "Đức Việt - Văn Hải"
    gui.window.new_action.trigger()
    qtbot.waitUntil(lambda: gui.ctx.articles.count() == 1, timeout=5_000)
    assert gui.ctx.articles.list()[0].byline == "Đức Việt - Văn Hải"


def test_tone_style_and_checks_switch_act_on_the_open_article(qtbot, prefs) -> None:  # type: ignore[no-untyped-def]
    gui, dialog, _seen = prefs
    _open_article(qtbot, gui, title="Tiêu đề", lead="Sapo.", body="Hoà bình.")
    checks = gui.checks
    qtbot.waitUntil(lambda: checks.checked_revision >= 0, timeout=5_000)
    qtbot.waitUntil(lambda: bool(checks.findings), timeout=5_000)  # "hoà" is new style
    assert checks.house_style() == "old"
    text = dialog.show_page("text")
    text.tone.setCurrentIndex(text.tone.findData("new"))
    assert gui.ctx.settings.tone_style == "new"
    qtbot.waitUntil(lambda: not checks.findings, timeout=5_000)  # now it is the house's
    assert gui.photo_desk.view.captions.house_style == "new"
    text.tone.setCurrentIndex(text.tone.findData("old"))
    qtbot.waitUntil(lambda: bool(checks.findings), timeout=5_000)
    text.checks.setChecked(False)
    qtbot.waitUntil(lambda: not checks.findings, timeout=5_000)
    assert checks.enabled is False
    text.checks.setChecked(True)
    qtbot.waitUntil(lambda: bool(checks.findings), timeout=5_000)


def test_lead_limit_is_checked_at_once(qtbot, prefs) -> None:  # type: ignore[no-untyped-def]
    gui, dialog, _seen = prefs
    _open_article(qtbot, gui, title="Tiêu đề", lead=" ".join(["từ"] * 60), body="Đoạn.")
    preflight = gui.editor.workspace.preflight.model
    codes = lambda: [f.code for f in preflight._rows]  # noqa: E731
    qtbot.waitUntil(lambda: preflight.rowCount() > 0)
    assert "lead_too_long" not in codes()
    dialog.show_page("text").lead.setValue(50)
    qtbot.waitUntil(lambda: "lead_too_long" in codes(), timeout=5_000)
    assert load_settings(gui.ctx.paths.settings_file).lead_max_words == 50


def test_rendition_size_and_quality_change_the_published_photo(  # type: ignore[no-untyped-def]
    qtbot, prefs, tmp_path: Path
) -> None:
    from qk3editor.core.publish_data import PublishPhoto
    from tests.photos.photo_factory import jpeg_bytes

    gui, dialog, _seen = prefs
    source = tmp_path / "anh.jpg"
    source.write_bytes(jpeg_bytes((1800, 1200)))
    photo = PublishPhoto(key="outside", source=str(source), caption="Chú thích")
    before = gui.ctx.renditions(photo)
    assert max(before.width, before.height) == 1600  # the default
    photos = dialog.show_page("photos")
    photos.edge.setValue(1024)
    photos.quality.setValue(40)
    after = gui.ctx.renditions(photo)  # the next publish, no restart
    assert max(after.width, after.height) == 1024
    assert len(after.data) < len(before.data)
    desk_specs = gui.photo_desk.specs
    assert (desk_specs[0].max_size, desk_specs[0].quality) == (1024, 40)  # the desk's export


def test_codes_file_expands_in_the_caption_panel(qtbot, prefs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui, dialog, _seen = prefs
    codes_file = tmp_path / "codes.tsv"
    codes_file.write_text("thai\tThiếu tướng Nguyễn Văn Thái\n", encoding="utf-8")
    dialog.show_page("photos").set_codes_file(str(codes_file))
    assert gui.photo_desk.view.captions.codes == {"thai": "Thiếu tướng Nguyễn Văn Thái"}


def test_language_is_saved(qtbot, prefs) -> None:  # type: ignore[no-untyped-def]
    # the live rebuild in the new language: tests/ui/test_language_switch.py
    gui, dialog, _seen = prefs
    language = dialog.show_page("language")
    language.language.setCurrentIndex(language.language.findData("en"))
    assert load_settings(gui.ctx.paths.settings_file).language == "en"
    gui.window.hide()  # no rebuild here (qtbot owns this window); the switch skips a hidden one


def test_store_page_backs_up_now(qtbot, prefs, home: Path) -> None:  # type: ignore[no-untyped-def]
    gui, dialog, _seen = prefs
    store = dialog.show_page("store")
    assert store.where.text() == str(home / "data" / "qk3editor.sqlite3")
    made = store.back_up()
    assert made is not None and made.is_file() and made.parent == gui.ctx.paths.backups_dir
    assert str(made) in store.result.text()
    portals = dialog.show_page("portals")
    assert portals.panel.add_button.isVisible()  # the targets panel itself
