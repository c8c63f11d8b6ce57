"""The one operation path: the thread guard, the change bus and every view that follows it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.photos import PhotoMetadata
from qk3editor.core.publish_data import PublishStatus, Target, TargetKind
from qk3editor.photos.desk import import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.storage.photos_repository import PhotoRepository
from qk3editor.ui.operations import CHANGE_KINDS, ChangeBus, Operations
from qk3editor.ui.photos.article_photos import ArticlePhotosDialog
from qk3editor.ui.publish.outbox_view import OutboxDialog
from qk3editor.ui.publish.targets_dialog import TargetsDialog
from qk3editor.ui.tasks import InlineTaskRunner, TaskRunner
from tests.photos.photo_factory import jpeg_bytes
from tests.publish.helpers import MemoryKeyring
from tests.thread_guard import ThreadGuard, thread_guard
from tests.ui.test_app import close_gui, open_gui


class OnTheGuiThreadRunner(TaskRunner):
    """A broken runner: runs every job on the calling (GUI) thread as if it were not a job —
    what a write straight from a slot does. The guard must catch it."""

    def _start(self, lane: str, job_id: int, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except BaseException as exc:
            self._on_relay_errored(job_id, exc)
        else:
            self._on_relay_finished(job_id, result)


@pytest.fixture
def memkeyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _photos(tmp_path: Path, repo: PhotoRepository, n: int = 2) -> list[int]:
    card = tmp_path / "card"
    card.mkdir()
    for i in range(n):
        (card / f"p{i}.jpg").write_bytes(jpeg_bytes(size=(320, 240), color=(i * 90, 20, 20)))
    result = import_photos(repo, [card], IngestOptions(tmp_path / "thumbs", workers=1))
    return [p.id for p in result.photos]


def test_the_guard_catches_a_store_write_and_a_keyring_call_on_the_gui_thread(
    qtbot, ctx, memkeyring, gui_thread_guard: ThreadGuard
) -> None:
    article = ctx.articles.create(ArticleFields(title="Bài"))  # a test's own setup may write
    services = ctx.publishing
    for runner, caught in ((OnTheGuiThreadRunner(), True), (InlineTaskRunner(), False)):
        with thread_guard() as guard:
            ops = Operations(runner, ChangeBus())
            ops.run(lambda: ctx.articles.update(article.id, ArticleFields(title="Mới")))
            dialog = TargetsDialog(services, ops)
            qtbot.addWidget(dialog)
            dialog.name.setText("cong")
            dialog.kind.setCurrentIndex(1)
            dialog.url.setText("http://127.0.0.1:9/")
            dialog.user.setText("editor")
            dialog.secret.setText("mật khẩu")
            dialog.check.setChecked(False)  # offline add: no login to the unreachable address
            dialog.add_button.click()
            services.repo.remove_target("cong")
        found = "\n".join(guard.violations)
        assert ("UPDATE articles" in found) is caught, found
        assert ("keyring system_available" in found) is caught, found
        assert ("keyring set" in found) is caught, found
        assert ("INSERT INTO publish_targets" in found) is caught, found
        assert ("on the GUI thread, from ui/" in found) is caught  # the GUI code that called
    # a real worker thread may write; the test's setup above is not GUI code
    with thread_guard() as guard:
        t = threading.Thread(target=lambda: ctx.articles.update(article.id, ArticleFields()))
        t.start()
        t.join()
    assert guard.violations == []
    gui_thread_guard.violations.clear()  # the deliberate ones


def test_an_operation_announces_its_changes_then_calls_back(qtbot, ctx) -> None:
    bus = ChangeBus()
    ops = Operations(InlineTaskRunner(), bus)
    seen: list[object] = []
    bus.changed.connect(lambda kind, ids: seen.append((kind, ids)))
    ops.run(
        lambda: ctx.articles.create(ArticleFields(title="Mới")),
        changes=lambda a: [("article", [a.id])],
        on_done=lambda a: seen.append(("done", a.title)),
    )
    assert seen[0][0] == "article" and len(seen[0][1]) == 1
    assert seen[1] == ("done", "Mới")
    failures: list[str] = []
    ops.failed.connect(failures.append)
    ops.run(lambda: ctx.articles.get("không-có"), changes=[("article", ["x"])])
    assert len(seen) == 2  # nothing announced for a failure
    assert failures and "không-có" in failures[0]
    with pytest.raises(ValueError):
        bus.announce("no-such-kind", [])


def test_every_change_kind_refreshes_the_views_that_show_it(
    qtbot, home: Path, tmp_path: Path, memkeyring
) -> None:
    """A change made elsewhere (here: straight in the store) shows in each view once the bus
    announces it: library, editor, photo desk, article photos dialog, outbox, targets,
    preflight panel."""
    gui, trs = open_gui(qtbot)
    try:
        ctx, bus = gui.ctx, gui.bus
        assert set(CHANGE_KINDS) == {
            "article",
            "photo",
            "article_photos",
            "outbox",
            "target",
            "settings",
            "lease",
        }
        desk = gui.photo_desk
        publish = gui.publish
        repo = ctx.photos
        ids = _photos(tmp_path, repo)
        article = ctx.articles.create(
            ArticleFields(title="Bài", lead=" ".join(["từ"] * 60), body="Thân bài.")
        )
        gui.library.refresh()
        gui.editor.open(article.id)
        codes = lambda: [  # noqa: E731
            gui.editor.workspace.preflight.model.finding(i).code
            for i in range(gui.editor.workspace.preflight.model.rowCount())
        ]
        assert "no_featured_photo" in codes() and "lead_too_long" not in codes()
        photos_dialog = ArticlePhotosDialog(repo, desk.thumbs, article.id, gui.ops, gui.window)
        outbox = OutboxDialog(publish.services, gui.ops, gui.window)
        targets = TargetsDialog(publish.services, gui.ops, gui.window)
        for w in (photos_dialog, outbox, targets):
            qtbot.addWidget(w)

        # article: the library's row and the editor's status
        row = gui.library.model.row_of(article.id)
        title = lambda: gui.library.model.index(row, 0).data()  # noqa: E731
        assert title() == "Bài"
        ctx.articles.update(article.id, ArticleFields(title="Bài đã sửa"))
        ctx.revisions.change_status(article.id, Status.SUBMITTED, "Tổng biên tập")
        assert title() == "Bài"  # the cached row, until the bus says
        bus.announce("article", [article.id])
        assert title() == "Bài đã sửa"
        assert gui.editor.article.status is Status.SUBMITTED
        assert gui.editor.view.status_label.text() == "Đã gửi duyệt"
        other = ctx.articles.create(ArticleFields(title="Bài khác"))
        bus.announce("article", [other.id])  # a new article: the list shows it
        assert other.id in gui.library.model.ids()
        ctx.articles.spike(other.id)
        bus.announce("article", [other.id])  # spiked elsewhere: it leaves the list
        assert other.id not in gui.library.model.ids()
        assert article.id in gui.library.model.ids()

        # photo: the desk's row
        desk.model.refresh()
        col = desk.model.COLUMNS.index("headline")
        find = lambda: [  # noqa: E731
            desk.model.index(r, col).data() for r in range(desk.model.rowCount())
        ]
        assert "Tít mới" not in find()
        meta = repo.get(ids[0]).metadata
        repo.update_metadata(ids[0], PhotoMetadata(**{**meta.__dict__, "headline": "Tít mới"}))
        assert "Tít mới" not in find()
        bus.announce("photo", [ids[0]])
        assert "Tít mới" in find()

        # article_photos: the dialog's list and the editor's preflight
        assert photos_dialog.model.rowCount() == 0
        repo.attach(article.id, ids)
        bus.announce("article_photos", [article.id])
        assert photos_dialog.model.rowCount() == 2
        assert "no_featured_photo" not in codes()

        # target: the targets dialog
        assert targets.model.rowCount() == 0
        publish.services.repo.add_target(
            Target("cong", TargetKind.NINJS, "http://127.0.0.1:9/", "editor", {})
        )
        bus.announce("target", ["cong"])
        assert targets.model.rowCount() == 1

        # outbox: the outbox dialog
        assert outbox.model.rowCount() == 0
        job = publish.services.outbox.enqueue(
            ctx.articles.get(article.id), [], "cong", PublishStatus.DRAFT
        )
        bus.announce("outbox", [job.id])
        assert outbox.model.rowCount() == 1

        # lease (issue 16): taken over elsewhere, the open article turns read-only
        from qk3editor.core.leases import LeaseOwner
        from qk3editor.storage.leases_repository import LeaseRepository

        assert not gui.editor.read_only
        other_app = LeaseOwner("lan", "Thu Lan", "may-2", 1)
        LeaseRepository(ctx.store, other_app).acquire(article.id, takeover_reason="Sửa gấp")
        bus.announce("lease", [article.id])
        assert gui.editor.read_only and "Thu Lan" in gui.leases.banner.label.text()

        # settings: the preflight's lead-length limit
        ctx.save_settings(ctx.settings.with_changes(lead_max_words=50))
        bus.announce("settings", ["lead_max_words"])
        assert "lead_too_long" in codes()
    finally:
        close_gui(gui, trs)


def test_export_writes_what_the_editor_shows(qtbot, home: Path, tmp_path: Path) -> None:
    gui, trs = open_gui(qtbot)
    try:
        article = gui.ctx.articles.create(ArticleFields(title="Bài", lead="Sapo.", body="Cũ."))
        gui.editor.open(article.id)
        gui.editor.view.body.setPlainText("Nội dung **mới** chưa lưu.")
        files = gui.editor_menus.file
        for fmt in ("md", "html", "docx"):
            with qtbot.waitSignal(files.exported, timeout=10_000):
                files.export(fmt, tmp_path / f"bai.{fmt}")
        assert "Nội dung **mới** chưa lưu." in (tmp_path / "bai.md").read_text(encoding="utf-8")
        page = (tmp_path / "bai.html").read_text(encoding="utf-8")
        assert "<strong>mới</strong>" in page and "Sapo." in page
        import docx

        text = "\n".join(p.text for p in docx.Document(str(tmp_path / "bai.docx")).paragraphs)
        assert "Nội dung mới chưa lưu." in text
    finally:
        close_gui(gui, trs)


def test_a_batch_of_new_articles_refreshes_the_library_once(qtbot) -> None:
    """An import or a remote batch announces N articles: the list is counted once, not N times."""
    gui, trs = open_gui(qtbot)
    try:
        made = [gui.ctx.articles.create(ArticleFields(title=f"Bài {i}")) for i in range(5)]
        model = gui.library.model
        refreshes: list[int] = []
        model.modelReset.connect(lambda: refreshes.append(1))
        gui.bus.announce_remote("article", [a.id for a in made])  # another process's batch
        assert len(refreshes) == 1
        assert model.rowCount() >= 5

    finally:
        close_gui(gui, trs)
