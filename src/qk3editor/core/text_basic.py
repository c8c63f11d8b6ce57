"""Minimal text helpers the foundation needs before the Vietnamese toolkit (core.vietnamese)."""

from __future__ import annotations

import re
import unicodedata


def slug_basic(text: str) -> str:
    """An ASCII slug: marks removed, đ → d, runs of other characters → one hyphen."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
