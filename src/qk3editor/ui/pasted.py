"""Pasted text that looks like a legacy Vietnamese encoding, as the text edits announce it.

Apart from ui/widgets.py so that the first frame, which shows those edits, does not make this
dataclass (issue 14, start-up: ~1 ms a frozen dataclass); made at the first such paste.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from qk3editor.core.vietnamese.legacy import LegacyMatch


@dataclass(frozen=True)
class LegacyPaste:
    """Pasted text that looks like TCVN3/VNI/VIQR: ``inserted`` now sits at ``start`` (in
    UTF-16 units) of ``widget``; ``match.converted`` is the offered Unicode reading, made from
    the raw clipboard text."""

    widget: QWidget
    start: int
    inserted: str
    match: LegacyMatch
