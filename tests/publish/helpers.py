"""Shared test helpers: an in-memory keyring, camera-like JPEGs, articles with photos."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from PIL import Image, ImageDraw

from qk3editor.core.publish_data import PublishPhoto


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory (tests only)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class FileKeyring(KeyringBackend):
    """A keyring backend for test subprocesses: JSON in ``$QK3_TEST_KEYRING_FILE``
    (selected with ``PYTHON_KEYRING_BACKEND=tests.publish.helpers.FileKeyring``)."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        import os

        return Path(os.environ["QK3_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        import json

        try:
            return json.loads(self._path().read_text("utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        import json

        data = self._load()
        data[f"{service}|{username}"] = password
        self._path().write_text(json.dumps(data), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        import json

        data = self._load()
        data.pop(f"{service}|{username}", None)
        self._path().write_text(json.dumps(data), "utf-8")


def make_jpeg(path: Path, size: tuple[int, int] = (1200, 800), seed: int = 0, **save: Any) -> Path:
    """A real JPEG with some structure (gradients, shapes), different for each seed."""
    rng = random.Random(seed)
    img = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        x1, y1 = x0 + rng.randrange(size[0] // 2), y0 + rng.randrange(size[1] // 2)
        draw.rectangle(
            [x0, y0, x1, y1], fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256))
        )
    img.save(path, "JPEG", quality=90, **save)
    return path


def make_photos(
    folder: Path, count: int, prefix: str = "p", size: tuple[int, int] = (900, 600)
) -> list[PublishPhoto]:
    folder.mkdir(parents=True, exist_ok=True)
    photos = []
    for i in range(count):
        path = make_jpeg(folder / f"{prefix}{i}.jpg", size, seed=hash((prefix, i)) & 0xFFFF)
        photos.append(
            PublishPhoto(
                key=f"{prefix}{i}",
                source=str(path),
                caption=f"Bộ đội Quân khu 3 huấn luyện, ảnh {i + 1}",
                alt=f"Chiến sĩ tập luyện ({i + 1})",
                title=f"Huấn luyện {i + 1}",
                credit="Ảnh: Hữu Đức",
                featured=(i == 0),
            )
        )
    return photos
