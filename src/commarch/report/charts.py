"""The report's charts, drawn with matplotlib (Agg, no pyplot state) and returned as SVG text."""

from __future__ import annotations

import io
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg", force=False)  # never a GUI backend: the report is built headless
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backends.backend_mixed import MixedModeRenderer  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from commarch.mpl import rc_state  # noqa: E402

from . import chart_layout  # noqa: E402

# The canvas palette (render/style.py's Okabe & Ito colours), repeated here because report/ may not
# import render/ (the layering goes the other way).
INK = "#1B2631"
MUTED = "#5D6D7E"
GRID = "#D5DBE1"
PANEL = "#F7F9FB"
BLUE = "#0072B2"
SKY = "#56B4E9"
LIGHT_BLUE = "#A8D5EE"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"

RC = {
    "text.parse_math": False,  # `$x$` in a label is text, never mathtext
    "svg.fonttype": "path",  # glyphs as paths: the chart looks the same in every browser and in the PDF
    "svg.hashsalt": "commarch",  # stable ids, so the same model gives the same file
    "font.family": ["DejaVu Sans"],
    "font.size": 8.5,
    "axes.edgecolor": GRID,
    "axes.labelcolor": INK,
    "axes.titlesize": 10,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "text.color": INK,
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# matplotlib writes the space glyph as a <path> without `d`; valid SVG, but QtSvg rejects it noisily
_EMPTY_GLYPH = re.compile(r'<path id="([^"]+)" transform="[^"]*"/>')


_EMPTY_PATH = re.compile(r'<path transform="[^"]*"/>')


def _drop(svg: str, element: re.Pattern[str]) -> str:
    """`svg` without the matches of `element` and the whitespace before each (as re.sub(r"\\s*" + ...)),
    but found by their literal start: a pattern opening with \\s* is tried at every character."""
    parts: list[str] = []
    last = 0
    for match in element.finditer(svg):
        parts.append(svg[last: match.start()].rstrip())
        last = match.end()
    if not parts:
        return svg
    parts.append(svg[last:])
    return "".join(parts)


@dataclass(frozen=True)
class SvgChart:
    svg: str  # a complete SVG document
    aspect: float  # height / width
    width: float  # natural width in points: writers may shrink a chart, never blow it up


def short(label: str, limit: int = 34) -> str:
    """A label fit for an axis: one line, control characters gone, elided with an ellipsis."""
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", label)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class _OneRendererCanvas(FigureCanvasSVG):
    """An SVG canvas whose get_renderer (asked by anything measuring during the draw) is the one drawing."""

    renderer: MixedModeRenderer | None = None

    def get_renderer(self) -> MixedModeRenderer | None:
        return self.renderer


def _renderer(fig: Figure, buffer: io.StringIO, dpi: float) -> MixedModeRenderer:
    width, height = fig.get_size_inches()
    return MixedModeRenderer(fig, width, height, dpi, RendererSVG(width * 72, height * 72, buffer, image_dpi=dpi,
                                                                  metadata={"Date": None, "Creator": None}))


def _svg(fig: Figure, arrange: Callable[[chart_layout.Measure], None] | None = None) -> SvgChart:
    # What savefig(format="svg") does, with our own layout instead of a layout engine (savefig with one
    # draws the whole figure twice: a dry run with a throw-away renderer to lay it out, then the output).
    # `arrange` measures the texts with the renderer that then draws them (matplotlib's metrics cache
    # serves the draw) and places the axes: one pass.
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs (emoji) draw as boxes; not worth a warning
        canvas = _OneRendererCanvas(fig)
        dpi = fig.dpi
        fig.dpi = 72  # as print_svg: SVG user units are points
        try:
            size = tuple(fig.get_size_inches())
            canvas.renderer = _renderer(fig, buffer, dpi)
            if arrange is not None:  # the layout, measured with the renderer (and metrics cache) that draws
                arrange(chart_layout.Measure(canvas.renderer))
                if tuple(fig.get_size_inches()) != size:  # grown to fit long labels: a renderer of that size
                    buffer.seek(0)
                    buffer.truncate()
                    canvas.renderer = _renderer(fig, buffer, dpi)
            fig.draw(canvas.renderer)
            canvas.renderer.finalize()
        finally:
            fig.dpi = dpi
            canvas.renderer = None
    width, height = fig.get_size_inches()
    svg = buffer.getvalue()
    glyphs = set(_EMPTY_GLYPH.findall(svg))
    for glyph in glyphs:  # drop the empty glyph and every use of it
        svg = svg.replace(f'<path id="{glyph}" transform=', "<path transform=")
    if glyphs:
        uses = "|".join(re.escape(glyph) for glyph in sorted(glyphs))
        svg = _drop(svg, re.compile(rf'<use xlink:href="#(?:{uses})"[^>]*/>'))
    svg = _drop(svg, _EMPTY_PATH)
    return SvgChart(svg, float(height / width), float(width * 72))


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height))  # laid out by chart_layout, see _svg
    fig.patch.set_visible(False)  # no background rectangle: the page shows through, in HTML and PDF
    return fig


