"""One test that opens every window and dialog of the app in every language (novelWriter's
house style): in Vietnamese no label, button, menu, tab, header or placeholder may still
show its English source text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from tests.ui.test_app import close_gui, open_gui

# Texts that are the same in both languages: names, formats, file patterns, symbols.
SAME_IN_BOTH = {
    "qk3editor",
    "QK3",
    "Markdown (.md)…",
    "Word (.docx)…",
    "Unicode",
    "Email",
    "Slug",
    "Byline",
    "URL",
    "ID",
    "OK",
    "Exif",
    "IPTC",
    "XMP",
    "WordPress",
    "Superdesk",
    "https://",
}


def _norm(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).strip()


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every user-visible string under ``root``, in a stable order."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if isinstance(text, str) and _norm(text):
            out.append((where, _norm(text)))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QDialog) or w is root:
            add(name + ":title", w.windowTitle())
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText:
            add(name, re.sub(r"<[^>]+>", "", w.text()))
        elif isinstance(w, QLabel) and w.objectName():
            pass  # plain-text labels named by the code show data (a title, a count)
        elif isinstance(w, QLabel):
            add(name, w.text())
        if isinstance(w, QAbstractButton):
            add(name, w.text())
        if isinstance(w, QGroupBox):
            add(name, w.title())
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            add(name + ":placeholder", w.placeholderText())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{name}:tab{i}", w.tabText(i))
        if isinstance(w, QComboBox) and w.objectName().endswith(("Filter", "filter")):
            add(f"{name}:item0", w.itemText(0))
        if isinstance(w, QMenu):
            add(name + ":menu", w.title())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: no header
                columns = 0
            for c in range(columns):
                add(f"{name}:col{c}", model.headerData(c, Qt.Orientation.Horizontal))
        add(name + ":tooltip", w.toolTip())
    for a in root.findChildren(QAction):
        if not a.isSeparator():
            add(f"QAction:{a.objectName()}", a.text())
    return out


def dialogs(gui: Any, tmp_path: Path) -> list[QDialog]:
    """One of each dialog class of the app, built on the real store of ``gui``."""
    from qk3editor.core.articles import ArticleFields
    from qk3editor.photos.ingest import IngestItem, IngestReport
    from qk3editor.ui.checks.legacy import LegacyImportDialog
    from qk3editor.ui.checks.tone_dialog import ToneStyleDialog
    from qk3editor.ui.photos.article_photos import ArticlePhotosDialog
    from qk3editor.ui.photos.picker import PhotoPicker
    from qk3editor.ui.photos.report import IngestReportDialog
    from qk3editor.ui.publish.conflict_dialog import ConflictDialog
    from qk3editor.ui.publish.controller import PublishDialog
    from qk3editor.ui.publish.outbox_view import OutboxDialog
    from qk3editor.ui.publish.targets_dialog import TargetsDialog

    ctx, window = gui.ctx, gui.window
    publish = gui.publish
    desk = gui.photo_desk
    article = ctx.articles.create(ArticleFields(title="Hoà bình"))
    report = IngestReport(
        (IngestItem("/a.jpg", "imported"), IngestItem("/b.jpg", "duplicate", duplicate_of="1"))
    )
    return [
        ToneStyleDialog("hoà bình, thủy lợi", "old", window),
        ConflictDialog({"local": {"title": "A"}, "remote": {"title": "B"}}, window),
        PublishDialog(["cong"], window),
        OutboxDialog(publish.services, publish.ops, window),
        TargetsDialog(publish.services, publish.ops, window),
        IngestReportDialog(report, window),
        PhotoPicker(desk.repo, desk.thumbs, window),
        ArticlePhotosDialog(desk.repo, desk.thumbs, article.id, desk.ops, window),
        LegacyImportDialog(tmp_path / "bai.txt", "tcvn3", "T¨ng", "Tăng", window),
    ]


def collect(qtbot: Any, language: str, tmp_path: Path) -> dict[str, list[tuple[str, str]]]:
    gui, translators = open_gui(qtbot, language)
    try:
        gui.window.show()
        desk = gui.photo_desk
        found = {"MainWindow": texts_of(gui.window), "PhotoDesk": texts_of(desk.view)}
        for dialog in dialogs(gui, tmp_path):
            qtbot.addWidget(dialog)
            dialog.show()
            found[type(dialog).__name__] = texts_of(dialog)
            dialog.close()
        return found
    finally:
        gui.runner.wait()
        close_gui(gui, translators)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_window_and_dialog_opens(qtbot, home: Path, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    found = collect(qtbot, language, tmp_path)
    assert len(found) == 11
    assert all(found.values())


def test_every_visible_text_is_translated_in_vietnamese(qtbot, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    english = collect(qtbot, "en", tmp_path / "en")
    vietnamese = collect(qtbot, "vi", tmp_path / "vi")
    untranslated = []
    compared = 0
    for window, en_texts in english.items():
        vi_texts = vietnamese[window]
        en_by_place = {}
        for where, text in en_texts:
            en_by_place.setdefault(where, []).append(text)
        vi_by_place = {}
        for where, text in vi_texts:
            vi_by_place.setdefault(where, []).append(text)
        for where, texts in en_by_place.items():
            for en, vi in zip(texts, vi_by_place.get(where, []), strict=False):
                compared += 1
                if en == vi and re.search(r"[A-Za-z]{3}", en) and en not in SAME_IN_BOTH:
                    untranslated.append(f"{window} {where}: {en!r}")
    assert compared >= 150  # the walk does see the windows' texts
    assert untranslated == [], "\n".join(untranslated)
