"""Every third-party package the app imports is declared in pyproject.toml.

A package that happens to be installed here but is missing from the declared dependencies
breaks a fresh install; this catches it before CI does.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _top_level_imports(folder: Path) -> set[str]:
    names: set[str] = set()
    for f in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"qk3editor", "__future__"}


def _declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return {re.split(r"[<>=!;\[ ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}


def _dists(module: str) -> set[str]:
    return {d.lower().replace("_", "-") for d in packages_distributions().get(module, [])}


def test_the_app_declares_what_it_imports() -> None:
    declared = _declared()
    missing = {
        m for m in _top_level_imports(ROOT / "src" / "qk3editor") if not _dists(m) & declared
    }
    assert not missing, f"add to [project] dependencies: {sorted(missing)}"


def test_the_tests_declare_what_they_import() -> None:
    declared = _declared("test")
    local = {p.stem for p in (ROOT / "tests").rglob("*.py")} | {"tests"}
    local |= {p.stem for p in (ROOT / "benchmarks").glob("*.py")} | {"i18n"}
    missing = {m for m in _top_level_imports(ROOT / "tests") - local if not _dists(m) & declared}
    assert not missing, f"add to the test extra: {sorted(missing)}"