def coverage_heatmap(
    channels: Sequence[str], stakeholders: Sequence[str], cells: Sequence[Sequence[int]],
    legend: tuple[str, str],
) -> SvgChart:
    """Rows = channels, columns = stakeholders; a cell is 0 (none), 1 (one-way) or 2 (two-way)."""
    with rc_state(RC):
        rows, cols = max(len(channels), 1), max(len(stakeholders), 1)
        width = min(7.0, 2.6 + 0.2 * cols)
        height = min(9.0, 1.6 + 0.19 * rows + 0.05 * max((len(short(s)) for s in stakeholders), default=0))
        fig = _figure(width, height)
        ax = fig.add_subplot()
        # Vector rectangles for the filled cells only, on a panel-coloured ground with a white grid: sharp
        # at any zoom in the PDF, no embedded bitmap in HTML, and a few hundred shapes even for 40 x 40.
        ax.set_facecolor(PANEL)
        gap = 0.06
        boxes, colors = [], []
        for y, row in enumerate(cells):
            for x, level in enumerate(row):
                if level:
                    boxes.append([(x + gap, y + gap), (x + 1 - gap, y + gap), (x + 1 - gap, y + 1 - gap),
                                  (x + gap, y + 1 - gap)])
                    colors.append(LIGHT_BLUE if level == 1 else BLUE)
        ax.add_collection(PolyCollection(boxes, facecolors=colors, edgecolors="none"))
        # the white grid between the cells as one collection: minor ticks drawing it would cost a Tick
        # object (marker lines, label texts) per row and column; same lines, same place in the drawing order
        grid = [[(x, 0), (x, 1)] for x in range(1, cols)]
        ax.add_collection(LineCollection(grid, colors="white", linewidths=1.0, capstyle="projecting",
                                         zorder=1.5, transform=ax.get_xaxis_transform()), autolim=False)
        ax.add_collection(LineCollection([[(0, y), (1, y)] for y in range(1, rows)], colors="white",
                                         linewidths=1.0, capstyle="projecting", zorder=1.5,
                                         transform=ax.get_yaxis_transform()), autolim=False)
        ax.set_xlim(0, cols)
        ax.set_ylim(rows, 0)
        ax.tick_params(which="both", length=0)
        xtexts = chart_layout.tick_texts(ax, "x", _ticks(stakeholders, 30), rotation=60, ha="right")
        ytexts = chart_layout.tick_texts(ax, "y", _ticks(channels, 30))
        for spine in ax.spines.values():
            spine.set_visible(False)
        handles = [Patch(color=LIGHT_BLUE, label=legend[0]),
                   Patch(color=BLUE, label=legend[1])]
        key = fig.legend(handles=handles, loc="lower center", ncols=2, frameon=False)

        def arrange(measure: chart_layout.Measure) -> None:
            # cells large enough that neighbouring labels (rows; columns at 60 degrees) do not overlap; the
            # figure grows up to 7 x 9 in for them, and only beyond that are the labels elided further
            bottom = chart_layout.legend_top(key, measure.renderer)
            line = measure.line(FontProperties(size=matplotlib.rcParams["xtick.labelsize"]))
            # a column, a row: labels one line apart (columns at 60 degrees: 95 %, the glyphs of neighbouring
            # lines do not fill the line's ascent and descent together)
            cell = (0.95 * line / math.sin(math.radians(60)), line)
            for limit in (30, 24, 18, 12):
                if limit < 30:
                    for texts, labels in ((xtexts, stakeholders), (ytexts, channels)):
                        for text, (_, label) in zip(texts, _ticks(labels, limit), strict=True):
                            text.set_text(label)
                below, _ = chart_layout.tick_items(measure, ax, "x", _ticks(stakeholders, limit), length=0,
                                                   rotation=60, ha="right")
                left, _ = chart_layout.tick_items(measure, ax, "y", _ticks(channels, limit), length=0)
                if chart_layout.place(fig, ax, below + left, bottom, want=(cell[0] * cols, cell[1] * rows),
                                      most=(7.0 * 72, 9.0 * 72)):
                    break

        return _svg(fig, arrange)


