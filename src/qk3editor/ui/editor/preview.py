"""Live preview: the portal page in a QTextBrowser, re-rendered after typing pauses.

Rendering runs on the runner's ``io`` lane with key ``preview``: a render that finishes after a
newer one was asked for is dropped. The render job gives the page as segments (head, one per
body block, tail; see :mod:`preview_doc`); the GUI thread replaces only the segments that
changed in the shown document, at most ``SLICE_SEGMENTS`` per turn of the event loop, so Qt
re-parses and re-lays out a paragraph, not the page. Only when an article is opened does the
job build (and lay out) a whole document, which the GUI thread swaps in.

Why: ``QTextBrowser.setHtml`` of a 20,000-word page costs ~20 ms plus layout, and PySide6 keeps
the GIL during those Qt calls, so doing it in a worker still stalls typing. Measured with
benchmarks/keystroke.py (2,000 characters): worst stall 21-55 ms rebuilding the page after each
pause, 10 ms updating only the changed blocks.

The preview follows the editor: the top block of the editor → its segment → that segment's
top in the laid-out document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSizeF, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser, QWidget

if TYPE_CHECKING:  # the renderer (markdown, nh3) loads with the first render, not at start-up
    from qk3editor.core.render import PhotoResolver, RenderInput
from qk3editor.ui.editor.preview_doc import SegmentedDocument, page_segments
from qk3editor.ui.tasks import TaskRunner

PAUSE_MS = 350
SLICE_SEGMENTS = 6  # segments parsed and replaced per turn of the event loop (~0.3 ms each)


@dataclass(frozen=True)
class Rendered:
    lines: list[int]
    generation: int
    segments: list[str]  # the page as segments (see preview_doc)
    built: SegmentedDocument | None = None  # a whole new document (first render of an article)


def render_for_preview(
    article: RenderInput,
    resolver: PhotoResolver,
    generation: int,
    width: int = 0,
    build: bool = True,
) -> Rendered:
    """The job (off the GUI thread): the page as segments and the first line of each body
    block; with ``build`` also the whole document, laid out at the preview's width, so that
    showing a newly opened article costs the GUI thread about a millisecond. Later renders
    only give segments: the GUI thread replaces the few that changed."""
    segments, lines = page_segments(article, resolver)
    if not build:
        return Rendered(lines, generation, segments)
    built = SegmentedDocument()
    built.build(segments)
    doc = built.document
    if width > 0:
        doc.setPageSize(QSizeF(width, -1))
        doc.setTextWidth(width)
        doc.documentLayout()
        doc.size()  # forces the layout here, not on the GUI thread
    app = QCoreApplication.instance()
    if app is not None:
        doc.moveToThread(app.thread())
    return Rendered(lines, generation, segments, built)


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)  # a click in the preview never navigates away
        self.setOpenExternalLinks(False)
        # why the preview is not up to date (e.g. the text is over its budget): shown over
        # the last good render, which stays in place
        self.notice = QLabel(self)
        self.notice.setObjectName("previewNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36b;"
            " padding: 6px; }"
        )
        self.notice.hide()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setFixedWidth(max(self.viewport().width() - 8, 100))
        self.notice.adjustSize()
        self.notice.move(4, 4)
        self.notice.show()
        self.notice.raise_()

    def hide_notice(self) -> None:
        self.notice.hide()


class PreviewController(QObject):
    """Schedules renders, drops stale ones, keeps the preview in step with the editor.

    ``snapshot()`` runs on the GUI thread and returns a function, run in the job, that makes
    the :class:`RenderInput` (so the costly text clean-up happens off the GUI thread).
    """

    updated = Signal()  # the shown document caught up with the last render

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
        self._doc: SegmentedDocument | None = None  # what the pane shows, by segments
        self._target: list[str] | None = None  # segments still to put in place
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._apply_slice)
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
        whole = self._doc is None
        width = 0
        if self.pane.isVisible() and whole:
            # a long article brings the scroll bar: lay out at the width left beside it
            bar = self.pane.verticalScrollBar()
            width = self.pane.viewport().width() - (
                0 if bar.isVisible() else bar.sizeHint().width()
            )
        self.runner.submit(
            "io",
            lambda: render_for_preview(build(), resolver, generation, width, whole),
            self._on_rendered,
            self._on_render_failed,
            key="preview",
        )

    def _on_render_failed(self, exc: BaseException) -> None:
        """The last good render stays; the notice says why this one was not shown."""
        from qk3editor.core.errors import QkError

        if isinstance(exc, QkError):
            text = QCoreApplication.translate("errors", exc.template)
            try:
                text = text.format(**exc.params)
            except (KeyError, IndexError, ValueError):
                pass
        else:
            text = QCoreApplication.translate(
                "PreviewController", "The preview could not be updated ({error})"
            ).format(error=type(exc).__name__)
        self.pane.show_notice(text)

    def reset(self) -> None:
        """Another article: the next render builds a whole new document."""
        self._doc = None
        self._target = None
        self._slicer.stop()

    def _on_rendered(self, result: Rendered) -> None:
        if result.generation < self.shown_generation:
            return  # an older render overtaken by a newer one
        self.shown_generation = result.generation
        self.pane.hide_notice()
        self._lines = result.lines
        bar = self.pane.verticalScrollBar()
        keep = bar.value()
        if result.built is not None:
            # a child of the pane: the next setDocument deletes it (Qt's rule for QTextEdit)
            result.built.document.setParent(self.pane)
            self.pane.setDocument(result.built.document)
            self._doc, self._target = result.built, None
            self._slicer.stop()
        elif self._doc is not None:
            self._target = result.segments
            self._apply_slice()
        else:
            self.render_now()  # the document went away meanwhile: build a whole one
            return
        bar.setValue(keep)
        self._on_body_scrolled()

    def _apply_slice(self) -> None:
        """Replace changed segments, at most ``SLICE_SEGMENTS`` per turn of the event loop."""
        if self._doc is None or self._target is None:
            return
        if self._doc.update(self._target, SLICE_SEGMENTS):
            self._slicer.start()
        else:
            self._target = None
            self.updated.emit()

    def _on_body_scrolled(self, _value: int = 0) -> None:
        if not self._lines:
            return
        top_line = self.body.firstVisibleBlock().blockNumber()
        if top_line == 0:
            self.pane.verticalScrollBar().setValue(0)  # the page's head: title, date, lead
            return
        i = max(bisect.bisect_right(self._lines, top_line) - 1, 0)
        if self._doc is not None and i + 1 < len(self._doc.starts):
            self.pane.verticalScrollBar().setValue(self._doc.segment_y(i + 1))
        else:
            self.pane.scrollToAnchor(f"L{self._lines[i]}")
