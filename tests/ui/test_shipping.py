"""Issue 15 in the GUI: the crash report, the window icon, Help → User guide, open with."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from qk3editor.app import make_application
from qk3editor.ui.crash import CrashDialog, install_crash_reporter, scrub
from tests.ui.test_app import close_gui, open_gui, type_text

SECRET = "hunter2-Zq9"


class Boom(QObject):
    fired = Signal()

    def explode(self) -> None:
        raise RuntimeError(
            f"POST https://bao:{SECRET}@portal.example/wp-json?token={SECRET} failed; "
            f"headers={{'Authorization': 'Bearer {SECRET}'}} password={SECRET} "
            f"in {Path.home() / 'qk3' / 'bai.md'}"
        )


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Every crash dialog shown: its report copied, then 'Continue' (auto-accepted)."""
    shown: list[CrashDialog] = []

    def exec_(self: CrashDialog) -> int:
        shown.append(self)
        self.copy_report()
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CrashDialog, "exec", exec_)
    return shown


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_keeps_the_text_and_the_app_goes_on(
    qtbot, home: Path, dialogs: list[CrashDialog], caplog: pytest.LogCaptureFixture
) -> None:
    gui, trs = open_gui(qtbot)
    reporter = install_crash_reporter(gui)
    log_file = reporter.log_file  # the rotating file of context.setup_logging
    assert log_file is not None and log_file.name == "qk3editor.log"
    try:
        gui.window.new_action.trigger()
        article_id = gui.editor.article_id
        assert article_id is not None
        type_text(gui.editor.view.title, "Tin nóng")
        type_text(gui.editor.view.body, "Đoạn đang viết dở.")
        boom = Boom()
        boom.fired.connect(boom.explode)
        boom.fired.emit()  # PySide6 hands the slot's exception to sys.excepthook
        assert len(dialogs) == 1
        dialog = dialogs[0]
        # Vietnamese: what happened, the text is safe, where the log is
        summary = dialog.findChild(QObject, "crashSummary").text()
        assert "RuntimeError" in summary and "an toàn" in summary
        assert str(log_file.parent.name) in dialog.log_label.text()
        report = QGuiApplication.clipboard().text()
        assert report == dialog.report and dialog.copied
        assert "Traceback" in report and "explode" in report
        assert SECRET not in report and SECRET not in summary
        assert str(Path.home()) not in report
        assert "~/qk3/bai.md" in report
        # the text was flushed to the store before the dialog, and is still in the editor
        assert gui.ctx.articles.get(article_id).body.strip() == "Đoạn đang viết dở."
        assert gui.editor.view.body.toPlainText() == "Đoạn đang viết dở."
        # the log holds the traceback; the app goes on: the editor still saves
        assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
        type_text(gui.editor.view.body, " Xong.")
        gui.window.save_action.trigger()
        assert gui.ctx.articles.get(article_id).body.strip() == "Đoạn đang viết dở. Xong."
    finally:
        reporter.uninstall()
        close_gui(gui, trs)


def test_a_background_job_and_a_thread_report_too(
    qtbot, home: Path, dialogs: list[CrashDialog]
) -> None:
    from qk3editor.core.errors import QkError

    gui, trs = open_gui(qtbot)
    reporter = install_crash_reporter(gui, None)
    try:
        gui.runner.failed.emit(QkError("Disk full"))  # an ordinary error: status bar only
        assert dialogs == []
        gui.runner.failed.emit(ValueError(f"api_key={SECRET}"))
        assert len(dialogs) == 1 and SECRET not in dialogs[0].report
        assert "background job" in dialogs[0].report

        def work() -> None:
            raise KeyError("in a thread")

        t = threading.Thread(target=work, name="worker-x")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(dialogs) == 2)
        assert "thread worker-x" in dialogs[1].report
    finally:
        reporter.uninstall()
        close_gui(gui, trs)


def test_scrub_keeps_what_helps_and_drops_secrets(tmp_path: Path) -> None:
    home = tmp_path / "phongvien"
    text = (
        "https://u:p4ss@host/x?a=1&sig=zz9 Authorization: Basic dTpw\n"
        f"'app_password': 'ab cd ef' passphrase=\"x y\" {home}/data KeyError: 'title'"
    )
    out = scrub(text, home)
    for secret in ("p4ss", "zz9", "dTpw", "ab cd ef", "x y", str(home)):
        assert secret not in out, secret
    assert "https://***@host/x?a=***&sig=***" in out
    assert "~/data" in out and "KeyError: 'title'" in out


def test_window_icon_and_desktop_name(qtbot) -> None:
    app = make_application()
    assert isinstance(app, QApplication)
    icon = app.windowIcon()
    assert not icon.isNull()
    assert 256 in {s.width() for s in icon.availableSizes()}
    assert app.desktopFileName() == "vn.qk3.qk3editor"


def test_open_with_imports_the_file_and_opens_it(qtbot, home: Path, fixture_md: Path) -> None:
    from qk3editor.app import gui_arguments
    from qk3editor.ui.open_files import open_files

    args = gui_arguments([str(fixture_md), "--lang", "vi"])
    assert args is not None and args["files"] == str(fixture_md)
    assert gui_arguments(["import", str(fixture_md)]) is None  # a command stays a command
    gui, trs = open_gui(qtbot)
    try:
        assert open_files(gui, args["files"].split("\0"))
        article_id = gui.editor.article_id
        assert article_id is not None
        stored = gui.ctx.articles.get(article_id)
        assert stored.title and stored.title == gui.editor.view.title.text()
        assert gui.library.model.rowCount() == 1
    finally:
        close_gui(gui, trs)
