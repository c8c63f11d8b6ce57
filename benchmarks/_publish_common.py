"""Shared set-up of the publishing benchmarks: a store, a keyring, the portal, a proxy."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import keyring  # noqa: E402
from tests.publish.faultproxy import FaultProxy  # noqa: E402
from tests.publish.helpers import MemoryKeyring, make_jpeg  # noqa: E402

from qk3editor.core.publish_data import PublishPhoto, Target, TargetKind  # noqa: E402
from qk3editor.publish.portal import PortalServer, PortalStore  # noqa: E402
from qk3editor.publish.secrets import SecretStore  # noqa: E402
from qk3editor.storage.articles_repository import ArticleRepository  # noqa: E402
from qk3editor.storage.db import open_store  # noqa: E402
from qk3editor.storage.publish_repository import PublishRepository  # noqa: E402

__all__ = ["FaultProxy", "PublishPhoto", "make_jpeg"]


class Servers:
    """The portal and its proxy in a child process (see _publish_servers.py)."""

    def __init__(self, folder: Path, secret: str, **options: float) -> None:
        import json
        import subprocess

        cmd = [
            sys.executable,
            str(Path(__file__).with_name("_publish_servers.py")),
            str(folder),
            secret,
        ]
        for key, value in options.items():
            cmd += [f"--{key.replace('_', '-')}", str(value)]
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        ports = json.loads(self.proc.stdout.readline())
        self.portal_port, self.proxy_port = ports["portal"], ports["proxy"]
        self.store = PortalStore(folder)
        self.url = f"http://127.0.0.1:{self.proxy_port}"

    def cpu_ms(self) -> float:
        """CPU the portal and proxy process has used so far (Linux: /proc; else 0)."""
        import os

        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    def stop(self) -> str:
        _out, err = self.proc.communicate("", timeout=30)
        return err


class Bench:
    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="qk3-bench-"))
        keyring.set_keyring(MemoryKeyring())
        self.store = open_store("sqlite:///" + str(self.tmp / "store.sqlite3"))
        self.articles = ArticleRepository(self.store)
        self.repo = PublishRepository(self.store)
        self.secrets = SecretStore()

    def portal(self, name: str, secret: str = "bench-secret") -> PortalServer:
        server = PortalServer(0, PortalStore(self.tmp / name), {"bench": secret})
        server.start_background()
        return server

    def servers(self, name: str, secret: str = "bench-secret", **options: float) -> Servers:
        return Servers(self.tmp / name, secret, **options)

    def target(self, name: str, url: str, secret: str = "bench-secret") -> None:
        self.repo.add_target(Target(name, TargetKind.NINJS, url, "bench", {"read_timeout": 30}))
        self.secrets.set(name, "bench", secret)
