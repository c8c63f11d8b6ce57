"""The GUI publish dialog's preflight advises toward the house style in the settings (issue 11,
deliverable 3): the same advice as `qk3editor check` and the preflight tab, never the default."""

from __future__ import annotations

import re
from pathlib import Path

import keyring
import pytest

from qk3editor.core.markdown_io import read_article_file
from qk3editor.core.settings import Settings
from qk3editor.core.vietnamese import tones
from tests.publish.helpers import MemoryKeyring
from tests.ui.test_app import close_gui, open_gui

QUOTED = re.compile(r"“([^”]+)”")


@pytest.mark.parametrize("style", [tones.OLD, tones.NEW])
def test_publish_dialog_lists_only_words_away_from_the_house_style(
    qtbot, home: Path, fixture_md: Path, style: str
) -> None:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # never the passphrase dialog
    gui, trs = open_gui(qtbot)
    try:
        gui.ctx.save_settings(Settings(tone_style=style))
        gui.ctx.publishing.add_target("cong", "ninjs", "https://127.0.0.1:9/", "u", "p")
        article = gui.ctx.articles.create(read_article_file(fixture_md))
        gui.editor.open(article.id)
        gui.window.publish_action.trigger()
        dialog = gui.publish.dialog
        assert dialog is not None
        items = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
        other = tones.WordStyle.NEW if style == tones.OLD else tones.WordStyle.OLD
        quoted = [w for text in items for w in QUOTED.findall(text) if tones.word_style(w)]
        assert quoted, items  # the fixture mixes both styles: some words must be named
        away = [w for w in quoted if tones.word_style(w) is not other]
        assert not away, (style, away, items)  # a word already in the house style is no finding
        dialog.close()
    finally:
        close_gui(gui, trs)
        keyring.set_keyring(previous)


@pytest.mark.parametrize("typed", ["Ảnh: Đức Việt", "ảnh : Đức Việt", "Đức Việt"])
def test_publish_dialog_shows_a_credit_with_one_vietnamese_prefix(qtbot, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: "(Ảnh: Ảnh: Đức Việt)" or "(Photo: ...)" in the Vietnamese dialog."""
    from PySide6.QtCore import QCoreApplication

    from qk3editor.core.publish_data import PublishPhoto
    from qk3editor.paths import resources_dir
    from qk3editor.ui.i18n import install_translators
    from qk3editor.ui.publish.controller import PublishDialog

    trs = install_translators(QCoreApplication.instance(), "vi", resources_dir() / "translations")
    try:
        photo = PublishPhoto("1", "/nowhere/a.jpg", caption="Hội nghị", credit=typed)
        dialog = PublishDialog(["cong"], photos=[photo])
        qtbot.addWidget(dialog)
        assert dialog.photo_list.item(0).text() == "1. Hội nghị (Ảnh: Đức Việt)"
    finally:
        for t in trs:
            QCoreApplication.removeTranslator(t)
