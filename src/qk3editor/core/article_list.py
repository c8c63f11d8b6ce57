"""What the library lists: an article's status, the list's query and its rows.

Apart from :mod:`qk3editor.core.articles` (which re-exports them) so that the window's first
frame, which shows the library, does not build the article's other dataclasses and workflow
(issue 14, start-up: each frozen dataclass costs its class ~1 ms to make). The query and the
row are named tuples for the same reason (~0.2 ms each, and ``dataclasses`` is not imported):
change one with ``_replace``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from qk3editor.core.i18n import QT_TRANSLATE_NOOP


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    PUBLISHED = "published"
    CORRECTED = "corrected"
    UNPUBLISHED = "unpublished"
    SPIKED = "spiked"


STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("status", "Draft"),
    Status.SUBMITTED: QT_TRANSLATE_NOOP("status", "Submitted"),
    Status.APPROVED: QT_TRANSLATE_NOOP("status", "Approved"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("status", "Published"),
    Status.CORRECTED: QT_TRANSLATE_NOOP("status", "Corrected"),
    Status.UNPUBLISHED: QT_TRANSLATE_NOOP("status", "Unpublished"),
    Status.SPIKED: QT_TRANSLATE_NOOP("status", "Spiked"),
}


class ArticleQuery(NamedTuple):
    """What the library shows: filters and order, all done by the database."""

    status: Status | None = None
    category_id: int | None = None
    include_spiked: bool = False
    order_by: str = "updated_at"
    descending: bool = True
    changed_since_published: bool = False  # published, then edited and not sent again


class ArticleRow(NamedTuple):
    """What the library list shows of an article (cheap to load in chunks)."""

    id: str
    title: str
    category: str | None
    status: Status
    updated_at: datetime
    byline: str
    published_at: datetime | None = None  # the newest public publish (any target)
    published_target: str = ""
    changed_since_published: bool = False


# a publication the portal's readers see (a draft on the portal, the preview, is not)
PUBLIC_REMOTE_STATUSES = ("publish", "future")


def newest_publications(
    rows: Iterable[tuple[str, datetime, str, int, int]],
) -> dict[str, tuple[datetime, str, bool]]:
    """Each article's newest public publish, from (article id, published at, target, version
    sent, article's version now) rows: (when, target, edited since the newest one sent). The
    library's "Published" column, read by the repository and by the start-up reader."""
    newest: dict[str, tuple[datetime, str]] = {}
    sent: dict[str, int] = {}
    current: dict[str, int] = {}
    for article_id, when, target, sent_version, version in rows:
        if article_id not in newest or when > newest[article_id][0]:
            newest[article_id] = (when, target)
        sent[article_id] = max(sent.get(article_id, 0), sent_version)
        current[article_id] = version
    return {k: (when, target, current[k] > sent[k]) for k, (when, target) in newest.items()}
