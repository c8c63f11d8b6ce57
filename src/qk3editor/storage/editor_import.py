"""Store an imported document: the article, and the images it carried next to the photos."""

from __future__ import annotations

import re
from pathlib import Path

from qk3editor.core import atomic
from qk3editor.core.articles import Article, ArticleFields
from qk3editor.core.importers import PLACEHOLDER_PREFIX, ImportedDocument
from qk3editor.storage.articles_repository import ArticleRepository

IMPORTED_DIR = "imported"


def save_imported(
    doc: ImportedDocument, articles: ArticleRepository, photos_dir: Path | None
) -> Article:
    """A new draft from ``doc``; its images saved as ``photos/imported/<article>-<n><ext>``.

    The body's ``qk3photo:import-N`` placeholders become ``qk3photo:<article>-N``, the ids
    :func:`imported_photo_resolver` (and the photo library, issue 5) know.
    """
    article = articles.create(
        ArticleFields(
            title=doc.title,
            lead=doc.lead,
            body=doc.body,
            category=doc.category,
            byline=doc.byline,
            tags=doc.tags,
        )
    )
    if not doc.images or photos_dir is None:
        return article
    folder = photos_dir / IMPORTED_DIR
    for image in doc.images:
        n = image.placeholder.removeprefix(PLACEHOLDER_PREFIX)
        atomic.write_bytes(folder / f"{article.id}-{n}{image.extension}", image.data)
    body = re.sub(
        rf"qk3photo:{re.escape(PLACEHOLDER_PREFIX)}(\d+)", rf"qk3photo:{article.id}-\1", doc.body
    )
    return articles.update(article.id, ArticleFields(body=body))


def find_imported_photo(photos_dir: Path, photo_id: str) -> Path | None:
    """The file of an imported photo id, if there is one."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", photo_id):
        return None
    for ext in (".jpg", ".png", ".gif", ".webp"):
        path = photos_dir / IMPORTED_DIR / f"{photo_id}{ext}"
        if path.is_file():
            return path
    return None
