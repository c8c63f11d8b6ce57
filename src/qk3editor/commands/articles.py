"""Article commands: new, edit, list, show, import, export, spike, restore.

Every command taking an article id accepts any unique prefix of it (as git does)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qk3editor.commands import interrupts, leases
from qk3editor.commands.output import print_json, write_text
from qk3editor.core import atomic, budgets
from qk3editor.core.articles import STATUS_LABELS, ArticleFields, ArticleQuery, Status
from qk3editor.core.errors import ImportFormatError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, translate
from qk3editor.core.markdown_io import (
    clean_text,
    export_markdown,
    os_error_text,
    read_article_file,
)
from qk3editor.core.timezones import to_local

if TYPE_CHECKING:
    from qk3editor.context import AppContext
    from qk3editor.storage.editor_repository import EditorRepository


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("new", help=translate("cli", "create a draft article"))
    p.add_argument("--title", required=True, help=translate("cli", "the title"))
    p.add_argument("--body-file", type=Path, help=translate("cli", "a file with the body"))
    p.add_argument("--lead", default=None, help=translate("cli", "the lead (sapo)"))
    p.add_argument("--category", default=None, help=translate("cli", "category name or slug"))
    p.add_argument("--byline", default=None, help=translate("cli", "the byline"))
    p.set_defaults(handler=run_new)

    p = sub.add_parser("edit", help=translate("cli", "change an article"))
    p.add_argument("id")
    p.add_argument("--title", help=translate("cli", "the title"))
    p.add_argument("--lead", help=translate("cli", "the lead (sapo)"))
    p.add_argument(
        "--body-file", type=Path, help=translate("cli", "a file with the body (- for stdin)")
    )
    p.add_argument("--category", help=translate("cli", "category name or slug"))
    p.add_argument("--tags", help=translate("cli", "the tags, separated by commas"))
    p.add_argument("--byline", help=translate("cli", "the byline"))
    p.add_argument(
        "--status",
        choices=[s.value for s in Status],
        help=translate("cli", "move the article in the workflow"),
    )
    leases.add_force_arguments(p)  # issue 16: an article someone else is editing
    p.set_defaults(handler=run_edit)

    p = sub.add_parser("list", help=translate("cli", "list articles"))
    p.add_argument(
        "--status", choices=[s.value for s in Status], help=translate("cli", "only this status")
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_list)

    p = sub.add_parser("show", help=translate("cli", "show one article"))
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_show)

    p = sub.add_parser("import", help=translate("cli", "import files as new articles"))
    p.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=translate("cli", "the files to import")
    )
    legacy = p.add_mutually_exclusive_group()
    legacy.add_argument(
        "--convert-legacy",
        action="store_true",
        help=translate("cli", "convert files in TCVN3 (ABC) or VNI-Windows to Unicode"),
    )
    legacy.add_argument(
        "--keep-legacy",
        action="store_true",
        help=translate("cli", "import files that look like TCVN3/VNI as they are"),
    )
    p.set_defaults(handler=run_import)

    p = sub.add_parser("export", help=translate("cli", "export an article"))
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.add_argument(
        "--format",
        choices=["md", "html", "docx"],
        default="md",
        help=translate("cli", "file format"),
    )
    p.add_argument("-o", "--output", type=Path, help=translate("cli", "output file"))
    p.set_defaults(handler=run_export)

    p = sub.add_parser("spike", help=translate("cli", "move an article to the trash"))
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.set_defaults(handler=run_spike)

    p = sub.add_parser("restore", help=translate("cli", "restore a spiked article"))
    p.add_argument("id", help=translate("cli", "the article's id"))
    p.set_defaults(handler=run_restore)


def _read_body(path: Path | None) -> str | None:
    """The body file's text (``-``: standard input), cleaned; None without a file."""
    if path is None:
        return None
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(budgets.MAX_TEXT_FILE_BYTES + 1)
            if len(data) > budgets.MAX_TEXT_FILE_BYTES:
                raise budgets.too_large(path, len(data), budgets.MAX_TEXT_FILE_BYTES)
        else:
            data = budgets.read_limited(path, budgets.MAX_TEXT_FILE_BYTES)
        budgets.check_article_text(text := data.decode("utf-8-sig"))
        return clean_text(text)
    except OSError as exc:
        raise ImportFormatError(path=str(path), detail=os_error_text(exc)) from None
    except UnicodeDecodeError:
        raise ImportFormatError(
            QT_TRANSLATE_NOOP("errors", "{path} is not UTF-8 text"), path=str(path)
        ) from None


def run_new(args: argparse.Namespace, ctx: AppContext) -> int:
    body = _read_body(args.body_file)
    article = ctx.articles.create(
        ArticleFields(
            title=clean_text(args.title),
            body=body,
            lead=clean_text(args.lead) if args.lead else None,
            category=args.category,
            byline=clean_text(args.byline) if args.byline else None,
        )
    )
    print(article.id)
    return 0


