"""Painting a diagram's relations and elements in few QPainter calls (PNG and PDF exports)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath

from . import element_pictures
from .painter import (
    _attr,
    _paint_caption,
    _relation_look,
    element_bounds,
    element_look,
    element_stroke_width,
    relation_caption,
    relation_strokes,
)
from .shapes import arrowhead, end_angle
from .style import Theme

# Why: an export paints every relation and element through ~10 Python-level QPainter calls each (save,
# pens, brushes, paths, restore). Here a run of relations that look the same is stroked as one path and
# its arrowheads filled as another, and the shadows and bodies of elements that do not overlap are
# filled per colour in one path each. What lands on the page is the same: the relations keep their
# order wherever their colour or pattern changes (and around every caption), elements are drawn this
# way only when no two of them (shadow, stroke and badge included) overlap, so the order among them
# cannot show; the same-coloured strokes of one run merge where they cross, as they looked anyway.
# Each subpath starts its dash pattern afresh, as its own stroke did.

_AA = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_WINDING = Qt.FillRule.WindingFill
SHADOW_OFFSET = 1.8  # as paint_element


def paint_relations(painter: QPainter, items: Sequence[tuple[Any, QPainterPath]], theme: Theme) -> None:
    """Paint (relation, path) pairs in order, as paint_relation would one by one (not selected, lod 1)."""
    painter.save()
    painter.setRenderHint(_AA, True)
    run: list[tuple[Any, QPainterPath]] = []
    key: tuple[str, Any] | None = None
    for relation, path in items:
        kind = relation.kind
        role = _attr(relation, "role") if kind == "operates" else None
        if (kind, role) != key and run:
            _paint_run(painter, run, theme, key)  # type: ignore[arg-type]
            run = []
        key = (kind, role)
        run.append((relation, path))
        if relation_caption(relation):  # its caption goes over its own line, under the next one's
            _paint_run(painter, run, theme, key)
            run = []
    if run:
        _paint_run(painter, run, theme, key)  # type: ignore[arg-type]
    painter.restore()


def _paint_run(painter: QPainter, run: list[tuple[Any, QPainterPath]], theme: Theme, key: tuple[str, Any]) -> None:
    style, color, pen, filled_pen, open_pen = _relation_look(key[0], theme, key[1])
    lines = QPainterPath()
    heads = QPainterPath()
    heads.setFillRule(_WINDING)  # arrowheads on one tip add up instead of cancelling out
    arrow = style.arrow
    length, width = 10 + style.width * 1.2, 7 + style.width * 1.2
    for _, path in run:
        for stroke in relation_strokes(path, style.double):
            lines.addPath(stroke)
        count = path.elementCount()
        if arrow != "none" and count == 2:  # straight: the head from the two points, no QPolygonF
            a, b = path.elementAt(0), path.elementAt(1)
            tx, ty = b.x, b.y
            angle = math.atan2(ty - a.y, tx - a.x)
            cos, sin = math.cos(angle), math.sin(angle)
            back_x, back_y = tx - length * cos, ty - length * sin
            nx, ny = -sin * width / 2, cos * width / 2
            if arrow == "filled":
                heads.moveTo(tx, ty)
                heads.lineTo(back_x + nx, back_y + ny)
                heads.lineTo(back_x - nx, back_y - ny)
                heads.closeSubpath()
            else:
                heads.moveTo(back_x + nx, back_y + ny)
                heads.lineTo(tx, ty)
                heads.lineTo(back_x - nx, back_y - ny)
        elif arrow != "none" and count > 2:
            head = arrowhead(path.pointAtPercent(1.0), end_angle(path), length=length, width=width)
            if arrow == "filled":
                heads.addPolygon(head)
                heads.closeSubpath()
            else:
                heads.moveTo(head[1])
                heads.lineTo(head[0])
                heads.lineTo(head[2])
    painter.setBrush(_NO_BRUSH)
    painter.setPen(pen)
    painter.drawPath(lines)
    if not heads.isEmpty():
        if arrow == "filled":
            painter.setPen(filled_pen)
            painter.setBrush(color)
        else:
            painter.setPen(open_pen)
        painter.drawPath(heads)
    relation, path = run[-1]
    caption = relation_caption(relation)
    if caption:
        _paint_caption(painter, caption, path.pointAtPercent(0.5), theme, style.color)


def apart(rects: Sequence[QRectF]) -> bool:
    """Whether no two elements' painted areas (element_bounds) overlap: a sweep along x."""
    boxes = sorted((b.left(), b.right(), b.top(), b.bottom()) for b in map(element_bounds, rects))
    active: list[tuple[float, float, float]] = []  # right, top, bottom of boxes still reaching this x
    for left, right, top, bottom in boxes:
        active = [a for a in active if a[0] > left]
        for _, a_top, a_bottom in active:
            if top < a_bottom and a_top < bottom:
                return False
        active.append((right, top, bottom))
    return True


def paint_elements(painter: QPainter, items: Sequence[tuple[Any, QRectF, str | None, str | None]],
                   theme: Theme) -> None:
    """Paint (element, rect, badge, lang) as paint_element would one by one (not selected, lod 1)."""
    painter.save()
    painter.setRenderHint(_AA, True)
    looks = [(element_look(element, theme), element_stroke_width(element)) for element, _, _, _ in items]
    element_pictures.paint_elements(painter, list(items), theme, looks)
    painter.restore()
