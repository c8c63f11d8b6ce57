"""Vietnamese checks in the editor (issue 3): underlines, suggestions, tone style, word count."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPlainTextEdit

from qk3editor.ui.checks.controller import ChecksController, WordCountLabel, attach_checks
from qk3editor.ui.checks.photo_captions import ArticleCaptions
from qk3editor.ui.checks.tone_dialog import ToneStyleDialog, make_tone_style_consistent
from qk3editor.ui.tasks import TaskRunner

__all__ = [
    "ArticleCaptions",
    "ChecksController",
    "ToneStyleDialog",
    "WordCountLabel",
    "attach_checks",
    "attach_editor_checks",
    "make_tone_style_consistent",
]


def attach_editor_checks(
    window: QMainWindow,
    edit: QPlainTextEdit,
    runner: TaskRunner,
    settings: Any,
    others: Mapping[str, QLineEdit | QPlainTextEdit] | None = None,
    captions: ArticleCaptions | None = None,
) -> ChecksController:
    """Checks and word count for ``edit``, and "Make the tone style consistent..." in the
    window's Edit menu (``window.edit_menu`` when it has one) over ``edit`` and ``others``
    (the title and lead) and ``captions`` (the article's photo captions). One call from
    app.py."""
    controller = attach_checks(edit, runner, settings, window.statusBar())
    text = QCoreApplication.translate("ChecksController", "Make the tone style &consistent...")
    action = QAction(text, window)
    action.setObjectName("toneStyleAction")
    action.triggered.connect(
        lambda: make_tone_style_consistent(edit, controller.house_style(), window, others, captions)
    )
    menu = getattr(window, "edit_menu", None)
    if menu is not None:
        menu.addAction(action)
    else:
        window.addAction(action)
    controller.tone_style_action = action
    return controller
