from __future__ import annotations

import secrets as pysecrets
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from qk3editor.core.articles import ArticleFields
from qk3editor.core.publish_data import Target, TargetKind
from qk3editor.publish.outbox import Outbox, RetryPolicy
from qk3editor.publish.portal import PortalServer, PortalStore
from qk3editor.publish.renditions import PillowRenditions
from qk3editor.publish.secrets import SecretStore
from qk3editor.storage.articles_repository import ArticleRepository
from qk3editor.storage.db import Store, open_store
from qk3editor.storage.publish_repository import PublishRepository

from .helpers import MemoryKeyring

# The WordPress fixtures (tools/wordpress_env.py), imported once for the whole package. The
# module is imported under its plain name, as tests/publish/test_wordpress_env.py does.
sys.path.insert(0, str(Path(__file__).parent))
from wordpress_fixture import (  # noqa: F401
    WordPress,
    wordpress,
    wordpress_plain,
    wordpress_stock,
    wordpress_stock_plain,
)


@pytest.fixture
def memkeyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store("sqlite:///" + str(tmp_path / "store.sqlite3"))
    yield s
    s.close()


@pytest.fixture
def articles(store: Store) -> ArticleRepository:
    return ArticleRepository(store)


@pytest.fixture
def repo(store: Store) -> PublishRepository:
    return PublishRepository(store)


class Portal:
    def __init__(self, root: Path) -> None:
        self.secret = pysecrets.token_urlsafe(24)
        self.store = PortalStore(root)
        self.server = PortalServer(0, self.store, {"editor": self.secret})
        self.server.start_background()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    p = Portal(tmp_path / "portal")
    yield p
    p.stop()


@pytest.fixture
def fast_policy() -> RetryPolicy:
    return RetryPolicy(base=0.01, cap=0.05, inline_attempts=30)


def add_portal_target(
    repo: PublishRepository, secrets: SecretStore, url: str, secret: str, name: str = "portal"
) -> Target:
    target = Target(name, TargetKind.NINJS, url, "editor", {"read_timeout": 2.0})
    repo.add_target(target)
    secrets.set(name, "editor", secret)
    return target


@pytest.fixture
def outbox(repo: PublishRepository, memkeyring: MemoryKeyring, fast_policy: RetryPolicy) -> Outbox:
    return Outbox(
        repo,
        SecretStore(),
        PillowRenditions(max_side=640),
        policy=fast_policy,
        sleep=lambda s: None,
    )


@pytest.fixture
def article(articles: ArticleRepository):  # type: ignore[no-untyped-def]
    return articles.create(
        ArticleFields(
            title="Quân khu 3 tổ chức hội thi",
            lead="Sáng 21/10, Bộ Tư lệnh Quân khu 3 tổ chức hội thi cán bộ.",
            body="Hội thi diễn ra **ba ngày**.\n\nCác đơn vị tham gia đầy đủ.",
            category="Tin tức - Sự kiện",
            byline="Hữu Đức",
            tags=("huấn luyện", "hội thi"),
        )
    )
