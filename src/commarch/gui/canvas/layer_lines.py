"""The relation layer's painting of one area: long straight lines cut to the area, the rest painted in full."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from commarch.render import paint_relation
from commarch.render.painter import relation_line_look, relation_strokes
from commarch.render.style import MIN_READABLE_LOD, Theme

from .items import CAPTION_HALF_WIDTH, RelationItem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect
_ASCENDING = Qt.SortOrder.AscendingOrder
_AA = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush
_SOLID = Qt.PenStyle.SolidLine
HEAD_REACH = 30.0  # around an arrowhead's tip: the head (~14 long) and its pen, generously
CAPTION_REACH = 20.0  # ... and a caption's half height around the midpoint
LINE, HEAD, FULL = 0, 1, 2  # what of a relation reaches into an area: see Line.reach


class Line:
    """What a straight relation's line needs to be drawn in pieces: its pen, dash period and strokes.

    Valid while the item keeps the same path object (a move, bend or relation change makes a new one)
    and the theme is the same object."""

    __slots__ = ("path", "theme", "pen", "pad", "strokes", "tip", "mid")

    def __init__(self, item: RelationItem, path: QPainterPath, theme: Theme):
        style, pen = relation_line_look(item.relation, theme)
        self.path = path
        self.theme = theme
        self.pen: QPen = pen
        width = pen.widthF()
        # Qt's dasher restarts the pattern on every subpath; a piece started a whole number of periods
        # after the path's start puts every dash where the whole path would
        period = sum(pen.dashPattern()) * width if pen.style() != _SOLID else 0.0
        self.pad = width  # the pen's half width and a round cap, twice over; AA is added per paint
        strokes = []
        for stroke in relation_strokes(path, style.double):
            a, b = stroke.elementAt(0), stroke.elementAt(1)
            dx, dy = b.x - a.x, b.y - a.y
            length = math.hypot(dx, dy)
            # start, direction (to the end) and one dash period as a fraction of it (0: solid)
            strokes.append((a.x, a.y, dx, dy, period / length if period and length else 0.0))
        self.strokes = tuple(strokes)
        first, last = path.elementAt(0), path.elementAt(1)
        # the arrowhead's point (None: no arrowhead, or rails, which are never cut with their head)
        self.tip = (last.x, last.y) if style.arrow != "none" and len(strokes) == 1 else None
        # where the caption is centred (None: no caption)
        self.mid = ((first.x + last.x) / 2, (first.y + last.y) / 2) if item._captioned else None  # noqa: SLF001

    def reach(self, left: float, top: float, right: float, bottom: float) -> int:
        """What falls into this scene rectangle besides the line: FULL if a caption may (the item paints
        itself), HEAD if the arrowhead may, LINE if nothing else (the line's start needs no care: a piece
        that starts there starts where the whole path does)."""
        mid = self.mid
        if mid is not None:
            mx, my = mid
            if (left - CAPTION_HALF_WIDTH <= mx <= right + CAPTION_HALF_WIDTH
                    and top - CAPTION_REACH <= my <= bottom + CAPTION_REACH):
                return FULL
        tip = self.tip
        if tip is not None:
            tx, ty = tip
            h = HEAD_REACH
            if left - h <= tx <= right + h and top - h <= ty <= bottom + h:
                return FULL if mid is not None else HEAD  # a shorter path would move the caption
        return LINE


def line_of(item: RelationItem, theme: Theme) -> Line | None:
    """The item's Line (cached on it as `layer_line`), or None if it is not one straight segment."""
    if item.bend or item.preview:
        return None
    path = item.path()
    line = item.layer_line
    if line is not None and line.path is path and line.theme is theme:
        return line
    if path.elementCount() != 2 or not path.elementAt(1).isLineTo():
        return None
    line = item.layer_line = Line(item, path, theme)
    return line


