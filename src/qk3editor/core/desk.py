"""The newsroom desk as plain data (issue 16): messages between a reporter and the desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from qk3editor.core.articles import iso_utc
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP


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


class CommentNeeded(QkError):
    code = "comment_needed"
    template = QT_TRANSLATE_NOOP(
        "errors", "Say why the article goes back to the reporter (a comment is needed)"
    )
