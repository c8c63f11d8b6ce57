"""The outbox's newsroom side (issue 16), mixed into :class:`~.outbox.Outbox`: one attempt
at a send to the desk, and the reporter's sync of the desk's returns, whose connection to each
newsroom is kept from one run to the next (closed by :meth:`DeskSending.close` at quit).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from qk3editor.core.publish_data import Job, Target, TargetKind
from qk3editor.publish.base import Publisher
from qk3editor.publish.errors import InvalidTarget, PublishError
from qk3editor.publish.posting import (
    STEP_POST,
    STEP_UPLOAD,
    Progress,
    ProgressFn,
    PublisherFactory,
    StepName,
)
from qk3editor.publish.secrets import SecretStore
from qk3editor.storage.publish_repository import PublishRepository

if TYPE_CHECKING:  # imported when first used: the start-up does not pay for it
    from qk3editor.publish.newsroom import NewsroomPublisher

log = logging.getLogger("qk3editor.publish.outbox")


class DeskSending:
    """Sends to a newsroom and syncs its returns (mixed into :class:`~.outbox.Outbox`)."""

    repo: PublishRepository
    secrets: SecretStore
    publisher_factory: PublisherFactory
    # each newsroom's sync connection, kept between runs: (url, user, secret), publisher
    _syncers: dict[str, tuple[tuple[str, str, str], NewsroomPublisher]]
    _syncers_lock: threading.Lock

    def _send_to_desk(
        self, job: Job, publisher: Publisher, report: ProgressFn, step: StepName
    ) -> str:
        """One attempt at a send to the newsroom (:mod:`.newsroom`)."""
        from qk3editor.publish.newsroom import NewsroomPublisher

        assert isinstance(publisher, NewsroomPublisher)

        def progress(name: str, done: int, total: int, detail: str) -> None:
            step.name = STEP_UPLOAD if name == "upload" else STEP_POST
            report(Progress(name, done, total, detail))

        return publisher.send(job, self.repo.store, self.repo, progress)

    def sync_newsrooms(self) -> list[str]:
        """The reporter's sync: each newsroom target's new returns come into the local store
        (comment and returned state); the ids of the articles returned. A newsroom out of
        reach is left for the next run (nothing is lost: the desk keeps its messages).

        A newsroom nothing was sent to is not asked (no connection, no keyring). The others
        keep their connection from one run to the next (it used to be opened and closed
        every minute: a TCP and login round trip each time); a failed sync drops it, and a
        changed address, user or password opens a new one. :meth:`close` closes them."""
        returned: list[str] = []
        for target in self.repo.targets():
            if target.kind is not TargetKind.NEWSROOM:
                continue
            sent = self.repo.remote_article_ids(target.name)
            if not sent:
                self._drop_syncer(target.name)
                continue
            try:
                publisher = self._syncer(target)
            except PublishError as exc:
                log.info("newsroom %s: no sync (%s)", target.name, exc.code)
                continue
            try:
                returned.extend(publisher.pull_returns(self.repo.store, self.repo, sent))
            except PublishError as exc:
                log.info("newsroom %s: no sync (%s)", target.name, exc.code)
                self._drop_syncer(target.name)
        return returned

    def _syncer(self, target: Target) -> NewsroomPublisher:
        """The newsroom's kept sync publisher (a new one when the target changed)."""
        from qk3editor.publish.newsroom import NewsroomPublisher

        secret = self.secrets.get(target.name, target.user)
        key = (target.url, target.user, secret)
        with self._syncers_lock:
            kept = self._syncers.get(target.name)
            if kept is not None and kept[0] == key:
                return kept[1]
        self._drop_syncer(target.name)
        publisher = self.publisher_factory(target, secret)
        if not isinstance(publisher, NewsroomPublisher):
            publisher.close()
            raise InvalidTarget(detail=target.name)
        publisher.keep_connection()
        # two syncs at once (the timer's and a person's) may both have made one: one is kept,
        # the other closed, so that no connection is left open and unreferenced
        with self._syncers_lock:
            kept = self._syncers.get(target.name)
            if kept is not None and kept[0] == key:
                spare, publisher = publisher, kept[1]
            else:
                spare = kept[1] if kept is not None else None
                self._syncers[target.name] = (key, publisher)
        if spare is not None:
            spare.close()
        return publisher

    def _drop_syncer(self, name: str) -> None:
        with self._syncers_lock:
            kept = self._syncers.pop(name, None)
        if kept is not None:
            kept[1].close()

    def close(self) -> None:
        """Close the newsrooms' kept sync connections (at quit; a later run opens again)."""
        with self._syncers_lock:
            names = list(self._syncers)
        for name in names:
            self._drop_syncer(name)
