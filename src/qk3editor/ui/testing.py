"""Test-only hooks, in one module that production code never imports.

The kill harness (tests/ui/editor/test_kill_harness.py, benchmarks/kill_harness.py), the
start-up benchmark and screenshot tooling start the app through this launcher, which installs
the hooks and then runs the normal window (``qk3editor.app.run_gui``)::

    python -m qk3editor.ui.testing [--store URL] [--lang vi|en]
        [--type FILE [--type-ms N]]   # a new article; FILE's text typed into its body, one
                                      # character every N ms (default 20), "typed N" printed
        [--report]                    # after the session is restored: one JSON line with the
                                      # article id, field, cursor and body, then quit
        [--exit-after-shown]          # print "shown <unix time> rows=<n>" at the first frame
                                      # with the library, then quit once the GUI is built
        [FILE ...]                    # files to import, as ``qk3editor FILE`` ("open with")

The desktop bundle ships this launcher as ``qk3editor-testing`` beside ``qk3editor``
(packaging/smoke_test.py starts the window through it).

Typing goes through real Qt input events: ASCII as ``QTest.keyClick`` key events, everything
else (Vietnamese) as ``QInputMethodEvent`` commits, the way an IME delivers it.
"""

from __future__ import annotations

import sys

if __name__ == "__main__":  # the launcher's own process, started as ``qk3editor`` starts
    from qk3editor.ui.fast_start import pause_gc

    pause_gc()  # before PySide6 loads (fast_start.py); run_gui turns it back on

import time  # (after the collector's pause, which comes first)
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

    from qk3editor.app import Gui, Shell


def type_char(edit: QPlainTextEdit, ch: str) -> None:
    """One character through the event path a user's keyboard or IME would take."""
    from PySide6.QtCore import Qt  # (not at import: the first frame builds no ``Qt`` enums)
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest  # loaded only when typing is scripted, not at start-up

    if ch == "\n":
        QTest.keyClick(edit, Qt.Key.Key_Return)
    elif ch.isascii() and ch.isprintable():
        QTest.keyClick(edit, ch)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(edit, event)


