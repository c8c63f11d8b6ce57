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
from concurrent.futures import wait as wait_all
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from qk3editor.core import i18n
from qk3editor.core.articles import Article, utcnow
from qk3editor.core.publish_data import (
    Job,
    JobState,
    MediaRecord,
    PublishPhoto,
    PublishStatus,
    Rendition,
    Target,
    TargetKind,
    article_from_json,
    publication_date,
)
from qk3editor.core.tasks import Pools, scoped_pools
from qk3editor.core.vietnamese.fold import slugify
from qk3editor.publish.base import PostRequest, Publisher, RemotePost
from qk3editor.publish.content import body_html, meta_hash
from qk3editor.publish.errors import (
    JobNotRetryable,
    PhotoMissing,
    PhotoUnreadable,
    PreviewWouldUnpublish,
    PublishConflict,
    PublishError,
    PublishInterrupted,
    RemoteGone,
    RemoteHttpError,
    RenditionFailed,
)
from qk3editor.publish.http import HttpClient
from qk3editor.publish.renditions import RenditionProvider
from qk3editor.publish.secrets import SecretStore
from qk3editor.publish.targets import http_settings
from qk3editor.storage.publication_repository import PublicationRepository
from qk3editor.storage.publish_repository import PublishRepository

log = logging.getLogger(__name__)

STEP_RENDITION = "rendition"
STEP_UPLOAD = "upload"
STEP_POST = "post"
STEP_CONNECT = "connect"
UPLOAD_POOL = "uploads"  # thread pool name in the task runner's pools
# in a job's payload: the remote version an update of this job was sent over (its answer may
# have been lost; a retry then finds the server's version changed by that update itself)
UPDATE_SENT_OVER = "update_sent_over"


@dataclass(frozen=True)
class Progress:
    """One step of a publish, for the progress display."""

    step: str  # rendition | upload | post | retry | done
    done: int
    total: int
    detail: str = ""


ProgressFn = Callable[[Progress], None]


def _no_progress(_progress: Progress) -> None:
    """Progress nobody watches."""


PublisherFactory = Callable[[Target, str], Publisher]


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
    http = HttpClient(http_settings(target))
    if target.kind is TargetKind.WORDPRESS:
        from qk3editor.publish.wordpress import WordPressPublisher

        return WordPressPublisher(target, secret, http)
    from qk3editor.publish.ninjs import NinjsPublisher

    return NinjsPublisher(target, secret, http)


class _Step:
    def __init__(self) -> None:
        self.name = STEP_CONNECT


