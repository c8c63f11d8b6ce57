"""Who is editing what (issue 16): ``leases`` lists the running leases (``--history ID``: an
article's acquire/release/take-over/expire events); ``edit`` holds the article's lease while
it writes (:func:`holding`), and refuses an article someone else holds unless ``--force``
with a ``--reason``, which is recorded."""

from __future__ import annotations

import argparse
from collections.abc import Generator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from qk3editor.commands.output import one_line, print_json, write_text
from qk3editor.core.i18n import translate
from qk3editor.core.leases import LeaseHeld, LeaseReasonMissing
from qk3editor.core.timezones import to_local

if TYPE_CHECKING:
    from qk3editor.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("leases", help=translate("cli", "who is editing which article"))
    p.add_argument(
        "--history", metavar="ID", help=translate("cli", "an article's lease events instead")
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_leases)


def add_force_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--force",
        action="store_true",
        help=translate("cli", "take the article over from the person editing it (needs --reason)"),
    )
    p.add_argument("--reason", help=translate("cli", "why you take it over (recorded)"))


@contextmanager
def holding(
    ctx: AppContext, article_id: str, force: bool, reason: str | None
) -> Generator[None, None, None]:
    """Hold the article's lease while the block writes; give it back afterwards."""
    if force and not (reason or "").strip():
        raise LeaseReasonMissing()
    result = ctx.leases.acquire(article_id, reason.strip() if force and reason else None)
    if not result.granted:
        lease = result.lease
        raise LeaseHeld(
            name=lease.who,
            host=lease.host,
            since=to_local(lease.acquired_at).strftime("%d/%m/%Y %H:%M"),
        )
    try:
        yield
    finally:
        ctx.leases.release(article_id)


def run_leases(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.history:
        article_id = ctx.articles.resolve_id(args.history)
        events = ctx.leases.events(article_id)
        if args.json:
            print_json(
                [
                    {
                        "action": e.action,
                        "by": e.by,
                        "by_name": e.by_name,
                        "reason": e.reason,
                        "at": e.at.isoformat(),
                    }
                    for e in events
                ]
            )
            return 0
        for e in events:
            when = to_local(e.at).strftime("%d/%m/%Y %H:%M:%S")
            reason = f"  {one_line(e.reason)}" if e.reason else ""
            write_text(f"{when}  {e.action:<8}  {one_line(e.by_name or e.by)}{reason}\n")
        return 0
    leases = ctx.leases.active()
    if args.json:
        print_json(
            [
                {
                    "article_id": lease.article_id,
                    "holder": lease.holder,
                    "holder_name": lease.holder_name,
                    "host": lease.host,
                    "pid": lease.pid,
                    "acquired_at": lease.acquired_at.isoformat(),
                    "expires_at": lease.expires_at.isoformat(),
                }
                for lease in leases
            ]
        )
        return 0
    if not leases:
        write_text(translate("cli", "Nobody is editing an article now.") + "\n")
        return 0
    for lease in leases:
        since = to_local(lease.acquired_at).strftime("%d/%m/%Y %H:%M")
        write_text(
            f"{lease.article_id[:8]}  {one_line(lease.who)} ({one_line(lease.holder)})  "
            f"{one_line(lease.host)}:{lease.pid}  {since}\n"
        )
    return 0
