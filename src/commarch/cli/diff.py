"""`commarch diff OLD NEW`: what changed, findings resolved/introduced, metrics delta."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from typing import Any

from commarch.diff import diff_models, diff_to_json, is_empty, render_markdown, render_text
from commarch.fileformat import CommFileError, write_atomic

from .output import error, load_or_report, report_file_error

REPORT_SUFFIXES = (".md", ".markdown")
LATER_SUFFIXES = (".pdf", ".html", ".htm")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "diff", help="compare two .comm files",
        description="Compare OLD with NEW: elements and relations added, removed, changed and moved, "
        "findings resolved and introduced, metrics old -> new. Exit 0 when both are the same model "
        "(moves count only with --positions), 1 when they differ, 2 on bad input.")
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default=None,
                        help="what to print (default text; with -o nothing unless given)")
    parser.add_argument("--match", choices=("id", "label", "auto"), default="id",
                        help="pair elements by id (default), by kind + label, or by id and, when the "
                        "files share few ids, by label for the rest")
    parser.add_argument("--positions", action="store_true", help="count moved elements as a difference")
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help="report language (default: NEW's meta.language, else English)")
    parser.add_argument("-o", "--output", metavar="OUT.md", help="write a Markdown report to this file")


def _analyzer() -> Callable[..., Any] | None:
    # The analysis engine is a sibling package; without it the diff still reports the structure.
    try:
        from commarch.analysis import analyze
    except ImportError:
        return None
    return analyze  # type: ignore[no-any-return]


def _check_output(path: str) -> bool:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in LATER_SUFFIXES:
        error(f"{path}: PDF and HTML diff reports are not available yet; write Markdown (.md) instead")
        return False
    if suffix not in REPORT_SUFFIXES:
        error(f"{path}: unsupported report type {suffix or '(none)'!r}; use .md")
        return False
    return True


def run(args: argparse.Namespace) -> int:
    if args.output is not None and not _check_output(args.output):
        return 2
    old, new = load_or_report(args.old), load_or_report(args.new)
    if old is None or new is None:
        return 2
    diff = diff_models(old, new, match=args.match, lang=args.lang, analyzer=_analyzer())
    fmt = args.format or (None if args.output else "text")
    if args.output is not None:
        report = render_markdown(diff, args.lang, positions=args.positions)
        try:
            write_atomic(args.output, report.encode("utf-8"))
        except CommFileError as exc:
            report_file_error(exc)
            return 2
    if fmt == "json":
        data = {"old": args.old, "new": args.new, **diff_to_json(diff, positions=args.positions)}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        print(render_markdown(diff, args.lang, positions=args.positions), end="")
    elif fmt == "text":
        print(render_text(diff, args.lang, positions=args.positions), end="")
    return 0 if is_empty(diff, positions=args.positions) else 1
