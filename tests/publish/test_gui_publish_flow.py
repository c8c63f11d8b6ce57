"""The Publish action in the window: it publishes what the editor shows (the save goes first on
the db lane), and schedules in Vietnam time, sent in UTC to the portal and to WordPress."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from qk3editor.app import build_gui
from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState, PublishStatus
from qk3editor.paths import resources_dir
from qk3editor.ui.i18n import install_translators
from qk3editor.ui.tasks import InlineTaskRunner, TaskRunner
from tests.thread_guard import ThreadGuard, thread_guard
from tests.ui.test_app import close_gui, open_gui

FUTURE_DAY = (2031, 5, 20)  # at 08:00 in Vietnam = 01:00 UTC


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[ThreadGuard]:
    """No store write or keyring call on the GUI thread (tests/thread_guard.py)."""
    with thread_guard() as guard:
        yield guard
    assert not guard.violations, "\n".join(guard.violations)


def _open_real_runner(qtbot):  # type: ignore[no-untyped-def]
    ctx = AppContext.open(language="vi")
    trs = install_translators(QApplication.instance(), "vi", resources_dir() / "translations")
    gui = build_gui(ctx, TaskRunner())
    qtbot.addWidget(gui.window)
    return gui, trs


def test_publish_waits_for_the_save_and_sends_what_the_editor_shows(
    qtbot, home, portal, memkeyring
):
    gui, trs = _open_real_runner(qtbot)
    try:
        svc = gui.ctx.publishing
        svc.add_target("cong", "ninjs", portal.url, "editor", portal.secret)
        article = gui.ctx.articles.create(
            ArticleFields(
                category="Tin tức - Sự kiện",
                title="Tiêu đề cũ",
                lead="Sáng nay khai mạc.",
                body="Nội dung cũ.",
            )
        )
        gui.editor.open(article.id)
        qtbot.waitUntil(lambda: gui.editor.article_id == article.id, timeout=10_000)
        # a slow store: the save is still running on the db lane when Publish is pressed
        repo = gui.editor.repo
        real_autosave = repo.autosave
        saving = threading.Event()

        def slow_autosave(*args, **kwargs):  # type: ignore[no-untyped-def]
            saving.set()
            time.sleep(0.4)
            return real_autosave(*args, **kwargs)

        repo.autosave = slow_autosave
        gui.editor.view.title.setText("Tiêu đề mới trong trình soạn")
        gui.editor.view.body.setPlainText("Nội dung mới, chưa kịp lưu.")
        gui.window.publish_action.trigger()
        controller = gui.publish
        qtbot.waitUntil(lambda: controller.dialog is not None, timeout=10_000)
        dialog = controller.dialog
        assert dialog.article.title == "Tiêu đề mới trong trình soạn"
        assert dialog.article.body.startswith("Nội dung mới")
        assert saving.is_set()
        dialog.start_button.click()
        qtbot.waitUntil(lambda: "Đã đăng" in dialog.result.text(), timeout=20_000)
        item = portal.store.get_item(article.id)["item"]
        assert item["headlines"][0]["value"] == "Tiêu đề mới trong trình soạn"
        assert "Nội dung mới, chưa kịp lưu." in item["bodies"][0]["value"]
    finally:
        close_gui(gui, trs)


def _schedule(qtbot, gui, target: str):  # type: ignore[no-untyped-def]
    article = gui.ctx.articles.create(
        ArticleFields(
            category="Tin tức - Sự kiện",
            title="Bài hẹn giờ",
            lead="Tin hẹn giờ.",
            body="Nội dung hẹn giờ.",
        )
    )
    gui.editor.open(article.id)
    gui.window.publish_action.trigger()
    controller = gui.publish
    dialog = controller.dialog
    assert dialog is not None
    dialog.target.setCurrentText(target)
    assert not dialog.when.isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData(PublishStatus.FUTURE.value))
    assert dialog.when.isEnabled()
    dialog.set_local_time(datetime(*FUTURE_DAY, 8, 0))
    assert dialog.publish_at() == datetime(*FUTURE_DAY, 1, 0, tzinfo=UTC)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "Đã đăng" in dialog.result.text(), timeout=60_000)
    return article


def test_scheduled_at_8_vietnam_time_is_1_utc_at_the_portal(qtbot, home, portal, memkeyring):
    gui, trs = open_gui(qtbot)
    try:
        gui.ctx.publishing.add_target("cong", "ninjs", portal.url, "editor", portal.secret)
        article = _schedule(qtbot, gui, "cong")
        item = portal.store.get_item(article.id)["item"]
        assert item["embargoed"] == f"{FUTURE_DAY[0]}-{FUTURE_DAY[1]:02d}-{FUTURE_DAY[2]}T01:00:00Z"
    finally:
        close_gui(gui, trs)


def test_scheduled_at_8_vietnam_time_is_1_utc_at_wordpress(qtbot, home, wordpress, memkeyring):
    gui, trs = open_gui(qtbot)
    try:
        user, password = wordpress.auth
        gui.ctx.publishing.add_target("wp", "wordpress", wordpress.url, user, password)
        article = _schedule(qtbot, gui, "wp")
        remote = gui.ctx.publishing.repo.remote(article.id, "wp")
        post = httpx.get(
            wordpress.api(f"wp/v2/posts/{remote.remote_id}", context="edit"),
            auth=wordpress.auth,
            timeout=30,
        ).json()
        assert post["status"] == "future"
        assert post["date_gmt"] == f"{FUTURE_DAY[0]}-{FUTURE_DAY[1]:02d}-{FUTURE_DAY[2]}T01:00:00"
        assert post["date"].endswith("T08:00:00")  # the site's zone is Asia/Ho_Chi_Minh
    finally:
        close_gui(gui, trs)


def test_a_time_in_the_past_is_refused(qtbot, home, portal, memkeyring):
    gui, trs = open_gui(qtbot)
    try:
        svc = gui.ctx.publishing
        svc.add_target("cong", "ninjs", portal.url, "editor", portal.secret)
        article = gui.ctx.articles.create(
            ArticleFields(
                category="Tin tức - Sự kiện", title="Bài hẹn giờ", lead="Tin.", body="Nội dung."
            )
        )
        gui.editor.open(article.id)
        gui.window.publish_action.trigger()
        dialog = gui.publish.dialog
        dialog.status.setCurrentIndex(dialog.status.findData(PublishStatus.FUTURE.value))
        dialog.set_local_time(datetime(2020, 1, 1, 8, 0))
        dialog.start_button.click()
        assert "trong tương lai" in dialog.result.text()
        assert dialog.start_button.isEnabled()
        assert svc.repo.jobs() == []
        assert portal.store.get_item(article.id) is None
    finally:
        close_gui(gui, trs)


@pytest.mark.parametrize("status", ["draft", "pending"])
def test_status_choices_reach_the_job(qtbot, home, portal, memkeyring, status):
    gui, trs = open_gui(qtbot)
    try:
        svc = gui.ctx.publishing
        svc.add_target("cong", "ninjs", portal.url, "editor", portal.secret)
        article = gui.ctx.articles.create(
            ArticleFields(category="Tin tức - Sự kiện", title="Bài", lead="Tin.", body="Nội dung.")
        )
        gui.editor.open(article.id)
        gui.window.publish_action.trigger()
        dialog = gui.publish.dialog
        dialog.status.setCurrentIndex(dialog.status.findData(status))
        assert dialog.publish_at() is None
        dialog.start_button.click()
        qtbot.waitUntil(lambda: "Đã đăng" in dialog.result.text(), timeout=20_000)
        (job,) = svc.repo.jobs()
        assert job.status.value == status and job.state is JobState.DONE
        assert portal.store.get_item(article.id)["item"]["pubstatus"] == "withheld"
    finally:
        close_gui(gui, trs)


_ = InlineTaskRunner  # open_gui's runner: the scheduling tests need no real threads


def test_published_link_from_the_server_is_escaped():
    from qk3editor.ui.publish.controller import _link_html

    out = _link_html('https://site.vn/?p=1&x="><img src=x>')
    assert "<img" not in out
    assert out.startswith('<a href="https://site.vn/?p=1&amp;x=&quot;&gt;&lt;img src=x&gt;">')


def test_dialog_shows_what_is_sent_and_the_one_preflight_blocks(
    qtbot, home, portal, memkeyring, tmp_path
):
    """The dialog uses core.preflight (no own checks): an article without lead, body or
    category is blocked until "Publish anyway" is ticked, which is recorded; "Xem trên cổng"
    sends a draft and opens the portal's link; nothing became public before the publish."""
    from qk3editor.storage.publication_repository import PublicationRepository

    gui, trs = open_gui(qtbot)
    try:
        svc = gui.ctx.publishing
        svc.add_target("cong", "ninjs", portal.url, "editor", portal.secret)
        article = gui.ctx.articles.create(ArticleFields(title="Chỉ có tiêu đề"))
        dialog = gui.publish.publish_article(article)
        assert dialog is not None
        assert dialog.title_label.text() == "Chỉ có tiêu đề"
        assert dialog.date_label.text()  # the date readers will see (the one rule)
        texts = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
        assert any("chuyên mục" in t for t in texts) and any("sapo" in t for t in texts)
        assert len(dialog.blocking) == 3 and dialog.force.isVisibleTo(dialog)

        opened: list[str] = []
        controller = gui.publish
        controller.open_url = opened.append
        dialog.preview_button.click()
        qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
        assert opened[0].endswith(f"/bai-viet/{article.id}")
        assert portal.store.get_item(article.id)["item"]["pubstatus"] == "withheld"

        dialog.start_button.click()
        assert "Vẫn đăng" in dialog.result.text()
        assert portal.store.get_item(article.id)["item"]["pubstatus"] == "withheld"
        dialog.force.setChecked(True)
        dialog.start_button.click()
        qtbot.waitUntil(lambda: "Đã đăng" in dialog.result.text(), timeout=20_000)
        assert portal.store.get_item(article.id)["item"]["pubstatus"] == "usable"
        pub = PublicationRepository(gui.ctx.store).get(article.id, "cong")
        assert pub is not None and pub.forced_by == controller.who()
        assert gui.ctx.articles.get(article.id).status.value == "published"
    finally:
        close_gui(gui, trs)
