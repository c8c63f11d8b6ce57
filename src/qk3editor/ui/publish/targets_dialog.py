"""Publish targets: list, add (secret to the keyring), test, remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qk3editor.core.i18n import Translator
from qk3editor.core.publish_data import (
    FeaturedPlacement,
    LeadPlacement,
    PortalProfile,
    Target,
    TargetKind,
    default_profile,
)
from qk3editor.publish.errors import UntrustedApiRoot
from qk3editor.publish.service import PublishServices
from qk3editor.ui.operations import Operations

Index = QModelIndex | QPersistentModelIndex


class TargetsModel(QAbstractListModel):
    def __init__(self, services: PublishServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[Target] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._services.repo.targets()
        self.endResetModel()

    def targets(self) -> list[Target]:
        """The targets as last read (their portal profiles included)."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{t.name} — {t.kind.value} — {t.url} ({t.user})"
        if role == Qt.ItemDataRole.UserRole:
            return t.name
        return None


class TargetsDialog(QDialog):
    """Add and remove are operations (the keyring is never called on the GUI thread)."""

    def __init__(
        self,
        services: PublishServices,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish targets"))
        self.services = services
        self.ops = ops
        self.runner = ops.runner
        self.translator: Translator | None = ops.translator
        self.model = TargetsModel(services, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItem("WordPress", "wordpress")
        self.kind.addItem(self.tr("Portal (ninjs push)"), "ninjs")
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://")
        self.user = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password (Application Password)"), self.secret)
        self.lead_place = QComboBox(self)
        self.lead_place.addItem(self.tr("Bold first paragraph and excerpt"), "both")
        self.lead_place.addItem(self.tr("Bold first paragraph only"), "content")
        self.lead_place.addItem(self.tr("Excerpt only (the theme prints it)"), "excerpt")
        self.featured_place = QComboBox(self)
        self.featured_place.addItem(
            self.tr("Featured image and first figure with caption"), "image+figure"
        )
        self.featured_place.addItem(
            self.tr("Featured image only (the theme shows its caption)"), "image"
        )
        form.addRow(self.tr("Lead on the portal"), self.lead_place)
        form.addRow(self.tr("Featured photo on the portal"), self.featured_place)
        self.kind.currentIndexChanged.connect(self._kind_defaults)
        self._kind_defaults()
        self.profile_button = QPushButton(self.tr("Save portal profile"), self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.profile_button, self.test_button, self.remove_button):
            buttons.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.profile_button.clicked.connect(self._on_profile_clicked)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._show_profile())
        ops.bus.changed.connect(self._on_bus_changed)
        self.last_message = ""

    def _on_bus_changed(self, kind: str, _ids: tuple[object, ...]) -> None:
        if kind == "target":
            self.model.reload()

    # -- portal profile (issue 9) --------------------------------------------------------------
    def _set_profile_fields(self, profile: PortalProfile) -> None:
        self.lead_place.setCurrentIndex(self.lead_place.findData(profile.lead.value))
        self.featured_place.setCurrentIndex(self.featured_place.findData(profile.featured.value))

    def _kind_defaults(self) -> None:
        self._set_profile_fields(default_profile(TargetKind(str(self.kind.currentData()))))

    def profile_fields(self) -> PortalProfile:
        return PortalProfile(
            LeadPlacement(str(self.lead_place.currentData())),
            FeaturedPlacement(str(self.featured_place.currentData())),
        )

    def _show_profile(self) -> None:
        name = self._selected()
        if name is None:
            return
        found = next((t for t in self.model.targets() if t.name == name), None)
        if found is not None:
            self._set_profile_fields(found.profile)

    def _on_profile_clicked(self) -> None:
        name = self._selected()
        if name is None:
            return
        services, profile = self.services, self.profile_fields()
        self.ops.run(
            lambda: services.set_profile(name, profile),
            changes=lambda target: [("target", [target.name])],
            on_error=self._on_error,
        )

    def _selected(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _say(self, text: str, warning: bool = False) -> None:
        self.last_message = text
        box = QMessageBox.warning if warning else QMessageBox.information
        box(self, self.windowTitle(), text)

    def ask_without_keyring(self) -> bool:
        """No keyring: say so and ask. True = keep the password for this session only."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("No keyring"))
        box.setText(
            self.tr(
                "This computer has no system keyring, so the password cannot be saved safely. "
                "qk3editor never writes passwords in plain text."
            )
        )
        session = box.addButton(self.tr("Keep it until I quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is session

    def _on_add_clicked(self) -> None:
        """Ask the keyring (db lane) whether it can keep the password, then add the target."""
        fields = (
            self.name.text(),
            str(self.kind.currentData()),
            self.url.text(),
            self.user.text(),
            self.secret.text(),
        )
        self.ops.query(
            self.services.secrets.available,
            lambda available: self._add(fields, bool(available)),
            self._on_error,
        )

    def _add(self, fields: tuple[str, str, str, str, str], keyring_available: bool) -> None:
        session_only = False
        if not keyring_available:
            session_only = self.ask_without_keyring()
            if not session_only:
                return
        services = self.services
        profile = {"profile": self.profile_fields().to_json()}
        self.ops.run(
            lambda: services.add_target(*fields, options=profile, session_only=session_only),
            changes=lambda target: [("target", [target.name])],
            on_done=lambda _t: self.secret.clear(),
            on_error=self._on_error,
        )

    def ask_trust_api_root(self, root: str) -> bool:
        """The site names its API on another address: ask before the password goes there."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "The site names its WordPress API at another address:\n%1\n\n"
                "Send the password to this address from now on? Choose No unless you know "
                "the site is served from there."
            ).replace("%1", root),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_test_clicked(self) -> None:
        name = self._selected()
        if name is not None:
            self.test_target(name)

    def test_target(self, name: str) -> None:
        """Log in to ``name`` (io lane); a foreign API root is trusted only when asked."""

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UntrustedApiRoot) and self.ask_trust_api_root(exc.root):
                services, root = self.services, exc.root  # stored with the target (db lane)
                self.ops.run(
                    lambda: services.trust_api_root(name, root),
                    changes=[("target", [name])],
                    on_done=lambda _r: self.test_target(name),  # the list was read again
                    on_error=self._on_error,
                )
                return
            self._on_error(exc)

        self.runner.submit(
            "io",
            lambda: self.services.outbox.test_target(name),
            lambda who: self._say(self.tr("The login works: %1").replace("%1", str(who))),
            failed,
        )

    def _on_remove_clicked(self) -> None:
        name = self._selected()
        if name is None:
            return
        services = self.services
        self.ops.run(
            lambda: services.remove_target(name),
            changes=[("target", [name])],
            on_error=self._on_error,
        )

    def _on_error(self, exc: BaseException) -> None:
        self._say(self.ops.describe(exc), warning=True)
