"""At start, a damaged store is reported and the last backup offered (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.paths import resolve_paths
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import open_store
from qk3editor.storage.errors import StoreCorrupt


def _answer(button_name: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        box.button(getattr(QMessageBox.StandardButton, button_name)).click()

    QTimer.singleShot(50, click)


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_the_last_backup_is_offered_for_a_damaged_store(qtbot, home: Path, answer: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from qk3editor.app import offer_backup
    from qk3editor.context import AppContext

    paths = resolve_paths().ensure()
    db = paths.default_store_path
    store = open_store(f"sqlite:///{db}")
    ArticleRepository(store).create(ArticleFields(title="Bài còn lại"))
    store.close()
    paths.backups_dir.mkdir(parents=True)
    shutil.copyfile(db, paths.backups_dir / "qk3editor-20261201T000000Z.sqlite3")
    db.write_bytes(b"")  # the store lost its content
    with pytest.raises(StoreCorrupt) as caught:
        AppContext.open()
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer(answer)
    restored = offer_backup(parent, caught.value, paths, None)
    assert restored is (answer == "Yes")
    if answer == "Yes":
        ctx = AppContext.open()
        try:
            assert [a.title for a in ctx.articles.list()] == ["Bài còn lại"]
        finally:
            ctx.close()
        assert [p.name for p in db.parent.glob("qk3editor.sqlite3.before-restore-*")]
    else:
        assert db.stat().st_size == 0  # nothing touched
