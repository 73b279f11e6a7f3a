"""`commarch diff OLD NEW`: what changed, findings resolved/introduced, metrics delta."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from typing import Any

from .output import error, load_or_report

REPORT_SUFFIXES = (".pdf", ".html", ".htm", ".md", ".markdown")  # mirrors render.report_export.REPORT_FORMATS


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
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write the comparison report (\"what changed\") to OUT.pdf, OUT.html or OUT.md")


def _analyzer() -> Callable[..., Any] | None:
    # The analysis engine is a sibling package; without it the diff still reports the structure.
    try:
        from commarch.analysis import analyze
    except ImportError:
        return None
    return analyze  # type: ignore[no-any-return]


def _check_output(path: str) -> bool:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in REPORT_SUFFIXES:
        error(f"{path}: unknown report format {suffix or '(no suffix)'!r}; use .pdf, .html or .md")
        return False
    if os.path.isdir(path):
        error(f"{path}: is a directory")
        return False
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        error(f"{path}: no such directory {parent!r}")
        return False
    return True


def _write_report(diff: Any, old: Any, new: Any, old_findings: list[Any], args: argparse.Namespace) -> bool:
    """The report through the render layer (imported here: cli/ loads Qt only when it draws)."""
    # A command-line report never shows a window: use Qt's offscreen platform unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from commarch.render.diff_export import export_diff_report

    try:
        export_diff_report(diff, old, new, args.output, lang=args.lang, old_name=os.path.basename(args.old),
                           new_name=os.path.basename(args.new), old_findings=old_findings)
    except OSError as exc:
        error(f"{args.output}: cannot write: {exc.strerror or exc}")
        return False
    return True


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: every command's module is loaded to build the parser.
    from commarch.diff import diff_models, diff_to_json, is_empty, render_markdown, render_text

    if args.output is not None and not _check_output(args.output):
        return 2
    old, new = load_or_report(args.old), load_or_report(args.new)
    if old is None or new is None:
        return 2
    # Same default language as diff_models; each model is analysed once (the report badges the old one).
    lang = args.lang or (new.meta.language if new.meta and new.meta.language else None) or "en"
    analyzer = _analyzer()
    analyses = (analyzer(old, lang=lang), analyzer(new, lang=lang)) if analyzer is not None else None
    diff = diff_models(old, new, match=args.match, lang=lang, analyses=analyses)
    fmt = args.format or (None if args.output else "text")
    old_findings = list(analyses[0].findings) if analyses is not None else []
    if args.output is not None and not _write_report(diff, old, new, old_findings, args):
        return 2
    if fmt == "json":
        data = {"old": args.old, "new": args.new, **diff_to_json(diff, positions=args.positions)}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        print(render_markdown(diff, args.lang, positions=args.positions), end="")
    elif fmt == "text":
        print(render_text(diff, args.lang, positions=args.positions), end="")
    return 0 if is_empty(diff, positions=args.positions) else 1
