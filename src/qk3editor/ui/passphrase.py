"""The passphrase of the encrypted password file (no system keyring), asked in a dialog.

Installed as ``ctx.publishing.secrets.passphrase`` by app.build_gui; called by publish.secrets
when a secret is needed and the file is locked, from the GUI thread or from a worker (then the
question is asked on the GUI thread while the worker waits). Asked once per session: once the
file is unlocked it stays so; after a "Cancel", background work (the outbox) does not ask again
until the person acts (:meth:`PassphrasePrompt.allow_again`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class PassphrasePrompt(QObject):
    _ask_on_gui = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._answer: str | None = None
        self.declined = False
        self.asked = 0
        self._ask_on_gui.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    def __call__(self, creating: bool) -> str | None:
        if QThread.currentThread() is self.thread():
            self.declined = False  # the person is acting now: ask
            self._ask(creating)
        elif self.declined:
            return None
        else:
            self._ask_on_gui.emit(creating)
        return self._answer

    def allow_again(self) -> None:
        self.declined = False

    def get_text(self, title: str, label: str) -> tuple[str, bool]:
        """One question (tests replace this)."""
        return QInputDialog.getText(self._parent, title, label, QLineEdit.EchoMode.Password)

    @Slot(bool)
    def _ask(self, creating: bool) -> None:
        self.asked += 1
        self._answer = None
        title = self.tr("Password file")
        if creating:
            text, ok = self.get_text(
                title,
                self.tr(
                    "This computer has no system keyring. qk3editor will keep the passwords "
                    "of your portals in an encrypted file.\nChoose a passphrase for it:"
                ),
            )
            if not ok or not text:
                self.declined = True
                return
            again, ok = self.get_text(title, self.tr("Type the passphrase again:"))
            if not ok or again != text:
                QMessageBox.warning(self._parent, title, self.tr("The passphrases differ."))
                self.declined = True
                return
        else:
            text, ok = self.get_text(
                title, self.tr("The passphrase of the encrypted password file:")
            )
            if not ok or not text:
                self.declined = True
                return
        self._answer = text
