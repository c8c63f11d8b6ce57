"""The checks highlighter redraws only the blocks whose underlines change, and what it draws
is what a whole-document rehighlight draws."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from qk3editor.core.vietnamese.checks import Finding, Severity
from qk3editor.ui.checks.highlighter import ChecksHighlighter, marks_per_block


def _drawn(edit: QPlainTextEdit) -> list[tuple[int, int, int, str]]:
    out = []
    block = edit.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            out.append((block.blockNumber(), r.start, r.length, r.format.underlineColor().name()))
        block = block.next()
    return sorted(out)


def _findings(text: str, rng: random.Random) -> list[Finding]:
    found = []
    for _ in range(rng.randrange(5, 25)):
        start = rng.randrange(len(text) - 10)
        severity = rng.choice(list(Severity))
        found.append(Finding(start, start + rng.randrange(1, 8), "x", "x", {}, (), severity))
    return found


def test_partial_rehighlight_equals_a_whole_one(qtbot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("\n".join(f"Dòng số {i} có vài chữ để gạch chân." for i in range(60)))
    ours = ChecksHighlighter(edit.document())
    rng = random.Random(5)
    redrawn = []
    for step in range(25):
        if step % 3 == 1:  # an edit inside a line, as typing does
            cursor = QTextCursor(edit.document().findBlockByNumber(rng.randrange(60)))
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText(" thêm")
        calls = []
        original = ours.rehighlightBlock
        ours.rehighlightBlock = lambda b, calls=calls, original=original: (  # type: ignore[method-assign]
            calls.append(b.blockNumber()),
            original(b),
        )
        text = edit.toPlainText()
        findings = _findings(text, rng)
        # grouped in the checks job, or by the highlighter on the document: the same
        per_block = marks_per_block(text, findings) if step % 2 else None
        ours.set_findings(findings, per_block)
        del ours.rehighlightBlock
        assert marks_per_block(text, findings) == ours._per_block()
        redrawn.append(len(calls))
        mine = _drawn(edit)
        ours.rehighlight()  # the whole document, from the same findings
        assert mine == _drawn(edit), step
    assert max(redrawn) < 60  # never the whole document
    assert sum(redrawn) > 0
