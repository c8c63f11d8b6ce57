"""Entry point: ``qk3editor`` with no subcommand starts the GUI; otherwise the CLI runs."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line or, with no subcommand, the GUI."""
    from qk3editor.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
