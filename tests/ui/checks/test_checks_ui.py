"""Underlines, suggestions, the tone-style dialog and the word count in a real editor widget."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from qk3editor.core.settings import Settings
from qk3editor.core.vietnamese import tones
from qk3editor.ui.checks import attach_editor_checks
from qk3editor.ui.checks.tone_dialog import ToneStyleDialog
from qk3editor.ui.tasks import InlineTaskRunner, TaskRunner
from qk3editor.ui.widgets import NfcPlainTextEdit

FIXTURE = (Path(__file__).parents[2] / "core" / "vietnamese" / "fixture-article.txt").read_text(
    encoding="utf-8"
)


def make(qtbot, runner=None, style: str = "old"):  # type: ignore[no-untyped-def]
    window = QMainWindow()
    edit = NfcPlainTextEdit(window)
    window.setCentralWidget(edit)
    qtbot.addWidget(window)
    checks = attach_editor_checks(
        window, edit, runner or InlineTaskRunner(), Settings(tone_style=style)
    )
    return window, edit, checks


def underlined(edit: NfcPlainTextEdit) -> list[tuple[int, int]]:
    spans = []
    block = edit.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() != r.format.UnderlineStyle.NoUnderline:
                spans.append((block.position() + r.start, block.position() + r.start + r.length))
        block = block.next()
    return spans


def test_findings_underlined_and_suggestion_applied(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, edit, checks = make(qtbot)
    edit.setPlainText("Tin tức - Sư kiện\nhọc tóan")
    checks.check_now()
    assert [f.code for f in checks.findings] == ["confusion", "syllable.misplaced_tone"]
    assert underlined(edit) == [(10, 17), (22, 26)]
    assert checks.word_count_label.count == 6

    menu = QMenu()
    actions = checks.suggestion_actions(12, menu)
    assert [a.text() for a in actions][1:] == ["Replace with “Sự kiện”"]
    actions[1].trigger()
    assert edit.toPlainText() == "Tin tức - Sự kiện\nhọc tóan"
    assert [f.code for f in checks.findings] == ["syllable.misplaced_tone"]
    edit.undo()
    assert edit.toPlainText() == "Tin tức - Sư kiện\nhọc tóan"
    assert checks.suggestion_actions(3, menu) == []


def test_stale_results_are_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, edit, checks = make(qtbot)
    edit.setPlainText("Sư kiện")
    revision = edit.document().revision()
    edit.setPlainText("Sự kiện")  # typed on while the check ran
    checks._on_checked((revision, [], 99))
    assert checks.word_count_label.count != 99
    assert checks.checked_revision != revision


def test_real_runner_checks_off_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    _window, edit, checks = make(qtbot, runner)
    edit.setPlainText(FIXTURE)
    with qtbot.waitSignal(checks.findings_changed, timeout=10_000) as blocker:
        checks.check_now()
    codes = [f.code for f in blocker.args[0]]
    # only the six "uỷ" away from the house style (old); the nine old-style words are no finding
    assert codes.count("tone.mixed") == 6 and "confusion" in codes
    runner.wait()


def test_tone_dialog_lists_every_change_then_applies(qtbot) -> None:  # type: ignore[no-untyped-def]
    for style, forbidden in ((tones.OLD, "uỷ"), (tones.NEW, "ủy")):
        window, edit, checks = make(qtbot, style=style)
        edit.setPlainText(FIXTURE)
        before = edit.toPlainText()  # (QPlainTextEdit shows NBSP as a space)
        dialog = ToneStyleDialog(FIXTURE, style)
        expected = tones.style_changes(FIXTURE, style)
        assert dialog.changes_view.topLevelItemCount() == len(expected) > 0
        dialog.deleteLater()

        def accept(window: QMainWindow = window) -> None:
            d = window.findChild(QDialog, "toneStyleDialog")
            assert d is not None
            d.accept()

        QTimer.singleShot(0, accept)
        checks.tone_style_action.trigger()
        fixed = edit.toPlainText()
        assert forbidden not in fixed
        assert tones.text_style(fixed) == style
        checks.check_now()
        assert not [f for f in checks.findings if f.code.startswith("tone.")]
        edit.undo()  # one undo step restores the text
        assert edit.toPlainText() == before


def test_tone_dialog_switching_style(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ToneStyleDialog("Chính uỷ và Đảng ủy, văn hóa", tones.OLD)
    qtbot.addWidget(dialog)
    assert [(c.old, c.new) for c in dialog.changes] == [("uỷ", "ủy")]
    dialog.new_button.setChecked(True)
    assert [(c.old, c.new) for c in dialog.changes] == [("ủy", "uỷ"), ("hóa", "hoá")]


def test_tone_dialog_covers_title_lead_and_body(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: "thành uỷ" in the lead and title is changed too, not only in the body."""
    from PySide6.QtWidgets import QLineEdit

    window = QMainWindow()
    qtbot.addWidget(window)
    edit = NfcPlainTextEdit(window)
    title = QLineEdit("Thành uỷ họp bàn văn hóa", window)
    lead = NfcPlainTextEdit(window)
    lead.setPlainText("Ban Thường vụ thành uỷ đã họp.")
    edit.setPlainText("Đồng chí Phó Chính uỷ phát biểu.\n\n![Bí thư Thành uỷ](qk3photo:abc)")
    window.setCentralWidget(edit)
    checks = attach_editor_checks(
        window,
        edit,
        InlineTaskRunner(),
        Settings(tone_style="old"),
        {"title": title, "lead": lead},
    )

    def accept() -> None:
        d = window.findChild(QDialog, "toneStyleDialog")
        assert d is not None
        assert d.changes_view.topLevelItemCount() == 4  # title, lead, body, body's caption
        d.accept()

    QTimer.singleShot(0, accept)
    checks.tone_style_action.trigger()
    assert title.text() == "Thành ủy họp bàn văn hóa" and title.cursorPosition() == 0
    assert lead.toPlainText() == "Ban Thường vụ thành ủy đã họp."
    assert "uỷ" not in edit.toPlainText() and "Thành ủy" in edit.toPlainText()
