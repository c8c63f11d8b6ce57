"""Live preview: the portal page in a QTextBrowser, re-rendered after typing pauses.

Rendering runs on the runner's ``io`` lane with key ``preview``: a render that finishes after a
newer one was asked for is dropped. The preview follows the editor: each block of the body has
an anchor ``L<line>``; the preview scrolls to the block at the top of the editor.

The worker also parses the HTML into a QTextDocument (moved to the GUI thread before it is
handed back): ``QTextBrowser.setHtml`` of a 20,000-word page takes ~20 ms on the GUI thread,
more than a frame; swapping in a ready document takes about half that. Qt allows building a
QTextDocument outside the GUI thread (images load later, at paint time, on the GUI thread).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

from qk3editor.core.render import PhotoResolver, RenderInput, block_lines, no_photos, render_page
from qk3editor.ui.tasks import TaskRunner

PAUSE_MS = 350


@dataclass(frozen=True)
class Rendered:
    html: str
    lines: list[int]
    generation: int
    document: QTextDocument | None = None


def render_for_preview(article: RenderInput, resolver: PhotoResolver, generation: int) -> Rendered:
    """The job (off the GUI thread): the page, its block lines, and the parsed document."""
    html = render_page(article, resolver, anchors=True)
    doc = QTextDocument()
    doc.setBaseUrl(QUrl("file:///"))
    doc.setHtml(html)
    app = QCoreApplication.instance()
    if app is not None:
        doc.moveToThread(app.thread())
    return Rendered(html, block_lines(article.body), generation, doc)


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)  # a click in the preview never navigates away
        self.setOpenExternalLinks(False)


class PreviewController(QObject):
    """Schedules renders, drops stale ones, keeps the preview in step with the editor."""

    def __init__(
        self,
        pane: PreviewPane,
        body: QPlainTextEdit,
        snapshot: Callable[[], RenderInput],
        runner: TaskRunner,
        resolver: PhotoResolver = no_photos,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pane = pane
        self.body = body
        self.snapshot = snapshot
        self.runner = runner
        self.resolver = resolver
        self.generation = 0
        self.shown_generation = 0
        self._lines: list[int] = []
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
        article = self.snapshot()
        generation, resolver = self.generation, self.resolver
        self.runner.submit(
            "io",
            lambda: render_for_preview(article, resolver, generation),
            self._on_rendered,
            key="preview",
        )

    def _on_rendered(self, result: Rendered) -> None:
        if result.generation < self.shown_generation:
            return  # an older render overtaken by a newer one
        self.shown_generation = result.generation
        self._lines = result.lines
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
        self.pane.scrollToAnchor(f"L{self._lines[max(i, 0)]}")
