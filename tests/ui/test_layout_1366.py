"""The app on a 1366×768 laptop and a 1600×900 screen (issue 11, deliverable 1):
``docs/make_screenshots.py --check`` opens the main window with the preview, the photo desk
(grid and table), the publish dialog, the outbox, the targets and every preferences page on an
offscreen screen of that size, each sized by the app itself, and lists every window outside
the screen, widget outside its window, clipped combo box or button, and column or pane below
its minimum share. None may be found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("size", ["1366x768", "1600x900"])
def test_every_window_fits_the_screen(tmp_path: Path, size: str) -> None:
    script = ROOT / "docs" / "make_screenshots.py"
    out = subprocess.run(
        [sys.executable, str(script), "--check", "--size", size],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=600,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stdout + out.stderr[-3000:]
    problems = json.loads(lines[-1])["problems"]
    assert problems == [], "\n".join(problems)
    checked = json.loads(lines[-1])["windows"]
    assert {"main", "photo desk (table)", "publish dialog", "outbox", "targets"} <= set(checked)
    assert any(name.startswith("preferences (") for name in checked), checked


def test_the_checks_see_a_window_that_does_not_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The probe can fail: a window wider than the screen and a clipped combo are found."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("probe", ROOT / "docs" / "screenshot_harness.py")
    assert spec is not None and spec.loader is not None
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    combo = QComboBox(window)
    combo.addItem("Tất cả (trừ thùng rác)")
    title = QLabel("Tăng cường phối hợp chỉ đạo công tác dân vận trong LLVT Quân khu", window)
    title.setWordWrap(True)
    title.setFixedSize(120, 18)  # three lines' text in one line's height
    layout = QHBoxLayout(window)
    layout.addWidget(combo)
    layout.addWidget(title)
    screen = window.screen().availableGeometry()
    window.show()
    window.resize(screen.width() + 200, 200)
    combo.setFixedWidth(40)
    qtbot.wait(10)
    problems = probe.window_problems("probe", window)
    assert any("outside the screen" in p for p in problems), problems
    assert any("QComboBox" in p and "clipped" in p for p in problems), problems
    assert any("QLabel" in p and "clipped" in p for p in problems), problems
