"""Publishing as plain data: targets, jobs, remote records, photos to publish.

Pure Python (no HTTP, no database): the storage layer stores these and the publish layer
acts on them. Times are timezone-aware UTC.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from qk3editor.core.articles import Article, Status, iso_utc
from qk3editor.core.errors import NotFoundError, QkError, record_message
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, Translator


class TargetNotFound(NotFoundError):
    code = "target_not_found"
    template = QT_TRANSLATE_NOOP("errors", "No publish target named {name}")


class TargetExists(QkError):
    code = "target_exists"
    template = QT_TRANSLATE_NOOP("errors", "A publish target named {name} already exists")


class JobNotFound(NotFoundError):
    code = "job_not_found"
    template = QT_TRANSLATE_NOOP("errors", "No publish job {id}")


class TargetKind(StrEnum):
    WORDPRESS = "wordpress"
    NINJS = "ninjs"
    NEWSROOM = "newsroom"  # the shared PostgreSQL store of the desk (issue 16)


class PublishStatus(StrEnum):
    """The status the post gets on the remote side (WordPress' names)."""

    PUBLISH = "publish"
    DRAFT = "draft"
    PENDING = "pending"
    FUTURE = "future"


class JobState(StrEnum):
    QUEUED = "queued"  # waiting for its first run
    RUNNING = "running"
    WAITING = "waiting"  # a retryable failure; goes out again at next_attempt_at
    DONE = "done"
    FAILED = "failed"  # needs a person: retry or cancel
    CONFLICT = "conflict"  # the server has newer edits: a person decides
    CANCELLED = "cancelled"


OPEN_STATES = frozenset({JobState.QUEUED, JobState.RUNNING, JobState.WAITING})


class LeadPlacement(StrEnum):
    """Where a portal shows the lead."""

    CONTENT = "content"  # a bold first paragraph of the content (as the QK3 portal prints it)
    EXCERPT = "excerpt"  # only the excerpt / summary field (a theme that prints it)
    BOTH = "both"  # the first paragraph and the excerpt (lists show the excerpt)


class FeaturedPlacement(StrEnum):
    """How a portal shows the featured photo."""

    IMAGE = "image"  # the featured image only (the theme shows it, with its caption)
    IMAGE_AND_FIGURE = "image+figure"  # also the first figure of the content, with its caption
    # only the content's first figure, with its caption; not the portal's featured image (a
    # theme that prints the featured image without its caption would show the photo twice)
    FIGURE = "figure"


class InvalidProfile(QkError):
    code = "invalid_profile"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Unknown portal profile setting: {detail} (use lead=content|excerpt|both, "
        "featured=image|figure|image+figure)",
    )


@dataclass(frozen=True)
class PortalProfile:
    """How one target's portal prints an article, so that a reader sees the lead once and
    every caption once. Stored with the target (``options["profile"]``)."""

    lead: LeadPlacement
    featured: FeaturedPlacement

    @property
    def lead_in_content(self) -> bool:
        return self.lead in (LeadPlacement.CONTENT, LeadPlacement.BOTH)

    @property
    def lead_in_excerpt(self) -> bool:
        return self.lead in (LeadPlacement.EXCERPT, LeadPlacement.BOTH)

    @property
    def featured_figure(self) -> bool:
        """The featured photo is the content's first figure, with its caption."""
        return self.featured in (FeaturedPlacement.IMAGE_AND_FIGURE, FeaturedPlacement.FIGURE)

    @property
    def featured_image(self) -> bool:
        """The featured photo is the portal's featured image (WordPress ``featured_media``)."""
        return self.featured in (FeaturedPlacement.IMAGE, FeaturedPlacement.IMAGE_AND_FIGURE)

    def to_json(self) -> dict[str, str]:
        return {"lead": self.lead.value, "featured": self.featured.value}

    def text(self) -> str:
        return f"lead={self.lead.value},featured={self.featured.value}"


def default_profile(kind: TargetKind) -> PortalProfile:
    """What makes a stock portal show the lead once, every photo once and every caption once.

    WordPress' stock theme (Twenty Twenty-Three) prints the content, prints the featured image
    as a banner *without* its caption, and does not print the excerpt on a post's page: the
    lead goes in the content (and the excerpt, for lists and feeds), and the featured photo is
    the content's first captioned figure and *not* the post's featured image (``figure``):
    with ``image+figure`` the reader sees the photo twice (banner, then figure), with
    ``image`` its caption is nowhere. The price: theme lists show no thumbnail; a site whose
    theme prints the featured image's caption chooses ``image``. The reference portal (ninjs)
    prints the summary in bold and the featured picture with its caption itself."""
    if kind is TargetKind.WORDPRESS:
        return PortalProfile(LeadPlacement.BOTH, FeaturedPlacement.FIGURE)
    return PortalProfile(LeadPlacement.EXCERPT, FeaturedPlacement.IMAGE)


def profile_from_json(kind: TargetKind, data: object) -> PortalProfile:
    base = default_profile(kind)
    if not isinstance(data, dict):
        return base
    values = cast(dict[str, object], data)
    try:
        lead = LeadPlacement(str(values.get("lead", base.lead.value)))
        featured = FeaturedPlacement(str(values.get("featured", base.featured.value)))
    except ValueError:
        return base
    return PortalProfile(lead, featured)


def parse_profile(text: str, base: PortalProfile) -> PortalProfile:
    """``lead=content,featured=image`` (either part may be left out) merged over ``base``."""
    lead, featured = base.lead, base.featured
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        key, _, value = part.partition("=")
        key, value = key.strip().lower(), value.strip().lower()
        try:
            if key == "lead":
                lead = LeadPlacement(value)
            elif key == "featured":
                featured = FeaturedPlacement(value)
            else:
                raise ValueError(key)
        except ValueError:
            raise InvalidProfile(detail=part) from None
    return PortalProfile(lead, featured)


@dataclass(frozen=True)
class Target:
    """A named publish target. The secret is never here: it lives in the keyring."""

    name: str
    kind: TargetKind
    url: str
    user: str
    options: dict[str, Any] = field(default_factory=dict[str, Any])

    @property
    def ca_bundle(self) -> str | None:
        value = self.options.get("ca_bundle")
        return str(value) if value else None

    @property
    def profile(self) -> PortalProfile:
        return profile_from_json(self.kind, self.options.get("profile"))


def publication_date(
    status: PublishStatus,
    scheduled_at: datetime | None,
    first_published_at: datetime | None,
    now: datetime,
) -> datetime:
    """The one date rule: the date a reader sees, in the preview and on every target.

    A scheduled publish shows its scheduled time; an update of an article already published
    keeps the first publication's date; anything else shows the time it is sent (``now``).
    The article's own ``publish_at`` field is only the wished scheduled time (used as the
    schedule when none is given at publish time); its ``created_at`` is never shown.
    """
    if status is PublishStatus.FUTURE and scheduled_at is not None:
        return scheduled_at
    if first_published_at is not None:
        return first_published_at
    return now


@dataclass(frozen=True)
class PublishPhoto:
    """One photo of an article as it is published.

    ``key`` is stable for the photo (the photo store's id); ``source`` is the original file.
    """

    key: str
    source: str
    caption: str = ""
    alt: str = ""
    title: str = ""
    credit: str = ""
    featured: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "source": self.source,
            "caption": self.caption,
            "alt": self.alt,
            "title": self.title,
            "credit": self.credit,
            "featured": self.featured,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PublishPhoto:
        return cls(
            key=str(data["key"]),
            source=str(data["source"]),
            caption=str(data.get("caption", "")),
            alt=str(data.get("alt", "")),
            title=str(data.get("title", "")),
            credit=str(data.get("credit", "")),
            featured=bool(data.get("featured", False)),
        )


def rendition_filename(photo_key: str) -> str:
    """The name a photo's web rendition is uploaded under: ``photo-<key>.jpg``, the key kept
    to ASCII letters, digits, ``_`` and ``-`` (servers and URLs take it as it is)."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", photo_key).strip("-") or "photo"
    return f"photo-{stem}.jpg"


@dataclass(frozen=True)
class Rendition:
    """A web rendition of a photo, ready to upload."""

    photo_key: str
    data: bytes
    sha256: str
    width: int
    height: int
    content_type: str = "image/jpeg"
    filename: str = "photo.jpg"

    @classmethod
    def of_jpeg(cls, photo_key: str, data: bytes, width: int, height: int) -> Rendition:
        """The rendition of a JPEG ``data``: its SHA-256, and :func:`rendition_filename`."""
        return cls(
            photo_key=photo_key,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
            width=width,
            height=height,
            filename=rendition_filename(photo_key),
        )


@dataclass(frozen=True)
class RemoteRecord:
    """What we know of an article on one target after a publish."""

    article_id: str
    target: str
    remote_id: str | None
    link: str | None
    modified: str | None  # exactly as the server gave it
    create_attempted: bool = False


@dataclass(frozen=True)
class MediaRecord:
    article_id: str
    target: str
    photo_key: str
    remote_id: str
    url: str
    rendition_hash: str
    meta_hash: str


@dataclass(frozen=True)
class Job:
    id: int
    article_id: str
    target: str
    status: PublishStatus
    publish_at: datetime | None
    state: JobState
    attempts: int
    next_attempt_at: datetime | None
    error_code: str | None
    error_step: str | None
    error_message: str | None  # English (logs); shown: :meth:`error_text`
    link: str | None
    payload: dict[str, Any]
    conflict: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime
    error: dict[str, Any] | None = None  # QkError.record() of the last error

    def error_text(self, translator: Translator | None = None) -> str:
        """The last error in the translator's language (stored as code + params)."""
        if self.error:
            return record_message(self.error, translator)
        return self.error_message or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "target": self.target,
            "status": self.status.value,
            "publish_at": iso_utc(self.publish_at) if self.publish_at else None,
            "state": self.state.value,
            "attempts": self.attempts,
            "next_attempt_at": iso_utc(self.next_attempt_at) if self.next_attempt_at else None,
            "error_code": self.error_code,
            "error_step": self.error_step,
            "error_message": self.error_message,
            "link": self.link,
            "created_at": iso_utc(self.created_at),
            "updated_at": iso_utc(self.updated_at),
        }


