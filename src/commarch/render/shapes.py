"""Geometry: element outlines, the box a label may use, relation paths clipped to outlines, arrowheads."""

from __future__ import annotations

import bisect
import math
import threading
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from .style import HEADER_HEIGHT, KIND_SHAPES, element_size

NOTE_FOLD = 14.0
TAG_POINT = 16.0
ARROW_LENGTH = 11.0
ARROW_WIDTH = 8.0
_PAD = 8.0  # label padding inside the outline


def element_rect(kind: str, x: float, y: float) -> QRectF:
    """The element's rect in scene coordinates: `x`, `y` are its centre (as in the file format)."""
    w, h = element_size(kind)
    return QRectF(x - w / 2, y - h / 2, w, h)


def _hexagon_inset(rect: QRectF) -> float:
    return min(rect.height() / 2.6, rect.width() / 5)


def element_shape(kind: str, rect: QRectF) -> QPainterPath:
    """The closed outline of an element of `kind` filling `rect`."""
    shape = KIND_SHAPES.get(kind, "rounded")
    path = QPainterPath()
    left, t, r, b = rect.left(), rect.top(), rect.right(), rect.bottom()
    if shape == "pill":
        radius = min(rect.height(), rect.width()) / 2
        path.addRoundedRect(rect, radius, radius)
    elif shape == "rounded":
        path.addRoundedRect(rect, 10, 10)
    elif shape == "header_rect":
        path.addRoundedRect(rect, 3, 3)
    elif shape == "hexagon":
        inset = _hexagon_inset(rect)
        cy = rect.center().y()
        path.addPolygon(QPolygonF([QPointF(left + inset, t), QPointF(r - inset, t), QPointF(r, cy),
                                   QPointF(r - inset, b), QPointF(left + inset, b), QPointF(left, cy)]))
        path.closeSubpath()
    elif shape == "tag":
        point = min(TAG_POINT, rect.width() / 4)
        cy = rect.center().y()
        path.moveTo(left + point, t)
        path.lineTo(r - 4, t)
        path.quadTo(r, t, r, t + 4)
        path.lineTo(r, b - 4)
        path.quadTo(r, b, r - 4, b)
        path.lineTo(left + point, b)
        path.lineTo(left, cy)
        path.closeSubpath()
    else:  # note: a sheet with its top-right corner folded
        fold = min(NOTE_FOLD, rect.width() / 4, rect.height() / 4)
        path.addPolygon(QPolygonF([QPointF(left, t), QPointF(r - fold, t), QPointF(r, t + fold),
                                   QPointF(r, b), QPointF(left, b)]))
        path.closeSubpath()
    return path


def note_fold(rect: QRectF) -> QPainterPath:
    """The small folded-over triangle of a note (drawn on top of the sheet)."""
    fold = min(NOTE_FOLD, rect.width() / 4, rect.height() / 4)
    r, t = rect.right(), rect.top()
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(r - fold, t), QPointF(r - fold, t + fold), QPointF(r, t + fold)]))
    path.closeSubpath()
    return path


def header_rect(rect: QRectF) -> QRectF:
    """The department's header band."""
    return QRectF(rect.left(), rect.top(), rect.width(), min(HEADER_HEIGHT, rect.height() / 2))


def icon_rect(kind: str, rect: QRectF, size: float = 14.0) -> QRectF | None:
    """Where the small kind icon goes (None: this kind has no icon): the header band, else the left end."""
    shape = KIND_SHAPES.get(kind, "rounded")
    if shape == "note":
        return None
    if shape == "header_rect":
        band = header_rect(rect)
        return QRectF(band.left() + 5, band.center().y() - size / 2, size, size)
    dx = {"pill": rect.height() * 0.22, "hexagon": 9.0, "tag": min(TAG_POINT, rect.width() / 4) - 5}
    return QRectF(rect.left() + dx.get(shape, 8.0), rect.center().y() - size / 2, size, size)


def label_box(kind: str, rect: QRectF) -> QRectF:
    """The box a label may use: inside the outline, clear of the header band, icon and folded corner."""
    shape = KIND_SHAPES.get(kind, "rounded")
    if shape == "header_rect":
        band = header_rect(rect)
        return QRectF(rect.left() + _PAD, band.bottom() + 3, rect.width() - 2 * _PAD,
                      rect.bottom() - band.bottom() - 3 - 5)
    if shape == "note":
        fold = min(NOTE_FOLD, rect.width() / 4, rect.height() / 4)
        return rect.adjusted(fold, _PAD, -fold, -_PAD)
    icon = icon_rect(kind, rect)
    left = (icon.right() if icon else rect.left()) + 5
    right = {"pill": rect.height() * 0.30, "hexagon": _hexagon_inset(rect) * 0.85}.get(shape, _PAD)
    vertical = _PAD - 2
    return QRectF(left, rect.top() + vertical, rect.right() - right - left, rect.height() - 2 * vertical)


# --- relations ----------------------------------------------------------------------------------------

