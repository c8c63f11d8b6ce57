"""The reporter's editor in the real window on a real store (InlineTaskRunner)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qk3editor.core.articles import ArticleFields, Status
from qk3editor.core.preflight import Location
from qk3editor.core.revisions import RevisionReason
from qk3editor.storage.editor_repository import EditorRepository
from tests.ui.test_app import close_gui, open_gui, type_text


def _open_new(qtbot, gui) -> None:  # type: ignore[no-untyped-def]
    gui.window.show()
    gui.editor.new_article()
    qtbot.waitUntil(lambda: gui.editor.article is not None)


def _stored_body(gui) -> str:  # type: ignore[no-untyped-def]
    return gui.ctx.articles.get(gui.editor.article.id).body


def test_typing_is_autosaved_vietnamese_included(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    body = gui.editor.view.body
    type_text(body, "Chiến sĩ mới ")
    event = QInputMethodEvent("", [])
    event.setCommitString("tiếng Việt")
    QApplication.sendEvent(body, event)
    assert gui.editor.autosaver.dirty
    qtbot.waitUntil(lambda: _stored_body(gui) == "Chiến sĩ mới tiếng Việt", timeout=5000)
    close_gui(gui, trs)


def test_composition_is_committed_before_a_save(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    body = gui.editor.view.body
    type_text(body, "Ban ")
    QApplication.sendEvent(body, QInputMethodEvent("dân vận", []))  # still being composed
    assert "dân vận" not in body.toPlainText()
    gui.editor.save()
    assert body.toPlainText() == "Ban dân vận"
    assert _stored_body(gui) == "Ban dân vận"
    close_gui(gui, trs)


def test_formatting_actions_and_find_replace_undo_in_one_step(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    ws = gui.editor.workspace
    body = gui.editor.view.body
    body.setPlainText("hội nghị dân vận\ndân vận khéo")
    cursor = body.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    ws.formatting.bold.trigger()
    assert body.toPlainText().startswith("**hội ngh**ị")
    ws.formatting.heading.trigger()
    assert body.toPlainText().startswith("## **hội")
    ws.formatting.heading.trigger()
    assert body.toPlainText().startswith("**hội")
    ws.find_bar.find_text.setText("dân vận")
    ws.find_bar.replace_text.setText("Dân vận")
    before = body.toPlainText()
    assert ws.find_bar.replace_all() == 2
    assert body.toPlainText().count("Dân vận") == 2
    body.undo()
    assert body.toPlainText() == before
    close_gui(gui, trs)


def test_preview_shows_the_portal_shape_and_drops_stale_renders(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    a = gui.ctx.articles.create(
        ArticleFields(
            title="Lễ ra quân huấn luyện",
            lead="QK3 online - Sáng nay",
            body="Đoạn một.\n\n## Mục hai\n\nĐoạn hai.",
            category="Tin tức - Sự kiện",
            byline="Đức Việt",
        )
    )
    gui.window.show()
    gui.editor.open(a.id)
    preview = gui.editor.preview
    qtbot.waitUntil(lambda: "Lễ ra quân huấn luyện" in gui.editor.workspace.preview.toPlainText())
    text = gui.editor.workspace.preview.toPlainText()
    assert text.index("Tin tức - Sự kiện") < text.index("Lễ ra quân") < text.index("Sáng nay")
    assert text.rstrip().endswith("Đức Việt")
    # a render that finishes after a newer one was shown is dropped
    shown = preview.shown_generation
    from qk3editor.ui.editor.preview import Rendered

    preview._on_rendered(Rendered([0], shown - 1, ["<p>STALE</p>"]))
    assert "STALE" not in gui.editor.workspace.preview.toPlainText()
    # typing re-renders after the pause
    type_text(gui.editor.view.body, " Thêm")
    qtbot.waitUntil(lambda: "Thêm" in gui.editor.workspace.preview.toPlainText())
    close_gui(gui, trs)


def test_revisions_history_diff_and_restore(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    ed = gui.editor
    body = ed.view.body
    body.setPlainText("Bản thứ nhất")
    ed.save_revision()
    body.setPlainText("Bản thứ hai")
    ed.save_revision()
    repo = EditorRepository(gui.ctx.store)
    revs = repo.revisions(ed.article.id)
    saves = [r for r in revs if r.reason is RevisionReason.SAVE]
    assert [r.snapshot.body for r in saves] == ["Bản thứ hai", "Bản thứ nhất"]
    panel = ed.workspace.history
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(revs))
    panel.list.selectAll()
    assert "line-through" in panel.diff.toHtml() or "nhất" in panel.diff.toPlainText()
    first = next(
        i for i in range(panel.model.rowCount()) if panel.model.revision(i).id == saves[1].id
    )
    panel.list.clearSelection()
    panel.list.selectionModel().select(
        panel.model.index(first), panel.list.selectionModel().SelectionFlag.Select
    )
    panel.restore_button.click()
    assert body.toPlainText() == "Bản thứ nhất"
    assert _stored_body(gui) == "Bản thứ nhất"
    assert repo.revisions(ed.article.id)[0].reason is RevisionReason.RESTORE
    close_gui(gui, trs)


def test_workflow_actions_follow_the_rules_and_record_who(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    gui.ctx.save_settings(gui.ctx.settings.with_changes(user_name="Phóng viên A"))
    _open_new(qtbot, gui)
    actions = gui.editor.workflow.actions
    assert actions[Status.SUBMITTED].isEnabled()
    assert not actions[Status.PUBLISHED].isEnabled()
    actions[Status.SUBMITTED].trigger()
    assert gui.editor.article.status is Status.SUBMITTED
    assert actions[Status.APPROVED].isEnabled() and not actions[Status.SUBMITTED].isEnabled()
    history = EditorRepository(gui.ctx.store).status_history(gui.editor.article.id)
    assert [(h.to_status, h.who) for h in history] == [(Status.SUBMITTED, "Phóng viên A")]
    gui.window.spike_action.trigger()
    assert gui.editor.article.status is Status.SPIKED
    gui.window.restore_action.trigger()
    assert gui.editor.article.status is Status.SUBMITTED
    close_gui(gui, trs)


def test_preflight_item_jumps_to_its_place(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    ed = gui.editor
    ed.view.title.setText("Tiêu đề")
    ed.view.body.setPlainText("Đoạn một.\n\nĐoạn hai, thành ủy.\n\nChính uỷ nói.")
    ed.run_preflight()
    panel = ed.workspace.preflight
    codes = [panel.model.finding(i).code for i in range(panel.model.rowCount())]
    tone = "tone.mixed" if "tone.mixed" in codes else "tone_mixed"  # the toolkit's, or ours
    assert codes[0] == "no_lead" and tone in codes
    row = codes.index(tone)
    panel.list.clicked.emit(panel.model.index(row))
    loc: Location = panel.model.finding(row).location
    cursor = ed.view.body.textCursor()
    assert cursor.blockNumber() == loc.line and cursor.selectedText() in {"ủy", "uỷ"}
    close_gui(gui, trs)


def _limit_store(gui, limit: int | None) -> None:  # type: ignore[no-untyped-def]
    """Full disk: SQLite's max_page_count gives the same SQLITE_FULL a full file system gives.
    Read-only: ``query_only`` when running as root (chmod does not stop root), else chmod."""
    from sqlalchemy import event

    def on_connect(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        if limit is None:
            cur.execute("PRAGMA max_page_count=1073741823")
        else:
            cur.execute(f"PRAGMA max_page_count={cur.execute('PRAGMA page_count').fetchone()[0]}")
        cur.close()

    event.listen(gui.ctx.store.engine, "connect", on_connect)
    gui.ctx.store.engine.dispose()


def test_disk_full_tells_the_user_keeps_the_text_and_saves_when_space_returns(
    qtbot, home: Path
) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    ed = gui.editor
    ed.autosaver._retry_ms = 100
    ed.view.body.setPlainText("Đoạn đã lưu.")
    ed.save()
    _limit_store(gui, 0)
    big = "Chiến sĩ mới hăng hái luyện tập. " * 5000
    ed.view.body.setPlainText(big)
    ed.save()
    assert ed.workspace.banner.isVisibleTo(gui.window)
    assert "disk is full" in ed.workspace.banner.text() or "đầy" in ed.workspace.banner.text()
    assert ed.view.body.toPlainText() == big
    assert _stored_body(gui) == "Đoạn đã lưu."
    _limit_store(gui, None)
    qtbot.waitUntil(lambda: not ed.workspace.banner.isVisibleTo(gui.window), timeout=5000)
    assert _stored_body(gui) == big
    close_gui(gui, trs)


def test_read_only_store_tells_the_user_and_nothing_is_lost(qtbot, home: Path) -> None:
    from sqlalchemy import event

    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    ed = gui.editor
    ed.autosaver._retry_ms = 100
    engine = gui.ctx.store.engine
    db_file = Path(engine.url.database)
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0

    def read_only(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA query_only=ON")

    if as_root:
        event.listen(engine, "connect", read_only)
    else:
        for f in db_file.parent.glob(db_file.name + "*"):
            f.chmod(0o444)
    engine.dispose()
    ed.view.body.setPlainText("Bài viết khi ổ chỉ đọc")
    ed.save()
    assert ed.workspace.banner.isVisibleTo(gui.window)
    assert ed.view.body.toPlainText() == "Bài viết khi ổ chỉ đọc"
    if as_root:
        event.remove(engine, "connect", read_only)
    else:
        for f in db_file.parent.glob(db_file.name + "*"):
            f.chmod(0o644)
    engine.dispose()
    qtbot.waitUntil(lambda: not ed.workspace.banner.isVisibleTo(gui.window), timeout=5000)
    assert _stored_body(gui) == "Bài viết khi ổ chỉ đọc"
    close_gui(gui, trs)


def _docx(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Huấn luyện chiến sĩ mới", style="Title")
    d.add_heading("Mục tiêu", level=1)
    d.add_paragraph("Bắn súng", style="List Bullet")
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (0, 90, 0)).save(buf, "JPEG")
    d.add_picture(io.BytesIO(buf.getvalue()))
    d.add_paragraph("Chiến sĩ tập bắn", style="Caption")
    d.save(str(path))


def test_dropping_a_word_file_on_the_window_imports_it(qtbot, home: Path, tmp_path: Path) -> None:
    gui, trs = open_gui(qtbot)
    gui.window.show()
    src = tmp_path / "bai.docx"
    _docx(src)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    target = gui.editor.view.body.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, enter)  # a drag enters first, as with a real mouse
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(target, drop)
    qtbot.waitUntil(lambda: gui.editor.article is not None)
    a = gui.ctx.articles.get(gui.editor.article.id)
    assert a.title == "Huấn luyện chiến sĩ mới"
    assert "# Mục tiêu" in a.body and "- Bắn súng" in a.body
    assert f"![Chiến sĩ tập bắn](qk3photo:{a.id}-1)" in a.body
    assert (gui.ctx.paths.photos_dir / "imported" / f"{a.id}-1.jpg").is_file()
    assert "Chiến sĩ tập bắn" in gui.editor.workspace.preview.toPlainText()
    assert gui.editor.view.body.toPlainText() == a.body
    close_gui(gui, trs)


def test_restart_reopens_the_article_where_the_cursor_was(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    body = gui.editor.view.body
    body.setPlainText("Dòng một\nDòng hai\nDòng ba")
    cursor = body.textCursor()
    cursor.setPosition(12)
    body.setTextCursor(cursor)
    gui.editor.save()
    article_id = gui.editor.article.id
    close_gui(gui, trs)

    gui, trs = open_gui(qtbot)
    gui.window.show()
    with qtbot.waitSignal(gui.editor.session_restored) as blocker:
        gui.editor.restore_session()
    assert blocker.args == [article_id]
    assert gui.editor.view.body.textCursor().position() == 12
    close_gui(gui, trs)


def test_focus_mode_hides_all_but_the_body(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    _open_new(qtbot, gui)
    ws = gui.editor.workspace
    ws.set_focus_mode(True)
    assert not ws.tabs.isVisibleTo(gui.window) and not ws.formatting.isVisibleTo(gui.window)
    assert gui.editor.view.body.isVisibleTo(gui.window)
    assert not gui.editor.view.title.isVisibleTo(gui.window)
    ws.set_focus_mode(False)
    assert ws.tabs.isVisibleTo(gui.window)
    QTest.qWait(1)
    close_gui(gui, trs)


def test_no_two_actions_share_a_shortcut(qtbot, home: Path) -> None:
    """An ambiguous shortcut fires neither action: every key sequence in the window is unique."""
    from PySide6.QtGui import QAction

    gui, trs = open_gui(qtbot)
    seen: dict[str, str] = {}
    for action in gui.window.findChildren(QAction):
        for seq in action.shortcuts():
            key = seq.toString()
            if key and action.text():
                assert seen.setdefault(key, action.text()) == action.text(), key
    assert seen  # the check looked at something
    close_gui(gui, trs)


@pytest.mark.parametrize("style", ["old", "new"])
def test_preflight_follows_the_house_style(qtbot, home: Path, style: str) -> None:
    """Issue 11: the preflight lists only the words away from the house style of the
    settings, each once (house style old: "uỷ"; new: "ủy")."""
    gui, trs = open_gui(qtbot)
    gui.ctx.save_settings(gui.ctx.settings.with_changes(tone_style=style))
    _open_new(qtbot, gui)
    ed = gui.editor
    ed.view.title.setText("Thành ủy họp")
    ed.view.body.setPlainText("Đoạn hai, thành ủy.\n\nChính uỷ nói.")
    ed.run_preflight()
    panel = ed.workspace.preflight
    found = [panel.model.finding(i) for i in range(panel.model.rowCount())]
    tone = [f for f in found if f.code.startswith("tone")]
    away = "uỷ" if style == "old" else "ủy"
    assert len(tone) == (1 if style == "old" else 2), [f.code for f in found]
    for f in tone:
        text = ed.view.title.text() if f.location.field == "title" else ed.view.body.toPlainText()
        line = text.split("\n")[f.location.line]
        assert line[f.location.column : f.location.column + f.location.length] == away
    close_gui(gui, trs)
