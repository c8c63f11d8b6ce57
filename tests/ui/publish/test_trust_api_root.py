"""The targets dialog asks before the password goes to an API root on another origin."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.publish.helpers import MemoryKeyring
from tests.publish.netservers import ScriptedServer
from tests.ui.test_app import close_gui, open_gui


@pytest.fixture
def memkeyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def two() -> Iterator[tuple[ScriptedServer, ScriptedServer]]:
    a, b = ScriptedServer(), ScriptedServer()
    a.route("/", headers={"Link": f'<{b.origin}/wp-json/>; rel="https://api.w.org/"'})
    b.route("/wp-json/", body=b"{}")
    b.route("/wp-json/wp/v2/users/me", body=b'{"id": 1, "name": "Bien tap"}')
    yield a, b
    a.stop()
    b.stop()


@pytest.mark.parametrize("trust", [False, True])
def test_test_button_asks_before_trusting_another_origin(qtbot, home, memkeyring, two, trust):
    a, b = two
    gui, trs = open_gui(qtbot)
    try:
        gui.ctx.publishing.add_target("wp", "wordpress", a.origin, "bientap", "abcd efgh ijkl")
        dialog = gui.publish.show_targets()
        dialog.list.setCurrentIndex(dialog.model.index(0, 0))
        asked: list[str] = []
        said: list[str] = []
        dialog.ask_trust_api_root = lambda root: asked.append(root) or trust
        dialog._say = lambda text, warning=False: said.append(text)
        dialog.test_button.click()
        qtbot.waitUntil(lambda: bool(said), timeout=10_000)
        assert asked == [b.origin + "/wp-json/"]
        if trust:
            assert "Bien tap" in said[-1]
            assert b.authorised_requests() == 1
            target = gui.ctx.publishing.repo.target("wp")
            assert target.options["api_root"] == b.origin + "/wp-json/"
        else:
            assert "mật khẩu không được gửi tới đó" in said[-1]
            assert b.authorised_requests() == 0
            assert "api_root" not in gui.ctx.publishing.repo.target("wp").options
    finally:
        close_gui(gui, trs)
