"""Run the benchmark suite: the quick set (< 5 min) by default, every size with --full.

    python bench/run.py [--full] [--only load_save,findings,...] [--json results.jsonl]

Each item runs in its own process (fresh interpreter, no state shared between items) and prints
`item  N  ours  baseline  ratio  verdict` lines; a MISS names its target. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script -> (quick arguments, full arguments)
ITEMS: dict[str, tuple[list[str], list[str]]] = {
    "load_save": ([], ["--full"]),
    "findings": ([], ["--full"]),
    "brokerage": (["--runs", "3"], ["--full"]),
    "exports": (["--runs", "3"], ["--full"]),
    "report": (["--runs", "3"], ["--full"]),
    "startup": (["--runs", "5", "--imports"], ["--runs", "9", "--imports"]),
    "canvas_build": ([], ["--sizes", "1000", "3000"]),
    "canvas_view": ([], ["--runs", "11", "--memory-runs", "5"]),  # pan repaint at 1:1, scene memory
    "peer_nodegraphqt": (["--sizes", "1000,3000", "--runs", "3"], ["--full"]),
    "ui_stall": (["--runs", "2"], ["--full", "--runs", "3"]),  # the window while a large model is analysed
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="all sizes (200 ... 50,000); takes a long while")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(ITEMS)}")
    parser.add_argument("--json", default=None, help="also append every result as a JSON line to this file")
    args = parser.parse_args(argv)
    chosen = [name for name in ITEMS if not args.only or name in args.only.split(",")]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    print(f"{'item':<28} {'N':>6}  {'ours':>10}  {'baseline':>10}  {'ratio':>7}  verdict", flush=True)
    failed = []
    begin = time.perf_counter()
    for name in chosen:
        script = HERE / f"{name}.py"
        if not script.exists():
            print(f"{name:<28} pending (bench/{name}.py not present)", flush=True)
            continue
        extra = ITEMS[name][1 if args.full else 0]
        if args.json:
            extra = [*extra, "--json", args.json]
        result = subprocess.run([sys.executable, str(script), *extra], env=env, text=True,
                                capture_output=True)
        sys.stdout.write(result.stdout)
        if result.returncode != 0:
            failed.append(name)
            tail = result.stderr.strip().splitlines()[-3:]
            print(f"{name:<28} FAILED (exit {result.returncode}): {' | '.join(tail)}", flush=True)
    print(f"# {len(chosen)} items in {time.perf_counter() - begin:.0f} s"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
