"""The `commarch` entry point: a subcommand goes to the CLI, anything else opens the desktop app."""

from __future__ import annotations

import os
import sys

from commarch.cli import SUBCOMMANDS


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if os.environ.get("COMMARCH_CHECK_CHILDREN") == "1":  # packaging tests: can this build start its children?
        return check_children()
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





def check_children() -> int:
    """Start the app's two child processes (brokerage, report) the way the window does and check their
    answers; prints one line per check, exit 0 when both work. Run by the bundle tests
    (COMMARCH_CHECK_CHILDREN=1): a frozen app's children run its own executable."""
    import tempfile
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from commarch.analysis.brokerage_fast import _igraph, raw_betweenness
    from commarch.analysis.brokerage_process import BrokerageProcess
    from commarch.render.report_process import write_report_in_child
    from commarch.templates import TEMPLATE_NAMES, build_template

    pairs = [(i, (i * 7 + 1) % 1800) for i in range(1800)] + [(i, (i * 13 + 5) % 1800) for i in range(1800)]
    pairs = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    process = BrokerageProcess()
    try:
        ok_brokerage = process(1800, pairs) == raw_betweenness(_igraph(), 1800, pairs)
    finally:
        process.close()
    print(f"brokerage child: {'ok' if ok_brokerage else 'WRONG VALUES'}")
    with tempfile.TemporaryDirectory() as folder:
        target = os.path.join(folder, "check.pdf")
        written = write_report_in_child(build_template(TEMPLATE_NAMES[0]), target, "en")
        ok_report = written == target and Path(target).read_bytes().startswith(b"%PDF-")
    print(f"report child: {'ok' if ok_report else 'FAILED'}")
    return 0 if ok_brokerage and ok_report else 1


if __name__ == "__main__":
    sys.exit(main())
