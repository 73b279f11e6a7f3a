"""The real peer: NodeGraphQt building and rendering the same graphs as our canvas (benchmark-only extra)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, emit, model_file, parse_args  # noqa: E402

QUICK = (1000, 3000)
FULL = (200, 1000, 3000)
PEER_LIMIT = float(os.environ.get("COMMARCH_BENCH_PEER_LIMIT", "90"))


def _render(scene: Any) -> None:
    """Paint the whole scene fitted into a 1920x1080 image, as fit-to-window does."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 1920, 1080), scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()


def peer_build_render(model: Any) -> None:
    from NodeGraphQt import BaseNode, NodeGraph

    class Element(BaseNode):  # one input and one output port: enough to wire every relation
        __identifier__ = "bench"
        NODE_NAME = "element"

        def __init__(self) -> None:
            super().__init__()
            self.add_input("in", multi_input=True)
            self.add_output("out", multi_output=True)

    graph = NodeGraph()
    # NodeGraphQt refuses cycles by default, testing every new connection with a path search that has
    # no memo (exponential on our models: wiring 1,000 nodes did not finish in 90 s). A communication
    # architecture has cycles (influences, coordinates) and our canvas checks none: compare like with like.
    graph.set_acyclic(False)
    graph.register_node(Element)
    nodes = {e.id: graph.create_node("bench.Element", name=e.label, pos=[float(e.x), float(e.y)], push_undo=False)
             for e in model.elements}
    for r in model.relations:
        nodes[r.source].output(0).connect_to(nodes[r.target].input(0), push_undo=False)
    _render(graph.scene())
    graph.clear_session()
    graph.close()


def ours_build_render(model: Any) -> None:
    from commarch.editing.document import Document
    from commarch.gui.canvas import CanvasScene

    scene = CanvasScene(Document(model))
    _render(scene)
    scene.close()
    scene.clear()
    scene.deleteLater()


def _peer_child(n: int) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    from commarch import fileformat

    app = QApplication.instance() or QApplication([])
    model = fileformat.load(model_file(n))
    begin = time.perf_counter()
    peer_build_render(model)
    app.processEvents()
    print(time.perf_counter() - begin, flush=True)


def _peer_time(n: int, limit: float) -> float | None:
    """One NodeGraphQt build+render in a fresh process; None when it does not finish within `limit` s."""
    import subprocess

    try:
        out = subprocess.run([sys.executable, __file__, "--peer-child", str(n)], capture_output=True, text=True,
                             timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout.split()[-1])


def measure(sizes: tuple[int, ...], runs: int, limit: float = PEER_LIMIT) -> list[Result]:
    import statistics
    import time

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    try:
        import NodeGraphQt  # noqa: F401
    except ImportError:
        print("peer NodeGraphQt              pending (pip install NodeGraphQt, the `bench` extra)")
        return []
    from commarch import fileformat

    results = []
    for n in sizes:
        model = fileformat.load(model_file(n))
        ours_times, peer_times = [], []
        ours_build_render(model)  # warm-up
        for _ in range(runs):
            begin = time.perf_counter()
            ours_build_render(model)
            app.processEvents()
            ours_times.append(time.perf_counter() - begin)
            if len(peer_times) < max(1, runs // 2):  # the peer is slow: fewer runs, each in its own process
                peer = _peer_time(n, limit)
                if peer is None:
                    break
                peer_times.append(peer)
        ours_t = statistics.median(ours_times)
        if not peer_times:
            results.append(Result("canvas build+render vs NodeGraphQt", n, ours_t, limit,
                                  note=f"NodeGraphQt did not finish within {limit:.0f} s: ratio is an upper bound"))
            continue
        results.append(Result("canvas build+render vs NodeGraphQt", n, ours_t, statistics.median(peer_times),
                              note="baseline = NodeGraphQt (peer); lower ratio is better"))
    return results


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--peer-child"]:
        _peer_child(int(argv[1]))
        return 0
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    emit(measure(sizes, runs), json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
