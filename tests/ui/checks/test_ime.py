"""IME safety: a Vietnamese composition (preedit) is never touched by checks or
normalisation, and what the input method commits (NFD included) reaches the store as NFC
through autosave."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from qk3editor.ui.checks import ChecksController
from tests.ui.test_app import close_gui, open_gui, type_text


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def preedit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))


def commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def preedit_of(edit) -> str:  # type: ignore[no-untyped-def]
    return edit.textCursor().block().layout().preeditAreaText()


def test_composition_is_left_alone_and_nfd_commits_are_stored_nfc(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    gui, trs = open_gui(qtbot)
    try:
        gui.window.show()
        gui.editor.new_article()
        qtbot.waitUntil(lambda: gui.editor.article is not None)
        view = gui.editor.view
        body, lead = view.body, view.lead
        checks = gui.window.findChild(ChecksController)
        assert checks is not None and checks.edit is body

        type_text(body, "Tin tức - Sư kiện ")  # "Sư kiện" is a finding (confusion)
        checks.check_now()
        assert [f.code for f in checks.findings] == ["confusion"]
        checked = checks.checked_revision
        text_before = body.toPlainText()
        undo_steps = body.document().availableUndoSteps()

        # Telex composing "Việt" one step at a time, the preedit in decomposed form
        for step in ("V", "Vi", "Vie", nfd("Viê"), nfd("Việ")):
            preedit(body, step)
            checks.check_now()  # the debounce timer firing mid-composition
            assert preedit_of(body) == step  # not normalised, not committed
            assert body.toPlainText() == text_before
            assert checks.checked_revision == checked  # nothing was checked
            assert body.document().availableUndoSteps() == undo_steps  # nothing was edited
        assert [f.code for f in checks.findings] == ["confusion"]
        qtbot.wait(50)
        assert preedit_of(body) == nfd("Việ") and body.toPlainText() == text_before

        commit(body, nfd("Việt"))  # some IMEs commit decomposed text
        assert preedit_of(body) == ""
        assert body.toPlainText() == "Tin tức - Sư kiện Việt"
        commit(body, nfd(" Nam, hoà bình"))
        preedit(lead, nfd("Quân"))
        commit(lead, nfd("Quân khu 3"))
        assert lead.toPlainText() == "Quân khu 3"

        def stored() -> tuple[str, str]:
            a = gui.ctx.articles.get(gui.editor.article.id)
            return a.body, a.lead

        qtbot.waitUntil(
            lambda: stored() == ("Tin tức - Sư kiện Việt Nam, hoà bình", "Quân khu 3"),
            timeout=5000,
        )
        for value in stored():
            assert unicodedata.is_normalized("NFC", value)
        checks.check_now()  # once composition is over the checks run again
        qtbot.waitUntil(
            lambda: [f.code for f in checks.findings] == ["confusion", "tone.house_style"]
        )
    finally:
        close_gui(gui, trs)
