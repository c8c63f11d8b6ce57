"""Photo desk commands: import, list, caption, location, export, check; an article's photos
(feature, place, detach) are in :mod:`qk3editor.commands.article_photos`.

``photos caption --template F``: F is a YAML mapping of fields to text, which may use the
template variables {date} {city} {creator} {credit} {filename} {seq}; e.g.::

    description: "{city}, {date}: =thai= thăm bộ đội"
    credit: Báo Quân khu 3
    keywords: [Quân khu 3, diễn tập]
    keywords_mode: append        # or replace

``--codes F`` names a tab-separated file of ``=code=`` expansions.
"""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from qk3editor.commands import article_photos, interrupts
from qk3editor.commands.output import one_line, print_json, write_text
from qk3editor.core.errors import record_message
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, translate
from qk3editor.core.labels import PHOTO_FLAG_TEXT, label
from qk3editor.core.photos import headline_from, shown_date
from qk3editor.photos.captions import BatchEdit, load_codes, load_template
from qk3editor.photos.desk import (
    caption_photos,
    export_web,
    import_photos,
    record_captions,
    write_default_credit,
)
from qk3editor.photos.ingest import IngestOptions
from qk3editor.photos.renditions import specs_from_settings
from qk3editor.storage.photos_repository import PhotoQuery

if TYPE_CHECKING:
    from qk3editor.context import AppContext


