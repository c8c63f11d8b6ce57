"""Issue 10: the terminal passphrase prompt of the encrypted password file (no system keyring),
driven through a real pseudo-terminal (python's ``pty``) as a person types: the file is made
with a passphrase asked twice, a mistyped passphrase is asked again, the right one opens it,
and nothing secret is on disk in plain text anywhere in QK3EDITOR_HOME."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

PASSPHRASE = "cụm mật khẩu Đúng-7"  # non-ASCII, as a Vietnamese person types it
WRONG = "cum mat khau sai"


class Terminal:
    """``python -m qk3editor ARGS`` with a pty (``pty.openpty``) as its controlling terminal.

    Started with ``setsid --ctty`` through subprocess (no Python code runs in the forked copy
    of this multi-threaded test process, which ``pty.fork`` would do)."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        self.child = subprocess.Popen(
            ["setsid", "--ctty", sys.executable, "-m", "qk3editor", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
        )
        os.close(slave)  # the child holds it: reading the master ends (EIO) when it exits
        self.fd = master
        self.seen = b""
        self.pos = 0  # what expect() has matched so far

    def expect(self, text: str, timeout: float = 30.0) -> str:
        """Read until ``text`` is shown after what was matched before (a deadline only against
        a hang). Type only after the prompt: getpass flushes what was typed ahead of it."""
        want = text.encode("utf-8")
        deadline = time.monotonic() + timeout
        while want not in self.seen[self.pos :]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not shown; the terminal shows:\n{self._shown()}")
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the child has gone (EIO)
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"{text!r} not shown before exit:\n{self._shown()}")
                self.seen += chunk
        self.pos = self.seen.index(want, self.pos) + len(want)
        return self._shown()

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode("utf-8") + b"\r")

    def finish(self) -> tuple[int, str]:
        """The exit code and everything the terminal showed."""
        deadline = time.monotonic() + 60
        while True:
            if time.monotonic() > deadline:
                self.child.kill()
                raise AssertionError(f"the command did not end:\n{self._shown()}")
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                if self.child.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:  # EIO: the child has closed the terminal
                break
            if not chunk:
                break
            self.seen += chunk
        code = self.child.wait(timeout=60)
        os.close(self.fd)
        return code, self._shown()

    def _shown(self) -> str:
        return self.seen.decode("utf-8", "replace")


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.skipif(not shutil.which("setsid"), reason="a pseudo-terminal (util-linux setsid)")
def test_passphrase_on_a_real_terminal_wrong_then_right(home: Path, portal) -> None:  # type: ignore[no-untyped-def]
    env = subprocess_env(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # no system keyring
        QK3EDITOR_LANG="en",
        QK3EDITOR_HOME=str(home),
        TERM="dumb",
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)

    # 1. target add: the portal's password, then a new passphrase, asked twice (not echoed)
    add = ["target", "add", "cong", "--kind", "ninjs", "--url", portal.url, "--user", "editor"]
    term = Terminal(add, env)
    term.expect("Password (Application Password): ")
    term.type(portal.secret)
    term.expect("New passphrase: ")
    term.type(PASSPHRASE)
    term.expect("The passphrase again: ")
    term.type(PASSPHRASE)
    code, shown = term.finish()
    assert code == 0, shown
    assert "no system keyring" in shown and "Target cong added" in shown
    assert portal.secret not in shown and PASSPHRASE not in shown  # nothing typed is echoed

    # 2. a new session: a wrong passphrase is refused and asked again; the right one opens it
    term = Terminal(["target", "test", "cong"], env)
    term.expect("Passphrase of the password file: ")
    term.type(WRONG)
    term.expect("Wrong passphrase, try again.")
    term.expect("Passphrase of the password file: ")
    term.type(PASSPHRASE)
    code, shown = term.finish()
    assert code == 0, shown
    assert shown.count("Passphrase of the password file: ") == 2
    assert "Login works: editor" in shown
    assert WRONG not in shown and PASSPHRASE not in shown

    # 3. wrong every time: the command fails, saying why, and the file is unchanged
    keyring_files = [
        p for p in home.rglob("*") if p.is_file() and b"qk3editor-keyring" in p.read_bytes()
    ]
    assert len(keyring_files) == 1
    before = keyring_files[0].read_bytes()
    term = Terminal(["target", "test", "cong"], env)
    for _ in range(3):
        term.expect("Passphrase of the password file: ")
        term.type(WRONG)
    code, shown = term.finish()
    assert code == 1, shown
    assert "Wrong passphrase for the encrypted password file" in shown
    assert keyring_files[0].read_bytes() == before

    # nothing secret anywhere in the home, in plain text
    everything = _all_bytes(home)
    for secret in (portal.secret, PASSPHRASE, WRONG):
        for text in (secret, secret[:12]):
            assert text.encode("utf-8") not in everything, text
    assert portal.secret.encode("utf-16-le") not in everything
