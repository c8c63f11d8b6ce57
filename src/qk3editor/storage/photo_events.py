"""Who wants to know when an article's photos, or a photo's caption, changed.

:class:`~qk3editor.storage.photos_repository.PhotoRepository` calls :func:`notify` after each
change is committed (attach, detach, order, featured, the article's caption, the file's
metadata) with the ids of the articles concerned. The GUI subscribes the background
preparation of web renditions (``qk3editor.publish.prepare``), so that publishing only
uploads. Listeners are per store and must be quick (hand work to a thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)

Listener = Callable[[frozenset[str]], None]
_ATTR = "_qk3_photo_listeners"


def _listeners(store: Any) -> list[Listener]:
    found = getattr(store, _ATTR, None)
    if found is None:
        found = []
        setattr(store, _ATTR, found)
    return found


def subscribe(store: Any, listener: Listener) -> Callable[[], None]:
    """Call ``listener(article_ids)`` after every photo change in ``store``; returns the
    function that unsubscribes it."""
    _listeners(store).append(listener)

    def unsubscribe() -> None:
        if listener in _listeners(store):
            _listeners(store).remove(listener)

    return unsubscribe


def notify(store: Any, article_ids: Iterable[str]) -> None:
    ids = frozenset(a for a in article_ids if a)
    if not ids:
        return
    for listener in list(getattr(store, _ATTR, None) or ()):
        try:
            listener(ids)
        except Exception:  # a listener's failure never undoes the change
            log.exception("photo change listener failed")
