"""Pasting or importing TCVN3 / VNI text: the editor offers the conversion, shows before and
after, and converts only when the person says so (VIETNAMESE.md §2.2)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from qk3editor.ui.checks.legacy import (
    CONVERT,
    KEEP,
    LegacyImportDialog,
    LegacyPasteBar,
    attach_legacy_paste_bar,
    import_with_legacy_check,
)
from qk3editor.ui.editor.view import ArticleEditorView

# nfc.tsv n50 / n47 / n53: TCVN3 read as Windows-1252; 0xAD (soft hyphen) is ư
TCVN3 = "T\u00a8ng c\u00ad\u00eang ph\u00e8i h\u00eep t\u00b9i H\u00b6i Ph\u00dfng"
TCVN3_UNICODE = "Tăng cường phối hợp tại Hải Phòng"
VNI = "\u00d1\u00f6\u00f9c Vie\u00e4t \u00f4\u00fb Vie\u00e4t Nam"  # "Đức Việt ở Việt Nam"


def make_view(qtbot):  # type: ignore[no-untyped-def]
    view = ArticleEditorView()
    qtbot.addWidget(view)
    bar = attach_legacy_paste_bar(view)
    view.show()
    return view, bar


def paste(edit, text: str) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setText(text)
    edit.insertFromMimeData(mime)


def test_paste_into_body_offers_conversion_and_converts_on_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, bar = make_view(qtbot)
    view.body.setPlainText("Mở đầu.\n")
    cursor = view.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    view.body.setTextCursor(cursor)
    paste(view.body, TCVN3 + "\n")
    # inserted as it was (TCVN3's ư, a soft hyphen, kept), not converted silently
    assert view.body.toPlainText() == "Mở đầu.\n" + TCVN3 + "\n"
    assert bar.isVisible()
    assert "TCVN3" in bar.message.text()
    assert bar.after.text() == TCVN3_UNICODE
    assert bar.before.text().startswith("T¨ng c-êng")  # the hidden ư shown
    qtbot.mouseClick(bar.convert_button, Qt.MouseButton.LeftButton)
    assert view.body.toPlainText() == "Mở đầu.\n" + TCVN3_UNICODE + "\n"
    assert not bar.isVisible()
    view.body.undo()  # one undo step back to what was pasted
    assert view.body.toPlainText() == "Mở đầu.\n" + TCVN3 + "\n"


def test_keep_as_is_and_unicode_paste(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, bar = make_view(qtbot)
    paste(view.lead, VNI)
    assert bar.isVisible() and "VNI" in bar.message.text()
    assert bar.after.text() == "Đức Việt ở Việt Nam"
    qtbot.mouseClick(bar.keep_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and view.lead.toPlainText() == VNI
    paste(view.lead, " Bộ đội Cụ Hồ, Tăng cường phối hợp.")  # real Unicode: no offer
    assert not bar.isVisible()


def test_edited_after_paste_is_not_overwritten(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, bar = make_view(qtbot)
    paste(view.body, TCVN3)
    view.body.setPlainText("something else")
    bar.convert_button.click()
    assert view.body.toPlainText() == "something else"


def test_title_paste_by_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, bar = make_view(qtbot)
    view.title.setFocus()
    QGuiApplication.clipboard().setText(TCVN3)
    qtbot.keyClick(view.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert view.title.text() == TCVN3
    assert bar.isVisible()
    with qtbot.waitSignal(view.title.textEdited):
        bar.convert_button.click()
    assert view.title.text() == TCVN3_UNICODE
    view.title.undo()
    assert view.title.text() == TCVN3


def test_import_dialog_shows_before_and_after(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "bai.txt"
    f.write_bytes((TCVN3 + "\n\n§øc ViÖt vµ Qu©n khu 3.\n").encode("cp1252"))
    seen: list[LegacyImportDialog] = []

    def answer(choice: str | None):  # type: ignore[no-untyped-def]
        def pick() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, LegacyImportDialog)
            seen.append(dialog)
            if choice == CONVERT:
                dialog.convert_button.click()
            elif choice == KEEP:
                dialog.keep_button.click()
            else:
                dialog.reject()

        QTimer.singleShot(0, pick)

    answer(CONVERT)
    doc = import_with_legacy_check(f)
    assert doc.title == TCVN3_UNICODE and "Đức Việt và Quân khu 3." in doc.body
    assert "Tăng cường" in seen[-1].after.toPlainText()
    assert "T¨ng" in seen[-1].before.toPlainText()
    answer(KEEP)
    assert import_with_legacy_check(f).title.startswith("T¨ng")
    answer(None)
    assert import_with_legacy_check(f) is None
    plain = tmp_path / "plain.md"
    plain.write_text("# Tăng cường\n\nBình thường.\n", encoding="utf-8")
    monkeypatch.setattr(LegacyImportDialog, "ask", lambda *a, **k: 1 / 0)  # never asked
    assert import_with_legacy_check(plain).title == "Tăng cường"


def test_the_app_offers_in_the_editor_and_forgets_on_another_article(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    from qk3editor.core.articles import ArticleFields
    from tests.ui.test_app import close_gui, open_gui

    gui, trs = open_gui(qtbot)
    try:
        other = gui.ctx.articles.create(ArticleFields(title="Bài khác"))
        gui.window.show()
        gui.editor.new_article()
        qtbot.waitUntil(lambda: gui.editor.article is not None)
        bar = gui.editor.view.findChild(LegacyPasteBar)
        paste(gui.editor.view.body, TCVN3)
        assert bar.isVisible()
        assert bar.convert_button.text() == "&Chuyển sang Unicode"  # in Vietnamese
        gui.editor.open(other.id)
        qtbot.waitUntil(lambda: gui.editor.article.id == other.id)
        assert not bar.isVisible() and bar.paste is None
    finally:
        close_gui(gui, trs)
