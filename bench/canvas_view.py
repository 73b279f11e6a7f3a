"""Canvas at 1:1: repaint after a 40 px pan, and the memory a built scene takes, vs a bare QGraphicsScene.

    python bench/canvas_view.py [--sizes 1000,3000,10000] [--runs 7] [--memory-size 3000] [--json F]

The baseline is canvas_build.py's bare scene (one QGraphicsRectItem + one QGraphicsSimpleTextItem per
element, one QGraphicsPathItem per relation, BSP index) shown in a plain QGraphicsView with the same
render hints, size and scroll position as our CanvasView showing our CanvasScene.

pan repaint 1:1: both views at 100 %, viewport 1920x1080, centred on the middle of the model and painted
once. One run = horizontal scroll bar moved by 40 px (what CanvasView's middle- or Space-drag pan does;
alternately right and left, so the view stays put) + `viewport().grab()` (a full repaint of the
viewport into a pixmap). Pending update events are flushed untimed after each run. Runs alternate
ours/baseline; medians. "pan frame 1:1" (information): the same pan followed by processEvents()
instead of the grab: what Qt repaints on screen for the pan (the scrolled-in strip, or more).

canvas memory after build: in a fresh process per side, Qt initialised, the model loaded (and our
Document made, the baseline makes one too) and a full collection; then RSS (VmRSS of /proc/self/status)
is read, the scene built (ours: CanvasScene(doc); baseline: bare_scene(model)), a full collection
run, and RSS read again. The figure is the difference: every item, its C++ object, its Python wrapper
and attributes, the BSP index and allocator growth, nothing painted (no view). Median of alternating
child runs.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, emit, model_file  # noqa: E402

QUICK = (1000, 3000, 10000)
VIEW_W, VIEW_H = 1920, 1080
PAN = 40


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def _view(scene, model):  # type: ignore[no-untyped-def]
    """Our CanvasView for our scene, a plain QGraphicsView (same render hints) for the bare one; shown with
    a 1920x1080 viewport, centred on the middle of the model."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QGraphicsView

    from commarch.gui.canvas import CanvasScene, CanvasView

    if isinstance(scene, CanvasScene):
        view = CanvasView(scene)
    else:
        view = QGraphicsView(scene)
        # what CanvasView sets: antialiasing on both sides, same look, same cost per pixel
        view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.resize(VIEW_W, VIEW_H)
    view.show()
    # the view's frame and scroll bars take room: grow it until the viewport itself is 1920x1080
    view.resize(2 * VIEW_W - view.viewport().width(), 2 * VIEW_H - view.viewport().height())
    xs = [float(e.x) for e in model.elements]
    ys = [float(e.y) for e in model.elements]
    view.centerOn((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return view


def _make_views(n: int):  # type: ignore[no-untyped-def]
    from canvas_build import bare_scene

    from commarch import fileformat
    from commarch.editing.document import Document
    from commarch.gui.canvas import CanvasScene

    model = fileformat.load(model_file(n))
    ours_scene = CanvasScene(Document(model))
    bare = bare_scene(model)
    ours, base = _view(ours_scene, model), _view(bare, model)
    assert ours.renderHints() == base.renderHints()
    return ours, base, ours_scene, bare


def _pan_and(view, step: int, app, grab: bool) -> float:  # type: ignore[no-untyped-def]
    bar = view.horizontalScrollBar()
    gc.collect()
    start = time.perf_counter()
    bar.setValue(bar.value() + step)
    if grab:
        pixmap = view.viewport().grab()
    else:
        app.processEvents()
    elapsed = time.perf_counter() - start
    if grab:
        del pixmap
        app.processEvents()  # the update the scroll scheduled, untimed
    return elapsed


def bench_pan(n: int, runs: int, app) -> list[Result]:  # type: ignore[no-untyped-def]
    ours, base, ours_scene, bare = _make_views(n)
    assert ours.viewport().size() == base.viewport().size(), "both viewports must be the same size"
    assert ours.zoom() == 1.0 and base.transform().m11() == 1.0
    app.processEvents()
    for view in (ours, base):  # first paint (item caches fill), then one pan each way to warm up
        view.viewport().grab()
        for step in (PAN, -PAN):
            _pan_and(view, step, app, grab=True)
    results = []
    for grab, item, target in ((True, "pan repaint 1:1 (grab)", 1.5), (False, "pan frame 1:1", None)):
        a: list[float] = []
        b: list[float] = []
        for i in range(2 * runs):  # two pans (right, left) per run and side
            step = PAN if i % 2 == 0 else -PAN
            order = ((ours, a), (base, b)) if (i // 2) % 2 == 0 else ((base, b), (ours, a))
            for view, bucket in order:
                bucket.append(_pan_and(view, step, app, grab))
        note = f"ours {min(a) * 1000:.1f}-{max(a) * 1000:.1f}, base {min(b) * 1000:.1f}-{max(b) * 1000:.1f} ms"
        results.append(Result(item, n, statistics.median(a), statistics.median(b), target=target, note=note))
    for view in (ours, base):
        view.close()
    ours_scene.close()
    ours_scene.clear()
    bare.clear()
    app.processEvents()
    return results


def _memory_child(side: str, n: int) -> None:
    from canvas_build import bare_scene
    from PySide6.QtWidgets import QApplication

    from commarch import fileformat
    from commarch.editing.document import Document
    from commarch.gui.canvas import CanvasScene

    app = QApplication.instance() or QApplication(["bench"])
    model = fileformat.load(model_file(n))
    doc = Document(model)
    app.processEvents()
    gc.collect()
    before = _rss_mib()
    scene = CanvasScene(doc) if side == "ours" else bare_scene(model)
    gc.collect()
    after = _rss_mib()
    items = len(scene.items())
    view = _view(scene, model)
    app.processEvents()
    view.viewport().grab()
    gc.collect()
    painted = _rss_mib()
    print(json.dumps({"before": before, "after": after, "painted": painted, "items": items}))


def bench_memory(n: int, runs: int) -> list[Result]:
    built: dict[str, list[float]] = {"ours": [], "bare": []}
    painted: dict[str, list[float]] = {"ours": [], "bare": []}
    items = {}
    for i in range(runs):
        for side in (("ours", "bare") if i % 2 == 0 else ("bare", "ours")):
            out = subprocess.run([sys.executable, __file__, "--memory-child", side, str(n)], capture_output=True,
                                 text=True, check=True)
            data = json.loads(out.stdout.strip().splitlines()[-1])
            built[side].append(data["after"] - data["before"])
            painted[side].append(data["painted"] - data["before"])
            items[side] = data["items"]
    results = []
    for item, deltas, target, what in (
            ("canvas memory after build", built, 2.0, f"scene only; items {items['ours']} vs {items['bare']}"),
            ("canvas memory after 1:1 paint", painted, None, "scene + shown 1080p view + one paint (caches)")):
        a, b = deltas["ours"], deltas["bare"]
        note = f"RSS growth, {what}; ours {min(a):.1f}-{max(a):.1f}, base {min(b):.1f}-{max(b):.1f} MiB"
        results.append(Result(item, n, statistics.median(a), statistics.median(b), unit="MiB", target=target,
                              note=note))
    return results


def main(argv: list[str] | None = None) -> int:
    import argparse

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--memory-child"]:
        _memory_child(argv[1], int(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: tuple(int(x) for x in s.split(",")), default=QUICK)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--memory-size", type=int, default=3000)
    parser.add_argument("--memory-runs", type=int, default=3)
    parser.add_argument("--json", default=None, help="append results as JSON lines to this file")
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    results: list[Result] = []
    for n in args.sizes:
        model_file(n)  # generate outside any timing
        part = bench_pan(n, max(args.runs, 1), app)
        emit(part, args.json)
        results += part
    if args.memory_size:
        emit(bench_memory(args.memory_size, max(args.memory_runs, 1)), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
