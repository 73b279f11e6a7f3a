"""How long the window stops responding after an edit of a large model, while the live analysis (findings,
then metrics with the brokerage) runs: the longest gap between ticks of a 5 ms timer on the window's thread.

Baseline: the same probe over the same time with the window idle (no edit). Before the brokerage moved into
a child process, igraph held the GIL in the metrics worker thread for the whole computation and the window
stood still: ~4 s after every edit of a 10,000-element model (see docs/performance.md).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, emit, model_file, parse_args  # noqa: E402

QUICK = (10000,)
FULL = (3000, 10000)
PROBE_SECONDS = 8.0  # a 10,000-element model's brokerage takes ~5 s here


def probe(app, seconds: float, edit=None) -> float:
    """Longest gap (s) between ticks of a 5 ms timer over `seconds`, after `edit()` if given."""
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    if edit is not None:
        edit()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return max(gaps)


def measure(n: int, runs: int) -> Result:
    from PySide6.QtWidgets import QApplication

    from commarch.gui.app import App

    app = QApplication.instance() or QApplication(["bench"])
    window = App(app, show_dialogs=False).new_window()
    window.resize(1600, 1000)
    window.show()
    window.load_path(str(model_file(n)))
    runner = window.analysis_ui.runner
    deadline = time.perf_counter() + 120
    while not runner.metrics and time.perf_counter() < deadline:  # the first analysis after opening
        app.processEvents()
        time.sleep(0.01)
    ours, idle = [], []
    element = window.doc.model.elements[0].id
    for i in range(runs):
        idle.append(probe(app, PROBE_SECONDS))
        ours.append(probe(app, PROBE_SECONDS, lambda i=i: window.controller.rename(element, f"Probe {i}")))
    return Result("UI stall after an edit", n, statistics.median(ours), statistics.median(idle),
                  note=f"info: longest gap of a 5 ms timer, {PROBE_SECONDS:.0f} s after a rename; "
                       f"baseline = the window idle; ours {min(ours) * 1000:.0f}-{max(ours) * 1000:.0f} ms")


def main(argv: list[str] | None = None) -> int:
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="commarch-stall-"))
    os.environ["COMMARCH_SETTINGS"] = str(scratch / "settings.ini")
    os.environ["COMMARCH_RECOVERY_DIR"] = str(scratch / "recovery")
    os.environ["COMMARCH_BACKUP_DIR"] = str(scratch / "backups")
    emit([measure(n, runs) for n in sizes], json_out)
    sys.stdout.flush()
    os._exit(0)  # no teardown of the window (and its child process) to wait for


if __name__ == "__main__":  # the brokerage child process (spawn) imports this file again
    sys.exit(main())
