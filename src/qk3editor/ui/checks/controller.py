"""Checks as you type: attach to any QPlainTextEdit with :func:`attach_checks`.

The text is snapshotted on the GUI thread after typing pauses (never during an IME
composition), checked on the runner's ``io`` lane, and the findings are drawn only if the
document is still the one that was checked (stale results are dropped). A right click offers
the suggestions of the finding under the mouse; applying one is a normal, undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QStatusBar, QWidget

from qk3editor.core.vietnamese import tones
from qk3editor.core.vietnamese.checks import Finding, check_text
from qk3editor.ui.checks.highlighter import BlockMarks, ChecksHighlighter, marks_per_block
from qk3editor.ui.tasks import TaskRunner

DEBOUNCE_MS = 400


def count_words(text: str) -> int:
    return sum(1 for _ in tones.WORD_RE.finditer(text)) + sum(
        1 for w in text.split() if w.isdigit()
    )


class WordCountLabel(QLabel):
    """``1.234 từ`` in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordCount")
        self.set_count(0)

    def set_count(self, n: int) -> None:
        self.count = n
        self.setText(self.tr("%n word(s)", "", n))


class ChecksController(QObject):
    """Keeps the findings of one editor up to date. Create with :func:`attach_checks`."""

    findings_changed = Signal(list)
    word_count_changed = Signal(int)

    def __init__(
        self,
        edit: QPlainTextEdit,
        runner: TaskRunner,
        house_style: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or edit)
        self.edit = edit
        self.runner = runner
        self._house_style = house_style
        self.word_count_label: WordCountLabel | None = None  # attach_checks, with a status bar
        self.tone_style_action: QAction | None = None  # attach_editor_checks (the Edit menu)
        self.highlighter = ChecksHighlighter(edit.document())
        self._key = f"checks-{id(self)}"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        edit.document().contentsChanged.connect(self._on_document_changed)
        edit.setContextMenuPolicy(edit.contextMenuPolicy().CustomContextMenu)
        edit.customContextMenuRequested.connect(self._on_edit_context_menu)
        self.checked_revision = -1

    @property
    def findings(self) -> list[Finding]:
        return self.highlighter.findings

    def house_style(self) -> str:
        style = self._house_style()
        return style if style in (tones.OLD, tones.NEW) else tones.OLD

    def _on_document_changed(self) -> None:
        self._timer.start()

    def _composing(self) -> bool:
        layout = self.edit.textCursor().block().layout()
        return bool(layout is not None and layout.preeditAreaText())

    def check_now(self) -> None:
        """Snapshot the text and check it off the UI thread."""
        if self._composing():
            self._timer.start()  # never look at a half-typed IME word
            return
        text = self.edit.toPlainText()
        revision = self.edit.document().revision()
        style = self.house_style()

        def job() -> tuple[int, list[Finding], int, dict[int, BlockMarks] | None]:
            findings = check_text(text, style)
            return revision, findings, count_words(text), marks_per_block(text, findings)

        self.runner.submit("io", job, self._on_checked, key=self._key)

    def _on_checked(self, result: tuple[Any, ...]) -> None:
        revision, findings, words, *rest = result
        per_block: dict[int, BlockMarks] | None = rest[0] if rest else None
        if revision != self.edit.document().revision():
            return  # the text changed meanwhile: a newer check is on its way
        self.checked_revision = revision
        self.highlighter.set_findings(findings, per_block)
        self.findings_changed.emit(findings)
        self.word_count_changed.emit(words)

    # -- suggestions -----------------------------------------------------------------------
    def suggestion_actions(self, position: int, menu: QMenu) -> list[QAction]:
        """Actions applying the suggestions of the finding at ``position`` (added to ``menu``)."""
        finding = self.highlighter.finding_at(position)
        if finding is None:
            return []
        actions = []
        title = QAction(finding.message(), menu)
        title.setEnabled(False)
        actions.append(title)
        for i, suggestion in enumerate(finding.suggestions):
            action = QAction(self.tr("Replace with “%1”").replace("%1", suggestion), menu)
            action.triggered.connect(
                lambda _checked=False, f=finding, k=i: self.apply_suggestion(f, k)
            )
            actions.append(action)
        return actions

    def apply_suggestion(self, finding: Finding, index: int = 0) -> None:
        """Replace the finding's span by its ``index``-th suggestion (one undo step)."""
        doc_text = self.edit.toPlainText()
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(finding.start)
        cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != doc_text[finding.start : finding.end]:
            return
        cursor.insertText(finding.suggestions[index])
        self.check_now()

    def _on_edit_context_menu(self, pos: QPoint) -> None:
        menu = self.edit.createStandardContextMenu(pos)
        position = self.edit.cursorForPosition(pos).position()
        actions = self.suggestion_actions(position, menu)
        if actions:
            first = menu.actions()[0] if menu.actions() else None
            for a in actions:
                menu.insertAction(first, a)
            menu.insertSeparator(first)
        menu.exec(self.edit.mapToGlobal(pos))
        menu.deleteLater()


def attach_checks(
    edit: QPlainTextEdit,
    runner: TaskRunner,
    settings: Any,
    status_bar: QStatusBar | None = None,
) -> ChecksController:
    """Underline findings in ``edit`` as the user types; word count in ``status_bar``.

    ``settings`` is the app settings (its ``tone_style`` is the house style) or a callable
    returning them, so that a changed setting applies at the next check.
    """

    def style() -> str:
        current = settings() if callable(settings) else settings
        return getattr(current, "tone_style", tones.OLD)

    controller = ChecksController(edit, runner, style)
    if status_bar is not None:
        label = WordCountLabel(status_bar)
        status_bar.addPermanentWidget(label)
        controller.word_count_changed.connect(label.set_count)
        controller.word_count_label = label
    return controller
