"""The editor's fields exactly as its widgets hold them, as plain data.

Apart from the form (view.py) so that the first frame, which shows the form, does not make
this dataclass (issue 14, start-up: ~1 ms a frozen dataclass).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qk3editor.ui.widgets import clean_text

if TYPE_CHECKING:
    from qk3editor.core.articles import ArticleFields


@dataclass(frozen=True)
class RawFields:
    """The editor's fields exactly as the widgets hold them (read on the GUI thread)."""

    title: str
    lead: str
    body: str
    category: str
    byline: str
    tags: str

    def clean(self) -> ArticleFields:
        """The fields as stored: the one clean-up (NFC, repairs) of what the widgets hold;
        cheap to take on the GUI thread, cleaned wherever this runs."""
        from qk3editor.core.articles import ArticleFields

        tags = tuple(t.strip() for t in clean_text(self.tags).split(",") if t.strip())
        return ArticleFields(
            title=clean_text(self.title).strip(),
            lead=clean_text(self.lead),
            body=clean_text(self.body),
            category=self.category,
            byline=clean_text(self.byline).strip(),
            tags=tags,
        )
