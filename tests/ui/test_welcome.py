"""Issue 10: an empty store opens on a welcome page (not a disabled form); Ctrl+N works."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.ui.welcome import WelcomePage, user_guide_path
from tests.ui.test_app import close_gui, open_gui


def test_empty_store_shows_welcome_and_ctrl_n_leaves_it(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    try:
        gui.window.show()
        qtbot.waitExposed(gui.window)
        page = gui.welcome
        assert isinstance(page, WelcomePage) and page.isVisible()
        workspace = gui.window.splitter.widget(gui.window.splitter.indexOf(page) + 1)
        assert not workspace.isVisible()
        texts = [w.text() for w in page.findChildren(QLabel)] + [
            b.text() for b in page.findChildren(QPushButton)
        ]
        assert "Chào mừng đến với qk3editor" in texts
        assert "Bài viết mới" in texts
        assert page.buttons["new"].geometry().width() > 100
        gui.window.activateWindow()
        qtbot.waitActive(gui.window)
        page.buttons["new"].setFocus()  # the focus is on the page, as after start
        # through the window system, as a real key press (shortcuts included)
        QTest.keyClick(gui.window.windowHandle(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: gui.ctx.articles.count() == 1, timeout=5_000)
        qtbot.waitUntil(lambda: not page.isVisible(), timeout=5_000)
        assert gui.editor.view.isVisible() and gui.editor.view.title.isEnabled()
    finally:
        close_gui(gui, trs)


def test_welcome_buttons(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot, language="en")
    try:
        gui.window.show()
        page = gui.welcome
        assert page.buttons["new"].text() == "New article"
        page.buttons["portal"].click()
        dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert any(d.windowTitle() == "Publish targets" for d in dialogs)
        for d in dialogs:
            if d.windowTitle() == "Publish targets":
                d.close()
        page.buttons["new"].click()
        qtbot.waitUntil(lambda: gui.ctx.articles.count() == 1, timeout=5_000)
        qtbot.waitUntil(lambda: not page.isVisible(), timeout=5_000)
        assert user_guide_path() is not None
    finally:
        close_gui(gui, trs)


def test_a_store_with_articles_opens_without_welcome(qtbot, home: Path) -> None:
    ctx = AppContext.open()
    ctx.articles.create(ArticleFields(title="Có bài rồi"))
    ctx.close()
    gui, trs = open_gui(qtbot)
    try:
        assert gui.welcome is None
    finally:
        close_gui(gui, trs)


def test_the_editor_takes_the_welcome_pages_width(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    try:
        gui.window.resize(1366, 768)
        gui.window.show()
        qtbot.waitExposed(gui.window)
        page = gui.welcome
        width = page.width()
        assert width > gui.library.view.width()  # the page is the wide side, as the editor
        gui.window.new_action.trigger()
        qtbot.waitUntil(lambda: not page.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: abs(gui.editor.workspace.width() - width) < 40, timeout=5_000)
    finally:
        close_gui(gui, trs)
