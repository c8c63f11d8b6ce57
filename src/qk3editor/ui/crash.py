"""The crash report: an error nobody handled shows a dialog instead of vanishing into the log.

Installed once by ``run_gui`` (:func:`install_crash_reporter`): ``sys.excepthook`` (a slot or
event handler that raised), ``threading.excepthook`` (a plain thread) and the TaskRunner's
``failed`` signal for errors that are not :class:`~qk3editor.core.errors.QkError` (those are
ordinary messages in the status bar). The reporter first asks the editor to write what is
unsaved (the autosave flush), logs the traceback, then shows a Vietnamese dialog: what happened,
that the text is safe, where the log is, and a button that copies a report with no secrets
(:func:`scrub`). The event loop goes on afterwards; the person decides whether to quit.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

REDACTED = "***"
_SECRET_KEYS = (
    r"pass(?:word|wd|phrase)?|secret|token|api[_-]?key|private[_-]?key|authorization|"
    r"cookie|credentials?|signature"
)
_URL_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@'\"]+@")
_URL_QUERY = re.compile(r"(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#'\"]*)\?(?P<query>[^\s#'\"]*)")
_AUTH_HEADER = re.compile(
    r"(?P<name>\b(?:proxy-)?authorization|\bcookie|\bset-cookie|\bx-api-key|\bx-auth-token)"
    r"(?P<sep>['\"]?\s*[:=]\s*['\"]?)(?P<value>[^'\"\r\n,}]+)",
    re.IGNORECASE,
)
_KEY_VALUE = re.compile(
    r"(?P<key>\b[\w-]*(?:" + _SECRET_KEYS + r")[\w-]*)"
    r"(?P<sep>['\"]?\s*[:=]\s*b?)(?P<value>'[^'\n]*'|\"[^\"\n]*\"|[^'\"\s,;&})\]]+)",
    re.IGNORECASE,
)


def scrub(text: str, home: Path | None = None) -> str:
    """``text`` with no secrets: URL user:password, query values, Authorization and cookie
    headers, ``password=…``/``"token": "…"`` pairs; the home folder written as ``~``."""
    text = _URL_USERINFO.sub(lambda m: m["scheme"] + REDACTED + "@", text)

    def query(m: re.Match[str]) -> str:
        pairs = [
            p.split("=", 1)[0] + ("=" + REDACTED if "=" in p else "") for p in m["query"].split("&")
        ]
        return m["url"] + "?" + "&".join(pairs)

    text = _URL_QUERY.sub(query, text)
    text = _AUTH_HEADER.sub(lambda m: m["name"] + m["sep"] + REDACTED, text)
    text = _KEY_VALUE.sub(lambda m: m["key"] + m["sep"] + _quoted(m["value"]), text)
    home = Path.home() if home is None else home
    for form in {str(home), home.as_posix()}:
        if len(form) > 1:
            text = text.replace(form, "~")
    return text


def _quoted(value: str) -> str:
    quote = value[0] if value[:1] in ("'", '"') else ""
    return quote + REDACTED + quote


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_file: Path | None,
    where: str = "",
) -> str:
    """The report the copy button puts on the clipboard (scrubbed; the log tail included)."""
    from qk3editor.version import versions

    lines = [
        "qk3editor crash report",
        f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"where: {where or 'GUI'}",
    ]
    lines += [f"{label}: {value}" for label, value in versions()]
    lines += ["", "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()]
    if log_file is not None and log_file.is_file():
        try:
            tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        except OSError:
            tail = []
        if tail:
            lines += ["", f"--- {log_file.name} (last {len(tail)} lines) ---", *tail]
    return scrub("\n".join(lines))


class CrashDialog(QDialog):
    """What happened, that the text is safe, where the log is; copy report, log folder, go on."""

    def __init__(
        self, summary: str, report: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("qk3editor met an error"))
        self.report = report
        self.copied = False
        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr(
                "<b>Something went wrong inside qk3editor.</b><br>"
                "What happened: {summary}<br><br>"
                "Your text is safe: what you typed was saved before this message "
                "(autosave), and it will be there when you open the article again.<br><br>"
                "You can go on working. If the error comes back, copy the report and send it "
                "to the technical team; it holds no password and no address of yours."
            ).format(summary=_html(summary)),
            self,
        )
        head.setWordWrap(True)
        head.setObjectName("crashSummary")
        layout.addWidget(head)
        where = (
            self.tr("The log is in: {path}").format(path=_html(scrub(str(log_file))))
            if log_file is not None
            else self.tr("There is no log file.")
        )
        self.log_label = QLabel(where, self)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(self.log_label.textInteractionFlags())
        layout.addWidget(self.log_label)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setObjectName("crashReport")
        self.details.setMinimumHeight(160)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if log_file is not None:
            folder = QPushButton(self.tr("Open log folder"), self)
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
            )
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        go_on = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        go_on.setDefault(True)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("crashQuit")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copied = True
        self.copy_button.setText(self.tr("Copied"))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CrashReporter(QObject):
    """Catches what nobody handled; one dialog at a time, on the GUI thread."""

    _from_thread = Signal(object, object, object, str)
    reported = Signal(str)  # the scrubbed report, after the dialog closed

    def __init__(
        self,
        log_file: Path | None,
        flush: Callable[[], object] | None = None,
        parent_widget: Callable[[], QWidget | None] | None = None,
    ) -> None:
        super().__init__()
        self.log_file = log_file
        self.flush = flush
        self.parent_widget = parent_widget or (lambda: None)
        self.showing = False
        self.last_report: str | None = None
        self._previous: tuple[object, object] | None = None
        self._from_thread.connect(self._report_queued)

    # -- hooks -----------------------------------------------------------------------------
    def install(self) -> CrashReporter:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report(exc_type, exc, tb, "GUI")

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self._from_thread.emit(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def task_failed(self, exc: object) -> None:
        """The TaskRunner's ``failed``: an unexpected error in a background job."""
        from qk3editor.core.errors import QkError

        if isinstance(exc, BaseException) and not isinstance(exc, QkError):
            self.report(type(exc), exc, exc.__traceback__, "background job")

    @Slot(object, object, object, str)
    def _report_queued(self, exc_type: object, exc: object, tb: object, where: str) -> None:
        self.report(exc_type, exc, tb, where)  # type: ignore[arg-type]

    # -- the report ------------------------------------------------------------------------
    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        log.error("unhandled error (%s)", where, exc_info=(exc_type, exc, tb))
        self._flush()
        if self.showing:  # an error inside the dialog's own loop: logged, not stacked
            return
        report = build_report(exc_type, exc, tb, self.log_file, where)
        self.last_report = report
        summary = scrub(f"{exc_type.__name__}: {exc}")[:300]
        self.showing = True
        try:
            dialog = CrashDialog(summary, report, self.log_file, self.parent_widget())
            result = dialog.exec()
        finally:
            self.showing = False
        self.reported.emit(report)
        if result == QDialog.DialogCode.Rejected:
            QApplication.quit()

    def _flush(self) -> None:
        if self.flush is None:
            return
        try:
            self.flush()
        except Exception:
            log.exception("autosave flush after an error failed")


def current_log_file() -> Path | None:
    """The rotating log file the app writes to (context.setup_logging), if any."""
    import logging.handlers

    for handler in logging.getLogger("qk3editor").handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def install_crash_reporter(gui: object, log_file: Path | None = None) -> CrashReporter:
    """Hooks for the running GUI: the editor's save as the flush, the window as parent; the
    log file is the one the app logs to."""
    log_file = log_file or current_log_file()
    editor = getattr(gui, "editor", None)
    window = getattr(gui, "window", None)
    reporter = CrashReporter(
        log_file,
        flush=getattr(editor, "save", None),
        parent_widget=lambda: window,  # type: ignore[return-value]
    ).install()
    runner = getattr(gui, "runner", None)
    if runner is not None:
        runner.failed.connect(reporter.task_failed)
    return reporter
