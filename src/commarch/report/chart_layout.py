"""A fixed layout for the report's charts: axes margins from the measured extents of their texts."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib import font_manager
from matplotlib import text as mtext
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.text import Annotation, Text
from matplotlib.transforms import offset_copy

# Why not matplotlib's constrained layout: it measures the tight box of every tick label, title and
# text (tick objects updated, every label laid out, twice over two passes), ~25 % of a chart's time.
# Here each text is measured once, through matplotlib's text-metrics cache that the draw then hits
# again, and its box placed with the same alignment rules as `Text._get_layout`.

PAD = 3.0  # points between the outermost text and the figure's edge (constrained layout's default)
MIN_AXES = 0.25  # without a wanted size, the axes keep this share of the figure however long the labels

Extent = tuple[float, float, float, float]  # x0, x1, y0, y1 in points around a text's anchor


@dataclass(frozen=True)
class Item:
    """Something drawn at a fixed offset (`extent`, points) from a point of the axes (fraction fx, fy)."""

    fx: float
    fy: float
    extent: Extent


def _metrics(renderer: object, text: str, prop: FontProperties) -> tuple[float, float, float]:
    # The draw measures every text through this cache (keyed by renderer, text, font, dpi): measuring
    # here first costs nothing extra. Fallback for a matplotlib without it: measure directly.
    cached = getattr(mtext, "_get_text_metrics_with_cache", None)
    if cached is not None:
        return cached(renderer, text, prop, False, 72)
    return renderer.get_text_width_height_descent(text, prop, ismath=False)  # type: ignore[attr-defined]


_HEIGHTS: dict[FontProperties, tuple[float, float]] = {}


def _font_height(prop: FontProperties) -> tuple[float, float]:
    """The font's ascent and descent at its size (what matplotlib reserves for any line of text)."""
    key = prop.copy()
    if key not in _HEIGHTS:
        font = font_manager.get_font(font_manager.findfont(prop))
        scale = prop.get_size_in_points() / font.get_sfnt_table("head")["unitsPerEm"]
        ascent = descent = 0.0
        for table, up, down in (("OS/2", "sTypoAscender", "sTypoDescender"), ("hhea", "ascent", "descent")):
            values = font.get_sfnt_table(table)
            if values:
                ascent, descent = values[up] * scale, -values[down] * scale
                break
        _HEIGHTS[key] = (ascent, descent)
    return _HEIGHTS[key]


class Measure:
    """Text boxes around their anchors, in points, with matplotlib's alignment rules."""

    def __init__(self, renderer: object) -> None:
        self.renderer = renderer

    def line(self, prop: FontProperties) -> float:
        """The height of one line of text: neighbouring lines closer than this touch."""
        return sum(_font_height(prop))

    def extent(self, text: str, prop: FontProperties, ha: str = "left", va: str = "baseline",
               rotation: float = 0.0) -> Extent:
        """The box of `text` around its anchor (rotation_mode "anchor" when rotated; single line)."""
        if not text:
            return (0.0, 0.0, 0.0, 0.0)
        min_ascent, min_descent = _font_height(prop)
        width = ascent = descent = 0.0
        lines = text.split("\n")
        for line in lines:  # our texts are one line; several are stacked conservatively
            w, h, d = _metrics(self.renderer, line, prop) if line else (0.0, 0.0, 0.0)
            width = max(width, w)
            ascent = max(ascent, h - d, min_ascent)
            descent = max(descent, d, min_descent)
        height = (ascent + descent) * len(lines)
        x = {"left": 0.0, "right": width}.get(ha, width / 2)
        y = {"bottom": -height, "top": 0.0, "center": -height / 2, "baseline": -ascent}.get(va, -ascent / 2)
        corners = ((-x, -height - y), (-x, -y), (width - x, -y), (width - x, -height - y))
        if rotation:
            cos, sin = math.cos(math.radians(rotation)), math.sin(math.radians(rotation))
            corners = tuple((cx * cos - cy * sin, cx * sin + cy * cos) for cx, cy in corners)
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return (min(xs), max(xs), min(ys), max(ys))


def _fraction(value: float, low: float, high: float) -> float:
    return (value - low) / (high - low) if high != low else 0.5


