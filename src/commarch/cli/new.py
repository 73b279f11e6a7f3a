"""`commarch new [--template NAME] [--lang de|en] -o OUT.comm [--force]`: start a model."""

from __future__ import annotations

import argparse
import os

from commarch.fileformat import CommFileError, save
from commarch.model import CommModel
from commarch.templates import TEMPLATE_NAMES, UnknownTemplateError, build_template

from .output import error, report_file_error


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "new", help="create a .comm file, empty or from a template",
        description="Create a new .comm file: empty, or a starting architecture from a template "
        f"({', '.join(TEMPLATE_NAMES)}; see `commarch templates`). An existing file is never "
        "overwritten unless --force is given. Exit 0 on success, 2 on any problem.",
    )
    parser.add_argument("--template", "-t", metavar="NAME", help="template to start from (default: empty)")
    parser.add_argument("--lang", choices=("de", "en"), default="en",
                        help="language of the labels and of the model (default: en)")
    parser.add_argument("--output", "-o", required=True, metavar="OUT.comm", help="file to create")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def run(args: argparse.Namespace) -> int:
    out: str = args.output
    if os.path.isdir(out):
        error(f"{out}: is a folder, not a file")
        return 2
    if os.path.lexists(out) and not args.force:
        error(f"{out}: already exists; use --force to overwrite it")
        return 2
    try:
        if args.template:
            model = build_template(args.template, args.lang)
        else:
            model = CommModel.empty(language=args.lang)
    except UnknownTemplateError as exc:
        error(f"--template: {exc}")
        return 2
    try:
        save(model, out)
    except CommFileError as exc:
        report_file_error(exc)
        return 2
    what = f"template {args.template!r}" if args.template else "an empty model"
    print(f"{out}: created from {what} ({len(model.elements)} elements, {len(model.relations)} relations)")
    return 0
