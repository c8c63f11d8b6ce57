"""The outbox: every publish is a job in the store; nothing is duplicated, nothing is lost.

Exactly once: the first successful create records the remote id, link and modified time;
a re-publish updates in place; after a create whose outcome is unknown the post is looked up
by the article UUID before creating again; only photos whose rendition changed are uploaded
again. Never overwrite newer server edits: the server's modified time is compared with the
one recorded at the last publish and a mismatch stops the job as a conflict carrying both
versions. 429, 5xx, timeouts and connection errors are retried with backoff and jitter
(Retry-After honoured); other errors wait for a person (retry or cancel).
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from qk3editor.core.articles import Article, utcnow
from qk3editor.core.desk import desk_text
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.publish_data import (
    Job,
    JobState,
    PublishPhoto,
    PublishStatus,
    Target,
    TargetKind,
)
from qk3editor.core.tasks import Pools
from qk3editor.publish.base import Publisher
from qk3editor.publish.errors import (
    InternalPublishError,
    JobNotRetryable,
    PreviewWouldUnpublish,
    PublishConflict,
    PublishError,
    PublishInterrupted,
    RemoteHttpError,
)
from qk3editor.publish.http import HttpClient
from qk3editor.publish.outbox_desk import DeskSending
from qk3editor.publish.posting import (  # re-exported: the outbox's public names
    STEP_CONNECT,
    STEP_POST,
    STEP_RENDITION,
    STEP_UPLOAD,
    UPDATE_SENT_OVER,
    UPLOAD_POOL,
    HttpPosting,
    Progress,
    ProgressFn,
    PublisherFactory,
    StepName,
    media_slug,
    no_progress,
)
from qk3editor.publish.renditions import RenditionProvider
from qk3editor.publish.secrets import SecretStore
from qk3editor.publish.targets import http_settings
from qk3editor.storage.leases_repository import prune_lease_events
from qk3editor.storage.publication_repository import PublicationRepository
from qk3editor.storage.publish_repository import PublishRepository

log = logging.getLogger(__name__)

__all__ = [
    "STEP_CONNECT",
    "STEP_POST",
    "STEP_RENDITION",
    "STEP_UPLOAD",
    "UPDATE_SENT_OVER",
    "UPLOAD_POOL",
    "Outbox",
    "Progress",
    "ProgressFn",
    "RetryPolicy",
    "media_slug",
]


@dataclass(frozen=True)
class RetryPolicy:
    base: float = 0.5
    cap: float = 60.0
    inline_attempts: int = 4  # tries within one run before the job waits for later

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        """Full jitter (AWS style); never shorter than the server's Retry-After."""
        jittered = rng.uniform(0, min(self.cap, self.base * (2 ** max(0, attempt - 1))))
        if retry_after is not None:
            return max(jittered, min(retry_after, 3600.0))
        return jittered


def default_publisher_factory(target: Target, secret: str) -> Publisher:
    if target.kind is TargetKind.NEWSROOM:
        from qk3editor.publish.newsroom import NewsroomPublisher

        return cast(Publisher, NewsroomPublisher(target, secret))
    http = HttpClient(http_settings(target))
    if target.kind is TargetKind.WORDPRESS:
        from qk3editor.publish.wordpress import WordPressPublisher

        return WordPressPublisher(target, secret, http)
    from qk3editor.publish.ninjs import NinjsPublisher

    return NinjsPublisher(target, secret, http)


