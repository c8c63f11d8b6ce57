"""Issue 10's acceptance, in the window: from an empty store, a new user goes from the welcome
page to a published article on the reference portal without leaving the app (no system
keyring: the password goes into the encrypted file, the passphrase asked once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_app import close_gui, open_gui, type_text


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_welcome_to_published(qtbot, home: Path, no_keyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning: {a[2]}"))
    gui, trs = open_gui(qtbot)
    try:
        gui.window.show()
        qtbot.waitExposed(gui.window)
        page = gui.welcome
        assert page is not None and page.isVisible()
        prompt = gui.ctx.publishing.secrets.passphrase
        prompt.get_text = lambda title, label: ("một cụm mật khẩu dài", True)

        # 1. Add a portal: the test portal on this computer, login checked
        page.buttons["portal"].click()
        dialog = _visible_targets_dialog(gui.window)
        panel = dialog.panel
        assert panel.local_button.isVisible()
        panel.local_button.click()
        assert panel.url.text().startswith("http://127.0.0.1:")
        panel.ask_without_keyring = lambda: "file"
        panel.add_button.click()
        assert panel.model.rowCount() == 1, panel.last_message
        dialog.close()

        # 2. A new article from the welcome page, typed like a person
        page.buttons["new"].click()
        qtbot.waitUntil(lambda: gui.editor.article_id is not None, timeout=5_000)
        assert not page.isVisible()
        view = gui.editor.view
        view.title.setFocus()
        type_text(view.title, "Bài đầu tiên của tôi")
        view.lead.setFocus()
        type_text(view.lead, "Sáng nay, bài viết đầu tiên được đăng.")
        view.body.setFocus()
        type_text(view.body, "Nội dung bài viết.")
        view.category.setCurrentIndex(view.category.findText("Tin tức - Sự kiện"))  # preflight

        # 3. Publish to the test portal
        gui.window.publish_action.trigger()
        publish = gui.publish.dialog
        qtbot.waitUntil(lambda: publish is not None and publish.isVisible(), timeout=5_000)
        publish.start_button.click()
        qtbot.waitUntil(lambda: "Đã đăng" in publish.result.text(), timeout=20_000)
        article_id = gui.editor.article_id
        assert f"/bai-viet/{article_id}" in publish.result.text()
        stored = home / "data" / "portal"
        assert any(article_id in p.name for p in stored.rglob("*")), list(stored.rglob("*"))
    finally:
        close_gui(gui, trs)


def _visible_targets_dialog(window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from qk3editor.ui.publish.targets_dialog import TargetsDialog

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, TargetsDialog)]
    found = [w for w in found if w.isVisible() and w.parentWidget() is window]
    assert len(found) == 1
    return found[0]
