"""Issue 10 in the window: without a system keyring the targets dialog keeps passwords in the
encrypted file (passphrase asked once), refuses a wrong password, and edits a target."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from qk3editor.ui.passphrase import PassphrasePrompt
from tests.publish.conftest import Portal
from tests.ui.test_app import close_gui, open_gui


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    p = Portal(tmp_path / "portal")
    yield p
    p.stop()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _fill(panel, name: str, url: str, secret: str) -> None:  # type: ignore[no-untyped-def]
    panel.name.setText(name)
    panel.kind.setCurrentIndex(panel.kind.findData("ninjs"))
    panel.url.setText(url)
    panel.user.setText("editor")
    panel.secret.setText(secret)


def test_encrypted_file_wrong_password_and_edit(qtbot, home, portal, no_keyring, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    gui, trs = open_gui(qtbot)
    try:
        prompt = gui.ctx.publishing.secrets.passphrase
        assert isinstance(prompt, PassphrasePrompt)
        questions: list[str] = []

        def answer(title: str, label: str) -> tuple[str, bool]:
            questions.append(label)
            return "cụm từ bí mật", True

        prompt.get_text = answer  # type: ignore[method-assign]
        panel = gui.publish.show_targets().panel
        panel.ask_without_keyring = lambda: "file"

        _fill(panel, "cong", portal.url, "sai-mat-khau")
        panel.add_button.click()
        assert panel.model.rowCount() == 0
        assert panel.last_message.startswith("Không đăng nhập được vào cong nên nơi đăng chưa")
        assert "không chấp nhận tên người dùng hoặc mật khẩu (401)" in panel.last_message

        _fill(panel, "cong", portal.url, portal.secret)
        panel.add_button.click()
        assert panel.model.rowCount() == 1
        assert len(questions) == 2  # a new passphrase, typed twice; once per session
        keyring_file = home / "data" / "passwords.keyring"
        assert keyring_file.is_file()
        everything = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())
        assert portal.secret.encode() not in everything
        assert "cụm từ bí mật".encode() not in everything

        # edit: select it, change the address to one that does not answer: refused
        panel.list.setCurrentIndex(panel.model.index(0, 0))
        assert panel.url.text() == portal.url and panel.save_button.isEnabled()
        panel.url.setText("http://127.0.0.1:9")
        panel.save_button.click()
        assert gui.ctx.publishing.repo.target("cong").url == portal.url
        panel.check.setChecked(False)  # offline: saved without trying
        panel.save_button.click()
        assert gui.ctx.publishing.repo.target("cong").url == "http://127.0.0.1:9"
        panel.check.setChecked(True)
        panel.url.setText(portal.url)
        panel.save_button.click()
        assert gui.ctx.publishing.repo.target("cong").url == portal.url
        assert len(questions) == 2  # still unlocked
    finally:
        close_gui(gui, trs)


def test_prompt_asks_on_the_gui_thread_for_a_worker(qtbot, home, no_keyring):
    gui, trs = open_gui(qtbot)
    try:
        prompt = gui.ctx.publishing.secrets.passphrase
        seen: list[bool] = []

        def answer(title: str, label: str) -> tuple[str, bool]:
            seen.append(threading.current_thread() is threading.main_thread())
            return "", False  # the person cancels

        prompt.get_text = answer  # type: ignore[method-assign]
        got: list[str | None] = []
        worker = threading.Thread(target=lambda: got.append(prompt(False)))
        worker.start()
        qtbot.waitUntil(lambda: bool(got), timeout=5_000)
        worker.join()
        assert got == [None] and seen == [True]
        # after a cancel, background work does not ask again until the person acts
        again = threading.Thread(target=lambda: got.append(prompt(False)))
        again.start()
        again.join(5)
        assert got == [None, None] and seen == [True]
        prompt.allow_again()
        assert prompt.declined is False
    finally:
        close_gui(gui, trs)
