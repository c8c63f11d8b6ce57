"""Newsroom commands (issue 16): ``newsroom init``, ``add-user``, ``role``, ``users``, ``whoami``.

They work on a PostgreSQL store (``--store postgresql+psycopg://...``). ``init`` is run by the
database's owner (or a superuser); the user commands by an administrator. The password of
``add-user`` is read from stdin (without echo on a terminal): never an argument, never
printed, logged or put in an error; only its SCRAM verifier goes to the server.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from qk3editor.commands.output import write_text
from qk3editor.core import budgets
from qk3editor.core.errors import QkError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, translate
from qk3editor.core.roles import Role

if TYPE_CHECKING:
    from qk3editor.context import AppContext

MAX_PASSWORD = budgets.MAX_PASSWORD_CHARS  # read from stdin (docs/LIMITS.md)


class NewsroomError(QkError):
    code = "newsroom"
    template = QT_TRANSLATE_NOOP("errors", "{detail}")


NOT_POSTGRES = QT_TRANSLATE_NOOP(
    "errors", "A newsroom is a PostgreSQL store: give --store postgresql+psycopg://USER@HOST/DB"
)
NO_PASSWORD = QT_TRANSLATE_NOOP("errors", "No password was given on stdin")
LONG_PASSWORD = QT_TRANSLATE_NOOP("errors", "The password is too long (at most {limit} characters)")
BAD_NAME = QT_TRANSLATE_NOOP(
    "errors",
    "{name} cannot be a user name: use lower-case Latin letters, digits, '_', '.' or '-' "
    "(at most 63), not starting with a digit, 'pg_' or 'qk3_'",
)
USER_EXISTS = QT_TRANSLATE_NOOP(
    "errors", "The user {name} exists already; change their role with: newsroom role"
)
NO_USER = QT_TRANSLATE_NOOP("errors", "There is no newsroom user {name}")
NOT_INITIALISED = QT_TRANSLATE_NOOP(
    "errors", "This store is not a newsroom yet: its owner runs `qk3editor newsroom init` first"
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    news = sub.add_parser("newsroom", help=translate("cli", "set up a newsroom's users and roles"))
    nsub = news.add_subparsers(dest="newsroom_command", metavar="COMMAND", required=True)
    roles = [r.value for r in Role]

    p = nsub.add_parser(
        "init", help=translate("cli", "make the PostgreSQL store a newsroom (roles, rules)")
    )
    p.set_defaults(handler=run_init)

    p = nsub.add_parser(
        "add-user", help=translate("cli", "add a newsroom user (the password is read from stdin)")
    )
    p.add_argument("name", metavar="NAME", help=translate("cli", "the login name"))
    p.add_argument("--role", required=True, choices=roles, help=translate("cli", "the role"))
    p.set_defaults(handler=run_add_user)

    p = nsub.add_parser("role", help=translate("cli", "change a newsroom user's role"))
    p.add_argument("name", metavar="NAME", help=translate("cli", "the login name"))
    p.add_argument("role", metavar="ROLE", choices=roles, help=translate("cli", "the role"))
    p.set_defaults(handler=run_role)

    p = nsub.add_parser("users", help=translate("cli", "list the newsroom's users and roles"))
    p.set_defaults(handler=run_users)

    p = nsub.add_parser("whoami", help=translate("cli", "show your login and role"))
    p.set_defaults(handler=run_whoami)


def _postgres(ctx: AppContext) -> None:
    if ctx.store.is_sqlite:
        raise NewsroomError(NOT_POSTGRES)


def _refuse_early(ctx: AppContext) -> None:
    why = ctx.store.capabilities.why_not_manage_users()
    if why is not None:
        raise NewsroomError(detail=why)


def run_init(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.newsroom import init_newsroom

    _postgres(ctx)
    report = init_newsroom(ctx.store)
    if report.created_groups:
        write_text(
            translate("cli", "created the roles: {roles}").format(
                roles=", ".join(report.created_groups)
            )
            + "\n"
        )
    write_text(
        translate("cli", "the newsroom is ready: rules on {tables} tables").format(
            tables=report.tables
        )
        + "\n"
    )
    return 0


def read_password() -> str:
    """One line from stdin, without echo on a terminal; never printed or logged."""
    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(translate("cli", "Password: "))
    else:
        password = sys.stdin.readline(MAX_PASSWORD + 2).rstrip("\r\n")
    if not password:
        raise NewsroomError(NO_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise NewsroomError(LONG_PASSWORD, limit=MAX_PASSWORD)
    return password


def run_add_user(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.newsroom import USER_NAME, add_user

    _postgres(ctx)
    _refuse_early(ctx)
    name = str(args.name)
    if not USER_NAME.match(name) or name.startswith(("pg_", "qk3_")):
        raise NewsroomError(BAD_NAME, name=name)
    password = read_password()
    role = Role(args.role)
    try:
        add_user(ctx.store, name, password, role)
    except Exception as exc:
        raise _user_error(exc, name) from None  # never chained: nothing of the call leaks
    finally:
        del password
    write_text(
        translate("cli", "added {name} as {role}").format(name=name, role=role.label()) + "\n"
    )
    return 0


def run_role(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.newsroom import set_role

    _postgres(ctx)
    _refuse_early(ctx)
    role = Role(args.role)
    try:
        set_role(ctx.store, str(args.name), role)
    except Exception as exc:
        raise _user_error(exc, str(args.name)) from None
    write_text(
        translate("cli", "{name} is now {role}").format(name=args.name, role=role.label()) + "\n"
    )
    return 0


def run_users(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.newsroom import list_users

    _postgres(ctx)
    try:
        users = list_users(ctx.store)
    except Exception as exc:
        raise _user_error(exc, "") from None
    for u in users:
        write_text(f"{u.name}\t{u.role.value}\t{u.role.label()}\n")
    return 0


def run_whoami(args: argparse.Namespace, ctx: AppContext) -> int:
    caps = ctx.store.capabilities
    if not caps.newsroom:
        write_text(translate("cli", "a local store: no roles") + "\n")
        return 0
    role = caps.role_label() or translate("cli", "no role")
    write_text(f"{caps.login}\t{caps.role.value if caps.role else '-'}\t{role}\n")
    return 0


def _user_error(exc: Exception, name: str) -> QkError:
    """The server's answer as one of ours (its SQLSTATE), never the statement's text."""
    from qk3editor.edge_errors import as_qk_error

    driver = exc.__cause__ if isinstance(exc, QkError) and exc.__cause__ else exc
    state = str(getattr(getattr(driver, "orig", driver), "sqlstate", None) or "")
    if state == "42710":
        return NewsroomError(USER_EXISTS, name=name)
    if state == "42704":
        return NewsroomError(NO_USER, name=name)
    if state == "22023":
        return NewsroomError(BAD_NAME, name=name)
    if state in ("42883", "42P01"):  # qk3_add_user() etc. missing: init was never run
        return NewsroomError(NOT_INITIALISED)
    known = as_qk_error(exc)
    if known is not None:
        return known
    return NewsroomError(detail=type(exc).__name__)
