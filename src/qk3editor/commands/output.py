"""Shared output helpers for CLI commands."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any


def print_json(value: Any) -> None:
    """JSON on stdout, UTF-8, NFC text as stored (no \\u escapes)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def write_text(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def one_line(text: str) -> str:
    """``text`` safe for a one-line-per-item report: control characters (newline, tab, ESC,
    bidi overrides, line separators, ...) written as escapes (``\n``, ``\t``, ``\x1b``,
    ``\u202e``), so a file name can never start a new line, split a column or reorder what
    follows. A backslash is left as it is (Windows paths stay readable)."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in _UNSAFE:
            code = ord(ch)
            out.append(_NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"))
        else:
            out.append(ch)
    return "".join(out)


_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
