"""A test portal on this computer, started from the window (the reference portal that
``qk3editor portal`` runs), so that a new user can publish a first article without a server
and without leaving the app. It listens on 127.0.0.1 only and stops when the app quits."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from qk3editor.publish.portal import PortalServer, PortalStore, load_or_create_secret

DEFAULT_PORT = 8765
USER = "qk3editor"

_running: dict[Path, PortalServer] = {}


@dataclass(frozen=True)
class LocalPortal:
    url: str
    user: str
    secret: str
    folder: Path


def start_local_portal(folder: Path, port: int = DEFAULT_PORT) -> LocalPortal:
    """The portal serving ``folder`` (started once per folder; another free port when
    ``port`` is taken)."""
    secret, _path = load_or_create_secret(folder)
    server = _running.get(folder)
    if server is None:
        try:
            server = PortalServer(port, PortalStore(folder), {USER: secret})
        except OSError:
            server = PortalServer(0, PortalStore(folder), {USER: secret})
        server.start_background()
        _running[folder] = server
    return LocalPortal(server.public_url, USER, secret, folder)


def stop_local_portals() -> None:
    for folder, server in list(_running.items()):
        with contextlib.suppress(Exception):
            server.shutdown()
            server.server_close()
        _running.pop(folder, None)
