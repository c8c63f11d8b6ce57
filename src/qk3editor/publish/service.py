"""The publishing services, built once per process by the composition root
(``AppContext.publishing``; the CLI and the GUI share them)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qk3editor.core.articles import Article
from qk3editor.core.publish_data import PortalProfile, PublishPhoto, Target
from qk3editor.core.tasks import Pools
from qk3editor.publish.outbox import Outbox, RetryPolicy
from qk3editor.publish.renditions import PillowRenditions, RenditionProvider
from qk3editor.publish.secrets import SecretStore
from qk3editor.publish.targets import API_ROOT_OPTION, make_target, trusted_api_root
from qk3editor.storage.db import Store
from qk3editor.storage.publish_repository import PublishRepository

PhotoSource = Callable[[Article], list[PublishPhoto]]


def no_photos(article: Article) -> list[PublishPhoto]:
    """No photos: the default of :meth:`PublishServices.build` when none is given (tests)."""
    return []


@dataclass
class PublishServices:
    repo: PublishRepository
    secrets: SecretStore
    outbox: Outbox
    photo_source: PhotoSource

    @classmethod
    def build(
        cls,
        store: Store,
        secrets: SecretStore | None = None,
        renditions: RenditionProvider | None = None,
        photo_source: PhotoSource | None = None,
        policy: RetryPolicy | None = None,
        repo: PublishRepository | None = None,
        pools: Pools | None = None,
        **outbox_options: Any,
    ) -> PublishServices:
        """``pools``: the task runner's, for the outbox's uploads (see ``core.tasks``)."""
        repo = repo or PublishRepository(store)
        secrets = secrets or SecretStore()
        outbox = Outbox(
            repo,
            secrets,
            renditions or PillowRenditions(),
            policy=policy,
            pools=pools,
            **outbox_options,
        )
        return cls(repo, secrets, outbox, photo_source or no_photos)

    def add_target(
        self,
        name: str,
        kind: str,
        url: str,
        user: str,
        secret: str,
        options: dict[str, Any] | None = None,
        session_only: bool = False,
    ) -> Target:
        """Validate, store the secret in the keyring first (so no target without it), then save.

        ``session_only``: the person chose, without a keyring, to keep the secret in memory
        until the app quits (never on disk).
        """
        target = make_target(name, kind, url, user, options)
        secret = unicodedata.normalize("NFC", secret.strip())
        if session_only:
            self.secrets.remember_for_session(target.name, target.user, secret)
        else:
            self.secrets.set(target.name, target.user, secret)
        try:
            return self.repo.add_target(target)
        except Exception:
            self.secrets.delete(target.name, target.user)
            raise

    def set_profile(self, name: str, profile: PortalProfile) -> Target:
        """How this target's portal prints an article (stored with the target)."""
        return self.repo.merge_target_options(name, {"profile": profile.to_json()})

    def trust_api_root(self, name: str, url: str) -> Target:
        """The user confirmed that ``url`` is the WordPress API root of target ``name`` (even
        on another origin): it is stored with the target and its password may go there."""
        target = self.repo.target(name)
        root = trusted_api_root(target, url)
        return self.repo.set_target_options(name, {**target.options, API_ROOT_OPTION: root})

    def remove_target(self, name: str) -> None:
        target = self.repo.target(name)
        self.repo.remove_target(name)
        try:
            self.secrets.delete(target.name, target.user)
        except Exception:
            pass