def paint_relations(painter: QPainter, scene: QGraphicsScene, option: QStyleOptionGraphicsItem,
                    widget: QWidget | None, area: QRectF, theme: Theme) -> None:
    """Paint the plain relations (no contents of their own) that reach into `area` (scene coordinates),
    in stacking order, as the layer shows them.

    A strip that a pan brings into view is crossed by many long relations of which only the line shows
    (~100 on a 1080p screen at 10,000 elements). Each is cut to the area plus a margin before it is
    stroked: Qt's dasher otherwise walks every dash of the whole line, and the cost then grows with the
    model. A dashed line's piece starts a whole number of dash periods from the line's start, so every
    dash lies where the whole line puts it: the same pixels. A relation whose arrowhead is near is
    painted by paint_relation along the piece from there to its end (same tip, same direction); one
    whose caption is near, or that is not straight, paints itself in full.
    """
    lod = option.levelOfDetailFromTransform(painter.worldTransform())  # type: ignore[attr-defined]
    lean = lod >= MIN_READABLE_LOD  # there the item paints its clipped path(), as the lean way does
    left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
    aa = 2.0 / lod if lod > 0 else 2.0  # antialiasing reaches a pixel beyond the pen; two, to be safe
    pen: QPen | None = None
    # the scene's index finds the few relations here (a Python loop over all would be O(N) per strip)
    for item in scene.items(area, _BOUNDS, _ASCENDING):
        if not isinstance(item, RelationItem) or item.drawn:  # (a dragged one has no path yet: keep it so)
            continue
        line = item.layer_line
        # the cached line is current while the item keeps its path object (see Line)
        if line is None or line.path is not item._path or line.theme is not theme:  # noqa: SLF001
            line = line_of(item, theme) if lean else None
        if line is None or item.preview or (reach := line.reach(left, top, right, bottom)) == FULL:
            if item.meets(left, top, right, bottom):
                item.paint(painter, option, widget)  # saves and restores the painter: our pen stays
            continue
        pad = line.pad + aa
        for x0, y0, dx, dy, step in line.strokes:
            cut = _cut(x0, y0, dx, dy, left - pad, top - pad, right + pad, bottom + pad)
            if cut is None:
                if reach == HEAD and item.meets(left, top, right, bottom):  # the head alone may reach in
                    item.paint(painter, option, widget)
                continue
            t0, t1 = cut
            if t0 > 0.0 and step:
                t0 = math.floor(t0 / step) * step  # back to the start of a dash period
            piece = QPainterPath(QPointF(x0 + dx * t0, y0 + dy * t0))
            if reach == HEAD:  # to the very end: the arrowhead sits on it and points along it
                piece.lineTo(x0 + dx, y0 + dy)
                paint_relation(painter, item.relation, piece, theme, lod=lod)  # saves and restores too
                continue
            if pen is not line.pen:
                if pen is None:
                    painter.save()
                    painter.setRenderHint(_AA, True)
                    painter.setBrush(_NO_BRUSH)
                pen = line.pen
                painter.setPen(pen)
            piece.lineTo(x0 + dx * t1, y0 + dy * t1)
            painter.drawPath(piece)
    if pen is not None:
        painter.restore()


def _cut(x0: float, y0: float, dx: float, dy: float, left: float, top: float, right: float,
         bottom: float) -> tuple[float, float] | None:
    """The part (t0, t1) of the segment (x0, y0) + t (dx, dy), 0 <= t <= 1, inside the rectangle, or None."""
    span = _slab(0.0, 1.0, x0, dx, left, right)
    return None if span is None else _slab(span[0], span[1], y0, dy, top, bottom)


def _slab(t0: float, t1: float, p0: float, d: float, low: float, high: float) -> tuple[float, float] | None:
    """(t0, t1) narrowed to where p0 + t d lies within [low, high] on one axis, or None if nowhere."""
    if d:
        a, b = (low - p0) / d, (high - p0) / d
        if a > b:
            a, b = b, a
        if a > t0:
            t0 = a
        if b < t1:
            t1 = b
    elif not low <= p0 <= high:
        return None
    return (t0, t1) if t0 <= t1 else None