def _ticks(labels: Sequence[str], limit: int) -> list[tuple[float, str]]:
    return [(i + 0.5, short(label, limit)) for i, label in enumerate(labels)]


def brokerage_bars(items: Sequence[tuple[str, float, bool]], xlabel: str) -> SvgChart:
    """Horizontal bars, best-networked on top; the coordinator candidate (flag True) stands out."""
    with rc_state(RC):
        fig = _figure(6.3, min(8.0, 1.0 + 0.32 * max(len(items), 1)))
        ax = fig.add_subplot()
        labels = [short(label, 40) for label, _, _ in items][::-1]
        values = [value for _, value, _ in items][::-1]
        colors = [VERMILLION if flag else SKY for _, _, flag in items][::-1]
        bars = ax.barh(range(len(items)), values, color=colors, height=0.62)
        chart_layout.tick_texts(ax, "y", list(enumerate(labels)))
        top = max(values, default=0.0) or 1.0
        ax.set_xlim(0, top * 1.18)
        for bar, value in zip(bars, values, strict=True):
            ax.text(bar.get_width() + top * 0.015, bar.get_y() + bar.get_height() / 2, f"{value:.3f}",
                    va="center", fontsize=7.5, color=MUTED)
        ax.set_xlabel(xlabel)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)

        def arrange(measure: chart_layout.Measure) -> None:
            left, _ = chart_layout.tick_items(measure, ax, "y", list(enumerate(labels)), length=0)
            texts = chart_layout.text_items(measure, ax)
            for bins in (0, 4, 3, 2, 1):  # fewer ticks while their numbers would touch (tiny values: 0.00025)
                if bins:
                    ax.xaxis.set_major_locator(MaxNLocator(nbins=bins))
                below, reach = chart_layout.tick_items(measure, ax, "x")
                chart_layout.place(fig, ax, below + left + chart_layout.axis_label_item(measure, ax, "x", reach)
                                   + texts, want=(120.0, 0.0), most=(7.0 * 72, fig.get_size_inches()[1] * 72))
                if not chart_layout.overlapping(fig, ax, below):
                    break

        return _svg(fig, arrange)


_SIZES = {"high": 150.0, "medium": 80.0, "low": 38.0}


