"""Target secrets in the OS keyring, and nowhere else.

Where no keyring backend exists (a server without Secret Service, a minimal container),
:class:`NoKeyringError` is raised; there is no silent plain-text fallback. Tests install a
keyring backend of their own (``keyring.set_keyring``).
"""

from __future__ import annotations

from typing import Any

import keyring
import keyring.errors

from qk3editor.publish.errors import NoKeyringError, SecretMissing

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

    def __init__(self, backend: Any | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self._service = service
        # Secrets a person chose to keep for this session only (no keyring): memory, never disk.
        self._session: dict[str, str] = {}

    def remember_for_session(self, target: str, user: str, secret: str) -> None:
        """Keep a secret in memory until the app quits (the person's choice without a keyring)."""
        self._session[self._key(target, user)] = secret

    @property
    def backend(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def available(self) -> bool:
        return keyring_available(self.backend)

    def _check(self) -> Any:
        backend = self.backend
        if not _backend_usable(backend):
            raise NoKeyringError()
        return backend

    @staticmethod
    def _key(target: str, user: str) -> str:
        return f"{target}\x1f{user}"

    def set(self, target: str, user: str, secret: str) -> None:
        backend = self._check()
        try:
            backend.set_password(self._service, self._key(target, user), secret)
        except keyring.errors.KeyringError:
            raise NoKeyringError() from None

    def get(self, target: str, user: str) -> str:
        if self._key(target, user) in self._session:
            return self._session[self._key(target, user)]
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
        if not self.available():
            return
        backend = self._check()
        try:
            backend.delete_password(self._service, self._key(target, user))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            raise NoKeyringError() from None