def tick_items(measure: Measure, ax: Axes, axis: str, labels: Sequence[tuple[float, str]] | None = None,
               length: float | None = None, rotation: float = 0.0, ha: str | None = None) -> tuple[list[Item], float]:
    """The tick labels of the bottom x or left y axis as items, and how far beyond the axes they reach.

    `labels` are (data position, text); None reads the axis' own locator and formatter (numbers).
    `length` is the tick length set with tick_params (the rc default when None).
    """
    rc = matplotlib.rcParams
    if labels is None:
        target = ax.xaxis if axis == "x" else ax.yaxis
        locs = target.get_majorticklocs()
        low, high = sorted(ax.get_xlim() if axis == "x" else ax.get_ylim())
        locs = [loc for loc in locs if low - 1e-9 * (high - low) <= loc <= high + 1e-9 * (high - low)]
        labels = list(zip(locs, target.get_major_formatter().format_ticks(locs), strict=True))
    size = rc[f"{axis}tick.major.size"] if length is None else length
    pad = rc[f"{axis}tick.major.pad"] + size  # ticks point outwards (the rc default)
    prop = FontProperties(size=rc[f"{axis}tick.labelsize"])
    items: list[Item] = []
    reach = pad
    if axis == "x":
        low, high = ax.get_xlim()
        for value, text in labels:
            x0, x1, y0, y1 = measure.extent(text, prop, ha or "center", "top", rotation)
            items.append(Item(_fraction(value, low, high), 0.0, (x0, x1, y0 - pad, y1 - pad)))
            reach = max(reach, pad - y0)
    else:
        low, high = ax.get_ylim()
        for value, text in labels:
            x0, x1, y0, y1 = measure.extent(text, prop, ha or "right", "center_baseline", rotation)
            items.append(Item(0.0, _fraction(value, low, high), (x0 - pad, x1 - pad, y0, y1)))
            reach = max(reach, pad - x0)
    return items, reach


def tick_texts(ax: Axes, axis: str, labels: Sequence[tuple[float, str]], rotation: float = 0.0,
               ha: str | None = None, length: float = 0.0) -> list[Text]:
    """Category labels of the bottom x or left y axis as plain texts, where their tick labels would be.

    A Tick carries two marker lines, a grid line and two texts, each built with copied properties:
    for 40 categories that was a third of a chart's time. These texts draw the same (the same
    transform and offset as a tick label); the axis keeps no ticks. Marked with gid "xtick"/"ytick".
    """
    rc = matplotlib.rcParams
    pad = rc[f"{axis}tick.major.pad"] + length
    size, color = rc[f"{axis}tick.labelsize"], rc[f"{axis}tick.color"]
    fig = ax.get_figure()
    if axis == "x":
        ax.set_xticks([])
        where = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-pad, units="points")
        return [ax.text(value, 0, text, transform=where, rotation=rotation, ha=ha or "center", va="top",
                        rotation_mode="anchor", fontsize=size, color=color, gid="xtick", clip_on=False)
                for value, text in labels]
    ax.set_yticks([])
    where = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-pad, units="points")
    return [ax.text(0, value, text, transform=where, rotation=rotation, ha=ha or "right", va="center_baseline",
                    rotation_mode="anchor", fontsize=size, color=color, gid="ytick", clip_on=False)
            for value, text in labels]


def axis_label_item(measure: Measure, ax: Axes, axis: str, reach: float) -> list[Item]:
    """The x label (below) or y label (left) of `ax`, beyond tick labels that reach `reach` points."""
    label = ax.xaxis.label if axis == "x" else ax.yaxis.label
    if not label.get_text():
        return []
    pad = matplotlib.rcParams["axes.labelpad"]
    if axis == "x":
        x0, x1, y0, y1 = measure.extent(label.get_text(), label.get_fontproperties(), "center", "top")
        return [Item(0.5, 0.0, (x0, x1, y0 - reach - pad, y1 - reach - pad))]
    x0, x1, y0, y1 = measure.extent(label.get_text(), label.get_fontproperties(), "center", "bottom", 90.0)
    return [Item(0.0, 0.5, (x0 - reach - pad, x1 - reach - pad, y0, y1))]