def _quad_point(p0: QPointF, p1: QPointF, p2: QPointF, t: float) -> QPointF:
    u = 1 - t
    return p0 * (u * u) + p1 * (2 * u * t) + p2 * (t * t)


def _exit_t(p0: QPointF, p1: QPointF, p2: QPointF, outline: QPainterPath, *, leaving: bool) -> float:
    """The parameter where the curve crosses `outline` (by bisection): the fallback of _Outline.exit_t."""
    lo, hi = 0.0, 1.0
    for _ in range(24):
        mid = (lo + hi) / 2
        inside = outline.contains(_quad_point(p0, p1, p2, mid))
        if inside == leaving:
            lo = mid
        else:
            hi = mid
    return hi if leaving else lo


_FLATTEN = 64.0  # flatten the outline at 64x: the polygon stays within ~0.003 units of the rounded corners
_EPS = 1e-9


class _Outline:
    """An outline as a polygon around its centre, vertices sorted by angle (every outline is star-shaped
    from its centre), so the edge a ray from the centre meets is found by bisection over the angles."""

    def __init__(self, kind: str, width: float, height: float):
        rect = QRectF(-width / 2, -height / 2, width, height)
        self.path = element_shape(kind, rect)
        scale = QTransform.fromScale(_FLATTEN, _FLATTEN)
        points: dict[float, tuple[float, float]] = {}
        for q in self.path.toFillPolygon(scale):
            x, y = q.x() / _FLATTEN, q.y() / _FLATTEN
            if x or y:
                points.setdefault(math.atan2(y, x), (x, y))
        self.angles = sorted(points)
        self.points = [points[a] for a in self.angles]

    def edge(self, angle: float) -> tuple[float, float, float, float]:
        i = bisect.bisect_right(self.angles, angle) - 1  # -1: before the first vertex, the closing edge
        px, py = self.points[i]
        qx, qy = self.points[(i + 1) % len(self.points)]
        return px, py, qx - px, qy - py

    def exit_t(self, cx: float, cy: float, bx: float, by: float) -> float | None:
        """Where the curve 2t(1-t)·C + t²·B (from the centre, control C, end B; local coordinates) leaves
        the outline; None when no crossing was found (the caller then bisects)."""
        ax2, ay2 = bx - 2 * cx, by - 2 * cy  # P(t) = 2t·C + t²·(B - 2C)
        straight = abs(ax2) < _EPS and abs(ay2) < _EPS
        angle = math.atan2(cy, cx) if (cx or cy) else math.atan2(by, bx)
        for _ in range(8):
            px, py, ex, ey = self.edge(angle)
            nx, ny = -ey, ex  # normal of the edge: n·P(t) = n·p on its line
            k0 = nx * px + ny * py
            k1 = 2 * (nx * cx + ny * cy)
            k2 = nx * ax2 + ny * ay2
            t = _first_root(k2, k1, -k0, straight)
            if t is None:
                return None
            x, y = 2 * t * cx + t * t * ax2, 2 * t * cy + t * t * ay2
            length = ex * ex + ey * ey
            v = ((x - px) * ex + (y - py) * ey) / length if length else 0.0
            if -1e-6 <= v <= 1 + 1e-6:
                return t
            angle = math.atan2(y, x)  # the crossing lies on another edge's line: follow it there
        return None


def _first_root(a: float, b: float, c: float, linear: bool) -> float | None:
    """The smallest root of a·t² + b·t + c in (0, 1]."""
    if linear or abs(a) < _EPS:
        if abs(b) < _EPS:
            return None
        t = -c / b
        return t if 0.0 < t <= 1.0 + 1e-12 else None
    disc = b * b - 4 * a * c
    if disc < 0:
        return None
    root = math.sqrt(disc)
    roots = sorted(((-b - root) / (2 * a), (-b + root) / (2 * a)))
    for t in roots:
        if 0.0 < t <= 1.0 + 1e-12:
            return t
    return None


@lru_cache(maxsize=128)
def _cached_outline(kind: str, width: float, height: float, thread: int) -> _Outline:
    return _Outline(kind, width, height)


def _outline(kind: str, width: float, height: float) -> _Outline:
    # one per thread: QPainterPath fills caches inside const calls, and reports are drawn in a worker
    # thread while the canvas computes the same outlines
    return _cached_outline(kind, width, height, threading.get_ident())


def _clip_t(kind: str, rect: QRectF, ax: float, ay: float, cx: float, cy: float, bx: float, by: float
            ) -> float:
    """Where the curve a → b (control c) leaves the outline of `kind` filling `rect` (centred on a)."""
    return _clip(_outline(kind, rect.width(), rect.height()), kind, rect, ax, ay, cx, cy, bx, by)


def _clip(outline: _Outline, kind: str, rect: QRectF, ax: float, ay: float, cx: float, cy: float, bx: float,
          by: float) -> float:
    t = outline.exit_t(cx - ax, cy - ay, bx - ax, by - ay)
    if t is None:
        return _exit_t(QPointF(ax, ay), QPointF(cx, cy), QPointF(bx, by), element_shape(kind, rect), leaving=True)
    return min(t, 1.0)


