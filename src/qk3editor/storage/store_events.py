"""What the store announces after a change is committed: one typed object per :class:`Store`.

Repositories announce on ``store.events`` after their unit of work commits, never before (a
listener reads what is stored). Listeners subscribe through the same object and are told from
the thread that committed: they must be quick and hand real work to the task runner (the GUI
relays them to its thread with a queued signal).

* :attr:`StoreEvents.article_photos` — the ids of articles whose photos, or a photo's caption,
  changed: attach, detach, order, featured, the article's caption, the file's metadata.
  The rendition preparer (``qk3editor.publish.prepare``) and the editor's preflight listen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Topic(Generic[T]):
    """One kind of announcement: ``subscribe(listener)``, ``announce(value)``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._listeners: list[Callable[[T], object]] = []

    def subscribe(self, listener: Callable[[T], object]) -> Callable[[], None]:
        """Call ``listener(value)`` after every announcement; returns the unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def announce(self, value: T) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(value)
            except Exception:  # a listener's failure never undoes the change
                log.exception("listener of %s failed", self.name)


class ArticleIdsTopic(Topic[frozenset[str]]):
    def announce_ids(self, article_ids: Iterable[str]) -> None:
        """Announce the non-empty ids among ``article_ids`` (nothing when there are none)."""
        ids = frozenset(a for a in article_ids if a)
        if ids:
            self.announce(ids)


class StoreEvents:
    """The store's announcements (see the module docs)."""

    def __init__(self) -> None:
        self.article_photos = ArticleIdsTopic("article_photos")
