"""``qk3editor bai.docx``: the desktop's "open with" imports the files as new articles.

The files go through the very path a drop on the window takes (the editor's
:class:`~qk3editor.ui.editor.wiring.FileDropFilter` and its import: legacy-encoding check,
save, open the last one), so there is one import in the GUI, not two.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from qk3editor.ui.editor.wiring import FileDropFilter


def open_files(gui: object, names: Sequence[str]) -> bool:
    """Import ``names`` (paths) into the store and open the last; ``False`` if none could be."""
    window = gui.window  # type: ignore[attr-defined]
    paths = [Path(n).expanduser().resolve() for n in names if n]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("OpenFiles", "Open file"),
            QCoreApplication.translate("OpenFiles", "No such file: {0}").format(
                ", ".join(str(p) for p in missing)
            ),
        )
    paths = [p for p in paths if p.is_file()]
    drops = window.findChildren(FileDropFilter)
    if not paths or not drops:
        return False
    drops[0].on_files(paths)
    return True
