"""`commarch diagram FILE -o OUT.{png,svg,pdf}`: render the canvas diagram without a window."""

from __future__ import annotations

import argparse
import os

from .output import error, load_or_report

FORMATS = ("png", "svg", "pdf")  # mirrors commarch.render.FORMATS; render is imported only inside run()


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "diagram", help="render the diagram as PNG, SVG or PDF",
        description="Render the architecture diagram of FILE without opening a window. The format follows "
        "the suffix of OUT (.png, .svg, .pdf). Exit 0 on success, 2 on bad input or arguments.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf")
    parser.add_argument("--dpi", default="144", metavar="N",
                        help="PNG resolution, 72-600 dots per inch (default 144)")
    parser.add_argument("--transparent", action="store_true", help="no background (PNG, SVG, PDF)")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--legend", action="store_true", help="add a legend of element and relation kinds")
    parser.add_argument("--title-block", action="store_true",
                        help="add a title block (title, client, date from the file's meta)")
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help="language of the legend and captions (default: the file's meta.language)")
    parser.add_argument("--badges", action="store_true",
                        help="mark elements with open findings (error, warning, info) as on the canvas")
    parser.add_argument("--only", metavar="ID,...", default=None,
                        help="draw only these elements (comma-separated ids) and the relations among them")


def run(args: argparse.Namespace) -> int:
    out = args.output
    suffix = os.path.splitext(out)[1].lstrip(".").lower()
    if suffix not in FORMATS:
        error(f"{out}: unknown diagram format {suffix or '(no suffix)'!r}; use .png, .svg or .pdf")
        return 2
    try:
        dpi = int(args.dpi)
    except ValueError:
        dpi = -1
    if not 72 <= dpi <= 600:
        error(f"--dpi: must be a whole number from 72 to 600 (got {args.dpi!r})")
        return 2
    if os.path.isdir(out):
        error(f"{out}: is a directory")
        return 2
    model = load_or_report(args.file)
    if model is None:
        return 2
    ids = [part.strip() for part in args.only.split(",") if part.strip()] if args.only else None
    # A command-line export never shows a window: use Qt's offscreen platform unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from commarch.render import ExportError, export_diagram, finding_badges

    badges = None
    if args.badges:
        from commarch.analysis import analyze

        badges = finding_badges(analyze(model, args.lang, with_brokerage=False).findings)
    try:
        export_diagram(model, out, dpi=dpi, transparent=args.transparent, theme=args.theme,
                       legend=args.legend, title_block=bool(args.title_block), ids=ids, badges=badges,
                       lang=args.lang)
    except ExportError as exc:
        error(str(exc))
        return 2
    except OSError as exc:
        error(f"{out}: cannot write: {exc.strerror or exc}")
        return 2
    return 0
