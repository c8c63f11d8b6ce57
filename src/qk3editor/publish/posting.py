"""Sending one publish job's photos and post over HTTP (WordPress, the ninjs portal).

The outbox (:mod:`.outbox`) runs jobs: claims, retries, states. This module is what one
attempt does: renditions made on as many threads as there are cores, uploads on the task
runner's upload pool, a post created or updated in place; the remote version is compared
with the one recorded at the last publish and a mismatch stops the job as a conflict.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import wait as wait_all
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from qk3editor.core.articles import Article, utcnow
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.publish_data import (
    Job,
    MediaRecord,
    PublishPhoto,
    Rendition,
    Target,
    article_from_json,
    publication_date,
)
from qk3editor.core.tasks import Pools, scoped_pools
from qk3editor.core.vietnamese.fold import slugify
from qk3editor.publish.base import PostRequest, Publisher, RemotePost
from qk3editor.publish.content import body_html, meta_hash
from qk3editor.publish.errors import (
    PhotoMissing,
    PhotoUnreadable,
    PublishConflict,
    PublishError,
    RemoteGone,
    RenditionFailed,
)
from qk3editor.publish.renditions import RenditionProvider, batch_of
from qk3editor.storage.publication_repository import PublicationRepository
from qk3editor.storage.publish_repository import PublishRepository

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


def no_progress(_progress: Progress) -> None:
    """Progress nobody watches."""


PublisherFactory = Callable[[Target, str], Publisher]


class StepName:
    def __init__(self) -> None:
        self.name = STEP_CONNECT


class HttpPosting:
    """The steps of one attempt at a job (mixed into :class:`~.outbox.Outbox`)."""

    repo: PublishRepository
    renditions: RenditionProvider
    publications: PublicationRepository
    pools: Pools | None
    workers: int
    _render_slots: threading.BoundedSemaphore

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

    def _attempt(
        self,
        job: Job,
        target: Target,
        publisher: Publisher,
        report: ProgressFn,
        step: StepName,
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
                raise PublishError(detail=QT_TRANSLATE_NOOP("errors", "cancelled"))
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
            with scoped_pools(self.pools) as pools, batch_of(self.renditions):
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
            raise PublishError(detail=QT_TRANSLATE_NOOP("errors", "cancelled"))
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
