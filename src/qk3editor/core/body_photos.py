"""Placing a photo in an article body and taking it out again (markdown, no store).

A placed photo is a paragraph of its own: ``![caption](qk3photo:ID "credit")`` (core.photos).
"""

from __future__ import annotations

import re

from qk3editor.core.photos import find_photo_placements

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraphs(body: str) -> list[str]:
    return [p.strip("\n") for p in _PARAGRAPH_BREAK.split(body.strip("\n")) if p.strip()]


def remove_photo(body: str, photo_id: int | str) -> str:
    """``body`` without the paragraphs that place photo ``photo_id`` (other text untouched)."""
    wanted = str(photo_id)
    if all(r.photo_id != wanted for r in find_photo_placements(body)):
        return body
    kept: list[str] = []
    for para in paragraphs(body):
        refs = find_photo_placements(para)
        if refs and any(r.photo_id == wanted for r in refs):
            rest = para
            for r in reversed(refs):
                if r.photo_id == wanted:
                    rest = rest[: r.start] + rest[r.end :]
            if not rest.strip():
                continue
            para = rest.strip()
        kept.append(para)
    return "\n\n".join(kept) + ("\n" if kept else "")


def place_photo(body: str, snippet: str, after: int | None = None) -> str:
    """``body`` with ``snippet`` as a paragraph after paragraph ``after`` (1-based; 0 puts it
    first; None or past the end: last)."""
    paras = paragraphs(body)
    index = len(paras) if after is None else max(0, min(after, len(paras)))
    paras.insert(index, snippet)
    return "\n\n".join(paras) + "\n"
