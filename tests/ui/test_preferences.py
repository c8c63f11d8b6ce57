"""Issue 10: Preferences, one page per area; every page opens in both languages with nothing
left in English; each setting changes behaviour at once (one settings-changed signal)."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_each_setting_changes_behaviour_at_once(qtbot, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui, trs = open_gui(qtbot)
    try:
        ctx = gui.ctx
        gui.window.show()
        seen: list[object] = []
        gui.settings_relay.changed.connect(seen.append)
        gui.window.preferences_action.trigger()
        dialog = gui.window.preferences_dialog
        qtbot.addWidget(dialog)

        # Me: the name is who does things; the byline is where a new article starts
        me = dialog.show_page("me")
        me.name.setText("Đức Việt")
        me.name.editingFinished.emit()
        me.byline.setText("Đức Việt - Văn Hải")
        me.byline.editingFinished.emit()
        assert ctx.settings.who == "Đức Việt"
        assert load_settings(ctx.paths.settings_file).byline == "Đức Việt - Văn Hải"
        assert gui.photo_desk.who == "Đức Việt"
        gui.window.new_action.trigger()
        qtbot.waitUntil(lambda: ctx.articles.count() == 1, timeout=5_000)
        assert ctx.articles.list()[0].byline == "Đức Việt - Văn Hải"
        assert len(seen) == 2  # one notification per change

        # Text: the house tone style and the checks switch act on the open article
        article = ctx.articles.create(
            ArticleFields(title="Tiêu đề", lead=" ".join(["từ"] * 60), body="Hoà bình.")
        )
        gui.editor.open(article.id)
        checks = gui.checks
        qtbot.waitUntil(lambda: checks.checked_revision >= 0, timeout=5_000)
        qtbot.waitUntil(lambda: bool(checks.findings), timeout=5_000)  # "hoà" is new style
        assert checks.house_style() == "old"
        text = dialog.show_page("text")
        text.tone.setCurrentIndex(text.tone.findData("new"))
        assert ctx.settings.tone_style == "new"
        qtbot.waitUntil(lambda: not checks.findings, timeout=5_000)  # now it is the house's
        assert gui.photo_desk.view.captions.house_style == "new"
        text.tone.setCurrentIndex(text.tone.findData("old"))
        qtbot.waitUntil(lambda: bool(checks.findings), timeout=5_000)
        text.checks.setChecked(False)
        qtbot.waitUntil(lambda: not checks.findings, timeout=5_000)
        assert checks.enabled is False
        text.checks.setChecked(True)
        qtbot.waitUntil(lambda: bool(checks.findings), timeout=5_000)

        codes = lambda: [f.code for f in gui.editor.workspace.preflight.model._rows]  # noqa: E731
        qtbot.waitUntil(lambda: gui.editor.workspace.preflight.model.rowCount() > 0)
        assert "lead_too_long" not in codes()
        text.lead.setValue(50)
        qtbot.waitUntil(lambda: "lead_too_long" in codes(), timeout=5_000)

        # Photos: the web rendition size and quality, for the desk and for publishing
        photos = dialog.show_page("photos")
        photos.edge.setValue(1024)
        photos.quality.setValue(70)
        renditions = ctx.renditions
        assert (renditions._spec.max_size, renditions._spec.quality) == (1024, 70)
        desk_specs = gui.photo_desk.specs
        assert (desk_specs[0].max_size, desk_specs[0].quality) == (1024, 70)
        codes_file = tmp_path / "codes.tsv"
        codes_file.write_text("thai\tThiếu tướng Nguyễn Văn Thái\n", encoding="utf-8")
        photos.set_codes_file(str(codes_file))
        assert gui.photo_desk.view.captions.codes == {"thai": "Thiếu tướng Nguyễn Văn Thái"}

        # Language: saved (the window is rebuilt in it: tests/ui/test_language_switch.py)
        language = dialog.show_page("language")
        language.language.setCurrentIndex(language.language.findData("en"))
        assert load_settings(ctx.paths.settings_file).language == "en"

        # Store: where it is, a backup now
        store = dialog.show_page("store")
        assert store.where.text() == str(home / "data" / "qk3editor.sqlite3")
        made = store.back_up()
        assert made is not None and made.is_file() and made.parent == ctx.paths.backups_dir
        assert str(made) in store.result.text()

        # Portals: the targets panel itself
        portals = dialog.show_page("portals")
        assert portals.panel.add_button.isVisible()

        saved = load_settings(ctx.paths.settings_file)
        assert (saved.tone_style, saved.lead_max_words, saved.rendition_long_edge) == (
            "old",
            50,
            1024,
        )
    finally:
        gui.runner.wait()
        close_gui(gui, trs)
