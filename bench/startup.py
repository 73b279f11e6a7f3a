"""Start-up to a painted main window (empty, the example model with findings, and a large generated model)
vs a bare Qt process."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, emit, model_file, parse_args  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "avantgarde-as-is.comm"
HEAVY = ("networkx", "matplotlib", "igraph", "numpy", "scipy", "pandas", "commarch.report", "commarch.layout",
         "commarch.diff", "commarch.interchange", "commarch.templates")

# The baseline: the bare libraries doing the minimum, leaving the same way as ours (no teardown timed).
# LEAVE_AFTER_PAINT: what both bare programs use to leave after their viewport's first paint.
LEAVE_AFTER_PAINT = """
import os
from PySide6.QtCore import QEvent, QObject, QTimer

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False
"""
BARE = LEAVE_AFTER_PAINT + """
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

app = QApplication(["bare"])
window = QMainWindow()
view = QGraphicsView(QGraphicsScene(window))
window.setCentralWidget(view)
window.resize(1280, 800)
watch = Watch()
view.viewport().installEventFilter(watch)
window.show()
app.exec()
"""


# The baseline of a large open: the same bare window showing the bare scene of the model (a rect and a
# text per element, a path per relation, BSP index), fitted into the view; the file read with orjson.
BARE_LARGE = LEAVE_AFTER_PAINT + """
import sys
import orjson
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import (QApplication, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QMainWindow)

app = QApplication(["bare"])
raw = orjson.loads(open(sys.argv[1], "rb").read())
window = QMainWindow()
scene = QGraphicsScene(window)
centres = {}
for e in raw["elements"]:
    x, y = float(e.get("x", 0)), float(e.get("y", 0))
    shape = QGraphicsRectItem(QRectF(-80, -28, 160, 56))
    shape.setPos(x, y)
    scene.addItem(shape)
    text = QGraphicsSimpleTextItem(e["label"])
    text.setPos(x - 72, y - 8)
    scene.addItem(text)
    centres[e["id"]] = QPointF(x, y)
for r in raw["relations"]:
    path = QPainterPath(centres[r["source"]])
    path.lineTo(centres[r["target"]])
    scene.addItem(QGraphicsPathItem(path))
view = QGraphicsView(scene)
window.setCentralWidget(view)
window.resize(1280, 800)
watch = Watch()
view.viewport().installEventFilter(watch)
window.show()
view.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
app.exec()
"""
LARGE_RUNS = 3


def command(mode: str, model: Path | None = None) -> list[str]:
    """The process to start: the bare program, or `python -m commarch` (what the `commarch` command runs);
    "usable" is the empty start timed until the completed window (canvas and panels in) has painted."""
    if mode == "bare":
        return [sys.executable, "-c", BARE]
    if mode == "bare-large":
        return [sys.executable, "-c", BARE_LARGE, str(model)]
    if mode == "large":
        return [sys.executable, "-m", "commarch", str(model)]
    return [sys.executable, "-m", "commarch", *([str(EXAMPLE)] if mode == "example" else [])]


def child_env(scratch: Path, leave: str = "1") -> dict[str, str]:
    """The app's own hook (COMMARCH_EXIT_AFTER_PAINT, see commarch.gui.app) ends it after the first paint
    (with a file: after its findings are painted); settings, recovery, backups and bytecode go to a scratch
    folder."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               COMMARCH_EXIT_AFTER_PAINT=leave, PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
    # Bytecode as an installed app has it (pip compiles on install): without it every start compiles our
    # ~90 modules again (~90 ms here). The cache lives in the scratch folder, written by the dropped
    # warm-up round; the source tree is left alone.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name, sub in (("COMMARCH_SETTINGS", "settings.ini"), ("COMMARCH_RECOVERY_DIR", "recovery"),
                      ("COMMARCH_BACKUP_DIR", "backups")):
        env[name] = str(scratch / sub)
    return env


def run_child(mode: str, scratch: Path, extra: tuple[str, ...] = (), model: Path | None = None
              ) -> tuple[float, str]:
    """Wall time of one fresh process from spawn to exit, and its stderr."""
    cmd = command(mode, model)
    cmd[1:1] = extra
    env = child_env(scratch, "usable" if mode == "usable" else "1")
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, cwd=scratch)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"start-up child {mode!r} failed ({out.returncode}): {out.stderr.strip()[-400:]}")
    return elapsed, out.stderr