def text_items(measure: Measure, ax: Axes) -> list[Item]:
    """The axes' texts and annotations placed in data coordinates (offset in points, if any)."""
    (xlow, xhigh), (ylow, yhigh) = ax.get_xlim(), ax.get_ylim()
    items = []
    for text in ax.texts:
        if text.get_gid() in ("xtick", "ytick"):
            continue  # laid out as ticks (tick_items)
        dx = dy = 0.0
        if isinstance(text, Annotation):
            x, y = text.xy
            if text.anncoords == "offset points":
                dx, dy = text.xyann
            elif text.anncoords != "data" or text.xyann != text.xy:
                raise ValueError("only annotations at their point or offset in points are laid out")
        else:
            x, y = text.get_position()
        x0, x1, y0, y1 = measure.extent(text.get_text(), text.get_fontproperties(), text.get_ha(), text.get_va(),
                                        text.get_rotation())
        items.append(Item(_fraction(x, xlow, xhigh), _fraction(y, ylow, yhigh), (x0 + dx, x1 + dx, y0 + dy, y1 + dy)))
    return items


def legend_top(legend: Legend, renderer: object) -> float:
    """How high (points) a legend at the figure's bottom reaches."""
    return float(legend.get_window_extent(renderer).y1)  # type: ignore[arg-type]


def _solve(spans: Sequence[tuple[float, float, float]], low: float, high: float,
           shortest: float) -> tuple[float, float, bool]:
    """Axes start and end (points) along one direction so every span (fraction, a0, a1) lies in [low, high].

    A span's anchor sits at start + fraction * (end - start); moving start or end moves it by a share,
    so the margins grow in turns until nothing sticks out (a few rounds: each share is below one).
    The flag is False when the spans do not fit: the axes then keep `shortest` points.
    """
    start, end = low, high
    for _ in range(60):
        moved = 0.0
        for f, a0, a1 in spans:
            at = (1 - f) * start + f * end
            if at + a0 < low and f < 1:
                step = (low - at - a0) / (1 - f)
                start += step
                moved = max(moved, step)
            at = (1 - f) * start + f * end
            if at + a1 > high and f > 0:
                step = (at + a1 - high) / f
                end -= step
                moved = max(moved, step)
        if end - start < shortest - 0.5:  # labels longer than the figure: keep a readable plot, let them go
            middle = min(max((start + end) / 2, low + shortest / 2), high - shortest / 2)
            return middle - shortest / 2, middle + shortest / 2, False
        if moved < 0.01:
            return start, end, True
    return start, end, False


def _needed(spans: Sequence[tuple[float, float, float]], length: float) -> float:
    """How far the spans and an axes of `length` points reach together, end to end."""
    reach = [(0.0, 0.0), (length, length)] + [(f * length + a0, f * length + a1) for f, a0, a1 in spans]
    return max(r[1] for r in reach) - min(r[0] for r in reach)


def place(fig: Figure, ax: Axes, items: Iterable[Item], bottom: float = 0.0, pad: float = PAD,
          want: tuple[float, float] = (0.0, 0.0), most: tuple[float, float] | None = None) -> bool:
    """Set `ax`'s position so every item lies inside the figure (`bottom` points kept free, e.g. a legend).

    With `most` (points), a figure too small for the items around an axes of `want` points grows, up to
    `most`. True when everything fits and the axes are at least `want`.
    """
    items = list(items)
    xs = [(i.fx, i.extent[0], i.extent[1]) for i in items]
    ys = [(i.fy, i.extent[2], i.extent[3]) for i in items]
    width, height = (float(v) * 72 for v in fig.get_size_inches())
    if most is not None:
        grown = (min(most[0], max(width, _needed(xs, want[0]) + 2 * pad)),
                 min(most[1], max(height, _needed(ys, want[1]) + 2 * pad + bottom)))
        if grown != (width, height):
            width, height = grown
            fig.set_size_inches(width / 72, height / 72)
    left, right, fits_x = _solve(xs, pad, width - pad, want[0] or MIN_AXES * width)
    lower, upper, fits_y = _solve(ys, bottom + pad, height - pad, want[1] or MIN_AXES * height)
    ax.set_position((left / width, lower / height, (right - left) / width, (upper - lower) / height))
    return fits_x and fits_y and right - left >= want[0] - 0.5 and upper - lower >= want[1] - 0.5


def overlapping(fig: Figure, ax: Axes, items: Sequence[Item], gap: float = 2.0) -> bool:
    """Whether neighbouring items along the x axis (e.g. its tick labels) come closer than `gap` points."""
    width = float(fig.get_size_inches()[0]) * 72
    x0, _, w, _ = ax.get_position().bounds
    spans = sorted((width * (x0 + i.fx * w) + i.extent[0], width * (x0 + i.fx * w) + i.extent[1]) for i in items)
    return any(b[0] - a[1] < gap for a, b in itertools.pairwise(spans))
