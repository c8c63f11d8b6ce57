"""The photo desk as publishing sees it (``qk3editor.publish`` asks for these two callables).

* :class:`DeskPhotoSource` — ``article → [PublishPhoto]``: the article's photos in their order,
  the featured one flagged, each with the caption the article shows (its own or the file's),
  alt text, title and credit; ``key`` is the photo's id in the store.
* :class:`DeskRenditions` — ``PublishPhoto → Rendition``: the web rendition (size and quality
  from the settings, orientation applied, sRGB, no location unless a person chose to keep it
  for that photo), re-read and checked; a leak raises
  :class:`~qk3editor.photos.errors.LocationLeak`, which blocks the publish.

Wiring: the composition root (``AppContext``: ``ctx.renditions``, ``ctx.photo_source``)
builds one of each per process, so the GUI's background preparation and a publish share
the cache and its locks::

    repo = PhotoRepository(ctx.store)
    PublishServices.build(
        ctx.store,
        renditions=DeskRenditions(repo, specs_from_settings(ctx.settings), cache_dir=...),
        photo_source=DeskPhotoSource(repo),
    )
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

from qk3editor.core import atomic
from qk3editor.core.articles import Article
from qk3editor.core.errors import PhotoIdNotFound, QkError
from qk3editor.core.photos import Photo, PhotoMetadata
from qk3editor.core.publish_data import PublishPhoto, Rendition
from qk3editor.photos.files import read_bytes
from qk3editor.photos.image_memory import reused_image_memory
from qk3editor.photos.renditions import (
    DEFAULT_SPECS,
    LocationChoice,
    RenditionSpec,
    location_choice,
    render_bytes,
)


class DeskPhotoSource:
    def __init__(self, repo: Any) -> None:
        self._repo = repo

    def __call__(self, article: Article) -> list[PublishPhoto]:
        return self.for_id(article.id)

    def for_id(self, article_id: str) -> list[PublishPhoto]:
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
            for ap in self._repo.article_photos(article_id)
        ]


RENDITION_CACHE_VERSION = 1  # bump when render_bytes changes what it writes


class DeskRenditions:
    """See the module docs. With ``cache_dir`` (``Paths.renditions_dir``) every rendition is
    kept on disk under a key made of the original's content (stored content hash, or the
    file's bytes), its size and mtime, the rendition settings, the metadata written into the
    rendition and the location choice: a publish after the background preparation
    (``publish/prepare.py``) only reads the file.
    """

    def __init__(
        self,
        repo: Any,
        specs: Sequence[RenditionSpec] = DEFAULT_SPECS,
        cache_dir: Path | None = None,
        location_policy: str = "strip",
    ) -> None:
        self._repo = repo
        self._spec = max(specs, key=lambda s: s.max_size)
        # the settings' location policy: a recorded keep-location choice counts only under
        # "per_photo" (renditions.location_choice); strip is the safe default
        self.location_policy = location_policy
        self.cache_dir = cache_dir
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def set_specs(self, specs: Sequence[RenditionSpec]) -> None:
        """New rendition settings (a changed preference): the next rendition uses them (the
        cache key includes them, so nothing stale is reused)."""
        self._spec = max(specs, key=lambda s: s.max_size)

    def __call__(self, photo: PublishPhoto) -> Rendition:
        stored = self._stored(photo.key)
        md, choice = self._inputs(photo, stored)
        if self.cache_dir is None:
            return self._make(photo, md, choice)
        # without a stored content hash the key hashes the file's bytes: read once, and the
        # rendition is made from those same bytes (never a second read of a 10-MB original)
        known = stored is not None and bool(stored.content_hash)
        original = None if known else _read_original(photo.source)
        key = self.cache_key(photo, stored, md, choice, original)
        if not key:
            return self._make(photo, md, choice, original)
        with self._lock_for(key):  # a background prepare and a publish never render twice
            cached = self._read_cache(photo, key)
            if cached is not None:
                return cached
            rendition = self._make(photo, md, choice, original)
            self._write_cache(key, rendition)
            return rendition

    def batch(self) -> AbstractContextManager[None]:
        """Around many renditions (a publish, a preparation): image memory is reused from one
        to the next (:func:`~qk3editor.photos.image_memory.reused_image_memory`)."""
        return reused_image_memory()

    # -- the cache ---------------------------------------------------------------------------
    def cache_key(
        self,
        photo: PublishPhoto,
        stored: Photo | None,
        md: PhotoMetadata,
        choice: LocationChoice | None,
        original: bytes | None = None,
    ) -> str:
        """``original``: the file's bytes when already read (hashed instead of the file)."""
        try:
            st = os.stat(photo.source)
        except OSError:
            return ""  # the render reports the missing file
        content = stored.content_hash if stored is not None and stored.content_hash else ""
        if not content and original is not None:
            content = hashlib.sha256(original).hexdigest()
        if not content:
            content = _file_hash(photo.source)
        parts = {
            "v": RENDITION_CACHE_VERSION,
            "content": content,
            "size": st.st_size,
            "mtime": st.st_mtime_ns,
            "spec": [self._spec.name, self._spec.max_size, self._spec.quality],
            "md": md.as_dict(),
            "location": [choice.keep, choice.by, choice.at.isoformat()] if choice else None,
        }
        blob = json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def _cache_path(self, key: str) -> Path:
        assert self.cache_dir is not None
        return self.cache_dir / key[:2] / f"{key}.jpg"

    def _read_cache(self, photo: PublishPhoto, key: str) -> Rendition | None:
        path = self._cache_path(key)
        try:
            data = path.read_bytes()
            meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
            found = Rendition.of_jpeg(photo.key, data, int(meta["width"]), int(meta["height"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if found.sha256 != meta.get("sha256"):
            return None  # a torn or tampered file: make it again
        return found

    def _write_cache(self, key: str, rendition: Rendition) -> None:
        path = self._cache_path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_bytes(path, rendition.data, durable=False)
            meta = {
                "sha256": rendition.sha256,
                "width": rendition.width,
                "height": rendition.height,
            }
            atomic.write_bytes(
                path.with_suffix(".json"), json.dumps(meta).encode("utf-8"), durable=False
            )
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _lock_for(self, key: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(key, threading.Lock())

    # -- making one --------------------------------------------------------------------------
    def _inputs(
        self, photo: PublishPhoto, stored: Photo | None
    ) -> tuple[PhotoMetadata, LocationChoice | None]:
        base = stored.metadata if stored else PhotoMetadata()
        md = replace(
            base,
            description=photo.caption or base.description,
            alt_text=photo.alt or base.alt_text,
            credit=photo.credit or base.credit,
        )
        return md, location_choice(stored, self.location_policy)

    def _make(
        self,
        photo: PublishPhoto,
        md: PhotoMetadata,
        choice: LocationChoice | None,
        original: bytes | None = None,
    ) -> Rendition:
        ((_spec, data, width, height, _kept),) = render_bytes(
            Path(photo.source), [self._spec], metadata=md, location=choice, data=original
        )
        return Rendition.of_jpeg(photo.key, data, width, height)

    def _stored(self, key: str) -> Photo | None:
        if not key.isdigit():
            return None
        try:
            return self._repo.get(int(key))
        except PhotoIdNotFound:
            return None


def _read_original(path: str) -> bytes | None:
    """The photo file within its budget, or ``None`` (the render then reads it itself and
    reports what is wrong with it)."""
    try:
        return read_bytes(Path(path))
    except (QkError, OSError):
        return None


def _file_hash(path: str) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()