def import_rows(stderr: str) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, indented name) of each line that `python -X importtime` wrote."""
    rows = []
    for line in stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[0].split(":")[-1]), int(parts[1]), parts[2].rstrip()))
    return rows


def loaded_heavy(rows: list[tuple[int, int, str]]) -> str:
    names = {name.strip() for _s, _c, name in rows}
    return ",".join(m for m in HEAVY if m in names) or "-"


def measure(runs: int, scratch: Path) -> list[Result]:
    times: dict[str, list[float]] = {"bare": [], "empty": [], "usable": [], "example": []}
    for i in range(runs + 1):  # the first round warms the file cache and is dropped
        modes = ["bare", "empty", "usable", "example"] if i % 2 else ["example", "usable", "empty", "bare"]
        for mode in modes:
            elapsed, _err = run_child(mode, scratch)
            if i:
                times[mode].append(elapsed)
    # what each start-up imported (untimed runs: -X importtime slows the process down)
    notes = {mode: "loaded: " + loaded_heavy(import_rows(run_child(mode, scratch, ("-X", "importtime"))[1]))
             for mode in ("empty", "example")}
    bare = statistics.median(times["bare"])
    return [Result("startup empty window", 0, statistics.median(times["empty"]), bare, target=1.5,
                   note=notes["empty"]),
            Result("  empty window fully usable", 0, statistics.median(times["usable"]), bare,
                   note="info: the first paint is the window's shell, its canvas and panels come right after"),
            Result("startup example+findings", 0, statistics.median(times["example"]), bare, target=3.0,
                   note=notes["example"])]


def measure_large(n: int, runs: int, scratch: Path) -> Result:
    """Opening a generated model of `n` elements from the command line (`commarch model.comm`) until it is
    painted with its findings shown, against the bare window showing its bare scene."""
    model = model_file(n)
    times: dict[str, list[float]] = {"bare-large": [], "large": []}
    for i in range(runs + 1):  # the first round is dropped
        for mode in (["large", "bare-large"] if i % 2 else ["bare-large", "large"]):
            elapsed, _err = run_child(mode, scratch, model=model)
            if i:
                times[mode].append(elapsed)
    return Result("startup large model+findings", n, statistics.median(times["large"]),
                  statistics.median(times["bare-large"]),
                  note="info: the bare window showing the bare scene of the model (orjson, BSP)")


def group_of(name: str) -> str:
    """Where an import's own time is booked: commarch by subpackage, everything else by top-level package."""
    parts = name.strip().split(".")
    if parts[0] == "commarch":
        return ".".join(parts[:2])
    if parts[0] in ("pydantic_core", "typing_extensions", "annotated_types", "typing_inspection"):
        return "pydantic"
    return "PySide6" if parts[0] == "shiboken6" else parts[0]


def import_report(scratch: Path, mode: str = "example", limit: int = 14) -> str:
    """Import time on the start-up path (one run of `python -X importtime -m commarch …`), self time summed
    per package: where the milliseconds before the first paint go."""
    rows = import_rows(run_child(mode, scratch, ("-X", "importtime"))[1])
    groups: dict[str, int] = defaultdict(int)
    for own, _cum, name in rows:
        groups[group_of(name)] += own
    total = sum(groups.values())
    top = sorted(groups.items(), key=lambda kv: -kv[1])[:limit]
    lines = [f"imports on the start-up path ({mode}), self time per package, total {total / 1000:.0f} ms:"]
    lines += [f"{own / 1000:8.1f} ms  {name}" for name, own in top]
    lines.append(f"heavy modules imported: {loaded_heavy(rows).replace(',', ', ')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sizes, runs, json_out = parse_args(__doc__ or "", (0, 10000), (0, 10000, 50000),
                                       [a for a in argv if a != "--imports"])
    scratch = Path(tempfile.mkdtemp(prefix="commarch-startup-"))
    try:
        results = measure(runs, scratch) if 0 in sizes else []
        results += [measure_large(n, min(runs, LARGE_RUNS), scratch) for n in sizes if n]
        emit(results, json_out)
        if "--imports" in argv:
            print(import_report(scratch, "empty"))
            print(import_report(scratch, "example"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
