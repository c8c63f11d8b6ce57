"""Articles as plain frozen data, and the rules of their workflow."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

# the library's types live in a module of their own, light enough for the first frame; they
# are re-exported here, where the rest of the code base finds them
from qk3editor.core.article_list import STATUS_LABELS as STATUS_LABELS
from qk3editor.core.article_list import ArticleQuery as ArticleQuery
from qk3editor.core.article_list import ArticleRow as ArticleRow
from qk3editor.core.article_list import Status
from qk3editor.core.errors import InvalidTransition

# Allowed moves. Spiking is allowed from every state; restoring a spiked article returns it
# to the state it had before (recorded by the store), or to draft.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED, Status.SPIKED}),
    Status.SUBMITTED: frozenset({Status.DRAFT, Status.APPROVED, Status.SPIKED}),
    Status.APPROVED: frozenset({Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED, Status.SPIKED}),
    Status.PUBLISHED: frozenset({Status.CORRECTED, Status.UNPUBLISHED, Status.SPIKED}),
    Status.CORRECTED: frozenset({Status.CORRECTED, Status.UNPUBLISHED, Status.SPIKED}),
    Status.UNPUBLISHED: frozenset({Status.DRAFT, Status.PUBLISHED, Status.SPIKED}),
    Status.SPIKED: frozenset(set(Status) - {Status.SPIKED}),
}


def can_transition(source: Status, target: Status) -> bool:
    return target in TRANSITIONS[source]


def check_transition(source: Status, target: Status) -> None:
    """Raise :class:`InvalidTransition` unless ``source`` → ``target`` is a workflow move."""
    if not can_transition(source, target):
        raise InvalidTransition(source=source.value, target=target.value)


def new_article_id() -> str:
    """A new article id: a UUID4, also the publishing idempotency key."""
    import uuid  # not at import: the first frame needs no id (issue 14)

    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Category:
    id: int
    slug: str
    name: str
    position: int = 0


@dataclass(frozen=True)
class Article:
    """One article as stored. Times are timezone-aware UTC."""

    id: str
    title: str
    lead: str
    body: str
    category: str | None
    byline: str
    tags: tuple[str, ...]
    status: Status
    created_at: datetime
    updated_at: datetime
    version: int
    publish_at: datetime | None = None
    category_slug: str | None = None
    owner: str | None = None  # who made it (a newsroom login; the user name on SQLite)

    def to_json(self) -> dict[str, object]:
        """Every field under its plain name, times in ISO 8601 UTC."""
        return {
            "id": self.id,
            "title": self.title,
            "lead": self.lead,
            "body": self.body,
            "category": self.category,
            "category_slug": self.category_slug,
            "byline": self.byline,
            "tags": list(self.tags),
            "status": self.status.value,
            "created_at": iso_utc(self.created_at),
            "updated_at": iso_utc(self.updated_at),
            "publish_at": iso_utc(self.publish_at) if self.publish_at else None,
            "version": self.version,
        }


@dataclass(frozen=True)
class ArticleFields:
    """The editable fields of an article; ``None`` means "leave as it is" in an update."""

    title: str | None = None
    lead: str | None = None
    body: str | None = None
    category: str | None = None
    byline: str | None = None
    tags: tuple[str, ...] | None = None
    publish_at: datetime | None = None
    clear_publish_at: bool = False
    extra: dict[str, object] = field(default_factory=dict[str, object])


def iso_utc(value: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# The portal's sections, seeded into the categories table (editable afterwards).
DEFAULT_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("tin-tuc-su-kien", "Tin tức - Sự kiện"),
    ("quoc-phong-an-ninh", "Quốc phòng - An ninh"),
    ("xay-dung-dang", "Xây dựng Đảng"),
    ("chinh-tri-tu-tuong", "Chính trị - Tư tưởng"),
    ("huan-luyen-san-sang-chien-dau", "Huấn luyện - Sẵn sàng chiến đấu"),
    ("hau-can-ky-thuat", "Hậu cần - Kỹ thuật"),
    ("dan-van", "Công tác dân vận"),
    ("guong-sang", "Gương sáng"),
    ("van-hoa-the-thao", "Văn hóa - Thể thao"),
    ("truyen-thong", "Truyền thống"),
    ("phong-su-anh", "Phóng sự ảnh"),
    ("video", "Video"),
)
