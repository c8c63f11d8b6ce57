"""Issue 10: a language chosen in Preferences applies at once (no restart): the GUI is rebuilt
in the new language, with the open article and its unsaved text kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.settings import load_settings
from qk3editor.paths import resources_dir
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.tasks import InlineTaskRunner
from tests.ui.test_app import close_gui, open_gui


def _open(language: str):  # type: ignore[no-untyped-def]
    """As tests.ui.test_app.open_gui, without handing the window to qtbot: the switch deletes
    it, and qtbot would close it again at the end."""
    ctx = AppContext.open(language=language)
    app = QCoreApplication.instance()
    translators = install_translators(app, language, resources_dir() / "translations")
    gui = build_gui(ctx, InlineTaskRunner())
    gui.translators = translators
    return gui


def _menus(gui) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in gui.window.menuBar().actions()]


def test_language_change_rebuilds_the_window_in_the_new_language(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    gui = _open("vi")
    current = {"gui": gui}
    gui.replaced.append(lambda new: current.update(gui=new))
    try:
        gui.window.show()
        vietnamese_menus = _menus(gui)
        article = gui.ctx.articles.create(ArticleFields(title="Diễn tập", body="Đoạn một."))
        gui.editor.open(article.id)
        qtbot.waitUntil(lambda: gui.editor.article is not None, timeout=5_000)
        body = gui.editor.view.body
        body.moveCursor(body.textCursor().MoveOperation.End)
        body.insertPlainText(" Chưa lưu.")  # unsaved: the autosave has not run yet

        gui.window.preferences_action.trigger()
        dialog = gui.window.preferences_dialog
        page = dialog.show_page("language")
        assert page.title() == "Ngôn ngữ"
        page.language.setCurrentIndex(page.language.findData("en"))
        qtbot.waitUntil(lambda: current["gui"] is not gui, timeout=10_000)
        new = current["gui"]
        assert load_settings(new.ctx.paths.settings_file).language == "en"
        assert new.ctx.translator.language == "en"

        english_menus = _menus(new)
        assert english_menus != vietnamese_menus
        assert "&File" in english_menus and "&Edit" in english_menus
        assert english_menus[0] == "&File" and english_menus[-1] == "&Help"  # Help stays last
        assert new.window.isVisible() and not gui.window.isVisible()
        assert new.window.preferences_action.text() == "&Preferences…"
        # the preferences are open again on the same page, in English
        again = new.window.preferences_dialog
        assert again.isVisible() and again.windowTitle() == "Preferences"
        assert again.stack.currentWidget().key == "language"
        assert [again.areas.item(i).text() for i in range(2)] == ["Me", "Text"]
        # the article is open again with the text typed before the switch
        qtbot.waitUntil(lambda: new.editor.article is not None, timeout=5_000)
        assert new.editor.article.id == article.id
        assert new.editor.view.body.toPlainText() == "Đoạn một. Chưa lưu."
        assert QCoreApplication.translate("App", "Saved") == "Saved"

        # and back: Vietnamese again, at once
        page = again.show_page("language")
        page.language.setCurrentIndex(page.language.findData("vi"))
        qtbot.waitUntil(lambda: current["gui"] is not new, timeout=10_000)
        back = current["gui"]
        assert _menus(back) == vietnamese_menus
        assert back.window.preferences_dialog.windowTitle() == "Cài đặt"
        qtbot.waitUntil(lambda: back.editor.article is not None, timeout=5_000)
        assert back.editor.view.body.toPlainText() == "Đoạn một. Chưa lưu."
    finally:
        last = current["gui"]
        last.runner.wait()
        close_gui(last, last.translators)
        last.window.deleteLater()


def test_another_setting_does_not_rebuild(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    gui, trs = open_gui(qtbot, "en")  # --lang en, while the setting says vi
    replaced: list[object] = []
    gui.replaced.append(replaced.append)
    try:
        gui.ctx.update_settings(gui.ctx.settings.with_changes(byline="Đức Việt"))
        qtbot.wait(50)
        assert replaced == [] and gui.window.menuBar().actions()[0].text() == "&File"
    finally:
        gui.runner.wait()
        close_gui(gui, trs)
