"""The encrypted password file's passphrase, asked on the terminal (issue 10: no system
keyring). Never read from the environment (it leaks) nor from stdin when stdin is a file:
only from the controlling terminal, with echo off (getpass)."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from typing import Any

from qk3editor.core.i18n import translate


def terminal_passphrase(creating: bool) -> str | None:
    """The encrypted password file's passphrase, asked on the terminal (even when stdin is a
    file); None where there is no terminal. Never from the environment (it leaks)."""
    if os.name == "nt":
        if not sys.stdin.isatty():
            return None
    else:
        try:
            with open("/dev/tty", "rb"):
                pass
        except OSError:
            return None
    if creating:
        print(
            translate(
                "cli",
                "There is no system keyring: qk3editor keeps passwords in an encrypted file. "
                "Choose a passphrase for it (asked once per session).",
            ),
            file=sys.stderr,
        )
        first = getpass.getpass(translate("cli", "New passphrase: "))
        if not first or getpass.getpass(translate("cli", "The passphrase again: ")) != first:
            print(translate("cli", "The two passphrases differ or are empty."), file=sys.stderr)
            return None
        return first
    return getpass.getpass(translate("cli", "Passphrase of the password file: ")) or None


PASSPHRASE_TRIES = 3  # as sudo: a mistyped passphrase is asked again, twice


def terminal_passphrase_for(file: Any) -> Callable[[bool], str | None]:
    """:func:`terminal_passphrase`, asked again (up to :data:`PASSPHRASE_TRIES` times) while
    the typed passphrase does not open ``file`` (the encrypted password file); the last wrong
    one is returned, so the store reports it."""

    def ask(creating: bool) -> str | None:
        phrase = terminal_passphrase(creating)
        if creating or file is None or phrase is None:
            return phrase
        from qk3editor.publish.errors import WrongPassphrase
        from qk3editor.publish.secrets import FileKeyring

        for _ in range(PASSPHRASE_TRIES - 1):
            try:
                FileKeyring(file.path).unlock(phrase)
                return phrase
            except WrongPassphrase:
                print(translate("cli", "Wrong passphrase, try again."), file=sys.stderr)
            phrase = terminal_passphrase(False)
            if phrase is None:
                return None
        return phrase

    return ask