STATUS_TEXT = {
    "imported": QT_TRANSLATE_NOOP("cli", "imported"),
    "duplicate": QT_TRANSLATE_NOOP("cli", "duplicate"),
    "error": QT_TRANSLATE_NOOP("cli", "error"),
    "cancelled": QT_TRANSLATE_NOOP("cli", "cancelled"),
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    photos = sub.add_parser("photos", help=translate("cli", "the photo desk"))
    psub = photos.add_subparsers(dest="photos_command", metavar="COMMAND", required=True)

    p = psub.add_parser("import", help=translate("cli", "import photos from files or folders"))
    p.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help=translate("cli", "files or folders")
    )
    p.add_argument("--article", metavar="ID", help=translate("cli", "attach them to an article"))
    p.set_defaults(handler=run_import)

    p = psub.add_parser("list", help=translate("cli", "list photos"))
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.add_argument("--filter", default="", help=translate("cli", "only photos matching this text"))
    p.set_defaults(handler=run_list)

    p = psub.add_parser("caption", help=translate("cli", "caption photos (in their files)"))
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help=translate("cli", "photo numbers"))
    p.add_argument("--headline", default="", help=translate("cli", "the headline"))
    p.add_argument("--caption", default="", help=translate("cli", "the caption (description)"))
    p.add_argument("--credit", default="", help=translate("cli", "the credit line"))
    p.add_argument("--template", type=Path, metavar="F", help=translate("cli", "a template file"))
    p.add_argument("--codes", type=Path, metavar="F", help=translate("cli", "a codes file (TSV)"))
    p.set_defaults(handler=run_caption)

    p = psub.add_parser(
        "location", help=translate("cli", "keep or drop the location in the web copies")
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help=translate("cli", "photo numbers"))
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--keep", action="store_true", help=translate("cli", "publish with the location")
    )
    group.add_argument(
        "--drop", action="store_true", help=translate("cli", "publish without the location")
    )
    p.set_defaults(handler=run_location)

    article_photos.register(psub)  # feature, place, detach

    p = psub.add_parser("export", help=translate("cli", "export web renditions"))
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help=translate("cli", "photo numbers"))
    p.add_argument(
        "--web", action="store_true", required=True, help=translate("cli", "web renditions")
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help=translate("cli", "the folder"),
    )
    p.add_argument("--article", metavar="ID", help=translate("cli", "use this article's captions"))
    p.set_defaults(handler=run_export)

    p = psub.add_parser(
        "check",
        help=translate(
            "cli",
            "remove temp files of interrupted writes, read back captions newer than the store",
        ),
    )
    p.add_argument(
        "--full",
        action="store_true",
        help=translate("cli", "read every photo's file, not only those changed since recorded"),
    )
    p.set_defaults(handler=run_check)


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.photos
    if args.article:  # fail before any work when the article is unknown
        args.article = ctx.articles.resolve_id(args.article)
    options = IngestOptions(thumbnails_dir=ctx.paths.thumbnails_dir)
    seen = {"done": 0, "total": 0}
    show = sys.stderr.isatty()  # a long import shows where it is; pipes and logs stay clean

    def progress(done: int, total: int, _item: object) -> None:
        seen.update(done=done, total=total)
        if show:
            sys.stderr.write(f"\r{done}/{total}" + ("\n" if done == total else ""))
            sys.stderr.flush()

    interrupts.note(
        lambda: translate(
            "cli",
            "{done} of {total} files were read and none was stored yet; run the same command "
            "again to import them",
        ).format(**seen)
    )
    cancel = threading.Event()
    # the first Ctrl+C stops between files; what is read is kept
    with interrupts.ctrl_c_stops(cancel):
        result = import_photos(
            repo,
            args.paths,
            options,
            article_id=args.article,
            progress=progress,
            pools=ctx.tasks.pools,
            cancel=cancel,
        )
    interrupts.note(None)
    if ctx.settings.photo_credit and result.photos:  # the user's credit where a photo has none
        credit = ctx.settings.photo_credit
        record_captions(
            repo, write_default_credit(list(result.photos), credit, pools=ctx.tasks.pools)
        )
    ids = {p.content_hash: p.id for p in result.photos}
    for item in result.report.items:
        status = translate("cli", STATUS_TEXT[item.status])
        if item.status == "imported":
            write_text(f"{status}\t#{ids.get(item.content_hash, '?')}\t{one_line(item.path)}\n")
        elif item.status == "duplicate":
            write_text(f"{status}\t{item.duplicate_of}\t{one_line(item.path)}\n")
        else:
            detail = record_message(item.error, ctx.translator) if item.error else item.message
            write_text(f"{status}\t{one_line(item.path)}\t{one_line(detail)}\n")
    report = result.report
    write_text(
        translate("cli", "{imported} imported, {duplicate} duplicates, {error} errors").format(
            imported=report.count("imported"),
            duplicate=report.count("duplicate"),
            error=report.count("error"),
        )
        + "\n"
    )
    if cancel.is_set():
        left = report.count("cancelled")
        imported = report.count("imported")
        interrupts.note(
            lambda: translate(
                "cli",
                "{imported} photos were imported, {left} files were not; run the same command "
                "again to import the rest (photos already imported are reported as duplicates)",
            ).format(imported=imported, left=left)
        )
        raise KeyboardInterrupt
    return 1 if report.count("error") else 0


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.photos
    photos = repo.get_many(repo.list_ids(PhotoQuery(text=args.filter)))
    if args.json:
        print_json([p.as_json() for p in photos])
        return 0
    for p in photos:
        # the desk's badges (--json keeps the codes: "status", "file_pending")
        flags = ", ".join(label(PHOTO_FLAG_TEXT, f, ctx.translator) for f in p.badges)
        text = one_line(headline_from(p.metadata.headline or p.metadata.description, 60))
        when = shown_date(p.date_taken)
        write_text(f"#{p.id}\t{when or '-'}\t{flags or '-'}\t{text}\t{one_line(p.path)}\n")
    return 0


def build_edit(args: argparse.Namespace) -> BatchEdit:
    """The template file's edit (if any) with --headline/--caption/--credit on top."""
    base = load_template(args.template) if args.template else BatchEdit(values={})
    values = dict(base.values)
    for name, value in (
        ("headline", args.headline),
        ("description", args.caption),
        ("credit", args.credit),
    ):
        if value:
            values[name] = value
    return replace(base, values=values)


def with_user_credit(edit: BatchEdit, ctx: AppContext) -> BatchEdit:
    """The user's credit (settings ``photo_credit``) as the edit's default credit."""
    if edit.default_credit or not ctx.settings.photo_credit:
        return edit
    return replace(edit, default_credit=ctx.settings.photo_credit)


