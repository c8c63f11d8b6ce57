"""The command line: a client of the same core as the GUI. No subcommand starts the GUI.

Exit codes: 0 success, 2 usage error, 1 any other error (one clear line on stderr, never a
traceback for a user error; unexpected errors are logged with their traceback).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from qk3editor.core.i18n import LANGUAGES, Translator, set_active, translate
from qk3editor.core.settings import load_settings
from qk3editor.paths import resolve_paths, resources_dir

log = logging.getLogger(__name__)

# Each feature adds its commands in its own module: ``register(sub)``; handlers ``run(args, ctx)``.
COMMAND_MODULES: tuple[str, ...] = (
    "qk3editor.commands.articles",
    "qk3editor.commands.targets",
    "qk3editor.commands.publish",
    "qk3editor.commands.desk",
    "qk3editor.commands.photos",
    "qk3editor.commands.text",
    "qk3editor.commands.store",
    "qk3editor.commands.newsroom",
    "qk3editor.commands.leases",
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, with one translated line on stderr and exit code 2 for usage errors."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> Parser:
    from qk3editor.commands import argparse_text

    argparse_text.install()  # argparse's own messages in the active language
    p = Parser(
        prog="qk3editor",
        description=translate(
            "cli", "qk3editor: the QK3 online editor. Without a command it opens the window."
        ),
    )
    p.add_argument(
        "--store", metavar="PATH|URL", help=translate("cli", "the store: a SQLite file or a URL")
    )
    p.add_argument(
        "--create",
        action="store_true",
        help=translate("cli", "make a new store at --store if there is none"),
    )
    p.add_argument("--lang", choices=LANGUAGES, help=translate("cli", "language (vi or en)"))
    p.add_argument(
        "--version",
        action="store_true",
        help=translate("cli", "print the version, the build, Qt and exiv2"),
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return p


def _early_language(argv: Sequence[str]) -> str:
    """The language for messages before the store opens: --lang, env, settings, default."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    env_lang = os.environ.get("QK3EDITOR_LANG")
    if env_lang:
        return env_lang
    return load_settings(resolve_paths().settings_file).language


def main(argv: Sequence[str]) -> int:
    """The command line; Ctrl+C anywhere (opening the store, a command, closing the store)
    ends with one line in the person's language saying what was left, and exit 130."""
    from qk3editor.commands import interrupts

    argv = list(argv)
    interrupts.note(None)  # what a previous command left is not this one's
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return interrupted(argv)


def interrupted(argv: Sequence[str]) -> int:
    """Print the one Ctrl+C line (``commands.interrupts``) and return 130."""
    from qk3editor.commands.interrupts import interrupted_line
    from qk3editor.core.i18n import active

    try:
        if active().language == "en":  # stopped before the language was chosen
            lang = _early_language(list(argv))
            set_active(Translator.load(lang, resources_dir() / "translations"))
    except Exception:  # the line is printed whatever state the start was in
        pass
    print(interrupted_line(), file=sys.stderr, flush=True)
    return 130


def _main(argv: list[str]) -> int:
    from qk3editor.app import gui_arguments

    gui_args = gui_arguments(argv)
    if gui_args is not None:  # no command: straight to the window, without loading commands
        from qk3editor.app import run_gui

        return run_gui(
            store=gui_args["store"], language=gui_args["lang"], files=gui_args.get("files")
        )
    translator = Translator.load(_early_language(argv), resources_dir() / "translations")
    set_active(translator)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(
            translate("cli", "qk3editor: usage error: {detail}").format(detail=exc), file=sys.stderr
        )
        return EXIT_USAGE
    if args.version:
        from qk3editor.version import version_text

        print(version_text())
        return EXIT_OK
    if args.command is None:
        from qk3editor.app import run_gui

        return run_gui(store=args.store, language=args.lang, create=args.create)
    from qk3editor.context import AppContext

    ctx: AppContext | None = None
    try:
        if not getattr(args, "opens_store", True):  # `store ...`: works on a damaged store
            from qk3editor.context import setup_logging

            setup_logging(resolve_paths().ensure())
            return int(args.handler(args, None) or 0)
        ctx = AppContext.open(store=args.store, language=args.lang, create=args.create)
        return int(args.handler(args, ctx) or 0)
    except UsageError as exc:
        print(
            translate("cli", "qk3editor: usage error: {detail}").format(detail=exc), file=sys.stderr
        )
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # QkError, known library errors, anything else: one describer
        from qk3editor.commands.errors import describe_error

        print(describe_error(exc, translator), file=sys.stderr)
        return EXIT_ERROR
    finally:
        if ctx is not None:
            ctx.close()