class ScriptedTyping(QObject):
    def __init__(
        self, edit: QPlainTextEdit, text: str, interval_ms: int, on_done: Callable[[], None]
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.text = text
        self.pos = 0
        self.on_done = on_done
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.edit.setFocus()
        self.timer.start()

    def _on_tick(self) -> None:
        if self.pos >= len(self.text):
            self.timer.stop()
            self.on_done()
            return
        type_char(self.edit, self.text[self.pos])
        self.pos += 1
        print(f"typed {self.pos}", flush=True)


class TestHooks:
    """:class:`qk3editor.app.StartHooks` for the harnesses; see the module docstring."""

    __test__ = False  # not a pytest test class

    def __init__(
        self,
        typing: tuple[str, int] | None = None,
        report: bool = False,
        exit_after_shown: bool = False,
    ) -> None:
        self.typing = typing
        self.report = report
        self.exit_after_shown = exit_after_shown
        self.scripted: ScriptedTyping | None = None  # kept alive while it types

    def first_frame(self, shell: Shell, gui: Gui | None) -> None:
        if not self.exit_after_shown:
            return
        shell.window.grab()  # paint every widget once, as the first frame does
        model = shell.library_model or (gui.library.model if gui is not None else None)
        rows = model.rowCount() if model is not None else 0
        print(f"shown {time.time():.6f} rows={rows}", flush=True)
        # issue 14: the first frame is painted without PySide6's ``Qt`` namespace built
        # (about 20 ms of enums; ui/library/view.py); tests/ui/test_startup_path.py reads this
        import PySide6.QtCore

        from qk3editor.ui import fast_start

        print(f"qt_namespace={int('Qt' in vars(PySide6.QtCore))}", flush=True)
        # issue 14: the collector paused and PySide6's source scan answered (ui/fast_start.py)
        print(f"gc_paused={int(fast_start.gc_paused())}", flush=True)
        print(f"feature_scan_skipped={int(fast_start.feature_scan_skipped())}", flush=True)

    def started(self, gui: Gui, first_frame_reported: bool) -> bool:
        if self.exit_after_shown:
            if not first_frame_reported:
                self.first_frame(gui_shell(gui), gui)
            welcome = gui.welcome  # issue 10: an empty store opens on the welcome page
            print(f"welcome={int(bool(welcome and welcome.isVisible()))}", flush=True)
            QTimer.singleShot(0, _report_gc_and_quit)  # once run_gui has resumed the collector
        if self.typing is not None:
            self._type_into_new_article(gui, *self.typing)
            return True
        if self.report:
            gui.editor.session_restored.connect(lambda article_id: _report(gui, article_id))
        return False

    def _type_into_new_article(self, gui: Gui, text: str, interval_ms: int) -> None:
        editor = gui.editor

        def on_opened(_article_id: str) -> None:
            editor.opened.disconnect(on_opened)
            self.scripted = ScriptedTyping(editor.view.body, text, interval_ms, lambda: None)
            self.scripted.start()

        editor.opened.connect(on_opened)
        editor.new_article()


def _report_gc_and_quit() -> None:
    import gc

    print(f"gc_enabled={int(gc.isenabled())}", flush=True)
    QApplication.quit()


def gui_shell(gui: Gui) -> Shell:
    from qk3editor.app import Shell

    return Shell(gui.window, gui.library.view, gui.editor.view, gui.library.model)


def _report(gui: Gui, article_id: str) -> None:
    import json

    entry = gui.editor.position()
    print(
        json.dumps(
            {
                "article_id": article_id,
                "field": entry.field if entry else None,
                "cursor": entry.cursor if entry else None,
                "body": gui.editor.view.body.toPlainText(),
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    QTimer.singleShot(0, QApplication.quit)


def _parse_args(argv: Sequence[str]) -> Any:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m qk3editor.ui.testing")
    ap.add_argument("--store")
    ap.add_argument("--lang", choices=("vi", "en"))
    ap.add_argument("--type", dest="type_file", type=Path)
    ap.add_argument("--type-ms", type=int, default=20)
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--exit-after-shown", action="store_true")
    ap.add_argument("files", nargs="*", metavar="FILE")
    return ap.parse_args(argv)


_FLAGS = {"--report": "report", "--exit-after-shown": "exit_after_shown"}
_VALUES = {"--store": "store", "--lang": "lang", "--type": "type_file", "--type-ms": "type_ms"}


def _parse_by_hand(argv: Sequence[str]) -> Any:
    """The arguments as :func:`_parse_args` reads them, without argparse (whose parser and
    gettext cost ~4 ms a start that ``qk3editor`` itself, which parses by hand, never pays:
    the start-up benchmark times this launcher); ``None`` for anything else (--help, a
    mistake), which argparse then answers."""
    from types import SimpleNamespace

    found: dict[str, Any] = dict(store=None, lang=None, type_file=None, type_ms="20")
    found.update(report=False, exit_after_shown=False, files=[])
    args = iter(argv)
    for arg in args:
        if arg in _FLAGS:
            found[_FLAGS[arg]] = True
        elif arg in _VALUES and (value := next(args, None)) is not None:
            found[_VALUES[arg]] = value
        elif arg.startswith("-"):
            return None
        else:
            found["files"].append(arg)
    if found["lang"] not in (None, "vi", "en") or not found["type_ms"].isdigit():
        return None
    found["type_ms"] = int(found["type_ms"])
    if found["type_file"] is not None:
        found["type_file"] = Path(found["type_file"])
    return SimpleNamespace(**found)


def main(argv: Sequence[str] | None = None) -> int:
    from qk3editor.ui.fast_start import skip_feature_scan

    skip_feature_scan()  # before the app's modules are imported (fast_start.py)
    argv = sys.argv[1:] if argv is None else list(argv)
    a = _parse_by_hand(argv) or _parse_args(argv)
    typing = None
    if a.type_file is not None:
        typing = (a.type_file.read_text(encoding="utf-8"), a.type_ms)
    hooks = TestHooks(typing, a.report, a.exit_after_shown)
    from qk3editor.app import run_gui

    files = "\0".join(a.files) or None
    return run_gui(store=a.store, language=a.lang, hooks=hooks, files=files)


if __name__ == "__main__":
    sys.exit(main())
