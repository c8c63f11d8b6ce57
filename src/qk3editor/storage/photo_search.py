"""Photo captions in the search index: searching a caption word finds the articles the photo
belongs to. One search document per (article, photo), source ``photo_caption``, holding the
caption the article shows (its own or the file's), the file's caption when it differs, the
headline and the alt text. Kept in step by the photo repository inside the same unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from qk3editor.core.photos import ArticlePhoto
from qk3editor.storage.search import SearchDocumentModel, index_text, remove_text

PHOTO_CAPTION_SOURCE = "photo_caption"


def caption_key(article_id: str, photo_id: int) -> str:
    return f"{article_id}/{photo_id}"


def caption_text(ap: ArticlePhoto) -> str:
    md = ap.photo.metadata
    parts = [ap.caption, md.description, md.headline, md.alt_text]
    return "\n".join(dict.fromkeys(p for p in parts if p))


def index_photo_captions(session: Session, article_id: str, photos: Sequence[ArticlePhoto]) -> None:
    """The article's photo documents: one per attached photo, none for detached ones."""
    wanted = {caption_key(article_id, ap.photo.id): caption_text(ap) for ap in photos}
    existing = session.scalars(
        select(SearchDocumentModel.source_key).where(
            SearchDocumentModel.source == PHOTO_CAPTION_SOURCE,
            SearchDocumentModel.article_id == article_id,
        )
    ).all()
    for key in existing:
        if key not in wanted:
            remove_text(session, PHOTO_CAPTION_SOURCE, key)
    for key, text in wanted.items():
        index_text(session, PHOTO_CAPTION_SOURCE, key, article_id, text)
