"""Folding for search keys and URL slugs (VIETNAMESE.md §3).

``fold`` = repair (NFC, tone order, ETH → Đ) → lower-case → every mark removed → đ → d.
Punctuation is kept; tokenising is a separate step. Both tone styles and the "Sư/Sự" typo
fold to the same key, which is what search wants.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from qk3editor.core.vietnamese.normalize import repair, strip_invisibles

_APOSTROPHES_RE = re.compile("['’ʼ‘`]")
_NON_SLUG_RE = re.compile("[^a-z0-9]+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    parts = unicodedata.normalize("NFD", ch)
    kept = "".join(c for c in parts if not ("\u0300" <= c <= "\u036f"))
    kept = kept.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", kept)


class _FoldTable(dict[int, str]):
    """A lazily filled ``str.translate`` table: each non-ASCII code point folded once."""

    def __missing__(self, key: int) -> str:
        value = _fold_char(chr(key))
        self[key] = value
        return value


_TABLE = _FoldTable()


_CHUNK = 8192


def _translate(text: str) -> str:
    """``text.translate(_TABLE)`` in slices: one call on a whole article holds the GIL for
    ~5 ms, which the editor's GUI thread feels while a save indexes the article."""
    if len(text) <= _CHUNK:
        return text.translate(_TABLE)
    return "".join(text[i : i + _CHUNK].translate(_TABLE) for i in range(0, len(text), _CHUNK))


def fold(text: str, *, keep_case: bool = False) -> str:
    """The search key of ``text``: marks removed, đ → d, lower case unless ``keep_case``."""
    if text.isascii():
        return text if keep_case else text.lower()
    text = repair(strip_invisibles(text))
    if not keep_case:
        text = text.lower()
    folded = _translate(text)
    if not folded.isascii():
        # Rare: a mark left over that did not compose with its letter.
        folded = unicodedata.normalize("NFC", folded.translate(_TABLE))
    return folded


def slugify(text: str, max_length: int | None = None) -> str:
    """A URL slug: ``fold``, apostrophes dropped, other runs of non-[a-z0-9] → ``-``.

    A title with no Latin letters or digits gives ``""``: the caller falls back to an id.
    With ``max_length``, the slug is cut at a hyphen boundary.
    """
    slug = _NON_SLUG_RE.sub("-", _APOSTROPHES_RE.sub("", fold(text))).strip("-")
    if max_length is not None and len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
        slug = slug.strip("-")
    return slug
