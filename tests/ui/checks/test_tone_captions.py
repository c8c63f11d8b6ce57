"""The tone dialog covers the article's photo captions (issue 11, deliverable 3), with the
fixture article, real files and both house styles: the file's caption (written into the JPEG
as the desk writes captions), a HEIC caption kept only in the store, and the article's own
caption; each goes back where it came from, through the operation path."""

from __future__ import annotations

import re
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from qk3editor.core.markdown_io import read_article_file
from qk3editor.core.settings import Settings
from qk3editor.core.vietnamese import tones
from qk3editor.photos.captions import BatchEdit
from qk3editor.photos.desk import caption_photos, import_photos
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.metadata import read_metadata
from tests.photos.photo_factory import jpeg_bytes
from tests.photos.test_heic import heic_bytes
from tests.publish.helpers import MemoryKeyring
from tests.ui.test_app import close_gui, open_gui

FIXTURE = Path(__file__).parents[2] / "data" / "qk3-article-2018-10-21.txt"
PARAS = [p.strip() for p in re.split(r"\n\s*\n", FIXTURE.read_text("utf-8")) if p.strip()]
FILE_CAPTION = PARAS[7]  # the fixture's photo caption: "... Phó Chính uỷ Quân khu ..."
HEIC_CAPTION = "Đảng ủy Quân khu và thành uỷ phối hợp, văn hóa"
OWN_CAPTION = "Phó Chính uỷ thăm hỏi, hòa cùng bộ đội"


def words_of(style: str, text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text) if tones.word_style(w) is tones.WordStyle(style)]


@pytest.mark.parametrize("style", [tones.OLD, tones.NEW])
def test_tone_dialog_changes_photo_captions_where_they_live(
    qtbot, home: Path, fixture_md: Path, tmp_path: Path, style: str
) -> None:  # type: ignore[no-untyped-def]
    other = tones.NEW if style == tones.OLD else tones.OLD
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    gui, trs = open_gui(qtbot)
    try:
        ctx = gui.ctx
        ctx.save_settings(Settings(tone_style=style))
        article = ctx.articles.create(read_article_file(fixture_md))
        card = tmp_path / "card"
        card.mkdir()
        (card / "a_file.jpg").write_bytes(jpeg_bytes(color=(10, 60, 10)))
        (card / "b_phone.heic").write_bytes(heic_bytes(gps=False))
        (card / "c_own.jpg").write_bytes(jpeg_bytes(color=(60, 10, 10)))
        photos = import_photos(ctx.photos, [card], IngestOptions(tmp_path / "t", workers=1))
        by = {Path(p.path).name[0]: p for p in photos.photos}
        caption_photos(ctx.photos, [by["a"].id], BatchEdit(values={"description": FILE_CAPTION}))
        caption_photos(ctx.photos, [by["b"].id], BatchEdit(values={"description": HEIC_CAPTION}))
        ctx.photos.attach(article.id, [by[k].id for k in "abc"])
        ctx.photos.set_caption(article.id, by["c"].id, OWN_CAPTION)
        heic_before = Path(by["b"].path).read_bytes()
        gui.editor.open(article.id)
        seen: list[str] = []

        def accept() -> None:
            d = gui.window.findChild(QDialog, "toneStyleDialog")
            assert d is not None
            view = d.changes_view
            seen.extend(view.topLevelItem(i).text(0) for i in range(view.topLevelItemCount()))
            d.accept()

        QTimer.singleShot(0, accept)
        gui.checks.tone_style_action.trigger()
        gui.runner.wait()
        # the dialog named each caption that had a word away from the house style
        captions_seen = [s for s in seen if s.startswith("Chú thích ảnh")]
        captions = {"a": FILE_CAPTION, "b": HEIC_CAPTION, "c": OWN_CAPTION}
        expected = {k for k, text in captions.items() if words_of(other, text)}
        assert expected >= {"b", "c"}  # both styles: some captions must change
        assert {s.split("(")[-1][0] for s in captions_seen} == expected, seen
        # the file's caption: written into the file, and the store records what the file holds
        in_file = read_metadata(Path(by["a"].path)).metadata.description
        assert not words_of(other, in_file)
        assert in_file == ctx.photos.get(by["a"].id).metadata.description
        assert not ctx.photos.get(by["a"].id).file_pending
        # the HEIC caption: in the store only, the file untouched
        assert not words_of(other, ctx.photos.get(by["b"].id).metadata.description)
        assert Path(by["b"].path).read_bytes() == heic_before
        # the article's own caption: in the store, the file's caption not touched by it
        placed = {ap.photo.id: ap for ap in ctx.photos.article_photos(article.id)}
        own = placed[by["c"].id].caption_override or ""
        assert own and not words_of(other, own)
        assert read_metadata(Path(by["c"].path)).metadata.description == ""
        # title, lead and body too
        view = gui.editor.view
        for text in (view.title.text(), view.lead.toPlainText(), view.body.toPlainText()):
            assert not words_of(other, text)
    finally:
        close_gui(gui, trs)
        keyring.set_keyring(previous)
