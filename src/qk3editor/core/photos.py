"""Photos as the rest of the app sees them: plain, frozen data (no I/O, no Qt, no SQL).

Markdown snippet for a photo in an article body (resolved by the renderer, issue 4)::

    ![caption text](qk3photo:ID)
    ![caption text](qk3photo:ID "credit")

``ID`` is the photo's id in the store (digits). Other tokens (letters, digits, ``-``, ``_``)
name photos that are not in the store, such as images imported with an article from the
portal; the renderer resolves those itself. The alt part holds the caption the article shows
(it may differ from the file's own caption: see ``ArticlePhoto.caption``); the optional title
holds the credit. :func:`photo_snippet` makes one and :func:`find_photo_placements` finds them, so
the renderer can turn each into ``<figure><img><figcaption>caption — credit</figcaption>``
using the web rendition of that photo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any, cast

from qk3editor.core.vietnamese.normalize import normalize

TEXT_FIELDS = (
    "headline",
    "description",
    "alt_text",
    "credit",
    "copyright",
    "date_created",
    "sublocation",
    "city",
    "province_state",
    "country",
    "job_id",
    "instructions",
    "title",
)
LIST_FIELDS = ("creator", "keywords")
FIELDS = (
    "headline",
    "description",
    "alt_text",
    "creator",
    "credit",
    "copyright",
    "keywords",
    "date_created",
    "sublocation",
    "city",
    "province_state",
    "country",
    "job_id",
    "instructions",
    "title",
)
LOCATION_FIELDS = ("sublocation", "city", "province_state", "country")


@dataclass(frozen=True)
class PhotoMetadata:
    """The newsroom's IPTC fields. Empty string / empty tuple means "not set".

    ``keywords`` is an unordered bag (dc:subject): compare with :meth:`same_as`.
    """

    headline: str = ""
    description: str = ""
    alt_text: str = ""
    creator: tuple[str, ...] = ()
    credit: str = ""
    copyright: str = ""
    keywords: tuple[str, ...] = ()
    date_created: str = ""
    sublocation: str = ""
    city: str = ""
    province_state: str = ""
    country: str = ""
    job_id: str = ""
    instructions: str = ""
    title: str = ""

    def normalized(self) -> PhotoMetadata:
        """Every value NFC and stripped; empty keywords/creators dropped, duplicates removed."""
        changes: dict[str, Any] = {}
        for name in TEXT_FIELDS:
            changes[name] = normalize(getattr(self, name)).strip()
        for name in LIST_FIELDS:
            changes[name] = _unique(getattr(self, name))
        return replace(self, **changes)

    def same_as(self, other: PhotoMetadata) -> bool:
        """Equal, with keywords compared as a set (XMP dc:subject is a bag)."""
        return replace(self, keywords=()) == replace(other, keywords=()) and set(
            self.keywords
        ) == set(other.keywords)

    def as_dict(self) -> dict[str, Any]:
        return {
            f.name: (list(cast(tuple[str, ...], v)) if isinstance(v, tuple) else v)
            for f in fields(self)
            for v in [getattr(self, f.name)]
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PhotoMetadata:
        kwargs: dict[str, Any] = {}
        for name in FIELDS:
            if name not in data or data[name] is None:
                continue
            value = data[name]
            kwargs[name] = tuple(value) if name in LIST_FIELDS else str(value)
        return cls(**kwargs).normalized()


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        v = normalize(str(v)).strip()
        if v and v not in out:
            out.append(v)
    return tuple(out)


@dataclass(frozen=True)
class Photo:
    """A stored photo (what the repository returns)."""

    id: int
    path: str
    content_hash: str
    metadata: PhotoMetadata
    date_taken: str = ""
    width: int = 0
    height: int = 0
    format: str = ""
    thumbnail: str = ""
    camera: str = ""
    gps: bool = False
    has_iim: bool = False
    keep_location: bool = False
    keep_location_by: str = ""
    keep_location_at: datetime | None = None
    file_pending: bool = False  # the store holds metadata the file does not yet
    imported_at: datetime | None = None
    updated_at: datetime | None = None  # when the store last recorded the file's metadata
    owner: str | None = None  # who imported it (a newsroom login; the user name on SQLite)

    @property
    def no_caption(self) -> bool:
        return not self.metadata.description

    @property
    def no_credit(self) -> bool:
        return not self.metadata.credit

    @property
    def status_flags(self) -> tuple[str, ...]:
        """``no_caption``, ``no_credit``, ``gps`` where they apply (the desk's status column)."""
        out: list[str] = []
        if self.no_caption:
            out.append("no_caption")
        if self.no_credit:
            out.append("no_credit")
        if self.gps:
            out.append("gps")
        return tuple(out)

    @property
    def badges(self) -> tuple[str, ...]:
        """The desk's state badges: ``no_caption``, ``no_credit``, ``gps`` (location
        present), ``location_kept`` (kept in the web copies by a person's choice),
        ``file_pending`` (the store's caption is not yet written to the file: its write
        failed or is to be made), ``store_only`` (a HEIC file: the caption lives only in the
        store)."""
        out = list(self.status_flags)
        if self.gps and self.keep_location:
            out.append("location_kept")
        store_only = self.format.lower() in ("heic", "heif")
        if self.file_pending and not store_only:
            out.append("file_pending")
        if store_only:
            out.append("store_only")
        return tuple(out)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "content_hash": self.content_hash,
            **self.metadata.as_dict(),
            "date_taken": self.date_taken,
            "width": self.width,
            "height": self.height,
            "gps": self.gps,
            "status": list(self.status_flags),
            "file_pending": self.file_pending,
            "keep_location": self.keep_location,
            "keep_location_by": self.keep_location_by,
            "keep_location_at": self.keep_location_at.isoformat()
            if self.keep_location_at
            else None,
        }