# An element as a relation end: centre x, y, width, height, outline (this thread's), kind, rect.
Anchor = tuple[float, float, float, float, _Outline, str, QRectF]
# A relation's geometry: start x, y, control x, y (None when straight), end x, y.
RelationPoints = tuple[float, float, float | None, float | None, float, float]


def relation_anchor(kind: str, rect: QRectF) -> Anchor:
    """What relation_points needs of an element, computed once per element (not once per relation end)."""
    w, h = rect.width(), rect.height()
    return rect.x() + w / 2, rect.y() + h / 2, w, h, _outline(kind, w, h), kind, rect


def _inside(outline: _Outline, w: float, h: float, x: float, y: float) -> bool:
    # the outline lies within its rect: a point beyond the rect's half-sizes is outside without asking Qt
    return abs(x) <= w / 2 and abs(y) <= h / 2 and outline.path.contains(QPointF(x, y))


def relation_points(src: Anchor, dst: Anchor, bend: float = 0.0) -> RelationPoints:
    """relation_path's geometry as floats: start, control (None unless bent) and end point."""
    ax, ay, sw, sh, src_outline, src_kind, src_rect = src
    bx, by, dw, dh, dst_outline, dst_kind, dst_rect = dst
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    cx, cy = (ax + bx) / 2, (ay + by) / 2
    if length > 0 and bend:  # sideways along the line's normal (QLineF.normalVector: (dy, -dx))
        cx += dy / length * (2 * bend)
        cy += -dx / length * (2 * bend)
    overlapping = (length < 1 or _inside(src_outline, sw, sh, dx, dy) or _inside(dst_outline, dw, dh, -dx, -dy))
    # the end is where the reversed curve leaves the target's outline
    t0 = 0.0 if overlapping else _clip(src_outline, src_kind, src_rect, ax, ay, cx, cy, bx, by)
    t1 = 1.0 if overlapping else 1.0 - _clip(dst_outline, dst_kind, dst_rect, bx, by, cx, cy, ax, ay)
    if t1 <= t0:
        t0, t1 = 0.0, 1.0
    x0, y0 = _blossom_xy(ax, ay, cx, cy, bx, by, t0, t0)
    x1, y1 = _blossom_xy(ax, ay, cx, cy, bx, by, t1, t1)
    if bend:
        qx, qy = _blossom_xy(ax, ay, cx, cy, bx, by, t0, t1)
        return x0, y0, qx, qy, x1, y1
    return x0, y0, None, None, x1, y1


def points_path(points: RelationPoints) -> QPainterPath:
    """The QPainterPath of relation_points: one line, or one quadratic curve."""
    x0, y0, qx, qy, x1, y1 = points
    path = QPainterPath()
    path.moveTo(x0, y0)
    if qx is None:
        path.lineTo(x1, y1)
    else:
        path.quadTo(qx, qy, x1, y1)  # type: ignore[arg-type]
    return path


def relation_path(kind: str, src_rect: QRectF, dst_rect: QRectF, *, src_kind: str | None = None,
                  dst_kind: str | None = None, bend: float = 0.0) -> QPainterPath:
    """The edge from `src_rect` to `dst_rect`, clipped to both outlines.

    `bend` bows the edge sideways by that many scene units (for two relations between one pair).
    The result is one straight segment, or one quadratic curve when bent.
    """
    src = relation_anchor(src_kind or "channel", src_rect)
    dst = relation_anchor(dst_kind or "channel", dst_rect)
    return points_path(relation_points(src, dst, bend))


def _blossom_xy(ax: float, ay: float, cx: float, cy: float, bx: float, by: float, a: float, b: float
                ) -> tuple[float, float]:
    u, v, w = (1 - a) * (1 - b), (1 - a) * b + a * (1 - b), a * b
    return ax * u + cx * v + bx * w, ay * u + cy * v + by * w


def end_angle(path: QPainterPath, at_start: bool = False) -> float:
    """Direction of travel at the path's end (or start, looking backwards), radians in scene coordinates."""
    if path.elementCount() < 2:
        return 0.0
    if at_start:
        p, q = path.pointAtPercent(0.02), path.pointAtPercent(0.0)
    else:
        p, q = path.pointAtPercent(0.98), path.pointAtPercent(1.0)
    return math.atan2(q.y() - p.y(), q.x() - p.x())


def arrowhead(tip: QPointF, angle: float, *, length: float = ARROW_LENGTH, width: float = ARROW_WIDTH
              ) -> QPolygonF:
    """A triangle with its point at `tip`, pointing along `angle`."""
    back = QPointF(tip.x() - length * math.cos(angle), tip.y() - length * math.sin(angle))
    nx, ny = -math.sin(angle) * width / 2, math.cos(angle) * width / 2
    return QPolygonF([tip, QPointF(back.x() + nx, back.y() + ny), QPointF(back.x() - nx, back.y() - ny)])
