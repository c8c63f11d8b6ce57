"""Fixtures for the photo tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.photos.photo_factory import jpeg_bytes


@pytest.fixture
def make_jpeg(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "photo.jpg", **kwargs: Any) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(jpeg_bytes(**kwargs))
        return path

    return make
