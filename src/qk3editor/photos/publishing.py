"""The photo desk as publishing sees it (``qk3editor.publish`` asks for these two callables).

* :class:`DeskPhotoSource` — ``article → [PublishPhoto]``: the article's photos in their order,
  the featured one flagged, each with the caption the article shows (its own or the file's),
  alt text, title and credit; ``key`` is the photo's id in the store.
* :class:`DeskRenditions` — ``PublishPhoto → Rendition``: the web rendition (size and quality
  from the settings, orientation applied, sRGB, no location unless a person chose to keep it
  for that photo), re-read and checked; a leak raises
  :class:`~qk3editor.photos.errors.LocationLeak`, which blocks the publish.

Wiring (the composition root)::

    repo = PhotoRepository(ctx.store)
    PublishServices.build(
        ctx.store,
        renditions=DeskRenditions(repo, specs_from_settings(ctx.settings)),
        photo_source=DeskPhotoSource(repo),
    )
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from qk3editor.core.articles import Article
from qk3editor.core.photos import Photo, PhotoMetadata
from qk3editor.core.publishing import PublishPhoto, Rendition
from qk3editor.photos.errors import PhotoIdNotFound
from qk3editor.photos.renditions import (
    DEFAULT_SPECS,
    LocationChoice,
    RenditionSpec,
    render_bytes,
)


class DeskPhotoSource:
    def __init__(self, repo: Any) -> None:
        self._repo = repo

    def __call__(self, article: Article) -> list[PublishPhoto]:
        return [
            PublishPhoto(
                key=str(ap.photo.id),
                source=ap.photo.path,
                caption=ap.caption,
                alt=ap.photo.metadata.alt_text,
                title=ap.photo.metadata.title or ap.photo.metadata.headline,
                credit=ap.credit,
                featured=ap.featured,
            )
            for ap in self._repo.article_photos(article.id)
        ]


class DeskRenditions:
    def __init__(self, repo: Any, specs: Sequence[RenditionSpec] = DEFAULT_SPECS) -> None:
        self._repo = repo
        self._spec = max(specs, key=lambda s: s.max_size)

    def __call__(self, photo: PublishPhoto) -> Rendition:
        stored = self._stored(photo.key)
        base = stored.metadata if stored else PhotoMetadata()
        md = replace(
            base,
            description=photo.caption or base.description,
            alt_text=photo.alt or base.alt_text,
            credit=photo.credit or base.credit,
        )
        choice = None
        if stored is not None and stored.keep_location and stored.keep_location_at is not None:
            choice = LocationChoice(True, stored.keep_location_by, stored.keep_location_at)
        ((_spec, data, width, height, _kept),) = render_bytes(
            Path(photo.source), [self._spec], metadata=md, location=choice
        )
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", photo.key).strip("-") or "photo"
        return Rendition(
            photo_key=photo.key,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
            width=width,
            height=height,
            filename=f"photo-{stem}.jpg",
        )

    def _stored(self, key: str) -> Photo | None:
        if not key.isdigit():
            return None
        try:
            return self._repo.get(int(key))
        except PhotoIdNotFound:
            return None


def desk_publishing(ctx: Any) -> tuple[DeskRenditions, DeskPhotoSource]:
    """The two callables for ``PublishServices.build`` from an AppContext."""
    from qk3editor.photos.renditions import specs_from_settings
    from qk3editor.storage.photos_repo import PhotoRepository

    repo = PhotoRepository(ctx.store)
    return DeskRenditions(repo, specs_from_settings(ctx.settings)), DeskPhotoSource(repo)
