"""pyright strict is clean on the Qt-free layers (core, storage, photos, publish).

The house style promises it; this test is what holds every commit to it. The packages and the
strictness are in ``pyrightconfig.json``; stubs for untyped libraries live in ``typings/``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STRICT = ("core", "storage", "photos", "publish")


def _pyright(*args: str) -> dict[str, object]:
    # --outputjson also keeps pyright-python from asking PyPI for its latest version (offline CI);
    # --pythonpath points it at the interpreter running the tests, wherever its venv is.
    out = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")


def test_config_is_strict_on_the_non_ui_layers() -> None:
    config = json.loads((ROOT / "pyrightconfig.json").read_text(encoding="utf-8"))
    for package in STRICT:
        assert f"src/qk3editor/{package}" in config["strict"]
        assert f"src/qk3editor/{package}" in config["include"]
    # Strict means strict: no rule switched off or down for the whole tree.
    assert not {k for k in config if k.startswith("report")}, "rules overridden globally"
    assert config.get("typeCheckingMode", "strict") == "strict"


def test_pyright_strict_is_clean() -> None:
    report = _pyright()
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["filesAnalyzed"] > 50, summary  # the four packages, not an empty include
    diagnostics = report["generalDiagnostics"]
    assert isinstance(diagnostics, list)
    errors = [d for d in diagnostics if d["severity"] in ("error", "warning")]
    lines = [
        f"{Path(d['file']).relative_to(ROOT)}:{d['range']['start']['line'] + 1}: "
        f"{d['message']} [{d.get('rule', '')}]"
        for d in errors
    ]
    assert not lines, f"{len(lines)} pyright errors:\n" + "\n".join(lines)
