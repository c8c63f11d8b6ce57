"""Test-only hooks live in ``qk3editor.ui.testing``, which no production module imports."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "qk3editor"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_no_production_module_imports_the_test_hooks() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if p.name != "testing.py" and "qk3editor.ui.testing" in _imports(p)
    ]
    assert offenders == []
    assert "qk3editor.ui.testing" in _imports(Path(__file__))  # the walk does see imports


def test_no_test_only_environment_switch_is_left_in_production_code() -> None:
    for p in SRC.rglob("*.py"):
        if p.name == "testing.py":
            continue
        text = p.read_text(encoding="utf-8")
        for name in ("QK3EDITOR_TEST", "QK3EDITOR_EXIT_AFTER_SHOWN", "scripted_typing"):
            assert name not in text, f"{p.relative_to(SRC)} mentions {name}"


def _unused() -> None:  # keeps the import above a real one for the self-check
    import qk3editor.ui.testing  # noqa: F401
