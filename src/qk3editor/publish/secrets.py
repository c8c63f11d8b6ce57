"""Target secrets in the OS keyring, or in an encrypted file, and never in plain text.

Where no keyring backend exists (a server without Secret Service, a minimal container), the
secrets go into an encrypted file (:class:`FileKeyring`: Fernet, with the key derived by
scrypt from a passphrase the person is asked for once per session), when the front end can ask
for a passphrase; otherwise :class:`NoKeyringError` is raised and the password can be given
per command (``--password-stdin``, kept in memory only). Tests install a keyring backend of
their own (``keyring.set_keyring``).
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.errors

from qk3editor.publish.errors import (
    NoKeyringError,
    PassphraseNeeded,
    SecretMissing,
    WrongPassphrase,
)

# ``passphrase(creating)``: the passphrase, or None when it cannot be asked (or was refused).
# ``creating`` is True when the file does not exist yet (ask twice, say it is new).
PassphraseProvider = Callable[[bool], str | None]

FILE_FORMAT = "qk3editor-keyring/1"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class FileKeyring:
    """Secrets in one encrypted file: a JSON header (format, scrypt parameters, salt) and one
    Fernet token (AES-128-CBC + HMAC-SHA256) holding every entry; written atomically, mode 600.

    The passphrase itself is never kept: only the derived key, in memory, once unlocked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fernet: Any = None
        self._entries: dict[str, str] = {}
        self._header: dict[str, Any] = {}

    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def unlocked(self) -> bool:
        return self._fernet is not None

    @staticmethod
    def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> Any:
        from cryptography.fernet import Fernet
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
        return Fernet(base64.urlsafe_b64encode(key))

    def unlock(self, passphrase: str) -> None:
        """Open the file with ``passphrase`` (a new, empty one when there is no file)."""
        from cryptography.fernet import InvalidToken

        if not self.exists():
            salt = os.urandom(16)
            self._header = {
                "format": FILE_FORMAT,
                "kdf": "scrypt",
                "n": SCRYPT_N,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
                "salt": base64.b64encode(salt).decode("ascii"),
            }
            self._fernet = self._derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            self._entries = {}
            self._write()
            return
        header = json.loads(self.path.read_text(encoding="utf-8"))
        fernet = self._derive(
            passphrase,
            base64.b64decode(header["salt"]),
            int(header["n"]),
            int(header["r"]),
            int(header["p"]),
        )
        try:
            entries = json.loads(fernet.decrypt(header["data"].encode("ascii")))
        except InvalidToken:
            raise WrongPassphrase(path=str(self.path)) from None
        self._header = {k: v for k, v in header.items() if k != "data"}
        self._fernet, self._entries = fernet, dict(entries)

    def _write(self) -> None:
        from qk3editor.core import atomic

        token = self._fernet.encrypt(json.dumps(self._entries).encode("utf-8"))
        data = dict(self._header, data=token.decode("ascii"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():  # born private: the atomic writer keeps an existing mode
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        atomic.write_bytes(self.path, json.dumps(data, indent=1).encode("utf-8"))

    def get(self, key: str) -> str | None:
        return self._entries.get(key)

    def set(self, key: str, secret: str) -> None:
        self._entries[key] = secret
        self._write()

    def delete(self, key: str) -> None:
        if self._entries.pop(key, None) is not None:
            self._write()


SERVICE = "qk3editor"


def _backend_usable(backend: Any) -> bool:
    try:
        priority = float(backend.priority)
    except Exception:
        return False
    if priority <= 0:
        return False
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyring.backends.fail") or name.startswith("keyring.backends.null"):
        return False
    if name.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", None))
    return True


def keyring_available(backend: Any | None = None) -> bool:
    return _backend_usable(backend if backend is not None else keyring.get_keyring())


class SecretStore:
    """Secrets keyed by target name (and user). One service name for the whole app."""

    def __init__(
        self,
        backend: Any | None = None,
        service: str = SERVICE,
        file: FileKeyring | None = None,
        passphrase: PassphraseProvider | None = None,
    ) -> None:
        self._backend = backend
        self._service = service
        # Secrets a person chose to keep for this session only (no keyring): memory, never disk.
        self._session: dict[str, str] = {}
        self.file = file  # the encrypted file, used only where no system keyring exists
        self.passphrase = passphrase
        self._lock = threading.Lock()

    def remember_for_session(self, target: str, user: str, secret: str) -> None:
        """Keep a secret in memory until the app quits (the person's choice without a keyring)."""
        self._session[self._key(target, user)] = secret

    @property
    def backend(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def available(self) -> bool:
        """A secret can be kept on disk safely: a system keyring, or the encrypted file (which
        can be unlocked, or asked a passphrase for)."""
        return self.system_available() or self._file_usable()

    def system_available(self) -> bool:
        return keyring_available(self.backend)

    def _file_usable(self) -> bool:
        return self.file is not None and (self.file.unlocked or self.passphrase is not None)

    def _unlocked_file(self) -> FileKeyring:
        """The encrypted file, unlocked (the passphrase is asked once per session)."""
        if self.file is None:
            raise NoKeyringError()
        with self._lock:
            if not self.file.unlocked:
                creating = not self.file.exists()
                phrase = self.passphrase(creating) if self.passphrase is not None else None
                if not phrase:
                    raise PassphraseNeeded()
                self.file.unlock(phrase)
        return self.file

    def _check(self) -> Any:
        backend = self.backend
        if not _backend_usable(backend):
            raise NoKeyringError()
        return backend

    @staticmethod
    def _key(target: str, user: str) -> str:
        return f"{target}\x1f{user}"

    def set(self, target: str, user: str, secret: str) -> None:
        if not self.system_available() and self.file is not None:
            self._unlocked_file().set(self._key(target, user), secret)
            return
        backend = self._check()
        try:
            backend.set_password(self._service, self._key(target, user), secret)
        except keyring.errors.KeyringError:
            raise NoKeyringError() from None

    def get(self, target: str, user: str) -> str:
        if self._key(target, user) in self._session:
            return self._session[self._key(target, user)]
        if not self.system_available() and self.file is not None and self.file.exists():
            found = self._unlocked_file().get(self._key(target, user))
            if not found:
                raise SecretMissing(target=target)
            return found
        backend = self._check()
        try:
            value = backend.get_password(self._service, self._key(target, user))
        except keyring.errors.KeyringError:
            raise NoKeyringError() from None
        if not value:
            raise SecretMissing(target=target)
        return str(value)

    def delete(self, target: str, user: str) -> None:
        self._session.pop(self._key(target, user), None)
        if not self.system_available():
            if self.file is not None and self.file.exists() and self._file_usable():
                self._unlocked_file().delete(self._key(target, user))
            return
        backend = self._check()
        try:
            backend.delete_password(self._service, self._key(target, user))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            raise NoKeyringError() from None
