"""Shared pieces of the send-to-the-desk tests: a reporter's local store with an article and
real photo files, a newsroom on the test PostgreSQL server, a TCP proxy that can cut."""

from __future__ import annotations

import hashlib
import socket
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

from qk3editor.core.articles import Article, ArticleFields
from qk3editor.core.photos import PhotoMetadata
from qk3editor.photos.publish_providers import DeskPhotoSource
from qk3editor.publish.outbox import RetryPolicy
from qk3editor.publish.renditions import PillowRenditions
from qk3editor.publish.secrets import SecretStore
from qk3editor.publish.service import PublishServices
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.photos_repository import NewPhoto, PhotoRepository

CAPTION = "Thiếu tướng Nguyễn Thanh Hải thăm bộ đội tại Hải Phòng"


def photo_file(folder: Path, name: str, size: int, seed: int) -> Path:
    """A file that starts like a JPEG, ``size`` bytes of deterministic noise (no need to be
    decodable: originals go byte for byte)."""
    import random

    rng = random.Random(seed)
    path = folder / name
    path.write_bytes(b"\xff\xd8\xff\xe0" + rng.randbytes(size - 4))
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Reporter:
    store: Store
    articles: ArticleRepository
    photos: PhotoRepository
    services: PublishServices

    def close(self) -> None:
        self.services.outbox.pools = None
        self.services.outbox.close()  # the sync's kept newsroom connections
        self.store.close()


def reporter(folder: Path) -> Reporter:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{folder / 'local.sqlite3'}")
    photos = PhotoRepository(store)
    services = PublishServices.build(
        store,
        secrets=SecretStore(),
        renditions=PillowRenditions(),
        photo_source=DeskPhotoSource(photos),
        policy=RetryPolicy(base=0.01, cap=0.05, inline_attempts=1),
    )
    return Reporter(store, ArticleRepository(store), photos, services)


def article_with_photos(r: Reporter, folder: Path, sizes: tuple[int, ...] = (300_000,)) -> Article:
    ids: list[int] = []
    for i, size in enumerate(sizes):
        path = photo_file(folder, f"anh-{i}.jpg", size, seed=zlib.crc32(str(folder).encode()) + i)
        (added,) = r.photos.add(
            [
                NewPhoto(
                    str(path),
                    sha256(path),
                    PhotoMetadata(description=f"{CAPTION} ({i + 1})", credit="Ảnh: Đức Việt"),
                    size_bytes=size,
                )
            ]
        )
        ids.append(added.id)
    body = "Bộ đội giúp dân.\n\n" + "\n\n".join(f"![ảnh](qk3photo:{i})" for i in ids)
    article = r.articles.create(
        ArticleFields(title="Tin từ đơn vị", lead="Sáng nay", body=body, byline="Đức Việt")
    )
    if ids:
        r.photos.attach(article.id, ids)
    return r.articles.get(article.id)


def send(r: Reporter, article: Article, target: str, note: str = "") -> int:
    job = r.services.outbox.enqueue(
        article, r.services.photo_source(article), target, who="Đức Việt", note=note
    )
    return job.id


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 in front of the server; ``cut_after(n)`` drops every
    connection once ``n`` bytes went from the client to the server (then lets all through
    again); ``down`` refuses connections (offline)."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream = upstream_port
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        self.down = False
        self.cut_at: int | None = None
        self.cuts = 0
        self._sent = 0
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, nbytes: int) -> None:
        with self._lock:
            self.cut_at = nbytes
            self._sent = 0

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            if self.down:
                client.close()
                continue
            server = socket.create_connection(("127.0.0.1", self.upstream))
            with self._lock:
                self._conns += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _cut_all(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
            self.cut_at = None
            self.cuts += 1
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            c.close()

    def _pipe(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        try:
            while data := src.recv(65536):
                if upstream:
                    with self._lock:
                        self._sent += len(data)
                        cut = self.cut_at is not None and self._sent >= self.cut_at
                    if cut:
                        self._cut_all()
                        return
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()
        self._cut_all()


def port_of(url: str) -> int:
    from sqlalchemy import make_url

    return int(make_url(url).port or 5432)


def via_port(url: str, port: int) -> str:
    from sqlalchemy import make_url

    return make_url(url).set(port=port).render_as_string(hide_password=False)
