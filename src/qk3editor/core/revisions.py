"""Revisions of an article: snapshots, a readable diff between two, and the retention policy."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from qk3editor.core.i18n import QT_TRANSLATE_NOOP

TYPING_INTERVAL = timedelta(minutes=5)


class RevisionReason(StrEnum):
    SAVE = "save"  # the reporter pressed Save
    STATUS = "status"  # every workflow move
    TYPING = "typing"  # at most every TYPING_INTERVAL while typing
    RESTORE = "restore"  # an old revision brought back (itself a new revision)
    IMPORT = "import"
    PUBLISHED = "published"  # the version that went out to a portal (issue 9)


REASON_LABELS: dict[RevisionReason, str] = {
    RevisionReason.SAVE: QT_TRANSLATE_NOOP("revisions", "Saved"),
    RevisionReason.STATUS: QT_TRANSLATE_NOOP("revisions", "Status changed"),
    RevisionReason.TYPING: QT_TRANSLATE_NOOP("revisions", "While typing"),
    RevisionReason.RESTORE: QT_TRANSLATE_NOOP("revisions", "Restored"),
    RevisionReason.IMPORT: QT_TRANSLATE_NOOP("revisions", "Imported"),
    RevisionReason.PUBLISHED: QT_TRANSLATE_NOOP("revisions", "Published"),
}

FIELDS = ("title", "lead", "category", "byline", "tags", "body")
FIELD_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("revisions", "Title"),
    "lead": QT_TRANSLATE_NOOP("revisions", "Lead"),
    "category": QT_TRANSLATE_NOOP("revisions", "Category"),
    "byline": QT_TRANSLATE_NOOP("revisions", "Byline"),
    "tags": QT_TRANSLATE_NOOP("revisions", "Tags"),
    "body": QT_TRANSLATE_NOOP("revisions", "Body"),
}


@dataclass(frozen=True)
class Snapshot:
    """The article's text at one moment."""

    title: str = ""
    lead: str = ""
    body: str = ""
    category: str = ""
    byline: str = ""
    tags: tuple[str, ...] = ()

    def field_text(self, name: str) -> str:
        value: str | tuple[str, ...] = getattr(self, name)
        return ", ".join(value) if isinstance(value, tuple) else str(value or "")


@dataclass(frozen=True)
class Revision:
    """One stored revision (what the history panel lists)."""

    id: int
    article_id: str
    number: int
    created_at: datetime
    reason: RevisionReason
    who: str
    snapshot: Snapshot
    status: str = ""


# -- diff -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DiffPiece:
    """A run of text: ``op`` is ``equal``, ``insert`` or ``delete``."""

    op: str
    text: str


@dataclass(frozen=True)
class DiffLine:
    """One line of the readable diff: ``kind`` is ``same``, ``added``, ``removed``, ``changed``."""

    field: str
    kind: str
    pieces: tuple[DiffPiece, ...]
    old_line: int | None = None
    new_line: int | None = None


_WORDS = re.compile(r"\s+|[^\s]+")


def _word_diff(old: str, new: str) -> tuple[DiffPiece, ...]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("insert", "".join(b[j1:j2])))
    return tuple(pieces)


def diff_text(field: str, old: str, new: str, context: int = 1) -> list[DiffLine]:
    """Line diff of one field, with word-level marks inside changed lines."""
    a, b = old.split("\n"), new.split("\n")
    out: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                for k in range(i2 - i1):
                    line = a[i1 + k]
                    out.append(DiffLine(field, "same", (DiffPiece("equal", line),), i1 + k, j1 + k))
            elif op == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    pieces = _word_diff(a[i1 + k], b[j1 + k])
                    out.append(DiffLine(field, "changed", pieces, i1 + k, j1 + k))
            else:
                for k in range(i1, i2):
                    out.append(DiffLine(field, "removed", (DiffPiece("delete", a[k]),), k, None))
                for k in range(j1, j2):
                    out.append(DiffLine(field, "added", (DiffPiece("insert", b[k]),), None, k))
    return out


def diff_snapshots(old: Snapshot, new: Snapshot) -> list[DiffLine]:
    """Every difference between two snapshots, field by field (title first, body last)."""
    lines: list[DiffLine] = []
    for name in FIELDS:
        a, b = old.field_text(name), new.field_text(name)
        if a != b:
            lines.extend(diff_text(name, a, b))
    return lines


def diff_html(lines: Sequence[DiffLine], field_labels: dict[str, str] | None = None) -> str:
    """The diff as simple HTML (QTextBrowser-friendly): insertions green, deletions struck."""
    labels = field_labels or FIELD_LABELS
    out: list[str] = []
    current = None
    for line in lines:
        if line.field != current:
            current = line.field
            out.append(f"<h3>{html.escape(labels.get(line.field, line.field))}</h3>")
        spans: list[str] = []
        for piece in line.pieces:
            text = html.escape(piece.text) or "&nbsp;"
            if piece.op == "insert":
                spans.append(f'<span style="background-color:#d4f7d4">{text}</span>')
            elif piece.op == "delete":
                spans.append(
                    f'<span style="background-color:#f9d0d0; text-decoration:line-through">'
                    f"{text}</span>"
                )
            else:
                spans.append(text)
        mark = {"same": "&nbsp;&nbsp;", "added": "+ ", "removed": "− ", "changed": "~ "}[line.kind]
        out.append(f"<p>{mark}{''.join(spans)}</p>")
    return "\n".join(out)


# -- when to snapshot, what to keep ------------------------------------------------------------
def typing_snapshot_due(
    last_snapshot_at: datetime | None, now: datetime, interval: timedelta = TYPING_INTERVAL
) -> bool:
    """True when a "while typing" snapshot may be taken (at most one per ``interval``)."""
    return last_snapshot_at is None or now - last_snapshot_at >= interval


@dataclass(frozen=True)
class RetentionPolicy:
    """What history to keep (``keep_days`` is the user's setting; ``<= 0`` keeps everything).

    Kept: every revision younger than ``keep_days``; always the newest ``keep_last``; every
    status-change and restore snapshot (the workflow's audit trail); explicit saves while
    ``keep_saves``. Older "while typing" and import snapshots go.
    """

    keep_days: int = 90
    keep_last: int = 20
    keep_saves: bool = True


def revisions_to_prune(
    revisions: Iterable[Revision], now: datetime, policy: RetentionPolicy
) -> list[int]:
    """Ids of the revisions the policy lets go (oldest first)."""
    if policy.keep_days <= 0:
        return []
    ordered = sorted(revisions, key=lambda r: (r.created_at, r.number))
    protected = {r.id for r in ordered[-policy.keep_last :]} if policy.keep_last > 0 else set[int]()
    cutoff = now - timedelta(days=policy.keep_days)
    prune: list[int] = []
    for r in ordered:
        if r.id in protected or r.created_at >= cutoff:
            continue
        if r.reason in (RevisionReason.STATUS, RevisionReason.RESTORE, RevisionReason.PUBLISHED):
            continue
        if r.reason is RevisionReason.SAVE and policy.keep_saves:
            continue
        prune.append(r.id)
    return prune
