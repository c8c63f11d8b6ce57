"""Publishing commands: target add|edit|list|test|remove, publish, outbox, portal."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qk3editor.commands.output import print_json
from qk3editor.core.errors import ValidationError
from qk3editor.core.i18n import translate
from qk3editor.core.publish_data import (
    JobState,
    PortalProfile,
    PublishPhoto,
    PublishStatus,
    Target,
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
    a.add_argument("name")
    a.add_argument("--kind", choices=["wordpress", "ninjs"], required=True)
    a.add_argument("--url", required=True, help=translate("cli", "the site address"))
    a.add_argument("--user", required=True, help=translate("cli", "the user name"))
    a.add_argument("--ca-bundle", help=translate("cli", "extra CA certificates (PEM) to trust"))
    a.add_argument(
        "--trust-api-root",
        metavar="URL",
        help=translate("cli", "confirm a WordPress API root on another address"),
    )
    a.add_argument(
        "--secret-stdin",
        action="store_true",
        help=translate("cli", "read the password from standard input"),
    )
    add_profile_argument(a)
    a.set_defaults(handler=run_target_add)
    e = tsub.add_parser("edit", help=translate("cli", "change a publish target"))
    e.add_argument("name")
    add_profile_argument(e)
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
            t.add_argument("name")
        if action == "test":
            t.add_argument(
                "--trust-api-root",
                metavar="URL",
                help=translate("cli", "confirm a WordPress API root on another address"),
            )
        t.set_defaults(handler=handler)

    p = sub.add_parser("publish", help=translate("cli", "publish an article to a target"))
    p.add_argument("id")
    p.add_argument("--target", required=True)
    p.add_argument("--status", choices=[s.value for s in PublishStatus], default="publish")
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
    p.set_defaults(handler=run_publish)

    p = sub.add_parser("outbox", help=translate("cli", "the publish jobs"))
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.add_argument("--retry", type=int, metavar="JOB")
    p.add_argument("--cancel", type=int, metavar="JOB")
    p.add_argument("--run", action="store_true", help=translate("cli", "send the waiting jobs now"))
    p.set_defaults(handler=run_outbox)

    p = sub.add_parser("portal", help=translate("cli", "run the reference portal on 127.0.0.1"))
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--dir", type=Path, help=translate("cli", "where the portal keeps articles"))
    p.add_argument("--user", default="qk3editor", help=translate("cli", "the accepted key name"))
    p.set_defaults(handler=run_portal)


def _read_secret(args: argparse.Namespace) -> str:
    if args.secret_stdin or not sys.stdin.isatty():
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        secret = getpass.getpass(translate("cli", "Password (Application Password): "))
    if not secret.strip():
        raise ValidationError(detail=translate("cli", "an empty password"))
    return secret


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="lead=content|excerpt|both,featured=image|image+figure",
        help=translate(
            "cli",
            "how the portal prints an article: where the lead goes and whether the featured "
            "photo is also the first captioned figure",
        ),
    )


def profile_option(args: argparse.Namespace, target: Target) -> PortalProfile | None:
    """``--profile`` merged over the target's current profile (None when not given)."""
    text = getattr(args, "profile", None)
    if not text:
        return None
    return parse_profile(text, target.profile)


def run_target_edit(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = ctx.publishing
    target = svc.repo.target(args.name)
    profile = profile_option(args, target)
    if profile is not None:
        target = svc.set_profile(target.name, profile)
        print(
            translate("cli", "Target {name}: profile {profile}").format(
                name=target.name, profile=target.profile.text()
            )
        )
    return 0


def run_target_add(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = ctx.publishing
    options: dict[str, Any] = {"ca_bundle": args.ca_bundle} if args.ca_bundle else {}
    if args.profile:
        kind = TargetKind(args.kind)
        options["profile"] = parse_profile(args.profile, default_profile(kind)).to_json()
    if args.trust_api_root:
        from qk3editor.publish.targets import API_ROOT_OPTION, make_target, trusted_api_root

        probe = make_target(args.name, args.kind, args.url, args.user)
        options[API_ROOT_OPTION] = trusted_api_root(probe, args.trust_api_root)
    target = svc.add_target(args.name, args.kind, args.url, args.user, _read_secret(args), options)
    print(
        translate("cli", "Target {name} added ({kind}, {url})").format(
            name=target.name, kind=target.kind.value, url=target.url
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
    svc = ctx.publishing
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

    svc = ctx.publishing
    article = ctx.articles.get(args.id)
    photos = _cli_photos(args.photo) or svc.photo_source(article)
    status = PublishStatus.DRAFT if args.preview else PublishStatus(args.status)
    findings = publish_preflight(
        article, photos, default_text_checker(), ctx.settings.lead_max_words
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

    def show(p: Any) -> None:
        print(f"  {p.step} {p.done}/{p.total}", file=sys.stderr)

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


def _report(job: Any) -> int:
    if job.state is JobState.DONE:
        print(translate("cli", "Published: {link}").format(link=job.link))
        return 0
    if job.state is JobState.WAITING:
        print(
            translate("cli", "Not sent yet ({reason}); job {id} waits in the outbox").format(
                reason=job.error_message, id=job.id
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
            step=job.error_step, reason=job.error_message, id=job.id
        ),
        file=sys.stderr,
    )
    return 1


def run_outbox(args: argparse.Namespace, ctx: AppContext) -> int:
    svc = ctx.publishing
    if args.retry is not None:
        svc.outbox.retry(args.retry)
        return _report(svc.outbox.run_job(args.retry))
    if args.cancel is not None:
        svc.outbox.cancel(args.cancel)
        print(translate("cli", "Job {id} cancelled").format(id=args.cancel))
        return 0
    if args.run:
        svc.outbox.recover_interrupted()
        svc.outbox.run_due()
    jobs = svc.repo.jobs()
    if args.json:
        print_json([j.to_json() for j in jobs])
        return 0
    for j in jobs:
        print(
            f"{j.id}\t{j.state.value}\t{j.target}\t{j.article_id}\t"
            f"{j.link or j.error_message or ''}"
        )
    return 0


def run_portal(args: argparse.Namespace, ctx: AppContext) -> int:
    import os

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
