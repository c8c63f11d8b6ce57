"""What every publisher (WordPress, ninjs push) offers the outbox."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from qk3editor.core.articles import Article
from qk3editor.core.publish_data import MediaRecord, PublishPhoto, PublishStatus, Rendition


@dataclass(frozen=True)
class RemotePost:
    remote_id: str
    link: str
    modified: str
    title: str = ""
    content: str = ""
    status: str = ""

    @property
    def version(self) -> str:
        """Modified time plus a fingerprint of the content: an edit made within the same
        second as our publish (WordPress keeps whole seconds) is still seen."""
        digest = hashlib.sha256(
            "\x1f".join((self.title, self.content, self.status)).encode("utf-8")
        ).hexdigest()[:16]
        return f"{self.modified}#{digest}"


@dataclass(frozen=True)
class PostRequest:
    article: Article
    photos: Sequence[PublishPhoto]
    media: dict[str, MediaRecord]  # photo key -> uploaded media
    status: PublishStatus
    publish_at: datetime | None
    date: datetime | None = None  # the date readers see (core.publish_data.publication_date)


class Publisher(Protocol):
    def check_login(self) -> str: ...

    def media_exists(
        self, article: Article, photo: PublishPhoto, rendition: Rendition, retrying: bool
    ) -> MediaRecord | None: ...

    def upload_media(
        self, article: Article, photo: PublishPhoto, rendition: Rendition
    ) -> MediaRecord: ...

    def update_media_meta(self, record: MediaRecord, photo: PublishPhoto) -> MediaRecord: ...

    def find_post(self, article_id: str) -> RemotePost | None: ...

    def get_post(self, remote_id: str) -> RemotePost | None: ...

    def create_post(self, req: PostRequest) -> RemotePost: ...

    def update_post(self, remote_id: str, req: PostRequest, base_modified: str) -> RemotePost: ...

    def close(self) -> None: ...
