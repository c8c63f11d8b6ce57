"""The preview's document, made of segments that can be replaced one by one.

Rebuilding the whole page (``QTextBrowser.setHtml`` of a 20,000-word article) costs the GUI
thread tens of milliseconds, and PySide6 holds the GIL while a worker thread does it, so moving
it off the GUI thread does not help typing. Here the page is a list of *segments*: the head
(portal header, breadcrumb, title, date, lead), one segment per body block of the renderer
(:func:`qk3editor.core.render.render_body_blocks`) and the tail (byline). After an edit only
the segments whose HTML changed are parsed (each on its own, a few hundred characters) and put
in place of the old ones with a :class:`QTextCursor`; Qt then lays out only those blocks.

Each segment is inserted as a :class:`QTextDocumentFragment` that starts with a paragraph
separator, so it brings its own block formats (margins, alignment, lists, tables) exactly as
a parse of the whole page would. The document starts with one empty block; segment ``i``
occupies ``[starts[i], starts[i + 1])`` (its leading separator included). A document built
from scratch and one updated many times hold the same blocks and formats (tested).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)

if TYPE_CHECKING:  # the renderer (markdown, nh3) loads with the first render, not at start-up
    from qk3editor.core.render import PhotoResolver, RenderInput


@lru_cache(maxsize=1)
def page_css() -> str:
    from qk3editor.core.render import templates_dir

    return (templates_dir() / "article.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _header_html() -> str:
    from qk3editor.core.render import templates_dir

    page = (templates_dir() / "article_page.html").read_text(encoding="utf-8")
    m = re.search(r'<table class="qk3-header".*?</table>', page, re.S)
    return m.group(0) if m else ""


def page_segments(article: RenderInput, resolver: PhotoResolver) -> tuple[list[str], list[int]]:
    """The page as segments (head, body blocks, tail) and the first body line of each block.

    The article's :class:`~qk3editor.core.render.PagePlan` (the selected target's portal
    profile) adds the theme's banner to the head, and the featured figure (before the body)
    and the unplaced photos (after it) as segments of their own, tied to the body's first and
    last lines. Pure Python on cached blocks: runs in the render job."""
    from qk3editor.core.render import (
        article_head,
        article_tail,
        banner_html,
        render_body_blocks,
    )

    page = article.page
    blocks = render_body_blocks(article.body, resolver)
    head = f'<div class="qk3-site">{_header_html()}</div>\n{article_head(article)}'
    head += banner_html(article, resolver)
    last = blocks[-1][0] + 1 if blocks else 1
    shown: list[tuple[int, str]] = []
    for snippet in page.before:
        shown.extend((0, html) for _line, html in render_body_blocks(snippet, resolver))
    shown.extend(blocks)
    for snippet in page.after:
        shown.extend((last, html) for _line, html in render_body_blocks(snippet, resolver))
    segments = [head]
    segments.extend(f'<div class="qk3-body">{html}</div>' for _line, html in shown)
    segments.append(article_tail(article))
    return segments, [line for line, _html in shown]


def _fragment(segment: str) -> QTextDocumentFragment:
    """``segment`` parsed on its own, as a fragment that begins with a paragraph separator."""
    doc = QTextDocument()
    doc.setBaseUrl(QUrl("file:///"))
    doc.setDefaultStyleSheet(page_css())
    # the "x" paragraph only carries the separator that the fragment starts with
    doc.setHtml(f"<html><body><p>x</p>{segment}</body></html>")
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.begin().length() - 1)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    return QTextDocumentFragment(cursor)


class SegmentedDocument:
    """A QTextDocument and the segments it shows; see the module docstring."""

    def __init__(self, document: QTextDocument | None = None) -> None:
        self.document = document if document is not None else QTextDocument()
        self.document.setBaseUrl(QUrl("file:///"))
        self.document.setUndoRedoEnabled(False)
        # the empty first block before the head takes no room
        first = QTextBlockFormat()
        first.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        QTextCursor(self.document).setBlockFormat(first)
        self.segments: list[str] = []
        self.starts: list[int] = []

    def _end(self) -> int:
        return self.document.characterCount() - 1

    def start_of(self, index: int) -> int:
        return self.starts[index] if index < len(self.starts) else self._end()

    def build(self, segments: list[str]) -> None:
        """Fill an empty document."""
        self.replace(0, 0, segments)

    def update(self, segments: list[str], limit: int | None = None) -> bool:
        """Show ``segments``, replacing only those that changed; with ``limit``, put at most
        that many new segments in place and return True if more remain to be done."""
        old = self.segments
        if old == segments:
            return False
        n_old, n_new = len(old), len(segments)
        p = 0
        while p < n_old and p < n_new and old[p] == segments[p]:
            p += 1
        s = 0
        while s < n_old - p and s < n_new - p and old[n_old - 1 - s] == segments[n_new - 1 - s]:
            s += 1
        new = segments[p : n_new - s]
        if limit is not None and len(new) > limit:
            # the first ``limit`` new ones in place of as many old ones (or all that are left)
            self.replace(p, min(limit, n_old - s - p), new[:limit])
            return True
        self.replace(p, n_old - s - p, new)
        return False

    def replace(self, first: int, count: int, new: list[str]) -> None:
        """Put ``new`` in place of ``count`` segments from ``first``."""
        cursor = QTextCursor(self.document)
        begin, end = self.start_of(first), self.start_of(first + count)
        cursor.beginEditBlock()
        if end > begin:
            # the block before the range loses its separator to the removal: keep its formats
            cursor.setPosition(begin)
            kept_block, kept_chars = cursor.blockFormat(), cursor.blockCharFormat()
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setBlockFormat(kept_block)
            cursor.setBlockCharFormat(kept_chars)
        cursor.setPosition(begin)
        starts = []
        for segment in new:
            starts.append(cursor.position())
            cursor.insertFragment(_fragment(segment))
        cursor.endEditBlock()
        delta = cursor.position() - end
        tail = [p + delta for p in self.starts[first + count :]]
        self.starts[first:] = starts + tail
        self.segments[first : first + count] = new

    def segment_y(self, index: int) -> int:
        """The top of segment ``index`` in the laid-out document."""
        block = self.document.findBlock(min(self.start_of(index) + 1, self._end()))
        return int(self.document.documentLayout().blockBoundingRect(block).top())
