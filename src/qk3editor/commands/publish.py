"""Publishing commands: target add|edit|list|test|remove, publish, outbox, portal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qk3editor.commands import interrupts
from qk3editor.commands.output import print_json
from qk3editor.commands.passphrase import terminal_passphrase_for
from qk3editor.core.errors import ValidationError
from qk3editor.core.i18n import active, translate
from qk3editor.core.labels import JOB_STATE_TEXT, STEP_TEXT, label
from qk3editor.core.publish_data import (
    JobState,
    PortalProfile,
    PublishPhoto,
    PublishStatus,
    TargetKind,
    default_profile,
    parse_profile,
)

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
            _password_stdin_argument(t)
            t.add_argument(
                "--trust-api-root",
                metavar="URL",
                help=translate("cli", "confirm a WordPress API root on another address"),
            )
        t.set_defaults(handler=handler)

    p = sub.add_parser("publish", help=translate("cli", "publish an article to a target"))
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.add_argument("--target", required=True, help=translate("cli", "the target's name"))
    p.add_argument(
        "--status",
        choices=[s.value for s in PublishStatus],
        default="publish",
        help=translate("cli", "how the article appears on the site"),
    )
    p.add_argument("--at", help=translate("cli", "when (ISO 8601 with a time zone)"))
    p.add_argument(
        "--photo",
        action="append",
        default=[],
        metavar="FILE[=CAPTION]",
        help=translate("cli", "a photo to publish with the article"),
    )
    p.add_argument(
        "--queue", action="store_true", help=translate("cli", "only put the job in the outbox")
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=translate("cli", "publish despite blocking preflight findings (recorded)"),
    )
    p.add_argument(
        "--preview",
        action="store_true",
        help=translate(
            "cli", "send a draft and print the portal's own preview link (nothing goes public)"
        ),
    )
    _password_stdin_argument(p)
    p.add_argument(
        "--note",
        default="",
        help=translate("cli", "a note for the desk (a send to a newsroom target)"),
    )
    p.set_defaults(handler=run_publish)

    p = sub.add_parser("outbox", help=translate("cli", "the publish jobs"))
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.add_argument("--retry", type=int, metavar="JOB", help=translate("cli", "send a job again"))
    p.add_argument("--cancel", type=int, metavar="JOB", help=translate("cli", "cancel a job"))
    p.add_argument("--run", action="store_true", help=translate("cli", "send the waiting jobs now"))
    p.set_defaults(handler=run_outbox)

    p = sub.add_parser("portal", help=translate("cli", "run the reference portal on 127.0.0.1"))
    p.add_argument("--port", type=int, default=8765, help=translate("cli", "the port to listen on"))
    p.add_argument("--dir", type=Path, help=translate("cli", "where the portal keeps articles"))
    p.add_argument("--user", default="qk3editor", help=translate("cli", "the accepted key name"))
    p.set_defaults(handler=run_portal)


def _password_stdin_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-stdin",
        "--secret-stdin",
        dest="password_stdin",
        action="store_true",
        help=translate("cli", "read the password from standard input (one line)"),
    )


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
    _password_stdin_argument(p)
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


def _services(ctx: AppContext, args: argparse.Namespace | None = None) -> Any:
    """The publishing services; the encrypted password file's passphrase is asked on the
    terminal, except for ``--password-stdin`` (a script: nothing is ever prompted)."""
    scripted = args is not None and getattr(args, "password_stdin", False)
    services = ctx.publishing
    if services.secrets.passphrase is None and not scripted:
        services.secrets.passphrase = terminal_passphrase_for(services.secrets.file)
    return services


def _read_secret(args: argparse.Namespace) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        secret = getpass.getpass(translate("cli", "Password (Application Password): "))
    if not secret.strip():
        raise ValidationError(detail=translate("cli", "an empty password"))
    return secret


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


def _stdin_password_for(svc: Any, args: argparse.Namespace, name: str) -> None:
    """``--password-stdin``: the target's password for this command only (memory, never disk)."""
    if getattr(args, "password_stdin", False):
        target = svc.repo.target(name)
        svc.secrets.remember_for_session(target.name, target.user, _read_secret(args))


def _say_not_stored(name: str) -> None:
    print(
        translate(
            "cli",
            "There is no keyring here, so the password of {name} was not saved; give it "
            "with --password-stdin to each command that needs it",
        ).format(name=name),
        file=sys.stderr,
    )


