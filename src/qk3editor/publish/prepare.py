"""Web renditions prepared in the background, so that one click only uploads.

When photos are attached to an article, reordered, or captioned (the article's caption or
the file's), the photo repository announces it on the store's events
(``store.events.article_photos``, :mod:`qk3editor.storage.store_events`); the
:class:`RenditionPreparer` the AppContext subscribes there then makes each of those articles'
renditions on a small pool of threads (the task runner's :data:`PREPARE_POOL`; Pillow decodes
and resizes without the interpreter lock, so two threads use both cores) into the on-disk
rendition cache (``Paths.renditions_dir``). A publish asks the same
:class:`~qk3editor.photos.publish_providers.DeskRenditions` and finds them there; if it comes first,
the per-rendition lock makes it wait for the one being made instead of making it twice.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from typing import Any, Protocol

from qk3editor.core.publish_data import PublishPhoto
from qk3editor.core.tasks import Pools

log = logging.getLogger(__name__)


class Preparable(Protocol):
    def __call__(self, photo: PublishPhoto) -> Any: ...


PhotosOf = Callable[[str], Sequence[PublishPhoto]]
PREPARE_POOL = "renditions"  # thread pool name in the task runner's pools


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 2))


class RenditionPreparer:
    def __init__(
        self,
        renditions: Preparable,
        photos_of: PhotosOf,
        workers: int | None = None,
        pools: Pools | None = None,
    ) -> None:
        """``pools``: the task runner's (it shuts them down at quit); without them, pools of
        the preparer's own, shut down by :meth:`close`."""
        self.renditions = renditions
        self.photos_of = photos_of
        self._own_pools = pools is None
        self._pools = pools or Pools()
        self._pool = self._pools.threads(PREPARE_POOL, workers or default_workers())
        self._lock = threading.Lock()
        self._pending: set[Future[Any]] = set()
        self._closed = False

    def on_change(self, article_ids: Iterable[str]) -> None:
        """A photo change was committed: prepare these articles' renditions (never blocks)."""
        for article_id in article_ids:
            self._submit(self._article, article_id)

    def prepare_article(self, article_id: str) -> None:
        self.on_change([article_id])

    def _submit(self, fn: Callable[..., Any], *args: Any) -> None:
        with self._lock:
            if self._closed:
                return
            fut = self._pool.submit(fn, *args)
            self._pending.add(fut)
        fut.add_done_callback(self._done)

    def _done(self, fut: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(fut)

    def _article(self, article_id: str) -> None:
        try:
            photos = list(self.photos_of(article_id))
        except Exception:
            log.exception("photos of article %s", article_id)
            return
        for photo in photos:
            self._submit(self._one, photo)

    def _one(self, photo: PublishPhoto) -> None:
        from qk3editor.publish.renditions import batch_of  # (Pillow: not at start-up)

        try:
            with batch_of(self.renditions):  # the pool's renditions overlap: memory reused
                self.renditions(photo)
        except Exception as exc:  # the publish reports it with the photo and the step
            log.info("rendition of photo %s not prepared: %s", photo.key, type(exc).__name__)

    def wait(self, timeout: float | None = None) -> bool:
        """Until nothing is pending (tests, benchmarks). False on timeout."""
        import time

        end = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                pending = list(self._pending)
            if not pending:
                return True
            for fut in pending:
                left = None if end is None else max(0.0, end - time.monotonic())
                try:
                    fut.result(timeout=left)
                except TimeoutError:
                    return False
                except Exception:
                    pass

    def close(self) -> None:
        """No new work; what has not started is cancelled (the runner joins the threads)."""
        with self._lock:
            self._closed = True
            pending = list(self._pending)
        for fut in pending:
            fut.cancel()
        if self._own_pools:
            self._pools.shutdown(wait=False)
