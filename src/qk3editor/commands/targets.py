"""Publish target commands: target add|edit|list|test|remove."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qk3editor.commands.output import print_json
from qk3editor.commands.publish_common import (
    check_desk,
    password_stdin_argument,
    read_secret,
    say_not_stored,
    services_for,
    stdin_password_for,
)
from qk3editor.core.i18n import translate
from qk3editor.core.publish_data import PortalProfile, TargetKind, default_profile, parse_profile

if TYPE_CHECKING:
    from qk3editor.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("target", help=translate("cli", "publish targets"))
    tsub = p.add_subparsers(
        dest="target_command", metavar="ACTION", required=True, parser_class=type(p)
    )
    a = tsub.add_parser("add", help=translate("cli", "add a publish target"))
    a.add_argument("name", help=translate("cli", "a short name for the target"))
    _target_arguments(a, adding=True)
    a.set_defaults(handler=run_target_add)

    e = tsub.add_parser("edit", help=translate("cli", "change a publish target"))
    e.add_argument("name")
    _target_arguments(e, adding=False)
    e.set_defaults(handler=run_target_edit)

    for action, text, handler in (
        ("list", "list publish targets", run_target_list),
        ("test", "check a target's login", run_target_test),
        ("remove", "remove a publish target", run_target_remove),
    ):
        t = tsub.add_parser(action, help=translate("cli", text))
        if action == "list":
            t.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
        else:
            t.add_argument("name", help=translate("cli", "the target's name"))
        if action == "test":
            password_stdin_argument(t)
            t.add_argument(
                "--trust-api-root",
                metavar="URL",
                help=translate("cli", "confirm a WordPress API root on another address"),
            )
        t.set_defaults(handler=handler)


def _target_arguments(p: argparse.ArgumentParser, adding: bool) -> None:
    """The options of ``target add`` and ``target edit`` (required when adding). A new option
    goes here and into :func:`_target_option_values`."""
    p.add_argument(
        "--kind",
        choices=["wordpress", "ninjs", "newsroom"],
        required=adding,
        help=translate(
            "cli",
            "the kind of site (newsroom: the desk's shared PostgreSQL store, "
            "--url postgresql+psycopg://USER@HOST:PORT/DB)",
        ),
    )
    p.add_argument("--url", required=adding, help=translate("cli", "the site address"))
    p.add_argument("--user", required=adding, help=translate("cli", "the user name"))
    p.add_argument("--ca-bundle", help=translate("cli", "extra CA certificates (PEM) to trust"))
    p.add_argument(
        "--trust-api-root",
        metavar="URL",
        help=translate("cli", "confirm a WordPress API root on another address"),
    )
    add_profile_argument(p)
    password_stdin_argument(p)
    if not adding:
        p.add_argument(
            "--password",
            action="store_true",
            help=translate("cli", "set a new password (asked for, or read with --password-stdin)"),
        )
    p.add_argument(
        "--no-check",
        action="store_true",
        help=translate("cli", "save without trying to log in (offline)"),
    )


def _target_option_values(
    args: argparse.Namespace,
    kind: str,
    url: str,
    user: str,
    current: PortalProfile | None = None,
) -> dict[str, Any]:
    """The target options given on the command line (``target add``/``edit``); ``--profile``
    is merged over ``current`` (the target's profile when editing, the kind's default when
    adding)."""
    from qk3editor.core.errors import FileMissing

    options: dict[str, Any] = {}
    if getattr(args, "profile", None):
        base = current if current is not None else default_profile(TargetKind(kind))
        options["profile"] = parse_profile(args.profile, base).to_json()
    if args.ca_bundle is not None:
        if args.ca_bundle and not Path(args.ca_bundle).is_file():
            raise FileMissing(path=args.ca_bundle)
        options["ca_bundle"] = str(Path(args.ca_bundle).resolve()) if args.ca_bundle else None
    if args.trust_api_root:
        from qk3editor.publish.targets import API_ROOT_OPTION, make_target, trusted_api_root

        probe = make_target(args.name, kind, url, user)
        options[API_ROOT_OPTION] = trusted_api_root(probe, args.trust_api_root)
    return options


def _say_untrusted(exc: Exception, translator: Any) -> None:
    """The target was saved, but its login was not tried: the site names its API elsewhere."""
    message = exc.message(translator) if hasattr(exc, "message") else str(exc)
    print(translate("cli", "qk3editor: warning: {detail}").format(detail=message), file=sys.stderr)


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="lead=content|excerpt|both,featured=image|figure|image+figure",
        help=translate(
            "cli",
            "how the portal prints an article: where the lead goes and whether the featured "
            "photo is also the first captioned figure",
        ),
    )


def run_target_add(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.publish.errors import NoKeyringError, UntrustedApiRoot

    check_desk(ctx)
    svc = services_for(ctx, args)
    options = _target_option_values(args, args.kind, args.url, args.user)
    secret = read_secret(args)
    check = not args.no_check
    try:
        target = svc.add_target(
            args.name, args.kind, args.url, args.user, secret, options, check=check
        )
    except UntrustedApiRoot as exc:  # saved; the password was not sent to the other address
        target = svc.repo.target(args.name)
        _say_untrusted(exc, ctx.translator)
    except NoKeyringError:
        if not args.password_stdin:
            raise
        # The person gives the password per command: the target is saved, the password not.
        target = svc.add_target(
            args.name, args.kind, args.url, args.user, secret, options, session_only=True
        )
        say_not_stored(target.name)
    print(
        translate("cli", "Target {name} added ({kind}, {url})").format(
            name=target.name, kind=target.kind.value, url=target.url
        )
    )
    return 0


def run_target_edit(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.publish.errors import NoKeyringError

    check_desk(ctx)
    svc = services_for(ctx, args)
    old = svc.repo.target(args.name)
    secret = read_secret(args) if (args.password or args.password_stdin) else None
    changes: dict[str, Any] = {
        "kind": args.kind,
        "url": args.url,
        "user": args.user,
        "options": _target_option_values(
            args,
            args.kind or old.kind.value,
            args.url or old.url,
            args.user or old.user,
            old.profile,
        ),
        # log in again only when what the login depends on changed (not for a profile)
        "check": not args.no_check
        and any(v is not None for v in (args.kind, args.url, args.user, args.ca_bundle, secret)),
    }
    from qk3editor.publish.errors import UntrustedApiRoot

    try:
        target = svc.edit_target(args.name, secret=secret, **changes)
    except UntrustedApiRoot as exc:  # saved; the password was not sent to the other address
        target = svc.repo.target(args.name)
        _say_untrusted(exc, ctx.translator)
    except NoKeyringError:
        if secret is None:
            raise
        target = svc.edit_target(args.name, secret=secret, session_only=True, **changes)
        say_not_stored(target.name)
    print(
        translate("cli", "Target {name} changed ({kind}, {url}, {user})").format(
            name=target.name, kind=target.kind.value, url=target.url, user=target.user
        )
    )
    return 0


def run_target_list(args: argparse.Namespace, ctx: AppContext) -> int:
    targets = ctx.publishing.repo.targets()
    if args.json:
        print_json(
            [
                {
                    "name": t.name,
                    "kind": t.kind.value,
                    "url": t.url,
                    "user": t.user,
                    "options": t.options,
                    "profile": t.profile.to_json(),
                }
                for t in targets
            ]
        )
        return 0
    for t in targets:
        print(f"{t.name}\t{t.kind.value}\t{t.url}\t{t.user}\t{t.profile.text()}")
    return 0


def run_target_test(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = services_for(ctx, args)
    stdin_password_for(svc, args, args.name)
    if args.trust_api_root:
        target = svc.trust_api_root(args.name, args.trust_api_root)
        print(
            translate("cli", "API root {root} confirmed for target {name}").format(
                root=target.options["api_root"], name=target.name
            )
        )
    who = svc.outbox.test_target(args.name)
    print(translate("cli", "Login works: {user}").format(user=who))
    return 0


def run_target_remove(args: argparse.Namespace, ctx: AppContext) -> int:
    check_desk(ctx)
    ctx.publishing.remove_target(args.name)
    print(translate("cli", "Target {name} removed").format(name=args.name))
    return 0
