"""Every folder the app uses, from platformdirs or the QK3EDITOR_HOME override.

Nothing else in the code base builds a path to a user folder by hand.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

APP_NAME = "qk3editor"


class Paths(NamedTuple):
    """The app's folders. Created on demand by :meth:`ensure`.

    (A named tuple, not a frozen dataclass: it is made before the first frame; issue 14.)"""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def default_store_path(self) -> Path:
        return self.data_dir / "qk3editor.sqlite3"

    @property
    def default_store_url(self) -> str:
        return store_url_for(str(self.default_store_path))

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def thumbnails_dir(self) -> Path:
        return self.cache_dir / "thumbnails"

    @property
    def renditions_dir(self) -> Path:
        return self.cache_dir / "renditions"

    @property
    def photos_dir(self) -> Path:
        return self.data_dir / "photos"

    def ensure(self) -> Paths:
        for d in (self.data_dir, self.config_dir):
            d.mkdir(parents=True, exist_ok=True)
        for d in (self.cache_dir, self.log_dir):  # the app works without them (issue 12)
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass
        return self


def resolve_paths(env: Mapping[str, str] | None = None) -> Paths:
    """The folders for this run: under ``QK3EDITOR_HOME`` when it is set (portable use, tests)."""
    env = os.environ if env is None else env
    home = env.get("QK3EDITOR_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(root / "data", root / "config", root / "cache", root / "logs")
    import platformdirs

    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resolve_store_url(paths: Paths, store: str | None, env: Mapping[str, str]) -> str:
    """``--store`` wins over ``QK3EDITOR_STORE``, which wins over the default SQLite file."""
    url = store or env.get("QK3EDITOR_STORE")
    return store_url_for(url) if url else paths.default_store_url


def store_url_for(value: str) -> str:
    """A SQLAlchemy URL from ``--store``: a URL is kept, a file path becomes SQLite."""
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def resources_dir() -> Path:
    """The shipped resources: inside the wheel, or the source tree's ``resources/``."""
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"
