"""The publish dialog: what will be sent (title, target, status, the date readers see, each
photo with its thumbnail and caption, the preflight's findings), the choices, then each step
with progress and the result. :mod:`qk3editor.ui.publish.controller` runs the flow."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.articles import Article
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, Translator
from qk3editor.core.preflight import (
    PreflightFinding,
    PreflightSeverity,
)
from qk3editor.core.publish_data import (
    PublishPhoto,
    PublishStatus,
    publication_date,
)
from qk3editor.core.render import portal_date
from qk3editor.core.timezones import from_local_naive, to_local
from qk3editor.publish.outbox import Progress

STEP_LABELS = {
    "connect": QT_TRANSLATE_NOOP("Publish", "Connecting"),
    "rendition": QT_TRANSLATE_NOOP("Publish", "Web rendition"),
    "upload": QT_TRANSLATE_NOOP("Publish", "Photo upload"),
    "post": QT_TRANSLATE_NOOP("Publish", "Article"),
    "retry": QT_TRANSLATE_NOOP("Publish", "Retrying"),
    "done": QT_TRANSLATE_NOOP("Publish", "Done"),
}
STATUS_LABELS = {
    PublishStatus.PUBLISH: QT_TRANSLATE_NOOP("Publish", "Publish now"),
    PublishStatus.DRAFT: QT_TRANSLATE_NOOP("Publish", "Draft on the site"),
    PublishStatus.PENDING: QT_TRANSLATE_NOOP("Publish", "Pending review"),
    PublishStatus.FUTURE: QT_TRANSLATE_NOOP("Publish", "Scheduled"),
}
SCHEDULE_DEFAULT_AHEAD = timedelta(hours=1)


def tr(text: str) -> str:
    return QCoreApplication.translate("Publish", text)


def _thumbnail(path: str) -> QPixmap:
    """A small picture of the photo, decoded at that size (a 24 MP file stays quick)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0:
        reader.setScaledSize(size.scaled(QSize(96, 64), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


def _link_html(url: str) -> str:
    """The site's answer as a clickable link; escaped, since the server chose the text."""
    safe = html.escape(url, quote=True)
    return f'<a href="{safe}">{safe}</a>'


class PublishDialog(QDialog):
    """Choose target and status, then watch the steps."""

    def __init__(
        self,
        targets: list[str],
        parent: QWidget | None = None,
        article: Article | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        photos: Sequence[PublishPhoto] = (),
        findings: Sequence[PreflightFinding] = (),
        first_published: Callable[[str], datetime | None] = lambda _t: None,
        translator: Translator | None = None,
    ) -> None:
        super().__init__(parent)
        self.article = article  # the snapshot that is published (what the editor showed)
        self.now = now
        self.photos = list(photos)
        self.findings = list(findings)
        self.first_published = first_published
        self.setWindowTitle(self.tr("Publish"))
        self.target = QComboBox(self)
        self.target.addItems(targets)
        self.status = QComboBox(self)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(tr(label), status.value)
        # "Scheduled": the time is typed in Vietnam time (Asia/Ho_Chi_Minh) and sent in UTC
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.set_local_time(to_local(now() + SCHEDULE_DEFAULT_AHEAD).replace(second=0))
        self.when_label = QLabel(self.tr("Time (Vietnam)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.when_label, self.when)
        self.status.currentIndexChanged.connect(self._status_changed)
        # what will be sent (issue 9): title, date by the one rule, each photo, the findings
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setText(html.escape(article.title) if article else "")
        self.date_label = QLabel(self)
        form.addRow(self.tr("Title"), self.title_label)
        form.addRow(self.tr("Date readers see"), self.date_label)
        self.photo_list = QListWidget(self)
        self.photo_list.setIconSize(QSize(96, 64))
        self.photo_list.setMaximumHeight(150)
        for number, photo in enumerate(self.photos, start=1):
            credit = (
                f" ({self.tr('Photo: %1').replace('%1', photo.credit)})" if photo.credit else ""
            )
            item = QListWidgetItem(f"{number}. {photo.caption or '—'}{credit}")
            item.setIcon(QIcon(_thumbnail(photo.source)))
            self.photo_list.addItem(item)
        self.findings_list = QListWidget(self)
        self.findings_list.setMaximumHeight(120)
        for f in self.findings:
            mark = "✗" if f.severity is PreflightSeverity.ERROR else "!"
            self.findings_list.addItem(f"{mark} {f.message(QCoreApplication.translate)}")
        self.blocking = [f for f in self.findings if f.severity is PreflightSeverity.ERROR]
        self.force = QCheckBox(self.tr("Publish anyway (recorded with your name)"), self)
        self.force.setVisible(bool(self.blocking))
        self.target.currentIndexChanged.connect(self._show_date)
        self._status_changed()
        self.steps = QListWidget(self)
        self.bar = QProgressBar(self)
        self.result = QLabel(self)
        self.result.setOpenExternalLinks(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.preview_button = self.buttons.addButton(
            self.tr("Preview on the portal"), QDialogButtonBox.ButtonRole.ActionRole
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.photos:
            layout.addWidget(QLabel(self.tr("Photos"), self))
            layout.addWidget(self.photo_list)
        if self.findings:
            layout.addWidget(QLabel(self.tr("Preflight"), self))
            layout.addWidget(self.findings_list)
            layout.addWidget(self.force)
        layout.addWidget(self.steps)
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    def _status_changed(self) -> None:
        scheduled = self.chosen_status() is PublishStatus.FUTURE
        self.when.setEnabled(scheduled)
        self.when_label.setEnabled(scheduled)
        self._show_date()

    def shown_date(self) -> datetime:
        """The date readers will see (core.publish_data.publication_date)."""
        return publication_date(
            self.chosen_status(),
            self.publish_at(),
            self.first_published(self.target.currentText()),
            self.now(),
        )

    def _show_date(self) -> None:
        if not hasattr(self, "date_label"):
            return
        when = self.shown_date()
        self.date_label.setText(f"{portal_date(when)} {to_local(when):%H:%M}")

    def forced(self) -> bool:
        """Blocking findings and the person ticked "Publish anyway"."""
        return bool(self.blocking) and self.force.isChecked()

    def blocked(self) -> bool:
        return bool(self.blocking) and not self.force.isChecked()

    def chosen_status(self) -> PublishStatus:
        return PublishStatus(self.status.currentData())

    def set_local_time(self, value: datetime) -> None:
        """Show a wall-clock time of Vietnam (naive, or aware in any zone)."""
        if value.tzinfo is not None:
            value = to_local(value)
        self.when.setDateTime(
            QDateTime(
                QDate(value.year, value.month, value.day),
                QTime(value.hour, value.minute),
            )
        )

    def publish_at(self) -> datetime | None:
        """The scheduled time in UTC (None unless "Scheduled" is chosen)."""
        if self.chosen_status() is not PublishStatus.FUTURE:
            return None
        d, t = self.when.date(), self.when.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return from_local_naive(local)

    def schedule_problem(self) -> str | None:
        """Why the chosen time cannot be used (translated), or None."""
        when = self.publish_at()
        if when is not None and when <= self.now():
            return self.tr("The scheduled time has already passed: choose a time in the future")
        return None

    def show_progress(self, p: Progress) -> None:
        label = tr(STEP_LABELS.get(p.step, p.step))
        self.steps.addItem(f"{label} {p.done}/{p.total} {p.detail}".strip())
        self.steps.scrollToBottom()
        if p.step in ("upload", "post") and p.total:
            self.bar.setMaximum(p.total)
            self.bar.setValue(p.done)