def power_grid(
    points: Sequence[tuple[str, int, int, str, bool]], axes: tuple[str, str],
    quadrants: tuple[str, str, str, str], legend: tuple[str, str], label_limit: int = 40,
) -> SvgChart:
    """Interest (x) × influence (y), 1–5 each; points (label, interest, influence, priority, internal).

    Points sharing a cell are spread on a small circle so none hides another; labels are written only
    while there are few enough to read (`label_limit`).
    """
    with rc_state(RC):
        fig = _figure(6.3, 5.4)
        ax = fig.add_subplot()
        ax.set_xlim(0.5, 5.5)
        ax.set_ylim(0.5, 5.5)
        ax.axvline(3.5, color=GRID, linewidth=1)
        ax.axhline(3.5, color=GRID, linewidth=1)
        for (x, y, ha, va), text in zip(((5.45, 5.45, "right", "top"), (0.55, 5.45, "left", "top"),
                                          (5.45, 0.55, "right", "bottom"), (0.55, 0.55, "left", "bottom")),
                                         quadrants, strict=True):
            ax.text(x, y, text, ha=ha, va=va, fontsize=8, color=MUTED, style="italic")
        cells: dict[tuple[int, int], list[tuple[str, str, bool]]] = {}
        for label, interest, influence, priority, internal in points:
            cells.setdefault((interest, influence), []).append((label, priority, internal))
        if len(points) > label_limit:
            _crowd(ax, cells)
        else:
            _spread(ax, cells)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.set_xlabel(axes[0])
        ax.set_ylabel(axes[1])
        ax.spines[["top", "right"]].set_visible(False)
        handles = [
            Line2D([], [], marker="o", linestyle="", color=ORANGE, label=legend[0]),
            Line2D([], [], marker="o", linestyle="", color=BLUE, label=legend[1]),
        ]
        key = fig.legend(handles=handles, loc="lower center", ncols=2, frameon=False)

        def arrange(measure: chart_layout.Measure) -> None:
            below, x_reach = chart_layout.tick_items(measure, ax, "x")
            left, y_reach = chart_layout.tick_items(measure, ax, "y")
            items = (below + left + chart_layout.axis_label_item(measure, ax, "x", x_reach)
                     + chart_layout.axis_label_item(measure, ax, "y", y_reach) + chart_layout.text_items(measure, ax))
            chart_layout.place(fig, ax, items, chart_layout.legend_top(key, measure.renderer))

        return _svg(fig, arrange)


def _spread(ax: Axes, cells: dict[tuple[int, int], list[tuple[str, str, bool]]]) -> None:
    """One labelled marker per stakeholder; those sharing a cell sit on a small circle."""
    xs, ys, sizes, colors = [], [], [], []
    for (interest, influence), members in cells.items():
        n = len(members)
        radius = 0.0 if n == 1 else min(0.38, 0.12 + 0.03 * n)
        for i, (label, priority, internal) in enumerate(members):
            angle = 2 * math.pi * i / n + math.pi / 2
            x, y = interest + radius * math.cos(angle), influence + radius * math.sin(angle)
            xs.append(x)
            ys.append(y)
            sizes.append(_SIZES.get(priority, 80.0))
            colors.append(BLUE if internal else ORANGE)
            right = x > 4.4  # near the right edge the label goes to the left, inside the plot
            ax.annotate(short(label, 22), (x, y), xytext=(-6 if right else 6, 3), textcoords="offset points",
                        ha="right" if right else "left", fontsize=6.8, color=INK, zorder=4)
    ax.scatter(xs, ys, s=sizes, c=colors, edgecolors="white", linewidths=0.8, zorder=3, alpha=0.9)


def _crowd(ax: Axes, cells: dict[tuple[int, int], list[tuple[str, str, bool]]]) -> None:
    """Too many to label: per cell, an external and an internal bubble sized by count, with the count."""
    for (interest, influence), members in cells.items():
        for offset, internal in ((-0.18, False), (0.18, True)):
            count = sum(1 for _, _, inside in members if inside == internal)
            if not count:
                continue
            x = interest + offset
            ax.scatter([x], [influence], s=60 + 40 * math.sqrt(count), color=BLUE if internal else ORANGE,
                       edgecolors="white", linewidths=0.8, zorder=3, alpha=0.9)
            ax.annotate(str(count), (x, influence), ha="center", va="center", fontsize=6.5, color="white",
                        zorder=4, weight="bold")
