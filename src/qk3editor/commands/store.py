"""Store commands: check, backups, restore-backup. They work on a damaged store too.

``store check`` runs SQLite's ``quick_check`` now (whatever was remembered); ``store backups``
lists the backups in the data folder, newest first; ``store restore-backup [NAME]`` puts a
backup (the newest when no name is given) in place of the store, keeping the file that was
there aside as ``<store>.before-restore-<time>``. Close the app before restoring.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

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
