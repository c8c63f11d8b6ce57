"""Vietnamese text commands: search, check, and the text tools for scripts.

qk3editor search QUERY [--json]
qk3editor check ID|FILE [--json]
qk3editor text normalize|old-style|new-style|slug|fold   (stdin → stdout, line by line)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qk3editor.commands.output import print_json, write_text
from qk3editor.core import budgets
from qk3editor.core.errors import ImportFormatError
from qk3editor.core.i18n import QT_TRANSLATE_NOOP, translate
from qk3editor.core.vietnamese import legacy, tones
from qk3editor.core.vietnamese.checks import Finding, check_text
from qk3editor.core.vietnamese.fold import fold, slugify
from qk3editor.core.vietnamese.normalize import normalize

if TYPE_CHECKING:
    from qk3editor.context import AppContext

TEXT_TOOLS: dict[str, Callable[[str], str]] = {
    "normalize": normalize,
    "old-style": lambda s: tones.convert_text(normalize(s), tones.OLD),
    "new-style": lambda s: tones.convert_text(normalize(s), tones.NEW),
    "slug": slugify,
    "fold": fold,
}
# legacy font encodings → Unicode (issue 3); "from-legacy" detects which one on the whole input
LEGACY_TOOLS = {
    "from-legacy": "",
    "from-tcvn3": legacy.TCVN3,
    "from-vni": legacy.VNI,
    "from-viqr": legacy.VIQR,
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help=translate("cli", "search articles (diacritics optional)"))
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=50, help=translate("cli", "at most this many"))
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_search)

    p = sub.add_parser("check", help=translate("cli", "check the Vietnamese of an article or file"))
    p.add_argument("target", metavar="ID|FILE")
    p.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    p.set_defaults(handler=run_check)

    p = sub.add_parser(
        "text", help=translate("cli", "text tools: read stdin, write stdout, line by line")
    )
    p.add_argument("tool", choices=[*TEXT_TOOLS, *LEGACY_TOOLS])
    p.set_defaults(handler=run_text)


def run_search(args: argparse.Namespace, ctx: AppContext) -> int:
    hits = ctx.search.search(args.query, limit=max(args.limit, 0), prefix=False)
    if args.json:
        print_json(
            [
                {
                    "id": h.article_id,
                    "title": h.title,
                    "status": h.status,
                    "category": h.category,
                    "exact": h.exact,
                    "rank": h.rank,
                }
                for h in hits
            ]
        )
    else:
        write_text("".join(f"{h.article_id}\t{h.title}\n" for h in hits))
    return 0


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _fields_of(target: str, ctx: AppContext) -> list[tuple[str, str]]:
    path = Path(target)
    if path.exists():  # a file (a folder, FIFO or device is refused, not read)
        try:
            data = budgets.read_limited(path, budgets.MAX_TEXT_FILE_BYTES)
            text = data.decode("utf-8-sig")
            budgets.check_article_text(text)
            return [("file", normalize(text))]
        except UnicodeDecodeError:
            raise ImportFormatError(
                QT_TRANSLATE_NOOP("errors", "{path} is not UTF-8 text"), path=target
            ) from None
        except OSError as exc:
            raise ImportFormatError(path=target, detail=exc.strerror or str(exc)) from None
    a = ctx.articles.get(target)  # raises ArticleNotFound
    return [("title", a.title), ("lead", a.lead), ("body", a.body), ("byline", a.byline)]


def run_check(args: argparse.Namespace, ctx: AppContext) -> int:
    style = ctx.settings.tone_style if ctx.settings.tone_style in (tones.OLD, tones.NEW) else "old"
    results: list[tuple[str, str, Finding]] = []
    for field, text in _fields_of(args.target, ctx):
        results.extend((field, text, f) for f in check_text(text, style))
    if args.json:
        out: list[dict[str, Any]] = []
        for field, text, f in results:
            line, col = _line_col(text, f.start)
            item = {"field": field, "line": line, "column": col, "text": text[f.start : f.end]}
            item.update(f.to_dict(ctx.translator))
            out.append(item)
        print_json(out)
        return 0
    lines = []
    for field, text, f in results:
        line, col = _line_col(text, f.start)
        fix = f" → {f.suggestions[0]}" if f.suggestions else ""
        lines.append(f"{field}:{line}:{col}: {f.code}: {f.message(ctx.translator)}{fix}\n")
    write_text("".join(lines))
    return 0


def run_text(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.tool in LEGACY_TOOLS:
        return _run_from_legacy(args.tool)
    tool = TEXT_TOOLS[args.tool]
    data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    if data.startswith("\ufeff"):
        data = data[1:]
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    write_text("".join(tool(line.rstrip("\r")) + "\n" for line in lines))
    return 0


def _run_from_legacy(tool: str) -> int:
    """stdin (UTF-8, else the Windows-1252 bytes a legacy font writes) converted to Unicode."""
    from qk3editor.core.importers import legacy_view

    data = legacy_view(sys.stdin.buffer.read()).replace("\r\n", "\n")
    encoding = LEGACY_TOOLS[tool]
    if not encoding:
        match = legacy.detect_legacy(data)
        if match is None:
            print(
                translate("cli", "qk3editor: the text does not look like TCVN3, VNI or VIQR"),
                file=sys.stderr,
            )
            write_text(data)
            return 1
        encoding = match.encoding
    write_text(normalize(legacy.convert(data, encoding)))
    return 0
