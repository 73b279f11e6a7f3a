"""`commarch import IN.{csv,graphml} -o OUT.comm`: build a validated model from CSV or GraphML."""

from __future__ import annotations

import argparse
import os

from commarch.fileformat import CommFileError, save

from .output import error, report_file_error

READERS = {".csv": "load_csv", ".graphml": "load_graphml", ".xml": "load_graphml"}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "import", help="build a .comm file from CSV or GraphML",
        description="Import IN.csv (elements; IN.relations.csv beside it is read too) or IN.graphml into a "
        "new .comm file. Every bad row or node is reported with its line. An existing OUT is not "
        "replaced unless --force is given; OUT is written atomically. Exit 0 on success, 2 on bad input.")
    parser.add_argument("input", metavar="IN")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.comm")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def run(args: argparse.Namespace) -> int:
    source: str = args.input
    out: str = args.output
    reader_name = READERS.get(os.path.splitext(source)[1].lower())
    if reader_name is None:
        error(f"{source}: unknown import format; expected .csv or .graphml")
        return 2
    if os.path.exists(out) and not args.force:
        # A .comm file is someone's work: never replace it by accident.
        error(f"{out}: already exists; use --force to replace it")
        return 2
    from commarch import interchange  # here, not at the top: other commands need not load it

    reader = getattr(interchange, reader_name)
    try:
        model = reader(source)
        save(model, out)
    except CommFileError as exc:
        report_file_error(exc)
        return 2
    print(f"wrote {out}: {len(model.elements)} elements, {len(model.relations)} relations")
    return 0
