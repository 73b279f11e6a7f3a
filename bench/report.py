"""The PDF report of a model: its matplotlib charts vs the same plots done raw, and the whole report's time."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, compare, emit, model_file, parse_args  # noqa: E402

QUICK = (1000,)
FULL = (200, 1000, 3000)
CHARTS = ("coverage_heatmap", "brokerage_bars", "power_grid")


def _capture_chart_calls(model: Any) -> dict[str, tuple[tuple, dict]]:
    """Build the report once and record the arguments the report passes to each chart."""
    from commarch.report import build_report, charts

    calls: dict[str, tuple[tuple, dict]] = {}
    originals = {name: getattr(charts, name) for name in CHARTS}

    def recorder(name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> Any:
            calls[name] = (args, kwargs)
            return originals[name](*args, **kwargs)
        return record

    for name in CHARTS:
        setattr(charts, name, recorder(name))
    try:
        build_report(model)
    finally:
        for name, func in originals.items():
            setattr(charts, name, func)
    return calls


def _raw(name: str, args: tuple) -> None:
    """The same plot with bare matplotlib defaults, saved as SVG: the floor for that chart."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.3, 5.0))
    ax = fig.add_subplot()
    if name == "coverage_heatmap":
        channels, stakeholders, cells = args[0], args[1], args[2]
        ax.imshow(cells or [[0]], aspect="auto")
        ax.set_xticks(range(len(stakeholders)), stakeholders, rotation=60)
        ax.set_yticks(range(len(channels)), channels)
    elif name == "brokerage_bars":
        items = args[0]
        ax.barh(range(len(items)), [v for _, v, _ in items])
        ax.set_yticks(range(len(items)), [label for label, _, _ in items])
    else:
        points = args[0]
        ax.scatter([p[1] for p in points], [p[2] for p in points])
        if len(points) <= 40:
            for p in points:
                ax.annotate(p[0], (p[1], p[2]))
    fig.savefig(io.StringIO(), format="svg")


def measure(sizes: tuple[int, ...], runs: int) -> list[Result]:
    try:
        from commarch.render.report_pdf import write_report_pdf
        from commarch.report import build_report, charts
    except ImportError as exc:
        print(f"report                          pending ({exc})")
        return []
    from commarch import fileformat

    results: list[Result] = []
    for n in sizes:
        model = fileformat.load(model_file(n))
        calls = _capture_chart_calls(model)
        for name in CHARTS:
            if name not in calls:
                continue
            args, kwargs = calls[name]
            chart = getattr(charts, name)
            ours, base = compare(lambda f=chart, a=args, k=kwargs: f(*a, **k),
                                 lambda nm=name, a=args: _raw(nm, a), runs)
            results.append(Result(f"report chart {name}", n, ours, base, target=1.2))
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "report.pdf")
            times = []
            for _ in range(max(1, runs // 2)):
                start = time.perf_counter()
                write_report_pdf(build_report(model), model, out)
                times.append(time.perf_counter() - start)
            whole = sorted(times)[len(times) // 2]
            pages = _pages(out)
        results.append(Result("report PDF whole", n, whole, 10.0, target=1.0,
                              note=f"baseline column = the 10 s budget; {pages}"))
    return results


def _pages(path: str) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return f"{os.path.getsize(path) / 1e6:.1f} MB"
    return f"{len(PdfReader(path).pages)} pages, {os.path.getsize(path) / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    emit(measure(sizes, runs), json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
