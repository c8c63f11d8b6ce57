"""The newsroom desk's commands (issue 16): desk return|messages|sync.

``desk return ID --comment TEXT`` runs on the newsroom store (``--store URL``): the desk sends
a submitted article back to its reporter. ``desk sync`` runs on a reporter's store: the
newsroom targets' returns come in (``outbox --run`` does it too). ``desk messages ID`` lists
an article's notes and returns.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from qk3editor.commands.output import print_json
from qk3editor.core.i18n import translate
from qk3editor.core.timezones import to_local

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.core.desk import DeskMessage


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    desk = sub.add_parser(
        "desk", help=translate("cli", "the newsroom desk: return, messages, sync")
    )
    dsub = desk.add_subparsers(dest="desk_command", metavar="ACTION", required=True)

    p = dsub.add_parser(
        "return", help=translate("cli", "send a submitted article back to its reporter")
    )
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.add_argument(
        "--comment", required=True, help=translate("cli", "why it goes back (the reporter sees it)")
    )
    p.set_defaults(handler=run_return)

    p = dsub.add_parser("messages", help=translate("cli", "an article's notes and returns"))
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_messages)

    p = dsub.add_parser(
        "sync", help=translate("cli", "bring in the desk's returns of the articles sent from here")
    )
    p.set_defaults(handler=run_sync)


def message_line(m: DeskMessage) -> str:
    kinds = {
        "note": translate("desk", "Note"),
        "submitted": translate("desk", "Sent"),
        "returned": translate("desk", "Returned"),
    }
    when = to_local(m.created_at).strftime("%d/%m/%Y %H:%M")
    who = m.author_name or m.author
    return f"{when}\t{kinds.get(m.kind.value, m.kind.value)}\t{who}\t{m.text}"


def run_return(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.desk_repository import DeskRepository

    article_id = ctx.articles.resolve_id(args.id)
    DeskRepository(ctx.store).return_article(article_id, args.comment, ctx.settings.who)
    title = ctx.articles.get(article_id).title
    print(translate("cli", "Returned to the reporter: {title}").format(title=title))
    return 0


def run_messages(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.desk_repository import DeskRepository

    messages = DeskRepository(ctx.store).messages(ctx.articles.resolve_id(args.id))
    if args.json:
        print_json([m.to_json() for m in messages])
        return 0
    for m in messages:
        print(message_line(m))
    return 0


def run_sync(args: argparse.Namespace, ctx: AppContext) -> int:
    from qk3editor.storage.desk_repository import DeskRepository

    returned = ctx.publishing.outbox.sync_newsrooms()
    desk = DeskRepository(ctx.store)
    latest = desk.latest(returned)
    for article_id in returned:
        title = ctx.articles.get(article_id).title
        m = latest.get(article_id)
        comment = m.text if m is not None else ""
        print(
            translate("cli", "Returned by the desk: {title} — {comment}").format(
                title=title, comment=comment
            )
        )
    if not returned:
        print(translate("cli", "Nothing new from the desk"))
    return 0
