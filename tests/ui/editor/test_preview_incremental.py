"""The preview updates only the blocks that changed, and stays equal to a whole render."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from qk3editor.core.articles import ArticleFields
from qk3editor.core.render import PhotoRef, RenderInput, render_page
from qk3editor.ui.editor.preview_doc import SegmentedDocument, page_segments
from tests.ui.test_app import close_gui, open_gui, type_text

WORDS = "chiến sĩ mới hăng hái luyện tập đoàn kết quân khu hội nghị dân vận".split()


def _paragraphs(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    paras = [" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(n)]
    paras[3] = "## Mục " + paras[3]
    paras[7] = "- một\n- hai *nghiêng*"
    paras[9] = "![Ảnh: chú thích](qk3photo:p1)"
    return paras


def _resolver(photo_id: str) -> PhotoRef:
    return PhotoRef(f"file:///photos/{photo_id}.jpg", "", "Đức Việt")


def _shape(doc: QTextDocument) -> list[tuple[object, ...]]:
    """Every block: its formats and its runs of text with their formats."""
    out = []
    block = doc.begin()
    while block.isValid():
        bf = block.blockFormat()
        runs = []
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            cf = frag.charFormat()
            image = cf.toImageFormat().name() if cf.isImageFormat() else ""
            runs.append(
                (
                    frag.text(),
                    cf.font().pointSizeF(),
                    cf.fontWeight(),
                    cf.fontItalic(),
                    cf.foreground().color().name(),
                    cf.anchorHref(),
                    image,
                )
            )
            it += 1
        in_list = bf.objectIndex() >= 0 and block.textList() is not None
        out.append(
            (
                int(bf.alignment()),
                bf.topMargin(),
                bf.bottomMargin(),
                bf.leftMargin(),
                bf.headingLevel(),
                in_list,
                tuple(runs),
            )
        )
        block = block.next()
    return out


def _article(paras: list[str], title: str = "Tiêu đề") -> RenderInput:
    return RenderInput(title, "QK3 online - Sáng nay", "\n\n".join(paras), "Tin tức", "Đức Việt")


def test_many_incremental_updates_equal_a_whole_render(qtbot) -> None:
    paras = _paragraphs(30)
    shown = SegmentedDocument()
    shown.build(page_segments(_article(paras), _resolver)[0])
    rng = random.Random(7)
    for step in range(80):
        i = rng.randrange(len(paras))
        op = rng.random()
        if op < 0.45:
            paras[i] += " thêm chữ"
        elif op < 0.6:
            paras.insert(i, f"Đoạn **mới** {step}")
        elif op < 0.75 and len(paras) > 4:
            del paras[i]
        elif op < 0.85:
            paras[i] = "> trích dẫn\n\n- x\n- y"
        elif op < 0.93:
            paras[i] = f"| a | b |\n|---|---|\n| {step} | 2 |"
        else:
            paras[i] = ""
        article = _article(paras, title=f"Tiêu đề {step % 3}")
        # in slices, as the preview does it
        while shown.update(page_segments(article, _resolver)[0], limit=3):
            pass
    fresh = SegmentedDocument()
    fresh.build(page_segments(article, _resolver)[0])
    assert _shape(shown.document) == _shape(fresh.document)
    assert shown.starts == fresh.starts
    # and the text is that of the whole page parsed at once
    whole = QTextDocument()
    whole.setHtml(render_page(article, _resolver))
    header = "QK3 online"
    assert whole.toPlainText().split() == shown.document.toPlainText().split()
    assert header in shown.document.toPlainText()


def test_the_preview_shows_an_edit_in_the_middle_of_a_long_article(qtbot, home: Path) -> None:
    gui, trs = open_gui(qtbot)
    paras = _paragraphs(200, seed=3)
    paras[100] = "Đoạn giữa bài."
    a = gui.ctx.articles.create(
        ArticleFields(title="Bài dài", lead="QK3 online", body="\n\n".join(paras), byline="Đ.V")
    )
    gui.window.show()
    gui.editor.open(a.id)
    preview = gui.editor.preview
    pane = gui.editor.workspace.preview
    qtbot.waitUntil(lambda: "Đoạn giữa bài." in pane.toPlainText())
    shown_doc = pane.document()
    body = gui.editor.view.body
    block = body.document().find("Đoạn giữa bài.").block()
    assert block.blockNumber() > body.document().blockCount() // 3
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    body.setFocus()
    type_text(body, " Thêm ý mới")
    qtbot.waitUntil(lambda: "Đoạn giữa bài. Thêm ý mới" in pane.toPlainText(), timeout=5000)
    # the same document, changed in place (not a whole new page)
    assert pane.document() is shown_doc
    text = pane.toPlainText()
    assert text.index(paras[99][:30]) < text.index("Thêm ý mới") < text.index(paras[101][:30])
    assert text.rstrip().endswith("Đ.V")
    QApplication.processEvents()
    assert (
        preview._doc is not None
        and preview._doc.segments == page_segments(gui.editor.render_input()(), preview.resolver)[0]
    )
    close_gui(gui, trs)


def test_autosave_reads_the_widgets_only_when_it_saves(qtbot) -> None:
    """A keystroke only marks the article dirty; the text is read when the save timer fires."""
    from qk3editor.ui.editor.autosave import Autosaver
    from qk3editor.ui.tasks import InlineTaskRunner

    reads: list[int] = []
    saver = Autosaver(InlineTaskRunner(), lambda: reads.append(1) or None, delay_ms=60_000)
    for _ in range(200):
        saver.note_edit()
    assert reads == [] and saver.dirty
    saver.flush()
    assert reads == [1] and not saver.dirty


def test_the_lead_length_limit_is_a_setting(qtbot, home: Path) -> None:
    from qk3editor.core.settings import load_settings

    gui, trs = open_gui(qtbot)
    assert gui.ctx.settings.lead_max_words == 80
    lead = " ".join(["từ"] * 60)
    a = gui.ctx.articles.create(ArticleFields(title="Tiêu đề", lead=lead, body="Thân bài."))
    gui.window.show()
    gui.editor.open(a.id)
    codes = lambda: [f.code for f in gui.editor.workspace.preflight.model._rows]  # noqa: E731
    qtbot.waitUntil(lambda: gui.editor.workspace.preflight.model.rowCount() > 0)
    assert "lead_too_long" not in codes()
    gui.editor_menus.article.set_lead_limit(50)
    qtbot.waitUntil(lambda: "lead_too_long" in codes())
    assert load_settings(gui.ctx.paths.settings_file).lead_max_words == 50
    assert gui.editor_menus.article.lead_limit_action.text() == "Giới hạn độ dài sapo…"
    close_gui(gui, trs)
