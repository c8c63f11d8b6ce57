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


class ChecksHighlighter(QSyntaxHighlighter):
    """Draws a wavy underline under each finding (positions in the whole document)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._findings: list[Finding] = []
        self._starts: list[int] = []
        self._formats = {}
        for severity, color in COLORS.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(color)
            self._formats[severity] = fmt

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, findings: list[Finding]) -> None:
        self._findings = sorted(findings, key=lambda f: f.start)
        self._starts = [f.start for f in self._findings]
        self.rehighlight()

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
