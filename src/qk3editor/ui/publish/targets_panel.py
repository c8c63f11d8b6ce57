"""The publish targets panel (the window's Targets dialog and the preferences' Portals page):
add (login checked first; secret to the keyring or the encrypted file), edit, test, remove.
Every change is an operation (the keyring is never called on the GUI thread)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from qk3editor.ui.publish.targets_model import TargetsModel


class TargetsPanel(QWidget):
    """The list of targets with a form to add, edit, test and remove them."""

    def __init__(
        self,
        services: PublishServices,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
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
        # issue 16: the desk's shared PostgreSQL store (postgresql+psycopg://USER@HOST:PORT/DB)
        self.kind.addItem(self.tr("Newsroom (send to the desk)"), "newsroom")
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
            self.tr("First figure with caption (not the featured image)"), "figure"
        )
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
        self.check = QCheckBox(self.tr("Check the login before saving"), self)
        self.check.setChecked(True)
        self.check.setToolTip(self.tr("Untick to add a target while offline"))
        form.addRow("", self.check)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.save_button.setEnabled(False)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.save_button,
            self.profile_button,
            self.test_button,
            self.remove_button,
        ):
            buttons.addWidget(b)
        self.local_button = QPushButton(self.tr("Fill in a test portal on this computer"), self)
        self.local_button.setToolTip(
            self.tr("Starts the reference portal on 127.0.0.1, to try publishing without a server")
        )
        self.local_button.hide()  # offered where the app knows its data folder
        self.local_portal_folder: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.local_button)
        self.local_button.clicked.connect(self.fill_local_portal)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._fill_from_selected())
        self.save_button.clicked.connect(self._on_save_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.profile_button.clicked.connect(self._on_profile_clicked)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._show_profile())
        ops.bus.changed.connect(self._on_bus_changed)
        self.last_message = ""

    def _on_bus_changed(self, kind: str, _ids: tuple[object, ...]) -> None:
        if kind == "target":
            selected = self._selected()
            self.model.reload()
            if selected is not None:
                self.select(selected)

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
        found = self._selected_target()
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

    def _selected_target(self) -> Target | None:
        """The selected target as the model last read it (no query on the GUI thread)."""
        name = self._selected()
        if name is None:
            return None
        return next((t for t in self.model.targets() if t.name == name), None)

    def _selected(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _say(self, text: str, warning: bool = False) -> None:
        self.last_message = text
        box = QMessageBox.warning if warning else QMessageBox.information
        box(self, self.tr("Publish targets"), text)

    # -- the test portal ----------------------------------------------------------------------
    def offer_local_portal(self, folder: Any) -> None:
        """Offer the test portal (kept in ``folder``, e.g. the data folder's ``portal``)."""
        self.local_portal_folder = folder
        self.local_button.show()

    def fill_local_portal(self) -> None:
        """Start the test portal and fill the form with it; the person clicks Add."""
        from qk3editor.ui.publish.local_portal import start_local_portal

        try:
            portal = start_local_portal(self.local_portal_folder)
        except OSError as exc:
            self._say(self.tr("The test portal cannot start: %1").replace("%1", str(exc)), True)
            return
        self.list.clearSelection()
        self.list.setCurrentIndex(QModelIndex())
        self.save_button.setEnabled(False)
        self.name.setText(self.tr("test-portal"))
        self.kind.setCurrentIndex(self.kind.findData("ninjs"))
        self.url.setText(portal.url)
        self.user.setText(portal.user)
        self.secret.setPlaceholderText("")
        self.secret.setText(portal.secret)
        self.check.setChecked(True)

    # -- editing ------------------------------------------------------------------------------
    def select(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentIndex(index)
                return

    def _fill_from_selected(self) -> None:
        """The selected target in the form, to be changed and saved (the password stays empty:
        typed only to change it)."""
        target = self._selected_target()
        self.save_button.setEnabled(target is not None)
        if target is None:
            return
        self.name.setText(target.name)
        self.kind.setCurrentIndex(self.kind.findData(target.kind.value))
        self.url.setText(target.url)
        self.user.setText(target.user)
        self.secret.clear()
        self.secret.setPlaceholderText(self.tr("unchanged"))

    def _allow_passphrase(self) -> None:
        prompt = getattr(self.services.secrets, "passphrase", None)
        if hasattr(prompt, "allow_again"):
            prompt.allow_again()  # type: ignore[union-attr]

    def _where_to_keep(self, system_keyring: bool) -> bool | None:
        """Where a new password goes: False = on disk (keyring or the encrypted file),
        True = memory until quitting, None = the person cancelled."""
        if system_keyring:
            return False
        file = getattr(self.services.secrets, "file", None)
        if file is not None and (file.exists() or file.unlocked):
            self._allow_passphrase()
            return False
        choice = self.ask_without_keyring()
        if choice == "file":
            self._allow_passphrase()
            return False
        return True if choice else None

    def ask_without_keyring(self) -> bool | str:
        """No keyring: say so and ask. "file" = the encrypted file (a passphrase is asked),
        True = keep the password for this session only, False = cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("No keyring"))
        box.setText(
            self.tr(
                "This computer has no system keyring. qk3editor never writes passwords in plain "
                "text: it can keep them in a file encrypted with a passphrase of your choice, "
                "or only in memory until you quit."
            )
        )
        encrypted = None
        if getattr(self.services.secrets, "file", None) is not None:
            encrypted = box.addButton(
                self.tr("Keep it in an encrypted file…"), QMessageBox.ButtonRole.AcceptRole
            )
        session = box.addButton(self.tr("Keep it until I quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if encrypted is not None and box.clickedButton() is encrypted:
            return "file"
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
            self.services.secrets.system_available,
            lambda available: self._add(fields, bool(available)),
            self._on_error,
        )

    def _add(self, fields: tuple[str, str, str, str, str], system_keyring: bool) -> None:
        keep = self._where_to_keep(system_keyring)
        if keep is None:
            return
        services, check = self.services, self.check.isChecked()
        profile = {"profile": self.profile_fields().to_json()}
        self.ops.run(
            lambda: services.add_target(*fields, options=profile, session_only=keep, check=check),
            changes=lambda target: [("target", [target.name])],
            on_done=lambda _t: self.secret.clear(),
            on_error=self._on_change_error(fields[0]),
        )

    def _on_save_clicked(self) -> None:
        name = self._selected()
        if name is None:
            return
        self.ops.query(
            self.services.secrets.system_available,
            lambda available: self._save(name, bool(available)),
            self._on_error,
        )

    def _save(self, name: str, system_keyring: bool) -> None:
        secret = self.secret.text() or None
        session_only = False
        if secret is not None:
            keep = self._where_to_keep(system_keyring)
            if keep is None:
                return
            session_only = keep
        else:
            self._allow_passphrase()
        services, check = self.services, self.check.isChecked()
        kind, url, user = str(self.kind.currentData()), self.url.text(), self.user.text()

        def saved(_target: object) -> None:
            self.secret.clear()
            self.last_message = self.tr("Saved")

        self.ops.run(
            lambda: services.edit_target(
                name,
                kind=kind,
                url=url,
                user=user,
                secret=secret,
                check=check,
                session_only=session_only,
            ),
            changes=[("target", [name])],
            on_done=saved,
            on_error=self._on_change_error(name),
        )

    def _on_change_error(self, name: str) -> Any:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, UntrustedApiRoot):  # saved; nothing sent to the other address
                self.ops.bus.changed.emit("target", (name,))
            self._on_error(exc)

        return failed

    # -- trust, test, remove ------------------------------------------------------------------
    def ask_trust_api_root(self, root: str) -> bool:
        """The site names its API on another address: ask before the password goes there."""
        answer = QMessageBox.question(
            self,
            self.tr("Publish targets"),
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
            self._allow_passphrase()
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
