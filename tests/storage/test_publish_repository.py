from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import JobState, PublishStatus, Target, TargetKind
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.publish_repository import PublishRepository


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'lib.db'}")
    yield s
    s.close()


def test_due_jobs_are_the_open_ones_whose_time_has_come(store: Store) -> None:
    repo = PublishRepository(store)
    repo.add_target(Target("portal", TargetKind.NINJS, "https://portal.example/", "editor", {}))
    article = ArticleRepository(store).create(ArticleFields(title="Tin"))
    now = datetime(2026, 5, 1, 8, 30, 0, 500_000, tzinfo=UTC)

    def job(state: JobState, at: datetime | None) -> int:
        j = repo.create_job(article.id, "portal", PublishStatus.PUBLISH, None, {})
        repo.update_job(j.id, state=state, next_attempt_at=at)
        return j.id

    past = job(JobState.WAITING, now - timedelta(microseconds=1))
    exact = job(JobState.QUEUED, now)
    # the same instant written in another offset is the same time
    hanoi = timezone(timedelta(hours=7))
    other_zone = job(JobState.WAITING, (now - timedelta(seconds=1)).astimezone(hanoi))
    unset = job(JobState.QUEUED, None)
    job(JobState.WAITING, now + timedelta(microseconds=1))  # not yet
    job(JobState.FAILED, now - timedelta(days=1))  # not open
    job(JobState.DONE, None)

    assert [j.id for j in repo.due_jobs(now)] == [past, exact, other_zone, unset]
