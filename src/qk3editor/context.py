"""The Qt-free half of the composition root: what the CLI and the GUI are both built on."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qk3editor.core.i18n import Translator, set_active
from qk3editor.core.settings import Settings, choose_language, load_settings, save_settings
from qk3editor.paths import Paths, resolve_paths, resolve_store_url, resources_dir
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.repositories import ArticleRepository, CategoryRepository


@dataclass
class AppContext:
    """Everything a command or a window needs, built once."""

    paths: Paths
    settings: Settings
    translator: Translator
    store: Store
    articles: ArticleRepository
    categories: CategoryRepository
    services: dict[str, Any] = field(default_factory=dict)
    _settings_listeners: list[Callable[[Settings], None]] = field(default_factory=list, repr=False)

    @classmethod
    def open(
        cls,
        store: str | None = None,
        language: str | None = None,
        env: Mapping[str, str] | None = None,
        create: bool = False,
    ) -> AppContext:
        """Resolve folders, read settings, choose the language and open (migrate) the store.

        ``store`` (``--store``) wins over ``QK3EDITOR_STORE``, which wins over the default file.
        A store file named by either must exist unless ``create`` (``--create``): a typo never
        makes an empty store silently. The default store is created on first run.
        """
        import os

        env = os.environ if env is None else env
        paths = resolve_paths(env).ensure()
        setup_logging(paths)
        settings = load_settings(paths.settings_file)
        lang = choose_language(language, env, settings)
        translator = Translator.load(lang, resources_dir() / "translations")
        set_active(translator)
        url = resolve_store_url(paths, store, env)
        if not create and (store or env.get("QK3EDITOR_STORE")):
            check_store_exists(url)
        opened = open_store(url, paths.backups_dir)
        return cls(
            paths=paths,
            settings=settings,
            translator=translator,
            store=opened,
            articles=ArticleRepository(opened),
            categories=CategoryRepository(opened),
        )

    def update_settings(self, settings: Settings) -> None:
        """The one way settings change: saved atomically, then every subscriber is told
        (in subscription order), so that nothing keeps a stale copy."""
        if settings == self.settings:
            return
        save_settings(self.paths.settings_file, settings)
        self.settings = settings
        for listener in list(self._settings_listeners):
            listener(settings)

    def save_settings(self, settings: Settings) -> None:
        """Kept for callers from before :meth:`update_settings`; the same thing."""
        self.update_settings(settings)

    def subscribe_settings(self, listener: Callable[[Settings], None]) -> Callable[[], None]:
        """Call ``listener(settings)`` after every change; returns the unsubscribe function."""
        self._settings_listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._settings_listeners:
                self._settings_listeners.remove(listener)

        return unsubscribe

    def close(self) -> None:
        self.store.close()


def check_store_exists(url: str) -> None:
    """Raise :class:`StoreMissing` when ``url`` is a SQLite file that does not exist."""
    from pathlib import Path

    from qk3editor.core.errors import StoreMissing

    prefix = "sqlite:///"
    if not url.startswith(prefix) or url[len(prefix) :] in ("", ":memory:"):
        return
    path = Path(url[len(prefix) :].split("?", 1)[0])
    if not path.is_file():
        raise StoreMissing(path=str(path))


def setup_logging(paths: Paths) -> None:
    """Log to a rotating file in the logs folder (once per process)."""
    root = logging.getLogger("qk3editor")
    if root.handlers:
        return
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / "qk3editor.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
