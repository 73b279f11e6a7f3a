"""`commarch validate FILE...`: check files against the format."""

from __future__ import annotations

import argparse

from .output import load_or_report


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("validate", help="check .comm files against the format",
                            description="Check .comm files; one line per problem (file, JSON path, reason). "
                            "Exit 0 when all are valid, 2 when any is invalid or unreadable.")
    parser.add_argument("files", nargs="+", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        if load_or_report(path) is None:
            status = 2
        else:
            print(f"{path}: valid")
    return status
