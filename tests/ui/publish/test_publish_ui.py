"""One-click publishing in the window, against the reference portal on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtTest import QAbstractItemModelTester

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState
from qk3editor.ui.publish.conflict_dialog import ConflictDialog
from qk3editor.ui.publish.outbox_view import OutboxModel
from tests.publish.conftest import Portal
from tests.publish.helpers import MemoryKeyring
from tests.ui.test_app import close_gui, open_gui


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    p = Portal(tmp_path / "portal")
    yield p
    p.stop()


@pytest.fixture
def memkeyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _setup(qtbot, portal, secret=None):  # type: ignore[no-untyped-def]
    gui, trs = open_gui(qtbot)
    svc = gui.ctx.publishing
    svc.add_target("cong", "ninjs", portal.url, "editor", secret or portal.secret)
    article = gui.ctx.articles.create(
        ArticleFields(
            title="Hội thi cán bộ",
            lead="Sáng nay khai mạc.",
            body="Nội dung.",
            category="Tin tức - Sự kiện",
        )
    )
    gui.editor.open(article.id)
    return gui, trs, svc, article


def test_publish_action_shows_steps_and_link(qtbot, home, portal, memkeyring):
    gui, trs, _svc, article = _setup(qtbot, portal)
    try:
        gui.window.publish_action.trigger()
        controller = gui.publish
        dialog = controller.dialog
        assert dialog is not None
        dialog.start_button.click()
        qtbot.waitUntil(lambda: "Đã đăng" in dialog.result.text(), timeout=10_000)
        assert f"/bai-viet/{article.id}" in dialog.result.text()
        qtbot.waitUntil(lambda: dialog.steps.count() >= 2, timeout=5_000)
        assert any("Bài viết" in dialog.steps.item(i).text() for i in range(dialog.steps.count()))
        assert gui.ctx.articles.get(article.id).version == article.version  # unchanged
    finally:
        close_gui(gui, trs)


def test_failure_names_step_and_reason_in_vietnamese(qtbot, home, portal, memkeyring):
    gui, trs, _svc, article = _setup(qtbot, portal, secret="sai-mat-khau")
    try:
        gui.window.publish_action.trigger()
        dialog = gui.publish.dialog
        dialog.start_button.click()
        qtbot.waitUntil(lambda: "không thành công" in dialog.result.text(), timeout=10_000)
        text = dialog.result.text()
        assert "Bài viết" in text  # the step
        assert "không chấp nhận tên người dùng hoặc mật khẩu" in text  # the reason
        assert "sai-mat-khau" not in text
        assert gui.ctx.articles.get(article.id) == article
    finally:
        close_gui(gui, trs)


def test_conflict_is_shown_and_keeping_the_server_version_cancels(qtbot, home, portal, memkeyring):
    gui, trs, svc, article = _setup(qtbot, portal)
    try:
        done = svc.outbox.run_job(svc.outbox.enqueue(article, [], "cong").id)
        assert done.state is JobState.DONE
        portal.store.edit_item(article.id, "Sửa trên cổng")
        controller = gui.publish
        seen = []
        controller.ask_conflict = lambda conflict: seen.append(conflict) or False
        gui.window.publish_action.trigger()
        controller.dialog.start_button.click()
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        dialog = ConflictDialog(seen[0])
        qtbot.addWidget(dialog)
        assert "Sửa trên cổng" in dialog.remote_view.property("text")
        assert "Hội thi cán bộ" in dialog.local_view.property("text")
        assert portal.store.get_item(article.id)["item"]["headlines"][0]["value"] == (
            "Sửa trên cổng"
        )
        assert svc.repo.jobs()[-1].state is JobState.CANCELLED
    finally:
        close_gui(gui, trs)


def test_targets_dialog_without_keyring_asks_and_never_saves_plain_text(qtbot, home, portal):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    gui, trs = open_gui(qtbot)
    try:
        controller = gui.publish
        dialog = controller.show_targets()
        dialog.name.setText("cong")
        dialog.kind.setCurrentIndex(dialog.kind.findData("ninjs"))
        dialog.url.setText(portal.url)
        dialog.user.setText("editor")
        dialog.secret.setText(portal.secret)
        dialog.ask_without_keyring = lambda: False  # the person cancels
        dialog.add_button.click()
        assert dialog.model.rowCount() == 0
        dialog.ask_without_keyring = lambda: True  # keep it for this session
        dialog.add_button.click()
        assert dialog.model.rowCount() == 1
        assert gui.ctx.publishing.outbox.test_target("cong") == "editor"
        data = b"".join(p.read_bytes() for p in (home / "data").glob("*.sqlite3*"))
        assert portal.secret.encode() not in data
    finally:
        close_gui(gui, trs)
        keyring.set_keyring(previous)


def test_outbox_model(qtbot, home, portal, memkeyring):
    gui, trs, svc, article = _setup(qtbot, portal)
    try:
        svc.outbox.run_job(svc.outbox.enqueue(article, [], "cong").id)
        svc.outbox.enqueue(article, [], "cong")
        model = OutboxModel(svc, gui.ctx.translator)
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        assert model.rowCount() == 2
        states = {model.index(r, 1).data() for r in range(2)}
        assert states == {"Đã đăng", "Đang chờ"}
    finally:
        close_gui(gui, trs)
