"""The house's walls: non-ui code never imports Qt; core imports no other layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "qk3editor"
NON_UI = ["core", "storage", "photos", "publish", "commands"]
NON_UI_MODULES = ["cli.py", "context.py", "paths.py", "__main__.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def non_ui_files() -> list[Path]:
    files = [SRC / m for m in NON_UI_MODULES]
    for pkg in NON_UI:
        if (SRC / pkg).is_dir():
            files.extend((SRC / pkg).rglob("*.py"))
    return files


def test_no_qt_outside_ui() -> None:
    offenders = [
        f"{f.relative_to(SRC)} imports {m}"
        for f in non_ui_files()
        for m in imported_modules(f)
        if m == "PySide6" or m.startswith("PySide6.")
    ]
    assert offenders == []


# The composition root is the one top-level module that may import Qt; every other top-level
# module (the CLI's entry, the context, paths, errors, the desktop check) is Qt-free.
GUI_TOP_LEVEL = {"app.py"}


def test_every_top_level_module_but_the_composition_root_is_qt_free() -> None:
    top = sorted(p for p in SRC.glob("*.py") if p.name not in GUI_TOP_LEVEL)
    assert {p.name for p in top} >= set(NON_UI_MODULES)  # the walk sees the listed ones
    offenders = [
        f"{f.name} imports {m}"
        for f in top
        for m in imported_modules(f)
        if m == "PySide6" or m.startswith("PySide6.")
    ]
    assert offenders == []


def test_core_imports_no_other_layer() -> None:
    others = ("qk3editor.storage", "qk3editor.photos", "qk3editor.publish", "qk3editor.ui")
    offenders = [
        f"{f.relative_to(SRC)} imports {m}"
        for f in (SRC / "core").rglob("*.py")
        for m in imported_modules(f)
        if m.startswith(others) or m in ("qk3editor.app", "qk3editor.cli", "sqlalchemy")
    ]
    assert offenders == []


def test_core_and_storage_import_where_pyside6_cannot(tmp_path: Path) -> None:
    """`import qk3editor.core, qk3editor.storage` with PySide6 made unimportable."""
    blocker = tmp_path / "PySide6"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('PySide6 blocked for this test')\n")
    code = (
        "import qk3editor.core, qk3editor.storage, qk3editor.cli, qk3editor.context\n"
        "import qk3editor.core.articles, qk3editor.core.markdown_io\n"
        "import sys; assert 'PySide6.QtCore' not in sys.modules\n"
    )
    env_path = f"{tmp_path}:{SRC.parent}"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


# The reference portal (``qk3editor portal``) is a server program of its own, not app work.
EXECUTOR_HOME = {"core/tasks.py"}
EXECUTOR_EXCEPTIONS = {"publish/portal.py": "threading.Thread("}


def test_executors_are_made_only_by_the_task_runner() -> None:
    """Every thread pool, process pool and thread of the app comes from core/tasks.py (the
    task runner's pools), so one shutdown ends them all; Qt's pools only from ui/tasks.py."""
    makers = ("ThreadPoolExecutor(", "ProcessPoolExecutor(", "threading.Thread(", "QThreadPool(")
    offenders = []
    for f in sorted(SRC.rglob("*.py")):
        rel = f.relative_to(SRC).as_posix()
        if rel in EXECUTOR_HOME or rel == "ui/tasks.py":
            continue
        text = f.read_text(encoding="utf-8")
        for maker in makers:
            if maker in text and EXECUTOR_EXCEPTIONS.get(rel) != maker:
                offenders.append(f"{rel}: {maker}")
    assert offenders == []
