"""Live preview: the portal page in a QTextBrowser, re-rendered after typing pauses.

Rendering runs on the runner's ``io`` lane with key ``preview``: a render that finishes after a
newer one was asked for is dropped. The preview follows the editor: each block of the body has
an anchor ``L<line>``; the preview scrolls to the block at the top of the editor.

The worker also parses the HTML into a QTextDocument and lays it out at the preview's width
(then moves it to the GUI thread): ``QTextBrowser.setHtml`` of a 20,000-word page costs the GUI
thread ~20 ms plus layout; swapping in a laid-out document costs ~1 ms. Measured (benchmarks/
keystroke.py): worst stall 42 ms with setHtml on the GUI thread, 35 ms with parsing only in the
worker, 21-26 ms with parsing and layout in the worker — PySide6 keeps the GIL during these
Qt calls, so the worker still delays the GUI thread's Python; the remaining step is updating
only the changed blocks of the shown document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSizeF, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

if TYPE_CHECKING:  # the renderer (markdown, nh3) loads with the first render, not at start-up
    from qk3editor.core.render import PhotoResolver, RenderInput
from qk3editor.ui.tasks import TaskRunner

PAUSE_MS = 350


@dataclass(frozen=True)
class Rendered:
    html: str
    lines: list[int]
    generation: int
    document: QTextDocument | None = None
    anchor_y: dict[int, int] | None = None  # body line → y of its block in the laid-out page


def anchor_positions(doc: QTextDocument) -> dict[int, int]:
    """Where each ``L<line>`` anchor sits in the laid-out document (computed in the job, so the
    GUI thread scrolls by arithmetic; ``scrollToAnchor`` scans the whole document each time)."""
    layout = doc.documentLayout()
    found: dict[int, int] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                if name.startswith("L") and name[1:].isdigit():
                    found.setdefault(int(name[1:]), int(layout.blockBoundingRect(block).top()))
            it += 1
        block = block.next()
    return found


def render_for_preview(
    article: RenderInput, resolver: PhotoResolver, generation: int, width: int = 0
) -> Rendered:
    """The job (off the GUI thread): the page, its block lines, and the parsed document, laid
    out at the preview's width so that showing it costs the GUI thread about a millisecond."""
    from qk3editor.core.render import block_lines, render_page

    html = render_page(article, resolver, anchors=True)
    doc = QTextDocument()
    doc.setBaseUrl(QUrl("file:///"))
    doc.setHtml(html)
    if width > 0:
        doc.setPageSize(QSizeF(width, -1))
        doc.setTextWidth(width)
        doc.documentLayout()
        doc.size()  # forces the layout here, not on the GUI thread
        anchors = anchor_positions(doc)
    else:
        anchors = None
    app = QCoreApplication.instance()
    if app is not None:
        doc.moveToThread(app.thread())
    return Rendered(html, block_lines(article.body), generation, doc, anchors)


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)  # a click in the preview never navigates away
        self.setOpenExternalLinks(False)


class PreviewController(QObject):
    """Schedules renders, drops stale ones, keeps the preview in step with the editor.

    ``snapshot()`` runs on the GUI thread and returns a function, run in the job, that makes
    the :class:`RenderInput` (so the costly text clean-up happens off the GUI thread).
    """

    def __init__(
        self,
        pane: PreviewPane,
        body: QPlainTextEdit,
        snapshot: Callable[[], Callable[[], RenderInput]],
        runner: TaskRunner,
        resolver: PhotoResolver | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pane = pane
        self.body = body
        self.snapshot = snapshot
        self.runner = runner
        if resolver is None:
            from qk3editor.core.render import no_photos

            resolver = no_photos
        self.resolver: PhotoResolver = resolver
        self.generation = 0
        self.shown_generation = 0
        self._lines: list[int] = []
        self._anchor_y: dict[int, int] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.render_now)
        body.verticalScrollBar().valueChanged.connect(self._on_body_scrolled)

    def schedule(self) -> None:
        """Typing happened: render when it pauses."""
        self._timer.start()

    def render_now(self) -> None:
        self._timer.stop()
        self.generation += 1
        build = self.snapshot()  # reads the widgets now; cleans the text in the job
        generation, resolver = self.generation, self.resolver
        width = self.pane.viewport().width() if self.pane.isVisible() else 0
        self.runner.submit(
            "io",
            lambda: render_for_preview(build(), resolver, generation, width),
            self._on_rendered,
            key="preview",
        )

    def _on_rendered(self, result: Rendered) -> None:
        if result.generation < self.shown_generation:
            return  # an older render overtaken by a newer one
        self.shown_generation = result.generation
        self._lines = result.lines
        self._anchor_y = result.anchor_y or {}
        bar = self.pane.verticalScrollBar()
        keep = bar.value()
        if result.document is not None:
            # a child of the pane: the next setDocument deletes it (Qt's rule for QTextEdit)
            result.document.setParent(self.pane)
            self.pane.setDocument(result.document)
        else:
            self.pane.document().setBaseUrl(QUrl("file:///"))
            self.pane.setHtml(result.html)
        bar.setValue(keep)
        self._on_body_scrolled()

    def _on_body_scrolled(self, _value: int = 0) -> None:
        if not self._lines:
            return
        top_line = self.body.firstVisibleBlock().blockNumber()
        if top_line == 0:
            self.pane.verticalScrollBar().setValue(0)  # the page's head: title, date, lead
            return
        i = bisect.bisect_right(self._lines, top_line) - 1
        line = self._lines[max(i, 0)]
        if self._anchor_y:
            known = [n for n in self._lines[: max(i, 0) + 1] if n in self._anchor_y]
            self.pane.verticalScrollBar().setValue(self._anchor_y[known[-1]] if known else 0)
        else:
            self.pane.scrollToAnchor(f"L{line}")
