"""ruff format and ruff check are clean (house style), so CI holds every commit to it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_format_and_check_are_clean() -> None:
    for args in (["format", "--check", "."], ["check", "."]):
        out = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
