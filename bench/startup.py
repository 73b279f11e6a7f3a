"""Start-up to a painted main window (empty, and the example model with findings) vs a bare Qt process."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, emit, parse_args  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "avantgarde-as-is.comm"
HEAVY = ("networkx", "matplotlib", "igraph", "numpy", "scipy", "pandas", "commarch.report", "commarch.layout")


def _exit_after_paint(widget: object, ready: object = None) -> None:
    """Leave the process right after `widget` has painted (and `ready()` is true): no teardown is timed."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        def eventFilter(self, obj: object, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and (ready is None or ready()):  # type: ignore[operator]
                QTimer.singleShot(0, _finish)
            return False

    watch = Watch()
    widget.installEventFilter(watch)  # type: ignore[attr-defined]
    widget._bench_watch = watch  # type: ignore[attr-defined]


def _finish() -> None:
    heavy = [m for m in HEAVY if m in sys.modules]
    print("loaded:", ",".join(heavy) or "-", flush=True)
    os._exit(0)


def _child(mode: str) -> None:
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        view = QGraphicsView(QGraphicsScene(window))
        window.setCentralWidget(view)
        window.resize(1280, 800)
        _exit_after_paint(view.viewport())
        window.show()
        app.exec()
        return
    from commarch.gui import app as gui_app

    original = gui_app.App.new_window
    state: dict[str, object] = {"findings": mode != "example"}

    def new_window(self: object) -> object:
        window = original(self)  # type: ignore[arg-type]
        target = getattr(window, "view", None)
        target = target.viewport() if target is not None and hasattr(target, "viewport") else window
        ui = getattr(window, "analysis_ui", None)
        if mode == "example" and ui is not None:
            ui.runner.findings_ready.connect(lambda _f: (state.__setitem__("findings", True), target.update()))
        elif mode == "example":
            print("note: findings panel not installed on the window; timed to the painted model", flush=True)
            state["findings"] = True
        _exit_after_paint(target, lambda: state["findings"] and (mode != "example" or window.doc.model.elements))
        return window

    gui_app.App.new_window = new_window  # type: ignore[method-assign]
    gui_app.main([str(EXAMPLE)] if mode == "example" else [])


def run_child(mode: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", mode], capture_output=True, text=True, env=env,
                         timeout=120)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"start-up child {mode!r} failed: {out.stderr.strip()[-400:]}")
    return elapsed, out.stdout.strip()


def measure(runs: int) -> list[Result]:
    results: list[Result] = []
    times: dict[str, list[float]] = {"bare": [], "empty": [], "example": []}
    notes: dict[str, str] = {}
    for i in range(runs + 1):  # the first round warms the file cache and is dropped
        modes = ["bare", "empty", "example"] if i % 2 else ["example", "empty", "bare"]
        for mode in modes:
            elapsed, out = run_child(mode)
            if i:
                times[mode].append(elapsed)
            notes[mode] = out.replace("\n", "; ")
    bare = statistics.median(times["bare"])
    results.append(Result("startup empty window", 0, statistics.median(times["empty"]), bare, target=1.5,
                          note=notes["empty"]))
    results.append(Result("startup example+findings", 0, statistics.median(times["example"]), bare,
                          target=3.0, note=notes["example"]))
    return results


def import_report(limit: int = 12) -> str:
    """The slowest imports on the start-up path (`python -X importtime`), cumulative microseconds."""
    code = "import commarch.gui.app, commarch.gui.mainwindow"
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    rows = []
    for line in out.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    top = [f"{cum / 1000:8.1f} ms  {name}" for cum, name in rows[:limit]]
    names = {name.strip() for _, name in rows}
    heavy = [m for m in HEAVY if m in names]
    return "\n".join(["slowest imports (cumulative):", *top, f"heavy modules imported: {', '.join(heavy) or '-'}"])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1])
        return 0
    _sizes, runs, json_out = parse_args(__doc__ or "", (0,), (0,), [a for a in argv if a != "--imports"])
    emit(measure(runs), json_out)
    if "--imports" in argv:
        print(import_report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
