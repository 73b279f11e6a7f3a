"""PNG / SVG / PDF export of a diagram vs bare Qt exporting a bare QGraphicsScene; peak memory of a 2x PNG."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, compare, emit, model_file, parse_args  # noqa: E402

QUICK = (1000,)
FULL = (200, 1000, 3000)
DPI = 72  # 1 px per point for the timing; the memory check uses 144 (2x)


def bare_scene(model: object) -> object:
    """One shape + one text item per element, one path per relation: what any Qt diagram starts from."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
    from PySide6.QtWidgets import QGraphicsScene

    scene = QGraphicsScene()
    centre: dict[str, QPointF] = {}
    pen, brush = QPen(QColor("#334")), QBrush(QColor("#dde"))
    for e in model.elements:  # type: ignore[attr-defined]
        x, y = float(e.x), float(e.y)
        centre[e.id] = QPointF(x, y)
        scene.addRect(QRectF(x - 80, y - 28, 160, 56), pen, brush)
        text = scene.addSimpleText(e.label)
        text.setPos(x - 74, y - 8)
    for r in model.relations:  # type: ignore[attr-defined]
        path = QPainterPath(centre[r.source])
        path.lineTo(centre[r.target])
        scene.addPath(path, pen)
    scene.setSceneRect(scene.itemsBoundingRect().adjusted(-24, -24, 24, 24))
    return scene


def bare_export(scene: object, fmt: str, path: str, dpi: int = DPI) -> None:
    import math

    from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
    from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtSvg import QSvgGenerator

    rect = scene.sceneRect()  # type: ignore[attr-defined]
    scale = dpi / 72
    if fmt == "png":
        device = QImage(math.ceil(rect.width() * scale), math.ceil(rect.height() * scale),
                        QImage.Format.Format_ARGB32_Premultiplied)
        device.fill(QColor("white"))
    elif fmt == "svg":
        device = QSvgGenerator()
        device.setFileName(path)
        device.setViewBox(rect)
        device.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
    else:
        device = QPdfWriter(path)
        device.setResolution(1200)
        size = QPageSize(QSizeF(rect.width(), rect.height()), QPageSize.Unit.Point, "d",
                         QPageSize.SizeMatchPolicy.ExactMatch)
        device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(device)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    target = QRectF(0, 0, painter.device().width(), painter.device().height())
    scene.render(painter, target, rect)  # type: ignore[attr-defined]
    painter.end()
    if fmt == "png":
        device.save(path, "PNG")


def measure(sizes: tuple[int, ...], runs: int) -> list[Result]:
    from commarch import fileformat
    from commarch.render.diagram import ensure_app
    from commarch.render.export import export_diagram

    ensure_app()
    from PySide6.QtWidgets import QApplication

    if not isinstance(QApplication.instance(), QApplication):  # the bare scene needs widgets
        raise SystemExit("bench/exports.py: needs a QApplication; run it as its own process")
    results: list[Result] = []
    folder = Path(tempfile.mkdtemp(prefix="commarch-bench-"))
    for n in sizes:
        model = fileformat.load(model_file(n))
        for fmt in ("png", "svg", "pdf"):
            ours_path, base_path = str(folder / f"ours.{fmt}"), str(folder / f"base.{fmt}")
            ours, base = compare(
                lambda m=model, p=ours_path: export_diagram(m, p, dpi=DPI),
                lambda m=model, f=fmt, p=base_path: bare_export(bare_scene(m), f, p), runs)
            size = f"{os.path.getsize(ours_path) / 1e6:.1f} MB vs {os.path.getsize(base_path) / 1e6:.1f} MB"
            results.append(Result(f"export {fmt.upper()}", n, ours, base, target=1.2, note=size))
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()
    return results


def peak_memory(n: int) -> list[Result]:
    """Peak RSS of a fresh process writing a 2x (144 dpi) PNG: ours vs the bare scene render."""
    rss = {}
    for side in ("ours", "bare"):
        out = subprocess.run([sys.executable, __file__, "--memory-child", side, str(n)], capture_output=True,
                             text=True, check=True)
        rss[side] = float(out.stdout.split()[-1])
    return [Result("export PNG 2x peak memory", n, rss["ours"], rss["bare"], unit="MiB", target=1.0,
                   note="peak RSS of the whole process")]


def _memory_child(side: str, n: int) -> None:
    from commarch import fileformat
    from commarch.render.diagram import ensure_app
    from commarch.render.export import export_diagram

    ensure_app()
    model = fileformat.load(model_file(n))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "out.png")
        if side == "ours":
            export_diagram(model, path, dpi=144)
        else:
            bare_export(bare_scene(model), "png", path, dpi=144)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--memory-child"]:
        _memory_child(argv[1], int(argv[2]))
        return 0
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    results = measure(sizes, runs)
    results += peak_memory(max(n for n in sizes if n <= 1000) if any(n <= 1000 for n in sizes) else 200)
    emit(results, json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