def run_caption(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.photos
    for pid in args.ids:
        repo.get(pid)  # unknown ids fail before any file is touched
    edit = with_user_credit(build_edit(args), ctx)
    codes = load_codes(args.codes) if args.codes else None
    seen = {"done": 0, "total": len(args.ids)}
    interrupts.note(
        lambda: translate(
            "cli",
            "{done} of {total} photo files were written, but the store was not updated; run "
            "the same command again (it writes the same captions)",
        ).format(**seen)
    )
    lines = caption_photos(
        repo,
        args.ids,
        edit,
        codes=codes,
        pools=ctx.tasks.pools,
        progress=lambda done, total: seen.update(done=done, total=total),
    )
    interrupts.note(None)
    failed = 0
    captioned = translate("cli", "captioned")
    warning = translate("cli", "warning")
    error = translate("cli", "error")
    for line in lines:
        if line.ok:
            write_text(f"{captioned}\t#{line.photo_id}\t{one_line(line.path)}\n")
            for cut in line.cuts:
                write_text(f"  {warning}: {one_line(cut.message())}\n")
        else:
            failed += 1
            detail = record_message(line.error, ctx.translator) if line.error else line.message
            write_text(f"{error}\t#{line.photo_id}\t{one_line(detail)}\n")
    return 1 if failed else 0


def run_location(args: argparse.Namespace, ctx: AppContext) -> int:
    """Record the choice with who made it (the settings' user name) and when."""
    repo = ctx.photos
    for pid in args.ids:
        repo.get(pid)
    who = ctx.settings.who
    for pid in args.ids:
        photo = repo.set_keep_location(pid, bool(args.keep), who)
        state = (
            translate("cli", "location kept")
            if photo.keep_location
            else translate("cli", "location removed")
        )
        write_text(f"#{pid}\t{state}\t{who}\n")
    if args.keep and ctx.settings.location_policy != "per_photo":
        write_text(
            translate(
                "cli",
                "note: the location policy removes every location from web photos; the choice "
                'counts once it is "per photo" (Preferences › Photos)',
            )
            + "\n"
        )
    return 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    repo = ctx.photos
    for pid in args.ids:
        repo.get(pid)
    if args.article:
        args.article = ctx.articles.resolve_id(args.article)
    out = export_web(
        repo,
        args.ids,
        args.output,
        specs_from_settings(ctx.settings),
        article_id=args.article,
        location_policy=ctx.settings.location_policy,
    )
    for r in out:
        write_text(f"{one_line(str(r.path))}\t{r.width}x{r.height}\n")
    return 0


CHECK_TEXT = {
    "temp_removed": QT_TRANSLATE_NOOP("cli", "temp file removed"),
    "read_back": QT_TRANSLATE_NOOP("cli", "caption read back"),
    "written": QT_TRANSLATE_NOOP("cli", "caption written to the file"),
    "missing": QT_TRANSLATE_NOOP("cli", "file missing"),
    "error": QT_TRANSLATE_NOOP("cli", "error"),
}


def run_check(args: argparse.Namespace, ctx: AppContext) -> int:
    """Reconcile the photos with the store (what the GUI does at start, in the background)."""
    from qk3editor.photos.reconcile import reconcile

    report = reconcile(ctx.photos, extra_folders=[ctx.paths.photos_dir], full=args.full)
    for line in report.lines:
        label = translate("cli", CHECK_TEXT[line.kind])
        ident = f"#{line.photo_id}" if line.photo_id is not None else "-"
        tail = f"\t{one_line(line.message)}" if line.message else ""
        write_text(f"{label}\t{ident}\t{one_line(line.path)}{tail}\n")
    write_text(
        translate(
            "cli",
            "{checked} files read, {read_back} captions read back, {removed} temp files removed, "
            "{missing} missing, {errors} errors",
        ).format(
            checked=report.checked,
            read_back=report.count("read_back"),
            removed=report.count("temp_removed"),
            missing=report.count("missing"),
            errors=report.count("error"),
        )
        + "\n"
    )
    return 1 if report.count("error") else 0
