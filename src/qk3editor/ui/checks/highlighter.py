"""Underlines findings in a QTextDocument. Findings come from the checks run off the UI thread."""

from __future__ import annotations

import bisect

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from qk3editor.core.vietnamese.checks import Finding, Severity

COLORS = {
    Severity.ERROR: QColor("#d32f2f"),
    Severity.WARNING: QColor("#ef6c00"),
    Severity.INFO: QColor("#1e88e5"),
}


BlockMarks = tuple[tuple[int, int, str], ...]  # (start, end in the block, severity)


def marks_per_block(text: str, findings: list[Finding]) -> dict[int, BlockMarks] | None:
    """Block number → the underlines the block gets, from the plain text (run in the checks
    job, so the GUI thread only compares). None when the text's lines may not be the
    editor's blocks (a line separator inside a paragraph)."""
    if "\u2028" in text:
        return None
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    out: dict[int, list[tuple[int, int, str]]] = {}
    for f in sorted(findings, key=lambda f: f.start):
        n = bisect.bisect_right(starts, f.start) - 1
        while n < len(starts):
            begin = starts[n]
            stop = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
            start, end = max(f.start, begin) - begin, min(f.end, stop) - begin
            if end > start or f.start == f.end:
                out.setdefault(n, []).append((start, end, f.severity.value))
            if f.end <= stop:
                break
            n += 1
    return {n: tuple(v) for n, v in out.items()}


class ChecksHighlighter(QSyntaxHighlighter):
    """Draws a wavy underline under each finding (positions in the whole document)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._findings: list[Finding] = []
        self._starts: list[int] = []
        self._drawn: dict[int, BlockMarks] = {}
        self._edited: set[int] = set()  # blocks edited since the findings were last set
        self._block_count = document.blockCount()
        self._busy = False
        document.contentsChange.connect(self._on_contents_change)
        self._formats = {}
        for severity, color in COLORS.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(color)
            self._formats[severity] = fmt

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(
        self, findings: list[Finding], per_block: dict[int, BlockMarks] | None = None
    ) -> None:
        """Draw ``findings``, re-highlighting only the blocks whose underlines change (and
        those edited since the last call): a whole-document rehighlight of a 20,000-word
        article costs the GUI thread several milliseconds."""
        self._findings = sorted(findings, key=lambda f: f.start)
        self._starts = [f.start for f in self._findings]
        doc = self.document()
        if per_block is not None and doc is not None and len(per_block) <= doc.blockCount():
            drawn = per_block  # grouped off the GUI thread by :func:`marks_per_block`
        else:
            drawn = self._per_block()
        if doc is None or doc.blockCount() != self._block_count:
            self._rehighlight_all()
        else:
            changed = {
                n for n in drawn.keys() | self._drawn.keys() if drawn.get(n) != self._drawn.get(n)
            }
            self._busy = True
            try:
                for n in sorted(changed | self._edited):
                    block = doc.findBlockByNumber(n)
                    if block.isValid():
                        self.rehighlightBlock(block)
            finally:
                self._busy = False
        self._drawn = drawn
        self._edited = set()
        self._block_count = doc.blockCount() if doc is not None else 0

    def _rehighlight_all(self) -> None:
        self._busy = True
        try:
            self.rehighlight()
        finally:
            self._busy = False

    def _per_block(self) -> dict[int, BlockMarks]:
        """Block number → the underlines it gets (offsets in the block, severity)."""
        doc = self.document()
        out: dict[int, list[tuple[int, int, str]]] = {}
        if doc is None:
            return {}
        for f in self._findings:
            block = doc.findBlock(f.start)
            while block.isValid() and block.position() <= f.end:
                start = max(f.start, block.position()) - block.position()
                end = min(f.end, block.position() + block.length() - 1) - block.position()
                if end > start or f.start == f.end:
                    out.setdefault(block.blockNumber(), []).append((start, end, f.severity.value))
                if f.end <= block.position() + block.length() - 1:
                    break
                block = block.next()
        return {n: tuple(v) for n, v in out.items()}

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self._busy:
            return  # our own formats
        doc = self.document()
        first = doc.findBlock(position).blockNumber()
        last = doc.findBlock(position + added).blockNumber()
        if last < 0:
            last = doc.blockCount() - 1
        self._edited.update(range(max(first, 0), last + 1))

    def finding_at(self, position: int) -> Finding | None:
        """The finding covering document ``position`` (the narrowest one)."""
        hits = [f for f in self._findings if f.start <= position <= f.end and f.start < f.end]
        return min(hits, key=lambda f: f.end - f.start) if hits else None

    def highlightBlock(self, text: str) -> None:
        if not self._findings:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        i = bisect.bisect_left(self._starts, block_start)
        # A finding may start before this block and reach into it (rare: across a newline).
        j = i
        while j > 0 and self._findings[j - 1].end > block_start:
            j -= 1
        for f in self._findings[j:]:
            if f.start >= block_end:
                break
            start = max(f.start, block_start) - block_start
            end = min(f.end, block_end) - block_start
            if end > start:
                self.setFormat(start, end - start, self._formats[f.severity])
