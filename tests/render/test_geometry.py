"""Shapes, label layout (wrap, elide, never overflow, plain text) and relation paths."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtSvg import QSvgGenerator

from commarch.model import ELEMENT_CLASSES, ELEMENT_KINDS
from commarch.render import (
    LIGHT,
    element_bounds,
    element_label_layout,
    element_rect,
    element_shape,
    label_box,
    layout_label,
    paint_element,
    relation_path,
)
from commarch.render.labels import ELLIPSIS, display_text

from .conftest import HOSTILE

LABELS = [
    "X", "Marketing", "Presse- und Öffentlichkeitsarbeit", "Donaudampfschifffahrtsgesellschaftskapitän",
    "Workshop 20 Nov: who has the last word on customers? " * 3, *HOSTILE.values(), "W" * 200,
    "line one\nline two\nline three\nline four\nline five",
]


def paint_to_svg(paint) -> str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(400, 200))
    painter = QPainter(generator)
    paint(painter)
    painter.end()
    return bytes(buffer.data()).decode("utf-8")


@pytest.mark.parametrize("kind", ELEMENT_KINDS)
def test_label_box_lies_inside_the_shape(kind) -> None:
    rect = element_rect(kind, 0, 0)
    assert element_shape(kind, rect).contains(label_box(kind, rect))
    assert element_bounds(rect).contains(rect)


@pytest.mark.parametrize("kind", ELEMENT_KINDS)
@pytest.mark.parametrize("label", LABELS)
def test_label_never_leaves_its_shape(kind, label) -> None:
    element = ELEMENT_CLASSES[kind](id="e1", label=label[:200])
    rect = element_rect(kind, 37.5, -12)
    layout = element_label_layout(element, rect)
    assert layout.lines, "something of the label is always shown"
    assert label_box(kind, rect).contains(layout.rect)
    assert element_shape(kind, rect).contains(layout.rect)
    for line in layout.lines:
        assert line.width <= label_box(kind, rect).width()


def test_short_labels_are_whole_and_long_ones_end_in_an_ellipsis() -> None:
    box = QRectF(0, 0, 120, 44)
    short = layout_label("Customer newsletter", box)
    assert not short.elided and short.text == "Customer newsletter"
    long = layout_label("word " * 60, box)
    assert long.elided and long.lines[-1].text.endswith(ELLIPSIS)
    assert box.contains(long.rect)


def test_words_are_not_broken_when_a_smaller_font_fits() -> None:
    layout = layout_label("Pressemitteilungen", QRectF(0, 0, 110, 44), min_pixel_size=11)
    assert [line.text for line in layout.lines] == ["Pressemitteilungen"]


def test_display_text_is_plain_and_safe() -> None:
    assert display_text("<img src=x>") == "<img src=x>"
    assert display_text("a\x00b\x1bc") == "a\ufffdb\ufffdc"
    assert display_text("  tab\there \r\n") == "tab here"


def test_markup_is_drawn_literally() -> None:
    element = ELEMENT_CLASSES["stakeholder"](id="s", label="<img src=x>")
    svg = paint_to_svg(lambda p: paint_element(p, element, element_rect("stakeholder", 100, 50), LIGHT))
    assert "&lt;img src=x&gt;" in svg and "<img" not in svg


def test_low_level_of_detail_skips_labels_and_badges() -> None:
    element = ELEMENT_CLASSES["channel"](id="c", label="Facebook page")
    rect = element_rect("channel", 100, 50)
    near = paint_to_svg(lambda p: paint_element(p, element, rect, LIGHT, badge="error", lod=1.0))
    far = paint_to_svg(lambda p: paint_element(p, element, rect, LIGHT, badge="error", lod=0.2))
    assert "Facebook" in near and "<text" not in far
    assert far.count("<path") < near.count("<path")


@pytest.mark.parametrize("src_kind,dst_kind", [("department", "channel"), ("channel", "stakeholder"),
                                               ("topic", "goal"), ("note", "note")])
@pytest.mark.parametrize("bend", [0.0, 26.0])
def test_relation_path_is_clipped_to_both_outlines(src_kind, dst_kind, bend) -> None:
    src = element_rect(src_kind, 0, 0)
    dst = element_rect(dst_kind, 320, 140)
    path = relation_path("operates", src, dst, src_kind=src_kind, dst_kind=dst_kind, bend=bend)
    start, end = path.pointAtPercent(0), path.pointAtPercent(1)
    src_shape, dst_shape = element_shape(src_kind, src), element_shape(dst_kind, dst)
    for point, shape in ((start, src_shape), (end, dst_shape)):
        nearest = min(math.dist((point.x(), point.y()), (q.x(), q.y()))
                      for q in (shape.pointAtPercent(t / 400) for t in range(401)))
        assert nearest < 1.5, "the edge ends on the outline"
    middle = path.pointAtPercent(0.5)
    assert not src_shape.contains(middle) and not dst_shape.contains(middle)
    straight = QPainterPath(src.center())
    straight.lineTo(dst.center())
    if bend:
        assert math.dist((middle.x(), middle.y()), (straight.pointAtPercent(0.5).x(),
                                                     straight.pointAtPercent(0.5).y())) > 10


def test_overlapping_elements_still_give_a_path() -> None:
    a = element_rect("channel", 0, 0)
    b = element_rect("channel", 10, 5)
    path = relation_path("reaches", a, b, src_kind="channel", dst_kind="channel")
    assert path.pointAtPercent(0) == QPointF(a.center()) and path.length() > 0
