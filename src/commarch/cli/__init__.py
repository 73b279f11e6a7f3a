"""The command-line front: argparse over the Qt-free core (never imports gui/)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from commarch import __version__

# subcommand -> module in commarch.cli that defines `add_parser(subparsers)` and `run(args) -> int`
COMMAND_MODULES: dict[str, str] = {
    "validate": "validate",
    "export": "export",
    "import": "import_",
    "diff": "diff",
    "analyze": "analyze",
    "diagram": "diagram",
    "report": "report",
    "new": "new",
    "templates": "templates",
}
SUBCOMMANDS = frozenset(COMMAND_MODULES)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commarch",
        usage="commarch [FILE]            open the desktop app (optionally on FILE)\n"
              "       commarch COMMAND [options]",
        description="Model, analyse, compare and report communication architectures (.comm files). "
        "Without a subcommand, opens the desktop app (optionally on FILE).",
    )
    parser.add_argument("--version", "-V", action="version", version=f"commarch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="commarch")
    for module in COMMAND_MODULES.values():
        importlib.import_module(f"commarch.cli.{module}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        parser.print_help()
        return 0
    module = importlib.import_module(f"commarch.cli.{COMMAND_MODULES[args.command]}")
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
