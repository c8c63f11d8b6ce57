"""Which of the library's rows somebody else is editing (issue 16): the "held" mark.

When the model reads a page of rows (``LibraryModel.rows_read``, at most ``CHUNK`` ids) the
leases of those ids are read off the GUI thread (:meth:`LeaseRepository.holders`, one indexed
``IN`` query) and the title cell shows a pencil with a tooltip "Đức Việt đang sửa (trên máy
…, từ 16:39)". The cost follows the page, never the store. The marks follow:

- a lease taken, given back or taken over by another process (PostgreSQL ``NOTIFY``, the
  ``lease`` change on the bus) re-reads those ids if a page shows them;
- this window's own take-over (``LeaseController.lease_changed``) re-reads that id;
- a holder whose app died sends nothing: each mark is read again once its lease would have
  expired without a heartbeat (a deadline, not polling; a live holder's renewed lease is
  found and the next deadline set).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from qk3editor.core.leases import Lease
from qk3editor.core.timezones import local_text

if TYPE_CHECKING:
    from qk3editor.storage.leases_repository import LeaseRepository
    from qk3editor.ui.library.model import LibraryModel
    from qk3editor.ui.operations import Operations

RECHECK_MARGIN_MS = 1_000
log = logging.getLogger(__name__)
_icon: list[QIcon] = []  # built once, when a held row is first painted


def held_icon() -> QIcon:
    """A pencil on an amber disc (the lease banner's colours), drawn: no icon theme needed."""
    if not _icon:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor("#c08a00"))
        p.setBrush(QColor("#ffd54f"))
        p.drawEllipse(QRectF(1, 1, 30, 30))
        font = QFont()
        font.setPixelSize(22)
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#5c4400"))
        p.drawText(QRectF(0, 0, 32, 32), Qt.AlignmentFlag.AlignCenter, "✎")
        p.end()
        _icon.append(QIcon(pixmap))
    return _icon[0]


def held_text(lease: Lease) -> str:
    """ "Đức Việt đang sửa (trên máy bientap-02, từ 16:39)"."""
    since = local_text(lease.acquired_at, "%H:%M")
    return (
        QCoreApplication.translate("LibraryModel", "{name} is editing (on {host}, since {since})")
        .replace("{name}", lease.who)
        .replace("{host}", lease.host)
        .replace("{since}", since)
    )


class LibraryHolds(QObject):
    """See the module docstring."""

    def __init__(
        self,
        model: LibraryModel,
        leases: LeaseRepository,
        ops: Operations,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.leases = leases
        self.ops = ops
        self.reads = 0  # hold reads asked for (tests check they follow the pages)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self.recheck)
        self.setObjectName("libraryHolds")
        model.rows_read.connect(self.read)
        ops.bus.changed.connect(self._on_changed)
        self.read(model.loaded_ids())  # rows shown before we listened

    def read(self, ids: Sequence[str]) -> None:
        """Read the leases of ``ids`` on the ``db`` lane; the model shows them when they come."""
        ids = list(ids)
        if not ids:
            return
        self.reads += 1
        leases = self.leases
        self.ops.query(
            lambda: leases.holders(ids),
            lambda found: self._show(ids, found),
            on_error=lambda exc: log.warning("leases not read: %s", exc),
        )

    def recheck(self) -> None:
        """Read the marked rows' leases again (one has reached its expiry)."""
        self.read(self.model.held_ids())

    def _show(self, ids: list[str], found: Mapping[str, Lease]) -> None:
        self.model.set_holders(ids, found)
        spans = [
            (lease.expires_at - lease.heartbeat_at).total_seconds() * 1000
            for i in self.model.held_ids()
            if (lease := self.model.holder(i)) is not None
        ]
        if spans:
            self._deadline.start(int(min(spans)) + RECHECK_MARGIN_MS)
        else:
            self._deadline.stop()

    def _on_changed(self, kind: str, ids: tuple[object, ...]) -> None:
        if kind == "lease":
            self.read([i for i in ids if isinstance(i, str) and self.model.loaded_row(i) >= 0])

    def on_lease_changed(self, article_id: str) -> None:
        """This window took a lease (or found it taken): that row's mark is read again."""
        if self.model.loaded_row(article_id) >= 0:
            self.read([article_id])
