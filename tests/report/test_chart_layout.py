"""Chart layout: every text inside the figure, tick labels clear of the plot, the legend and each other."""

from __future__ import annotations

import io
import itertools
import math
import random

import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from commarch.report import chart_layout, charts
from commarch.report.texts import texts

TOLERANCE = 0.5  # points
WIDE = "\u00C4" * 5 + "W" * 195  # 200 characters of the widest glyphs, an umlaut for the tallest
PLAIN = ("\u00DCber\u00F6rtliche \u00D6ffentlichkeitsarbeit und B\u00FCrgerbeteiligung " * 5)[:200]


def _labels(n: int, long: bool) -> list[str]:
    if not long:
        return [f"Stakeholder {i}" for i in range(n)]
    return [(WIDE if i % 3 == 0 else PLAIN[: 199 - len(str(i))] + f" {i}") for i in range(n)]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Figure]:
    """The figures the charts draw (the charts return SVG text only)."""
    figures: list[Figure] = []
    original = charts._svg

    def spy(fig: Figure, *args: object) -> charts.SvgChart:
        chart = original(fig, *args)
        figures.append(fig)
        return chart

    monkeypatch.setattr(charts, "_svg", spy)
    return figures


def _renderer(fig: Figure) -> RendererSVG:
    fig.dpi = 72  # as the SVG is drawn: display units are points
    width, height = fig.get_size_inches()
    return RendererSVG(width * 72, height * 72, io.StringIO())


def _in_view(ax: Axes, axis: str, value: float) -> bool:
    low, high = sorted(ax.get_xlim() if axis == "x" else ax.get_ylim())
    return low - 1e-9 <= value <= high + 1e-9