class Outbox(HttpPosting, DeskSending):
    def __init__(
        self,
        repo: PublishRepository,
        secrets: SecretStore,
        renditions: RenditionProvider,
        *,
        publisher_factory: PublisherFactory = default_publisher_factory,
        policy: RetryPolicy | None = None,
        workers: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        pools: Pools | None = None,
        publications: PublicationRepository | None = None,
    ) -> None:
        self.repo = repo
        self.secrets = secrets
        self.renditions = renditions
        self.publisher_factory = publisher_factory
        self.policy = policy or RetryPolicy()
        self.workers = max(1, workers)
        self.sleep = sleep
        self.rng = rng or random.Random()
        # the task runner's pools: photos upload on its UPLOAD_POOL threads (none given: a
        # pool of this job's own, shut down when the job ends)
        self.pools = pools
        self.publications = publications or PublicationRepository(repo.store)
        # renditions are CPU work: as many at once as there are cores, so that the first
        # ones are uploading while the others are made (uploads stay bounded by ``workers``)
        self._render_slots = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
        # the articles a newsroom returned, found by the last run_due (sync_newsrooms)
        self.returned: list[str] = []
        self._syncers = {}  # each newsroom's sync connection, kept between runs (DeskSending)
        self._syncers_lock = threading.Lock()

    # -- jobs ------------------------------------------------------------------------------
    def enqueue(
        self,
        article: Article,
        photos: Sequence[PublishPhoto],
        target: str,
        status: PublishStatus = PublishStatus.PUBLISH,
        publish_at: datetime | None = None,
        who: str = "",
        forced: dict[str, Any] | None = None,
        note: str = "",
    ) -> Job:
        """A new job holding a snapshot of the article and its photos as they are now.

        ``forced``: published although the preflight found blocking items (who, when and
        which findings), recorded with the job and then with the publication.
        """
        self.repo.target(target)  # raises TargetNotFound
        if status is PublishStatus.FUTURE and publish_at is None:
            publish_at = article.publish_at  # the article's own wished time
        if status is PublishStatus.FUTURE and publish_at is None:
            raise PublishError(
                detail=QT_TRANSLATE_NOOP("errors", "a scheduled publish needs a time (--at)")
            )
        payload: dict[str, Any] = {
            "article": article.to_json(),
            "photos": [p.to_json() for p in photos],
            "who": who,
        }
        if forced:
            payload["forced"] = forced
        note = desk_text(note)  # DeskTextTooLong: no job, nothing sent
        if note:
            payload["note"] = note  # a send to the desk: the reporter's note
        return self.repo.create_job(article.id, target, status, publish_at, payload)

    def enqueue_preview(
        self, article: Article, photos: Sequence[PublishPhoto], target: str, who: str = ""
    ) -> Job:
        """A draft for the portal's own preview ("Xem trên cổng"): nothing becomes public.
        Refused when the article is public on that target already (a draft would take the
        published post down)."""
        done = self.publications.get(article.id, target)
        if done is not None and done.public:
            raise PreviewWouldUnpublish(target=target)
        return self.enqueue(article, photos, target, PublishStatus.DRAFT, None, who=who)

    def retry(self, job_id: int) -> Job:
        job = self.repo.job(job_id)
        if job.state not in (
            JobState.FAILED,
            JobState.WAITING,
            JobState.CONFLICT,
            JobState.CANCELLED,
        ):
            raise JobNotRetryable(id=job_id, state=job.state.value)
        return self.repo.update_job(
            job_id,
            state=JobState.QUEUED,
            next_attempt_at=utcnow(),
            error_code=None,
            error_step=None,
            error_message=None,
            error_params=None,
            conflict=None,
        )

    def cancel(self, job_id: int) -> Job:
        job = self.repo.job(job_id)
        if job.state in (JobState.DONE, JobState.RUNNING):
            raise JobNotRetryable(id=job_id, state=job.state.value)
        return self.repo.update_job(job_id, state=JobState.CANCELLED, next_attempt_at=None)

    def resolve_conflict(self, job_id: int, overwrite: bool) -> Job:
        """A person decided: overwrite the server's version, or keep it (cancel the job)."""
        job = self.repo.job(job_id)
        if job.state is not JobState.CONFLICT:
            raise JobNotRetryable(id=job_id, state=job.state.value)
        if not overwrite:
            return self.repo.update_job(job_id, state=JobState.CANCELLED, next_attempt_at=None)
        return self.repo.update_job(
            job_id, state=JobState.QUEUED, force=True, next_attempt_at=utcnow(), conflict=None
        )

    def recover_interrupted(self) -> int:
        """Jobs left RUNNING by a crash go back to WAITING (called once at start-up)."""
        jobs = self.repo.jobs([JobState.RUNNING])
        for job in jobs:
            self.repo.update_job(job.id, state=JobState.WAITING, next_attempt_at=utcnow())
        return len(jobs)

    def run_due(
        self, progress: ProgressFn | None = None, inline_retries: bool = False
    ) -> list[Job]:
        """Run every queued or waiting job whose time has come (offline jobs go out later)."""
        done: list[Job] = []
        for job in self.repo.due_jobs(utcnow()):
            if self.repo.claim(job.id, (JobState.QUEUED, JobState.WAITING)):
                done.append(self._run_claimed(job.id, progress, None, inline_retries))
        self.returned = self.sync_newsrooms()
        prune_lease_events(self.repo.store)  # housekeeping on the same schedule (LIMITS.md)
        return done

    def run_job(
        self,
        job_id: int,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        inline_retries: bool = True,
    ) -> Job:
        if not self.repo.claim(job_id, (JobState.QUEUED, JobState.WAITING)):
            job = self.repo.job(job_id)
            raise JobNotRetryable(id=job_id, state=job.state.value)
        return self._run_claimed(job_id, progress, cancel, inline_retries)

    def test_target(self, name: str) -> str:
        target = self.repo.target(name)
        publisher = self.publisher_factory(target, self.secrets.get(target.name, target.user))
        try:
            return publisher.check_login()
        finally:
            publisher.close()

    # -- running ---------------------------------------------------------------------------
    def _run_claimed(
        self,
        job_id: int,
        progress: ProgressFn | None,
        cancel: threading.Event | None,
        inline_retries: bool,
    ) -> Job:
        report: ProgressFn = progress or no_progress
        job = self.repo.job(job_id)
        tries = 0
        while True:
            step = StepName()
            try:
                target = self.repo.target(job.target)
                secret = self.secrets.get(target.name, target.user)
                publisher = self.publisher_factory(target, secret)
                try:
                    if target.kind is TargetKind.NEWSROOM:
                        link = self._send_to_desk(job, publisher, report, step)
                    else:
                        link = self._attempt(job, target, publisher, report, step, cancel)
                finally:
                    publisher.close()
                report(Progress("done", 1, 1, link))
                if target.kind is not TargetKind.NEWSROOM:  # a send to the desk is no publication
                    self._record_publication(job, link)
                return self.repo.update_job(
                    job_id,
                    state=JobState.DONE,
                    link=link,
                    next_attempt_at=None,
                    error_code=None,
                    error_step=None,
                    error_message=None,
                    error_params=None,
                    conflict=None,
                    force=False,
                    attempts=job.attempts + 1,
                )
            except PublishConflict as exc:
                return self.repo.update_job(
                    job_id,
                    state=JobState.CONFLICT,
                    attempts=job.attempts + 1,
                    error_code=exc.code,
                    error_step=step.name,
                    error_message=exc.message(),
                    error_params=exc.record(),
                    conflict={"local": exc.local, "remote": exc.remote},
                    next_attempt_at=None,
                )
            except PublishError as exc:
                tries += 1
                job = self.repo.update_job(
                    job_id,
                    attempts=job.attempts + 1,
                    error_code=exc.code,
                    error_step=step.name,
                    error_message=exc.message(),
                    error_params=exc.record(),
                )
                if not exc.retryable:
                    return self.repo.update_job(job_id, state=JobState.FAILED, next_attempt_at=None)
                retry_after = exc.retry_after if isinstance(exc, RemoteHttpError) else None
                delay = self.policy.delay(job.attempts, retry_after, self.rng)
                cancelled = cancel is not None and cancel.is_set()
                if inline_retries and tries < self.policy.inline_attempts and not cancelled:
                    report(Progress("retry", tries, self.policy.inline_attempts, exc.code))
                    log.info("job %s: %s at %s, retry in %.2fs", job_id, exc.code, step.name, delay)
                    self.sleep(delay)
                    continue
                return self.repo.update_job(
                    job_id,
                    state=JobState.WAITING,
                    next_attempt_at=utcnow() + timedelta(seconds=delay),
                )
            except KeyboardInterrupt:
                exc2 = PublishInterrupted(step=step.name)
                self.repo.update_job(
                    job_id,
                    state=JobState.WAITING,
                    attempts=job.attempts + 1,
                    next_attempt_at=utcnow(),
                    error_code=exc2.code,
                    error_step=step.name,
                    error_message=exc2.message(),
                    error_params=exc2.record(),
                )
                raise
            except BaseException:
                self.repo.update_job(
                    job_id,
                    state=JobState.FAILED,
                    error_code="internal",
                    error_step=step.name,
                    error_message=InternalPublishError().message(),
                    error_params=InternalPublishError().record(),
                )
                raise

    def interrupted(self, job_id: int) -> Job:
        """A job left running by Ctrl+C waits in the outbox (a retry finds what went out)."""
        job = self.repo.job(job_id)
        if job.state is JobState.RUNNING:
            return self.repo.update_job(job_id, state=JobState.WAITING, next_attempt_at=utcnow())
        return job

    def preview_link(self, job: Job) -> str:
        """The portal's own preview of the draft a job sent (WordPress: ``?p=ID&preview=true``;
        the reference portal: its page of the withheld item)."""
        target = self.repo.target(job.target)
        remote = self.repo.remote(job.article_id, target.name)
        link = (remote.link if remote else None) or job.link or ""
        if target.kind is TargetKind.WORDPRESS and remote is not None and remote.remote_id:
            return f"{target.url.rstrip('/')}/?p={remote.remote_id}&preview=true"
        return link

    def _record_publication(self, job: Job, link: str) -> None:
        """The article's published state (Đã đăng, link, target, time, marked revision)."""
        snapshot = job.payload.get("article", {})
        self.publications.record(
            job.article_id,
            job.target,
            link,
            job.status.value,
            who=str(job.payload.get("who", "")),
            forced=job.payload.get("forced"),
            article_version=int(snapshot.get("version", 0)) or None,
        )