def article_from_json(data: dict[str, Any]) -> Article:
    """The inverse of :meth:`Article.to_json` (job snapshots)."""

    def when(value: object) -> datetime | None:
        if not value:
            return None
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))

    created = when(data["created_at"])
    updated = when(data["updated_at"])
    assert created is not None and updated is not None
    return Article(
        id=str(data["id"]),
        title=str(data.get("title", "")),
        lead=str(data.get("lead", "")),
        body=str(data.get("body", "")),
        category=data.get("category"),
        category_slug=data.get("category_slug"),
        byline=str(data.get("byline", "")),
        tags=tuple(data.get("tags") or ()),
        status=Status(data.get("status", "draft")),
        created_at=created,
        updated_at=updated,
        version=int(data.get("version", 1)),
        publish_at=when(data.get("publish_at")),
    )


@dataclass(frozen=True)
class Publication:
    """An article as it went out to one target (the last successful publish)."""

    article_id: str
    target: str
    link: str
    remote_status: str
    first_published_at: datetime
    published_at: datetime
    article_version: int
    revision_id: int | None = None
    who: str = ""
    forced_by: str | None = None
    forced_at: datetime | None = None

    @property
    def public(self) -> bool:
        """Out for readers (or scheduled), not only a draft on the portal."""
        return self.remote_status in (PublishStatus.PUBLISH.value, PublishStatus.FUTURE.value)

    def changed_since(self, article: Article) -> bool:
        """The article was edited after this version went out."""
        return article.version > self.article_version

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "link": self.link,
            "remote_status": self.remote_status,
            "first_published_at": iso_utc(self.first_published_at),
            "published_at": iso_utc(self.published_at),
            "article_version": self.article_version,
            "revision_id": self.revision_id,
            "who": self.who,
            "forced_by": self.forced_by,
            "forced_at": iso_utc(self.forced_at) if self.forced_at else None,
        }