def _tick_labels(ax: Axes, axis: str) -> list[Text]:
    """The axis' tick labels: those of its ticks, or the texts standing in for them (gid xtick/ytick)."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    return [t.label1 for t in target.get_major_ticks()
            if t.label1.get_visible() and t.label1.get_text() and _in_view(ax, axis, t.get_loc())] + [
        t for t in ax.texts if t.get_gid() == f"{axis}tick" and t.get_text()]


def _boxes(texts_: list[Text], renderer: RendererSVG) -> list[Bbox]:
    return [t.get_window_extent(renderer) for t in texts_]


def _overlap(a: Bbox, b: Bbox) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE) and (min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANCE)


def _check(fig: Figure) -> None:
    """Nothing clipped, nothing on top of something else."""
    renderer = _renderer(fig)
    page = fig.bbox
    ax = fig.axes[0]
    plot = ax.get_window_extent(renderer)
    assert plot.width > 5 and plot.height > 5
    xticks, yticks = _tick_labels(ax, "x"), _tick_labels(ax, "y")
    labels = [t for t in (ax.xaxis.label, ax.yaxis.label) if t.get_text()]
    legend = [t for lg in fig.legends for t in lg.get_texts()]
    everything = xticks + yticks + labels + list(ax.texts) + legend
    for text, box in zip(everything, _boxes(everything, renderer), strict=True):
        assert page.x0 - TOLERANCE <= box.x0 and box.x1 <= page.x1 + TOLERANCE, (text.get_text(), box, page)
        assert page.y0 - TOLERANCE <= box.y0 and box.y1 <= page.y1 + TOLERANCE, (text.get_text(), box, page)
    for box in _boxes(xticks, renderer):
        assert box.y1 <= plot.y0 + TOLERANCE  # below the plot, not over its cells or bars
    for box in _boxes(yticks, renderer):
        assert box.x1 <= plot.x0 + TOLERANCE
    groups = [xticks, yticks, labels, legend]
    for i, first in enumerate(groups):  # tick labels, axis labels and the legend stay apart
        for second in groups[i + 1:]:
            for a in _boxes(first, renderer):
                for b in _boxes(second, renderer):
                    assert not _overlap(a, b), (a, b)
    for lg in fig.legends:
        key = lg.get_window_extent(renderer)
        assert not _overlap(key, plot)
        for box in _boxes(xticks + yticks + labels, renderer):
            assert not _overlap(key, box)
    _neighbours_apart(xticks, renderer)
    _neighbours_apart(yticks, renderer)


def _neighbours_apart(labels: list[Text], renderer: RendererSVG) -> None:
    """Neighbouring tick labels of one axis do not touch (rotated ones: their lines one text height apart)."""
    if len(labels) < 2:
        return
    rotation = labels[0].get_rotation()
    if rotation in (0.0, 90.0):
        boxes = _boxes(labels, renderer)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not _overlap(a, b), (a, b)
        return
    anchors = sorted(t.get_transform().transform(t.get_position())[0] for t in labels)
    spacing = min(b - a for a, b in itertools.pairwise(anchors)) * math.sin(math.radians(rotation))
    assert spacing >= labels[0].get_fontsize() - TOLERANCE


SCENARIOS = [(lang, n, long) for lang in ("en", "de") for n in (1, 1000) for long in (False, True)]


@pytest.mark.parametrize(("lang", "n", "long"), SCENARIOS)
def test_heatmap_layout(drawn: list[Figure], lang: str, n: int, long: bool) -> None:
    t = texts(lang)
    k = min(n, 40)  # the report shows at most 40 rows and columns
    rnd = random.Random(n)
    cells = [[rnd.randint(0, 2) for _ in range(k)] for _ in range(k)]
    charts.coverage_heatmap(_labels(k, long), _labels(k, long)[::-1], cells,
                            (t["coverage_legend_one"], t["coverage_legend_two"]))
    _check(drawn[-1])


@pytest.mark.parametrize(("lang", "n", "long"), SCENARIOS)
@pytest.mark.parametrize("scale", [1.0, 0.001])
def test_bars_layout(drawn: list[Figure], lang: str, n: int, long: bool, scale: float) -> None:
    k = min(n, 15)
    rnd = random.Random(n)
    items = [(label, rnd.random() * scale, i == 0) for i, label in enumerate(_labels(k, long))]
    charts.brokerage_bars(items, texts(lang)["col_brokerage"])
    _check(drawn[-1])


@pytest.mark.parametrize(("lang", "n", "long"), [*SCENARIOS, ("de", 30, True), ("en", 40, True)])
def test_power_grid_layout(drawn: list[Figure], lang: str, n: int, long: bool) -> None:
    t = texts(lang)
    rnd = random.Random(n)
    points = [(label, rnd.randint(1, 5), rnd.randint(1, 5), rnd.choice(["high", "medium", "low"]), rnd.random() < 0.5)
              for label in _labels(n, long)]
    charts.power_grid(points, (t["interest"], t["influence"]), (t["q_manage"], t["q_satisfy"], t["q_inform"],
                      t["q_monitor"]), (t["external"], t["internal"]))
    fig = drawn[-1]
    _check(fig)
    renderer = _renderer(fig)
    for text in fig.axes[0].texts:  # the point labels and captions inside the figure as well
        box = text.get_window_extent(renderer)
        assert fig.bbox.x0 - TOLERANCE <= box.x0 and box.x1 <= fig.bbox.x1 + TOLERANCE


def test_measured_extents_match_matplotlib(drawn: list[Figure]) -> None:
    """The layout's own text boxes are the ones matplotlib draws (rotated, aligned, umlauts, descenders)."""
    charts.coverage_heatmap(["\u00C4gypten jpq", "x"], ["Wq\u00C5 long label", "y"], [[1, 2], [0, 1]], ("a", "b"))
    fig = drawn[-1]
    renderer = _renderer(fig)
    measure = chart_layout.Measure(renderer)
    for text in [*_tick_labels(fig.axes[0], "x"), *_tick_labels(fig.axes[0], "y")]:
        box = text.get_window_extent(renderer)
        x, y = text.get_transform().transform(text.get_position())
        x0, x1, y0, y1 = measure.extent(text.get_text(), text.get_fontproperties(), text.get_ha(), text.get_va(),
                                        text.get_rotation())
        assert (x0, x1, y0, y1) == pytest.approx((box.x0 - x, box.x1 - x, box.y0 - y, box.y1 - y), abs=0.05)


def test_long_labels_are_elided_further_only_when_they_cannot_fit(drawn: list[Figure]) -> None:
    charts.coverage_heatmap(_labels(5, True), _labels(5, True), [[1] * 5] * 5, ("a", "b"))
    shown = [t.get_text() for t in _tick_labels(drawn[-1].axes[0], "y")]
    assert max(len(s) for s in shown) == 30  # few rows: the figure grows for them instead
    charts.coverage_heatmap(_labels(40, True), _labels(40, True), [[1] * 40] * 40, ("a", "b"))
    fig = drawn[-1]
    shown = [t.get_text() for t in _tick_labels(fig.axes[0], "y")]
    assert max(len(s) for s in shown) < 30 and all(s.endswith("\u2026") for s in shown)
    assert tuple(fig.get_size_inches()) <= (7.0, 9.0)


def test_forty_ordinary_labels_are_not_elided(drawn: list[Figure]) -> None:
    """A full 40 x 40 heatmap of ordinary names (the report's largest) shows them whole."""
    names = [f"Customer magazine {100 + i}" for i in range(40)]
    charts.coverage_heatmap(names, names, [[i % 3 for i in range(40)]] * 40, ("one-way", "two-way (dialogue)"))
    fig = drawn[-1]
    assert [t.get_text() for t in _tick_labels(fig.axes[0], "y")] == names
    _check(fig)
