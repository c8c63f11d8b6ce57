"""One operation path for every change the GUI makes (after Anki's ``CollectionOp``).

An operation is a plain callable from the Qt-free layers. :meth:`Operations.run` sends it to
the TaskRunner's ``db`` lane (so no store write or keyring call runs on the GUI thread, and
writes are serialised); on success the :class:`ChangeBus` announces what changed, then the
caller's ``on_done`` runs, both on the GUI thread. A failure goes to the caller's
``on_error`` or, without one, to :attr:`Operations.failed` as a sentence from
:func:`qk3editor.ui.errors.describe_error` (the window shows it in the status bar).

Views do not call each other to refresh: each listens to ``ChangeBus.changed(kind, ids)`` and
refreshes what it shows of that kind. Kinds (:data:`CHANGE_KINDS`):

``article``         ids = article ids whose text, status or fields changed (or were created)
``photo``           ids = photo ids whose file metadata (caption, credit, ...) changed or new
``article_photos``  ids = article ids whose attached photos, order, featured or captions changed
``outbox``          ids = job ids enqueued, retried, cancelled, resolved or finished
``target``          ids = target names added or removed
``settings``        ids = setting names changed (e.g. ``lead_max_words``)
``lease``           ids = article ids whose editing lease changed hands (issue 16)

On a PostgreSQL store the live-update listener (:mod:`qk3editor.ui.live`) announces what
other processes changed on the same bus, with :attr:`ChangeBus.remote` set while it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from qk3editor.core.i18n import Translator
from qk3editor.ui.errors import describe_error
from qk3editor.ui.tasks import TaskRunner

T = TypeVar("T")

CHANGE_KINDS = ("article", "photo", "article_photos", "outbox", "target", "settings", "lease")

Change = tuple[str, Iterable[Any]]
Changes = Iterable[Change] | Callable[[Any], Iterable[Change]]


class ChangeBus(QObject):
    """Built once in app.build_gui; every view that shows stored data listens to it."""

    changed = Signal(str, object)  # kind, tuple of ids
    remote = False  # True while announcing what another process changed (live updates)

    def announce_remote(self, kind: str, ids: Iterable[Any] = ()) -> None:
        """What another process changed (the live-update listener): views refresh without
        moving the user (no selection jumps to another editor's new article)."""
        self.remote = True
        try:
            self.announce(kind, ids)
        finally:
            self.remote = False

    def announce(self, kind: str, ids: Iterable[Any] = ()) -> None:
        """Tell every view that ``ids`` of ``kind`` changed (GUI thread only)."""
        if kind not in CHANGE_KINDS:
            raise ValueError(f"unknown change kind: {kind}")
        self.changed.emit(kind, tuple(ids))


class Operations(QObject):
    """Runs operations on the ``db`` lane; see the module docstring."""

    failed = Signal(str)  # a described failure nobody handled (shown in the status bar)

    def __init__(
        self,
        runner: TaskRunner,
        bus: ChangeBus,
        translator: Translator | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.bus = bus
        self.translator = translator

    def run(
        self,
        op: Callable[[], T],
        changes: Changes = (),
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        lane: str = "db",
        key: str | None = None,
    ) -> int:
        """Run ``op`` off the GUI thread; announce ``changes`` then call ``on_done(result)``.

        ``changes`` is a list of ``(kind, ids)`` or a function of the result returning one
        (when the ids are known only afterwards, e.g. a new article's id). ``lane`` is
        ``db`` for store writes and keyring calls; ``io`` for long network work (a publish)
        whose store writes are the outbox's own short units of work. ``key``: only the
        newest run of a key delivers (TaskRunner staleness).
        """

        def done(result: Any) -> None:
            if not shiboken6.isValid(self.bus):
                return  # the window that owned the bus is closed: nobody to tell
            found = changes(result) if callable(changes) else changes
            for kind, ids in found:
                self.bus.announce(kind, ids)
            if on_done is not None:
                on_done(result)

        return self.runner.submit(lane, op, done, on_error or self.report, key=key)

    def query(
        self,
        op: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        lane: str = "db",
        key: str | None = None,
    ) -> int:
        """A read (Anki's ``QueryOp``): nothing is announced; ``key`` drops stale results."""
        return self.runner.submit(lane, op, on_done, on_error or self.report, key=key)

    def describe(self, exc: BaseException) -> str:
        return describe_error(exc, self.translator)

    def report(self, exc: BaseException) -> None:
        """The default failure handler: one sentence on :attr:`failed`."""
        self.failed.emit(self.describe(exc))