class Outbox:
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
    ) -> Job:
        """A new job holding a snapshot of the article and its photos as they are now.

        ``forced``: published although the preflight found blocking items (who, when and
        which findings), recorded with the job and then with the publication.
        """
        self.repo.target(target)  # raises TargetNotFound
        if status is PublishStatus.FUTURE and publish_at is None:
            publish_at = article.publish_at  # the article's own wished time
        if status is PublishStatus.FUTURE and publish_at is None:
            raise PublishError(detail="a scheduled publish needs a time (--at)")
        payload: dict[str, Any] = {
            "article": article.to_json(),
            "photos": [p.to_json() for p in photos],
            "who": who,
        }
        if forced:
            payload["forced"] = forced
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
        report: ProgressFn = progress or _no_progress
        job = self.repo.job(job_id)
        tries = 0
        while True:
            step = _Step()
            try:
                target = self.repo.target(job.target)
                secret = self.secrets.get(target.name, target.user)
                publisher = self.publisher_factory(target, secret)
                try:
                    link = self._attempt(job, target, publisher, report, step, cancel)
                finally:
                    publisher.close()
                report(Progress("done", 1, 1, link))
                self._record_publication(job, link)
                return self.repo.update_job(
                    job_id,
                    state=JobState.DONE,
                    link=link,
                    next_attempt_at=None,
                    error_code=None,
                    error_step=None,
                    error_message=None,
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
                    error_message=exc.message(i18n.active()),
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
                    error_message=exc.message(i18n.active()),
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
                    error_message=exc2.message(i18n.active()),
                )
                raise
            except BaseException:
                self.repo.update_job(
                    job_id,
                    state=JobState.FAILED,
                    error_code="internal",
                    error_step=step.name,
                    error_message="internal error",
                )
                raise

    def _rendition(self, photo: PublishPhoto, number: int) -> Rendition:
        """The provider's rendition; a file that is gone or unreadable is a photo error on the
        job (its code, the photo's number, caption and path), never an internal error."""
        try:
            return self.renditions(photo)
        except RenditionFailed as exc:
            if not os.path.exists(photo.source):
                raise _photo_missing(photo, number) from None
            raise PhotoUnreadable(
                number=number,
                photo=_photo_name(photo),
                path=photo.source,
                detail=str(exc.params.get("detail", exc.code)),
            ) from None
        except PublishError:
            raise
        except Exception as exc:
            if not os.path.exists(photo.source) or isinstance(exc, FileNotFoundError):
                raise _photo_missing(photo, number) from None
            detail = getattr(exc, "code", None) or type(exc).__name__
            raise PhotoUnreadable(
                number=number, photo=_photo_name(photo), path=photo.source, detail=str(detail)
            ) from None

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

    def _attempt(
        self,
        job: Job,
        target: Target,
        publisher: Publisher,
        report: ProgressFn,
        step: _Step,
        cancel: threading.Event | None,
    ) -> str:
        article = article_from_json(job.payload["article"])
        photos = [PublishPhoto.from_json(p) for p in job.payload.get("photos", [])]
        retrying = job.attempts > 0
        known = self.repo.media(article.id, target.name)
        remote = self.repo.remote(article.id, target.name)
        if remote is not None and remote.remote_id and hasattr(publisher, "post_id"):
            setattr(publisher, "post_id", remote.remote_id)  # noqa: B010 - WordPress: new media attached from the start
        index = {p.key: i for i, p in enumerate(photos, start=1)}
        slug = media_slug(article)
        uploaded: dict[str, MediaRecord] = {}
        total = len(photos)
        counter = {"rendered": 0, "uploaded": 0}
        lock = threading.Lock()

        def one(photo: PublishPhoto) -> MediaRecord:
            if cancel is not None and cancel.is_set():
                raise PublishError(detail="cancelled")
            step.name = STEP_RENDITION
            with self._render_slots:
                rendition = self._rendition(photo, index[photo.key])
            # the file name a reader and the portal's media library see: the article's slug
            rendition = replace(rendition, filename=f"{slug}-{index[photo.key]}.jpg")
            with lock:
                counter["rendered"] += 1
                report(Progress(STEP_RENDITION, counter["rendered"], total, photo.key))
            step.name = STEP_UPLOAD
            rec = known.get(photo.key)
            if rec is not None and rec.rendition_hash == rendition.sha256:
                if rec.meta_hash != meta_hash(photo):
                    rec = publisher.update_media_meta(rec, photo)
                    self.repo.save_media(rec)
            else:
                found = publisher.media_exists(article, photo, rendition, retrying)
                rec = found or publisher.upload_media(article, photo, rendition)
                self.repo.save_media(rec)
            with lock:
                counter["uploaded"] += 1
                report(Progress(STEP_UPLOAD, counter["uploaded"], total, photo.key))
            return rec

        errors: list[PublishError] = []
        if photos:
            with scoped_pools(self.pools) as pools:
                pool = pools.threads(UPLOAD_POOL, self.workers)
                futures = [(p, pool.submit(one, p)) for p in photos]
                try:
                    for photo, fut in futures:
                        try:
                            uploaded[photo.key] = fut.result()
                        except PublishError as exc:
                            errors.append(exc)
                finally:  # none of this job's uploads goes on after it ends
                    wait_all([fut for _p, fut in futures])
        if errors:
            retryable = [e for e in errors if e.retryable]
            err = errors[0] if len(retryable) != len(errors) or not retryable else retryable[0]
            photo_error = isinstance(err, (PhotoMissing, PhotoUnreadable, RenditionFailed))
            step.name = STEP_RENDITION if photo_error else STEP_UPLOAD
            raise err
        if cancel is not None and cancel.is_set():
            raise PublishError(detail="cancelled")
        step.name = STEP_POST
        report(Progress(STEP_POST, 0, 1, article.title))
        first = self.publications.first_published_at(article.id, target.name)
        now = utcnow()
        when: datetime | None = publication_date(job.status, job.publish_at, first, now)
        if when == now:
            # "the time it is sent": the portal's own clock says it (a client clock a few
            # seconds ahead must not turn a publish into a schedule on WordPress)
            when = None
        req = PostRequest(article, photos, uploaded, job.status, job.publish_at, when)
        post = self._post(article, target, publisher, req, retrying, job.id)
        self.repo.save_remote(
            article.id,
            target.name,
            remote_id=post.remote_id,
            link=post.link,
            modified=post.version,
            create_attempted=True,
        )
        report(Progress(STEP_POST, 1, 1, post.link))
        return post.link

    def _post(
        self,
        article: Article,
        target: Target,
        publisher: Publisher,
        req: PostRequest,
        retrying: bool,
        job_id: int,
    ) -> RemotePost:
        remote = self.repo.remote(article.id, target.name)
        if remote is not None and remote.remote_id:
            current = publisher.get_post(remote.remote_id)
            if current is None:
                raise RemoteGone(target=target.name)
            if (
                current.version != remote.modified
                and not self.repo.job_force(job_id)
                and not self._update_sent_over(job_id, remote.modified, current, req)
            ):
                raise PublishConflict(
                    local=_local_version(article, remote.modified or ""),
                    remote={
                        "title": current.title,
                        "content": current.content,
                        "modified": current.modified,
                        "link": current.link,
                    },
                )
            self._note_update_sent(job_id, remote.modified)
            return publisher.update_post(remote.remote_id, req, current.modified)
        if retrying or (remote is not None and remote.create_attempted):
            found = publisher.find_post(article.id)
            if found is not None:
                # Our own earlier create went through: adopt it and update it in place.
                self.repo.save_remote(
                    article.id,
                    target.name,
                    remote_id=found.remote_id,
                    link=found.link,
                    modified=found.version,
                )
                self._note_update_sent(job_id, found.version)
                return publisher.update_post(found.remote_id, req, found.modified)
        self.repo.save_remote(article.id, target.name, create_attempted=True)
        return publisher.create_post(req)

    def _update_sent_over(
        self, job_id: int, modified: str | None, current: RemotePost, req: PostRequest
    ) -> bool:
        """This job already sent an update over the version we recorded and never heard back,
        and the server holds the title that update carried: the newer version is that update.
        A server edit of the title in between still stops the job (a false alarm is safe:
        a person decides; a silent overwrite is not)."""
        sent_over = self.repo.job(job_id).payload.get(UPDATE_SENT_OVER)
        return sent_over == modified and current.title.strip() == req.article.title.strip()

    def _note_update_sent(self, job_id: int, modified: str | None) -> None:
        payload = self.repo.job(job_id).payload
        if payload.get(UPDATE_SENT_OVER) != modified:
            self.repo.update_job(job_id, payload={**payload, UPDATE_SENT_OVER: modified})


def _photo_name(photo: PublishPhoto) -> str:
    caption = photo.caption.strip()
    if len(caption) > 50:
        caption = caption[:49].rstrip() + "…"
    return caption or os.path.basename(photo.source)


def _photo_missing(photo: PublishPhoto, number: int) -> PhotoMissing:
    return PhotoMissing(number=number, photo=_photo_name(photo), path=photo.source)


def media_slug(article: Article) -> str:
    """The stem of the article's media file names: its title's slug, at most 60 characters
    cut at a word (``tang-cuong-phoi-hop-...``)."""
    slug = slugify(article.title) or "anh"
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0] or slug[:60]
    return slug


def _local_version(article: Article, modified: str) -> dict[str, Any]:
    return {
        "title": article.title,
        "content": body_html(article),
        "lead": article.lead,
        "modified": modified,
    }
