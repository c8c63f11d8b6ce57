"""Web renditions as the outbox receives them.

The photo desk (``qk3editor.photos.publish_providers.DeskRenditions``, built once by
``AppContext.renditions``) makes the real renditions (sizes from settings,
location data stripped and re-checked). The outbox only needs a callable
``RenditionProvider``: photo in, :class:`Rendition` out, so it never imports the photo desk's
internals. :class:`PillowRenditions` is a small stand-in with the same shape (resize, sRGB JPEG,
no metadata at all) for tests and benchmarks, and the default of ``PublishServices.build``.
"""

from __future__ import annotations

import io
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol, cast

from PIL import Image, ImageOps

from qk3editor.core.publish_data import PublishPhoto, Rendition
from qk3editor.publish.errors import RenditionFailed


class RenditionProvider(Protocol):
    """Photo in, rendition out. A provider may also have ``batch()``, a context manager the
    outbox enters around all of a job's renditions (:func:`batch_of`)."""

    def __call__(self, photo: PublishPhoto) -> Rendition: ...


def batch_of(provider: object) -> AbstractContextManager[object]:
    """The provider's ``batch()`` (the desk's reuses image memory between renditions), or
    nothing to do."""
    batch = getattr(provider, "batch", None)
    if callable(batch):
        return cast(AbstractContextManager[object], batch())
    return nullcontext()


class PillowRenditions:
    """A JPEG no larger than ``max_side`` px, orientation applied, no metadata kept."""

    def __init__(self, max_side: int = 1600, quality: int = 85) -> None:
        self.max_side = max_side
        self.quality = quality

    def __call__(self, photo: PublishPhoto) -> Rendition:
        try:
            with Image.open(photo.source) as img:
                # JPEG draft mode decodes at 1/2..1/8 scale directly: much faster on 24 MP.
                img.draft("RGB", (self.max_side, self.max_side))
                img = ImageOps.exif_transpose(img)
                img = img.convert("RGB")
                img.thumbnail((self.max_side, self.max_side), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                img.save(out, "JPEG", quality=self.quality, optimize=False, progressive=True)
                width, height = img.size
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise RenditionFailed(photo=photo.key, detail=type(exc).__name__) from None
        return Rendition.of_jpeg(photo.key, out.getvalue(), width, height)
