"""`commarch export FILE -o OUT.{graphml,csv}`: GraphML, a CSV pair, or a matrix as CSV."""

from __future__ import annotations

import argparse
import os

from commarch.fileformat import CommFileError, write_atomic

from .output import error, load_or_report, report_file_error

FORMATS = {".graphml": "graphml", ".csv": "csv"}
MATRICES = ("coverage", "responsibility")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "export", help="export a model as GraphML or CSV",
        description="Export FILE as GraphML (yEd, Gephi, networkx) or as a CSV pair: OUT.csv holds the "
        "elements, OUT.relations.csv the relations. With --matrix, OUT.csv holds that matrix instead. "
        "Existing outputs are replaced atomically. Exit 0 on success, 2 on bad input.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.graphml or OUT.csv")
    parser.add_argument("--yed", action="store_true",
                        help="GraphML only: add yEd graphics (shapes, labels, positions) for yEd")
    parser.add_argument("--matrix", choices=sorted(MATRICES),
                        help="CSV only: write the channel x stakeholder coverage or the department x "
                        "channel responsibility matrix")


def _same_file(a: str, b: str) -> bool:
    return os.path.exists(b) and os.path.realpath(a) == os.path.realpath(b)


def run(args: argparse.Namespace) -> int:
    out: str = args.output
    fmt = FORMATS.get(os.path.splitext(out)[1].lower())
    if fmt is None:
        error(f"{out}: unknown export format; name the output .graphml or .csv")
        return 2
    if args.matrix and fmt != "csv":
        error(f"{out}: --matrix writes CSV; name the output .csv")
        return 2
    if args.yed and fmt != "graphml":
        error(f"{out}: --yed applies to GraphML; name the output .graphml")
        return 2
    model = load_or_report(args.file)
    if model is None:
        return 2
    # Imported here, not at the top: every command's module is loaded to build the parser, and
    # `commarch validate` should not pay for the interchange package (~13 ms of its start).
    from commarch.interchange import (
        coverage_matrix,
        csv_paths,
        matrix_to_csv,
        model_to_csv,
        model_to_graphml,
        responsibility_matrix,
    )

    # Build every byte first, so a failure never leaves some outputs written and others not.
    if fmt == "graphml":
        outputs = {out: model_to_graphml(model, yed=args.yed)}
    elif args.matrix:
        matrix = coverage_matrix if args.matrix == "coverage" else responsibility_matrix
        outputs = {out: matrix_to_csv(matrix(model))}
    else:
        elements, relations = csv_paths(out)
        outputs = dict(zip((elements, relations), model_to_csv(model), strict=True))
    for path in outputs:
        if _same_file(args.file, path):
            error(f"{path}: is the input file; choose another output name")
            return 2
    try:
        for path, data in outputs.items():
            write_atomic(path, data)
    except CommFileError as exc:
        report_file_error(exc)
        return 2
    for path in outputs:
        print(f"wrote {path}")
    return 0
