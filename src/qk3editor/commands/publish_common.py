"""What the publishing commands share (``target …`` in commands/targets.py; ``publish``,
``outbox`` in commands/publish.py): the password on stdin, the services, the desk's check."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from qk3editor.commands.passphrase import terminal_passphrase_for
from qk3editor.core.budgets import MAX_PASSWORD_CHARS
from qk3editor.core.errors import ValidationError
from qk3editor.core.i18n import translate

if TYPE_CHECKING:
    from qk3editor.context import AppContext


def password_stdin_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-stdin",
        "--secret-stdin",
        dest="password_stdin",
        action="store_true",
        help=translate("cli", "read the password from standard input (one line)"),
    )


def services_for(ctx: AppContext, args: argparse.Namespace | None = None) -> Any:
    """The publishing services; the encrypted password file's passphrase is asked on the
    terminal, except for ``--password-stdin`` (a script: nothing is ever prompted)."""
    scripted = args is not None and getattr(args, "password_stdin", False)
    services = ctx.publishing
    if services.secrets.passphrase is None and not scripted:
        services.secrets.passphrase = terminal_passphrase_for(services.secrets.file)
    return services


def read_secret(args: argparse.Namespace) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        # one line, bounded: a stream with no newline is never read whole into memory
        secret = sys.stdin.readline(MAX_PASSWORD_CHARS + 2).rstrip("\r\n")
    else:
        secret = getpass.getpass(translate("cli", "Password (Application Password): "))
    if not secret.strip():
        raise ValidationError(detail=translate("cli", "an empty password"))
    if len(secret) > MAX_PASSWORD_CHARS:
        raise ValidationError(
            detail=translate("cli", "a password longer than {limit} characters").format(
                limit=MAX_PASSWORD_CHARS
            )
        )
    return secret


def stdin_password_for(svc: Any, args: argparse.Namespace, name: str) -> None:
    """``--password-stdin``: the target's password for this command only (memory, never disk)."""
    if getattr(args, "password_stdin", False):
        target = svc.repo.target(name)
        svc.secrets.remember_for_session(target.name, target.user, read_secret(args))


def say_not_stored(name: str) -> None:
    print(
        translate(
            "cli",
            "There is no keyring here, so the password of {name} was not saved; give it "
            "with --password-stdin to each command that needs it",
        ).format(name=name),
        file=sys.stderr,
    )


def check_desk(ctx: AppContext) -> None:
    """On a newsroom store, publishing and its targets are the desk's (the server agrees)."""
    from qk3editor.core.roles import refuse_if

    refuse_if(ctx.store.capabilities.why_not_publish())
