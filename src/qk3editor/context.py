"""The Qt-free half of the composition root: what the CLI and the GUI are both built on."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from qk3editor.core.i18n import Translator, set_active
from qk3editor.core.settings import Settings, choose_language, load_settings, save_settings
from qk3editor.core.tasks import Runner
from qk3editor.paths import Paths, resolve_paths, resolve_store_url, resources_dir
from qk3editor.storage.articles_repository import ArticleRepository, CategoryRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.store_events import StoreEvents

if TYPE_CHECKING:
    from qk3editor.core.leases import LeaseOwner
    from qk3editor.photos.publish_providers import DeskPhotoSource, DeskRenditions
    from qk3editor.publish.prepare import RenditionPreparer
    from qk3editor.publish.service import PublishServices
    from qk3editor.storage.editor_repository import EditorRepository
    from qk3editor.storage.leases_repository import LeaseRepository
    from qk3editor.storage.photos_repository import PhotoRepository
    from qk3editor.storage.publish_repository import PublishRepository
    from qk3editor.storage.search import SearchRepository


@dataclass
class AppContext:
    """Everything a command or a window needs, built once: the composition root's Qt-free half.

    The services below are typed attributes, each built on first use (a CLI command pays only
    for what it uses; the window's first frame for none of them) and then shared by every
    caller: one repository of each kind, one publishing service, one renditions provider (one
    cache and its locks), one rendition preparer. ``tasks`` owns every executor they run on;
    ``close`` shuts it down with the store.
    """

    paths: Paths
    settings: Settings
    translator: Translator
    store: Store
    articles: ArticleRepository
    categories: CategoryRepository
    tasks: Runner = field(default_factory=Runner)
    _settings_listeners: list[Callable[[Settings], None]] = field(default_factory=list, repr=False)

    @property
    def events(self) -> StoreEvents:
        """What the store announces after each commit (subscribe here)."""
        return self.store.events

    @cached_property
    def revisions(self) -> EditorRepository:
        """The editor's revisions, workflow history and session state."""
        from qk3editor.storage.editor_repository import EditorRepository

        return EditorRepository(self.store, self.articles)

    @property
    def lease_owner(self) -> LeaseOwner:
        """This running app as a lease holder: the OS login (PostgreSQL: the server's),
        the name from the settings, this machine and process."""
        import getpass
        import os
        import socket

        from qk3editor.core.leases import LeaseOwner

        try:
            login = getpass.getuser()
        except (OSError, KeyError):
            login = "?"
        return LeaseOwner(login, self.settings.who, socket.gethostname(), os.getpid())

    @cached_property
    def leases(self) -> LeaseRepository:
        """Who edits which article (issue 16); several processes or machines on one store."""
        from qk3editor.storage.leases_repository import LeaseRepository

        return LeaseRepository(self.store, self.lease_owner)

    @cached_property
    def photos(self) -> PhotoRepository:
        from qk3editor.storage.photos_repository import PhotoRepository

        return PhotoRepository(self.store)

    @cached_property
    def search(self) -> SearchRepository:
        from qk3editor.storage.search import SearchRepository

        return SearchRepository(self.store)

    @cached_property
    def publish_repo(self) -> PublishRepository:
        from qk3editor.storage.publish_repository import PublishRepository

        return PublishRepository(self.store)

    @cached_property
    def renditions(self) -> DeskRenditions:
        """The web renditions publishing sends (sizes from the settings, cached on disk)."""
        from qk3editor.photos.publish_providers import DeskRenditions
        from qk3editor.photos.renditions import specs_from_settings

        renditions = DeskRenditions(
            self.photos,
            specs_from_settings(self.settings),
            cache_dir=self.paths.renditions_dir,
            location_policy=self.settings.location_policy,
        )

        def follow(settings: Settings) -> None:
            # a changed rendition size, quality or location policy applies at once
            renditions.set_specs(specs_from_settings(settings))
            renditions.location_policy = settings.location_policy

        self.subscribe_settings(follow)
        return renditions

    @cached_property
    def photo_source(self) -> DeskPhotoSource:
        """An article's photos as publishing sees them."""
        from qk3editor.photos.publish_providers import DeskPhotoSource

        return DeskPhotoSource(self.photos)

    @cached_property
    def publishing(self) -> PublishServices:
        """Targets, secrets and the outbox, on the photo desk's renditions."""
        from qk3editor.publish.secrets import FileKeyring, SecretStore
        from qk3editor.publish.service import KEYRING_FILE, PublishServices

        # the system keyring; where there is none, the encrypted file in the data folder
        # (its passphrase is asked by the front end: ``publishing.secrets.passphrase``)
        secrets = SecretStore(file=FileKeyring(self.paths.data_dir / KEYRING_FILE))
        return PublishServices.build(
            self.store,
            secrets=secrets,
            renditions=self.renditions,
            photo_source=self.photo_source,
            repo=self.publish_repo,
            pools=self.tasks.pools,
        )

    @cached_property
    def preparer(self) -> RenditionPreparer:
        """Renditions made in the background whenever an article's photos change (the GUI
        builds it; the CLI has no use for it), subscribed to :attr:`events`."""
        from qk3editor.publish.prepare import RenditionPreparer

        preparer = RenditionPreparer(
            self.renditions, self.photo_source.for_id, pools=self.tasks.pools
        )
        self.events.article_photos.subscribe(preparer.on_change)
        return preparer

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
        opened = open_store(url, paths.backups_dir, store_state_file(paths))
        opened.owner_name = settings.who
        ctx = cls(
            paths=paths,
            settings=settings,
            translator=translator,
            store=opened,
            articles=ArticleRepository(opened),
            categories=CategoryRepository(opened),
        )
        ctx.subscribe_settings(lambda changed: setattr(opened, "owner_name", changed.who))
        return ctx

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
        """Stop every background pool (joined), then close the store."""
        if "preparer" in self.__dict__:
            self.preparer.close()
        self.tasks.shutdown(wait=True)
        if "publishing" in self.__dict__:
            self.publishing.outbox.close()  # the newsrooms' kept sync connections
        self.store.close()


def store_state_file(paths: Paths) -> Path:
    """Where the store's soundness is remembered between runs (storage.checks)."""
    return paths.cache_dir / "store-checks.json"


class SafeFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, which never breaks the command it logs for.

    A write that fails (disk full, the folder made read-only meanwhile) turns the handler off
    with one line on stderr instead of logging's "--- Logging error ---" and a traceback.
    """

    failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        _warn_once(sys.exc_info()[1])
        try:
            self.close()
        except Exception:
            pass


def _warn_once(exc: BaseException | None) -> None:
    from qk3editor.core.i18n import translate

    reason = getattr(exc, "strerror", None) or (type(exc).__name__ if exc else "")
    try:
        sys.stderr.write(
            translate("cli", "qk3editor: warning: the log cannot be written ({reason})").format(
                reason=reason
            )
            + "\n"
        )
    except Exception:
        pass


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
    """Log to a rotating file in the logs folder (once per process).

    Logging never stops a command: when the folder or file cannot be opened, the app logs
    nowhere, with one warning line on stderr; a write failing later does the same.
    """
    root = logging.getLogger("qk3editor")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = SafeFileHandler(
            paths.log_dir / "qk3editor.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        _warn_once(exc)
        root.addHandler(logging.NullHandler())
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
