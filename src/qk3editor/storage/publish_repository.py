"""Publishing in the store: targets (no secrets), the outbox's jobs, remote records."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from qk3editor.core.articles import utcnow
from qk3editor.core.publish_data import (
    OPEN_STATES,
    Job,
    JobNotFound,
    JobState,
    MediaRecord,
    PublishStatus,
    RemoteRecord,
    Target,
    TargetExists,
    TargetKind,
    TargetNotFound,
)
from qk3editor.storage.db import Store
from qk3editor.storage.publish_models import (
    PublishJobModel,
    PublishMediaModel,
    PublishRemoteModel,
    PublishTargetModel,
)


def _target(m: PublishTargetModel) -> Target:
    return Target(m.name, TargetKind(m.kind), m.url, m.user, dict(m.options or {}))


def _job(m: PublishJobModel) -> Job:
    return Job(
        id=m.id,
        article_id=m.article_id,
        target=m.target,
        status=PublishStatus(m.status),
        publish_at=m.publish_at,
        state=JobState(m.state),
        attempts=m.attempts,
        next_attempt_at=m.next_attempt_at,
        error_code=m.error_code,
        error_step=m.error_step,
        error_message=m.error_message,
        error=m.error_params,
        link=m.link,
        payload=dict(m.payload or {}),
        conflict=m.conflict,
        created_at=m.created_at,
        updated_at=m.updated_at,
    )


class PublishRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def store(self) -> Store:
        """The store (other repositories of the publishing layer share it)."""
        return self._store

    # -- targets ---------------------------------------------------------------------------
    def add_target(self, target: Target) -> Target:
        try:
            with self._store.begin() as s:
                s.add(
                    PublishTargetModel(
                        name=target.name,
                        kind=target.kind.value,
                        url=target.url,
                        user=target.user,
                        options=dict(target.options),
                        created_at=utcnow(),
                    )
                )
        except IntegrityError:
            raise TargetExists(name=target.name) from None
        return target

    def targets(self) -> list[Target]:
        with self._store.begin() as s:
            return [
                _target(m)
                for m in s.scalars(select(PublishTargetModel).order_by(PublishTargetModel.name))
            ]

    def target(self, name: str) -> Target:
        with self._store.begin() as s:
            m = s.scalar(select(PublishTargetModel).where(PublishTargetModel.name == name))
            if m is None:
                raise TargetNotFound(name=name)
            return _target(m)

    def update_target(self, target: Target) -> Target:
        """Save ``target``'s kind, address, user and options under its (existing) name."""
        with self._store.begin() as s:
            m = s.scalar(select(PublishTargetModel).where(PublishTargetModel.name == target.name))
            if m is None:
                raise TargetNotFound(name=target.name)
            m.kind = target.kind.value
            m.url = target.url
            m.user = target.user
            m.options = dict(target.options)
        return target

    def set_target_options(self, name: str, options: dict[str, Any]) -> Target:
        """Replace a target's options (e.g. an API root the user confirmed)."""
        with self._store.begin() as s:
            m = s.scalar(select(PublishTargetModel).where(PublishTargetModel.name == name))
            if m is None:
                raise TargetNotFound(name=name)
            m.options = dict(options)
            return _target(m)

    def merge_target_options(self, name: str, updates: dict[str, Any]) -> Target:
        """Some of a target's options replaced, the others kept (e.g. its portal profile),
        in one transaction."""
        with self._store.begin() as s:
            m = s.scalar(select(PublishTargetModel).where(PublishTargetModel.name == name))
            if m is None:
                raise TargetNotFound(name=name)
            m.options = {**(m.options or {}), **updates}
            return _target(m)

    def remove_target(self, name: str) -> None:
        with self._store.begin() as s:
            result = s.execute(delete(PublishTargetModel).where(PublishTargetModel.name == name))
            if not result.rowcount:  # type: ignore[attr-defined]
                raise TargetNotFound(name=name)

    # -- jobs ------------------------------------------------------------------------------
    def create_job(
        self,
        article_id: str,
        target: str,
        status: PublishStatus,
        publish_at: datetime | None,
        payload: dict[str, Any],
    ) -> Job:
        now = utcnow()
        with self._store.begin() as s:
            m = PublishJobModel(
                article_id=article_id,
                target=target,
                status=status.value,
                publish_at=publish_at,
                state=JobState.QUEUED.value,
                attempts=0,
                next_attempt_at=now,
                payload=payload,
                created_at=now,
                updated_at=now,
            )
            s.add(m)
            s.flush()
            return _job(m)

    def job(self, job_id: int) -> Job:
        with self._store.begin() as s:
            m = s.get(PublishJobModel, job_id)
            if m is None:
                raise JobNotFound(id=job_id)
            return _job(m)

    def job_force(self, job_id: int) -> bool:
        with self._store.begin() as s:
            m = s.get(PublishJobModel, job_id)
            return bool(m and m.force)

    def jobs(self, states: Iterable[JobState] | None = None) -> list[Job]:
        stmt = select(PublishJobModel).order_by(PublishJobModel.id)
        if states is not None:
            stmt = stmt.where(PublishJobModel.state.in_([st.value for st in states]))
        with self._store.begin() as s:
            return [_job(m) for m in s.scalars(stmt)]

    def job_ids(self) -> list[int]:
        with self._store.begin() as s:
            return list(s.scalars(select(PublishJobModel.id).order_by(PublishJobModel.id.desc())))

    def due_jobs(self, now: datetime) -> list[Job]:
        """Queued or waiting jobs whose time has come (the time filtered by the database)."""
        due = PublishJobModel.next_attempt_at
        stmt = (
            select(PublishJobModel)
            .where(PublishJobModel.state.in_([JobState.QUEUED.value, JobState.WAITING.value]))
            .where(or_(due.is_(None), due <= now))
            .order_by(PublishJobModel.id)
        )
        with self._store.begin() as s:
            return [_job(m) for m in s.scalars(stmt)]

    def claim(self, job_id: int, states: Iterable[JobState] = OPEN_STATES) -> bool:
        """Move a job to RUNNING if it is in ``states`` (compare-and-set)."""
        with self._store.begin() as s:
            result = s.execute(
                update(PublishJobModel)
                .where(PublishJobModel.id == job_id)
                .where(PublishJobModel.state.in_([st.value for st in states]))
                .values(state=JobState.RUNNING.value, updated_at=utcnow())
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def update_job(self, job_id: int, **values: Any) -> Job:
        for key, value in list(values.items()):
            if isinstance(value, JobState):
                values[key] = value.value
        values["updated_at"] = utcnow()
        with self._store.begin() as s:
            m = s.get(PublishJobModel, job_id)
            if m is None:
                raise JobNotFound(id=job_id)
            for key, value in values.items():
                setattr(m, key, value)
            s.flush()
            return _job(m)

    # -- remote records --------------------------------------------------------------------
    def remote(self, article_id: str, target: str) -> RemoteRecord | None:
        with self._store.begin() as s:
            m = s.scalar(
                select(PublishRemoteModel).where(
                    PublishRemoteModel.article_id == article_id, PublishRemoteModel.target == target
                )
            )
            if m is None:
                return None
            return RemoteRecord(
                m.article_id, m.target, m.remote_id, m.link, m.modified, m.create_attempted
            )

    def remote_article_ids(self, target: str) -> list[str]:
        """The articles sent to ``target`` at least once (a newsroom's sync asks about them)."""
        with self._store.read() as s:
            return list(
                s.scalars(
                    select(PublishRemoteModel.article_id).where(
                        PublishRemoteModel.target == target,
                        PublishRemoteModel.remote_id.is_not(None),
                    )
                )
            )

    def save_remote(self, article_id: str, target: str, **values: Any) -> None:
        values["updated_at"] = utcnow()
        with self._store.begin() as s:
            m = s.scalar(
                select(PublishRemoteModel).where(
                    PublishRemoteModel.article_id == article_id, PublishRemoteModel.target == target
                )
            )
            if m is None:
                m = PublishRemoteModel(article_id=article_id, target=target)
                s.add(m)
            for key, value in values.items():
                setattr(m, key, value)

    def media(self, article_id: str, target: str) -> dict[str, MediaRecord]:
        with self._store.begin() as s:
            rows = s.scalars(
                select(PublishMediaModel).where(
                    PublishMediaModel.article_id == article_id, PublishMediaModel.target == target
                )
            )
            return {
                m.photo_key: MediaRecord(
                    m.article_id,
                    m.target,
                    m.photo_key,
                    m.remote_id,
                    m.url,
                    m.rendition_hash,
                    m.meta_hash,
                )
                for m in rows
            }

    def save_media(self, record: MediaRecord) -> None:
        with self._store.begin() as s:
            m = s.scalar(
                select(PublishMediaModel).where(
                    PublishMediaModel.article_id == record.article_id,
                    PublishMediaModel.target == record.target,
                    PublishMediaModel.photo_key == record.photo_key,
                )
            )
            if m is None:
                m = PublishMediaModel(
                    article_id=record.article_id, target=record.target, photo_key=record.photo_key
                )
                s.add(m)
            m.remote_id = record.remote_id
            m.url = record.url
            m.rendition_hash = record.rendition_hash
            m.meta_hash = record.meta_hash
            m.updated_at = utcnow()
