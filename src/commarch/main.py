"""The `commarch` entry point: a subcommand goes to the CLI, anything else opens the desktop app."""

from __future__ import annotations

import sys

from commarch.cli import SUBCOMMANDS


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and (args[0] in SUBCOMMANDS or args[0] in ("-h", "--help", "--version", "-V")):
        from commarch.cli import main as cli_main

        return cli_main(args)
    try:
        from commarch.gui import startup

        if any(not a.startswith("-") for a in args):  # a file to open: its layers before PySide6 (see there)
            startup.preload_model_layers()
        from commarch.gui.app import main as gui_main
    except ImportError as exc:  # the app is not built yet, or Qt is missing on this machine
        print(f"commarch: the desktop app is not available ({exc}); see `commarch --help`", file=sys.stderr)
        return 2
    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
