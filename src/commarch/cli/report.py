"""`commarch report FILE -o OUT.{pdf,html,md} [--lang de|en]`: the architecture report."""

from __future__ import annotations

import argparse
import os

from .output import error, load_or_report

SUFFIXES = (".pdf", ".html", ".htm", ".md", ".markdown")  # mirrors render.report_export.REPORT_FORMATS


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "report", help="write the architecture report as PDF, HTML or Markdown",
        description="Write the architecture report of FILE: executive summary, diagram, findings, "
        "coverage, responsibilities, coordination, brokerage, power/interest grid and inventory. "
        "The format follows the suffix of OUT (.pdf, .html, .md). Exit 0 on success, 2 on bad input.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.pdf, OUT.html or OUT.md")
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help="language of the report (default: the file's meta.language, else English)")


def run(args: argparse.Namespace) -> int:
    out = args.output
    suffix = os.path.splitext(out)[1].lower()
    if suffix not in SUFFIXES:
        error(f"{out}: unknown report format {suffix or '(no suffix)'!r}; use .pdf, .html or .md")
        return 2
    if os.path.isdir(out):
        error(f"{out}: is a directory")
        return 2
    parent = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(parent):
        error(f"{out}: no such directory {parent!r}")
        return 2
    model = load_or_report(args.file)
    if model is None:
        return 2
    # A command-line report never shows a window: use Qt's offscreen platform unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from commarch.analysis import analyze
    from commarch.render.report_export import export_report
    from commarch.report import build_report

    analysis = analyze(model, args.lang)
    data = build_report(model, analysis, lang=args.lang)
    try:
        export_report(data, out, model)
    except OSError as exc:
        error(f"{out}: cannot write: {exc.strerror or exc}")
        return 2
    return 0