def _check_desk(ctx: AppContext) -> None:
    """On a newsroom store, publishing and its targets are the desk's (the server agrees)."""
    from qk3editor.core.roles import refuse_if

    refuse_if(ctx.store.capabilities.why_not_publish())


def run_target_add(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.publish.errors import NoKeyringError, UntrustedApiRoot

    _check_desk(ctx)
    svc = _services(ctx, args)
    options = _target_option_values(args, args.kind, args.url, args.user)
    secret = _read_secret(args)
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
        _say_not_stored(target.name)
    print(
        translate("cli", "Target {name} added ({kind}, {url})").format(
            name=target.name, kind=target.kind.value, url=target.url
        )
    )
    return 0


def run_target_edit(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.publish.errors import NoKeyringError

    _check_desk(ctx)
    svc = _services(ctx, args)
    old = svc.repo.target(args.name)
    secret = _read_secret(args) if (args.password or args.password_stdin) else None
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
        _say_not_stored(target.name)
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
    svc = _services(ctx, args)
    _stdin_password_for(svc, args, args.name)
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
    _check_desk(ctx)
    ctx.publishing.remove_target(args.name)
    print(translate("cli", "Target {name} removed").format(name=args.name))
    return 0


def parse_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(detail=f"--at {value}") from None
    if when.tzinfo is None:
        raise ValidationError(detail=translate("cli", "--at needs a time zone (e.g. +07:00)"))
    return when.astimezone(UTC)


def _cli_photos(values: list[str]) -> list[PublishPhoto]:
    photos = []
    for i, value in enumerate(values):
        path, _, caption = value.partition("=")
        if not Path(path).is_file():
            raise ValidationError(detail=path)
        photos.append(
            PublishPhoto(
                key=f"cli-{Path(path).stem}",
                source=str(Path(path).resolve()),
                caption=caption,
                alt=caption,
                featured=(i == 0),
            )
        )
    return photos


def print_findings(findings: list[Any]) -> None:
    """Each finding on a line of its own, in the UI language, errors marked."""
    for f in findings:
        mark = "✗" if f.severity.value == "error" else "!"
        print(f"  {mark} {f.message(translate)}", file=sys.stderr)


def run_publish(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.core.articles import iso_utc, utcnow
    from qk3editor.core.preflight import blocking, default_text_checker, publish_preflight

    _check_desk(ctx)
    svc = _services(ctx, args)
    _stdin_password_for(svc, args, args.target)
    article = ctx.articles.get(ctx.articles.resolve_id(args.id))
    photos = _cli_photos(args.photo) or svc.photo_source(article)
    status = PublishStatus.DRAFT if args.preview else PublishStatus(args.status)
    if svc.repo.target(args.target).kind is TargetKind.NEWSROOM:
        return _send_to_desk(args, ctx, svc, article, photos)
    findings = publish_preflight(
        article, photos, default_text_checker(ctx.settings.tone_style), ctx.settings.lead_max_words
    )
    blockers = blocking(findings)
    forced = None
    if blockers and not args.preview:
        if not args.force:
            print(
                translate("cli", "Not published: {count} blocking item(s):").format(
                    count=len(blockers)
                ),
                file=sys.stderr,
            )
            print_findings(findings)
            print(translate("cli", "Fix them, or publish anyway with --force."), file=sys.stderr)
            return 1
        who = ctx.settings.who
        forced = {"by": who, "at": iso_utc(utcnow()), "findings": [f.code for f in blockers]}
        print(
            translate(
                "cli", "Published despite {count} blocking item(s) (--force, by {who}):"
            ).format(count=len(blockers), who=who),
            file=sys.stderr,
        )
        print_findings(blockers)
    if args.preview:
        job = svc.outbox.enqueue_preview(article, photos, args.target, who=ctx.settings.who)
    else:
        job = svc.outbox.enqueue(
            article,
            photos,
            args.target,
            status,
            parse_at(args.at),
            who=ctx.settings.who,
            forced=forced,
        )
    if args.queue:
        print(translate("cli", "Job {id} is in the outbox").format(id=job.id))
        return 0
    interrupts.note(lambda: _left_in_outbox(job.id))

    def show(p: Any) -> None:
        print(f"  {label(STEP_TEXT, p.step, active())} {p.done}/{p.total}", file=sys.stderr)

    try:
        job = svc.outbox.run_job(job.id, progress=show)
    except KeyboardInterrupt:
        svc.outbox.interrupted(job.id)
        print(
            translate(
                "cli",
                "Interrupted: job {id} waits in the outbox; 'qk3editor outbox --retry {id}' "
                "sends it (never twice)",
            ).format(id=job.id),
            file=sys.stderr,
        )
        return 130
    if args.preview and job.state is JobState.DONE:
        link = svc.outbox.preview_link(job)
        print(translate("cli", "Preview on the portal: {link}").format(link=link))
        return 0
    return _report(job)


def _send_to_desk(
    args: argparse.Namespace, ctx: AppContext, svc: Any, article: Any, photos: Any
) -> int:
    """``publish ID --target NEWSROOM``: the article goes to the desk as it is (no publish
    preflight: the desk edits it), with the note."""
    job = svc.outbox.enqueue(article, photos, args.target, who=ctx.settings.who, note=args.note)
    if args.queue:
        print(translate("cli", "Job {id} is in the outbox").format(id=job.id))
        return 0
    interrupts.note(lambda: _left_in_outbox(job.id))
    try:
        job = svc.outbox.run_job(job.id, inline_retries=False)
    except KeyboardInterrupt:
        svc.outbox.interrupted(job.id)
        return 130
    return _report(job)


def _left_in_outbox(job_id: int) -> str:
    return translate(
        "cli",
        "the article was not published completely; job {id} stays in the outbox; to send it "
        "again: qk3editor outbox --retry {id}",
    ).format(id=job_id)


def _report(job: Any) -> int:
    if job.state is JobState.DONE and str(job.link or "").startswith("newsroom:"):
        print(
            translate("cli", "Sent to the desk {target}: {title}").format(
                target=job.target, title=job.payload.get("article", {}).get("title", "")
            )
        )
        return 0
    if job.state is JobState.DONE:
        print(translate("cli", "Published: {link}").format(link=job.link))
        return 0
    if job.state is JobState.WAITING:
        print(
            translate("cli", "Not sent yet ({reason}); job {id} waits in the outbox").format(
                reason=job.error_text(active()), id=job.id
            ),
            file=sys.stderr,
        )
        return 1
    if job.state is JobState.CONFLICT:
        print(
            translate(
                "cli",
                "Conflict: the article was edited on the server. Server title: "
                "{remote}; yours: {local}. See the outbox (job {id}).",
            ).format(
                remote=job.conflict["remote"]["title"],
                local=job.conflict["local"]["title"],
                id=job.id,
            ),
            file=sys.stderr,
        )
        return 1
    print(
        translate("cli", "Publishing failed at step {step}: {reason} (job {id})").format(
            step=label(STEP_TEXT, job.error_step or "", active()),
            reason=job.error_text(active()),
            id=job.id,
        ),
        file=sys.stderr,
    )
    return 1


def run_outbox(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = ctx.publishing
    if args.retry is not None:
        svc.outbox.retry(args.retry)
        interrupts.note(lambda: _left_in_outbox(args.retry))
        return _report(svc.outbox.run_job(args.retry))
    if args.cancel is not None:
        svc.outbox.cancel(args.cancel)
        print(translate("cli", "Job {id} cancelled").format(id=args.cancel))
        return 0
    if args.run:
        interrupts.note(
            lambda: translate(
                "cli",
                "the jobs not yet sent stay in the outbox; to send them: qk3editor outbox --run",
            )
        )
        svc.outbox.recover_interrupted()
        svc.outbox.run_due()
    jobs = svc.repo.jobs()
    if args.json:
        print_json([j.to_json() for j in jobs])
        return 0
    for j in jobs:
        print(
            f"{j.id}\t{label(JOB_STATE_TEXT, j.state.value, active())}\t{j.target}\t"
            f"{j.article_id}\t{j.link or j.error_text(active())}"
        )
    return 0


def run_portal(args: argparse.Namespace, ctx: AppContext) -> int:

    from qk3editor.publish.portal import PortalServer, PortalStore, load_or_create_secret

    folder = args.dir or (ctx.paths.data_dir / "portal")
    env_secret = os.environ.get("QK3EDITOR_PORTAL_SECRET")
    if env_secret:
        secret, where = env_secret, "QK3EDITOR_PORTAL_SECRET"
    else:
        secret, path = load_or_create_secret(folder)
        where = str(path)
    server = PortalServer(args.port, PortalStore(folder), {args.user: secret})
    print(
        translate(
            "cli", "Reference portal on {url} (key {user}, secret in {where}); Ctrl+C stops it"
        ).format(url=server.public_url, user=args.user, where=where),
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