@dataclass(frozen=True)
class ArticlePhoto:
    """A photo placed in an article: order, featured flag, the article's own caption."""

    article_id: str
    photo: Photo
    position: int
    featured: bool = False
    caption_override: str | None = None

    @property
    def caption(self) -> str:
        """The caption the article shows: its own when set, else the file's."""
        if self.caption_override is not None:
            return self.caption_override
        return self.photo.metadata.description

    @property
    def credit(self) -> str:
        return self.photo.metadata.credit


SNIPPET_RE = re.compile(
    r'!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(qk3photo:(?P<id>[A-Za-z0-9_-]+)(?:\s+"(?P<title>[^"]*)")?\)'
)


def _escape(text: str) -> str:
    return (
        normalize(text)
        .replace("\\", "\\\\")
        .replace("]", "\\]")
        .replace("[", "\\[")
        .replace("\n", " ")
    )


def photo_snippet(photo_id: int | str, caption: str = "", credit: str = "") -> str:
    """The markdown that places photo ``photo_id`` in an article body (see module docs)."""
    title = f' "{normalize(credit).replace(chr(34), chr(39))}"' if credit else ""
    return f"![{_escape(caption)}](qk3photo:{photo_id}{title})"


@dataclass(frozen=True)
class PhotoPlacement:
    photo_id: str  # the store's id as digits, or another token (see the module docs)
    caption: str
    credit: str
    start: int
    end: int


def find_photo_placements(markdown: str) -> list[PhotoPlacement]:
    """Every ``qk3photo:`` image in ``markdown``, in order."""
    out: list[PhotoPlacement] = []
    for m in SNIPPET_RE.finditer(markdown):
        alt = re.sub(r"\\(.)", r"\1", m.group("alt"))
        out.append(PhotoPlacement(m.group("id"), alt, m.group("title") or "", m.start(), m.end()))
    return out


def shown_date(value: str | None) -> str:
    """A photo's date as the newsroom writes it, ``dd/mm/yyyy HH:MM`` (``dd/mm/yyyy`` for a
    date alone); the store and ``--json`` keep ISO 8601. Unreadable text is shown as it is."""
    from datetime import date, datetime

    if not value:
        return ""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if len(value) <= 10:
        return when.strftime("%d/%m/%Y")
    return when.strftime("%d/%m/%Y %H:%M")


def headline_from(text: str, limit: int = 80) -> str:
    """``text`` (a caption) shortened to at most ``limit`` characters at a word boundary,
    with "…" when cut: never "Thiếu tướng Nguyễn Th"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"
