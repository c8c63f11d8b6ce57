"""Store commands: check, backups, restore-backup (they work on a damaged store too), copy.

``store check`` runs SQLite's ``quick_check`` now (whatever was remembered); ``store backups``
lists the backups in the data folder, newest first; ``store restore-backup [NAME]`` puts a
backup (the newest when no name is given) in place of the store, keeping the file that was
there aside as ``<store>.before-restore-<time>``. Close the app before restoring.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from qk3editor.commands.output import write_text
from qk3editor.core.errors import StoreError
from qk3editor.core.i18n import translate
from qk3editor.core.timezones import to_local
from qk3editor.paths import Paths, resolve_paths, resolve_store_url
from qk3editor.storage.checks import (
    check_sqlite_file,
    list_backups,
    read_only_mode,
    restore_backup,
)
from qk3editor.storage.errors import NO_BACKUPS, NO_SUCH_BACKUP

if TYPE_CHECKING:
    from qk3editor.context import AppContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    store = sub.add_parser(
        "store", help=translate("cli", "check the store, list and restore backups")
    )
    ssub = store.add_subparsers(dest="store_command", metavar="COMMAND", required=True)

    p = ssub.add_parser("check", help=translate("cli", "check the store file now"))
    p.set_defaults(handler=run_check, opens_store=False)

    p = ssub.add_parser("backups", help=translate("cli", "list the store's backups"))
    p.set_defaults(handler=run_backups, opens_store=False)

    p = ssub.add_parser(
        "restore-backup", help=translate("cli", "put a backup in place of the store")
    )
    p.add_argument("name", nargs="?", metavar="NAME", help=translate("cli", "the backup's name"))
    p.set_defaults(handler=run_restore, opens_store=False)

    p = ssub.add_parser(
        "copy",
        help=translate(
            "cli",
            "copy this store (articles, revisions, photos with their originals, links, "
            "categories) into another store, e.g. the newsroom; a second run adds nothing twice",
        ),
    )
    p.add_argument(
        "--to",
        required=True,
        metavar="URL|PATH",
        help=translate("cli", "the other store: postgresql+psycopg://USER@HOST:PORT/DB or a file"),
    )
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help=translate("cli", "read the other store's password from standard input (one line)"),
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_copy)


def _target(args: argparse.Namespace) -> tuple[Paths, Path]:
    paths = resolve_paths()
    url = resolve_store_url(paths, args.store, os.environ)
    from qk3editor.storage.db import sqlite_path

    path = sqlite_path(url)
    if path is None:
        raise StoreError(
            detail=translate("cli", "only a SQLite store file has these checks and backups")
        )
    return paths, path


def run_check(args: argparse.Namespace, _ctx: object) -> int:
    paths, path = _target(args)
    if not path.exists():
        write_text(translate("cli", "{path}: no store yet").format(path=path) + "\n")
        return 0
    reason, mode = read_only_mode(path)
    check_sqlite_file(path, paths.backups_dir, None, mode or "ro")  # raises when damaged
    write_text(translate("cli", "{path}: the check found no damage").format(path=path) + "\n")
    if reason:
        write_text(translate("cli", "read-only: {reason}").format(reason=reason) + "\n")
    return 0


def run_backups(args: argparse.Namespace, _ctx: object) -> int:
    paths, path = _target(args)
    found = list_backups(paths.backups_dir, path)
    if not found:
        write_text(
            translate("cli", "There is no backup in {backups}").format(backups=paths.backups_dir)
            + "\n"
        )
        return 0
    for b in found:
        when = to_local(b.modified).strftime("%d/%m/%Y %H:%M")
        write_text(f"{b.name}\t{when}\t{b.size}\n")
    return 0


def run_restore(args: argparse.Namespace, _ctx: object) -> int:
    paths, path = _target(args)
    found = list_backups(paths.backups_dir, path)  # this store's; by NAME any backup
    if args.name:
        chosen = next((b for b in list_backups(paths.backups_dir) if b.name == args.name), None)
        if chosen is None:
            raise StoreError(NO_SUCH_BACKUP, name=args.name, backups=str(paths.backups_dir))
    elif found:
        chosen = found[0]
    else:
        raise StoreError(NO_BACKUPS, backups=str(paths.backups_dir))
    from qk3editor.context import store_state_file

    kept = restore_backup(path, chosen.path, store_state_file(paths))
    write_text(
        translate("cli", "{path} restored from {backup}").format(path=path, backup=chosen.name)
        + "\n"
    )
    if kept is not None:
        write_text(translate("cli", "the previous file is kept as {kept}").format(kept=kept) + "\n")
    return 0


def run_copy(args: argparse.Namespace, ctx: AppContext) -> int:
    """``store copy --to URL``: see :mod:`qk3editor.storage.store_copy`."""
    import sys

    from sqlalchemy import make_url

    from qk3editor.commands.output import print_json
    from qk3editor.paths import store_url_for
    from qk3editor.storage.db import open_store
    from qk3editor.storage.store_copy import copy_store

    url = store_url_for(args.to)
    if args.password_stdin:  # kept in memory for this command only
        secret = sys.stdin.readline().rstrip("\r\n")
        url = make_url(url).set(password=secret).render_as_string(hide_password=False)
    target = open_store(url)
    try:
        photos_dir = ctx.paths.photos_dir if target.is_sqlite else None
        report = copy_store(ctx.store, target, photos_dir)
    finally:
        target.close()
    if args.json:
        print_json(report.to_json())
        return 0
    write_text(
        translate(
            "cli",
            "Copied to {to}: {added} new article(s), {updated} updated, {photos} photo(s) "
            "({originals} original(s)), {revisions} revision(s), {links} photo link(s), "
            "{categories} categor(ies)",
        ).format(
            to=make_url(url).render_as_string(hide_password=True),
            added=report.articles_added,
            updated=report.articles_updated,
            photos=report.photos,
            originals=report.originals,
            revisions=report.revisions,
            links=report.links,
            categories=report.categories,
        )
        + "\n"
    )
    if report.missing_originals:
        write_text(
            translate(
                "cli", "{count} photo original(s) were not found on this machine: copied without"
            ).format(count=report.missing_originals)
            + "\n"
        )
    return 0
