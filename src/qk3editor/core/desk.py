"""The newsroom desk as plain data (issue 16): messages between a reporter and the desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from qk3editor.core.articles import iso_utc
from qk3editor.core.budgets import MAX_DESK_TEXT_CHARS
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP
from qk3editor.core.vietnamese.normalize import normalize


class DeskMessageKind(StrEnum):
    NOTE = "note"  # the reporter's note with a send
    RETURNED = "returned"  # the desk sent the article back, with a comment
    SUBMITTED = "submitted"  # a send without a note


@dataclass(frozen=True)
class DeskMessage:
    id: int
    article_id: str
    kind: DeskMessageKind
    author: str  # the login
    author_name: str
    text: str
    created_at: datetime
    article_version: int | None = None

    @property
    def returned(self) -> bool:
        return self.kind is DeskMessageKind.RETURNED

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "kind": self.kind.value,
            "author": self.author,
            "author_name": self.author_name,
            "text": self.text,
            "created_at": iso_utc(self.created_at),
            "article_version": self.article_version,
        }


class NotAtDesk(QkError):
    code = "not_at_desk"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The article is not waiting at the desk; only a submitted article can be returned",
    )


class DeskTextTooLong(QkError):
    code = "desk_text_too_long"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The message is too long ({size} characters; at most {limit}): nothing was sent or "
        "saved. Shorten it, or put the details into the article",
    )


# NFC turns at most 3 code points into one (a base letter and two marks: "ệ" typed as
# e + ̣ + ̂), so a text longer than this is over the budget before it is normalised
_RAW_CHARS = 3 * MAX_DESK_TEXT_CHARS


def desk_text(text: str) -> str:
    """A note for the desk or the desk's comment as it is stored: NFC, trimmed, at most
    :data:`MAX_DESK_TEXT_CHARS` characters (else :class:`DeskTextTooLong`). A huge paste is
    refused on its length alone, before it is normalised."""
    text = text.strip()
    if len(text) > _RAW_CHARS:
        raise DeskTextTooLong(size=len(text), limit=MAX_DESK_TEXT_CHARS)
    out = normalize(text).strip()
    if len(out) > MAX_DESK_TEXT_CHARS:
        raise DeskTextTooLong(size=len(out), limit=MAX_DESK_TEXT_CHARS)
    return out


class CommentNeeded(QkError):
    code = "comment_needed"
    template = QT_TRANSLATE_NOOP(
        "errors", "Say why the article goes back to the reporter (a comment is needed)"
    )
