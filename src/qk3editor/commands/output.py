"""Shared output helpers for CLI commands."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    """JSON on stdout, UTF-8, NFC text as stored (no \\u escapes)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def write_text(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