def run_edit(args: argparse.Namespace, ctx: AppContext) -> int:
    """Change the fields given (the others stay), then move the status; a revision records it."""
    from qk3editor.core.revisions import RevisionReason

    article_id = ctx.articles.resolve_id(args.id)
    tags = None
    if args.tags is not None:
        tags = tuple(t.strip() for t in clean_text(args.tags).split(",") if t.strip())
    fields = ArticleFields(
        title=clean_text(args.title) if args.title is not None else None,
        lead=clean_text(args.lead) if args.lead is not None else None,
        body=_read_body(args.body_file),
        category=args.category,
        byline=clean_text(args.byline) if args.byline is not None else None,
        tags=tags,
    )
    with leases.holding(ctx, article_id, args.force, args.reason):
        before = ctx.articles.get(article_id)
        after = ctx.articles.update(article_id, fields, expected_version=before.version)
        editor = _workflow(ctx)
        if after.version != before.version:
            editor.add_revision(article_id, RevisionReason.SAVE, ctx.settings.who)
        if args.status and Status(args.status) is not after.status:
            target = Status(args.status)
            if after.status is Status.SPIKED and target is not Status.SPIKED:
                after = editor.unspike(article_id, ctx.settings.who)
            if after.status is not target:
                editor.change_status(article_id, target, ctx.settings.who)
    print(article_id)
    return 0


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    status = Status(args.status) if args.status else None
    articles = ctx.articles.list(ArticleQuery(status=status))
    if args.json:
        print_json([a.to_json() for a in articles])
        return 0
    for a in articles:
        label = ctx.translator.lookup("status", STATUS_LABELS[a.status])
        when = to_local(a.updated_at).strftime("%d/%m/%Y %H:%M")
        write_text(f"{a.id}  {label:<12} {when}  {a.title}\n")
    return 0


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    a = ctx.articles.get(ctx.articles.resolve_id(args.id))
    if args.json:
        print_json(a.to_json())
        return 0
    status = ctx.translator.lookup("status", STATUS_LABELS[a.status])
    labels = {
        "title": translate("cli", "Title"),
        "category": translate("cli", "Category"),
        "status": translate("cli", "Status"),
        "byline": translate("cli", "Byline"),
        "tags": translate("cli", "Tags"),
        "updated": translate("cli", "Updated"),
    }
    lines = [
        f"{labels['title']}: {a.title}",
        f"{labels['category']}: {a.category or ''}",
        f"{labels['status']}: {status}",
        f"{labels['byline']}: {a.byline}",
        f"{labels['tags']}: {', '.join(a.tags)}",
        f"{labels['updated']}: {to_local(a.updated_at).strftime('%d/%m/%Y %H:%M')}",
        "",
        a.lead,
        "",
        a.body,
    ]
    write_text("\n".join(lines).rstrip("\n") + "\n")
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    # Read every file first, so that a bad file imports nothing and says which one it was.
    from qk3editor.core.importers import import_file
    from qk3editor.storage.editor_import import save_imported

    word_or_web = (".docx", ".html", ".htm")  # the editor's importers (issue 4)
    parsed = [
        _import_legacy(p, args)
        or (import_file(p) if p.suffix.lower() in word_or_web else read_article_file(p))
        for p in args.files
    ]
    made: list[str] = []
    interrupts.note(
        lambda: (
            translate(
                "cli",
                "{done} of {total} files were imported (their ids are printed above); import the "
                "other files again",
            ).format(done=len(made), total=len(parsed))
            if made
            else ""
        )
    )
    for item in parsed:
        if isinstance(item, ArticleFields):
            made.append(ctx.articles.create(item).id)
        else:
            made.append(save_imported(item, ctx.articles, ctx.paths.photos_dir).id)
        print(made[-1], flush=True)
    return 0


def _import_legacy(path: Path, args: argparse.Namespace) -> object | None:
    """The file converted from TCVN3/VNI when it looks like one and the user asked for it;
    None to import it as usual. Never converts silently (issue 3)."""
    from qk3editor.core.importers import IMPORT_SUFFIXES, default_legacy_detector, import_file
    from qk3editor.core.vietnamese.legacy import NAMES, LegacyEncodingSuspected

    if args.keep_legacy or path.suffix.lower() not in IMPORT_SUFFIXES or not path.is_file():
        return None
    doc = import_file(path, default_legacy_detector())
    found = doc.legacy_encoding
    if not found:  # Word and web files are imported already: not read and converted twice
        return doc if path.suffix.lower() in (".docx", ".html", ".htm") else None
    if not args.convert_legacy:
        raise LegacyEncodingSuspected(path=str(path), encoding=NAMES.get(found, found))
    return import_file(path, convert_legacy=found)


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.format != "md":
        return _export_rendered(args, ctx)
    text = export_markdown(ctx.articles.get(ctx.articles.resolve_id(args.id)))
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        atomic.write_text(args.output, text)
    return 0


def run_spike(args: argparse.Namespace, ctx: AppContext) -> int:
    _workflow(ctx).change_status(ctx.articles.resolve_id(args.id), Status.SPIKED, ctx.settings.who)
    return 0


def run_restore(args: argparse.Namespace, ctx: AppContext) -> int:
    _workflow(ctx).unspike(ctx.articles.resolve_id(args.id), ctx.settings.who)
    return 0


def _export_rendered(args: argparse.Namespace, ctx: AppContext) -> int:
    """The portal page (.html) or a Word file (.docx), from the editor's renderer (issue 4)."""
    from qk3editor.core.exporters import export_docx, export_html
    from qk3editor.core.render import PhotoRef, RenderInput
    from qk3editor.storage.editor_import import find_imported_photo

    a = ctx.articles.get(ctx.articles.resolve_id(args.id))
    article = RenderInput(
        a.title, a.lead, a.body, a.category, a.byline, a.publish_at or a.created_at
    )

    def resolver(photo_id: str) -> PhotoRef | None:
        path = find_imported_photo(ctx.paths.photos_dir, photo_id)
        return PhotoRef(path.as_uri()) if path else None

    if args.format == "html":
        data = export_html(article, resolver).encode("utf-8")
    else:
        data = export_docx(article, resolver)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic.write_bytes(args.output, data)
    return 0


def _workflow(ctx: AppContext) -> EditorRepository:
    """Workflow moves from the CLI are recorded (who, when, a revision) like the GUI's."""
    return ctx.revisions
