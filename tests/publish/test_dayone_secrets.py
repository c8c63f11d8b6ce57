"""Issue 10: targets are checked when added and can be edited; without a system keyring the
passwords go into an encrypted file (or are given per command), never in plain text; the
README's "Try it without a server" runs as written with no keyring."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from qk3editor.cli import main
from qk3editor.core.budgets import MAX_PASSWORD_CHARS
from qk3editor.publish.errors import (
    PassphraseNeeded,
    TargetCheckFailed,
    WrongPassphrase,
)
from qk3editor.publish.secrets import FileKeyring, SecretStore
from qk3editor.publish.service import PublishServices
from tests.conftest import ROOT, subprocess_env


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_a_wrong_password_is_refused_when_adding(home, portal, memkeyring, monkeypatch, capsys):
    add = ["--lang", "en", "target", "add", "cong", "--kind", "ninjs", "--url", portal.url]
    monkeypatch.setattr(sys, "stdin", io.StringIO("not-the-secret\n"))
    assert main([*add, "--user", "editor"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        "qk3editor: error: The login to cong did not work, so the target was not saved: "
        f"127.0.0.1:{portal.server.port} did not accept the user name or password (401)"
    )
    assert "not-the-secret" not in err and not memkeyring.store
    main(["target", "list", "--json"])
    assert json.loads(capsys.readouterr().out) == []

    monkeypatch.setattr(sys, "stdin", io.StringIO(portal.secret + "\n"))
    assert main([*add, "--user", "editor"]) == 0
    assert "Target cong added" in capsys.readouterr().out

    # offline: --no-check saves a target that cannot be reached now
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    offline = ["target", "add", "xa", "--kind", "ninjs", "--url", "http://127.0.0.1:9"]
    assert main(["--lang", "en", *offline, "--user", "u"]) == 1
    assert "No answer from 127.0.0.1" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    assert main([*offline, "--user", "u", "--no-check"]) == 0


def _ca_file(tmp_path: Path) -> Path:
    """A real self-signed certificate (PEM) to name as a CA bundle."""
    key, cert = tmp_path / "k.pem", tmp_path / "ca.pem"
    made = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=qk3-test-ca",
        ],
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip("openssl cannot make a test certificate here")
    return cert


def test_target_edit(home, portal, memkeyring, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.StringIO("old-wrong\n"))
    add = ["target", "add", "cong", "--kind", "ninjs", "--url", "http://127.0.0.1:9"]
    assert main([*add, "--user", "editor", "--no-check"]) == 0
    capsys.readouterr()
    # a new address alone is checked with the stored (wrong) password: refused, nothing saved
    assert main(["--lang", "en", "target", "edit", "cong", "--url", portal.url]) == 1
    assert "did not accept the user name or password" in capsys.readouterr().err
    main(["target", "list", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["url"] == "http://127.0.0.1:9"
    # address and password together: checked, saved
    monkeypatch.setattr(sys, "stdin", io.StringIO(portal.secret + "\n"))
    edit = ["target", "edit", "cong", "--url", portal.url, "--password-stdin"]
    assert main(["--lang", "en", *edit, "--ca-bundle", str(tmp_path / "ca.pem")]) == 1
    assert "No such file" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(portal.secret + "\n"))
    pem = _ca_file(tmp_path)
    assert main(["--lang", "en", *edit, "--ca-bundle", str(pem)]) == 0
    assert capsys.readouterr().out.strip() == (f"Target cong changed (ninjs, {portal.url}, editor)")
    assert list(memkeyring.store.values()) == [portal.secret]
    main(["target", "list", "--json"])
    listed = json.loads(capsys.readouterr().out)[0]
    assert listed["url"] == portal.url and listed["options"]["ca_bundle"] == str(pem)
    assert main(["target", "edit", "cong", "--ca-bundle", ""]) == 0  # an option removed
    capsys.readouterr()
    main(["target", "list", "--json"])
    assert "ca_bundle" not in json.loads(capsys.readouterr().out)[0]["options"]
    assert main(["target", "test", "cong"]) == 0
    assert main(["--lang", "en", "target", "edit", "khongco", "--url", portal.url]) == 1


def test_encrypted_file_keyring(home, portal, store, no_keyring, tmp_path):
    asked: list[bool] = []

    def passphrase(creating: bool) -> str:
        asked.append(creating)
        return "cụm từ bí mật"

    path = tmp_path / "kr" / "passwords.keyring"
    secrets = SecretStore(file=FileKeyring(path), passphrase=passphrase)
    assert not secrets.system_available() and secrets.available()
    svc = PublishServices.build(store, secrets=secrets)
    svc.add_target("cong", "ninjs", portal.url, "editor", portal.secret, check=True)
    svc.add_target("khac", "ninjs", portal.url, "u2", "mat-khau-thu-hai", check=False)
    assert asked == [True]  # asked once per session, as a new passphrase
    assert svc.outbox.test_target("cong") == "editor"
    data = path.read_bytes()
    for secret in (portal.secret, "mat-khau-thu-hai", "cụm từ bí mật"):
        assert secret.encode() not in data
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    # a new session: unlocked with the same passphrase, asked once, not as new
    again = SecretStore(file=FileKeyring(path), passphrase=passphrase)
    assert again.get("cong", "editor") == portal.secret
    assert again.get("khac", "u2") == "mat-khau-thu-hai"
    assert asked == [True, False]
    wrong = SecretStore(file=FileKeyring(path), passphrase=lambda creating: "sai")
    with pytest.raises(WrongPassphrase):
        wrong.get("cong", "editor")
    nobody = SecretStore(file=FileKeyring(path), passphrase=None)
    with pytest.raises(PassphraseNeeded):
        nobody.get("cong", "editor")
    svc.remove_target("khac")
    assert SecretStore(file=FileKeyring(path), passphrase=passphrase).file is not None
    fresh = FileKeyring(path)
    fresh.unlock("cụm từ bí mật")
    assert fresh.get("khac\x1fu2") is None and fresh.get("cong\x1feditor") == portal.secret


def test_a_refused_check_saves_nothing_in_the_file(home, portal, store, no_keyring, tmp_path):
    path = tmp_path / "passwords.keyring"
    secrets = SecretStore(file=FileKeyring(path), passphrase=lambda c: "p")
    svc = PublishServices.build(store, secrets=secrets)
    with pytest.raises(TargetCheckFailed):
        svc.add_target("cong", "ninjs", portal.url, "editor", "wrong-one", check=True)
    assert svc.repo.targets() == [] and not path.exists()


def _readme_block(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)```\n<!-- /{marker} -->", text, re.S)
    assert found, marker
    return found.group(1)


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_readme_try_without_a_server_runs_as_written_without_keyring(tmp_path):
    """The README block, literally, in bash, in a folder with .venv, no keyring backend, no
    terminal; afterwards nothing in QK3EDITOR_HOME holds the portal's secret."""
    block = _readme_block("try-without-server")
    work = tmp_path / "clone"
    work.mkdir()
    (work / ".venv").symlink_to(Path(sys.prefix))
    if not (work / ".venv" / "bin" / "qk3editor").exists():
        pytest.skip("the test runs from a virtual environment with qk3editor installed")
    (work / "try.sh").write_text("set -e\n" + block, encoding="utf-8")
    env = subprocess_env(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    for name in ("QK3EDITOR_HOME", "DBUS_SESSION_BUS_ADDRESS", "QK3EDITOR_LANG"):
        env.pop(name, None)
    command = ["bash", "try.sh"]
    if shutil.which("unshare") and _can_unshare():
        # a network of its own: port 8765 is free whatever else runs on this machine
        command = ["unshare", "-rn", "bash", "-c", "ip link set lo up && bash try.sh"]
    elif not _port_free(8765):
        pytest.skip("port 8765 is taken and no private network namespace is available")
    out = subprocess.run(
        command,
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # no controlling terminal: nothing can be prompted
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Đã đăng" in out.stdout or "Published" in out.stdout, out.stdout
    link = out.stdout.strip().splitlines()[-1]
    assert "/bai-viet/" in link
    secret = (work / "qk3-portal" / "secret").read_text(encoding="utf-8").strip()
    home = work / "qk3-thu"
    assert home.is_dir()
    everything = _all_bytes(home)
    assert secret.encode() not in everything
    assert secret[:16].encode() not in everything
    items = list((work / "qk3-portal").rglob("*.json"))
    assert items  # the article reached the portal


def _can_unshare() -> bool:
    try:
        return (
            subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=10).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


def test_cli_without_keyring_or_terminal_gives_a_clear_way(home, tmp_path, portal):
    """`target add` without --password-stdin and without a terminal: the error says how."""
    env = subprocess_env(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", QK3EDITOR_LANG="en"
    )
    args = ["target", "add", "cong", "--kind", "ninjs", "--url", portal.url, "--user", "editor"]
    out = subprocess.run(
        [sys.executable, "-m", "qk3editor", *args],
        input=portal.secret + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        start_new_session=True,
    )
    assert out.returncode == 1
    assert "--password-stdin" in out.stderr and portal.secret not in out.stderr
    assert portal.secret.encode() not in _all_bytes(home)
    assert os.environ.get("QK3EDITOR_HOME") == str(home)


class _CountingStdin(io.StringIO):
    """A stdin with no newline, far longer than any password; counts the characters read."""

    def __init__(self, chars: int) -> None:
        super().__init__("x" * chars)
        self.read_chars = 0

    def read(self, size: int | None = -1) -> str:
        text = super().read(size)
        self.read_chars += len(text)
        return text

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        line = super().readline(-1 if size is None else size)
        self.read_chars += len(line)
        return line


def test_a_password_stream_with_no_end_is_refused_after_one_bounded_read(
    home, memkeyring, monkeypatch, capsys
):
    stdin = _CountingStdin(10 * MAX_PASSWORD_CHARS)  # the whole stream is ten times the limit
    monkeypatch.setattr(sys, "stdin", stdin)
    add = ["target", "add", "cong", "--kind", "ninjs", "--url", "http://127.0.0.1:9"]
    assert main(["--lang", "vi", *add, "--user", "editor", "--no-check"]) == 1
    assert f"mật khẩu dài quá {MAX_PASSWORD_CHARS} ký tự" in capsys.readouterr().err
    # past the limit (so "too long" is known), never the whole stream
    assert MAX_PASSWORD_CHARS < stdin.read_chars <= MAX_PASSWORD_CHARS + 2
    assert memkeyring.store == {}
