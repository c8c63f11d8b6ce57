"""The preferences pages, one class per area (as Picard does). Each page shows the current
settings and applies a change at once through ``ctx.update_settings`` (no OK button)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.settings import Settings


class PreferencesPage(QWidget):
    """A page: ``title()``, ``load(settings)``, and changes applied through ``_apply``."""

    key = ""

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self._loading = False
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.footer = QVBoxLayout()
        layout.addLayout(self.footer)
        layout.addStretch(1)

    def title(self) -> str:
        raise NotImplementedError

    def load(self, settings: Settings) -> None:
        """Show ``settings`` (without applying anything)."""

    def _apply(self, **changes: Any) -> None:
        if self._loading:
            return
        self.ctx.update_settings(self.ctx.settings.with_changes(**changes))

    def _note(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.footer.addWidget(label)
        return label

    def reload(self) -> None:
        self._loading = True
        try:
            self.load(self.ctx.settings)
        finally:
            self._loading = False


class MePage(PreferencesPage):
    key = "me"

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(ctx, parent, runner)
        self.name = QLineEdit(self)
        self.byline = QLineEdit(self)
        self.credit = QLineEdit(self)
        self.form.addRow(self.tr("Your name"), self.name)
        self.form.addRow(self.tr("Byline of new articles"), self.byline)
        self.form.addRow(self.tr("Photo credit"), self.credit)
        self._note(
            self.tr(
                "Your name is recorded on every change you make (workflow moves, revisions, "
                "the location choice of a photo)."
            )
        )
        self._note(
            self.tr(
                "Your photo credit goes to every photo you import or caption that has no credit "
                "of its own, and is {credit} in caption templates."
            )
        )
        self.name.editingFinished.connect(lambda: self._apply(user_name=self.name.text().strip()))
        self.byline.editingFinished.connect(lambda: self._apply(byline=self.byline.text().strip()))
        self.credit.editingFinished.connect(
            lambda: self._apply(photo_credit=self.credit.text().strip())
        )
        self.reload()

    def title(self) -> str:
        return self.tr("Me")

    def load(self, settings: Settings) -> None:
        self.name.setText(settings.user_name)
        who = settings.who
        self.name.setPlaceholderText(who if who != "?" else "")  # the OS account, if known
        self.byline.setText(settings.byline)
        self.credit.setText(settings.photo_credit)


class TextPage(PreferencesPage):
    key = "text"

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(ctx, parent, runner)
        self.tone = QComboBox(self)
        self.tone.addItem(self.tr("Old style (hòa, thủy)"), "old")
        self.tone.addItem(self.tr("New style (hoà, thuỷ)"), "new")
        self.lead = QSpinBox(self)
        self.lead.setRange(10, 500)
        self.lead.setSuffix(self.tr(" words"))
        self.checks = QCheckBox(self.tr("Underline findings as I type"), self)
        self.form.addRow(self.tr("House tone style"), self.tone)
        self.form.addRow(self.tr("Longest lead (sapo)"), self.lead)
        self.form.addRow(self.tr("Vietnamese checks"), self.checks)
        self.tone.currentIndexChanged.connect(
            lambda _i: self._apply(tone_style=str(self.tone.currentData()))
        )
        self.lead.valueChanged.connect(lambda v: self._apply(lead_max_words=int(v)))
        self.checks.toggled.connect(lambda on: self._apply(checks_enabled=bool(on)))
        self.reload()

    def title(self) -> str:
        return self.tr("Text")

    def load(self, settings: Settings) -> None:
        self.tone.setCurrentIndex(max(0, self.tone.findData(settings.tone_style)))
        self.lead.setValue(settings.lead_max_words)
        self.checks.setChecked(settings.checks_enabled)


class PhotosPage(PreferencesPage):
    key = "photos"

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(ctx, parent, runner)
        self.edge = QSpinBox(self)
        self.edge.setRange(320, 8000)
        self.edge.setSingleStep(100)
        self.edge.setSuffix(" px")
        self.quality = QSpinBox(self)
        self.quality.setRange(10, 100)
        self.codes = QLineEdit(self)
        self.codes.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"), self)
        codes_row = QHBoxLayout()
        codes_row.addWidget(self.codes, 1)
        codes_row.addWidget(choose)
        self.form.addRow(self.tr("Web photos: long edge"), self.edge)
        self.form.addRow(self.tr("Web photos: JPEG quality"), self.quality)
        self.form.addRow(self.tr("Caption codes file"), codes_row)
        self.location = QComboBox(self)
        self.location.addItem(self.tr("Always remove it (recommended)"), "strip")
        self.location.addItem(
            self.tr("Keep it where a person chose to, photo by photo"), "per_photo"
        )
        self.form.addRow(self.tr("Location in web photos"), self.location)
        self._note(
            self.tr(
                "Location: web photos never carry GPS or place fields unless a person chose to "
                "keep them for that photo (photo desk › Location…, or qk3editor photos "
                "location), and only while this is set to keep them photo by photo."
            )
        )
        self._note(
            self.tr(
                "Caption templates use {date} {city} {creator} {credit} {filename} {seq}; codes "
                "such as =thai= expand as you type. A codes file has one code and its text per "
                "line, separated by a tab."
            )
        )
        self.location.currentIndexChanged.connect(
            lambda _i: self._apply(location_policy=str(self.location.currentData()))
        )
        self.edge.valueChanged.connect(lambda v: self._apply(rendition_long_edge=int(v)))
        self.quality.valueChanged.connect(lambda v: self._apply(rendition_quality=int(v)))
        choose.clicked.connect(self._choose_codes)
        self.reload()

    def title(self) -> str:
        return self.tr("Photos")

    def load(self, settings: Settings) -> None:
        self.edge.setValue(settings.rendition_long_edge)
        self.quality.setValue(settings.rendition_quality)
        self.location.setCurrentIndex(max(0, self.location.findData(settings.location_policy)))
        self.codes.setText(str((settings.extra or {}).get("photo_codes_file", "")))

    def set_codes_file(self, path: str) -> None:
        extra = dict(self.ctx.settings.extra or {})
        extra["photo_codes_file"] = path
        self.codes.setText(path)
        self._apply(extra=extra)

    def _choose_codes(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Caption codes file"), "", self.tr("Codes (*.tsv *.txt);;All (*)")
        )
        if path:
            self.set_codes_file(path)


class PortalsPage(PreferencesPage):
    key = "portals"

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(ctx, parent, runner)
        from qk3editor.ui.publish.targets_panel import TargetsPanel

        self.panel = TargetsPanel(ctx.publishing, runner, self)  # runner: the Operations
        self.panel.offer_local_portal(ctx.paths.data_dir / "portal")
        self.form.addRow(self.panel)

    def title(self) -> str:
        return self.tr("Portals")


class LanguagePage(PreferencesPage):
    key = "language"

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(ctx, parent, runner)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.form.addRow(self.tr("Language of the interface"), self.language)
        self._note(
            self.tr(
                "The new language applies at once: the window is rebuilt in it, with your "
                "open article and its unsaved text kept."
            )
        )
        self.language.currentIndexChanged.connect(
            lambda _i: self._apply(language=str(self.language.currentData()))
        )
        self.reload()

    def title(self) -> str:
        return self.tr("Language")

    def load(self, settings: Settings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))


class StorePage(PreferencesPage):
    key = "store"

    def __init__(self, ctx: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(ctx, parent, runner)
        self.where = QLineEdit(self)
        self.where.setReadOnly(True)
        self.data_dir = QLineEdit(self)
        self.data_dir.setReadOnly(True)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.open_button = QPushButton(self.tr("Open the data folder"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.form.addRow(self.tr("Store"), self.where)
        self.form.addRow(self.tr("Data folder"), self.data_dir)
        self.form.addRow(buttons)
        self.result = self._note("")
        self._note(
            self.tr(
                "Another store is opened with --store PATH|URL (a SQLite file, or a shared "
                "PostgreSQL server)."
            )
        )
        self.backup_button.clicked.connect(self.back_up)
        self.open_button.clicked.connect(self.open_folder)
        self.where.setText(self.store_location())
        self.data_dir.setText(str(ctx.paths.data_dir))
        self.backup_button.setEnabled(self.store_file() is not None)

    def title(self) -> str:
        return self.tr("Store")

    def store_file(self) -> Path | None:
        url = self.ctx.store.url
        prefix = "sqlite:///"
        return Path(url[len(prefix) :]) if url.startswith(prefix) else None

    def store_location(self) -> str:
        path = self.store_file()
        if path is not None:
            return str(path)
        from sqlalchemy.engine import make_url

        return make_url(self.ctx.store.url).render_as_string(hide_password=True)

    def back_up(self) -> Path | None:
        from qk3editor.storage.db import backup_sqlite

        path = self.store_file()
        if path is None:
            return None
        made = backup_sqlite(path, self.ctx.paths.backups_dir)
        self.result.setText(self.tr("Backed up to %1").replace("%1", str(made)))
        return made

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.data_dir)))


PAGES: tuple[type[PreferencesPage], ...] = (
    MePage,
    TextPage,
    PhotosPage,
    PortalsPage,
    LanguagePage,
    StorePage,
)
