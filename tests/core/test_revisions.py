"""Readable diffs between revisions, and what the retention policy keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qk3editor.core.revisions import (
    RetentionPolicy,
    Revision,
    RevisionReason,
    Snapshot,
    diff_html,
    diff_snapshots,
    revisions_to_prune,
    typing_snapshot_due,
)

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_diff_marks_changed_words_per_field() -> None:
    old = Snapshot(title="Hội nghị dân vận", body="Đoạn một.\nĐoạn hai cũ.\nĐoạn ba.")
    new = Snapshot(title="Hội nghị dân vận", body="Đoạn một.\nĐoạn hai mới.\nĐoạn ba.\nThêm.")
    lines = diff_snapshots(old, new)
    assert {line.field for line in lines} == {"body"}
    changed = [line for line in lines if line.kind == "changed"]
    assert len(changed) == 1
    ops = {(p.op, p.text) for p in changed[0].pieces}
    assert ("delete", "cũ.") in ops and ("insert", "mới.") in ops
    assert [line.kind for line in lines if line.kind == "added"] == ["added"]
    html = diff_html(lines)
    assert "line-through" in html and "mới." in html and "<h3>Body</h3>" in html


def test_no_difference_no_lines() -> None:
    s = Snapshot(title="a", tags=("x", "y"))
    assert diff_snapshots(s, s) == []
    assert diff_snapshots(s, Snapshot(title="a", tags=("x",)))[0].field == "tags"


def test_typing_snapshot_at_most_every_five_minutes() -> None:
    assert typing_snapshot_due(None, NOW)
    assert not typing_snapshot_due(NOW - timedelta(minutes=4), NOW)
    assert typing_snapshot_due(NOW - timedelta(minutes=5), NOW)


def _rev(i: int, days: float, reason: RevisionReason) -> Revision:
    return Revision(i, "a", i, NOW - timedelta(days=days), reason, "me", Snapshot(body=str(i)))


def test_retention_keeps_recent_workflow_and_newest() -> None:
    revs = [
        _rev(1, 400, RevisionReason.TYPING),
        _rev(2, 300, RevisionReason.STATUS),
        _rev(3, 200, RevisionReason.SAVE),
        _rev(4, 100, RevisionReason.TYPING),
        _rev(5, 95, RevisionReason.RESTORE),
        _rev(6, 10, RevisionReason.TYPING),
        _rev(7, 1, RevisionReason.TYPING),
    ]
    policy = RetentionPolicy(keep_days=90, keep_last=2)
    assert revisions_to_prune(revs, NOW, policy) == [1, 4]
    assert revisions_to_prune(revs, NOW, RetentionPolicy(90, 2, keep_saves=False)) == [1, 3, 4]
    assert revisions_to_prune(revs, NOW, RetentionPolicy(keep_days=0)) == []
    assert revisions_to_prune(revs, NOW, RetentionPolicy(keep_days=90, keep_last=7)) == []
