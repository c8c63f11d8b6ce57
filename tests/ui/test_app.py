"""The whole window, built by the composition root on a real store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.markdown_io import read_article_file
from qk3editor.paths import resources_dir
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.tasks import InlineTaskRunner


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person, Vietnamese included (keyClicks cannot send non-ASCII)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def open_gui(qtbot, language: str = "vi"):  # type: ignore[no-untyped-def]
    ctx = AppContext.open(language=language)
    translators = install_translators(
        QApplication.instance(), language, resources_dir() / "translations"
    )
    gui = build_gui(ctx, InlineTaskRunner())
    qtbot.addWidget(gui.window)
    return gui, translators


def close_gui(gui, translators) -> None:  # type: ignore[no-untyped-def]
    gui.window.close()
    for t in translators:
        QCoreApplication.removeTranslator(t)
    gui.ctx.close()


def test_window_shows_imported_article_and_keeps_edits_after_restart(
    qtbot, home: Path, fixture_md: Path
) -> None:
    ctx = AppContext.open()
    imported = ctx.articles.create(read_article_file(fixture_md))
    ctx.close()

    gui, trs = open_gui(qtbot)
    gui.window.show()
    assert gui.window.file_menu.title() == "&Tệp"
    model = gui.library.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == imported.title
    assert model.index(0, 2).data() == "Bản nháp"
    gui.library.view.article_activated.emit(imported.id)
    editor = gui.editor.view
    assert editor.title.text() == imported.title
    assert editor.byline.text() == "Đức Việt"
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    type_text(editor.body, " Đã sửa: Chính ủy.")
    gui.window.save_action.trigger()
    close_gui(gui, trs)

    gui, trs = open_gui(qtbot)
    again = gui.ctx.articles.get(imported.id)
    assert again.body.rstrip().endswith("Đã sửa: Chính ủy.")
    assert again.version == imported.version + 1
    close_gui(gui, trs)


def test_new_article_is_in_the_store_at_once_and_can_be_spiked(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    gui.window.new_action.trigger()
    article_id = gui.editor.article_id
    assert article_id is not None and gui.ctx.articles.exists(article_id)
    type_text(gui.editor.view.title, "Huấn luyện")
    gui.window.spike_action.trigger()
    stored = gui.ctx.articles.get(article_id)
    assert stored.title == "Huấn luyện" and stored.status is Status.SPIKED
    assert gui.library.model.rowCount() == 0
    gui.window.restore_action.trigger()
    assert gui.ctx.articles.get(article_id).status is Status.DRAFT
    close_gui(gui, trs)


def test_filter_by_status_and_category(qtbot, home: Path) -> None:
    ctx = AppContext.open()
    a = ctx.articles.create(ArticleFields(title="A", category="tin-tuc-su-kien"))
    ctx.articles.create(ArticleFields(title="B"))
    ctx.articles.set_status(a.id, Status.SUBMITTED)
    ctx.close()
    gui, trs = open_gui(qtbot)
    view = gui.library.view
    assert gui.library.model.rowCount() == 2
    view.status_filter.setCurrentIndex(view.status_filter.findData("submitted"))
    assert gui.library.model.ids() == [a.id]
    view.status_filter.setCurrentIndex(0)
    view.category_filter.setCurrentIndex(view.category_filter.findText("Tin tức - Sự kiện"))
    assert gui.library.model.ids() == [a.id]
    close_gui(gui, trs)


def test_english_fallback(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot, language="en")
    assert gui.window.file_menu.title() == "&File"
    close_gui(gui, trs)


def test_window_geometry_is_remembered(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    gui.window.show()
    gui.window.resize(701, 503)
    close_gui(gui, trs)
    gui, trs = open_gui(qtbot)
    assert (gui.window.size().width(), gui.window.size().height()) == (701, 503)
    close_gui(gui, trs)


def test_first_frame_from_the_quick_reader_then_the_store_takes_over(qtbot, home: Path) -> None:
    from qk3editor.app import build_shell
    from qk3editor.storage.quick import QuickLibrary

    ctx = AppContext.open()
    made = [ctx.articles.create(ArticleFields(title=f"Bài {i}")) for i in range(3)]
    url = ctx.store.url
    ctx.close()
    quick = QuickLibrary.open(url)
    assert quick is not None
    shell = build_shell(AppContext.open().paths, quick)
    qtbot.addWidget(shell.window)
    assert shell.library_model is not None
    assert shell.library_model.rowCount() == 3
    assert shell.library_model.index(0, 0).data() == "Bài 2"
    ctx = AppContext.open()
    gui = build_gui(ctx, InlineTaskRunner(), shell=shell)
    quick.close()
    assert gui.library.model is shell.library_model
    gui.library.view.article_activated.emit(made[0].id)
    assert gui.editor.view.title.text() == "Bài 0"
    close_gui(gui, [])


def test_first_frame_reads_the_ids_once_in_the_remembered_order(qtbot, home: Path) -> None:
    """Issue 14 (start-up): the default sort indicator and the remembered columns each sort
    the model; the ids are read once, after both, in the order the person left."""
    from qk3editor.app import build_shell
    from qk3editor.storage.quick import QuickLibrary

    ctx = AppContext.open()
    for title in ("Bê", "An", "Cư"):
        ctx.articles.create(ArticleFields(title=title))
    url, paths = ctx.store.url, ctx.paths
    ctx.close()
    quick = QuickLibrary.open(url)
    assert quick is not None
    shell = build_shell(paths, quick)
    qtbot.addWidget(shell.window)
    assert shell.library_model is not None
    assert shell.library_model.index(0, 0).data() == "Cư"  # newest first by default
    shell.library_view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title
    shell.window.save_state()
    shell.window.close()

    reads: list[str] = []
    counted = quick.count_ids

    def count_ids(query):  # type: ignore[no-untyped-def]
        reads.append(query.order_by)
        return counted(query)

    quick.count_ids = count_ids  # type: ignore[method-assign]
    shell = build_shell(paths, quick)
    qtbot.addWidget(shell.window)
    assert reads == ["title"]
    assert [shell.library_model.index(r, 0).data() for r in range(3)] == ["An", "Bê", "Cư"]
    quick.close()


def test_gui_arguments_are_read_without_argparse() -> None:
    from qk3editor.app import gui_arguments

    assert gui_arguments([]) == {"store": None, "lang": None}
    assert gui_arguments(["--store", "/tmp/x.sqlite3", "--lang=en"]) == {
        "store": "/tmp/x.sqlite3",
        "lang": "en",
    }
    for argv in (["list"], ["--store"], ["--lang", "fr"], ["--help"], ["--store", "x", "show"]):
        assert gui_arguments(argv) is None, argv


def test_an_empty_editor_says_what_to_do(qtbot, home: Path) -> None:
    # (an empty store opens on the welcome page instead: tests/ui/test_welcome.py)
    ctx = AppContext.open()
    ctx.articles.create(ArticleFields(title="Một bài có sẵn"))
    ctx.close()
    gui, trs = open_gui(qtbot)
    gui.window.show()
    hint = gui.editor.view.empty_hint
    assert hint.isVisible() and "Ctrl+N" in hint.text() and hint.text().startswith("Chưa mở bài")
    gui.window.new_action.trigger()
    assert not hint.isVisible()
    close_gui(gui, trs)
