"""Charts: `$` and other hostile text in labels is text, never mathtext; the SVG is well-formed."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest

from commarch.report import charts

BROKEN_MATH = "$\\undefinedcmd$ costs $x^$"
LABELS = [BROKEN_MATH, "$x$", "$$\\frac{1}{2}$$", "a $ b", "$\\alpha", "\\", "emoji \U0001F680",
          "\u05E9\u05DC\u05D5\u05DD", "x" * 200, "line\nbreak", "<b>&amp;</b>"]


def _check(chart: charts.SvgChart) -> None:
    root = ET.fromstring(chart.svg)
    assert root.tag.endswith("svg")
    assert chart.aspect > 0 and chart.width > 0


def test_heatmap_with_hostile_labels():
    cells = [[(i + j) % 3 for j in range(len(LABELS))] for i in range(len(LABELS))]
    _check(charts.coverage_heatmap(LABELS, LABELS, cells, ("$one$", "$two$")))


def test_brokerage_with_hostile_labels():
    _check(charts.brokerage_bars([(label, i / 10, i == 0) for i, label in enumerate(LABELS)], "$x$ axis"))


def test_power_grid_with_hostile_labels_and_crowded_cells():
    points = [(label, 3, 3, "high", i % 2 == 0) for i, label in enumerate(LABELS)]
    _check(charts.power_grid(points, ("$i$", "$j$"), ("$a", "b$", "c", "d"), ("ext", "int")))


def test_mathtext_would_fail_without_the_setting():
    # The guard is real: with math parsing on, this label raises in matplotlib.
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"text.parse_math": True}), pytest.raises(ValueError):
        fig = Figure()
        fig.text(0, 0, BROKEN_MATH)
        fig.savefig(io.BytesIO(), format="svg")
    charts.brokerage_bars([(BROKEN_MATH, 1.0, True)], BROKEN_MATH)  # our charts draw it as text


def test_short_labels_are_one_line_and_elided():
    assert charts.short("a\nb") == "a b"
    text = charts.short("x" * 100, 20)
    assert len(text) == 20 and text.endswith("\u2026")
