"""Several editors on one store (issue 16): the open article's lease in the editor.

Opening an article asks for its lease on the ``db`` lane. Granted, the editor works as ever
and a heartbeat (the task runner's timer, every few seconds) keeps the lease alive; closing
the article or the window gives it back. Refused, a banner says who is editing it ("Đức Việt
đang sửa"), the fields turn read-only and follow that editor's saves as they arrive, and a
button takes the article over after asking for a reason (recorded). When the lease ends (given
back, expired, or a take-over of ours is taken over in turn) the banner follows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from qk3editor.core.articles import Article
from qk3editor.core.leases import HEARTBEAT_MS, Lease, LeaseResult
from qk3editor.core.tasks import Runner
from qk3editor.core.timezones import to_local
from qk3editor.storage.leases_repository import LeaseRepository
from qk3editor.ui.editor.controller import EditorController
from qk3editor.ui.editor.workspace import EditorWorkspace

RECHECK_MARGIN_MS = 1_000
log = logging.getLogger(__name__)


class LeaseBanner(QWidget):
    """ "Đức Việt is editing this article … [Take over…]" above the editor."""

    take_over = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaseBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#leaseBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
            " QLabel { color: #5c4400; padding: 4px; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("leaseText")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Take over…"), self)
        self.button.setObjectName("leaseTakeOver")
        self.button.setToolTip(
            self.tr("Edit this article yourself; the other editor's window turns read-only")
        )
        self.button.clicked.connect(self.take_over)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_holder(self, lease: Lease) -> None:
        since = to_local(lease.acquired_at).strftime("%H:%M")
        self.label.setText(
            self.tr(
                "{name} is editing this article (on {host}, since {since}). "
                "You see it read-only; it follows their saves."
            )
            .replace("{name}", lease.who)
            .replace("{host}", lease.host)
            .replace("{since}", since)
        )
        self.button.show()
        self.show()

    def show_taken(self, lease: Lease) -> None:
        self.label.setText(
            self.tr(
                "{name} took this article over; your window is read-only now. "
                "What you typed after their take-over was not saved."
            ).replace("{name}", lease.who)
        )
        self.button.show()
        self.show()


class LeaseController(QObject):
    """See the module docstring."""

    lost = Signal(object)  # article ids whose lease the heartbeat found gone (timer thread)
    lease_changed = Signal(str)  # an article whose lease this window took or lost (the library)

    def __init__(
        self,
        editor: EditorController,
        workspace: EditorWorkspace,
        leases: LeaseRepository,
        core: Runner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.workspace = workspace
        self.leases = leases
        self.ops = editor.ops
        self.banner = LeaseBanner(workspace)
        workspace.layout().insertWidget(0, self.banner)
        self.article_id: str | None = None  # the open article
        self.held: tuple[str, ...] = ()  # what we hold (read by the heartbeat thread)
        self.holder: Lease | None = None  # someone else's lease on the open article
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.timeout.connect(self.recheck)
        self.lost.connect(self._on_lost, Qt.ConnectionType.QueuedConnection)
        editor.opened.connect(self._on_opened)
        self.ops.bus.changed.connect(self._on_bus_changed)
        self.banner.take_over.connect(self.ask_take_over)
        core.every(HEARTBEAT_MS, self._beat)

    # -- opening and closing -----------------------------------------------------------------
    def _on_opened(self, article_id: str) -> None:
        if article_id == self.article_id or self.leases.store.read_only:
            return  # a store we may not write: nobody edits there, there is nothing to hold
        self.release_open()
        self.article_id = article_id
        self.holder = None
        if not self.editor.role_allows_edit():  # issue 16 roles: read-only, nothing to hold
            self._recheck.stop()
            self.banner.hide()
            return
        self._ask(article_id)

    def _ask(self, article_id: str, reason: str | None = None) -> None:
        leases = self.leases
        self.ops.run(
            lambda: leases.acquire(article_id, reason),
            on_done=lambda result: self._on_answer(article_id, result),
            on_error=self._on_ask_failed if reason is None else None,
        )

    def _on_ask_failed(self, exc: BaseException) -> None:
        """The lease could not be asked for (the store is away for a moment): the editor
        works as before leases; its own save errors say what is wrong."""
        log.warning("lease not taken: %s", exc)

    def _on_answer(self, article_id: str, result: LeaseResult) -> None:
        if result.replaced is not None:
            self.lease_changed.emit(article_id)
        if article_id != self.article_id:  # another article was opened meanwhile
            if result.granted:
                self._release(article_id)
            return
        if result.granted:
            was_read_only = self.editor.read_only
            self.held = (article_id,)
            self.holder = None
            self._recheck.stop()
            self.banner.hide()
            self._set_read_only(False)
            if was_read_only:
                self._reload()  # what the other editor saved last is where we go on
            return
        self._show_holder(result.lease)

    def _show_holder(self, lease: Lease) -> None:
        self.holder = lease
        self.held = ()
        self._set_read_only(True)
        self.banner.show_holder(lease)
        self._schedule_recheck(lease)

    def _schedule_recheck(self, lease: Lease) -> None:
        """Ask again once the holder's lease would expire without a heartbeat (their app
        died): a deadline, not polling; a release or take-over arrives at once as news."""
        span = (lease.expires_at - lease.heartbeat_at).total_seconds() * 1000
        self._recheck.start(max(1_000, int(span)) + RECHECK_MARGIN_MS)

    def recheck(self) -> None:
        if self.article_id is not None and self.article_id not in self.held:
            self._ask(self.article_id)

    def release_open(self) -> None:
        """Give back the open article's lease (another article opened, the window closed)."""
        self._recheck.stop()
        for article_id in self.held:
            self._release(article_id)
        self.held = ()

    def _release(self, article_id: str) -> None:
        leases = self.leases
        self.ops.run(lambda: leases.release(article_id), on_error=lambda _e: None)

    # -- taking over -------------------------------------------------------------------------
    def ask_take_over(self) -> None:
        if self.article_id is None:
            return
        name = self.holder.who if self.holder is not None else ""
        reason, ok = QInputDialog.getText(
            self.workspace,
            self.tr("Take over the article"),
            self.tr("{name} will see that you took it over, and why. Reason:").replace(
                "{name}", name
            ),
        )
        if ok and reason.strip():
            self.take_over(reason.strip())

    def take_over(self, reason: str) -> None:
        if self.article_id is not None:
            self._ask(self.article_id, reason)

    # -- news from the store and the heartbeat -----------------------------------------------
    def _beat(self) -> None:
        """On the timer thread: renew what we hold; a lease found gone is news."""
        held = self.held
        if not held:
            return
        try:
            lost = self.leases.renew(held)
        except Exception:  # the server is away for a moment: the next beat tries again
            return
        if lost:
            self.lost.emit(lost)

    def _on_lost(self, ids: list[str]) -> None:
        if self.article_id not in ids or self.article_id not in self.held:
            return
        self.held = ()
        article_id, leases = self.article_id, self.leases
        self.ops.query(
            lambda: leases.current(article_id), lambda lease: self._on_taken(article_id, lease)
        )

    def _on_taken(self, article_id: str, lease: Lease | None) -> None:
        if article_id != self.article_id:
            return
        if lease is None:  # gone but nobody holds it (the article was reset): ask again
            self._ask(article_id)
            return
        self._show_holder(lease)
        self.banner.show_taken(lease)
        self.lease_changed.emit(article_id)
        self._reload()

    def _on_bus_changed(self, kind: str, ids: tuple[object, ...]) -> None:
        if self.article_id is None or self.article_id not in ids:
            return
        if kind == "lease":
            if self.article_id in self.held:
                self._beat_now()
            else:
                self.recheck()
        elif kind == "article" and self.editor.read_only and self.ops.bus.remote:
            self._reload()

    def resync(self) -> None:
        """After the live updates reconnected: what happened meanwhile is unknown."""
        if self.article_id is None:
            return
        if self.article_id in self.held:
            self._beat_now()
        else:
            self.recheck()
            self._reload()

    def _beat_now(self) -> None:
        held, leases = self.held, self.leases
        self.ops.query(lambda: leases.renew(held), lambda lost: lost and self._on_lost(lost))

    # -- the editor's fields -----------------------------------------------------------------
    def _reload(self) -> None:
        """Show the stored article (the holder's saves) in the read-only fields."""
        article_id, articles = self.article_id, self.editor.articles
        if article_id is None:
            return
        self.ops.query(lambda: articles.get(article_id), self._show_stored, key="lease-reload")

    def _show_stored(self, article: Article) -> None:
        if article.id != self.article_id:
            return
        view = self.editor.view
        scroll = view.body.verticalScrollBar().value()
        view.show_fields(
            article.title,
            article.lead,
            article.category or "",
            article.byline,
            ", ".join(article.tags),
            article.body,
        )
        view.body.verticalScrollBar().setValue(scroll)
        self.editor.article = article
        self.editor._show_status(article)

    def _set_read_only(self, on: bool) -> None:
        on = on or not self.editor.role_allows_edit()  # the role's read-only stays (ui/roles)
        self.editor.read_only = on
        view = self.editor.view
        for w in (view.title, view.byline, view.tags):
            w.setReadOnly(on)
        for w in (view.lead, view.body):
            w.setReadOnly(on)
        view.category.setEnabled(not on)
        self.workspace.formatting.setEnabled(not on)
