"""Publishing commands: publish, outbox, portal (the targets: commands/targets.py)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qk3editor.commands import interrupts
from qk3editor.commands.output import print_json
from qk3editor.commands.publish_common import (
    check_desk,
    password_stdin_argument,
    services_for,
    stdin_password_for,
)
from qk3editor.core.errors import ValidationError
from qk3editor.core.i18n import active, translate
from qk3editor.core.labels import JOB_STATE_TEXT, STEP_TEXT, label
from qk3editor.core.publish_data import (
    JobState,
    PublishPhoto,
    PublishStatus,
    TargetKind,
)

if TYPE_CHECKING:
    from qk3editor.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    password_stdin_argument(p)
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

    check_desk(ctx)
    svc = services_for(ctx, args)
    stdin_password_for(svc, args, args.target)
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
