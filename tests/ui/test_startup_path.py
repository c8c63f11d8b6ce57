"""Issue 14 (start-up): what the first frame costs, held where a test can hold it.

The profile (docs/PERFORMANCE.md, "Start-up") found about a fifth of a bare window's start in
PySide6 building the ``Qt`` namespace's ~90 Python enums, which the first frame used only by
accident (header titles, sort order, a splitter's orientation, shortcuts). These tests start
the real window in a child process, as ``benchmarks/startup.py`` does, and read what the test
launcher reports at the first frame.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qk3editor.context import AppContext
from qk3editor.core.articles import ArticleFields
from tests.conftest import subprocess_env


def start_window(home: Path) -> dict[str, str]:
    """``key=value`` words the launcher printed from its first frame to its quit."""
    done = subprocess.run(
        [sys.executable, "-m", "qk3editor.ui.testing", "--exit-after-shown"],
        env=subprocess_env(QK3EDITOR_HOME=str(home), QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    words = [w for line in done.stdout.splitlines() for w in line.split()]
    assert words and words[0] == "shown", done.stdout
    return dict(w.split("=", 1) for w in words if "=" in w)


def test_the_first_frame_shows_the_library_without_the_qt_namespace(home: Path) -> None:
    ctx = AppContext.open()
    for title in ("Bê", "An", "Cư"):
        ctx.articles.create(ArticleFields(title=title))
    ctx.close()
    first = start_window(home)  # the first start: no window.ini yet (the default sort)
    assert first["rows"] == "3" and first["welcome"] == "0"
    ini = (home / "config" / "window.ini").read_text(encoding="utf-8")
    assert "libraryHeader=3 1" in ini  # the sort saved as numbers too ("Updated", newest first)
    again = start_window(home)  # as the person starts it every day after
    assert again["rows"] == "3"
    assert again["qt_namespace"] == "0"  # PySide6 built none of Qt.* before the first frame
    # ui/fast_start.py: the collector paused to the first frame and on again once the GUI is
    # built; PySide6's per-import source scan answered for our modules
    assert again["gc_paused"] == "1" and again["gc_enabled"] == "1"
    assert again["feature_scan_skipped"] == "1"


def test_a_remembered_sort_is_read_as_numbers(qtbot, home: Path) -> None:
    """The sort comes back from ``sort/<header>`` without Qt.SortOrder; a window.ini without
    it (an older version's) falls back to the default order, the indicator agreeing."""
    from PySide6.QtCore import Qt

    from qk3editor.app import build_shell
    from qk3editor.storage.quick import QuickLibrary

    ctx = AppContext.open()
    for title in ("Bê", "An", "Cư"):
        ctx.articles.create(ArticleFields(title=title))
    url, paths = ctx.store.url, ctx.paths
    ctx.close()
    quick = QuickLibrary.open(url)
    assert quick is not None
    shell = build_shell(paths, quick)
    qtbot.addWidget(shell.window)
    shell.library_view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # by title, Z-A
    shell.window.save_state()
    header = shell.library_view.table.horizontalHeader()
    assert shell.window.saved_sort(header) == (0, True)
    shell.window.close()

    shell = build_shell(paths, quick)
    qtbot.addWidget(shell.window)
    model = shell.library_model
    assert model is not None
    assert [model.index(r, 0).data() for r in range(3)] == ["Cư", "Bê", "An"]
    header = shell.library_view.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    assert [header.model().headerData(c, Qt.Orientation.Horizontal) for c in (0, 3)] == [
        model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 3)
    ]  # the header's own titles are the model's
    shell.window.close()

    settings = paths.config_dir / "window.ini"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("libraryHeader=0")),
        encoding="utf-8",
    )
    shell = build_shell(paths, quick)
    qtbot.addWidget(shell.window)
    model = shell.library_model
    assert model is not None
    assert [model.index(r, 0).data() for r in range(3)] == ["Cư", "An", "Bê"]  # newest first
    header = shell.library_view.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        3,
        Qt.SortOrder.DescendingOrder,
    )
    quick.close()


def test_after_the_first_frame_a_column_title_sorts_and_offers_the_column_menu(
    qtbot, home: Path
) -> None:
    from PySide6.QtCore import Qt

    from qk3editor.app import build_gui, build_shell
    from qk3editor.storage.quick import QuickLibrary
    from qk3editor.ui.tasks import InlineTaskRunner

    ctx = AppContext.open()
    for title in ("Bê", "An", "Cư"):
        ctx.articles.create(ArticleFields(title=title))
    url = ctx.store.url
    ctx.close()
    quick = QuickLibrary.open(url)
    assert quick is not None
    ctx = AppContext.open()
    shell = build_shell(ctx.paths, quick)
    qtbot.addWidget(shell.window)
    table = shell.library_view.table
    assert not table.isSortingEnabled()  # the first frame: sorted, not yet clickable
    gui = build_gui(ctx, InlineTaskRunner(), shell=shell)
    quick.close()
    header = table.horizontalHeader()
    assert table.isSortingEnabled() and header.isSortIndicatorShown()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    model = gui.library.model
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # as a click on "Tiêu đề" does
    assert [model.index(r, 0).data() for r in range(3)] == ["An", "Bê", "Cư"]
    gui.window.close()
    gui.ctx.close()
