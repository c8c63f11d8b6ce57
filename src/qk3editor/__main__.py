"""Entry point: ``qk3editor`` with no subcommand starts the GUI; otherwise the CLI runs."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line or, with no subcommand, the GUI."""
    args = sys.argv[1:] if argv is None else argv
    try:
        return _main(args)
    except KeyboardInterrupt:  # Ctrl+C while the modules load: the same one line
        from qk3editor.cli import interrupted

        return interrupted(args)


def _main(args: list[str]) -> int:
    from qk3editor.app import gui_arguments

    gui = gui_arguments(list(args))
    if gui is not None:  # straight to the window: the CLI's modules are not needed
        from qk3editor.ui.fast_start import pause_gc

        pause_gc()  # before PySide6 loads (ui/fast_start.py); run_gui turns it back on
        from qk3editor.app import run_gui

        return run_gui(store=gui["store"], language=gui["lang"], files=gui.get("files"))
    from qk3editor.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
